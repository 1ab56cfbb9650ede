"""A track of a Live set (MIDI, audio, group, return, main) as the JSON set format's track:
name, colour, mixer (volume, pan, sends, mute, solo), arm, fold, devices and session clips."""
from .clips import clip_dict
from .devices import devices_from
from .units import color_fields, send_value, time_signature, volume_value
from .xml_values import as_bool, manual, value

KINDS = {"MidiTrack": "midi", "AudioTrack": "audio", "GroupTrack": "group", "ReturnTrack": "return"}
MAIN_TAGS = ("MainTrack", "MasterTrack")   # Live 12 calls the master track the main track


def track_dict(elem, notes):
    """(track dict, the track's Id, the Id of its group or "-1")."""
    kind = KINDS[elem.tag]
    out = {"kind": kind, "name": track_name(elem)}
    out.update(color_fields(value(elem, "Color", value(elem, "ColorIndex", -1))))
    _mixer_fields(elem.find("DeviceChain/Mixer"), out, sends=True)
    if kind in ("midi", "audio"):
        out["arm"] = as_bool(elem, "DeviceChain/MainSequencer/Recorder/IsArmed", False)
    out["devices"] = devices_from(elem.find("DeviceChain/DeviceChain/Devices"),
                                  "midi" if kind == "midi" else "audio", notes)
    if kind in ("midi", "audio"):
        out["clips"] = _clips(elem.find("DeviceChain/MainSequencer/ClipSlotList"))
    if kind == "group":
        out["fold"] = 0 if as_bool(elem, "TrackUnfolded", True) else 1
        out["children"] = []
    return out, elem.get("Id"), value(elem, "TrackGroupId", "-1")


def main_track(elem, notes):
    """(main track dict, song fields: tempo and signature, kept on the main track's mixer)."""
    out = {}
    mixer = elem.find("DeviceChain/Mixer")
    _mixer_fields(mixer, out, sends=False)
    out["devices"] = devices_from(elem.find("DeviceChain/DeviceChain/Devices"), "audio", notes)
    song = {}
    if mixer is not None:
        tempo = manual(mixer, "Tempo")
        if tempo is not None and 20.0 <= tempo <= 999.0:
            song["tempo"] = tempo
        signature = manual(mixer, "TimeSignature")
        if signature is not None and time_signature(signature):
            song["signature"] = time_signature(signature)
    return out, song


def track_name(elem):
    return value(elem, "Name/EffectiveName") or value(elem, "Name/UserName") or ""


def _mixer_fields(mixer, out, sends):
    if mixer is None:
        return
    volume = manual(mixer, "Volume")
    if volume is not None:
        out["volume"] = volume_value(volume)
    pan = manual(mixer, "Pan")
    if pan is not None and -1.0 <= pan <= 1.0:
        out["pan"] = pan
    if sends:
        holders = mixer.find("Sends")
        out["sends"] = [send_value(manual(h, "Send") or 0.0) for h in (holders if holders is not None else [])]
        out["mute"] = not as_bool(mixer, "Speaker/Manual", True)
        out["solo"] = as_bool(mixer, "SoloSink", False)


def _clips(slot_list):
    clips = []
    for index, slot in enumerate(slot_list if slot_list is not None else []):
        holder = slot.find("ClipSlot/Value")
        if holder is not None and len(holder) and holder[0].tag in ("MidiClip", "AudioClip"):
            clips.append(clip_dict(holder[0], index))
    return clips
