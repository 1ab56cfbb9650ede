"""A timeline of what changed in the set, derived from Live itself (not from the actions).

``Timeline(song, clock, ramps=None)``: ``capture()`` after each tick compares a snapshot of the set
(read through the public LOM API) with the previous one and records one line per change, stamped
with the song position (bar.beat.sixteenth) and the virtual/wall ms since the start. ``note(text)``
records what a snapshot cannot see (println, messages, MIDI); it first records the changes made
before it, so notes keep their place among changes. ``add_source(drain)`` adds events that carry
their own time (MIDI the script sent): each capture drains them. ``lines()`` lists everything in
time order; ``summary()`` describes the set as it is now. Used by `lmac run`.

A value moving in one direction by small steps in consecutive ticks (a ramp) is one glide line:
first value -> last, with the time the glide ended. A change of direction, a jump (a step much
bigger than the glide's steps), a pause (a tick without a step) or a new ramp on that parameter
(``ramps``: parameter ptr -> token, the LiveWorld's ramp registry) starts a new line. A jump of the
playhead (`jump-to`, a locator) is a line of its own, and changes made before it keep the position
they were made at.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .adapter import ptr
from .clip_changes import CLIP_SHOWN, clip_changes
from .device_extras import extras as device_extras
from .set_watch import SetWatch

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs)
    from Live.Song import Song
    from Live.Track import Track

_FLAGS = (("arm", "armed", "unarmed"), ("mute", "muted", "unmuted"), ("solo", "soloed", "unsoloed"))
_LETTERS = "ABCDEFGHIJKL"
# Song.Quantization and RecordingQuantization as lmac's keywords (see (quantize) and (record-quantize))
LAUNCH_WORDS = ("none", "8-bars", "4-bars", "2-bars", "bar", "half", "half-triplet", "beat", "quarter-triplet",
                "eighth", "eighth-triplet", "sixteenth", "sixteenth-triplet", "thirty-second")
RECORD_WORDS = ("none", "quarter", "eighth", "eighth-triplet", "eighth-and-triplet", "sixteenth",
                "sixteenth-triplet", "sixteenth-and-triplet", "thirty-second")
JUMP_SLACK_BEATS = 0.1     # the playhead may move this far from where the tempo says before it is a jump
JUMP_FACTOR = 4.0          # a step this many times the glide's largest step is a jump, not part of it

# The order of lines within one capture, as far as a snapshot can tell what happened first:
# the transport, then what Live did on its launch grid, then the script's changes (tracks first:
# macros mostly build or arm tracks, then set the song up around them).
RANK_TRANSPORT, RANK_LAUNCH, RANK_TRACKS, RANK_SONG, RANK_SCENES, RANK_SELECTION = range(6)


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


def _words(table):
    """A formatter for an enum: 4 -> ":bar"."""
    def fmt(v):
        v = int(v)
        return ":" + table[v] if 0 <= v < len(table) else str(v)
    return fmt


def song_part(song: Song) -> dict:
    """The song's own properties (cheap to read every tick)."""
    return {"tempo": song.tempo, "signature": "%d/%d" % (song.signature_numerator, song.signature_denominator),
            "metronome": song.metronome, "overdub": song.overdub, "record": song.record_mode,
            "session-record": song.session_record, "playing": song.is_playing,
            "loop": (song.loop, song.loop_start, song.loop_length),
            "quantize": int(song.clip_trigger_quantization),
            "record-quantize": int(_get(song, "midi_recording_quantization", 0)),
            "locators": tuple((c.name, c.time) for c in song.cue_points),
            "selected": _get(song.view.selected_track, "name")}


def listed_tracks(song: Song) -> list:
    """(track, label, kind) of every track, labelled as (track n) counts and returns are lettered."""
    regular = list(song.tracks)
    returns = list(song.return_tracks)
    out: list = [(t, "%d" % (i + 1), None) for i, t in enumerate(regular)]
    out += [(t, _LETTERS[i] if i < len(_LETTERS) else "?", "return") for i, t in enumerate(returns)]
    out.append((song.master_track, "main", "main"))
    return out


def clip_part(clip) -> tuple:
    """(values of CLIP_SHOWN, notes as (pitch, start, duration, velocity, mute) sorted) of a clip."""
    values = tuple(_get(clip, name) for name in CLIP_SHOWN)
    notes: tuple = ()
    if _get(clip, "is_midi_clip"):
        try:
            found = clip.get_notes_extended(0, 128, -1e9, 2e9)
            notes = tuple(sorted((n.pitch, n.start_time, n.duration, n.velocity, n.mute) for n in found))
        except Exception:
            notes = ()
    return values, notes


