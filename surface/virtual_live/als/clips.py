"""A session clip of a Live set as the JSON set format's clip: name, colour, length, loop and
markers, launch settings, MIDI notes (Live 9/10 notes and Live 11+ notes with ids and chance)."""
from math import isfinite

from .units import color_fields
from .xml_values import as_bool, as_float, as_int, number, value


def clip_dict(elem, slot_index):
    """The clip in slot slot_index, or None when the element is no clip Live keeps in a slot."""
    is_midi = elem.tag == "MidiClip"
    out = {"slot": slot_index, "name": value(elem, "Name", "")}
    out.update(color_fields(value(elem, "Color", value(elem, "ColorIndex", -1))))
    out.update(_loop_fields(elem))
    _launch_fields(elem, out)
    if is_midi:
        out["notes"] = notes(elem.find("Notes/KeyTracks"))
    else:
        out["audio"] = _sample_path(elem)
    return out


def _loop_fields(elem):
    """Live stores one pair as LoopStart/LoopEnd and keeps the other in Hidden*: with the loop on,
    LoopStart/LoopEnd is the loop and the start marker is LoopStart + StartRelative, the end marker
    OutMarker; with it off, LoopStart/LoopEnd are the markers and HiddenLoopStart/End the loop."""
    loop = elem.find("Loop")
    if loop is None:
        start, end = as_float(elem, "CurrentStart", 0.0), as_float(elem, "CurrentEnd", 4.0)
        return {"length": max(end - start, 0.0) or 4.0, "looping": False, "markers": [start, end]}
    looping = as_bool(loop, "LoopOn", True)
    first, last = as_float(loop, "LoopStart", 0.0), as_float(loop, "LoopEnd", 4.0)
    if looping:
        loop_pair = [first, last]
        markers = [first + as_float(loop, "StartRelative", 0.0), as_float(loop, "OutMarker", last)]
    else:
        markers = [first, last]
        loop_pair = [as_float(loop, "HiddenLoopStart", first), as_float(loop, "HiddenLoopEnd", last)]
    if loop_pair[1] <= loop_pair[0]:
        loop_pair = list(markers)
    if markers[1] <= markers[0]:
        markers = list(loop_pair)
    span = loop_pair if looping else markers
    if not span[1] - span[0] > 0:       # nothing usable: a one-bar clip, as Live makes by default
        return {"length": 4.0, "looping": looping, "loop": [0.0, 4.0], "markers": [0.0, 4.0]}
    return {"length": span[1] - span[0], "looping": looping, "loop": loop_pair, "markers": markers}


def _launch_fields(elem, out):
    mode = as_int(elem, "LaunchMode", 0)
    if 0 < mode <= 3:
        out["launch_mode"] = mode
    quantization = as_int(elem, "LaunchQuantisation", 0)
    if 0 < quantization <= 14:      # Global, None, 8 Bars ... 1/32, as the API's ClipLaunchQuantization
        out["launch_quantization"] = quantization
    if as_bool(elem, "Legato", False):
        out["legato"] = True
    amount = as_float(elem, "VelocityAmount", 0.0)
    if 0.0 < amount <= 1.0:
        out["velocity_amount"] = amount
    if as_bool(elem, "Disabled", False):
        out["muted"] = True


def notes(key_tracks):
    """[pitch, start, duration, velocity, mute, probability, velocity deviation, release velocity] per
    note, grouped by Live under one KeyTrack per pitch."""
    out = []
    if key_tracks is None:
        return out
    for key_track in key_tracks:
        pitch, events = -1, None
        for part in key_track:          # one look at each child: sets hold many key tracks
            if part.tag == "MidiKey":
                pitch = int(number(part.get("Value"), -1))
            elif part.tag == "Notes":
                events = part
        if not 0 <= pitch <= 127 or events is None:
            continue
        for ev in events:
            if ev.tag != "MidiNoteEvent":
                continue
            get = ev.get
            try:    # the hot loop of a large set: plain float(), one finiteness check for the note
                start, duration = float(get("Time", 0)), float(get("Duration", 0.25))
                velocity, release = float(get("Velocity", 100)), float(get("OffVelocity", 64))
                chance, deviation = float(get("Probability", 1)), float(get("VelocityDeviation", 0))
            except (TypeError, ValueError):
                continue  # a damaged note is skipped, never fatal
            if not isfinite(start + duration + velocity + chance + deviation + release) or start < 0 or duration <= 0 \
                    or not (0.0 <= velocity <= 127.0 and 0.0 <= chance <= 1.0 and -127.0 <= deviation <= 127.0
                            and 0.0 <= release <= 127.0):
                continue
            out.append([pitch, start, duration, velocity, get("IsEnabled", "true") == "false", chance, deviation,
                        release])
    out.sort(key=lambda n: (n[1], n[0]))
    return out


def _sample_path(elem):
    ref = elem.find("SampleRef/FileRef")
    if ref is None:
        return "sample"
    for tag in ("Path", "RelativePath"):  # Live 11+: whole paths as values
        text = ref.find(tag)
        if text is not None and text.get("Value"):
            return text.get("Value")
    return value(ref, "Name", "sample") or "sample"  # Live 9/10: the file name
