"""Live Sets as JSON for virtual Live: load_set(path_or_dict, live_version) and save_set(song).

A set holds tempo, signature, locators, scenes, tracks (midi, audio, group with children), returns
and the main track, each track with mixer values, devices (parameters that differ from their
defaults, rack chains) and clips by slot. save_set(load_set(d)) reproduces a saved set exactly.
A path ending in .als is a set saved by Live, read into this format first (als/). Devices the table
lacks (plug-ins, Max for Live) carry "class_name" and "kind"; clips may carry their launch settings.
"""
import json

from .devices import make_device, make_unlisted_device
from .world import World

FORMAT = "lmac-virtual-live-set"
PLAYER_KINDS = ("midi", "audio")
_NOTE_DEFAULT_TAIL = (1.0, 0.0, 64.0)


def default_set():
    """Live's default set: two MIDI and two audio tracks, two returns, eight scenes."""
    return {"tracks": [{"kind": "midi", "name": "1-MIDI"}, {"kind": "midi", "name": "2-MIDI"},
                       {"kind": "audio", "name": "3-Audio"}, {"kind": "audio", "name": "4-Audio"}],
            "returns": [{"name": "A-Reverb", "devices": [{"device": "Reverb"}]},
                        {"name": "B-Delay", "devices": [{"device": "Delay"}]}],
            "scenes": [{"name": ""} for _ in range(8)]}


# -- loading ------------------------------------------------------------------------------------
def load_set(path_or_dict=None, live_version="12.3", seed=0, timer_jitter_ms=0):
    """Build a running virtual Live from a set (a path to JSON, a dict, or None for Live's default set).
    Returns the Application; its get_document() is the Song."""
    if path_or_dict is None:
        data = default_set()
    elif isinstance(path_or_dict, dict):
        data = path_or_dict
    elif str(path_or_dict).lower().endswith(".als"):  # a set saved by Live: read into this format
        from .als import read_als
        data = read_als(path_or_dict)
    else:
        with open(path_or_dict) as handle:
            data = json.load(handle)
    from .Live.Application import Application
    from .Live.Song import CuePoint, Quantization, Song
    world = World(live_version, seed, timer_jitter_ms)
    song = Song(world)
    app = Application(world, song)
    app._set_notes = list(data.get("source", {}).get("notes", []))   # what reading a .als skipped
    with world.undo.quiet():
        song._tempo = float(data.get("tempo", 120.0))
        song._signature_numerator, song._signature_denominator = [int(v) for v in data.get("signature", [4, 4])]
        song._clip_trigger_quantization = Quantization.values[int(data.get("clip_trigger_quantization", 4))]
        for key in ("metronome", "overdub", "loop"):
            setattr(song, "_" + key, bool(data.get(key, False)))
        song._loop_start = float(data.get("loop_start", 0.0))
        song._loop_length = float(data.get("loop_length", 16.0))
        song._root_note = int(data.get("root_note", 0))
        song._scale_name = data.get("scale_name", "Major")
        song._data = dict(data.get("data", {}))
        _load_scenes(song, data.get("scenes") or [{"name": ""} for _ in range(8)])
        master = song._new_track("master", "Main" if world.version >= (12, 0) else "Master")
        song._master_track = master
        _load_track_body(master, data.get("master", {}))
        for rd in data.get("returns", []):
            song._return_tracks.append(song._new_track("return", rd.get("name", "Return")))
        letters = "ABCDEFGHIJKL"
        for ret in song._return_tracks:
            for i in range(len(song._return_tracks)):
                ret._mixer_device._add_send(i, letters[i])
        for ret, rd in zip(song._return_tracks, data.get("returns", [])):
            _load_track_body(ret, rd)
        for td in data.get("tracks", []):
            song._tracks.extend(tracks_from_dict(song, td, None))
        if not [t for t in song._tracks if t._kind in PLAYER_KINDS]:
            raise ValueError("a set needs at least one MIDI or audio track")
        song._cue_points = sorted((CuePoint(world, song, c.get("name", ""), c["time"]) for c in data.get("locators", [])),
                                  key=lambda c: c._time)
        song._view._selected_track = song._tracks[int(data.get("selected_track", 0))]
        song._view._selected_scene = song._scenes[int(data.get("selected_scene", 0))]
    return app


