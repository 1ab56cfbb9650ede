"""What a musician sees on a device beyond its parameters, for the timeline: Simpler's playback
settings (SimplerDevice properties) and a Drum Rack's pads (mute, solo, volume and pan of each pad
that holds a sound, and the Simpler on it). Read through the public LOM API only.

``extras(device)`` -> tuple of (label, value, parameter or None); ``watch_points(device)`` -> the
(object, events) pairs whose notifications mean an extra may have changed (surface/set_watch.py).
"""
from __future__ import annotations

SIMPLER_CLASS = "OriginalSimpler"
SIMPLER_EVENTS = ("playback_mode", "slicing_playback_mode", "voices", "retrigger", "sample")
PAD_EVENTS = ("mute", "solo", "chains")


def _get(obj, attr, default=None):
    try:
        return getattr(obj, attr)
    except Exception:
        return default


def _word(v):
    name = _get(v, "name")
    return ":" + name.replace("_", "-") if isinstance(name, str) and not name.isdigit() else str(v)


def _simpler(device, prefix=""):
    return ((prefix + "playback mode", _word(device.playback_mode), None),
            (prefix + "slicing mode", _word(device.slicing_playback_mode), None),
            (prefix + "voices", str(device.voices), None),
            (prefix + "retrigger", "on" if device.retrigger else "off", None))


def _sounding_pads(device):
    return [p for p in device.drum_pads if len(p.chains)]


def extras(device) -> tuple:
    try:
        if device.class_name == SIMPLER_CLASS:
            return _simpler(device)
        if _get(device, "can_have_drum_pads"):
            out: list = []
            for pad in _sounding_pads(device):
                where = 'pad "%s"' % pad.name
                out.append((where, " ".join(w for w, on in (("muted", pad.mute), ("soloed", pad.solo)) if on)
                            or "playing", None))
                chain = pad.chains[0]
                out.append((where + " volume", chain.mixer_device.volume.value, chain.mixer_device.volume))
                out.append((where + " pan", chain.mixer_device.panning.value, chain.mixer_device.panning))
                for inner in chain.devices:
                    if inner.class_name == SIMPLER_CLASS:
                        out.extend(_simpler(inner, where + " Simpler "))
            return tuple(out)
    except Exception:          # a device Live deleted while we read
        return ()
    return ()


def watch_points(device) -> list:
    if _get(device, "class_name") == SIMPLER_CLASS:
        return [(device, SIMPLER_EVENTS)]
    if not _get(device, "can_have_drum_pads"):
        return []
    out: list = [(device, ("drum_pads",))]
    for pad in _sounding_pads(device):
        out.append((pad, PAD_EVENTS))
        for chain in pad.chains:
            mixer = chain.mixer_device
            out.append((mixer.volume, ("value",)))
            out.append((mixer.panning, ("value",)))
            for inner in chain.devices:
                if inner.class_name == SIMPLER_CLASS:
                    out.append((inner, SIMPLER_EVENTS))
    return out
