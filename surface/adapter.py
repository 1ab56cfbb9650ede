"""The one door to Live's objects: writes and calls go through here, so every refusal by Live
(RuntimeError, Live.Base.LimitationError, a deleted object, a bad value) becomes an LmacError that
names the action and the object, and nothing else in surface/ needs a try/except around the LOM.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from ..interpreter.values import LmacError

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs)
    from Live.Song import Song

# What Live's API raises when it refuses (Ableton's own @action helper catches the same list).
LIVE_ERRORS = (AttributeError, AssertionError, ValueError, RuntimeError, TypeError, IndexError)


def live_errors():
    """LIVE_ERRORS plus Live.Base.LimitationError when a Live module is loaded."""
    try:
        import Live
        return LIVE_ERRORS + (Live.Base.LimitationError,)
    except Exception:
        return LIVE_ERRORS


def live_enum(enum_cls: Any, n: int) -> Any:
    """The member of one of Live's enum classes for the int n. Live's enum-typed setters convert
    plain ints too (AbletonOSC's tests against real Live), but a member is the unambiguous form
    and names a value Live does not have here, before Live is touched. e.g.
    live_enum(Live.Song.Quantization, 4) is Live.Song.Quantization.q_bar."""
    try:
        return enum_cls.values[int(n)]
    except (KeyError, TypeError, ValueError):
        raise LmacError("%r is not a value of Live's %s (known: %s)"
                        % (n, getattr(enum_cls, "__name__", "enum"),
                           ", ".join(str(k) for k in sorted(getattr(enum_cls, "values", {})))))


def alive(obj):
    """Live's handles of deleted objects compare equal to None (never test with `is`)."""
    return obj is not None and not (obj == None)  # noqa: E711  (deliberate: Live's liveobj_valid)


def ptr(obj):
    """A stable identity for a Live object (Live may hand out a new Python wrapper per access)."""
    try:
        return obj._live_ptr
    except Exception:
        return id(obj)


_KINDS = (("Track", "track"), ("Scene", "scene"), ("Clip", "clip"), ("ClipSlot", "slot"),
          ("DeviceParameter", "param"), ("Chain", "chain"), ("Device", "device"),
          ("CuePoint", "locator"), ("Song", "song"))
KIND_OF_CLASS: dict = {}   # Python class -> kind, worked out once per class (it is asked per action)


def kind_of(obj):
    """track, scene, clip, slot, device, param, chain, locator or the class name in lower case."""
    cls = type(obj)
    kind = KIND_OF_CLASS.get(cls)
    if kind is None:
        names = set(c.__name__ for c in cls.__mro__)
        kind = next((k for name, k in _KINDS if name in names), cls.__name__.lower())
        KIND_OF_CLASS[cls] = kind
    return kind


def label(obj):
    """How a musician names an object in a message: track "Bass", scene "Chorus", clip "Verse"."""
    if not alive(obj):
        return "a deleted object"
    kind = kind_of(obj)
    try:
        if kind == "slot":
            track = obj.canonical_parent
            return "slot %d of track \"%s\"" % (list(track.clip_slots).index(obj) + 1, track.name)
        return '%s "%s"' % (kind, obj.name)
    except Exception:
        return kind


class Adapter(object):
    def __init__(self, song: Song):
        self.song = song
        self.errors = live_errors()
        self.writes = 0          # LOM writes made through the adapter (benchmarks count them)
        self.on_write = None     # optional fn() called before each write (benchmarks)

    def _refused(self, action, verb, obj, error):
        if not alive(obj):
            return LmacError("%s: %s was deleted" % (action, label(obj) if obj is not None else "the target"))
        text = str(error) or type(error).__name__
        return LmacError("%s: Live refused to %s %s: %s" % (action, verb, label(obj), text))

    def write(self, action: str, obj: Any, attr: str, value: Any) -> None:
        if obj is None or obj == None:  # noqa: E711  (alive(), inlined: every write passes here)
            raise LmacError("%s: the %s was deleted" % (action, kind_of(obj) if obj is not None else "target"))
        if self.on_write is not None:
            self.on_write()
        try:
            setattr(obj, attr, value)
        except self.errors as e:
            raise self._refused(action, "set %s of" % attr.replace("_", " "), obj, e)
        self.writes += 1

    def call(self, action: str, obj: Any, method: str, args: Sequence[Any] = (),
             kwargs: Optional[dict] = None) -> Any:
        if not alive(obj):
            raise LmacError("%s: the %s was deleted" % (action, kind_of(obj) if obj is not None else "target"))
        if self.on_write is not None:
            self.on_write()
        try:
            result = getattr(obj, method)(*args, **(kwargs or {}))
        except self.errors as e:
            raise self._refused(action, method.replace("_", " ") + " on", obj, e)
        self.writes += 1
        return result

    def read(self, action: str, obj: Any, attr: str, default: Any = None) -> Any:
        """A getter that Live may refuse (fold_state of a non-group track): default instead."""
        try:
            return getattr(obj, attr)
        except self.errors:
            return default
