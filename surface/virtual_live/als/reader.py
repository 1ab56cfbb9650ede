"""Reading a Live set (.als, Live 9 to 12) into the JSON set format, streaming: each track is
read when its XML ends and then dropped, so a large set never sits in memory whole."""
import re
import xml.etree.ElementTree as ET

from .source import AlsError, open_set, version_of
from .tracks import KINDS, MAIN_TAGS, main_track, track_dict
from .units import color_fields, time_signature
from .xml_values import as_bool, as_float, value

_LIVESET_DEPTH = 2


def read_als(path):
    """The set at path as a JSON set dict (surface/virtual_live/sets.py reads it). The dict's
    "source" says which Live wrote it and what was skipped."""
    stream = open_set(path)
    try:
        return _SetReader(path).read(stream)
    except ET.ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        raise AlsError("%s:%d:%d: the set's XML is damaged (%s); open and save it again in Live"
                       % (path, line, col + 1, str(e).split(":")[0]))
    except EOFError:
        raise AlsError("%s: the set ends early (the file is cut off); save it again in Live" % (path,))
    finally:
        stream.close()


class _SetReader(object):
    def __init__(self, path):
        self.path = path
        self.notes = []
        self.tracks = []       # (dict, id, group id), in the set's order
        self.main = {}
        self.song = {}
        self.scenes = None
        self.locators = []
        self.version = (0, 0)
        self.creator = ""

    def read(self, stream):
        depth = 0
        in_tracks = False
        live_set = None
        for event, elem in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth <= _LIVESET_DEPTH:
                    live_set = self._check_root(depth, elem) or live_set
                elif depth == 3 and elem.tag == "Tracks":
                    in_tracks = True
                continue
            if depth == 4 and in_tracks:
                self._track(elem)
                elem.clear()
            elif depth == 3:
                self._section(elem)
                in_tracks = False
                live_set.clear()   # done with this part of the set: free it
            depth -= 1
        if live_set is None:
            raise AlsError("%s is not an Ableton Live set: it has no <LiveSet>" % (self.path,))
        return self._assemble()

    def _check_root(self, depth, elem):
        if depth == 1:
            if elem.tag != "Ableton":
                raise AlsError("%s is not an Ableton Live set: its XML starts with <%s>, a Live set with <Ableton>"
                               % (self.path, elem.tag))
            self.version = version_of(elem.attrib)
            self.creator = elem.get("Creator", "")
            return None
        if elem.tag != "LiveSet":
            raise AlsError("%s is not an Ableton Live set: <Ableton> holds <%s>, not <LiveSet>" % (self.path, elem.tag))
        return elem

    def _track(self, elem):
        if elem.tag in KINDS:
            self.tracks.append(track_dict(elem, self.notes))
        else:
            self.notes.append("skipped <%s> in Tracks" % elem.tag)

    def _section(self, elem):
        tag = elem.tag
        if tag in MAIN_TAGS:
            self.main, song = main_track(elem, self.notes)
            self.song.update(song)
        elif tag == "Scenes":            # Live 11+: scenes with their own tempo and signature
            self.scenes = [_scene(s) for s in elem if s.tag == "Scene"]
        elif tag == "SceneNames" and self.scenes is None:   # Live 9/10: tempo and signature in the name
            self.scenes = [_scene_from_name(s) for s in elem if s.tag == "Scene"]
        elif tag == "Locators":
            self.locators = [{"name": value(loc, "Name", ""), "time": as_float(loc, "Time", 0.0)}
                             for loc in elem.iter("Locator")]
        elif tag == "Transport":
            self.song["loop"] = as_bool(elem, "LoopOn", False)
            self.song["loop_start"] = as_float(elem, "LoopStart", 0.0)
            self.song["loop_length"] = as_float(elem, "LoopLength", 16.0)
        elif tag == "GlobalQuantisation":
            quantization = int(as_float(elem, ".", 4))
            if 0 <= quantization <= 13:
                self.song["clip_trigger_quantization"] = quantization
        elif tag == "ScaleInformation":
            root = int(as_float(elem, "RootNote", 0))
            if 0 <= root <= 11:
                self.song["root_note"] = root
            if value(elem, "Name"):
                self.song["scale_name"] = value(elem, "Name")

    def _assemble(self):
        data = dict(self.song)
        data["locators"] = self.locators
        data["scenes"] = self.scenes or [{"name": ""}]
        data["master"] = self.main
        data["returns"] = []
        data["tracks"] = []
        groups = {}
        for track, track_id, group_id in self.tracks:
            kind = track["kind"]
            if kind == "return":
                del track["kind"]
                data["returns"].append(track)
                continue
            self._drop_clips_past_scenes(track, len(data["scenes"]))
            if kind == "group":
                groups[track_id] = track
            parent = groups.get(group_id)
            (parent["children"] if parent is not None else data["tracks"]).append(track)
        data["source"] = {"file": str(self.path), "live": "%d.%d" % self.version, "creator": self.creator,
                          "notes": self.notes}
        return data

    def _drop_clips_past_scenes(self, track, scene_count):
        clips = track.get("clips", [])
        kept = [c for c in clips if c["slot"] < scene_count]
        if len(kept) != len(clips):
            self.notes.append("track %r: clips beyond the last scene skipped" % track["name"])
            track["clips"] = kept


def _scene(elem):
    out = {"name": value(elem, "Name", "")}
    out.update(color_fields(value(elem, "Color", value(elem, "ColorIndex", -1))))
    if as_bool(elem, "IsTempoEnabled", False):
        out["tempo"] = as_float(elem, "Tempo", 120.0)
    if as_bool(elem, "IsTimeSignatureEnabled", False):
        out["signature"] = time_signature(as_float(elem, "TimeSignatureId", 201))
    return out


_NAME_TEMPO = re.compile(r"(\d+(?:\.\d+)?)\s*BPM", re.IGNORECASE)
_NAME_SIGNATURE = re.compile(r"(?<![\d/])(\d{1,2})/(1|2|4|8|16)(?![\d/])")


def _scene_from_name(elem):
    """Live 9/10 scenes: a name with "128 BPM" or "3/4" in it sets the tempo or signature on launch."""
    name = elem.get("Value", "")
    out = {"name": name}
    out.update(color_fields(value(elem, "ColorIndex", -1)))
    tempo = _NAME_TEMPO.search(name)
    if tempo and 20.0 <= float(tempo.group(1)) <= 999.0:
        out["tempo"] = float(tempo.group(1))
    signature = _NAME_SIGNATURE.search(name)
    if signature and 1 <= int(signature.group(1)) <= 99:
        out["signature"] = [int(signature.group(1)), int(signature.group(2))]
    return out
