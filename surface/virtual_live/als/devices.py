"""Devices of a Live set as the JSON set format's devices: native devices by the display name
virtual Live's device table uses, racks with chains and macros, plug-ins and Max for Live devices by
name, and the parameter values of native devices where the set's XML says how to read them.

A set stores parameters by internal name and unit (Compressor's threshold as linear gain, EQ Three's
gains on the fader law), so values come through a short map per device, checked against the
parameter's range; anything else keeps the device's default. Unknown devices stay in the chain
under their class name (device numbers must match the set), marked in the reader's notes."""
import re

from ..device_table import DEVICES, all_params
from .units import gain_to_db, volume_value
from .xml_values import as_bool, manual, value

NATIVE = dict((d["class_name"], d) for d in DEVICES if "class_name" in d)

# Live devices the table does not describe (older or less used ones): class -> (display name, kind).
OTHER_NATIVE = {
    "CrossDelay": ("Simple Delay", "audio_effect"), "PingPongDelay": ("Ping Pong Delay", "audio_effect"),
    "FilterDelay": ("Filter Delay", "audio_effect"), "FrequencyShifter": ("Frequency Shifter", "audio_effect"),
    "Vocoder": ("Vocoder", "audio_effect"),
    "Resonator": ("Resonators", "audio_effect"), "Erosion": ("Erosion", "audio_effect"),
    "Vinyl": ("Vinyl Distortion", "audio_effect"), "Amp": ("Amp", "audio_effect"),
    "Cabinet": ("Cabinet", "audio_effect"), "Tube": ("Dynamic Tube", "audio_effect"),
    "Pedal": ("Pedal", "audio_effect"), "Flanger": ("Flanger", "audio_effect"),
    "Phaser": ("Phaser", "audio_effect"), "Chorus": ("Chorus", "audio_effect"),
    "ExternalAudioEffect": ("External Audio Effect", "audio_effect"),
    "ProxyInstrumentDevice": ("External Instrument", "instrument"),
}
MAX_FOR_LIVE = {"MxDeviceAudioEffect": "audio_effect", "MxDeviceInstrument": "instrument",
                "MxDeviceMidiEffect": "midi_effect"}
PLUGINS = ("PluginDevice", "AuPluginDevice")

# Where a branch of a rack keeps its devices, and what path they are on.
BRANCH_PATH = {"InstrumentBranch": "midi", "DrumBranch": "midi", "AudioEffectBranch": "audio",
               "MidiEffectBranch": "midi_only"}


def _gain_db(v):
    return gain_to_db(v)


# class -> {XML parameter: (display name, conversion)}: the parameters whose XML name or unit differs
# from the display's, read from public sets (Live 9.7 to 12). Conversions: None (as stored),
# _gain_db (linear gain to dB), volume_value (EQ Three's gain knobs use the volume fader's law).
PARAMS = {
    "Compressor2": {"Threshold": ("Threshold", _gain_db), "Gain": ("Output Gain", None),
                    "GainCompensation": ("Makeup", None), "DryWet": ("Dry/Wet", None),
                    "AutoReleaseControlOnOff": ("Auto Release On/Off", None), "Knee": ("Knee", None),
                    "ExpansionRatio": ("Expansion Ratio", None)},
    "GlueCompressor": {"Threshold": ("Threshold", None), "Makeup": ("Makeup", None), "DryWet": ("Dry/Wet", None),
                       "PeakClipIn": ("Soft Clip", None)},
    "Saturator": {"PreDrive": ("Drive", None), "PostDrive": ("Output", None), "ColorOn": ("Color", None),
                  "DryWet": ("Dry/Wet", None), "PostClip": ("Soft Clip", None)},
    "FilterEQ3": {"GainLo": ("GainLo", volume_value), "GainMid": ("GainMid", volume_value),
                  "GainHi": ("GainHi", volume_value)},
    "StereoGain": {"Gain": ("Gain", None), "StereoSeparation": ("Stereo Width", None), "Panorama": ("Balance", None),
                   "PhaseInvertL": ("Left Inv", None), "PhaseInvertR": ("Right Inv", None),
                   "BlockDc": ("DC Filter", None),
                   "Source": ("Channel Mode", None)},
    "MultibandDynamics": {"OutputGain": ("Master Output", None), "GlobalAmount": ("Amount", None),
                          "GlobalTime": ("Time Scaling", None), "SplitLowMid": ("Low-Mid Crossover", None),
                          "SplitMidHigh": ("Mid-High Crossover", None),
                          "AboveThresholdLow": ("Above Threshold (Low)", None),
                          "AboveThresholdMid": ("Above Threshold (Mid)", None),
                          "AboveThresholdHigh": ("Above Threshold (High)", None)},
    "Reverb": {"SpinOn": ("ER Spin On", None), "StereoSeparation": ("Stereo Image", None)},
    "MidiVelocity": {"MaxOut": ("Out Hi", None), "MinOut": ("Out Low", None)},
    "Eq8": {"GlobalGain": ("Output Gain", None)},
}
_EQ8_BAND = {"IsOn": "%d Filter On A", "Mode": "%d Filter Type A", "Freq": "%d Frequency A", "Gain": "%d Gain A",
             "Q": "%d Resonance A"}


