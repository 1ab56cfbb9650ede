"""The explicit-stack machine: a Task runs compiled code in slices and can stop anywhere.

All state is plain data on the Task (current code, pc, env, value stack, saved frames, handlers),
so ``step(deadline)`` returns when the task finishes, waits or runs out of time, and a later call
resumes it. lmac calls push frames on a Python list, never on the Python stack: tail calls reuse
the frame, and 100 000-deep recursion only grows that list.
"""
from __future__ import annotations

import itertools
from collections import deque
from time import perf_counter

from . import code as op
from . import generated_body
from .code import Code
from .budget import DEADLINE, MAX_DEPTH, OVER
from .builtins import _NUMBER_TYPES
from .calls import arity_message, builtin_error, call_builtin
from .compiler import not_found
from .printer import describe
from .requests import ForEach, TailCall, Wait, WithDynamic, Yield
from .values import Builtin, Keyword, Lambda, List, LmacError

# Task states
READY, WAITING, DONE, FAILED, CANCELLED = "ready", "waiting", "done", "failed", "cancelled"

MAX_TRACE = 12          # frames shown in an error's stack trace (innermost first)
CHECK_EVERY = 200       # calls/recurs between two looks at the clock (sooner when OVER is set)
FORMS_PER_LOOK = 16     # top-level forms between two looks at the clock

_ids = itertools.count(1)


# A saved frame is a tuple (code, pc, env, stack, restore): restore is None, or (key, old value)
# of a dynamic binding to undo when the frame is returned to, or an _Each: a for-each going on.


class _Each(object):
    """A for-each in progress, kept in the restore entry of the frame it returns to: returning
    there calls the body with the next item (or ends the loop and restores the dynamic value)."""
    __slots__ = ("key", "old", "items", "index", "fn", "pass_item", "pos", "call")

    def __init__(self, key, old, items, fn, pass_item, pos):
        self.key = key
        self.old = old
        self.items = items
        self.index = 0
        self.fn = fn
        self.pass_item = pass_item
        self.pos = pos
        self.call = None if pass_item else _one_call(fn.code)


def _one_call(code):
    """(name, arguments, pos) when a body is one tail call of a global with constant arguments,
    as in (for-each track (volume 0.5)); else None."""
    ops = code.ops
    if not ops or ops[0][0] is not op.CALLE:
        return None
    _, pos, _fev, argevs, tail, name, _n = ops[0]
    consts = [getattr(a, "const", None) for a in argevs]
    if not tail or name is None or None in consts:
        return None
    return name, tuple(c[0] for c in consts), pos


class _Handler(object):
    __slots__ = ("depth", "code", "pc", "env", "stk", "height")

    def __init__(self, depth, code, pc, env, stk):
        self.depth = depth
        self.code = code
        self.pc = pc
        self.env = env
        self.stk = stk
        self.height = len(stk)


