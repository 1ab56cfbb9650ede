"""The one registry of Live actions: name, parameters, documentation, family, the Live version
each needs, and whether Live quantizes it. The reference docs, REPL completion, the lexer's word
list and ``lmac check`` are all generated from it; the session's builtins are installed from it.

An action is a Python function ``fn(ctx, *args)``; ``ctx`` (surface/context.py) gives it the song,
the running task (for the focus) and the adapter. Register it with the decorator::

    @action("arm", "target?", family="track", doc="Arm the track(s) for recording.",
            example="(arm (track \\"Bass\\"))")
    def arm(ctx, target=None): ...

Parameter signature words: ``name`` required, ``name?`` optional, ``name*`` any number more.
"""
from __future__ import annotations

from collections import OrderedDict

FAMILIES = OrderedDict([
    ("transport", "Transport and global"),
    ("set", "Set structure"),
    ("track", "Tracks"),
    ("mixer", "Mixer"),
    ("device", "Devices"),
    ("clip", "Clips"),
    ("notes", "Notes"),
    ("scene", "Scenes"),
    ("view", "View and navigation"),
    ("snapshot", "Snapshots"),
    ("selector", "Selectors"),
    ("query", "Questions about the set"),
    ("event", "Events and triggers"),
    ("out", "Messages and MIDI out"),
    ("binding", "Bindings and controllers"),
    ("library", "Files and libraries"),
])


class Param(object):
    __slots__ = ("name", "optional", "rest")

    def __init__(self, word):
        self.rest = word.endswith("*")
        self.optional = word.endswith("?") or self.rest
        self.name = word.rstrip("?*")

    def __repr__(self):
        return self.name + ("*" if self.rest else "?" if self.optional else "")


class Action(object):
    __slots__ = ("name", "fn", "params", "doc", "family", "min_live", "timing", "example",
                 "options")

    def __init__(self, name, fn, params, doc, family, min_live, timing, example, options):
        self.name = name
        self.fn = fn
        self.params = [Param(w) for w in params.split()]
        self.doc = doc
        self.family = family
        self.min_live = _version(min_live)
        self.timing = timing            # "tick": acts when it runs; "quantized": Live's launch grid
        self.example = example
        self.options = tuple(options)   # keyword options it accepts, e.g. (":quantize",)

    @property
    def arity(self):
        required = sum(1 for p in self.params if not p.optional)
        if any(p.rest for p in self.params) or self.options:
            return (required, None)
        return (required, len(self.params))

    def signature(self):
        words = [self.name] + [repr(p) for p in self.params] + [o + " v" for o in self.options]
        return "(" + " ".join(words) + ")"


REGISTRY = OrderedDict()  # type: OrderedDict[str, Action]  # name -> Action


def action(name, params="", doc="", family="transport", min_live="11.0", timing="tick",
           example=None, options=()):
    if family not in FAMILIES:
        raise ValueError("unknown action family %r" % family)

    def register(fn):
        if name in REGISTRY:
            raise ValueError("action %r registered twice" % name)
        REGISTRY[name] = Action(name, fn, params, doc or (fn.__doc__ or "").strip(), family,
                                min_live, timing, example, options)
        return fn
    return register


def _version(text):
    parts = [int(p) for p in str(text).split(".")]
    return tuple(parts + [0] * (2 - len(parts)))[:2]


def load_all():
    """Import every action module so the registry is complete."""
    from . import families  # noqa: F401  (families/__init__ imports each family module)
    return REGISTRY
