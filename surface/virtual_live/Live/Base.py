"""Live.Base: read-only vectors, LimitationError, Timer on the virtual clock, log."""
from ..world import current_world


class Vector(object):
    """A simple read only container for returning objects from Live."""
    __slots__ = ("_items",)

    def __init__(self, items=()):
        self._items = list(items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, index):
        # Boost's vector indexing suite: Python-style negative indices, its own wording past the end.
        if isinstance(index, slice):
            return type(self)(self._items[index])
        if not isinstance(index, int):
            raise TypeError("Invalid index type")
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("Index out of range")

    def __len__(self):
        return len(self._items)

    def __contains__(self, value):
        return value in self._items

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._items)


class _AppendableVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


class FloatVector(_AppendableVector):
    """A simple container for returning floats from Live."""
    __slots__ = ()


class IntVector(_AppendableVector):
    """A simple container for returning integers from Live."""
    __slots__ = ()


class IntU64Vector(_AppendableVector):
    """A simple container for returning unsigned long integers from Live."""
    __slots__ = ()


class ObjectVector(_AppendableVector):
    """A simple read only container for returning python objects."""
    __slots__ = ()


class StringVector(_AppendableVector):
    """A simple container for returning strings from Live."""
    __slots__ = ()


class LimitationError(Exception):
    pass


class Text(object):
    """A translatable, immutable string."""

    def __init__(self, text=""):
        self._text = text

    @property
    def text(self):
        return self._text


def get_text(classname, textname):
    """Retrieves the (translated) Text identified by `classname` and `textname`."""
    return Text(textname)


def subst_args(text, arg1="", arg2="", arg3="", arg4="", arg5=""):
    result = text.text if isinstance(text, Text) else str(text)
    for i, arg in enumerate((arg1, arg2, arg3, arg4, arg5)):
        result = result.replace("^%d" % (i + 1), arg)
    return result


def log(string):
    current_world().log("Live.Base.log: %s" % (string,))


class Timer(object):
    """A timer that will trigger a callback after a certain inverval. The timer can be repeated and
    will trigger the callback every interval. Errors in the callback will stop the timer."""

    def __init__(self, callback, interval, repeat=False, start=False):
        if not callable(callback):
            raise TypeError("Timer callback must be callable")
        self._world = current_world()
        self._callback = callback
        # Live's timers tick on its ~10 ms UI clock; an interval below 1 ms would stall the clock.
        self._interval = max(1, int(interval))
        self._repeat = bool(repeat)
        self._entry = None
        if start:
            self.start()

    def _schedule(self, from_ms):
        world = self._world
        self._entry = world.queue.push(from_ms + self._interval + world.jitter(), self._fire)

    def _fire(self):
        self._entry = None
        if self._repeat:
            self._schedule(self._world.now_ms)
        try:
            self._callback()
        except Exception as error:
            self.stop()
            self._world.log("RemoteScriptError: Timer callback failed: %s: %s" % (type(error).__name__, error))

    def restart(self):
        self.stop()
        self.start()

    @property
    def running(self):
        return self._entry is not None

    def start(self):
        if self._entry is None:
            self._schedule(self._world.now_ms)

    def stop(self):
        if self._entry is not None:
            self._world.queue.cancel(self._entry)
            self._entry = None


__all__ = ["FloatVector", "IntU64Vector", "IntVector", "LimitationError", "ObjectVector", "StringVector", "Text",
           "Timer", "Vector", "get_text", "log", "subst_args"]
