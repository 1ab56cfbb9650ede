"""The values lmac programs read, build and print.

Reader forms and runtime values are the same objects (it is a Lisp):
- nil, true, false -> None, True, False; integers and floats -> int, float; strings -> str
- symbols -> Symbol, keywords -> Keyword
- lists -> List, vectors -> Vector (both Python lists), maps -> Map (a dict)
Lists, vectors, maps and symbols that come from source carry ``pos`` (file, line, column).
"""
from __future__ import annotations

from collections import namedtuple


class Pos(namedtuple("Pos", "file line col")):
    """Where a form starts in its source: 1-based line and column."""

    __slots__ = ()

    def __str__(self):
        return "%s:%d:%d" % (self.file, self.line, self.col)


class Symbol(object):
    """A name. Equal to any other symbol with the same name; carries the position it was read at."""

    __slots__ = ("name", "pos")

    def __init__(self, name, pos=None):
        self.name = name
        self.pos = pos

    def __eq__(self, other):
        return type(other) is Symbol and other.name == self.name

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("sym", self.name))

    def __repr__(self):
        return self.name


class Keyword(object):
    """``:name``. Interned, so ``Keyword.of("bar") is Keyword.of("bar")``."""

    __slots__ = ("name",)
    _table = {}  # type: dict

    def __init__(self, name):
        self.name = name

    @classmethod
    def of(cls, name):
        kw = cls._table.get(name)
        if kw is None:
            kw = cls._table[name] = cls(name)
        return kw

    def __eq__(self, other):
        return type(other) is Keyword and other.name == self.name

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("kw", self.name))

    def __repr__(self):
        return ":" + self.name

    def __reduce__(self):
        return (Keyword.of, (self.name,))


class List(list):
    """A list form ``( ... )``; ``pos`` is set when it was read from source."""

    __slots__ = ("pos",)

    def __init__(self, items=(), pos=None):
        list.__init__(self, items)
        self.pos = pos


class Vector(list):
    """A vector ``[ ... ]``."""

    __slots__ = ("pos",)

    def __init__(self, items=(), pos=None):
        list.__init__(self, items)
        self.pos = pos


class Map(dict):
    """A map ``{ ... }``."""

    __slots__ = ("pos",)

    def __init__(self, items=(), pos=None):
        dict.__init__(self, items)
        self.pos = pos


class Atom(object):
    """A mutable reference: ``(atom 0)``, ``(swap! a inc)``, ``@a`` is not supported, use ``(deref a)``."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Builtin(object):
    """A function implemented in Python.

    ``fn(*args)`` computes the result. ``simple`` builtins are pure and never wait, so the
    compiler may call them directly inside an expression. ``control`` builtins receive the
    running task first (``fn(task, *args)``) and may wait, start tasks or call lmac functions.
    ``arity`` is (min, max) with max None for "any number".
    """

    __slots__ = ("name", "fn", "arity", "doc", "simple", "control", "meta", "fast2")

    def __init__(self, name, fn, arity=(0, None), doc="", simple=True, control=False, meta=None):
        self.name = name
        self.fn = fn
        self.arity = arity
        self.doc = doc
        self.simple = simple and not control
        self.control = control
        self.meta = meta  # e.g. the action registry entry that made this builtin
        self.fast2 = None  # optional two-argument version without *args (arithmetic, comparisons)

    def __repr__(self):
        return "#<builtin %s>" % self.name


class Lambda(object):
    """A function written in lmac: compiled code plus the environment it closed over."""

    __slots__ = ("name", "code", "env", "nparams", "rest", "is_macro", "pos", "fixed")

    def __init__(self, name, code, env, nparams, rest, pos=None, is_macro=False):
        self.name = name
        self.code = code
        self.env = env
        self.nparams = nparams
        self.rest = rest
        self.pos = pos
        self.is_macro = is_macro
        # The argument count the machine's fast call path accepts: -1 (never) for macros and
        # functions with & rest parameters, which take the general path.
        self.fixed = -1 if (rest or is_macro) else nparams

    def __repr__(self):
        return "#<%s %s>" % ("macro" if self.is_macro else "fn", self.name or "anonymous")


def is_fn(x):
    return type(x) is Lambda and not x.is_macro or type(x) is Builtin


class LmacError(Exception):
    """An error a musician reads: a message, where it happened, and the lmac stack trace.

    ``value`` is what ``catch`` binds (the message text unless ``throw`` gave a value).
    ``trace`` is a list of (function name, Pos) from the innermost frame outwards.
    """

    def __init__(self, message, pos=None, value=None, trace=None):
        Exception.__init__(self, message)
        self.message = message
        self.pos = pos
        self.value = message if value is None else value
        self.trace = trace or []

    def located(self):
        where = self.pos or next((pos for _, pos in self.trace if pos is not None), None)
        return "%s: %s" % (where, self.message) if where else self.message

    def format(self):
        lines = ["error: " + self.located()]
        for name, pos in self.trace:
            lines.append("  at %s (%s)" % (name or "top level", pos) if pos is not None
                         else "  at %s" % (name or "top level"))
        return "\n".join(lines)

    def __str__(self):
        return self.located()


class LmacSyntaxError(LmacError):
    """A reading error. ``incomplete`` is true when the input ended inside an open form,
    which the REPL uses to ask for another line. ``source_line`` is the text of the line."""

    def __init__(self, message, pos=None, incomplete=False, source_line=None, expected=None):
        LmacError.__init__(self, message, pos)
        self.incomplete = incomplete
        self.source_line = source_line
        self.expected = expected or []

    def format(self):
        out = "error: " + self.located()
        if self.source_line is not None and self.pos is not None:
            out += "\n  " + self.source_line + "\n  " + " " * (self.pos.col - 1) + "^"
        return out


def sym(name):
    return Symbol(name)


def kw(name):
    return Keyword.of(name)