def _key(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def devices_from(devices_elem, path, notes):
    """The devices of one chain (a track's or a rack chain's) as JSON set dicts. path is what the
    chain carries: "midi" (MIDI track, instrument and drum chains), "audio" or "midi_only"."""
    if devices_elem is None:
        return []
    elems = list(devices_elem)
    native_kinds = [_native_kind(e.tag) for e in elems]
    kinds, out = [], []
    for i, elem in enumerate(elems):
        kind = native_kinds[i] or _guess_kind(path, native_kinds[i + 1:], kinds)
        kinds.append(kind)
        out.append(device_dict(elem, kind, notes))
    return out


def _native_kind(tag):
    if tag in NATIVE:
        return NATIVE[tag]["kind"]
    if tag in OTHER_NATIVE:
        return OTHER_NATIVE[tag][1]
    return MAX_FOR_LIVE.get(tag)


def _guess_kind(path, later_kinds, earlier_kinds):
    """A plug-in's kind from where it sits, by Live's order (MIDI effects, instrument, audio effects)."""
    if path == "audio":
        return "audio_effect"
    if path == "midi_only":
        return "midi_effect"
    if "instrument" in earlier_kinds:
        return "audio_effect"
    if "instrument" in later_kinds:
        return "midi_effect"
    return "instrument"


def device_dict(elem, kind, notes):
    tag = elem.tag
    user_name = value(elem, "UserName", "") or ""
    spec = NATIVE.get(tag)
    if spec is None:
        name = _unlisted_name(elem, tag, notes)
        out = {"device": name, "class_name": tag, "kind": kind}
        _device_on(elem, out)
        return out
    out = {"device": spec["name"]}
    if user_name and user_name != spec["name"]:
        out["name"] = user_name
    params = all_params(spec)
    _device_on(elem, out)
    values = out.setdefault("params", {})
    values.update(_parameter_values(elem, tag, params))
    if spec.get("rack"):
        _rack_fields(elem, out, notes)
    if not values:
        del out["params"]
    return out


def _unlisted_name(elem, tag, notes):
    if tag in PLUGINS:
        desc = elem.find("PluginDesc")
        info = desc[0] if desc is not None and len(desc) else None
        name = info is not None and (value(info, "PlugName") or value(info, "Name"))
        return value(elem, "UserName", "") or name or "Plug-in"
    if tag in OTHER_NATIVE:
        return value(elem, "UserName", "") or OTHER_NATIVE[tag][0]
    if tag in MAX_FOR_LIVE:
        return value(elem, "UserName", "") or _max_device_name(elem) or "Max for Live device"
    notes.append("unknown device class %s kept as a device named %s" % (tag, tag))
    return value(elem, "UserName", "") or tag


def _max_device_name(elem):
    """Live shows a Max for Live device by its patch file's name: <PatchSlot> holds the file
    (Live 9/10 by Name, Live 11+ by Path)."""
    slot = elem.find("PatchSlot")
    for ref in (slot if slot is not None else elem).iter("FileRef"):
        name = value(ref, "Name", "") or value(ref, "Path", "") or value(ref, "RelativePath", "")
        name = re.split(r"[/\\]", name)[-1]
        if name:
            return re.sub(r"\.amx[a-z]+$", "", name)
    return None


def _device_on(elem, out):
    """A switched-off device: its "Device On" parameter at 0 (the default is on)."""
    on = manual(elem, "On")
    if on is not None and on == 0.0:
        out.setdefault("params", {})["Device On"] = 0.0


def _parameter_values(elem, tag, params):
    """Values the XML gives for this device's table parameters, only those within range and
    differing from the default."""
    by_name = dict((p[0], p) for p in params)
    explicit = PARAMS.get(tag, {})
    found = {}
    for child in elem:
        if child.tag in explicit:
            name, convert = explicit[child.tag]
        else:
            spec = _generic_match(tag, child.tag, params)
            if spec is None:
                continue
            name, convert = spec[0], None
        raw = manual(elem, child.tag)
        if raw is None or name not in by_name:
            continue
        found[name] = convert(raw) if convert else raw
    if tag == "Eq8":
        found.update(_eq8_bands(elem))
    out = {}
    for name, v in found.items():
        p = by_name.get(name)
        if p is None or name == "Device On":
            continue
        low, high, default = (0, len(p[1]) - 1, p[2]) if isinstance(p[1], list) else (p[1], p[2], p[3])
        v = round(v, 6)
        if low <= v <= high and v != default:
            out[name] = v
    return out


def _generic_match(device_class, tag, params):
    """A table parameter with the XML name, when its unit leaves no doubt (no dB: the XML may keep
    those as gain)."""
    table = _GENERIC.get(device_class)
    if table is None:
        table = dict((_key(p[0]), p) for p in params if not (len(p) > 4 and p[4] == "dB"))
        _GENERIC[device_class] = table
    key = _KEYS.get(tag)
    if key is None:
        key = _KEYS[tag] = _key(tag)
    return table.get(key)


_GENERIC = {}   # device class -> {normalized parameter name: table parameter}
_KEYS = {}      # XML tag -> normalized name


def _eq8_bands(elem):
    found = {}
    for band in range(8):
        param_a = elem.find("Bands.%d/ParameterA" % band)
        if param_a is None:
            continue
        for tag, pattern in _EQ8_BAND.items():
            raw = manual(param_a, tag)
            if raw is not None:
                found[pattern % (band + 1)] = raw
    return found


def _rack_fields(elem, out, notes):
    names = {}
    values = out.setdefault("params", {})
    for i in range(16):
        original = "Macro %d" % (i + 1)
        display = value(elem, "MacroDisplayNames.%d" % i)
        if display and display != original:
            names[original] = display
        raw = manual(elem, "MacroControls.%d" % i)
        if raw is not None and 0.0 < raw <= 127.0:
            values[names.get(original, original)] = round(raw, 6)   # a renamed macro goes by its name
    if names:
        out["macro_names"] = names
    chains = []
    branches = elem.find("Branches")
    for branch in (branches if branches is not None else []):
        path = BRANCH_PATH.get(branch.tag)
        if path is None:
            continue
        chain = {"name": _branch_name(branch), "mute": not as_bool(branch, "MixerDevice/Speaker/Manual", True),
                 "solo": as_bool(branch, "IsSoloed", False),
                 "devices": devices_from(branch.find("DeviceChain/*/Devices"), path, notes)}
        chains.append(chain)
    if chains:
        out["chains"] = chains


def _branch_name(branch):
    name = branch.find("Name")
    if name is None:
        return "Chain"
    if name.get("Value") is not None:
        return name.get("Value")
    return value(name, "EffectiveName") or value(name, "UserName") or "Chain"
