"""A timeline of what changed in the set, derived from Live itself (not from the actions).

``Timeline(song, clock)``: ``capture()`` after each tick compares a snapshot of the set (read
through the public LOM API) with the previous one and records one line per change, stamped with
the song position (bar.beat.sixteenth) and milliseconds; ``note(text)`` records what a snapshot
cannot see. ``add_source(drain)`` adds events that carry their own time (MIDI the script sent,
macros a binding ran): each capture drains them. ``lines()`` lists everything in time order;
``summary()`` describes the set as it is now. Used by `lmac run`.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .adapter import ptr

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs)
    from Live.Song import Song
    from Live.Track import Track

_FLAGS = (("arm", "armed", "unarmed"), ("mute", "muted", "unmuted"), ("solo", "soloed", "unsoloed"))


def _get(obj, attr, default=None):
    try:
        return getattr(obj, attr)
    except Exception:
        return default


def track_kind(song: Song, track: Track) -> str:
    if track == song.master_track:
        return "main"
    if track in list(song.return_tracks):
        return "return"
    if _get(track, "is_foldable"):
        return "group"
    return "midi" if _get(track, "has_midi_input") else "audio"


def _fmt(v):
    if isinstance(v, float):
        return ("%.3f" % v).rstrip("0").rstrip(".") if v != int(v) else "%d" % v
    return str(v)


def snapshot(song: Song) -> dict:
    snap = {"tempo": song.tempo, "signature": "%d/%d" % (song.signature_numerator, song.signature_denominator),
            "metronome": song.metronome, "overdub": song.overdub, "record": song.record_mode,
            "session-record": song.session_record, "playing": song.is_playing,
            "loop": (song.loop, song.loop_start, song.loop_length),
            "quantize": int(song.clip_trigger_quantization),
            "locators": tuple((c.name, c.time) for c in song.cue_points)}
    tracks = []
    all_tracks = list(song.tracks) + list(song.return_tracks) + [song.master_track]
    for number, t in enumerate(all_tracks):
        mixer = t.mixer_device
        devices = []
        for d in t.devices:
            devices.append((ptr(d), d.name, tuple(p.value for p in d.parameters)))
        playing = None
        index = _get(t, "playing_slot_index", -1)
        if index is not None and index >= 0:
            slot = t.clip_slots[index]
            playing = slot.clip.name if slot.has_clip else None
        clips = tuple((i, ptr(s.clip), s.clip.name) for i, s in enumerate(_get(t, "clip_slots", ()))
                      if s.has_clip)
        tracks.append((ptr(t), {
            "name": t.name, "kind": track_kind(song, t), "number": number + 1,
            "arm": _get(t, "arm", False) if _get(t, "can_be_armed") else False,
            "mute": _get(t, "mute", False), "solo": _get(t, "solo", False),
            "color": _get(t, "color", 0), "fold": _get(t, "fold_state", None),
            "monitor": _get(t, "current_monitoring_state", None),
            "volume": mixer.volume.value, "pan": mixer.panning.value,
            "sends": tuple(s.value for s in mixer.sends),
            "devices": tuple(devices), "playing": playing, "clips": clips}))
    snap["tracks"] = tracks
    snap["scenes"] = [(ptr(s), s.name, s.color) for s in song.scenes]
    snap["selected"] = _get(song.view.selected_track, "name")
    return snap


def diff(old, new):
    """Lines describing what changed from snapshot old to snapshot new."""
    out = []
    for key, word in (("tempo", "tempo"), ("signature", "signature"), ("quantize", "launch quantization")):
        if old[key] != new[key]:
            out.append("%s %s -> %s" % (word, _fmt(old[key]), _fmt(new[key])))
    for key in ("metronome", "overdub", "record", "session-record"):
        if old[key] != new[key]:
            out.append("%s %s" % (key, "on" if new[key] else "off"))
    if old["playing"] != new["playing"]:
        out.append("transport %s" % ("playing" if new["playing"] else "stopped"))
    if old["loop"] != new["loop"]:
        on, start, length = new["loop"]
        out.append("arrangement loop %s (start %s, length %s)" % ("on" if on else "off", _fmt(start), _fmt(length)))
    if old["locators"] != new["locators"]:
        out.append("locators: %s" % ", ".join('"%s" at %s' % (n, _fmt(t)) for n, t in new["locators"]))
    old_tracks = dict(old["tracks"])
    new_keys = set(k for k, _ in new["tracks"])
    for key, t in new["tracks"]:          # new tracks first, then what changed on each track
        if key not in old_tracks:
            out.append('+ track %d "%s" (%s)' % (t["number"], t["name"], t["kind"]))
    for key, t in new["tracks"]:
        before = old_tracks.get(key)
        if before is None:
            for _, dname, _ in t["devices"]:
                out.append('%s added to "%s"' % (dname, t["name"]))
            for key, yes, _ in _FLAGS:      # a track can be born armed (the arm follows selection)
                if t[key]:
                    out.append('%s "%s"' % (yes, t["name"]))
            continue
        out.extend(_track_diff(before, t))
    for key, t in old["tracks"]:
        if key not in new_keys:
            out.append('- track "%s"' % t["name"])
    old_scenes = dict((k, (n, c)) for k, n, c in old["scenes"])
    new_scene_keys = set(k for k, _, _ in new["scenes"])
    for i, (key, name, color) in enumerate(new["scenes"]):
        if key not in old_scenes:
            out.append('+ scene %d "%s"' % (i + 1, name))
        elif old_scenes[key][0] != name:
            out.append('scene %d renamed "%s" -> "%s"' % (i + 1, old_scenes[key][0], name))
        elif old_scenes[key][1] != color:
            out.append('scene "%s" colour %s' % (name, _fmt(color)))
    for key, name, _ in old["scenes"]:
        if key not in new_scene_keys:
            out.append('- scene "%s"' % name)
    if old["selected"] != new["selected"] and new["selected"] is not None:
        out.append('selected "%s"' % new["selected"])
    return out


def _track_diff(a, b):
    out = []
    name = b["name"]
    if a["name"] != name:
        out.append('renamed "%s" -> "%s"' % (a["name"], name))
    for key, yes, no in _FLAGS:
        if a[key] != b[key]:
            out.append('%s "%s"' % (yes if b[key] else no, name))
    if a["color"] != b["color"]:
        out.append('colour of "%s" -> #%06x' % (name, b["color"] or 0))
    if a["fold"] != b["fold"]:
        out.append('%s "%s"' % ("folded" if b["fold"] else "unfolded", name))
    if a["monitor"] != b["monitor"]:
        out.append('monitor of "%s" -> %s' % (name, {0: "in", 1: "auto", 2: "off"}.get(b["monitor"], b["monitor"])))
    for key, word in (("volume", "volume"), ("pan", "pan")):
        if abs(a[key] - b[key]) > 1e-9:
            out.append('%s of "%s" %s -> %s' % (word, name, _fmt(a[key]), _fmt(b[key])))
    for i, (x, y) in enumerate(zip(a["sends"], b["sends"])):
        if abs(x - y) > 1e-9:
            out.append('send %s of "%s" %s -> %s' % ("ABCDEFGHIJKL"[i], name, _fmt(x), _fmt(y)))
    old_devices = dict((k, (n, p)) for k, n, p in a["devices"])
    new_keys = set(k for k, _, _ in b["devices"])
    for key, dname, params in b["devices"]:
        if key not in old_devices:
            out.append('%s added to "%s"' % (dname, name))
        else:
            oname, oparams = old_devices[key]
            if oname != dname:
                out.append('device "%s" on "%s" renamed "%s"' % (oname, name, dname))
            changed = [i for i, (x, y) in enumerate(zip(oparams, params)) if abs(x - y) > 1e-9]
            if changed:
                out.append('%s on "%s": %d parameter%s changed' % (dname, name, len(changed),
                                                                    "" if len(changed) == 1 else "s"))
    for key, (dname, _) in old_devices.items():
        if key not in new_keys:
            out.append('%s removed from "%s"' % (dname, name))
    if a["clips"] != b["clips"]:
        old_clips = dict((k, (i, n)) for i, k, n in a["clips"])
        new_clips = dict((k, (i, n)) for i, k, n in b["clips"])
        for key, (i, n) in new_clips.items():
            if key not in old_clips:
                out.append('+ clip "%s" in slot %d of "%s"' % (n, i + 1, name))
            elif old_clips[key][1] != n:
                out.append('clip "%s" renamed "%s"' % (old_clips[key][1], n))
        for key, (i, n) in old_clips.items():
            if key not in new_clips:
                out.append('- clip "%s" from slot %d of "%s"' % (n, i + 1, name))
    if a["playing"] != b["playing"]:
        if b["playing"] is not None:
            out.append('clip "%s" playing on "%s"' % (b["playing"], name))
        else:
            out.append('clip "%s" stopped on "%s"' % (a["playing"], name))
    return out


def _value_change(line):
    """'volume of "Bass" 0.8 -> 0.7' -> ('volume of "Bass"', '0.8', '0.7'); other lines -> (None, ...)."""
    if " -> " not in line:
        return None, None, None
    left, new = line.rsplit(" -> ", 1)
    if " " not in left:
        return None, None, None
    key, old = left.rsplit(" ", 1)
    return key, old, new


def position(beats, numerator, denominator):
    """Song time in beats -> "bar.beat.sixteenth" (1-based, as Live shows it)."""
    beat_len = 4.0 / denominator
    bar_len = numerator * beat_len
    beats = max(0.0, beats) + 1e-6
    bar = int(math.floor(beats / bar_len))
    rest = beats - bar * bar_len
    beat = int(math.floor(rest / beat_len))
    six = int(math.floor((rest - beat * beat_len) / 0.25))
    return "%d.%d.%d" % (bar + 1, beat + 1, six + 1)


class Timeline(object):
    def __init__(self, song: Song, clock):
        self.song = song
        self.clock = clock
        self.entries: list = []  # [ms, "bar.beat.six", text, glide end (ms, pos) or None]
        self.t0 = clock.now_ms()
        self._last = snapshot(song)
        self._gliding: dict = {}  # "volume of \"Bass\"" -> entry changed in the previous capture
        self._captures = 0
        self._sources: list = []  # (drain, before_changes)

    def _stamp(self):
        song = self.song
        return (self.clock.now_ms() - self.t0,
                position(song.current_song_time, song.signature_numerator, song.signature_denominator))

    def add_source(self, drain, before_changes=True):
        """drain() -> [(clock ms, text)] of the events since the last call. Within one capture,
        events of sources before_changes come before the set changes (a macro run precedes what
        it changed), the others after them (the LED a change lit)."""
        self._sources.append((drain, before_changes))

    def _drain(self, before):
        pos = None
        for drain, first in self._sources:
            if first != before:
                continue
            for ms, text in drain():
                if pos is None:
                    pos = self._stamp()[1]
                self.entries.append([ms - self.t0, pos, text, None])

    def capture(self):
        self._drain(True)
        now = snapshot(self.song)
        lines = diff(self._last, now)
        self._last = now
        self._captures += 1
        gliding = {}
        if lines:
            ms, pos = self._stamp()
            for line in lines:
                key, old, new = _value_change(line)
                entry = self._gliding.get(key) if key else None
                if entry is not None:
                    # A value moving tick after tick (a ramp) is one entry: first value -> latest.
                    first = _value_change(entry[2])[1]
                    entry[2] = "%s %s -> %s" % (key, first, new)
                    entry[3] = (ms, pos)
                else:
                    entry = [ms, pos, line, None]
                    self.entries.append(entry)
                if key:
                    gliding[key] = entry
        self._gliding = gliding
        self._drain(False)
        return lines

    def note(self, text):
        """Record a line now; returns the entry ([ms, position, text, glide end]) so the caller can amend it."""
        ms, pos = self._stamp()
        entry = [ms, pos, text, None]
        self.entries.append(entry)
        return entry

    # components of the Remote Script have connect/tick/disconnect
    def connect(self):
        pass

    def tick(self):
        self.capture()

    def disconnect(self):
        pass

    def lines(self):
        out = []
        for ms, pos, text, end in sorted(self.entries, key=lambda e: e[0]):   # stable: same-ms order kept
            if end is not None:
                text += "  (glide until %s, %d ms)" % (end[1], int(round(end[0])))
            out.append("%9s %6d ms  %s" % (pos, int(round(ms)), text))
        return out

    def summary(self):
        song = self.song
        out = ["tempo %s, %d/%d, %s" % (_fmt(song.tempo), song.signature_numerator, song.signature_denominator,
                                         "playing" if song.is_playing else "stopped")]
        snap = snapshot(song)
        for _, t in snap["tracks"]:
            flags = [w for w, on in (("armed", t["arm"]), ("muted", t["mute"]), ("soloed", t["solo"])) if on]
            line = '%2d "%s" (%s)' % (t["number"], t["name"], t["kind"])
            if flags:
                line += " " + " ".join(flags)
            if t["devices"]:
                line += ": " + ", ".join(n for _, n, _ in t["devices"])
            if t["playing"]:
                line += '  > playing "%s"' % t["playing"]
            out.append(line)
        return out
