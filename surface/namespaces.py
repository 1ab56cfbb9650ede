"""Keeping shared libraries apart: which names a library defines, and renaming them.

A library's own helpers (names starting with %) always live under the library's name
(`clips/%bar-beats`), and `(import "mixing" :as mx)` puts every definition under `mx/`. Renaming
happens on the read forms, before anything is compiled, so the library's functions and the code
its macros generate refer to the renamed globals consistently.
"""
from __future__ import annotations

from ..interpreter.values import List, Map, Symbol, Vector

DEFINING_FORMS = ("def", "defn", "defmacro")


def top_level_definitions(forms):
    """Names defined by (def x ..), (defn x ..), (defmacro x ..) at top level (also inside do)."""
    names = []
    seen = set()   # a list membership test here made an 8000-form library quadratic
    stack = list(reversed(forms))
    while stack:
        form = stack.pop()
        if type(form) is not List or not form or type(form[0]) is not Symbol:
            continue
        head = form[0].name
        if head in ("do", "seq"):
            stack.extend(reversed(form[1:]))
        elif head in DEFINING_FORMS and len(form) > 1 and type(form[1]) is Symbol:
            if form[1].name not in seen:
                seen.add(form[1].name)
                names.append(form[1].name)
    return names


def rename_symbols(forms, mapping):
    """A copy of the forms with every symbol in ``mapping`` renamed (iterative: any depth)."""
    def copy(x):
        t = type(x)
        if t is Symbol:
            new = mapping.get(x.name)
            return Symbol(new, x.pos) if new is not None else x
        if t is List:
            return List([], x.pos)
        if t is Vector:
            return Vector([], x.pos)
        if t is Map:
            return Map([], x.pos)
        return x

    out = [copy(f) for f in forms]
    stack = [(src, dst) for src, dst in zip(forms, out) if type(src) in (List, Vector, Map)]
    while stack:
        src, dst = stack.pop()
        if type(src) is Map:
            for k, v in src.items():
                nk, nv = copy(k), copy(v)
                dst[nk] = nv
                for s, d in ((k, nk), (v, nv)):
                    if type(s) in (List, Vector, Map):
                        stack.append((s, d))
        else:
            for item in src:
                new = copy(item)
                dst.append(new)
                if type(item) in (List, Vector, Map):
                    stack.append((item, new))
    return out
