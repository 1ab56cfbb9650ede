"""The one registry of Live actions: name, parameters, documentation, family, the Live version
each needs, and whether Live quantizes it. The reference docs, REPL completion, the lexer's word
list and ``lmac check`` are all generated from it; the session's builtins are installed from it.

An action is a Python function ``fn(ctx, *args)``; ``ctx`` (surface/context.py) gives it the song,
the running task (for the focus) and the adapter. Register it with the decorator::

    @action("arm", "target?", family="track", doc="Arm the track(s) for recording.",
            example="(arm (track \\"Bass\\"))")
    def arm(ctx, target=None): ...

Parameter signature words: ``name`` required, ``name?`` optional, ``name*`` any number more.
The signature executes (actions/params.py): each word has a kind (from ``kinds=`` or the word
itself), ``options`` name keyword options; the registry binds the arguments and calls
``fn(ctx, **bound)``, so no action parses its arguments by hand. Absent optionals are left out
(the function's default applies).
"""
from __future__ import annotations

from collections import OrderedDict

from .params import Spec, param_doc

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


class Action(object):
    __slots__ = ("name", "fn", "spec", "doc", "family", "min_live", "timing", "example")

    def __init__(self, name, fn, spec, doc, family, min_live, timing, example):
        self.name = name
        self.fn = fn
        self.spec = spec                # params.Spec: parses, checks and converts the arguments
        self.doc = doc
        self.family = family
        self.min_live = _version(min_live)
        self.timing = timing            # "tick": acts when it runs; "quantized": Live's launch grid
        self.example = example

    @property
    def params(self):
        return self.spec.params

    @property
    def options(self):
        return tuple(":" + o.name for o in self.spec.options)

    @property
    def arity(self):
        return self.spec.arity

    def signature(self):
        return self.spec.signature()

    def call(self, ctx, args):
        """Run the action: the spec binds args (or raises the musician's error), then fn acts."""
        return self.fn(ctx, **self.spec.bind(args))


REGISTRY = OrderedDict()  # type: OrderedDict[str, Action]  # name -> Action


def action(name, params="", doc="", family="transport", min_live="11.0", timing="tick",
           example=None, options=(), kinds=None):
    if family not in FAMILIES:
        raise ValueError("unknown action family %r" % family)
    spec = Spec(name, params, kinds, options)

    def register(fn):
        if name in REGISTRY:
            raise ValueError("action %r registered twice" % name)
        _check_function(name, fn, spec)
        REGISTRY[name] = Action(name, fn, spec, doc or (fn.__doc__ or "").strip(), family,
                                min_live, timing, example)
        return fn
    return register


def _check_function(name, fn, spec):
    """The function takes exactly the spec's names as keywords (checked once, at import)."""
    import inspect
    accepted = set()
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            raise ValueError("action %r parses its arguments by hand (*args); declare them in its "
                             "signature instead" % name)
        accepted.add(p.name)
    wanted = set(p.py for p in spec.params) | set(o.py for o in spec.options)
    if accepted != wanted:
        raise ValueError("action %r: the function takes %s but the signature says %s"
                         % (name, sorted(accepted), sorted(wanted)))


# ---- what editors ask (completion, signature help) ---------------------------------------------
def keyword_options(action_name):
    """[(":quantize", [":bar", ":beat", ...]), ...]: the keyword options of an action and the
    keyword values each takes (empty for numbers, text and flags); [] for unknown names."""
    load_all()
    act = REGISTRY.get(action_name)
    if act is None:
        return []
    return [(":" + o.name, [":" + v for v in o.kind.values()]) for o in act.spec.options]


def keyword_values(action_name):
    """{parameter name: [":word", ...]} for the positional parameters that take keywords."""
    load_all()
    act = REGISTRY.get(action_name)
    if act is None:
        return {}
    return dict((p.name, [":" + v for v in p.kind.values()]) for p in act.spec.params if p.kind.values())


def signature_help(action_name):
    """Data for an editor's signature help: {"label": "(volume target? level?)", "doc": ...,
    "parameters": [{"label": "target?", "doc": "..."}, ...]} (options last), or None."""
    load_all()
    act = REGISTRY.get(action_name)
    if act is None:
        return None
    params = [{"label": repr(p), "doc": param_doc(p)} for p in act.spec.params]
    params += [{"label": o.word(), "doc": o.kind.doc()} for o in act.spec.options]
    return {"label": act.signature(), "doc": act.doc, "parameters": params}


def _version(text):
    parts = [int(p) for p in str(text).split(".")]
    return tuple(parts + [0] * (2 - len(parts)))[:2]


def load_all():
    """Import every action module so the registry is complete."""
    from . import families  # noqa: F401  (families/__init__ imports each family module)
    return REGISTRY