class Task(object):
    """One running macro. Created by the scheduler; ``step`` is called by it."""

    def __init__(self, session, code=None, forms=(), name=None, dyn=None, parent=None):
        self.id = next(_ids)
        self.session = session
        self.name = name
        self.parent = parent
        self.children = []
        self.dyn = dict(dyn) if dyn else {}
        self.status = READY
        self.value = None
        self.error = None
        self.wait = None          # the Wait request while waiting
        self.wake_seq = 0         # bumped on each wake, so stale scheduler entries are ignored
        self.on_done = []         # callbacks(task) when it ends in any way
        self.forms = deque(forms)  # top-level forms still to compile and run (popped from the left)
        self.pending_error = None  # raised at the next step (a par child failed)
        self.supervised = parent is not None  # a parent reports our errors
        self.early_target = None  # played-beats target when woken ahead of a beat (lookahead)
        self.busy_s = 0.0         # seconds of slices since it last waited (scheduler's count)
        self.busy_reported = False  # reported once for computing long without waiting
        self._deadline = 0.0      # of the current step, for calls on the slow path
        self._slow_calls = 0
        self._forms_run = 0
        self.code = None
        self.pc = 0
        self.env = None
        self.stk = []
        self.frames = []
        self.handlers = []
        if code is not None:
            self._enter(code)

    def lmac_repr(self):
        return "#<task %d%s %s>" % (self.id, " " + self.name if self.name else "", self.status)

    @property
    def finished(self):
        return self.status in (DONE, FAILED, CANCELLED)

    def _enter(self, code, env=None):
        self.code = code
        self.pc = 0
        self.env = env
        self.stk = []

    def _next_form(self):
        """Compile the next top-level form only now, so macros defined by earlier forms apply."""
        form = self.forms.popleft()
        self._enter(self.session.compiler.compile_toplevel(form))

    # ---- running ------------------------------------------------------------------------
    def resume_with(self, value):
        """Called by the scheduler when a wait is over: the wait form evaluates to ``value``."""
        self.wait = None
        self.stk.append(value)
        self.status = READY

    def fail_on_resume(self, error):
        self.pending_error = error

    def step(self, deadline):
        """Run until done, waiting, or past ``deadline`` (a perf_counter time). Returns the status."""
        if self.finished:
            return self.status
        # Builtins charge their work against the deadline of the slice running now; a nested
        # run (a macro, a predicate) has its own, and when it ends the outer slice learns
        # whether its time is spent.
        outer_deadline, outer_over = DEADLINE[0], OVER[0]
        DEADLINE[0], OVER[0] = deadline, False
        try:
            return self._step(deadline)
        finally:
            DEADLINE[0] = outer_deadline
            OVER[0] = outer_over or (outer_deadline != _NEVER and perf_counter() >= outer_deadline)

    def _step(self, deadline):
        self._deadline = deadline
        if self.code is None:
            if not self.forms:
                return self._finish(None)
            try:
                self._next_form()
            except LmacError as e:
                return self._fail(e)
            except Exception as e:  # a bug must stop only this task, reported
                return self._fail(LmacError("internal error: %s: %s" % (type(e).__name__, e),
                                            getattr(self.forms[0] if self.forms else None, "pos", None)))
        if self.pending_error is not None:
            error, self.pending_error = self.pending_error, None
            status = self._raise(error)
            if status is not None:
                return status
        while True:
            try:
                status = self._run(deadline)
            except LmacError as e:
                status = self._raise(e)
            except RecursionError:
                status = self._raise(LmacError("the expression is nested too deeply",
                                               self._current_pos()))
            except Exception as e:  # a bug in a builtin must stop only this task
                status = self._raise(LmacError("internal error: %s: %s" % (type(e).__name__, e),
                                               self._current_pos()))
            if status is not None:
                return status
            # An error was caught: the handler runs next. Catching is work like any other, so
            # a loop that throws and catches cannot outrun the slice.
            if perf_counter() >= deadline:
                self.status = READY
                return READY

    def origin_pos(self):
        """Where this task's outermost running code is: the top-level form or the function it
        started with (the current place when it has no saved frame)."""
        if self.frames:
            code, pc = self.frames[0][0], self.frames[0][1]
            ops = code.ops
            return ops[pc - 1][1] if 0 < pc <= len(ops) else None
        return self._current_pos()

    def _current_pos(self):
        ops = self.code.ops if self.code else ()
        return ops[self.pc - 1][1] if 0 < self.pc <= len(ops) else None

    def _run(self, deadline):
        code, pc, env, stk, frames = self.code, self.pc, self.env, self.stk, self.frames
        ops = code.ops
        globals_get = self.session.globals.get
        count = CHECK_EVERY
        over = OVER
        NUMBERS = _NUMBER_TYPES
        # Names the loop uses on every call, as locals (Python 3.7 looks globals up each time).
        type_of, lambda_type = type, Lambda
        # Opcodes as locals: named, and as fast to compare as bare numbers. The branches below
        # are ordered by how often a typical body runs them.
        CALLE, RETURN_IF_EV, RETURN_EV, JUMPF_EV, CALLB, RETURN, PUSH, RECUR = (
            op.CALLE, op.RETURN_IF_EV, op.RETURN_EV, op.JUMPF_EV, op.CALLB, op.RETURN, op.PUSH,
            op.RECUR)
        CALL, JUMPF, JUMP, POP, NEW_ENV, STORE, POP_ENV, DEF = (
            op.CALL, op.JUMPF, op.JUMP, op.POP, op.NEW_ENV, op.STORE, op.POP_ENV, op.DEF)
        JUMP_FALSY_KEEP, JUMP_TRUTHY_KEEP, TRY, END_TRY, REENTER, GEN = (
            op.JUMP_FALSY_KEEP, op.JUMP_TRUTHY_KEEP, op.TRY, op.END_TRY, op.REENTER, op.GEN)
        try:
            while True:
                ins = ops[pc]
                pc += 1
                o = ins[0]
                if o is CALLE:
                    _, _, fev, argevs, tail, gname, n = ins   # one unpack: cheaper than five reads
                    # A global head is one dict lookup; a missing name goes through fev,
                    # which raises the error at the name's own place.
                    if gname is not None:
                        f = globals_get(gname, ins)
                        if f is ins:
                            f = fev(env)
                    else:
                        f = fev(env)
                    if type_of(f) is lambda_type and f.fixed == n:
                        # The hot case: an lmac function with a fixed number of parameters.
                        # Build its environment directly from the argument closures.
                        if n == 1:
                            new_env = [f.env, argevs[0](env)]
                        elif n == 2:
                            new_env = [f.env, argevs[0](env), argevs[1](env)]
                        else:
                            new_env = [f.env]
                            new_env.extend([a(env) for a in argevs])
                        start = 0
                        if not tail:
                            first = f.code.ops[0]
                            if first[0] is RETURN_IF_EV:
                                # A call that may end at once, like fib's (if (< n 2) n ...):
                                # test in place; when the test holds, its value is the call's
                                # and no frame is pushed or popped. Else enter after the test.
                                try:
                                    t = first[2](new_env)
                                    if t is not None and t is not False:
                                        stk.append(first[3](new_env))
                                        start = -1
                                    else:
                                        start = 1
                                except BaseException:
                                    # Raised inside the callee: enter it, so traces show it.
                                    frames.append((code, pc, env, stk, None))
                                    code, ops, pc, env, stk = f.code, f.code.ops, 1, new_env, []
                                    raise
                        if start >= 0:
                            if not tail:
                                frames.append((code, pc, env, stk, None))
                                stk = []
                            code = f.code
                            ops = code.ops
                            pc = start
                            env = new_env
                        count -= 1
                        if count <= 0 or over[0]:
                            count = CHECK_EVERY
                            over[0] = False
                            if len(frames) > MAX_DEPTH:
                                raise _too_deep(ins[1])
                            if code.heat >= 0 and (frames and frames[-1][0] is code
                                                   or _holds(code, ins)):
                                _warm(code, globals_get, deadline)   # it calls itself
                            if perf_counter() >= deadline:
                                self.code, self.pc, self.env, self.stk = code, pc, env, stk
                                self.status = READY
                                return READY
                        continue
                    # (one argument, as an action's value often is: no comprehension to run)
                    args = [argevs[0](env)] if n == 1 else [a(env) for a in argevs]
                    if type(f) is Builtin and f.simple:
                        stk.append(call_builtin(f, args, ins[1]))
                    else:
                        self.code, self.pc, self.env, self.stk = code, pc, env, stk
                        status = self._slow_call(f, args, ins[4], ins[1])
                        if status is not None:
                            return status
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        ops = code.ops
                elif o is GEN:
                    # This body's generated Python runs from here (generated_body.py); it
                    # comes back at an operation it leaves to the machine, or at the deadline.
                    try:
                        pc, env, stk, count, status = ins[2](self, env, stk, pc - 1, frames,
                                                             deadline, count)
                    except BaseException:
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        raise
                    if status is None:
                        ops = code.plain    # the machine runs the operation handed back
                        continue
                    if type_of(status) is Code:
                        # It called another body (its frame pushed, the call counted): enter
                        # it here, where the clock and depth are looked at; pc held the call's place.
                        call_pos, code, ops, pc = pc, status, status.ops, 0
                        if count <= 0 or over[0]:
                            count = CHECK_EVERY
                            over[0] = False
                            if len(frames) > MAX_DEPTH:
                                raise _too_deep(call_pos)
                            if perf_counter() >= deadline:
                                self.code, self.pc, self.env, self.stk = code, pc, env, stk
                                self.status = READY
                                return READY
                        continue
                    self.code, self.pc, self.env, self.stk = code, pc, env, stk
                    self.status = READY
                    return READY
                elif o is RETURN_IF_EV:
                    t = ins[2](env)
                    if t is None or t is False:
                        continue
                    value = ins[3](env)
                    if frames:
                        code, pc, env, stk, restore = frames.pop()
                        if restore is None:
                            ops = code.ops
                            stk.append(value)
                            continue
                        self.code, self.pc, self.env, self.stk = code, pc, env, stk
                        status = self._return_through(restore, value)
                        if status is not None:
                            return status
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        ops = code.ops
                        continue
                    self.code, self.pc, self.env, self.stk = code, pc, env, stk
                    status = self._end_of_form(value)
                    if status is not None:
                        return status
                    code, pc, env, stk = self.code, self.pc, self.env, self.stk
                    ops = code.ops
                elif o is RETURN_EV:
                    value = ins[2](env)
                    if not frames:
                        self.code, self.pc, self.env, self.stk = code, pc, env, stk
                        status = self._end_of_form(value)
                        if status is not None:
                            return status
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        ops = code.ops
                        continue
                    code, pc, env, stk, restore = frames.pop()
                    if restore is None:
                        ops = code.ops
                        stk.append(value)
                        continue
                    self.code, self.pc, self.env, self.stk = code, pc, env, stk
                    status = self._return_through(restore, value)
                    if status is not None:
                        return status
                    code, pc, env, stk = self.code, self.pc, self.env, self.stk
                    ops = code.ops
                elif o is JUMPF_EV:
                    t = ins[2](env)
                    if t is None or t is False:
                        pc = ins[3]
                elif o is CALLB:
                    f = ins[5][0]       # what the name holds now
                    if f is ins[3] and ins[6] is not None:
                        b = stk.pop()
                        a = stk.pop()
                        if ins[8] is not None and type_of(a) in NUMBERS and type_of(b) in NUMBERS:
                            value = ins[8](a, b)
                        else:
                            try:
                                value = ins[6](a, b)
                            except LmacError:
                                raise
                            except Exception as e:
                                raise builtin_error(f, e, ins[1], [a, b])
                        if ins[7] and frames:   # a tail call: return the value now
                            code, pc, env, stk, restore = frames.pop()
                            ops = code.ops
                            if restore is not None:
                                self.code, self.pc, self.env, self.stk = code, pc, env, stk
                                status = self._return_through(restore, value)
                                if status is not None:
                                    return status
                                code, pc, env, stk = self.code, self.pc, self.env, self.stk
                                ops = code.ops
                                continue
                        stk.append(value)
                    else:
                        n = ins[4]
                        args = stk[-n:] if n else []
                        if n:
                            del stk[-n:]
                        if f is ins[3]:
                            stk.append(call_builtin(f, args, ins[1]))
                        else:   # the name was rebound since compiling: call whatever it is now
                            if f is None and ins[2] not in self.session.globals:
                                raise LmacError(not_found(ins[2], self.session.globals), ins[1])
                            self.code, self.pc, self.env, self.stk = code, pc, env, stk
                            status = self._slow_call(f, args, False, ins[1])
                            if status is not None:
                                return status
                            code, pc, env, stk = self.code, self.pc, self.env, self.stk
                            ops = code.ops
                elif o is RETURN:
                    value = stk[-1] if stk else None
                    if not frames:
                        self.code, self.pc, self.env, self.stk = code, pc, env, stk
                        status = self._end_of_form(value)
                        if status is not None:
                            return status
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        ops = code.ops
                        continue
                    code, pc, env, stk, restore = frames.pop()
                    if restore is None:
                        ops = code.ops
                        stk.append(value)
                        continue
                    self.code, self.pc, self.env, self.stk = code, pc, env, stk
                    status = self._return_through(restore, value)
                    if status is not None:
                        return status
                    code, pc, env, stk = self.code, self.pc, self.env, self.stk
                    ops = code.ops
                elif o is PUSH:
                    stk.append(ins[2](env))
                elif o is RECUR:
                    n = ins[2]
                    values = stk[-n:] if n else []
                    if n:
                        del stk[-n:]
                    base = env
                    for _ in range(ins[3]):
                        base = base[0]
                    env = [base[0]] + values
                    pc = ins[4]
                    count -= 1
                    if count <= 0 or over[0]:
                        count = CHECK_EVERY
                        over[0] = False
                        if code.heat >= 0:
                            _warm(code, globals_get, deadline)   # a loop
                        if perf_counter() >= deadline:
                            self.code, self.pc, self.env, self.stk = code, pc, env, stk
                            self.status = READY
                            return READY
                elif o is CALL:
                    n = ins[2]
                    if n:
                        args = stk[-n:]
                        del stk[-n:]
                    else:
                        args = []
                    f = stk.pop()
                    if type(f) is Lambda and f.fixed == len(args):
                        if not ins[3]:
                            frames.append((code, pc, env, stk, None))
                            stk = []
                        code = f.code
                        ops = code.ops
                        pc = 0
                        env = [f.env] + args
                        count -= 1
                        if count <= 0 or over[0]:
                            count = CHECK_EVERY
                            over[0] = False
                            if len(frames) > MAX_DEPTH:
                                raise _too_deep(ins[1])
                            if code.heat >= 0 and (frames and frames[-1][0] is code
                                                   or _holds(code, ins)):
                                _warm(code, globals_get, deadline)   # it calls itself
                            if perf_counter() >= deadline:
                                self.code, self.pc, self.env, self.stk = code, pc, env, stk
                                self.status = READY
                                return READY
                    elif type(f) is Builtin and f.simple:
                        stk.append(call_builtin(f, args, ins[1]))
                    else:
                        self.code, self.pc, self.env, self.stk = code, pc, env, stk
                        status = self._slow_call(f, args, ins[3], ins[1])
                        if status is not None:
                            return status
                        code, pc, env, stk = self.code, self.pc, self.env, self.stk
                        ops = code.ops
                elif o is JUMPF:
                    t = stk.pop()
                    if t is None or t is False:
                        pc = ins[2]
                elif o is JUMP:
                    pc = ins[2]
                elif o is POP:
                    stk.pop()
                elif o is NEW_ENV:
                    env = [env] + [None] * ins[2]
                elif o is STORE:
                    env[ins[2]] = stk.pop()
                elif o is POP_ENV:
                    env = env[0]
                elif o is DEF:
                    value = stk[-1]
                    if type(value) is Lambda and value.name is None:
                        value.name = ins[2]
                    self.session.globals[ins[2]] = value
                    if ins[2] in self.session.compiler.slots:
                        self.session.compiler.rebound(ins[2])
                elif o is JUMP_FALSY_KEEP:
                    t = stk[-1]
                    if t is None or t is False:
                        pc = ins[2]
                    else:
                        stk.pop()
                elif o is JUMP_TRUTHY_KEEP:
                    t = stk[-1]
                    if t is not None and t is not False:
                        pc = ins[2]
                    else:
                        stk.pop()
                elif o is TRY:
                    self.handlers.append(_Handler(len(frames), code, ins[2], env, stk))
                elif o is END_TRY:
                    self.handlers.pop()
                elif o is REENTER:  # a builtin this body inlined was redefined since
                    new = code.replacement
                    if new is None:
                        new = code.replacement = self.session.compiler.recompile(code)
                    code = new
                    ops = code.ops
                    pc = 0
                else:
                    raise LmacError("internal: unknown operation %r" % (o,), ins[1])
        except BaseException:
            # Keep the task's view consistent for error handling and traces.
            self.code, self.pc, self.env, self.stk = code, pc, env, stk
            raise

    # ---- slow paths -------------------------------------------------------------------------
    def _slow_call(self, f, args, tail, pos):
        """Everything but the hot cases: rest parameters, control builtins, keywords as functions.
        Works on the saved state (self.code, ...). Returns a status to stop, or None to go on."""
        while True:
            tf = type(f)
            if tf is Builtin:
                if not f.control:
                    self.stk.append(call_builtin(f, args, pos))
                    return None
                lo, hi = f.arity
                n = len(args)
                if n < lo or (hi is not None and n > hi):
                    raise LmacError(arity_message(f.name, f.arity, n), pos)
                try:
                    result = f.fn(self, *args)
                except LmacError as e:
                    if e.pos is None:
                        e.pos = pos
                    raise
                except Exception as e:
                    raise builtin_error(f, e, pos, args)
                if self.status in _ENDED:   # it cancelled its own task (or an ancestor): stop here
                    return self.status
                tr = type(result)
                if tr not in _REQUESTS:     # a value (an action's, say): the usual case
                    self.stk.append(result)
                    return None
                if tr is TailCall:
                    f, args = result.fn, result.args
                    continue
                if tr is Wait:
                    self.wait = result
                    self.status = WAITING
                    return WAITING
                if tr is Yield:
                    self.stk.append(result.value)
                    self.status = READY
                    return READY
                if tr is ForEach:
                    return self._start_each(result, pos)
                if tr is WithDynamic:
                    old = self.dyn.get(result.key, _MISSING)
                    self.dyn[result.key] = result.value
                    self.frames.append((self.code, self.pc, self.env, self.stk, (result.key, old)))
                    self.stk = []
                    self._call_lambda_or_builtin(result.fn, result.args, pos)
                    return None
            if tf is Lambda:
                if f.is_macro:
                    raise LmacError("%s is a macro; it cannot be called as a function" % f.name, pos)
                self._call_lambda(f, args, tail, pos)
                # Calls through this path (rest parameters, apply) count against the time slice
                # and the depth limit too, so no recursion can hold Live's thread.
                self._slow_calls += 1
                if self._slow_calls % CHECK_EVERY == 0 or OVER[0]:
                    if len(self.frames) > MAX_DEPTH:
                        raise _too_deep(pos)
                    if perf_counter() >= self._deadline:
                        self.status = READY
                        return READY
                return None
            if tf is Keyword and 1 <= len(args) <= 2:
                m = args[0]
                default = args[1] if len(args) == 2 else None
                self.stk.append(m.get(f, default) if isinstance(m, dict) else default)
                return None
            if isinstance(f, dict) and 1 <= len(args) <= 2:
                default = args[1] if len(args) == 2 else None
                try:
                    self.stk.append(f.get(args[0], default))
                except TypeError:   # a list or vector is never a key: as (get m k), the default
                    self.stk.append(default)
                return None
            raise LmacError("%s is not a function" % describe(f), pos)

    def _call_lambda_or_builtin(self, f, args, pos):
        if type(f) is Lambda:
            self._call_lambda(f, args, True, pos)
        else:
            # A builtin body of a dynamic binding: call it and return through the frame at once.
            value = call_builtin(f, args, pos) if type(f) is Builtin and not f.control else \
                self.session.run_nested(f, args, what="with", pos=pos)
            self.code, self.pc, self.env, self.stk, restore = self.frames.pop()
            self._restore(restore)
            self.stk.append(value)

    def _call_lambda(self, f, args, tail, pos):
        n = f.nparams
        if f.rest:
            if len(args) < n:
                raise LmacError(arity_message(f.name, (n, None), len(args)), pos)
            env = [f.env] + list(args[:n]) + [List(args[n:]) if len(args) > n else None]
        else:
            if len(args) != n:
                raise LmacError(arity_message(f.name, (n, n), len(args)), pos)
            env = [f.env] + list(args)
        if not tail:
            self.frames.append((self.code, self.pc, self.env, self.stk, None))
        self.code, self.pc, self.env, self.stk = f.code, 0, env, []

    def _start_each(self, request, pos):
        fn = request.fn
        if type(fn) is not Lambda or fn.is_macro:
            raise LmacError("for-each expects a function for its body, got %s" % describe(fn), pos)
        items = request.items
        if items is None:
            items = ()
        elif not isinstance(items, (list, tuple)):
            raise LmacError("for-each expects a list of targets, got %s" % describe(items), pos)
        if not items:
            self.stk.append(None)
            return None
        each = _Each(request.key, self.dyn.get(request.key, _MISSING), items, fn,
                     bool(request.pass_item), pos)
        return self._next_item(each)

    def _return_through(self, restore, value):
        """The frame just returned to (now the saved state) had a restore entry."""
        if type(restore) is _Each:
            return self._next_item(restore)
        self._restore(restore)
        self.stk.append(value)
        return None

    def _next_item(self, each):
        """Call a for-each's body with its next item, or end it: the for-each's value is nil.
        Each item counts against the time slice like a call, so an empty body over many items
        cannot outrun the slice."""
        frames = self.frames
        globals_get = self.session.globals.get
        while True:
            i = each.index
            items = each.items
            if i >= len(items):
                self._restore(each)
                self.stk.append(None)
                return None
            each.index = i + 1
            item = items[i]
            self.dyn[each.key] = item
            frames.append((self.code, self.pc, self.env, self.stk, each))
            fn = each.fn
            if fn.fixed == (1 if each.pass_item else 0):
                self.code, self.pc, self.stk = fn.code, 0, []
                self.env = [fn.env, item] if each.pass_item else [fn.env]
            else:
                self._call_lambda(fn, [item] if each.pass_item else [], True, each.pos)
            self._slow_calls += 1
            if self._slow_calls % CHECK_EVERY == 0 or OVER[0]:
                OVER[0] = False
                if perf_counter() >= self._deadline:
                    self.status = READY
                    return READY
            if each.call is None:
                return None
            # The body is one call of a control builtin with constant arguments (an action:
            # (for-each track (volume 0.5))): make it here, as the body's first operation would,
            # and when it gives a plain value, return from the body at once and go on.
            name, args, pos = each.call
            f = globals_get(name)
            body = self.code
            if type(f) is not Builtin or not f.control or body is not fn.code:
                return None                       # the machine runs the body as compiled
            self.pc = 1
            try:
                status = self._slow_call(f, args, True, pos)
            except LmacError as e:   # raised from the body's call, as the machine would see it
                status = self._raise(e)
                if status is None and perf_counter() >= self._deadline:
                    self.status = READY     # a catch is work: it counts against the slice
                    return READY
                return status
            if status is not None or self.code is not body or self.pc != 1 or len(self.stk) != 1:
                return status                     # it waits, yields or went on elsewhere
            self.code, self.pc, self.env, self.stk, _ = frames.pop()

    def _restore(self, restore):
        if type(restore) is _Each:
            key, old = restore.key, restore.old
        else:
            key, old = restore
        if old is _MISSING:
            self.dyn.pop(key, None)
        else:
            self.dyn[key] = old

    def _end_of_form(self, value):
        if self.forms:
            self._next_form()
            # Between top-level forms too: a file of 30 000 small forms is many slices, not one.
            self._forms_run += 1
            if self._forms_run % FORMS_PER_LOOK == 0 and perf_counter() >= self._deadline:
                self.status = READY
                return READY
            return None
        return self._finish(value)

    # ---- ending -------------------------------------------------------------------------------
    def _finish(self, value):
        self.value = value
        self.status = DONE
        self._release()
        return DONE

    def _fail(self, error):
        self.error = error
        self.status = FAILED
        self._release()
        return FAILED

    def stop(self, error):
        """End this task with ``error`` from outside its code (no catch of its own sees it)."""
        if self.finished:
            return self.status
        if not error.trace:
            error.trace = self.trace()
        if error.pos is None:
            error.pos = self._current_pos()
        for child in list(self.children):
            child.cancel()
        return self._fail(error)

    def cancel(self):
        if self.finished:
            return
        for child in list(self.children):
            child.cancel()
        self.status = CANCELLED
        self._release()

    def _release(self):
        self.frames = []
        self.handlers = []
        self.stk = []
        self.env = None
        callbacks, self.on_done = self.on_done, []
        for cb in callbacks:
            cb(self)

    def trace(self):
        """(function name, Pos) for the current frame and the saved ones, innermost first."""
        out = [(self.code.name if self.code else None, self._current_pos())]
        for code, pc, _, _, _ in reversed(self.frames[-(MAX_TRACE - 1):] if self.frames else []):
            ops = code.ops
            out.append((code.name, ops[pc - 1][1] if 0 < pc <= len(ops) else None))
        return out

    def _raise(self, error):
        """An error at the current position: jump to the innermost catch, or fail the task."""
        if not error.trace:
            error.trace = self.trace()
            if len(self.frames) >= MAX_TRACE:
                error.trace.append(("... %d more frames" % (len(self.frames) - MAX_TRACE + 1), None))
        if error.pos is None:
            error.pos = self._current_pos()
        if not self.handlers:
            return self._fail(error)
        h = self.handlers.pop()
        while len(self.frames) > h.depth:
            restore = self.frames.pop()[4]
            if restore is not None:
                self._restore(restore)
        self.code, self.pc, self.env, self.stk = h.code, h.pc, h.env, h.stk
        del self.stk[h.height:]
        self.stk.append(error.value)
        return None


