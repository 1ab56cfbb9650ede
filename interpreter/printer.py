"""Readable printing: what the REPL shows and what ``pr-str`` returns. ``str`` prints text raw."""
from __future__ import annotations

from .budget import MAX_CHARS, MAX_INT_BITS, MAX_INT_DIGITS, MAX_PRINT_DEPTH, charge
from .values import Atom, Builtin, Keyword, Lambda, LmacError, Symbol, Vector

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _escape(text):
    return '"' + "".join(_ESCAPES.get(c, c) for c in text) + '"'


def _number(x, truncate=False):
    if isinstance(x, float):
        if x != x:
            return "NaN"
        if x in (float("inf"), float("-inf")):
            return "##Inf" if x > 0 else "##-Inf"
        return repr(x)
    if x.bit_length() > MAX_INT_BITS:
        # Decimal printing of a huge integer takes quadratic time (Python 3.11 refuses it).
        if truncate:
            return "#<integer of %d bits>" % x.bit_length()
        raise LmacError("this integer is too large to print (over %d digits)" % MAX_INT_DIGITS)
    return str(x)


def pr_str(value, readably=True, limit=None, truncate=False):
    """Print iteratively (explicit stack), so deeply nested data never hits Python's recursion
    limit. A value met again inside itself (an atom holding itself) and parts nested deeper
    than MAX_PRINT_DEPTH print as a marker such as ``#<atom ...>``. Past ``limit`` characters
    (default MAX_CHARS) the text ends with "..." when ``truncate`` (error messages, the REPL),
    else it is an error (str and pr-str build texts, which have that limit)."""
    limit = MAX_CHARS if limit is None else limit
    out = []
    size = 0
    stack = [value]
    open_ids = set()        # containers being printed now (the path from the root)
    while stack:
        x = stack.pop()
        t = type(x)
        if t is str:
            piece = _escape(x) if readably else x
        elif t is _Raw:
            piece = x.text
        elif t is _Close:
            open_ids.discard(x.key)
            piece = x.text
        elif x is None:
            piece = "nil"
        elif x is True:
            piece = "true"
        elif x is False:
            piece = "false"
        elif isinstance(x, str):
            piece = _escape(x) if readably else x
        elif isinstance(x, (int, float)):
            piece = _number(x, truncate)
        elif isinstance(x, (Keyword, Symbol)):
            piece = repr(x)
        elif isinstance(x, (list, tuple, dict, Atom)):
            key = id(x)
            if key in open_ids or len(open_ids) >= MAX_PRINT_DEPTH:
                piece = "#<%s ...>" % _kind(x)
            else:
                open_ids.add(key)
                stack.append(_Close(key, _closer(x)))
                stack.extend(reversed(_parts(x)))
                piece = _opener(x)
        elif isinstance(x, (Lambda, Builtin)):
            piece = repr(x)
        else:
            piece = _foreign(x)
        size += len(piece)
        if size > limit:
            if truncate:
                out.append(piece[:max(0, len(piece) - (size - limit))])
                out.append("...")
                break
            raise LmacError("the text would be longer than %d characters; lmac keeps texts "
                            "to that size" % limit)
        out.append(piece)
    if len(out) > 64:
        charge(len(out))     # printing is work for the running slice, like any builtin's
    return "".join(out)


def _kind(x):
    if isinstance(x, Atom):
        return "atom"
    if isinstance(x, Vector):
        return "vector"
    if isinstance(x, dict):
        return "map"
    return "list"


def _opener(x):
    if isinstance(x, Atom):
        return "(atom "
    if isinstance(x, Vector):
        return "["
    return "{" if isinstance(x, dict) else "("


def _closer(x):
    if isinstance(x, Vector):
        return "]"
    return "}" if isinstance(x, dict) else ")"


def _parts(x):
    if isinstance(x, Atom):
        return [x.value]
    parts = []
    if isinstance(x, dict):
        for i, (k, v) in enumerate(x.items()):
            if i:
                parts.append(_COMMA)
            parts.extend([k, _SPACE, v])
        return parts
    for i, item in enumerate(x):
        if i:
            parts.append(_SPACE)
        parts.append(item)
    return parts


class _Close(object):
    __slots__ = ("key", "text")

    def __init__(self, key, text):
        self.key = key
        self.text = text


def _foreign(x):
    """Objects from the host (tasks, Live objects) print as #<...>; they choose their own words."""
    describe = getattr(x, "lmac_repr", None)
    return describe() if describe else "#<%s>" % type(x).__name__


class _Raw(object):
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


_SPACE, _COMMA = _Raw(" "), _Raw(", ")


def describe(value):
    """Name a value in musicians' words for error messages: 'the text "1"', 'the number 3'."""
    if value is None:
        return "nil"
    if value is True or value is False:
        return "the boolean " + pr_str(value)
    if isinstance(value, str):
        return "the text " + pr_str(value, limit=200, truncate=True)
    if isinstance(value, (int, float)):
        return "the number " + pr_str(value, limit=200, truncate=True)
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
    return pr_str(value, limit=200, truncate=True)


def _short(value, limit=40):
    text = pr_str(value, limit=limit + 1, truncate=True)
    return text if len(text) <= limit else text[:limit - 3] + "..."
