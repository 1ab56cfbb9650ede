"""Selectors (LANGUAGE.md section 4): values that name tracks, scenes, clips, devices and
parameters, resolved against the set at the moment an action runs, never when the macro is read.

A Selector has a ``kind`` (what it names) and ``text`` (how it was written, for messages);
``resolve(ctx, want)`` returns the Live objects for what the action wants (``tracks``,
``scenes``, ``slots``, ``devices``, ``params`` or ``any``). Live objects handed to lmac are
wrapped in a Handle, which prints as #<track "Bass"> and unwraps when used as a target.
"""
from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING, Any, Callable, List

from ..interpreter.printer import describe, pr_str
from ..interpreter.values import Builtin, Keyword, LmacError, Symbol, is_fn
from .adapter import alive, kind_of, ptr

if TYPE_CHECKING:  # the type checker's view of Live (ableton-live-stubs); nothing imported at run time
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from Live.Song import Song
    from Live.Track import Track
    from .context import ActionContext

    Resolver = Callable[[ActionContext, str], List[Any]]

KIND_WORD = {"tracks": "track", "scenes": "scene", "slots": "clip", "devices": "device",
             "params": "parameter", "any": "object"}


class Handle(object):
    """A Live object inside lmac. Equal to another handle on the same object."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __eq__(self, other):
        return isinstance(other, Handle) and alive(self.obj) and alive(other.obj) and \
            ptr(self.obj) == ptr(other.obj)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(ptr(self.obj)) if alive(self.obj) else 0

    def lmac_repr(self):
        obj = self.obj
        if not alive(obj):
            return "#<deleted>"
        kind = kind_of(obj)
        if kind == "slot":
            track = obj.canonical_parent
            return "#<slot %d of \"%s\">" % (list(track.clip_slots).index(obj) + 1, track.name)
        try:
            return '#<%s "%s">' % (kind, obj.name)
        except Exception:
            return "#<%s>" % kind


def is_lom(x):
    return hasattr(x, "canonical_parent") and not isinstance(x, (Handle, Selector))


def wrap(value):
    """Live objects (and lists of them) as lmac values."""
    if isinstance(value, (list, tuple)) and value and is_lom(value[0]):
        from ..interpreter.values import List
        return List([Handle(v) for v in value])
    if value is not None and is_lom(value):
        return Handle(value)
    return value


class Selector(object):
    __slots__ = ("kind", "text", "fn")

    def __init__(self, kind: str, text: str, fn: Resolver):
        self.kind = kind      # tracks scenes slots devices params, or "context" (selected, all)
        self.text = text
        self.fn = fn          # fn(ctx, want) -> list of Live objects

    def lmac_repr(self):
        return self.text

    def resolve(self, ctx: ActionContext, want: str) -> List[Any]:
        if self.kind not in ("context", want) and want != "any":
            if not (want == "tracks" and self.kind in ("slots", "devices")):
                raise LmacError("%s expects a %s, got %s (a %s)"
                                % (ctx.action, KIND_WORD[want], self.text, KIND_WORD[self.kind]))
        return list(self.fn(ctx, want))


# ---- helpers ---------------------------------------------------------------------------------
def _text(x):
    return pr_str(x) if not isinstance(x, str) else '"%s"' % x


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def _name_match(obj, pattern):
    name = (obj.name or "").lower()
    pattern = pattern.lower()
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(name, pattern)
    return name == pattern


def _by_number_or_name(items, key, what, form):
    if _is_int(key):
        if not 1 <= key <= len(items):
            return []
        return [items[key - 1]]
    if isinstance(key, str):
        return [o for o in items if _name_match(o, key)]
    raise LmacError("%s expects a number or a name in quotes, got %s" % (form, describe(key)))


def regular_tracks(song: Song) -> List[Track]:
    return list(song.tracks)


def _track_is(track: Track, attr: str) -> bool:
    try:
        return bool(getattr(track, attr))
    except Exception:
        return False


# ---- tracks ------------------------------------------------------------------------------------
def track(key):
    return Selector("tracks", "(track %s)" % _text(key),
                    lambda ctx, want: _by_number_or_name(list(ctx.song.tracks), key, "track", "track"))


def tracks(*keys):
    """(tracks "Drum*") glob, (tracks 2 5) range, (tracks 1 3 7) list."""
    text = "(tracks %s)" % " ".join(_text(k) for k in keys)
    if not keys:
        return Selector("tracks", "tracks", lambda ctx, want: regular_tracks(ctx.song))
    if len(keys) == 2 and all(_is_int(k) for k in keys):
        lo, hi = keys
        return Selector("tracks", text, lambda ctx, want: list(ctx.song.tracks)[lo - 1:hi])

    def resolve(ctx: ActionContext, want: str) -> List[Any]:
        items = list(ctx.song.tracks)
        out = []
        for k in keys:
            for t in _by_number_or_name(items, k, "track", "tracks"):
                if t not in out:
                    out.append(t)
        return out
    return Selector("tracks", text, resolve)


def return_(key):
    def resolve(ctx: ActionContext, want: str) -> List[Any]:
        returns = list(ctx.song.return_tracks)
        if isinstance(key, str) and len(key) == 1 and key.isalpha():
            i = ord(key.upper()) - ord("A")
            return [returns[i]] if i < len(returns) else []
        return _by_number_or_name(returns, key, "return", "return")
    return Selector("tracks", "(return %s)" % _text(key), resolve)


def where(pred):
    if not is_fn(pred):
        raise LmacError("where expects a function of a track, got %s" % describe(pred))

    def resolve(ctx: ActionContext, want: str) -> List[Any]:
        out = []
        for t in regular_tracks(ctx.song):
            ok = ctx.session.run_nested(pred, [Handle(t)], what="where", dyn=ctx.task.dyn)
            if ok is not None and ok is not False:
                out.append(t)
        return out
    return Selector("tracks", "(where %s)" % describe(pred), resolve)


def _filter(name, test):
    return Selector("tracks", name, lambda ctx, want: [t for t in regular_tracks(ctx.song) if test(t)])


# ---- scenes, clips, devices, parameters --------------------------------------------------------
def scene(key):
    return Selector("scenes", "(scene %s)" % _text(key),
                    lambda ctx, want: _by_number_or_name(list(ctx.song.scenes), key, "scene", "scene"))


def scenes(*keys):
    if not keys:
        return Selector("scenes", "scenes", lambda ctx, want: list(ctx.song.scenes))
    text = "(scenes %s)" % " ".join(_text(k) for k in keys)
    if len(keys) == 2 and all(_is_int(k) for k in keys):
        return Selector("scenes", text, lambda ctx, want: list(ctx.song.scenes)[keys[0] - 1:keys[1]])

    def resolve(ctx: ActionContext, want: str) -> List[Any]:
        out = []
        for k in keys:
            for s in _by_number_or_name(list(ctx.song.scenes), k, "scene", "scenes"):
                if s not in out:
                    out.append(s)
        return out
    return Selector("scenes", text, resolve)


def clip(a, b=None):
    """(clip 1 2): the slot of track 1, scene 2; (clip "Verse"): every clip so named;
    (clip 2): scene 2 of the focus track."""
    if b is None and isinstance(a, str):
        def by_name(ctx: ActionContext, want: str) -> List[Any]:
            out = []
            for t in ctx.song.tracks:
                for slot in t.clip_slots:
                    c = slot.clip if slot.has_clip else None
                    if c is not None and _name_match(c, a):
                        out.append(slot)
            return out
        return Selector("slots", "(clip %s)" % _text(a), by_name)
    if b is None:
        def in_focus(ctx: ActionContext, want: str) -> List[Any]:
            t = ctx.track(None)
            slots = list(t.clip_slots)
            return [slots[a - 1]] if _is_int(a) and 1 <= a <= len(slots) else []
        return Selector("slots", "(clip %s)" % _text(a), in_focus)

    def at(ctx: ActionContext, want: str) -> List[Any]:
        if _is_int(a) or isinstance(a, str):
            ts = _by_number_or_name(list(ctx.song.tracks), a, "track", "clip")
        else:
            ts = ctx.tracks(a)   # a track selector or handle: (clip (track "Drums") 2)
        out = []
        for t in ts:
            slots = list(t.clip_slots)
            if _is_int(b) and 1 <= b <= len(slots):
                out.append(slots[b - 1])
            elif isinstance(b, str):
                out.extend(slot for slot in slots if slot.has_clip and _name_match(slot.clip, b))
        return out
    return Selector("slots", "(clip %s %s)" % (_text(a), _text(b)), at)


def device(a, b=None):
    """(device "Compressor") or (device 2) on the focus track; (device (track 1) 2) elsewhere."""
    if b is None:
        track_sel, key = None, a
    else:
        track_sel, key = a, b

    def resolve(ctx: ActionContext, want: str) -> List[Any]:
        out = []
        for t in ctx.tracks(track_sel):
            out.extend(_by_number_or_name(list(t.devices), key, "device", "device"))
        return out
    text = "(device %s)" % _text(key) if b is None else "(device %s %s)" % (describe(a), _text(b))
    return Selector("devices", text, resolve)


def param(a, b=None):
    """(param "Threshold") on the focus device (the selected one, else the first that has it);
    (param (device 1) 3): the 3rd parameter after the device's on/off switch, or by name."""
    if b is None:
        def focus(ctx: ActionContext, want: str) -> List[Any]:
            devs = ctx.devices(None)
            for d in devs:
                hit = _params_of(d, a)
                if hit:
                    return hit
            out = []
            for t in ctx.tracks(None):
                for d in t.devices:
                    out.extend(_params_of(d, a))
                    if out:
                        return out
            return out
        return Selector("params", "(param %s)" % _text(a), focus)

    def of_device(ctx: ActionContext, want: str) -> List[Any]:
        out = []
        for d in ctx.devices(a):
            out.extend(_params_of(d, b))
        return out
    return Selector("params", "(param %s %s)" % (describe(a), _text(b)), of_device)


