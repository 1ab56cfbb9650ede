"""Compiled code: a flat list of operations the machine runs, one list per function body.

Every operation is a tuple ``(opcode, pos, ...)``; ``pos`` is where the source form starts, used
for error messages and stack traces. Expressions that cannot wait or call lmac functions are
compiled to Python closures ("simple" expressions) and appear here as arguments of PUSH, CALLE, ...
"""
from __future__ import annotations

# opcode                    operands after pos
PUSH = 1        # ev                    push ev(env)
POP = 2         #                       drop top of stack
CALLE = 3       # fev, argevs, tail, global, nargs   call fev(env) with [a(env) for a in
                #                       argevs]; global: the name when fev reads a global, else None
CALL = 4        # nargs, tail           stack: f a1..an
RETURN = 5      #                       return top of stack
RETURN_EV = 6   # ev                    return ev(env)
JUMPF = 7       # target                pop; jump if nil/false
JUMPF_EV = 8    # ev, target            jump if ev(env) is nil/false
JUMP = 9        # target
NEW_ENV = 10    # n                     env = [env, None * n]
STORE = 11      # index                 pop into env[index]
POP_ENV = 12    #                       env = env[0]
RECUR = 13      # n, depth, target      pop n values, rebind the loop's env, jump
DEF = 14        # name                  globals[name] = top (kept)
TRY = 15        # catch_pc              install a handler
END_TRY = 16    #                       remove it
JUMP_FALSY_KEEP = 17   # target         and: if top is falsy jump, else pop
JUMP_TRUTHY_KEEP = 18  # target         or: if top is truthy jump, else pop
CALLB = 19      # name, builtin, nargs, slot, fast2, tail, number_op   call the global simple
                #                       builtin (if slot[0] still holds it) on stack args; fast2
                #                       when nargs is 2, number_op for two numbers (+ - < ..);
                #                       tail: return the value at once (a RETURN follows for
                #                       the slower paths)
REENTER = 20    #                       put in place of op 0 of a function whose closures call a
                #                       builtin since redefined: run its recompiled body instead
RETURN_IF_EV = 21  # test, ev           return ev(env) if test(env) is truthy (a tail `if`)
GEN = 22        # runner                run this body's generated Python from here (generated_body.py)


class Code(object):
    """One function body (or one top-level form) compiled."""

    __slots__ = ("name", "ops", "pos", "source", "replacement", "heat", "plain",
                 "__weakref__")

    def __init__(self, name, ops, pos=None):
        self.name = name
        self.ops = ops
        self.pos = pos
        self.source = None        # what recompiling needs, for bodies that inline builtins
        self.replacement = None   # the recompiled body, once a builtin it inlined is redefined
        self.heat = 0             # times the machine saw it recurse or loop at a look at the
                                  # clock; -1 once it has its generated body (or never will)
        self.plain = None         # ops without GEN, once the body has a generated runner

    def __repr__(self):
        return "#<code %s>" % (self.name or "anonymous")
