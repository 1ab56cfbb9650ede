"""Track input/output routing in virtual Live: which routing types and channels each track offers.

Live's API (ableton-live-stubs, Track.pyi): ``available_input_routing_types`` and friends give
RoutingType {display_name, category, attached_object} and RoutingChannel {display_name, layout};
writing ``input_routing_type`` etc. raises ValueError unless the value is one of the current
``available_*`` values. The lists below are virtual Live's model of a plain set with a stereo
audio interface (2 ins, 2 outs) and no external MIDI ports; the names are the ones Live shows
("Ext. In", "All Ins", "Resampling", "Sends Only", "Master" before Live 12 and "Main" from 12 on).
A track's routing is kept as (type name or track, channel name) and looked up in the current
lists when read, so a routing to a track follows that track when it is renamed.
"""

EXT_AUDIO = ["1/2", "1", "2"]
EXT_OUT = ["1/2", "1", "2"]
MIDI_CHANNELS = ["All Channels"] + ["Ch. %d" % n for n in range(1, 17)]
TAPS = ["Pre FX", "Post FX", "Post Mixer"]
TRACK_IN = ["Track In"]

# category names of Live.Track.RoutingTypeCategory
EXTERNAL, RESAMPLING, MASTER, TRACK, PARENT_GROUP, NONE = (
    "external", "resampling", "master", "track", "parent_group_track", "none")


def main_name(track):
    return "Main" if track._world.version >= (12, 0) else "Master"


def _makes_audio(track):
    if track._kind in ("audio", "group", "return", "master"):
        return True
    return any(d._spec["kind"] == "instrument" for d in track._devices)


def _ancestors(track):
    out, group = [], track._group
    while group is not None:
        out.append(group)
        group = group._group
    return out


def _others(track):
    song = track._parent
    return [t for t in song._tracks + song._return_tracks if t is not track]


def input_options(track):
    """[(name, category, attached track or None, [channel names], layout)] the track can take in."""
    kind = track._kind
    if kind == "audio":
        out = [("Ext. In", EXTERNAL, None, EXT_AUDIO, "mono"), ("Resampling", RESAMPLING, None, [], "stereo")]
        out += [(t._name, TRACK, t, TAPS, "stereo") for t in _others(track)
                if _makes_audio(t) and t not in _ancestors(track)]
        out.append(("No Input", NONE, None, [], "stereo"))
        return out
    if kind == "midi":
        out = [("All Ins", EXTERNAL, None, MIDI_CHANNELS, "midi"),
               ("Computer Keyboard", EXTERNAL, None, MIDI_CHANNELS, "midi")]
        out += [(t._name, TRACK, t, TAPS[:2], "midi") for t in _others(track) if t._kind == "midi"]
        out.append(("No Input", NONE, None, [], "midi"))
        return out
    return []   # group, return and main tracks have no input routing


def output_options(track):
    kind = track._kind
    if kind == "master":
        return [("Ext. Out", EXTERNAL, None, EXT_OUT, "stereo")]
    if kind == "midi" and not _makes_audio(track):
        out = [(t._name, TRACK, t, TRACK_IN, "midi") for t in _others(track) if t._kind == "midi" and _makes_audio(t)]
        return out + [("No Output", NONE, None, [], "midi")]
    out = []
    if track._group is not None:
        out.append((track._group._name, PARENT_GROUP, track._group, [], "stereo"))
    out += [(main_name(track), MASTER, None, [], "stereo"), ("Ext. Out", EXTERNAL, None, EXT_OUT, "stereo")]
    if kind != "return":
        out.append(("Sends Only", NONE, None, [], "stereo"))
        out += [(t._name, TRACK, t, TRACK_IN, "stereo") for t in _others(track)
                if t._kind == "audio" and t is not track._group]
    return out


def default_route(track, direction):
    """(type key, channel name) of a new track: Live's defaults for a plain set."""
    options = input_options(track) if direction == "input" else output_options(track)
    if not options:
        return (None, "")
    name, _category, attached, channels, _layout = options[0]
    return (attached if attached is not None else name, channels[0] if channels else "")


def matches(option, key):
    """Does an option (from *_options) stand for a stored type key (a track, or a type name)?"""
    name, _category, attached, _channels, _layout = option
    if attached is not None and not isinstance(key, str):
        return attached is key
    return isinstance(key, str) and name == key