def _load_scenes(song, scenes):
    from .Live.Scene import Scene
    for sd in scenes:
        scene = Scene(song._world, song, sd.get("name", ""), sd.get("color", 0), sd.get("color_index", 0))
        if sd.get("tempo") is not None:
            scene._tempo, scene._tempo_enabled = float(sd["tempo"]), True
        if sd.get("signature") is not None:
            scene._time_signature_numerator, scene._time_signature_denominator = sd["signature"]
            scene._time_signature_enabled = True
        song._scenes.append(scene)


def tracks_from_dict(song, td, group):
    """A track (and, for a group, its children) as a flat list, group first, not yet in the set."""
    kind = td.get("kind", "midi")
    if kind not in ("midi", "audio", "group"):
        raise ValueError("unknown track kind %r" % (kind,))
    track = song._new_track(kind, td.get("name", ""), td.get("color", 0), td.get("color_index", 0))
    track._group = group
    _load_track_body(track, td)
    out = [track]
    for child in td.get("children", []):
        out.extend(tracks_from_dict(song, child, track))
    if kind == "group":
        track._fold_state = int(td.get("fold", 0))
    return out


def _load_track_body(track, td):
    world = track._world
    mixer = track._mixer_device
    if "volume" in td:
        mixer._volume._value = float(td["volume"])
    if "pan" in td:
        mixer._panning._value = float(td["pan"])
    for send, value in zip(mixer._sends, td.get("sends", [])):
        send._value = float(value)
    if track._kind != "master":
        track._mute = bool(td.get("mute", False))
        track._solo = bool(td.get("solo", False))
    if track._kind in PLAYER_KINDS:
        track._arm = bool(td.get("arm", False))
    track._data = dict(td.get("data", {}))
    for direction in ("input", "output"):      # ["Ext. In", "1/2"]: names as Live shows them
        if direction in td:
            name, channel = (list(td[direction]) + [""])[:2]
            track._routes[direction] = (str(name), str(channel))
    for dd in td.get("devices", []):
        track._devices.append(device_from_dict(world, track, dd))
    if track._devices:
        track._view._selected_device = track._devices[-1]
    for cd in td.get("clips", []):
        slot_index = int(cd["slot"])
        if not 0 <= slot_index < len(track._clip_slots) or track._kind == "group":
            raise ValueError("clip slot %d does not exist on track %r" % (slot_index, track._name))
        slot = track._clip_slots[slot_index]
        slot._clip = clip_from_dict(world, slot, cd)


def device_from_dict(world, container, dd):
    if "class_name" in dd:  # a plug-in or a device the table lacks, as read from a Live set
        device = make_unlisted_device(world, container, dd["device"], dd["class_name"], dd.get("kind", "audio_effect"))
    else:
        device = make_device(world, container, dd["device"])
    if "name" in dd:
        device._name = dd["name"]
    # A rack's macros carry the names the user gave them ("Cutoff"); Live reports those as
    # DeviceParameter.name and keeps "Macro 1" as original_name.
    macro_names = dd.get("macro_names", {})
    if macro_names and not device.can_have_chains:
        raise ValueError("%s is not a rack: only rack macros can be renamed" % dd["device"])
    by_original = dict((p._original_name, p) for p in device._parameters)
    for original, new_name in macro_names.items():
        if original not in by_original or not original.startswith("Macro "):
            raise ValueError("%s has no macro %r" % (dd["device"], original))
        by_original[original]._name = new_name
    by_name = dict((p._name, p) for p in device._parameters)
    for name, value in dd.get("params", {}).items():
        param = by_name.get(name)
        if param is None:
            raise ValueError("%s has no parameter %r" % (dd["device"], name))
        if not param._min <= value <= param._max:
            raise ValueError("%s: %r=%r is outside %r..%r" % (dd["device"], name, value, param._min, param._max))
        param._value = float(value)
    if "pads" in dd:
        _pads_from_dict(device, dd["pads"])
    sample = dd.get("sample")
    if sample is not None:
        if not hasattr(device, "_load_sample"):
            raise ValueError("%s is not a Simpler: only Simpler holds a sample" % dd["device"])
        device._load_sample(sample["file"], int(sample.get("length", 22050)))
    from .Live.Chain import Chain
    for cd in dd.get("chains", []):
        chain = Chain(world, device, cd.get("name", "Chain"))
        chain._mute = bool(cd.get("mute", False))
        chain._solo = bool(cd.get("solo", False))
        for sub in cd.get("devices", []):
            chain._devices.append(device_from_dict(world, chain, sub))
        device._chains.append(chain)
    return device