_MISSING = object()
_NEVER = float("inf")
_ENDED = frozenset((DONE, FAILED, CANCELLED))
_REQUESTS = frozenset((TailCall, Wait, Yield, ForEach, WithDynamic))


HOT = 2     # looks at the clock that find a body recursing before it gets a generated body


def _holds(code, ins):
    """Is ``ins`` one of ``code``'s operations (a tail call of the body to itself)?"""
    for x in code.ops:
        if x is ins:
            return True
    return False


def _warm(code, globals_get, deadline):
    """The body recursed or looped when the machine looked at the clock: once it has done so
    HOT times, give it a generated body (generated_body.py), step by step as the slice has
    room: writing and compiling Python is work like any other and never overruns a slice."""
    code.heat += 1
    if code.heat >= HOT and generated_body.advance(code, deadline, globals_get, CHECK_EVERY,
                                                   _too_deep, _Handler):
        code.heat = -1


def _too_deep(pos):
    return LmacError("recursion deeper than %d calls: make the function tail-recursive (recur) "
                     "or use a loop" % MAX_DEPTH, pos)


def call_code(name, fn, args, pos=None):
    """Code that calls ``fn`` with ``args`` and returns its value: how a task starts a function."""
    return Code(name, [(op.CALLE, pos, _const_ev(fn), tuple(_const_ev(a) for a in args), True, None,
                        len(args)),
                       (op.RETURN, pos)])


def _const_ev(value):
    return lambda env: value