def track_part(song: Song, t: Track, label: str, kind=None, clip_parts=None) -> dict:
    """Everything the timeline shows of one track. clip_parts: clip ptr -> clip_part to reuse."""
    mixer = t.mixer_device
    devices = []
    extras = []
    for d in t.devices:
        params = tuple(d.parameters)
        devices.append((ptr(d), d.name, tuple(p.value for p in params), params))
        more = device_extras(d)
        if more:
            extras.append((ptr(d), d.name, more))
    playing = None
    clips = []
    for i, s in enumerate(_get(t, "clip_slots", ())):
        if s.has_clip:
            clip = s.clip
            key = ptr(clip)
            part = clip_parts.get(key) if clip_parts else None
            clips.append((i, key, clip.name, part if part is not None else clip_part(clip)))
            if playing is None and _get(clip, "is_playing"):
                playing = (key, clip.name)
    return {"name": t.name, "kind": kind or track_kind(song, t), "label": label,
            "arm": _get(t, "arm", False) if _get(t, "can_be_armed") else False,
            "mute": _get(t, "mute", False), "solo": _get(t, "solo", False),
            "color": _get(t, "color", 0), "fold": _get(t, "fold_state", None),
            "monitor": _get(t, "current_monitoring_state", None),
            "volume": mixer.volume.value, "pan": mixer.panning.value,
            "params": (mixer.volume, mixer.panning) + tuple(mixer.sends),
            "sends": tuple(s.value for s in mixer.sends),
            "devices": tuple(devices), "extras": tuple(extras), "playing": playing, "clips": tuple(clips)}


def snapshot(song: Song) -> dict:
    """The whole set as the timeline sees it, read at once."""
    snap = song_part(song)
    snap["tracks"] = [(ptr(t), track_part(song, t, label, kind)) for t, label, kind in listed_tracks(song)]
    snap["scenes"] = [(ptr(s), s.name, s.color) for s in song.scenes]
    return snap


class LiveSnapshot(object):
    """snapshot(song), kept current from Live's change notifications (surface/set_watch.py): each
    take() re-reads only the tracks (and clips) that notified, and reuses the rest, so parts that
    did not change are the very same objects as in the previous snapshot."""

    def __init__(self, song: Song):
        self.song = song
        self.watch = SetWatch(song)
        self._tracks: list = []
        self._scenes: list = []

    def take(self) -> dict:
        song = self.song
        structure, scenes, dirty, dirty_clips = self.watch.take()
        snap = song_part(song)
        if structure:
            old = dict(self._tracks)
            tracks = []
            for t, label, kind in listed_tracks(song):
                key = ptr(t)
                part = old.get(key)
                if part is None or key in dirty or part["label"] != label:
                    part = self._reread(t, label, kind, part, dirty_clips)
                tracks.append((key, part))
            self._tracks = tracks
        elif dirty:
            tracks = list(self._tracks)
            for i, (key, part) in enumerate(tracks):
                if key in dirty:
                    tracks[i] = (key, self._reread(self.watch.track(key), part["label"], part["kind"], part,
                                                   dirty_clips))
            self._tracks = tracks
        if scenes:
            self._scenes = [(ptr(s), s.name, s.color) for s in song.scenes]
        snap["tracks"] = self._tracks
        snap["scenes"] = self._scenes
        return snap

    def _reread(self, t, label, kind, before, dirty_clips):
        reuse = None
        if before is not None:
            reuse = dict((key, part) for _, key, _, part in before["clips"] if key not in dirty_clips)
        return track_part(self.song, t, label, kind, reuse)

    def close(self):
        self.watch.close()


class Change(object):
    """One line of a diff. A value change (volume, a device parameter, the tempo) also has a key,
    a label and its old and new values, so consecutive steps can become one glide."""
    __slots__ = ("rank", "text", "key", "label", "old", "new", "fmt", "param")

    def __init__(self, rank, text, key=None, label=None, old=None, new=None, fmt=_fmt, param=None):
        self.rank, self.text, self.key, self.label = rank, text, key, label
        self.old, self.new, self.fmt, self.param = old, new, fmt, param

    @classmethod
    def value(cls, rank, key, label, old, new, fmt=_fmt, param=None):
        return cls(rank, "%s %s -> %s" % (label, fmt(old), fmt(new)), key, label, old, new, fmt, param)


