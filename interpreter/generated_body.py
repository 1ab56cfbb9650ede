"""Generated Python for a hot function body: its operations as one Python function (a "runner").

The machine (machine.py) dispatches one operation at a time and calls a closure per simple
expression. Once a body is hot (the machine samples the running body each time it looks at the
clock), this module writes its operations out as Python source: straight-line blocks, locals and
constants read in place, ``+ - < <= > >= =`` applied inline to numbers, jumps as ``pc = n``.
A call of the body to itself (recursion) and ``recur`` stay inside the runner: the caller's
frame goes on the task's frame list exactly as the machine would push it (no Python recursion),
and the runner counts the call and looks at the clock and the depth limit by the machine's rules.

The runner is an accelerator, not a second machine: it handles the common operations (calls of
lmac functions with a fixed number of parameters: another body is entered by the machine with
the frame the runner pushed; try; recur) and hands anything else (builtins it does not inline,
rest parameters, def, a return into another body or through a dynamic binding) back to the
machine, which runs that operation from ``code.plain``. The operations where the runner may
start become GEN operations that keep their source position, so traces, error positions and
resumption read the same code. An error inside the runner leaves the task where the machine
would have it (code, pc, env, stack).

User text never enters the source: names, constants and closures are passed in a table; the
source holds only generated names, integers and the operators above. Generated code must run on
Python 3.7 too.
"""
from __future__ import annotations

import weakref
from time import perf_counter

from . import code as op
from .budget import MAX_DEPTH, OVER
from .builtins import _NUMBER_TYPES, INLINE_OPS
from .values import Lambda

_MISSING = object()


# What writing a runner costs, estimated high, since a slice only gives it the time when this
# much of it is left. Writing the source: at most ~7 us per operation; Python compiling it:
# 0.12-0.15 us per character of source, on 3.7 and 3.11 alike (0.3 ms for a small loop, 0.8 ms
# for fib or the prelude's map, 2.7 ms for a body of 53 operations with many branches).
FIXED_S = 0.0002
WRITE_S_PER_OP = 0.00001
COMPILE_S_PER_CHAR = 0.00000025
MAX_OPS = 150

_pending = weakref.WeakKeyDictionary()   # code -> (writer, starts, source) waiting for room


def advance(code, deadline, globals_get, check_every, too_deep, handler):
    """One step towards ``code``'s runner, each only when what is left of the slice covers it:
    write its source, then compile and install it. True once finished (installed, or a body
    this will never do); False to be asked again at a later look at the clock."""
    n = len(code.ops)
    if n > MAX_OPS:
        return True
    pending = _pending.get(code)
    if pending is None:
        if perf_counter() + FIXED_S + WRITE_S_PER_OP * n >= deadline:
            return False
        writer = _BodyWriter(code)
        starts = writer.block_starts()
        pending = _pending[code] = (writer, starts, writer.source(starts))
    if perf_counter() + FIXED_S + COMPILE_S_PER_CHAR * len(pending[2]) >= deadline:
        return False
    del _pending[code]
    install(code, globals_get, check_every, too_deep, handler, pending)
    return True


def install(code, globals_get, check_every, too_deep, handler, written=None):
    """Generate ``code``'s runner (from ``written``: a writer, its block starts and source) and
    put GEN operations where it may start. Returns whether it did (not for a body that already
    has one or was marked for recompiling after a redefinition since)."""
    ops = code.ops
    if not ops or any(ins[0] in (op.REENTER, op.GEN) for ins in ops):
        return False
    if written is None:
        gen = _BodyWriter(code)
        starts = gen.block_starts()
        source = gen.source(starts)
    else:
        gen, starts, source = written
    space = {}
    exec(compile(source, "<lmac generated body>", "exec"), space)
    runner = space["factory"](gen.table, code, ops, ops[0], globals_get, _MISSING, Lambda, OVER,
                              perf_counter, _NUMBER_TYPES, check_every, MAX_DEPTH, too_deep,
                              len(ops), handler)
    # The machine's own return, at the end: where the runner leaves a value to return into a
    # body it does not run (another body, a dynamic binding, the end of the task).
    ops.append((op.RETURN, code.pos))
    # Where the machine goes on after the runner handed an operation back: the operations as
    # compiled where the runner hands back, so the machine runs that one itself, and GEN at
    # the other places the runner starts, so it comes back at the next one.
    code.plain = list(ops)
    for k in starts:
        if k == 0 and ops[0][0] == op.RETURN_IF_EV:
            continue   # kept: callers test it in place before entering (machine.py, CALLE)
        ops[k] = (op.GEN, ops[k][1], runner)
        if k not in gen.exits:
            code.plain[k] = ops[k]
    return True


