"""Timeline lines for what changed inside a clip: its settings (loop, markers, pitch, gain, warp,
colour, launch settings) and its notes (transposed, velocities, moved, lengths, added/removed), in
the words a musician uses. Parts come from ``timeline.clip_part``: (values of CLIP_SHOWN, notes)."""
from __future__ import annotations

from collections import Counter

CLIP_SHOWN = ("color", "looping", "loop_start", "loop_end", "start_marker", "end_marker", "pitch_coarse",
              "pitch_fine", "gain", "warping", "warp_mode", "muted", "launch_mode", "launch_quantization",
              "legato", "velocity_amount")


def _num(v):
    if isinstance(v, float):
        return ("%.3f" % v).rstrip("0").rstrip(".") if v != int(v) else "%d" % v
    return str(v)


def _word(v):
    """An enum as lmac's keyword (WarpMode.complex_pro -> :complex-pro), a number as itself."""
    name = getattr(v, "name", None)
    if isinstance(name, str) and not name.isdigit():
        return ":" + name.replace("_", "-")
    return _num(v)


def _on(v):
    return "on" if v else "off"


def clip_changes(name, track_name, old, new):
    """Lines (text) for what changed from clip part old to new."""
    (old_values, old_notes), (new_values, new_notes) = old, new
    a = dict(zip(CLIP_SHOWN, old_values))
    b = dict(zip(CLIP_SHOWN, new_values))
    clip = 'clip "%s" on "%s"' % (name, track_name)
    out = []

    def moved(*keys):
        return any(a[k] != b[k] for k in keys)

    if moved("color") and b["color"] is not None:
        out.append("colour of %s -> #%06x" % (clip, b["color"] or 0))
    if moved("looping"):
        out.append("%s loop %s" % (clip, _on(b["looping"])))
    if moved("loop_start", "loop_end"):
        out.append("%s loop %s-%s -> %s-%s" % (clip, _num(a["loop_start"]), _num(a["loop_end"]),
                                               _num(b["loop_start"]), _num(b["loop_end"])))
    if moved("start_marker", "end_marker"):
        out.append("%s start/end %s-%s -> %s-%s" % (clip, _num(a["start_marker"]), _num(a["end_marker"]),
                                                    _num(b["start_marker"]), _num(b["end_marker"])))
    if moved("pitch_coarse"):
        out.append("%s pitch %+d -> %+d st" % (clip, a["pitch_coarse"] or 0, b["pitch_coarse"] or 0))
    if moved("pitch_fine"):
        out.append("%s detune %s -> %s ct" % (clip, _num(a["pitch_fine"]), _num(b["pitch_fine"])))
    if moved("gain"):
        out.append("%s gain %s -> %s" % (clip, _num(a["gain"]), _num(b["gain"])))
    if moved("warping"):
        out.append("%s warp %s" % (clip, _on(b["warping"])))
    if moved("warp_mode"):
        out.append("%s warp mode %s -> %s" % (clip, _word(a["warp_mode"]), _word(b["warp_mode"])))
    if moved("muted"):
        out.append("%s %s" % (clip, "deactivated" if b["muted"] else "activated"))
    for key, words in (("launch_mode", "launch mode"), ("launch_quantization", "launch quantization")):
        if moved(key):
            out.append("%s %s %s -> %s" % (clip, words, _word(a[key]), _word(b[key])))
    if moved("legato"):
        out.append("%s legato %s" % (clip, _on(b["legato"])))
    if moved("velocity_amount"):
        out.append("%s velocity amount %s -> %s" % (clip, _num(a["velocity_amount"]), _num(b["velocity_amount"])))
    if old_notes != new_notes:
        out.append(notes_change(clip, old_notes, new_notes))
    return out


def notes_change(clip, old, new):
    """One line for an edit of the notes (tuples of pitch, start, duration, velocity, mute), naming
    the edit when all notes changed the same way."""
    if len(old) == len(new) and old:
        pairs = list(zip(old, new))
        same = lambda *fields: all(all(x[f] == y[f] for f in fields) for x, y in pairs)
        shifts = set(y[0] - x[0] for x, y in pairs)
        if len(shifts) == 1 and same(1, 2, 3, 4):
            return "notes of %s transposed %+d" % (clip, shifts.pop())
        if same(0, 1, 2, 4):
            before = sum(x[3] for x in old) / float(len(old))
            after = sum(y[3] for y in new) / float(len(new))
            return "velocities of %s changed (average %s -> %s)" % (clip, _num(round(before, 1)), _num(round(after, 1)))
        if same(0, 2, 3, 4):
            count = sum(1 for x, y in pairs if x[1] != y[1])
            return "%d note%s of %s moved in time" % (count, "" if count == 1 else "s", clip)
        if same(0, 1, 3, 4):
            return "note lengths of %s changed" % clip
        if same(0, 1, 2, 3):
            muted = sum(1 for y in new if y[4])
            return "notes of %s: %d muted now" % (clip, muted)
    added = Counter(new) - Counter(old)
    removed = Counter(old) - Counter(new)
    parts = []
    if added:
        parts.append("+%d" % sum(added.values()))
    if removed:
        parts.append("-%d" % sum(removed.values()))
    return "notes of %s: %s (now %d)" % (clip, " ".join(parts) or "reordered", len(new))
