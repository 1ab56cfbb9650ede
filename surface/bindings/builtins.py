"""The binding forms in a session: trigger builtins (note, cc, pitch-bend, pads, chord), the
control builtins the macros in stdlib_macros/bindings.lmac expand to (%bind, %led, %map-param,
%in-layer, %surface) and the macro helper %expand-bind.

Declarations go to the table being loaded (``task.dyn[TABLE_KEY]``, set by the library loader);
outside a file load (the REPL) they change the live table at once."""
from __future__ import annotations

from ...interpreter.printer import describe
from ...interpreter.requests import WithDynamic
from ...interpreter.values import Keyword, LmacError, List, Symbol, Vector, is_fn
from . import triggers
from .table import Led, ParamMap, make_surface

TABLE_KEY = "lmac.bindings.table"
LAYER_KEY = "lmac.bindings.layer"


def expand_bind(trigger, more):
    """(bind TRIGGER [:gesture] [:hold-ms n] body...) -> (%bind TRIGGER FN options...).
    A single (fn ...) body is used as the handler; any other body is wrapped in (fn (& _) ...)."""
    more = list(more or ())
    options = []
    while more and type(more[0]) is Keyword:
        options.append(more.pop(0))
        if options[-1].name in ("hold-ms", "double-ms") and more:
            options.append(more.pop(0))
    if not more:
        raise LmacError("bind needs something to do after the trigger, e.g. (bind (note 36) (play))")
    if len(more) == 1 and type(more[0]) is List and more[0] and more[0][0] == Symbol("fn"):
        handler = more[0]
    else:
        handler = List([Symbol("fn"), List([Symbol("&"), Symbol("_values")])] + more)
    return List([Symbol("%bind"), trigger, handler] + options)


def install(session, component_ref):
    """Define the binding builtins. ``component_ref()`` is the BindingsComponent (or None when
    no Remote Script runs, e.g. a bare REPL: then declaring a binding is an error)."""

    def target(task, form):
        table = task.dyn.get(TABLE_KEY)
        if table is not None:
            return lambda change: change(table)
        component = component_ref()
        if component is None:
            raise LmacError("%s only works inside the Remote Script (Live, lmac run, or lmac repl)" % form)
        return component.edit

    def layer_of(task):
        return task.dyn.get(LAYER_KEY)

    def need_fn(form, fn):
        if not is_fn(fn):
            raise LmacError("%s expects a function, got %s" % (form, describe(fn)))

    def bind_(task, trigger, fn, *options):
        need_fn("bind", fn)
        layer = layer_of(task)
        target(task, "bind")(lambda t: t.add(trigger, fn, options, layer))
        return None

    def led_(task, trigger, fn):
        triggers.single("led", trigger, ("note", "cc"))
        need_fn("led", fn)
        target(task, "led")(lambda t: t.leds.append(Led(trigger, fn)))
        return None

    def map_param_(task, trigger, fn):
        triggers.single("map-param", trigger)
        need_fn("map-param", fn)
        target(task, "map-param")(lambda t: t.param_maps.append(ParamMap(trigger, fn)))
        return None

    def in_layer_(task, name, trigger, thunk):
        need_fn("layer", thunk)
        target(task, "layer")(lambda t: t.add_layer(name, trigger))
        return WithDynamic(LAYER_KEY, name.name, thunk, [])

    def surface_(task, name, *options):
        surface = make_surface(name, options)

        def change(t):
            t.surface = surface
        target(task, "defsurface")(change)
        return None

    def bindings_():
        component = component_ref()
        if component is None:
            return List()
        t = component.table
        out = [b.label() for b in t.bindings]
        out += ["bind " + s.lmac_repr() for s, _, _ in t.sequences]
        out += ["bind " + c.lmac_repr() for c, _, _ in t.chords]
        out += ["led " + l.trigger.lmac_repr() for l in t.leds]
        out += ["map-param " + p.trigger.lmac_repr() for p in t.param_maps]
        return Vector(out)

    arity: tuple   # (min, max or None)
    from .actions import through_spec   # the trigger words, checked by their registered signatures
    for name in ("note", "cc", "pitch-bend", "pads", "chord"):
        fn = through_spec(name)
        session.define_builtin(name, fn, (0, None), (fn.__doc__ or "").strip())
    session.define_builtin("%expand-bind", expand_bind, (2, 2), "The bind macro's helper.")
    session.define_builtin("bindings", bindings_, (0, 0), "The bindings in force, as text.")
    for name, fn, arity, doc in (
            ("%bind", bind_, (2, None), "Declare a binding (the bind macro expands to this)."),
            ("%led", led_, (2, 2), "Declare an LED (the led macro expands to this)."),
            ("%map-param", map_param_, (2, 2), "Map a control to a parameter in Live's MIDI map."),
            ("%in-layer", in_layer_, (3, 3), "Declare bindings inside a held-modifier layer."),
            ("%surface", surface_, (1, None), "Declare the controller profile.")):
        session.define_builtin(name, fn, arity, doc, control=True)
