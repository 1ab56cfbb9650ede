"""What `lmac check` knows about an action call without running it, from the action's executable
signature (surface/actions/params.py): argument counts, keyword options and their values and
literal types. The messages are the ones `lmac run` gives.

    problems_of_call(form, action)      -> [(form to underline, message), ...]
    static_value(form)                  -> the literal value, or params.Unknown for code

(Names a set lacks, with `lmac check --set`, are editor_support/set_names.py's job.)
"""
from __future__ import annotations

from lmac.interpreter.values import Keyword, List, Map, Symbol, Vector
from lmac.surface.actions.params import Unknown

# Forms whose value is a selector, a value form or a function, whatever their arguments.
SELECTOR_HEADS = ("track", "tracks", "return", "scene", "scenes", "clip", "device", "param", "where",
                  "selected-track", "selected-scene", "selected-device")
VALUE_HEADS = ("by", "ramp", "random", "rand-int", "+", "-", "*", "/")
FN_HEADS = ("fn", "partial", "comp")


def _selector_words():
    from lmac.surface.selectors import BARE_ALL, WORDS
    return set(name for name, _value, _doc in WORDS) | set(BARE_ALL)


def _keyword_words():
    """Bare words that evaluate to keywords: on, off, midi, audio."""
    import sys
    from lmac.surface.actions import families
    words = {"on": Keyword.of("on"), "off": Keyword.of("off")}
    for name in families.LOADED:
        for word, value, _doc in getattr(sys.modules[families.__name__ + "." + name], "WORDS", ()):
            words[word] = value
    return words


_CACHE: dict = {}


def static_value(form, locals_=frozenset()):
    """A literal as the action would get it; code (names, calls) as Unknown with a hint."""
    t = type(form)
    if t in (int, float, str, bool) or form is None or t is Keyword:
        return form
    if t is Symbol:
        if form.name in locals_:
            return Unknown(form)
        if "selectors" not in _CACHE:
            _CACHE["selectors"] = _selector_words()
            _CACHE["keywords"] = _keyword_words()
        if form.name in _CACHE["keywords"]:
            return _CACHE["keywords"][form.name]
        if form.name in _CACHE["selectors"]:
            return Unknown(form, "selector")
        return Unknown(form)
    if t is List and form and type(form[0]) is Symbol:
        head = form[0].name
        if head in SELECTOR_HEADS:
            return Unknown(form, "selector")
        if head in VALUE_HEADS:
            return Unknown(form, "value")
        if head in FN_HEADS:
            return Unknown(form, "fn")
        if head == "quote" and len(form) == 2:
            return Unknown(form)
        return Unknown(form)
    if t is Vector:
        items = [static_value(x, locals_) for x in form]
        if any(isinstance(x, Unknown) for x in items):
            return Unknown(form)
        return Vector(items)
    if t is Map:
        return Unknown(form)
    return Unknown(form)


def problems_of_call(form, action, locals_=frozenset()):
    """Messages for one call (name arg...) of a registered action, as the run would say them.
    When code among the arguments leaves more than one way to read them, only what holds for
    every reading is reported (no false findings)."""
    spec = action.spec
    args = [static_value(a, locals_) for a in form[1:]]
    if any(type(a) is Unknown and type(a.form) is List and a.form and
           type(a.form[0]) is Symbol and a.form[0].name in ("splice-unquote",) for a in args):
        return []
    unknown = [a for a in args if isinstance(a, Unknown)]
    if unknown and not _unambiguous(spec, args):
        return []
    out = []
    for message, culprit in spec.problems(args):
        where = form
        for arg_form, value in zip(form[1:], args):
            if culprit is not None and value is culprit and getattr(arg_form, "pos", None) is not None:
                where = arg_form       # underline the argument at fault
                break
        out.append((where, message))
    return out


def _unambiguous(spec, args):
    """True when the arguments fill the parameters in one way only (so a type error is real)."""
    try:
        args = list(args)
        positional, _options = spec._split_options(args)
    except Exception:
        return True   # the option error is real whatever the code evaluates to
    found = spec.matches([args[i] for i in positional])
    if len(found) <= 1:
        return True   # one reading, or none at all (wrong for every value)

    def shape(assignment):
        return [(p.name, tuple(id(x) for x in v) if p.rest else id(v)) for p, v in assignment]
    first = shape(found[0])
    return all(shape(other) == first for other in found[1:])
