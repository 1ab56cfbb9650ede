"""Python source generated for the hottest simple expressions: a call of ``+ - < <= > >= =``
with two arguments, e.g. ``(- n 1)`` or ``(< i n)``.

A closure tree pays one Python call per node: ``(- n 1)`` was four (the call, each argument,
the builtin). Generated code reads locals and constants in place and applies ``+ - < <= > >= =``
inline to numbers, so it is one call. The source depends only on the shape of the call (which
operator, whether each argument is a local at some depth, a constant or an expression; not
which local or which constant), so each shape is compiled once per process (a handful) and
then reused with the call's own values.

Every check of the closure version stays: the builtin must still be the one bound to its name
(``slot[0] is fn``: the compiler's slot for the name, updated on every redefinition), anything
but numbers goes to the general builtin, and errors get the call's position.
Generated code must run on Python 3.7 too.
"""
from __future__ import annotations

from .builtins import _NUMBER_TYPES, INLINE_OPS
from .values import LmacError

_factories = {}   # shape -> the compiled factory


def _is_number_constant(ev):
    const = getattr(ev, "const", None)
    return const is not None and type(const[0]) in _NUMBER_TYPES


def builtin_call(name, fn, args, slot, fallback, pos, error):
    """A closure ``ev(env)`` computing ``(name arg..)`` for one or two argument closures."""
    n = len(args)
    op = INLINE_OPS.get(name) if n == 2 else None
    texts = []
    indexes = []
    for i, a in enumerate(args):
        local = getattr(a, "local", None)
        if getattr(a, "const", None) is not None:
            texts.append("k%d" % i)
        elif local is not None:
            # The slot index is a value of the closure, not part of the source: one shape
            # serves every parameter.
            texts.append("env" + "[0]" * local[0] + "[i%d]" % i)
        else:
            texts.append("a%d(env)" % i)
        indexes.append(local[1] if local is not None else None)
    checks = tuple(op is not None and not _is_number_constant(a) for a in args)
    shape = (n, op, tuple(texts), checks)
    factory = _factories.get(shape)
    if factory is None:
        factory = _factories[shape] = _compile(n, op, texts, checks)
    consts = [a.const[0] if getattr(a, "const", None) is not None else None for a in args]
    pyfn = fn.fast2 if n == 2 and fn.fast2 is not None else fn.fn
    ev = factory(slot, fn, pyfn, args, consts, indexes, pos, fallback, _NUMBER_TYPES,
                 LmacError, error)
    if op is not None:
        # What a generated body (generated_body.py) needs to apply the operator in place.
        ev.inline = (op, args, slot, fn, checks)
    return ev


def _compile(n, op, texts, checks):
    names = ["x", "y"][:n]
    # ``type`` is bound in the factory so the generated code reads it as a local (3.7 would
    # look it up in two dictionaries per use).
    lines = ["def factory(slot, fn, pyfn, args, consts, indexes, pos, fallback, N, LmacError, error,"
             "            type=type):"]
    for i in range(n):
        lines.append("    a%d = args[%d]" % (i, i))
        lines.append("    k%d = consts[%d]" % (i, i))
        lines.append("    i%d = indexes[%d]" % (i, i))
    lines.append("    def ev(env):")
    for i in range(n):
        lines.append("        %s = %s" % (names[i], texts[i]))
    values = ", ".join(names)
    lines.append("        if slot[0] is fn:")
    if op is not None:
        tests = " and ".join("type(%s) in N" % names[i] for i in range(n) if checks[i])
        if tests:
            lines.append("            if %s:" % tests)
            lines.append("                return x %s y" % op)
        else:
            lines.append("            return x %s y" % op)
    lines += [
        "            try:",
        "                return pyfn(%s)" % values,
        "            except LmacError as e:",
        "                if e.pos is None:",
        "                    e.pos = pos",
        "                raise",
        "            except Exception as e:",
        "                raise error(fn, e, pos, [%s])" % values,
        "        return fallback(slot[0], [%s])" % values,
        "    return ev",
    ]
    space = {}
    exec(compile("\n".join(lines) + "\n", "<lmac generated>", "exec"), space)
    return space["factory"]