def _load_launch_settings(clip, cd):
    from .Live.Clip import LaunchMode
    if "launch_mode" in cd:
        clip._launch_mode = LaunchMode.values[int(cd["launch_mode"])]
    clip._legato = bool(cd.get("legato", False))
    clip._velocity_amount = float(cd.get("velocity_amount", 0.0))
    clip._muted = bool(cd.get("muted", False))


def _launch_settings(clip):
    """The clip's launch settings that differ from a new clip's (sets written before them stay the same)."""
    out = {}
    if int(clip._launch_mode) != 0:
        out["launch_mode"] = int(clip._launch_mode)
    for key, default in (("legato", False), ("velocity_amount", 0.0), ("muted", False)):
        if getattr(clip, "_" + key) != default:
            out[key] = getattr(clip, "_" + key)
    return out


def clip_from_dict(world, slot, cd):
    from .Live.Clip import Clip, ClipLaunchQuantization
    length = float(cd.get("length", 4.0))
    is_midi = "audio" not in cd
    clip = Clip(world, slot, length, is_midi, cd.get("name", ""), cd.get("color", 0), cd.get("color_index", 0),
                cd.get("audio", ""))
    clip._looping = bool(cd.get("looping", True))
    if "loop" in cd:
        clip._loop_start, clip._loop_end = [float(v) for v in cd["loop"]]
    if "markers" in cd:
        clip._start_marker, clip._end_marker = [float(v) for v in cd["markers"]]
    if "launch_quantization" in cd:
        clip._launch_quantization = ClipLaunchQuantization.values[int(cd["launch_quantization"])]
    _load_launch_settings(clip, cd)
    for note in cd.get("notes", []):
        fields = list(note) + list(_NOTE_DEFAULT_TAIL[len(note) - 5:]) if len(note) < 8 else list(note)
        clip._add((int(fields[0]), float(fields[1]), float(fields[2]), float(fields[3]), bool(fields[4]),
                   float(fields[5]), float(fields[6]), float(fields[7])))
    return clip


# -- saving -------------------------------------------------------------------------------------
def save_set(song):
    """The set as a JSON-ready dict (load_set of it rebuilds the same set)."""
    data = {"format": FORMAT,
            "tempo": song._tempo,
            "signature": [song._signature_numerator, song._signature_denominator],
            "clip_trigger_quantization": int(song._clip_trigger_quantization),
            "metronome": song._metronome, "overdub": song._overdub, "loop": song._loop,
            "loop_start": song._loop_start, "loop_length": song._loop_length,
            "root_note": song._root_note, "scale_name": song._scale_name,
            "locators": [{"name": c._name, "time": c._time} for c in song._cue_points],
            "scenes": [_scene_to_dict(s) for s in song._scenes],
            "tracks": [track_to_dict(t, song) for t in song._tracks if t._group is None],
            "returns": [track_to_dict(t, song) for t in song._return_tracks],
            "master": track_to_dict(song._master_track, song),
            "selected_track": song._tracks.index(song._view._selected_track)
            if song._view._selected_track in song._tracks else 0,
            "selected_scene": song._scenes.index(song._view._selected_scene)
            if song._view._selected_scene in song._scenes else 0}
    if song._data:
        data["data"] = dict(song._data)
    return data


def write_set(song, path):
    with open(path, "w") as handle:
        json.dump(save_set(song), handle, indent=1, sort_keys=True)
        handle.write("\n")


def _scene_to_dict(scene):
    out = {"name": scene._name, "color": scene._color, "color_index": scene._color_index,
           "tempo": scene._tempo if scene._tempo_enabled else None,
           "signature": [scene._time_signature_numerator, scene._time_signature_denominator]
           if scene._time_signature_enabled else None}
    return out


