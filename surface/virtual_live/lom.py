"""The machinery shared by every virtual LOM class: generated listener methods, guarded value
properties, version gates and the guards on methods.

A class declares its listenable properties once with ``@listenable("name", "mute", ...)``; the
add_/remove_/_has_listener trio is generated from that list. ``value_prop`` makes a property that
checks the object is alive and on the main thread, refuses writes during notifications, records
undo and notifies listeners.
"""
import functools
import weakref

from .world import NOTIFICATION_ERROR


class since(object):
    """Gate a member on the simulated Live version: on older Lives it does not exist (AttributeError)."""

    def __init__(self, version, inner):
        self.version = version
        self.inner = inner
        self.__doc__ = getattr(inner, "__doc__", None)

    def _gate(self, obj):
        if obj._world.version < self.version:
            raise AttributeError("not available before Live %d.%d" % self.version)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self.inner
        self._gate(obj)
        return self.inner.__get__(obj, cls)

    def __set__(self, obj, value):
        self._gate(obj)
        if not hasattr(self.inner, "__set__"):
            raise AttributeError("can't set attribute")
        self.inner.__set__(obj, value)


# Live holds a bound-method listener weakly (Live-stubs/Listener.pyi: ListenerHandle.listener_self
# is "the weak reference to original self, if it was a bound method"; live-api.md §3): once its
# owner is gone it is dropped, never called. Other callables (functions, lambdas) are held as given.
def listener_entry(callback):
    if getattr(callback, "__self__", None) is not None and hasattr(callback, "__func__"):
        try:
            return weakref.WeakMethod(callback)
        except TypeError:          # a builtin's bound method cannot be weakly referenced
            return callback
    return callback


def live_callback(entry):
    """The callable behind an entry, or None when a weakly held owner has gone."""
    return entry() if isinstance(entry, weakref.WeakMethod) else entry


def _find(callbacks, callback):
    for i, entry in enumerate(callbacks or ()):
        if live_callback(entry) == callback:
            return i
    return -1


def _listener_trio(name):
    def add(self, callback):
        self._check()
        if not callable(callback):
            raise TypeError("listener must be callable")
        if self._listeners is None:
            self._listeners = {}
        callbacks = self._listeners.setdefault(name, [])
        if _find(callbacks, callback) >= 0:
            raise RuntimeError("Listener already connected to property '%s'" % name)
        callbacks.append(listener_entry(callback))
        self._world.listener_count += 1

    def remove(self, callback):
        self._check()
        callbacks = self._listeners.get(name) if self._listeners else None
        at = _find(callbacks, callback)
        if at < 0:
            raise RuntimeError("Listener not connected to property '%s'" % name)
        del callbacks[at]
        self._world.listener_count -= 1

    def has(self, callback):
        self._check()
        callbacks = self._listeners.get(name) if self._listeners else None
        return _find(callbacks, callback) >= 0

    add.__name__ = "add_%s_listener" % name
    remove.__name__ = "remove_%s_listener" % name
    has.__name__ = "%s_has_listener" % name
    return add, remove, has


def listenable(*names, **versions):
    """Class decorator: generate the listener trio for each name; versions maps name -> (12, 0)."""
    def decorate(cls):
        for name in names:
            gate = versions.get(name)
            for func in _listener_trio(name):
                setattr(cls, func.__name__, since(gate, func) if gate else func)
        cls._listenable = frozenset(getattr(cls, "_listenable", frozenset()) | set(names))
        return cls
    return decorate


def value_prop(name, coerce=None, writable=True, undoable=True, after=None, doc=None):
    """A stored LOM property at ``self._<name>``.

    coerce(obj, value) validates and converts a written value (raising like Live); after(obj, old)
    runs once the value changed (before listeners are told).
    """
    attr = "_" + name

    def fget(self):
        self._check()
        return self.__dict__[attr]

    if not writable:
        return property(fget, doc=doc)

    def fset(self, value):
        self._check_write()
        if coerce is not None:
            value = coerce(self, value)
        self._change(name, value, undoable, after)

    return property(fget, fset, doc=doc)


def accessor(func):
    """A method that reads: object alive, main thread."""
    @functools.wraps(func)
    def guarded(self, *args, **kwargs):
        self._check()
        return func(self, *args, **kwargs)
    return guarded


def mutator(func):
    """A method that changes the set: also refused while a notification is being delivered."""
    @functools.wraps(func)
    def guarded(self, *args, **kwargs):
        self._check_write()
        return func(self, *args, **kwargs)
    return guarded


def check_notification(world):
    if world.notifying:
        raise RuntimeError(NOTIFICATION_ERROR)


# -- coercers shared by the classes ---------------------------------------------------------
# Live's setters and arguments are C++ types converted by Boost.Python's builtin converters
# (libs/python/src/converter/builtin_converters.cpp, Python 3 branch): an ``int`` takes any Python
# int (bool included) and refuses floats; a ``double`` takes ints, bools and floats; a ``bool``
# takes None and ints (bools included) and refuses floats and strings. A value no converter takes
# is Boost's ArgumentError (a TypeError). docs/internals.md lists the choices and their sources.
class ArgumentError(TypeError):
    """What Boost.Python raises when a Python value does not fit a C++ signature."""


