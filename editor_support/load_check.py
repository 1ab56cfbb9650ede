"""`lmac check`'s view of a file Live loads (init.lmac, a library, a surface): its top-level forms
may not wait (surface/load_rules.py), so a top-level form that would wait is reported with the
loader's own message, at the call that waits.

Read statically: a form waits when it calls, now (not inside fn, defn, spawn, bind, led, on, a
quote...), a waiting builtin (wait-bars, wait-for, par, ...) or a function that does, defined in
the file or in a library it imports. What a function computes at run time (a waiting function
passed as an argument, eval) is not followed; the loader still refuses it when it happens.
"""
from __future__ import annotations

import os

from lmac.grammar.reader import read_all
from lmac.interpreter.values import Keyword, List, LmacSyntaxError, Map, Symbol, Vector
from lmac.surface.load_rules import TOP_LEVEL_WAIT

WAITING = frozenset(("wait", "wait-ticks", "wait-beats", "wait-bars", "wait-next-beat", "wait-next-bar",
                     "wait-until", "wait-for", "par", "race", "par*", "race*", "%wait-played"))
# Forms whose body runs later (a function, a task, a pad press, an event), not at load time.
DEFERRED = frozenset(("fn", "defn", "defmacro", "spawn", "spawn*", "bind", "led", "map-param", "on",
                      "quote", "quasiquote", "defsurface"))


def is_loaded_file(file, forms):
    """Live loads this file as init.lmac or a library: named init.lmac, or it has a (library ...) form."""
    if os.path.basename(str(file)) == "init.lmac":
        return True
    return any(_head(f) == "library" for f in forms)


def top_level_waits(forms, library_path=None):
    """[(form that waits, the name it calls)] for each top-level form that would wait at load
    time. ``library_path(name)``: the file of an imported library (to learn what it defines)."""
    waiting = set(WAITING)
    for form in _top_level(forms):
        if _head(form) == "import" and library_path is not None:
            waiting |= _library_waiting(form, library_path)
    functions = _functions(forms)
    _close_over(functions, waiting)
    found = []
    for form in _top_level(forms):
        if _head(form) in ("defn", "defmacro") or _is_def_fn(form):
            continue
        hit = _first_wait(form, waiting)
        if hit is not None:
            found.append(hit)
    return found


def message():
    return TOP_LEVEL_WAIT


# ---- helpers ------------------------------------------------------------------------------------
def _head(form):
    if type(form) is List and form and type(form[0]) is Symbol:
        return form[0].name
    return None


def _top_level(forms):
    stack = list(reversed(forms))
    while stack:
        form = stack.pop()
        if _head(form) in ("do", "seq"):
            stack.extend(reversed(form[1:]))
        else:
            yield form


def _is_def_fn(form):
    return _head(form) == "def" and len(form) == 3 and _head(form[2]) == "fn"


def _functions(forms):
    """{name: body forms} of the functions the file defines at top level."""
    out = {}
    for form in _top_level(forms):
        if _head(form) == "defn" and len(form) > 2 and type(form[1]) is Symbol:
            out[form[1].name] = list(form[2:])
        elif _is_def_fn(form) and type(form[1]) is Symbol:
            out[form[1].name] = list(form[2][1:])
    return out


def _close_over(functions, waiting):
    """Add to ``waiting`` every function whose body calls a waiting name now (to a fixed point)."""
    changed = True
    while changed:
        changed = False
        for name, body in functions.items():
            if name not in waiting and any(_first_wait(f, waiting) for f in body):
                waiting.add(name)
                changed = True


def _first_wait(form, waiting):
    """(the call that waits, its name), or None; iterative so deep nesting cannot overflow."""
    stack = [form]
    while stack:
        f = stack.pop()
        t = type(f)
        if t is List and f:
            head = _head(f)
            if head in waiting:
                return (f, head)
            if head in DEFERRED:
                continue
            stack.extend(reversed(f))
        elif t is Vector:
            stack.extend(reversed(f))
        elif t is Map:
            stack.extend(list(f.keys()) + list(f.values()))
    return None


def _library_waiting(form, library_path):
    """The names under which an imported library's waiting functions are called."""
    if len(form) < 2 or not isinstance(form[1], str):
        return set()
    path = library_path(form[1])
    if path is None:
        return set()
    try:
        with open(path, encoding="utf-8") as f:
            lib_forms = read_all(f.read(), path)
    except (OSError, UnicodeDecodeError, LmacSyntaxError):
        return set()
    alias = None
    for i in range(2, len(form) - 1):
        if form[i] == Keyword.of("as") and type(form[i + 1]) is Symbol:
            alias = form[i + 1].name
    waiting = set(WAITING)
    functions = _functions(lib_forms)
    _close_over(functions, waiting)
    names = set(n for n in functions if n in waiting and not n.startswith("%"))
    return set((alias + "/" + n) if alias else n for n in names)
