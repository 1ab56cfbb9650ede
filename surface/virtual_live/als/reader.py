"""Reading a Live set (.als, Live 9 to 12) into the JSON set format, streaming: each track is
read when its XML ends and then dropped, so a large set never sits in memory whole."""
import re
import xml.etree.ElementTree as ET
import zlib


from ..Live.Song import _SCALES
from .source import AlsError, open_set, version_of
from .tracks import KINDS, MAIN_TAGS, main_track, track_dict
from .units import color_fields, time_signature
from .xml_values import as_bool, as_float, as_int, value

_lxml = None   # lxml.etree when the dev side hands it over (use_lxml); in Live, the standard library
_TRACK_TAGS = frozenset(KINDS) | frozenset(["PreHearTrack"])
_SECTION_TAGS = frozenset(MAIN_TAGS + ("Scenes", "SceneNames", "Locators", "Transport", "GlobalQuantisation",
                                       "ScaleInformation"))
_WANTED = tuple(sorted(_TRACK_TAGS | _SECTION_TAGS | frozenset(["LiveSet"])))


def use_lxml(etree_module):
    """Let the reader filter elements in C with lxml (dev side, when installed: public sets load
    about twice as fast). In-Live code imports nothing beyond the standard library, so the caller
    passes the module; None goes back to the standard library."""
    global _lxml
    _lxml = etree_module


def read_als(path):
    """The set at path as a JSON set dict (surface/virtual_live/sets.py reads it). The dict's
    "source" says which Live wrote it and what was skipped."""
    stream = open_set(path)
    try:
        return _SetReader(path).read(stream)
    except _parse_errors() as e:
        line, col = getattr(e, "position", None) or (getattr(e, "lineno", 0), getattr(e, "offset", 0))
        raise AlsError("%s:%d:%d: the set's XML is damaged (%s); open and save it again in Live"
                       % (path, line, col + 1, str(e).split(":")[0]))
    except EOFError:
        raise AlsError("%s: the set ends early (the file is cut off); save it again in Live" % (path,))
    except (OSError, zlib.error) as e:   # a damaged gzip stream
        raise AlsError("%s: the set's compressed data is damaged (%s); save it again in Live" % (path, e))
    finally:
        stream.close()