def _params_of(dev: Device, key) -> List[DeviceParameter]:
    params = list(dev.parameters)
    if _is_int(key):
        # Live's list starts with the on/off switch; (param D 1) is the first real parameter.
        return [params[key]] if 1 <= key < len(params) else []
    if isinstance(key, str):
        return [p for p in params if _name_match(p, key)]
    raise LmacError("param expects a number or a name in quotes, got %s" % describe(key))


# ---- words that depend on what the action wants ---------------------------------------------
def _selected(ctx: ActionContext, want: str) -> List[Any]:
    song = ctx.song
    if want == "scenes":
        return [song.view.selected_scene]
    if want == "slots":
        slot = song.view.highlighted_clip_slot
        return [slot] if slot is not None else []
    if want == "devices":
        return [d for d in (t.view.selected_device for t in ctx.tracks(None)) if d is not None]
    if want == "params":
        p = song.view.selected_parameter
        return [p] if p is not None else []
    return [song.view.selected_track]


def _all(ctx: ActionContext, want: str) -> List[Any]:
    if want == "scenes":
        return list(ctx.song.scenes)
    if want == "slots":
        return [s for t in ctx.song.tracks for s in t.clip_slots if s.has_clip]
    if want == "devices":
        return [d for t in ctx.tracks(None) for d in t.devices]
    return regular_tracks(ctx.song)