def diff(old, new):
    """Lines describing what changed from snapshot old to snapshot new."""
    return [c.text for c in changes(old, new)]


def changes(old, new):
    """The Changes from snapshot old to snapshot new, in the order they most likely happened."""
    out = []
    if old["playing"] != new["playing"]:
        out.append(Change(RANK_TRANSPORT, "transport %s" % ("playing" if new["playing"] else "stopped")))
    if old["tempo"] != new["tempo"]:
        out.append(Change.value(RANK_SONG, "tempo", "tempo", old["tempo"], new["tempo"]))
    if old["signature"] != new["signature"]:
        out.append(Change(RANK_SONG, "signature %s -> %s" % (old["signature"], new["signature"])))
    for key, word, table in (("quantize", "launch quantization", LAUNCH_WORDS),
                             ("record-quantize", "record quantization", RECORD_WORDS)):
        if old[key] != new[key]:
            fmt = _words(table)
            out.append(Change(RANK_SONG, "%s %s -> %s" % (word, fmt(old[key]), fmt(new[key]))))
    for key in ("metronome", "overdub", "record", "session-record"):
        if old[key] != new[key]:
            out.append(Change(RANK_SONG, "%s %s" % (key, "on" if new[key] else "off")))
    if old["loop"] != new["loop"]:
        on, start, length = new["loop"]
        out.append(Change(RANK_SONG, "arrangement loop %s (start %s, length %s)"
                          % ("on" if on else "off", _fmt(start), _fmt(length))))
    if old["locators"] != new["locators"]:
        out.append(Change(RANK_SONG, "locators: %s" % ", ".join('"%s" at %s' % (n, _fmt(t))
                                                                for n, t in new["locators"])))
    if old["tracks"] is not new["tracks"]:      # the same list: no track notified
        out.extend(_tracks_changes(old["tracks"], new["tracks"]))
    old_scenes = dict((k, (n, c)) for k, n, c in old["scenes"])
    new_scene_keys = set(k for k, _, _ in new["scenes"])
    for i, (key, name, color) in enumerate(new["scenes"]):
        if key not in old_scenes:
            out.append(Change(RANK_SCENES, '+ scene %d "%s"' % (i + 1, name)))
        elif old_scenes[key][0] != name:
            out.append(Change(RANK_SCENES, 'scene %d renamed "%s" -> "%s"' % (i + 1, old_scenes[key][0], name)))
        elif old_scenes[key][1] != color:
            out.append(Change(RANK_SCENES, 'scene "%s" colour %s' % (name, _fmt(color))))
    for key, name, _ in old["scenes"]:
        if key not in new_scene_keys:
            out.append(Change(RANK_SCENES, '- scene "%s"' % name))
    if old["selected"] != new["selected"] and new["selected"] is not None:
        out.append(Change(RANK_SELECTION, 'selected "%s"' % new["selected"]))
    out.sort(key=lambda c: c.rank)     # stable: within a rank, the order above
    return out


def _tracks_changes(old, new):
    out = []
    old_tracks = dict(old)
    new_keys = set(k for k, _ in new)
    for key, t in new:          # new tracks first, then what changed on each track
        if key not in old_tracks:
            out.append(Change(RANK_TRACKS, '+ track %s "%s" (%s)' % (t["label"], t["name"], t["kind"])))
    for key, t in new:
        before = old_tracks.get(key)
        if before is t:
            continue
        if before is None:
            out.extend(_born_track(t))
            continue
        out.extend(_track_changes(before, t))
    for key, t in old:
        if key not in new_keys:
            out.append(Change(RANK_TRACKS, '- track "%s"' % t["name"]))
    return out


def _born_track(t):
    """What a new track already has: devices, flags, and values set away from Live's defaults in
    the same tick (so a macro that creates a track and sets it up shows the set-up)."""
    out = []
    name = t["name"]
    for _, dname, values, params in t["devices"]:
        out.append(Change(RANK_TRACKS, '%s added to "%s"' % (dname, name)))
        out.extend(_away_from_default(values, params, '%s on "%s": ' % (dname, name)))
    for flag, yes, _ in _FLAGS:      # a track can be born armed (the arm follows selection)
        if t[flag]:
            out.append(Change(RANK_TRACKS, '%s "%s"' % (yes, name)))
    labels = ['volume of "%s"' % name, 'pan of "%s"' % name] + [
        'send %s of "%s"' % (_LETTERS[i], name) for i in range(len(t["sends"]))]
    values = (t["volume"], t["pan"]) + t["sends"]
    for label, value, param in zip(labels, values, t["params"]):
        default = _get(param, "default_value")
        if default is not None and abs(value - default) > 1e-9:
            out.append(Change.value(RANK_TRACKS, ptr(param), label, default, value, param=param))
    for i, key, cname, part in t["clips"]:
        out.append(Change(RANK_TRACKS, '+ clip "%s" in slot %d of "%s"' % (cname, i + 1, name)))
    return out