ArgumentError.__module__ = "Boost.Python"


def argument_error(obj, value, cpp_type):
    owner = type(obj).__name__
    return ArgumentError("Python argument types in\n    None.None(%s, %s)\ndid not match C++ signature:\n"
                         "    None(%s, %s)" % (owner, type(value).__name__, owner, cpp_type))


def _is_int(value):
    return isinstance(value, int)          # bool and Live's int-based enums are ints too


def as_bool(obj, value):
    if value is None or _is_int(value):
        return bool(value)
    raise argument_error(obj, value, "bool")


def as_str(obj, value):
    if not isinstance(value, str):
        raise argument_error(obj, value, "std::string")
    return value


def as_int(obj, value):
    if not _is_int(value):
        raise argument_error(obj, value, "int")
    return int(value)


def as_float(obj, value):
    if not (_is_int(value) or isinstance(value, float)):
        raise argument_error(obj, value, "double")
    return float(value)


INDEX_ERROR = "Index out of range"


def checked_index(obj, index, size, inclusive=False):
    """An index argument Live types as int: floats are ArgumentErrors, and one past the end (or
    before 0) is ``IndexError("Index out of range")``, Live's wording (the Boost indexing
    suite's, quoted from Live's own log in markusschloesser/MackieC4_P3#85)."""
    index = as_int(obj, index)
    if not 0 <= index < size + (1 if inclusive else 0):
        raise IndexError(INDEX_ERROR)
    return index


def ranged(low, high, convert=as_float):
    def coerce(obj, value):
        value = convert(obj, value)
        if value < low or value > high:
            raise ValueError("value %r is outside %r..%r" % (value, low, high))
        return value
    return coerce


def enum_of(enum_cls):
    """Coerce an enum-typed setter or argument: Live converts any int that names a member (so
    ``song.clip_trigger_quantization = 0`` works, as AbletonOSC's tests show against real Live)
    and gives the member back; a float or string is an ArgumentError, an int naming no member a
    ValueError."""
    def coerce(obj, value):
        if not _is_int(value):
            raise argument_error(obj, value, enum_cls.__name__)
        member = enum_cls.values.get(int(value))
        if member is None or member.name == "count":      # `count` only sizes the enum
            raise ValueError("%r is not a valid %s (%s)" % (int(value), enum_cls.__name__,
                                                            ", ".join(str(v) for v in sorted(enum_cls.values))))
        return member
    return coerce


def color_props():
    """(color, color_index) of a track, scene, clip or chain: an RGB write snaps to the nearest
    swatch of Live's palette and sets the index too; an index write (0..69) sets the RGB. Both
    change together in one undo entry."""
    from .palette import PALETTE, nearest_index

    def write(obj, index):
        obj._world.undo.begin()
        try:
            obj._change("color", PALETTE[index])
            obj._change("color_index", index)
        finally:
            obj._world.undo.end()

    def get_color(obj):
        obj._check()
        return obj._color

    def set_color(obj, value):
        obj._check_write()
        value = as_int(obj, value)
        if not 0 <= value <= 0xFFFFFF:
            raise ValueError("Invalid colour %r (an RGB value 0x000000..0xFFFFFF)" % value)
        write(obj, nearest_index(value))

    def get_index(obj):
        obj._check()
        return obj._color_index

    def set_index(obj, value):
        obj._check_write()
        value = as_int(obj, value)
        if not 0 <= value < len(PALETTE):
            raise ValueError("Invalid colour index %r (0..%d)" % (value, len(PALETTE) - 1))
        write(obj, value)

    return property(get_color, set_color), property(get_index, set_index)


def enum_members(cls, names, start=0, **explicit):
    """Fill an int-subclass enum like Live's Boost enums: consecutive names from start, plus explicit
    ones; also Boost's ``values`` {int: member} and ``names`` {name: member}."""
    members = [(name, start + i) for i, name in enumerate(names.split())] + sorted(explicit.items(), key=lambda kv: kv[1])
    cls.values, cls.names = {}, {}
    for name, value in members:
        member = cls(value)
        setattr(cls, name, member)
        cls.values[value] = member
        cls.names[name] = member
    cls._by_value = dict((value, name) for name, value in members)
    return cls


class LiveEnum(int):
    """Base of the enums: an int that prints its name (``name`` like a Boost enum member)."""
    _by_value = {}
    values = {}
    names = {}

    @property
    def name(self):
        return self._by_value.get(int(self), str(int(self)))

    def __repr__(self):
        return "%s.%s" % (type(self).__name__, self._by_value.get(int(self), int(self)))

    __str__ = __repr__


class PersistentData(object):
    """get_data/set_data of Song and Track: values kept with the set (``self._data``)."""

    @accessor
    def get_data(self, key, default_value):
        return self._data.get(key, default_value)

    @mutator
    def set_data(self, key, value):
        self._data[key] = value
        self._notify("data")