def _parse_errors():
    return (ET.ParseError,) + ((_lxml.XMLSyntaxError,) if _lxml is not None else ())


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
        """One pass over "end" events. Track elements are read and freed as they end; the song's
        own sections come after <Tracks> in every Live version, so for a tag that also occurs
        inside tracks the last one wins."""
        self._check_head(stream)
        live_set = None
        for elem in _ends(stream, _WANTED):
            tag = elem.tag
            if tag in _TRACK_TAGS:
                self._track(elem)
                _free(elem)
            elif tag in _SECTION_TAGS:
                self._section(elem)
            elif tag == "LiveSet":
                live_set = elem
        if live_set is None:
            raise AlsError("%s is not an Ableton Live set: it has no <LiveSet>" % (self.path,))
        return self._assemble()

    def _check_head(self, stream):
        """Fail at once on XML that is no Live set, from its first element (<Ableton ...>)."""
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        match = re.search(br"<([A-Za-z_][\w.-]*)([^>]*)>", re.sub(br"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S))
        if not match:
            if head.strip():
                raise AlsError("%s is not an Ableton Live set: it holds no XML element" % (self.path,))
            return
        tag = match.group(1).decode("ascii", "replace")
        if tag != "Ableton":
            raise AlsError("%s is not an Ableton Live set: its XML starts with <%s>, a Live set with <Ableton>"
                           % (self.path, tag))
        attrib = dict((k.decode(), v.decode("utf-8", "replace"))
                      for k, v in re.findall(br'([A-Za-z]+)="([^"]*)"', match.group(2)))
        self.version = version_of(attrib)
        self.creator = attrib.get("Creator", "")

    def _track(self, elem):
        if elem.tag in KINDS:
            self.tracks.append(track_dict(elem, self.notes))

    def _section(self, elem):
        tag = elem.tag
        if tag in MAIN_TAGS:
            self.main, song = main_track(elem, self.notes)
            self.song.update(song)
        elif tag == "Scenes":            # Live 11+: scenes with their own tempo and signature
            self.scenes = [_scene(s) for s in elem if s.tag == "Scene"]
        elif tag == "SceneNames" and self.scenes is None:   # Live 9/10: tempo and signature in the name
            self.scenes = [_scene_from_name(s) for s in elem if s.tag == "Scene"]
        elif tag == "Locators" and elem.find("Locators") is not None:   # <Locators><Locators>...
            self.locators = [{"name": value(loc, "Name", ""), "time": as_float(loc, "Time", 0.0)}
                             for loc in elem.iter("Locator")]
        elif tag == "Transport":
            self.song["loop"] = as_bool(elem, "LoopOn", False)
            self.song["loop_start"] = as_float(elem, "LoopStart", 0.0)
            self.song["loop_length"] = max(as_float(elem, "LoopLength", 16.0), 0.0) or 16.0
        elif tag == "GlobalQuantisation":
            quantization = as_int(elem, ".", 4)
            if 0 <= quantization <= 13:
                self.song["clip_trigger_quantization"] = quantization
        elif tag == "ScaleInformation":
            self._scale(elem)

    def _scale(self, elem):
        """Live 9-11: <RootNote/> and the scale's name; Live 12: <Root/> and the scale's number in
        Live's list, which starts Major, Minor, Dorian, Mixolydian, Lydian, Phrygian, Locrian."""
        root = as_int(elem, "Root", as_int(elem, "RootNote", 0))
        if 0 <= root <= 11:
            self.song["root_note"] = root
        name = value(elem, "Name") or ""
        if name.isdigit():
            name = _LIVE12_SCALES[int(name)] if int(name) < len(_LIVE12_SCALES) else ""
        known = [n for n, _steps in _SCALES]
        if name in known:
            self.song["scale_name"] = name
        elif name:
            self.notes.append("scale %r is not simulated; virtual Live uses Major" % name)

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
        if self.version[0] and not 9 <= self.version[0] <= 12:
            self.notes.insert(0, "written by Live %d.%d; lmac reads sets of Live 9 to 12, so some values may be "
                                 "missing" % self.version)
        data["source"] = {"file": str(self.path), "live": "%d.%d" % self.version, "creator": self.creator,
                          "notes": self.notes}
        return data

    def _drop_clips_past_scenes(self, track, scene_count):
        clips = track.get("clips", [])
        kept = [c for c in clips if c["slot"] < scene_count]
        if len(kept) != len(clips):
            self.notes.append("track %r: clips beyond the last scene skipped" % track["name"])
            track["clips"] = kept


def _ends(stream, wanted):
    """The elements named in wanted, each when it ends: filtered in C by lxml when the dev side
    handed it over (use_lxml), else by a loop over the standard library's events."""
    if _lxml is not None:
        for _event, elem in _lxml.iterparse(stream, events=("end",), tag=wanted, huge_tree=True,
                                            resolve_entities=False, no_network=True):
            yield elem
        return
    for _event, elem in ET.iterparse(stream):
        if elem.tag in wanted:
            yield elem


def _free(elem):
    """Drop a read track (and, with lxml, the emptied tracks before it)."""
    elem.clear()
    previous = getattr(elem, "getprevious", None)
    if previous is not None:
        while elem.getprevious() is not None:
            del elem.getparent()[0]


def _scene(elem):
    out = {"name": value(elem, "Name", "")}
    out.update(color_fields(value(elem, "Color", value(elem, "ColorIndex", -1))))
    tempo = as_float(elem, "Tempo", 120.0)
    if as_bool(elem, "IsTempoEnabled", False) and 20.0 <= tempo <= 999.0:
        out["tempo"] = tempo
    signature = time_signature(as_int(elem, "TimeSignatureId", 201))
    if as_bool(elem, "IsTimeSignatureEnabled", False) and signature:
        out["signature"] = signature
    return out


_LIVE12_SCALES = ["Major", "Minor", "Dorian", "Mixolydian", "Lydian", "Phrygian", "Locrian"]
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