def track_to_dict(track, song):
    mixer = track._mixer_device
    out = {"kind": track._kind, "name": track._name, "color": track._color, "color_index": track._color_index,
           "volume": mixer._volume._value, "pan": mixer._panning._value,
           "sends": [s._value for s in mixer._sends],
           "devices": [device_to_dict(d) for d in track._devices]}
    if track._kind in ("master", "return"):
        del out["kind"]  # their place in the set says what they are
    if track._kind == "master":
        del out["sends"]
    else:
        out["mute"], out["solo"] = track._mute, track._solo
    if track._kind in PLAYER_KINDS:
        out["arm"] = track._arm
        out["clips"] = [clip_to_dict(slot._clip, i) for i, slot in enumerate(track._clip_slots)
                        if slot._clip is not None]
    if track._kind == "group":
        out["fold"] = track._fold_state
        out["children"] = [track_to_dict(t, song) for t in track._group_children()]
    if track._data:
        out["data"] = dict(track._data)
    for direction, (key, channel) in sorted(track._routes.items()):
        out[direction] = [key if isinstance(key, str) else key._name, channel]
    return out


def device_to_dict(device):
    out = {"device": device._load_name}
    if device._spec.get("unlisted"):
        out["class_name"], out["kind"] = device._class_name, device._spec["kind"]
    if device._name != out["device"]:
        out["name"] = device._name
    renamed = dict((p._original_name, p._name) for p in device._parameters if p._name != p._original_name)
    if renamed:
        out["macro_names"] = renamed
    params = dict((p._name, p._value) for p in device._parameters if p._value != p._default)
    if params:
        out["params"] = params
    sample = getattr(device, "_sample", None)
    if sample is not None:
        out["sample"] = {"file": sample._file_path, "length": sample._length}
    chains = getattr(device, "_chains", None)
    if getattr(device, "_pads", None) and any(p._chains for p in device._pads):
        pads = _pads_to_dict(device)      # a kit: its pads come with the preset, only changes are kept
        if pads:
            out["pads"] = pads
    elif chains:
        out["chains"] = [{"name": c._name, "mute": c._mute, "solo": c._solo,
                          "devices": [device_to_dict(d) for d in c._devices]} for c in chains]
    return out


def _pads_to_dict(rack):
    """{note: {"mute", "solo", "volume", "pan"}} of the pads whose state differs from the preset's."""
    out = {}
    for pad in rack._pads:
        state = {}
        if pad._mute:
            state["mute"] = True
        if pad._solo:
            state["solo"] = True
        if pad._chains:
            mixer = pad._chains[0]._mixer_device
            if mixer._volume._value != mixer._volume._default:
                state["volume"] = mixer._volume._value
            if mixer._panning._value != mixer._panning._default:
                state["pan"] = mixer._panning._value
        if state:
            out[str(pad._note)] = state
    return out


def _pads_from_dict(device, pads):
    by_note = dict((p._note, p) for p in device._drum_pads())
    for note, state in pads.items():
        pad = by_note.get(int(note))
        if pad is None:
            raise ValueError("%s has no pad %r" % (device._name, note))
        pad._mute = bool(state.get("mute", False))
        pad._solo = bool(state.get("solo", False))
        if pad._chains:
            mixer = pad._chains[0]._mixer_device
            mixer._volume._value = float(state.get("volume", mixer._volume._value))
            mixer._panning._value = float(state.get("pan", mixer._panning._value))


def clip_to_dict(clip, slot_index=None):
    length = clip._loop_end - clip._loop_start if clip._looping else clip._end_marker - clip._start_marker
    out = {"name": clip._name, "length": length, "looping": clip._looping, "color": clip._color,
           "color_index": clip._color_index}
    if slot_index is not None:
        out["slot"] = slot_index
    if (clip._loop_start, clip._loop_end) != (0.0, length):
        out["loop"] = [clip._loop_start, clip._loop_end]
    if (clip._start_marker, clip._end_marker) != (0.0, length):
        out["markers"] = [clip._start_marker, clip._end_marker]
    if int(clip._launch_quantization) != 0:
        out["launch_quantization"] = int(clip._launch_quantization)
    out.update(_launch_settings(clip))
    if clip._is_midi:
        notes = []
        for n in sorted(clip._notes, key=lambda n: (n.start_time, n.pitch, n._note_id)):
            fields = [n.pitch, n.start_time, n.duration, n.velocity, n.mute]
            tail = (n.probability, n.velocity_deviation, n.release_velocity)
            notes.append(fields + list(tail) if tail != _NOTE_DEFAULT_TAIL else fields)
        out["notes"] = notes
    else:
        out["audio"] = clip._file_path
    return out
