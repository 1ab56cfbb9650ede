"""What a control builtin may ask of the machine instead of returning a value."""
from __future__ import annotations


class TailCall(object):
    """Call ``fn`` with ``args`` in place of the builtin; its result is the builtin's result."""

    __slots__ = ("fn", "args")

    def __init__(self, fn, args):
        self.fn = fn
        self.args = list(args)


class Wait(object):
    """Suspend the task. ``kind`` is one of ms, ticks, beats, bars, next-beat, next-bar, until,
    event, children; the scheduler decides when it resumes and with which value."""

    __slots__ = ("kind", "arg")

    def __init__(self, kind, arg=None):
        self.kind = kind
        self.arg = arg


class WithDynamic(object):
    """Call ``fn`` with ``task.dyn[key] = value``; the old value comes back on return or error."""

    __slots__ = ("key", "value", "fn", "args")

    def __init__(self, key, value, fn, args=()):
        self.key = key
        self.value = value
        self.fn = fn
        self.args = list(args)


class Yield(object):
    """The builtin's result is ``value``, and its task's time slice is spent: the task stops
    here, ready, and goes on at the next tick (a Live action that took the rest of the slice)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class ForEach(object):
    """Call ``fn`` once per item of ``items``, in order, with ``task.dyn[key] = item`` during each
    call (the old value comes back after the last item, or on an error). The item is ``fn``'s one
    argument when ``pass_item`` is true, else it takes none. The request's value is nil."""

    __slots__ = ("key", "items", "fn", "pass_item")

    def __init__(self, key, items, fn, pass_item=False):
        self.key = key
        self.items = items
        self.fn = fn
        self.pass_item = pass_item