SELECTED = Selector("context", "selected", _selected)
ALL = Selector("context", "all", _all)

# name -> (value, doc): the bare selector words, bound as globals.
WORDS = [
    ("selected", SELECTED, "The selected track (or scene, clip slot, device, by what the action acts on)."),
    ("sel", SELECTED, "Short for selected."),
    ("all", ALL, "Every regular (non-return, non-main) track; every scene or clip for scene and clip actions."),
    ("returns", Selector("tracks", "returns", lambda ctx, want: list(ctx.song.return_tracks)),
     "The return tracks."),
    ("master", Selector("tracks", "master", lambda ctx, want: [ctx.song.master_track]),
     "The main (master) track."),
    ("midi-tracks", _filter("midi-tracks", lambda t: _track_is(t, "has_midi_input")), "Tracks with MIDI input."),
    ("audio-tracks", _filter("audio-tracks", lambda t: _track_is(t, "has_audio_input") and
                             not _track_is(t, "is_foldable")), "Tracks with audio input."),
    ("groups", _filter("groups", lambda t: _track_is(t, "is_foldable")), "Group tracks."),
    ("armed", _filter("armed", lambda t: _track_is(t, "can_be_armed") and _track_is(t, "arm")), "Armed tracks."),
    ("muted", _filter("muted", lambda t: _track_is(t, "mute")), "Muted tracks."),
    ("soloed", _filter("soloed", lambda t: _track_is(t, "solo")), "Soloed tracks."),
]

# The builtins `track`, `tracks`, `scene` and `scenes` used bare mean "every one".
BARE_ALL = {"track": "tracks", "tracks": "tracks", "scene": "scenes", "scenes": "scenes",
            "clip": "slots", "device": "devices"}


def bare_builtin_kind(value):
    if type(value) is Builtin and value.name in BARE_ALL:
        return BARE_ALL[value.name]
    return None


def as_symbol_name(x):
    return x.name if type(x) in (Symbol, Keyword) else x