class _BodyWriter(object):
    """Writes one body's runner: its source, and the table of values the source names."""

    def __init__(self, code):
        self.code = code
        self.ops = list(code.ops)
        self.table = []
        self.names = []
        self.exits = set()      # where the runner hands an operation back to the machine
        self._names = {}

    # ---- the table: every value the source refers to -----------------------------------------
    def ref(self, value, prefix="T"):
        key = id(value)
        name = self._names.get(key)
        if name is None:
            name = "%s%d" % (prefix, len(self.table))
            self._names[key] = name
            self.table.append(value)
            self.names.append(name)
        return name

    def block_starts(self):
        ops = self.ops
        starts = {0}
        for k, ins in enumerate(ops):
            o = ins[0]
            if o in (op.JUMP, op.JUMPF, op.JUMP_FALSY_KEEP, op.JUMP_TRUTHY_KEEP):
                starts.add(ins[2])
            elif o == op.JUMPF_EV:
                starts.add(ins[3])
            elif o == op.RECUR:
                starts.add(ins[4])
            elif o == op.TRY:
                starts.add(ins[2])
            if o not in _STRAIGHT:
                starts.add(k + 1)     # after a call, a return, a jump or anything the machine runs
        if ops[0][0] == op.RETURN_IF_EV:
            starts.add(1)
        return sorted(s for s in starts if s < len(ops))

    # ---- expressions ----------------------------------------------------------------------------
    def expr(self, ev, env):
        const = getattr(ev, "const", None)
        if const is not None:
            return self.ref(const[0], "K")
        local = getattr(ev, "local", None)
        if local is not None:
            return env + "[0]" * local[0] + "[%d]" % local[1]
        inline = getattr(ev, "inline", None)
        if inline is not None:
            text = self.inline(ev, inline, env)
            if text is not None:
                return text
        return "%s(%s)" % (self.ref(ev, "E"), env)

    def inline(self, ev, inline, env):
        """(- n 1) as ``(n - 1) if the builtin is still - and n a number else the closure``: the
        closure repeats the reads (locals and constants only, so nothing runs twice) and does
        everything else (other types, errors, a redefined name)."""
        operator, args, slot, fn, checks = inline
        texts = []
        for a in args:
            if getattr(a, "const", None) is None and getattr(a, "local", None) is None:
                return None
            texts.append(self.expr(a, env))
        tests = ["%s[0] is %s" % (self.ref(slot, "S"), self.ref(fn, "F"))]
        tests += ["type(%s) in N" % t for t, check in zip(texts, checks) if check]
        return "((%s %s %s) if (%s) else %s(%s))" % (texts[0], operator, texts[1], " and ".join(tests),
                                                   self.ref(ev, "E"), env)

    # ---- the runner's source --------------------------------------------------------------------
    def source(self, starts):
        lines = []
        body = []
        for i, s in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(self.ops)
            body.append(("if" if i == 0 else "elif") + " pc == %d:" % s)
            block = self.block(s, end)
            body.extend("    " + line for line in block)
        body.append("else:")
        body.append("    return pc, env, stk, count, None")
        lines.append("def factory(T, THIS, OPS, FIRST, gget, MISSING, Lambda, OVER, perf_counter, N,"
                     " CHECK_EVERY, MAX_DEPTH, too_deep, END, Handler):")
        for i, name in enumerate(self.names):
            lines.append("    %s = T[%d]" % (name, i))
        lines.append("    def run(task, env, stk, pc, frames, deadline, count, type=type):")
        lines.append("        try:")
        lines.append("            while True:")
        lines.extend("                " + line for line in body)
        lines.append("        except BaseException:")
        lines.append("            task.code, task.pc, task.env, task.stk = THIS, pc, env, stk")
        lines.append("            raise")
        lines.append("    return run")
        return "\n".join(lines) + "\n"

    def block(self, start, end):
        """The operations start..end-1 as straight-line code; every way out sets pc."""
        out = []
        k = start
        while k < end:
            ins = self.ops[k]
            o = ins[0]
            if self.may_raise(ins):
                out.append("pc = %d" % (k + 1))    # where an error is (the machine's pc)
            if o == op.PUSH:
                text = self.expr(ins[2], "env")
                after = self.ops[k + 1][0] if k + 1 < end else None
                if after == op.STORE:     # a let binding: straight into its slot
                    out.append("env[%d] = %s" % (self.ops[k + 1][2], text))
                    k += 2
                    continue
                if after == op.POP:       # a value not used (a do's earlier forms)
                    if not _reads_only(ins[2]):
                        out.append(text)
                    k += 2
                    continue
                out.append("stk.append(%s)" % text)
            elif o == op.POP:
                out.append("stk.pop()")
            elif o == op.NEW_ENV:
                out.append("env = [env%s]" % (", None" * ins[2]))
            elif o == op.STORE:
                out.append("env[%d] = stk.pop()" % ins[2])
            elif o == op.POP_ENV:
                out.append("env = env[0]")
            elif o == op.JUMP:
                out.append("pc = %d" % ins[2])
                out.append("continue")
                return out
            elif o == op.JUMPF:
                out.append("t = stk.pop()")
                out += ["if t is None or t is False:", "    pc = %d" % ins[2], "    continue"]
            elif o == op.JUMPF_EV:
                out.append("t = %s" % self.expr(ins[2], "env"))
                out += ["if t is None or t is False:", "    pc = %d" % ins[3], "    continue"]
            elif o == op.JUMP_FALSY_KEEP:
                out.append("t = stk[-1]")
                out += ["if t is None or t is False:", "    pc = %d" % ins[2], "    continue"]
                out.append("stk.pop()")
            elif o == op.JUMP_TRUTHY_KEEP:
                out.append("t = stk[-1]")
                out += ["if t is not None and t is not False:", "    pc = %d" % ins[2], "    continue"]
                out.append("stk.pop()")
            elif o == op.RETURN_IF_EV:
                out.append("t = %s" % self.expr(ins[2], "env"))
                out.append("if t is not None and t is not False:")
                out.append("    value = %s" % self.expr(ins[3], "env"))
                out += ["    " + line for line in self.return_value()]
            elif o == op.RETURN_EV:
                out.append("value = %s" % self.expr(ins[2], "env"))
                out += self.return_value()
                return out
            elif o == op.RETURN:
                out.append("value = stk[-1] if stk else None")
                out += self.return_value(at=k)
                return out
            elif o == op.RECUR:
                out += self.recur(ins)
                return out
            elif o == op.CALLE:
                out += self.call(k, ins)
                return out
            elif o == op.CALL:
                out += self.call_from_stack(k, ins)
                return out
            elif o == op.TRY:
                out.append("task.handlers.append(Handler(len(frames), THIS, %d, env, stk))" % ins[2])
            elif o == op.END_TRY:
                out.append("task.handlers.pop()")
            elif o == op.CALLB and self.inline_callb(ins):
                out += self.callb(k, ins)
                if ins[7]:
                    return out
            else:
                # The machine runs this operation (and comes back at the next block start).
                out.append(self.hand_back(k))
                return out
            k += 1
        out.append("pc = %d" % end)
        out.append("continue")
        return out

    @staticmethod
    def may_raise(ins):
        """Whether an error can happen at this operation: only then the source sets pc first."""
        o = ins[0]
        if o in (op.PUSH, op.JUMPF_EV, op.RETURN_EV):
            return not _reads_only(ins[2])
        if o == op.RETURN_IF_EV:
            return not (_reads_only(ins[2]) and _reads_only(ins[3]))
        return o in (op.CALLE, op.CALL, op.CALLB, op.RECUR)

    def hand_back(self, k):
        self.exits.add(k)
        return "return %d, env, stk, count, None" % k

    def return_value(self, at=None):
        """Return ``value``: into a frame of this body in place, else through the machine (at
        the RETURN operation ``at`` when the value is still on the stack, else the one at END)."""
        out = ["if frames:",
               "    top = frames[-1]",
               "    if top[0] is THIS and top[4] is None:",
               "        frames.pop()",
               "        pc, env, stk = top[1], top[2], top[3]",
               "        stk.append(value)",
               "        continue"]
        if at is not None:
            out.append(self.hand_back(at))
        else:
            out.append("stk.append(value)")
            out.append("return END, env, stk, count, None")
        return out

    def tick(self, indent=""):
        """Count one call or recur; at every CHECK_EVERY-th (or when a builtin raised OVER)
        check the depth and the clock, as the machine does."""
        return [indent + line for line in (
            "count -= 1",
            "if count <= 0 or OVER[0]:",
            "    count = CHECK_EVERY",
            "    OVER[0] = False",
            "    if len(frames) > MAX_DEPTH:",
            "        raise too_deep(POS)",
            "    if perf_counter() >= deadline:",
            "        return pc, env, stk, count, 1")]

    def recur(self, ins):
        _, pos, n, depth, target = ins
        out = []
        if n:
            out.append("values = stk[-%d:]" % n)
            out.append("del stk[-%d:]" % n)
            out.append("env = [env%s] + values" % ("[0]" * (depth + 1)))
        else:
            out.append("env = [env%s]" % ("[0]" * (depth + 1)))
        out.append("pc = %d" % target)
        if target == 0:
            # Back to the start of the body: the machine's, if a builtin it inlined was
            # redefined since (it then runs the recompiled body, as without a runner).
            out += ["if OPS[0] is not FIRST:", "    " + self.hand_back(0)]
        out += [line.replace("POS", self.ref(pos, "K")) for line in self.tick()]
        out.append("continue")
        return out

    def call(self, k, ins):
        """A call by global name of an lmac function with that many parameters: this body
        calling itself stays here; another body is entered by the machine with the frame pushed
        here (the runner returns its code, and the call's place where pc goes). Anything else
        (a builtin, rest parameters, a missing name) is the machine's operation."""
        _, pos, fev, argevs, tail, gname, n = ins
        if gname is None:
            return [self.hand_back(k)]
        posname = self.ref(pos, "K")
        out = ["f = gget(%s, MISSING)" % self.ref(gname, "K"),
               "if type(f) is not Lambda or f.fixed != %d:" % n,
               "    " + self.hand_back(k)]
        args = ", ".join(self.expr(a, "env") for a in argevs)
        out.append("new_env = [f.env%s]" % ((", " + args) if args else ""))
        out.append("if f.code is not THIS or OPS[0] is not FIRST:")
        if not tail:
            out += ["    frames.append((THIS, %d, env, stk, None))" % (k + 1), "    stk = []"]
        out += ["    count -= 1", "    return %s, new_env, stk, count, f.code" % posname]
        first = self.ops[0]
        if not tail and first[0] == op.RETURN_IF_EV:
            # As the machine: the callee's first test in place; its value without a frame.
            out += ["try:",
                    "    t = %s" % self.expr(first[2], "new_env"),
                    "    if t is not None and t is not False:",
                    "        stk.append(%s)" % self.expr(first[3], "new_env"),
                    "        start = -1",
                    "    else:",
                    "        start = 1",
                    "except BaseException:",
                    "    frames.append((THIS, %d, env, stk, None))" % (k + 1),
                    "    pc, env, stk = 1, new_env, []",
                    "    raise",
                    "if start >= 0:",
                    "    frames.append((THIS, %d, env, stk, None))" % (k + 1),
                    "    pc, env, stk = start, new_env, []"]
        elif not tail:
            out += ["frames.append((THIS, %d, env, stk, None))" % (k + 1),
                    "pc, env, stk = 0, new_env, []"]
        else:
            out += ["pc, env = 0, new_env"]
        out += [line.replace("POS", posname) for line in self.tick()]
        out.append("continue")
        return out

    def call_from_stack(self, k, ins):
        """A call whose function and arguments the machine computed onto the stack, e.g.
        (f (- n 1) (g x)) with g an lmac function: the same as ``call``, without the leaf test."""
        _, pos, n, tail = ins
        posname = self.ref(pos, "K")
        out = ["f = stk[-%d]" % (n + 1),
               "if type(f) is not Lambda or f.fixed != %d:" % n,
               "    " + self.hand_back(k)]
        if n:
            out += ["new_env = [f.env] + stk[-%d:]" % n]
        else:
            out += ["new_env = [f.env]"]
        out += ["del stk[-%d:]" % (n + 1),
                "if f.code is not THIS or OPS[0] is not FIRST:"]
        if not tail:
            out += ["    frames.append((THIS, %d, env, stk, None))" % (k + 1), "    stk = []"]
        out += ["    count -= 1", "    return %s, new_env, stk, count, f.code" % posname]
        if not tail:
            out += ["frames.append((THIS, %d, env, stk, None))" % (k + 1), "pc, env, stk = 0, new_env, []"]
        else:
            out += ["pc, env = 0, new_env"]
        out += [line.replace("POS", posname) for line in self.tick()]
        out.append("continue")
        return out

    @staticmethod
    def inline_callb(ins):
        return ins[4] == 2 and ins[8] is not None and ins[2] in INLINE_OPS

    def callb(self, k, ins):
        """(+ (f a) (f b)) after both calls: two numbers added in place; anything else (other
        types, a redefined +) goes to the machine's CALLB, which has not been started."""
        _, pos, name, builtin, n, slot, fast2, tail, number_op = ins
        out = ["b = stk[-1]",
               "a = stk[-2]",
               "if %s[0] is not %s or type(a) not in N or type(b) not in N:" % (
                   self.ref(slot, "S"), self.ref(builtin, "F")),
               "    " + self.hand_back(k),
               "del stk[-2:]",
               "value = a %s b" % INLINE_OPS[name]]
        if tail:
            out += self.return_value()
        else:
            out.append("stk.append(value)")
        return out


def _reads_only(ev):
    """A constant or a local: reading it cannot fail or do anything."""
    return getattr(ev, "const", None) is not None or getattr(ev, "local", None) is not None


_STRAIGHT = (op.PUSH, op.POP, op.NEW_ENV, op.STORE, op.POP_ENV, op.JUMPF, op.JUMPF_EV,
             op.JUMP_FALSY_KEEP, op.JUMP_TRUTHY_KEEP, op.RETURN_IF_EV, op.TRY, op.END_TRY)
