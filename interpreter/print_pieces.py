"""Printing in pieces, for a caller with a time or size limit per tick (the REPL server).

    for piece in iter_pr(value, cut=65536): ...     # the text of pr_str(value), lazily

Nothing is visited before it is printed, so taking the first pieces of a value with a million
items costs only those pieces; the caller stops when its budget or size limit is spent. With
``cut``, a text longer than that prints as its first ``cut`` characters and "...".
"""
from __future__ import annotations

from .printer import _escape, _foreign, _number
from .values import Atom, Builtin, Keyword, Lambda, List, Symbol, Vector

_END = object()


def iter_pr(value, readably=True, cut=None):
    stack = [iter((value,))]
    while stack:
        x = next(stack[-1], _END)
        if x is _END:
            stack.pop()
        elif type(x) is _Text:
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
            yield "[" if isinstance(x, Vector) else "("
            stack.append(_items(x, _SPACE, _Text("]" if isinstance(x, Vector) else ")")))
        elif isinstance(x, dict):
            yield "{"
            stack.append(_items(_pairs(x), _COMMA, _Text("}")))
        elif isinstance(x, Atom):
            yield "(atom "
            stack.append(iter((x.value, _Text(")"))))
        elif isinstance(x, (Lambda, Builtin)):
            yield repr(x)
        else:
            yield _foreign(x)


def _items(items, separator, closer):
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


class _Text(object):
    """Printed as it is (brackets and separators)."""
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


class _Pair(object):
    __slots__ = ("key", "value")

    def __init__(self, key, value):
        self.key, self.value = key, value


_SPACE = _Text(" ")
_COMMA = _Text(", ")
