"""How a builtin is called: its arity checked, its Python errors turned into lmac errors at the
call's place. The machine (interpreter/machine.py) and the closures the compiler builds both
call builtins this way; everything else about calls lives in the machine."""
from __future__ import annotations

from .printer import describe
from .values import LmacError


def call_builtin(fn, values, pos):
    lo, hi = fn.arity
    if len(values) < lo or (hi is not None and len(values) > hi):
        raise LmacError(arity_message(fn.name, fn.arity, len(values)), pos)
    try:
        return fn.fn(*values)
    except LmacError as e:
        if e.pos is None:
            e.pos = pos
        raise
    except Exception as e:
        raise builtin_error(fn, e, pos, values)


def builtin_error(fn, exc, pos, values):
    if isinstance(exc, ZeroDivisionError):
        return LmacError("%s: division by zero" % fn.name, pos)
    if isinstance(exc, RecursionError):
        return LmacError("%s: the data is nested too deeply" % fn.name, pos)
    if isinstance(exc, OverflowError):
        return LmacError("%s: a number is too large for this (%s)" % (fn.name, exc), pos)
    if values is not None and isinstance(exc, (TypeError, ValueError, AttributeError, IndexError, KeyError)):
        shown = ", ".join(describe(v) for v in values) or "no arguments"
        return LmacError("%s cannot work with %s" % (fn.name, shown), pos)
    return LmacError("%s failed: %s" % (fn.name, exc), pos)


def arity_message(name, arity, got):
    lo, hi = arity
    if hi is None:
        want = "at least %d argument%s" % (lo, "" if lo == 1 else "s")
    elif lo == hi:
        want = "%d argument%s" % (lo, "" if lo == 1 else "s")
    else:
        want = "%d to %d arguments" % (lo, hi)
    return "%s expects %s, got %d" % (name or "this function", want, got)
