"""Readable printing: what the REPL shows and what ``pr-str`` returns. ``str`` prints text raw."""
from __future__ import annotations

from .values import Atom, Builtin, Keyword, Lambda, List, Map, Symbol, Vector

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _escape(text):
    return '"' + "".join(_ESCAPES.get(c, c) for c in text) + '"'


def _number(x):
    if isinstance(x, float):
        if x != x:
            return "NaN"
        if x in (float("inf"), float("-inf")):
            return "##Inf" if x > 0 else "##-Inf"
        return repr(x)
    return str(x)


def pr_str(value, readably=True):
    """Print iteratively (explicit stack), so deeply nested data never hits Python's recursion limit."""
    out = []
    stack = [value]
    while stack:
        x = stack.pop()
        if type(x) is _Raw:
            out.append(x.text)
            continue
        if x is None:
            out.append("nil")
        elif x is True:
            out.append("true")
        elif x is False:
            out.append("false")
        elif isinstance(x, str):
            out.append(_escape(x) if readably else x)
        elif isinstance(x, (int, float)):
            out.append(_number(x))
        elif isinstance(x, (Keyword, Symbol)):
            out.append(repr(x))
        elif isinstance(x, (List, Vector, list, tuple)):
            opener, closer = ("[", "]") if isinstance(x, Vector) else ("(", ")")
            parts = [_Raw(opener)]
            for i, item in enumerate(x):
                if i:
                    parts.append(_Raw(" "))
                parts.append(item)
            parts.append(_Raw(closer))
            stack.extend(reversed(parts))
        elif isinstance(x, dict):
            parts = [_Raw("{")]
            for i, (k, v) in enumerate(x.items()):
                if i:
                    parts.append(_Raw(", "))
                parts.extend([k, _Raw(" "), v])
            parts.append(_Raw("}"))
            stack.extend(reversed(parts))
        elif isinstance(x, Atom):
            stack.extend(reversed([_Raw("(atom "), x.value, _Raw(")")]))
        elif isinstance(x, (Lambda, Builtin)):
            out.append(repr(x))
        else:
            out.append(_foreign(x))
    return "".join(out)


def _foreign(x):
    """Objects from the host (tasks, Live objects) print as #<...>; they choose their own words."""
    describe = getattr(x, "lmac_repr", None)
    return describe() if describe else "#<%s>" % type(x).__name__


class _Raw(object):
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


def describe(value):
    """Name a value in musicians' words for error messages: 'the text "1"', 'the number 3'."""
    if value is None:
        return "nil"
    if value is True or value is False:
        return "the boolean " + pr_str(value)
    if isinstance(value, str):
        return "the text " + pr_str(value)
    if isinstance(value, (int, float)):
        return "the number " + pr_str(value)
    if isinstance(value, Keyword):
        return "the keyword " + pr_str(value)
    if isinstance(value, Symbol):
        return "the symbol " + value.name
    if isinstance(value, Vector):
        return "the vector " + _short(value)
    if isinstance(value, (list, tuple)):
        return "the list " + _short(value)
    if isinstance(value, dict):
        return "the map " + _short(value)
    if isinstance(value, (Lambda, Builtin)):
        return "the function " + (value.name or "anonymous")
    return pr_str(value)


def _short(value, limit=40):
    text = pr_str(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."