def _away_from_default(values, params, where):
    """Lines for the parameters of a device just added whose value is not the default."""
    out = []
    for value, param in zip(values, params):
        default = _get(param, "default_value")     # Live has none for quantized parameters
        if default is None or abs(value - default) <= 1e-9:
            continue
        pname = _get(param, "name", "parameter")
        if pname == "Device On":
            out.append(Change(RANK_TRACKS, "%sturned %s" % (where, "on" if value else "off")))
        else:
            out.append(Change.value(RANK_TRACKS, ptr(param), where + pname, default, value, param=param))
    return out


def _param_changes(old_values, new_values, params):
    """(index, name, old, new, value items or None, parameter) of each parameter that moved."""
    out = []
    for i, (x, y) in enumerate(zip(old_values, new_values)):
        if abs(x - y) <= 1e-9:
            continue
        param = params[i]
        name = _get(param, "name", "parameter %d" % (i + 1))
        items = None
        if _get(param, "is_quantized"):
            items = tuple(_get(param, "value_items", ()) or ())
        out.append((i, name, x, y, items, param))
    return out


def _track_changes(a, b):
    out = []
    name = b["name"]
    if a["name"] != name:
        out.append(Change(RANK_TRACKS, 'renamed "%s" -> "%s"' % (a["name"], name)))
    for key, yes, no in _FLAGS:
        if a[key] != b[key]:
            out.append(Change(RANK_TRACKS, '%s "%s"' % (yes if b[key] else no, name)))
    if a["color"] != b["color"]:
        out.append(Change(RANK_TRACKS, 'colour of "%s" -> #%06x' % (name, b["color"] or 0)))
    if a["fold"] != b["fold"]:
        out.append(Change(RANK_TRACKS, '%s "%s"' % ("folded" if b["fold"] else "unfolded", name)))
    if a["monitor"] != b["monitor"]:
        out.append(Change(RANK_TRACKS, 'monitor of "%s" -> %s'
                          % (name, {0: "in", 1: "auto", 2: "off"}.get(b["monitor"], b["monitor"]))))
    params = b["params"]
    for i, key in enumerate(("volume", "pan")):
        if abs(a[key] - b[key]) > 1e-9:
            out.append(Change.value(RANK_TRACKS, ptr(params[i]), '%s of "%s"' % (key, name), a[key], b[key],
                                    param=params[i]))
    for i, (x, y) in enumerate(zip(a["sends"], b["sends"])):
        if abs(x - y) > 1e-9:
            out.append(Change.value(RANK_TRACKS, ptr(params[2 + i]), 'send %s of "%s"' % (_LETTERS[i], name),
                                    x, y, param=params[2 + i]))
    old_devices = dict((k, (n, v)) for k, n, v, _ in a["devices"])
    new_keys = set(k for k, _, _, _ in b["devices"])
    for key, dname, values, objs in b["devices"]:
        if key not in old_devices:
            out.append(Change(RANK_TRACKS, '%s added to "%s"' % (dname, name)))
            out.extend(_away_from_default(values, objs, '%s on "%s": ' % (dname, name)))
            continue
        oname, ovalues = old_devices[key]
        if oname != dname:
            out.append(Change(RANK_TRACKS, 'device "%s" on "%s" renamed "%s"' % (oname, name, dname)))
        for i, pname, x, y, items, param in _param_changes(ovalues, values, objs):
            where = '%s on "%s"' % (dname, name)
            if pname == "Device On":
                out.append(Change(RANK_TRACKS, "%s turned %s" % (where, "on" if y else "off")))
            elif items:
                word = lambda v, items=items: items[int(v)] if 0 <= int(v) < len(items) else _fmt(v)
                out.append(Change(RANK_TRACKS, "%s: %s %s -> %s" % (where, pname, word(x), word(y))))
            else:
                out.append(Change.value(RANK_TRACKS, ptr(param), "%s: %s" % (where, pname), x, y, param=param))
    for key, (dname, _) in old_devices.items():
        if key not in new_keys:
            out.append(Change(RANK_TRACKS, '%s removed from "%s"' % (dname, name)))
    if a["extras"] != b["extras"]:
        out.extend(_extras_changes(a["extras"], b["extras"], name))
    if a["playing"] != b["playing"]:    # Live launches and stops on its grid, before the script's tick
        if a["playing"] is not None and (b["playing"] is None or a["playing"][0] != b["playing"][0]):
            if b["playing"] is None:
                out.append(Change(RANK_LAUNCH, 'clip "%s" stopped on "%s"' % (a["playing"][1], name)))
        if b["playing"] is not None and (a["playing"] is None or a["playing"][0] != b["playing"][0]):
            out.append(Change(RANK_LAUNCH, 'clip "%s" playing on "%s"' % (b["playing"][1], name)))
    if a["clips"] != b["clips"]:
        old_clips = dict((k, (i, n, p)) for i, k, n, p in a["clips"])
        new_clips = dict((k, (i, n, p)) for i, k, n, p in b["clips"])
        for key, (i, n, part) in new_clips.items():
            if key not in old_clips:
                out.append(Change(RANK_TRACKS, '+ clip "%s" in slot %d of "%s"' % (n, i + 1, name)))
                continue
            if old_clips[key][1] != n:
                out.append(Change(RANK_TRACKS, 'clip "%s" renamed "%s"' % (old_clips[key][1], n)))
            if old_clips[key][2] is not part:
                out.extend(Change(RANK_TRACKS, text) for text in clip_changes(n, name, old_clips[key][2], part))
        for key, (i, n, _) in old_clips.items():
            if key not in new_clips:
                out.append(Change(RANK_TRACKS, '- clip "%s" from slot %d of "%s"' % (n, i + 1, name)))
    return out


