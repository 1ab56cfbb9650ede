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
    return "".join(iter_pr(value, readably))


def iter_pr(value, readably=True, cut=None):
    """The printed text of ``value`` in pieces, produced lazily: a caller with a time or size
    limit (the REPL server) takes pieces until it has enough, whatever the size of the value.
    With ``cut``, a text longer than that prints as its first ``cut`` characters and "..."."""
    stack = [iter((value,))]
    while stack:
        x = next(stack[-1], _END)
        if x is _END:
            stack.pop()
            continue
        if type(x) is _Raw:
            yield x.text
        elif x is None:
            yield "nil"
        elif x is True:
            yield "true"
        elif x is False:
            yield "false"
        elif isinstance(x, str):
            if cut is not None and len(x) > cut:
                yield (_escape(x[:cut])[:-1] if readably else x[:cut]) + "..."
            else:
                yield _escape(x) if readably else x
        elif isinstance(x, (int, float)):
            yield _number(x)
        elif isinstance(x, (Keyword, Symbol)):
            yield repr(x)
        elif isinstance(x, (List, Vector, list, tuple)):
            opener, closer = ("[", "]") if isinstance(x, Vector) else ("(", ")")
            yield opener
            stack.append(_spaced(x, _SPACE, _Raw(closer)))
        elif isinstance(x, dict):
            yield "{"
            stack.append(_spaced(_pairs(x), _COMMA, _Raw("}")))
        elif isinstance(x, Atom):
            yield "(atom "
            stack.append(iter((x.value, _Raw(")"))))
        elif isinstance(x, (Lambda, Builtin)):
            yield repr(x)
        else:
            yield _foreign(x)


def _spaced(items, separator, closer):
    for i, item in enumerate(items):
        if i:
            yield separator
        if type(item) is _Pair:
            yield item.key
            yield _SPACE
            yield item.value
        else:
            yield item
    yield closer


def _pairs(mapping):
    for k, v in mapping.items():
        yield _Pair(k, v)


class _Pair(object):
    __slots__ = ("key", "value")

    def __init__(self, key, value):
        self.key, self.value = key, value


def _foreign(x):
    """Objects from the host (tasks, Live objects) print as #<...>; they choose their own words."""
    describe = getattr(x, "lmac_repr", None)
    return describe() if describe else "#<%s>" % type(x).__name__


class _Raw(object):
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


_END = object()
_SPACE = _Raw(" ")
_COMMA = _Raw(", ")


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