def _extras_changes(old, new, track_name):
    """Lines for what changed on a device beyond its parameters (Simpler's modes, Drum Rack pads)."""
    out = []
    before = dict((key, dict((label, value) for label, value, _ in items)) for key, _, items in old)
    for key, dname, items in new:
        was = before.get(key)
        if was is None:
            continue
        where = '%s on "%s": ' % (dname, track_name)
        for label, value, param in items:
            if label not in was or was[label] == value:
                continue
            if param is not None:
                out.append(Change.value(RANK_TRACKS, ptr(param), where + label, was[label], value, param=param))
            else:
                out.append(Change(RANK_TRACKS, "%s%s %s -> %s" % (where, label, was[label], value)))
    return out


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


def _automated(param):
    """Is the parameter following a playing clip envelope? (its steps come with pauses between)"""
    return param is not None and int(_get(param, "automation_state", 0) or 0) == 1


class _Glide(object):
    """A value moving by small steps in one direction: one timeline entry, amended at each step.
    Steps of a clip envelope that plays may pause between them and still make one glide."""
    __slots__ = ("entry", "first", "last", "direction", "largest", "steps", "tick", "token", "param")

    def __init__(self, entry, change, tick, token):
        self.entry, self.first, self.tick, self.token = entry, change.old, tick, token
        self.param = change.param
        self.last = change.new
        self.direction = 1 if change.new > change.old else -1
        self.largest = abs(change.new - change.old)
        self.steps = 1

    def takes(self, change, tick, token):
        """Is change the next step of this glide (same direction, no jump, no pause, same ramp)?"""
        step = change.new - change.old
        if (tick - self.tick > 1 and not _automated(self.param)) or (1 if step > 0 else -1) != self.direction:
            return False
        if token is not None:
            # The same ramp goes on; a new ramp is a new move, unless what came before it did
            # not even move the shown value (a ramp's first, tiny step: "0 -> 0").
            return token is self.token or change.fmt(self.first) == change.fmt(self.last)
        size = abs(step)
        if self.steps > 1 and size > JUMP_FACTOR * self.largest + 1e-9:
            return False                  # (a ramp's first step may be partial: no size yet)
        if self.steps == 1 and self.largest > JUMP_FACTOR * size + 1e-9:
            return False                  # the first step was a jump and this is a ramp after it
        return True

    def extend(self, change, tick, token, stamp):
        self.largest = max(self.largest, abs(change.new - change.old))
        self.steps += 1
        self.tick = tick
        self.token = token
        self.last = change.new
        self.entry[2] = "%s %s -> %s" % (change.label, change.fmt(self.first), change.fmt(change.new))
        self.entry[3] = stamp


class Timeline(object):
    def __init__(self, song: Song, clock, ramps=None):
        self.song = song
        self.clock = clock
        self.ramps = ramps                 # parameter ptr -> ramp token (LiveWorld.ramps), or None
        self.entries: list = []  # [ms, "bar.beat.six", text, glide end (ms, pos) or None]
        self.t0 = clock.now_ms()
        self._live = LiveSnapshot(song)
        self._last = self._live.take()
        self._glides: dict = {}  # change key -> _Glide
        self._ticks = 0
        self._sources: list = []  # (drain, before_changes)
        self._time = (self.t0, song.current_song_time)   # (ms, song beats) last seen, to see jumps
        self._listening = False
        try:
            song.add_current_song_time_listener(self._on_song_time)
            self._listening = True
        except Exception:
            pass

    def _beats_now(self):
        """Where the playhead would be now had it not jumped since it was last seen."""
        song = self.song
        ms, beats = self._time
        if song.is_playing:
            beats += max(0.0, self.clock.now_ms() - ms) * song.tempo / 60000.0
        return beats

    def _stamp(self, beats=None):
        song = self.song
        if beats is None:
            beats = song.current_song_time
        return (self.clock.now_ms() - self.t0, position(beats, song.signature_numerator, song.signature_denominator))

    def _on_song_time(self):
        song = self.song
        now = song.current_song_time
        expected = self._beats_now()
        last = self._time[1]
        jumped = now < last - JUMP_SLACK_BEATS or now > expected + JUMP_SLACK_BEATS
        loop_end = song.loop_start + song.loop_length
        wrapped = song.loop and abs(now - song.loop_start) < JUMP_SLACK_BEATS and expected >= loop_end - JUMP_SLACK_BEATS
        if jumped and not wrapped:
            # What the script changed before the jump happened where the playhead was then.
            self._capture(tick=False, beats=expected)
            ms, pos = self._stamp()
            self.entries.append([ms, pos, "jump to %s" % pos, None])
        self._time = (self.clock.now_ms(), now)

    def add_source(self, drain, before_changes=True):
        """drain() -> [(clock ms, text)] of the events since the last call. Within one capture,
        events of sources before_changes come before the set changes (a macro run precedes what
        it changed), the others after them (the LED a change lit)."""
        self._sources.append((drain, before_changes))

    def _drain(self, before, beats=None):
        pos = None
        for drain, first in self._sources:
            if first != before:
                continue
            for ms, text in drain():
                if pos is None:
                    pos = self._stamp(beats)[1]
                self.entries.append([ms - self.t0, pos, text, None])

    def capture(self):
        """Record what changed since the last capture; one capture is one tick for glides."""
        self._ticks += 1
        return self._capture(tick=True)

    def _capture(self, tick, beats=None):
        self._drain(True, beats)
        now = self._live.take()
        found = changes(self._last, now)
        self._last = now
        if found:
            stamp = self._stamp(beats)
            ramps = self.ramps or {}
            for change in found:
                if change.key is None:
                    self.entries.append([stamp[0], stamp[1], change.text, None])
                    continue
                token = ramps.get(change.key)
                glide = self._glides.get(change.key)
                if glide is not None and glide.takes(change, self._ticks, token):
                    glide.extend(change, self._ticks, token, stamp)
                    continue
                if change.fmt(change.old) == change.fmt(change.new):
                    continue   # too small to show (a glide landing on its exact target)
                entry = [stamp[0], stamp[1], change.text, None]
                self.entries.append(entry)
                self._glides[change.key] = _Glide(entry, change, self._ticks, token)
        if tick:   # forget glides that paused
            for key in [k for k, g in self._glides.items() if self._ticks - g.tick > 1 and not _automated(g.param)]:
                del self._glides[key]
        self._drain(False, beats)
        if not self._listening:
            self._time = (self.clock.now_ms(), self.song.current_song_time)
        return [c.text for c in found]

    def note(self, text):
        """Record a line now, after the changes made before it; returns the entry
        ([ms, position, text, glide end]) so the caller can amend it."""
        self._capture(tick=False)
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
        self._live.close()
        if self._listening:
            try:
                self.song.remove_current_song_time_listener(self._on_song_time)
            except Exception:
                pass
            self._listening = False

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
            line = '%4s "%s" (%s)' % (t["label"], t["name"], t["kind"])
            if flags:
                line += " " + " ".join(flags)
            if t["devices"]:
                line += ": " + ", ".join(d[1] for d in t["devices"])
            if t["playing"]:
                line += '  > playing "%s"' % t["playing"][1]
            out.append(line)
        return out
