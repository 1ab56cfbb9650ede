"""Expansion and compilation: forms -> Code, once, before anything runs.

Special forms (everything else is a function call or a macro from stdlib_macros/prelude.lmac):

    (def name value)                 global definition, returns the value
    (defmacro name (params) body..)  a syntax macro
    (fn name? (params & rest) body..) / [params]
    (let (a 1 b 2) body..) / [a 1 b 2]      flat pairs, sequential
    (loop (a 1) body..) + (recur ..)  in tail position
    (do body..) / (seq body..)
    (if test then else?)
    (quote x) (quasiquote x) with (unquote x) (splice-unquote x)
    (try body.. (catch e handler..))
    (and ..) (or ..)

Expressions that never wait and only call simple builtins become Python closures ``ev(env)``;
the rest become machine operations (see code.py), so lmac calls and waits never use the Python
stack.
"""
from __future__ import annotations

import contextlib
import weakref
from time import perf_counter

from . import code as op
from . import friend
from . import generated
from .budget import DEADLINE, check_form_size
from .calls import arity_message, builtin_error, call_builtin
from .builtins import INLINE_OPS, NUMBER_OPS
from .clyphx_hints import clyphx_hint
from .code import Code
from .printer import describe
from .values import Builtin, Keyword, Lambda, List, LmacError, Map, Symbol, Vector

SPECIAL_FORMS = ("def", "defmacro", "fn", "let", "loop", "recur", "do", "seq", "if", "quote",
                 "quasiquote", "try", "and", "or")

# How deep simple closures may nest before we fall back to machine operations, so that deeply
# nested source never reaches Python's recursion limit.
MAX_SIMPLE_DEPTH = 60


class Scope(object):
    """Names bound by one fn/let/loop; slot 0 of the runtime env list is the parent env."""

    __slots__ = ("names", "parent", "kind", "label")

    def __init__(self, names, parent, kind, label=0):
        self.names = list(names)
        self.parent = parent
        self.kind = kind          # "fn", "let" or "loop"
        self.label = label        # where recur jumps to (fn and loop scopes)

    def lookup(self, name):
        depth, scope = 0, self
        while scope is not None:
            names = scope.names
            for i in range(len(names) - 1, -1, -1):
                if names[i] == name:
                    return depth, i + 1
            depth += 1
            scope = scope.parent
        return None

    def recur_target(self):
        depth, scope = 0, self
        while scope is not None:
            if scope.kind in ("fn", "loop"):
                return depth, scope
            depth += 1
            scope = scope.parent
        return None


def _is_special(form, name, scope):
    """Is this list a special form? ``loop`` is also a Live action (the arrangement loop,
    ``(loop C :start 0 :length 8)``): it is the special form only when followed by bindings."""
    if name not in SPECIAL_FORMS or (scope is not None and scope.lookup(name)):
        return False
    if name == "loop":
        return looks_like_bindings(form)
    return True


def looks_like_bindings(form):
    if len(form) < 2:
        return False
    b = form[1]
    if type(b) is Vector:
        return True
    if type(b) is not List or len(b) % 2:
        return False
    if not all(type(b[i]) is Symbol for i in range(0, len(b), 2)):
        return False
    return not (len(form) > 2 and type(form[2]) is Keyword)


def _give_position(expansion, pos, limit=10000):
    """Forms a macro built have no position of their own: give them the macro call's, so an
    error inside expanded code points at the line that used the macro. Forms that came from
    source (the macro's arguments, its quoted templates) keep theirs."""
    if pos is None:
        return
    stack = [expansion]
    while stack and limit > 0:
        limit -= 1
        x = stack.pop()
        t = type(x)
        if t is Symbol:
            if x.pos is None:
                x.pos = pos
        elif t in (List, Vector, Map):
            if x.pos is None:
                x.pos = pos
                stack.extend(x.keys() if t is Map else x)
                if t is Map:
                    stack.extend(x.values())


def _head(form):
    if type(form) is List and form and type(form[0]) is Symbol:
        return form[0].name
    return None


def _pos(form, fallback=None):
    return getattr(form, "pos", None) or fallback


def _truthy_ev(ev):
    return ev


class Compiler(object):
    """Compiles forms for one session (it needs the session's globals to expand macros and to
    recognise simple builtins)."""

    def __init__(self, session):
        self.session = session
        self.globals = session.globals
        self._expansions = {}  # id(form) -> (form, expansion): each macro use expands once
        self._depth = 0
        # Names whose (def name ...) is being compiled: inside, `name` is the new definition
        # (a recursive defn named like a builtin), never the builtin it replaces.
        self.defining = set()
        self.expanding = None  # the form whose macro is running (for %expansion-key)
        # fn(name, pos) called for each (def name ...) compiled; it may refuse by raising
        # LmacError (the library loader: a shared library may not define the core's names).
        self.definition_check = None
        # Builtin name -> function bodies whose closures call that builtin directly. Redefining
        # the name makes those bodies recompile at their next call, so the new definition runs
        # on the machine (budgeted, able to wait) instead of inside a closure.
        self.inliners = {}
        # Builtin name -> [the value bound to it now], for the closures that call the builtin
        # directly: one list read tells them it is still theirs. Kept current by rebound().
        self.slots = {}

    def slot(self, name):
        s = self.slots.get(name)
        if s is None:
            s = self.slots[name] = [self.globals.get(name)]
        return s

    def def_name(self, form):
        name = _def_name(form)
        if self.definition_check is not None:
            self.definition_check(name, _pos(form))
        return name

    def watch(self, code, names):
        for name in names:
            self.inliners.setdefault(name, weakref.WeakSet()).add(code)

    def rebound(self, name):
        """``name`` was just redefined: bodies that inlined the builtin it held recompile."""
        self.slots[name][0] = self.globals.get(name)
        for code in list(self.inliners.pop(name, ())):
            if code.ops and code.ops[0][0] != op.REENTER:
                code.ops[0] = (op.REENTER, code.ops[0][1])
                if code.plain is not None:    # the machine's copy beside a generated body
                    code.plain[0] = code.ops[0]

    def recompile(self, code):
        body, scope, name, pos, defining = code.source
        saved, self.defining = self.defining, set(defining)
        self._depth += 1
        try:
            fc = _FnCompiler(self, name, pos)
            fc.body(body, scope, True, True, pos)
            return fc.finish_watched(code.source)
        except RecursionError:
            raise LmacError("this function is nested too deeply to compile", pos)
        finally:
            self.defining = saved
            self._depth -= 1
            if not self._depth:
                self._expansions.clear()

    @contextlib.contextmanager
    def defining_name(self, name):
        added = name not in self.defining
        self.defining.add(name)
        try:
            yield
        finally:
            if added:
                self.defining.discard(name)

    # ---- entry points -------------------------------------------------------------------
    def compile_toplevel(self, form, name=None):
        fc = _FnCompiler(self, name or "top level", _pos(form))
        self._depth += 1
        try:
            # Not a tail call: the top-level frame stays, so error traces show the line that
            # started the macro. (One frame per form; deep recursion inside is unaffected.)
            fc.expr(form, None, tail=False, loop_tail=False)
            fc.emit(op.RETURN, _pos(form))
            return fc.finish()
        except RecursionError:
            raise LmacError("this form is nested too deeply to compile; split it into functions",
                            _pos(form))
        finally:
            self._depth -= 1
            if not self._depth:   # an eval inside a macro compiles too: keep the outer cache
                self._expansions.clear()

    def macroexpand_1(self, form, scope=None):
        name = _head(form)
        if name is None or _is_special(form, name, scope) or (scope is not None and scope.lookup(name)):
            return form, False
        macro = self.globals.get(name)
        if type(macro) is not Lambda or not macro.is_macro:
            return form, False
        expander = Lambda(name, macro.code, macro.env, macro.nparams, macro.rest, macro.pos)
        outer, self.expanding = self.expanding, form
        try:
            expansion = self.session.run_nested(expander, list(form[1:]), what="the macro " + name,
                                                pos=form.pos)
        except LmacError as e:
            # Point at the code that used the macro; the macro's own frames stay in the trace.
            if form.pos is not None and (e.pos is None or e.pos.file != form.pos.file):
                e.trace = list(e.trace) + [("macro " + name, form.pos)]
                e.pos = form.pos
            raise
        finally:
            self.expanding = outer
        check_form_size(expansion, "the macro " + name, form.pos)
        _give_position(expansion, form.pos)
        return expansion, True

    def macroexpand(self, form, scope=None):
        if type(form) is not List:
            return form
        cached = self._expansions.get(id(form))
        if cached is not None and cached[0] is form:
            return cached[1]
        original, expanded = form, True
        while expanded:
            form, expanded = self.macroexpand_1(form, scope)
        self._expansions[id(original)] = (original, form)
        return form


class _FnCompiler(object):
    """Emits the operations of one Code object."""

    def __init__(self, compiler, name, pos):
        self.c = compiler
        self.g = compiler.globals
        self.name = name
        self.pos = pos
        self.ops = []
        self._simple_cache = {}   # id(form) -> ev or None, so nested forms are analysed once
        self._keep = []       # keeps analysed forms alive while their ids are cached
        self.inlined = set()  # builtin names this body's closures call directly

    def finish(self):
        return Code(self.name, self.ops, self.pos)

    def finish_watched(self, source):
        code = self.finish()
        if self.inlined:
            code.source = source
            self.c.watch(code, self.inlined)
        return code

    def emit(self, *ins):
        self.ops.append(ins)
        return len(self.ops) - 1

    def patch(self, at, target):
        ins = list(self.ops[at])
        ins[-1] = target
        self.ops[at] = tuple(ins)

    # ---- expressions ---------------------------------------------------------------------
    def expr(self, form, scope, tail, loop_tail):
        """Emit code leaving the value of ``form`` on the stack (or returning it when tail)."""
        form = self.c.macroexpand(form, scope)
        ev = self.simple(form, scope, 0)
        if ev is not None:
            if tail:
                self.emit(op.RETURN_EV, _pos(form), ev)
            else:
                self.emit(op.PUSH, _pos(form), ev)
            return
        name = _head(form)
        pos = _pos(form)
        if _is_special(form, name, scope):
            getattr(self, "special_" + name)(form, scope, tail, loop_tail, pos)
        elif type(form) is List and form:
            self.call(form, scope, tail, pos)
        elif type(form) is Vector:
            self.call(List([Symbol("vector")] + list(form), pos=pos), scope, tail, pos)
        elif type(form) is Map:
            flat = [Symbol("hash-map")]
            for k, v in form.items():
                flat.extend([k, v])
            self.call(List(flat, pos=pos), scope, tail, pos)
        else:
            raise LmacError("cannot compile %s" % describe(form), pos)

    def body(self, forms, scope, tail, loop_tail, pos):
        if not forms:
            self.emit(op.RETURN_EV if tail else op.PUSH, pos, _const(None))
            return
        for form in forms[:-1]:
            self.expr(form, scope, False, False)
            self.emit(op.POP, pos)
        self.expr(forms[-1], scope, tail, loop_tail)

    def call(self, form, scope, tail, pos):
        argevs = [self.simple(self.c.macroexpand(a, scope), scope, 0) for a in form[1:]]
        fform = self.c.macroexpand(form[0], scope)
        fev = self.simple(fform, scope, 0)
        builtin = self.known_builtin(fform, scope, len(form) - 1)
        if fev is not None and all(a is not None for a in argevs):
            # A global head is read by the machine itself (one dict lookup, no closure call).
            gname = fform.name if type(fform) is Symbol and not (scope and scope.lookup(fform.name)) \
                else None
            self.emit(op.CALLE, pos, fev, tuple(argevs), tail, gname, len(argevs))
        elif builtin is not None:
            # e.g. (+ (fib (- n 1)) (fib (- n 2))): the arguments need the machine, the call does not.
            for a, ev in zip(form[1:], argevs):
                if ev is not None:
                    self.emit(op.PUSH, _pos(a, pos), ev)
                else:
                    self.expr(a, scope, False, False)
            n = len(form) - 1
            self.emit(op.CALLB, pos, fform.name, builtin, n, self.c.slot(fform.name),
                      builtin.fast2 if n == 2 else None, tail,
                      NUMBER_OPS.get(fform.name) if n == 2 and builtin.fast2 is not None else None)
        else:
            self.expr(fform, scope, False, False)
            for a, ev in zip(form[1:], argevs):
                if ev is not None:
                    self.emit(op.PUSH, _pos(a, pos), ev)
                else:
                    self.expr(a, scope, False, False)
            self.emit(op.CALL, pos, len(form) - 1, tail)
        if tail:
            self.emit(op.RETURN, pos)

    def known_builtin(self, fform, scope, nargs):
        """The simple builtin a global name is bound to now, if the call's arity suits it."""
        if type(fform) is not Symbol or (scope is not None and scope.lookup(fform.name)):
            return None
        if fform.name in self.c.defining:
            return None
        fn = self.g.get(fform.name)
        if type(fn) is not Builtin or not fn.simple:
            return None
        lo, hi = fn.arity
        return fn if lo <= nargs and (hi is None or nargs <= hi) else None

    # ---- special forms (machine operations) ------------------------------------------------
    def special_def(self, form, scope, tail, loop_tail, pos):
        name = self.c.def_name(form)
        with self.c.defining_name(name):
            self.expr(_def_value(form, name), scope, False, False)
        self.emit(op.DEF, pos, name)
        if tail:
            self.emit(op.RETURN, pos)

    special_defmacro = special_def

    def special_do(self, form, scope, tail, loop_tail, pos):
        self.body(form[1:], scope, tail, loop_tail, pos)

    special_seq = special_do

    def special_if(self, form, scope, tail, loop_tail, pos):
        _require(3 <= len(form) <= 4, "if expects a test, a then-form and an optional else-form", pos)
        test = self.c.macroexpand(form[1], scope)
        tev = self.simple(test, scope, 0)
        then = self.c.macroexpand(form[2], scope) if tail and tev is not None else None
        thev = self.simple(then, scope, 0) if then is not None else None
        if thev is not None:
            # (if (< n 2) n ...) in tail position: one operation tests and returns.
            self.emit(op.RETURN_IF_EV, pos, tev, thev)
            if len(form) == 4:
                self.expr(form[3], scope, tail, loop_tail)
            else:
                self.emit(op.RETURN_EV, pos, _const(None))
            return
        if tev is not None:
            jf = self.emit(op.JUMPF_EV, pos, tev, None)
        else:
            self.expr(test, scope, False, False)
            jf = self.emit(op.JUMPF, pos, None)
        self.expr(form[2], scope, tail, loop_tail)
        jend = None if tail else self.emit(op.JUMP, pos, None)
        self.patch(jf, len(self.ops))
        if len(form) == 4:
            self.expr(form[3], scope, tail, loop_tail)
        else:
            self.emit(op.RETURN_EV if tail else op.PUSH, pos, _const(None))
        if jend is not None:
            self.patch(jend, len(self.ops))

    def special_and(self, form, scope, tail, loop_tail, pos):
        self._andor(form, scope, tail, pos, op.JUMP_FALSY_KEEP, True)

    def special_or(self, form, scope, tail, loop_tail, pos):
        self._andor(form, scope, tail, pos, op.JUMP_TRUTHY_KEEP, None)

    def _andor(self, form, scope, tail, pos, jump, empty):
        if len(form) == 1:
            self.emit(op.RETURN_EV if tail else op.PUSH, pos, _const(empty))
            return
        jumps = []
        for sub in form[1:-1]:
            self.expr(sub, scope, False, False)
            jumps.append(self.emit(jump, pos, None))
        self.expr(form[-1], scope, False, False)
        for j in jumps:
            self.patch(j, len(self.ops))
        if tail:
            self.emit(op.RETURN, pos)

    def special_let(self, form, scope, tail, loop_tail, pos, kind="let"):
        names, values = _bindings(form, pos)
        inner = Scope([], scope, kind)
        self.emit(op.NEW_ENV, pos, len(names))
        for i, (name, value) in enumerate(zip(names, values)):
            # Sequential: each value sees the names bound before it, then its own name is bound.
            self.expr(value, inner, False, False)
            inner.names.append(name)
            self.emit(op.STORE, pos, i + 1)
        inner.label = len(self.ops)
        self.body(form[2:], inner, tail, kind == "loop" or loop_tail, pos)
        if not tail:
            self.emit(op.POP_ENV, pos)

    def special_loop(self, form, scope, tail, loop_tail, pos):
        self.special_let(form, scope, tail, loop_tail, pos, kind="loop")

    def special_recur(self, form, scope, tail, loop_tail, pos):
        _require(loop_tail, "recur can only be the last thing a loop or fn does", pos)
        found = scope.recur_target() if scope else None
        _require(found is not None, "recur needs an enclosing loop or fn", pos)
        depth, target = found
        args = form[1:]
        nslots = len(target.names)
        if target.kind == "fn" and target.label == -1:
            raise LmacError("recur cannot rebind a function with & rest parameters", pos)
        _require(len(args) == nslots, "recur expects %d value%s (the %s's bindings), got %d"
                 % (nslots, "" if nslots == 1 else "s", target.kind, len(args)), pos)
        for a in args:
            self.expr(a, scope, False, False)
        self.emit(op.RECUR, pos, nslots, depth, target.label)

    def special_try(self, form, scope, tail, loop_tail, pos):
        body = list(form[1:])
        handler = None
        if body and _head(body[-1]) == "catch":
            handler = body.pop()
            _require(len(handler) >= 2 and type(handler[1]) is Symbol,
                     "catch expects a name for the error, e.g. (catch e (log e))", _pos(handler, pos))
        t = self.emit(op.TRY, pos, None)
        self.body(body, scope, False, False, pos)
        self.emit(op.END_TRY, pos)
        jend = self.emit(op.JUMP, pos, None)
        self.patch(t, len(self.ops))
        # The machine pushes the error value and jumps here.
        if handler is None:
            self.emit(op.POP, pos)
            self.emit(op.PUSH, pos, _const(None))
        else:
            inner = Scope([handler[1].name], scope, "let")
            self.emit(op.NEW_ENV, pos, 1)
            self.emit(op.STORE, pos, 1)
            self.body(handler[2:], inner, False, False, pos)
            self.emit(op.POP_ENV, pos)
        self.patch(jend, len(self.ops))
        if tail:
            self.emit(op.RETURN, pos)

    def _simple_or_emit(self, form, scope, tail, loop_tail, pos):
        ev = self.simple(form, scope, 0)
        if ev is None:
            raise LmacError("internal: %s is not simple" % describe(form), pos)
        self.emit(op.RETURN_EV if tail else op.PUSH, pos, ev)

    special_quote = _simple_or_emit
    special_fn = _simple_or_emit

    def special_quasiquote(self, form, scope, tail, loop_tail, pos):
        _require(len(form) == 2, "quasiquote expects one form", pos)
        self.expr(quasiquote(form[1]), scope, tail, loop_tail)

    # ---- simple expressions (Python closures) --------------------------------------------
    def simple(self, form, scope, depth):
        key = id(form)
        if key in self._simple_cache:
            return self._simple_cache[key]
        ev = self._simple(form, scope, depth) if depth < MAX_SIMPLE_DEPTH else None
        if type(form) in (List, Vector, Map):
            self._simple_cache[key] = ev
            self._keep.append(form)
        return ev

    def _simple(self, form, scope, depth):
        t = type(form)
        if t is Symbol:
            return self.symbol_ev(form, scope)
        if t is Vector:
            items = [self.simple(self.c.macroexpand(x, scope), scope, depth + 1) for x in form]
            if any(e is None for e in items):
                return None
            return _vector_ev(items)
        if t is Map:
            pairs = []
            for k, v in form.items():
                kev = self.simple(self.c.macroexpand(k, scope), scope, depth + 1)
                vev = self.simple(self.c.macroexpand(v, scope), scope, depth + 1)
                if kev is None or vev is None:
                    return None
                pairs.append((kev, vev))
            return _map_ev(pairs)
        if t is not List:
            return _const(form)
        if not form:
            return _const(List())
        name = _head(form)
        pos = _pos(form)
        if _is_special(form, name, scope):
            return self.simple_special(name, form, scope, depth, pos)
        if name is not None and self.c.macroexpand_1(form, scope)[1]:
            return None  # the caller expands first; this form is not expanded yet
        head = form[0]
        if type(head) is Keyword and len(form) in (2, 3):
            args = [self.simple(self.c.macroexpand(a, scope), scope, depth + 1) for a in form[1:]]
            if any(a is None for a in args):
                return None
            return _keyword_call_ev(head, args)
        if name is None or (scope and scope.lookup(name)) or name in self.c.defining:
            return None
        fn = self.g.get(name)
        if type(fn) is not Builtin or not fn.simple:
            return None
        args = [self.simple(self.c.macroexpand(a, scope), scope, depth + 1) for a in form[1:]]
        if any(a is None for a in args):
            return None
        self.inlined.add(name)
        return _builtin_call_ev(self.c.session, self.c.slot(name), name, fn, args, pos)

    def simple_special(self, name, form, scope, depth, pos):
        if name == "quote":
            _require(len(form) == 2, "quote expects one form", pos)
            return _const(form[1])
        if name == "fn":
            return self.fn_ev(form, scope, pos)
        if name == "if":
            _require(3 <= len(form) <= 4, "if expects a test, a then-form and an optional else-form", pos)
            parts = [self.simple(self.c.macroexpand(x, scope), scope, depth + 1) for x in form[1:]]
            if any(p is None for p in parts):
                return None
            return _if_ev(*parts) if len(parts) == 3 else _if_ev(parts[0], parts[1], _const(None))
        if name in ("do", "seq"):
            parts = [self.simple(self.c.macroexpand(x, scope), scope, depth + 1) for x in form[1:]]
            if any(p is None for p in parts):
                return None
            return _do_ev(parts)
        if name in ("and", "or"):
            parts = [self.simple(self.c.macroexpand(x, scope), scope, depth + 1) for x in form[1:]]
            if any(p is None for p in parts):
                return None
            return _and_ev(parts) if name == "and" else _or_ev(parts)
        if name == "def":
            dname = self.c.def_name(form)
            with self.c.defining_name(dname):
                vform = self.c.macroexpand(_def_value(form, dname), scope)
                vev = self.simple(vform, scope, depth + 1)
            return None if vev is None else _def_ev(self.c, dname, vev)
        if name == "defmacro":
            dname = self.c.def_name(form)
            vev = self.simple(_def_value(form, dname), scope, depth + 1)
            return None if vev is None else _def_ev(self.c, dname, vev)
        if name == "let":
            names, values = _bindings(form, pos)
            inner = Scope([], scope, "let")
            evs = []
            for n, v in zip(names, values):
                e = self.simple(self.c.macroexpand(v, inner), inner, depth + 1)
                if e is None:
                    return None
                inner.names.append(n)
                evs.append(e)
            body = [self.simple(self.c.macroexpand(x, inner), inner, depth + 1) for x in form[2:]]
            if any(b is None for b in body):
                return None
            return _let_ev(evs, _do_ev(body))
        return None  # loop, recur, try, quasiquote: machine operations

    def symbol_ev(self, sym, scope):
        name = sym.name
        found = scope.lookup(name) if scope else None
        if found is not None:
            return _local_ev(*found)
        if "/" in name and len(name) > 1 and not name.startswith("/"):
            return _global_ev(self.g, name, sym.pos)
        return _global_ev(self.g, name, sym.pos)

    def fn_ev(self, form, scope, pos):
        rest = list(form[1:])
        fname = None
        if rest and type(rest[0]) is Symbol:
            fname = rest.pop(0).name
        _require(rest and type(rest[0]) in (List, Vector),
                 "fn expects a parameter list, e.g. (fn (a b) ...)", pos)
        params = rest[0]
        names, rest_name = _params(params, pos)
        inner = Scope(names + ([rest_name] if rest_name else []), scope, "fn",
                      label=-1 if rest_name else 0)
        fc = _FnCompiler(self.c, fname or self.name_hint(form), pos)
        fc.body(rest[1:], inner, True, True, pos)
        # Enough to compile the body again later: the scopes as they are now (an enclosing let
        # binds more names after this point) and the names being defined.
        code = fc.finish_watched((rest[1:], _snapshot(inner), fc.name, pos, frozenset(self.c.defining)))
        return _lambda_ev(fname or None, code, len(names), rest_name is not None, pos)

    def name_hint(self, form):
        return "fn"


# ---- closure builders --------------------------------------------------------------------
def _const(value):
    ev = lambda env: value  # noqa: E731
    ev.const = (value,)     # generated code reads it in place (generated.py)
    return ev


def _local_ev(depth, index):
    if depth <= 2:
        ev = (lambda env: env[index], lambda env: env[0][index],
              lambda env: env[0][0][index])[depth]
        ev.local = (depth, index)   # generated code reads it in place (generated.py)
        return ev

    def ev(env):
        for _ in range(depth):
            env = env[0]
        return env[index]
    return ev


def not_found(name, pool=()):
    """The error for an unknown name: a hint when it is ClyphX written by habit, else the nearest
    known name from ``pool`` (the same suggestion `lmac check` makes)."""
    hint = clyphx_hint(name)
    if hint:
        return "'%s' not found. %s" % (name, hint)
    return friend.not_found(name, pool)


def _global_ev(g, name, pos):
    def ev(env):
        try:
            return g[name]
        except KeyError:
            raise LmacError(not_found(name, g), pos)
    return ev


def _vector_ev(items):
    return lambda env: Vector([e(env) for e in items])


def _map_ev(pairs):
    return lambda env: Map((k(env), v(env)) for k, v in pairs)


def _if_ev(test, then, other):
    def ev(env):
        t = test(env)
        return then(env) if (t is not None and t is not False) else other(env)
    return ev


def _do_ev(parts):
    if not parts:
        return _const(None)
    if len(parts) == 1:
        return parts[0]

    def ev(env):
        value = None
        for p in parts:
            value = p(env)
        return value
    return ev


def _and_ev(parts):
    def ev(env):
        value = True
        for p in parts:
            value = p(env)
            if value is None or value is False:
                return value
        return value
    return ev


def _or_ev(parts):
    def ev(env):
        value = None
        for p in parts:
            value = p(env)
            if value is not None and value is not False:
                return value
        return value
    return ev


def _def_ev(compiler, name, vev):
    g, slots = compiler.globals, compiler.slots

    def ev(env):
        value = vev(env)
        if type(value) is Lambda and value.name is None:
            value.name = name
        g[name] = value
        if name in slots:
            compiler.rebound(name)
        return value
    return ev


def _snapshot(scope):
    if scope is None:
        return None
    return Scope(list(scope.names), _snapshot(scope.parent), scope.kind, scope.label)


def _let_ev(evs, body):
    n = len(evs)

    def ev(env):
        inner = [env] + [None] * n
        for i, e in enumerate(evs):
            inner[i + 1] = e(inner)
        return body(inner)
    return ev


def _lambda_ev(name, code, nparams, rest, pos):
    return lambda env: Lambda(name, code, env, nparams, rest, pos)


def _keyword_call_ev(keyword, args):
    if len(args) == 1:
        m = args[0]
        return lambda env: _kw_get(m(env), keyword, None)
    m, default = args
    return lambda env: _kw_get(m(env), keyword, default(env))


def _kw_get(m, key, default):
    return m.get(key, default) if isinstance(m, dict) else default


def _builtin_call_ev(session, slot, name, fn, args, pos):
    """Call a simple builtin directly; if the name has since been rebound to an lmac function,
    run that synchronously (it cannot wait there). ``slot[0]`` is what the name holds now."""
    lo, hi = fn.arity
    n = len(args)
    if n < lo or (hi is not None and n > hi):
        def arity_error(env):
            raise LmacError(arity_message(name, fn.arity, n), pos)
        return arity_error

    def fallback(f, values):
        # Only code that was already running when the name was redefined gets here (bodies
        # recompile at their next call): run the new definition within what is left of the
        # running slice, as it cannot pause inside this expression.
        if type(f) is Builtin and f.simple:
            return call_builtin(f, values, pos)
        left = min(DEADLINE[0] - perf_counter(), NESTED_FALLBACK_S)
        value = session.run_nested(f, values, what=name, pos=pos, budget_s=max(left, MIN_FALLBACK_S),
                                   timeout=_LATE)
        if value is _LATE:
            raise LmacError("%s was redefined while this code was running, and the new %s did not "
                            "finish within the time slice here; the code calls the new %s once "
                            "it starts again" % (name, name, name), pos)
        return value

    if n == 2 and name in INLINE_OPS:
        # + - < <= > >= = : generated code applies the operator in place (generated.py).
        return generated.builtin_call(name, fn, args, slot, fallback, pos, builtin_error)
    if n == 1:
        a, = args
        pyfn1 = fn.fn

        def ev(env):
            x = a(env)
            if slot[0] is fn:
                try:
                    return pyfn1(x)
                except LmacError as e:
                    if e.pos is None:
                        e.pos = pos
                    raise
                except Exception as e:
                    raise builtin_error(fn, e, pos, [x])
            return fallback(slot[0], [x])
        return ev
    if n == 2:
        a, b = args
        pyfn = fn.fast2 or fn.fn

        def ev(env):
            x = a(env)
            y = b(env)
            if slot[0] is fn:
                try:
                    return pyfn(x, y)
                except LmacError as e:
                    if e.pos is None:
                        e.pos = pos
                    raise
                except Exception as e:
                    raise builtin_error(fn, e, pos, [x, y])
            return fallback(slot[0], [x, y])
        return ev

    def ev(env):
        values = [x(env) for x in args]
        if slot[0] is fn:
            return call_builtin(fn, values, pos)
        return fallback(slot[0], values)
    return ev


NESTED_FALLBACK_S = 2.0
MIN_FALLBACK_S = 0.0005
_LATE = object()


# ---- shapes of special forms ---------------------------------------------------------------
def _require(ok, message, pos):
    if not ok:
        raise LmacError(message, pos)


def _def_name(form):
    pos = _pos(form)
    _require(len(form) >= 3 and type(form[1]) is Symbol,
             "%s expects a name and a value, e.g. (%s x 1)" % (form[0].name, form[0].name), pos)
    return form[1].name


def _def_value(form, name):
    """(def x v) -> v; (defmacro m (params) body..) -> (fn m (params) body..) marked as a macro."""
    if form[0].name == "def":
        _require(len(form) == 3, "def expects a name and one value", _pos(form))
        return form[2]
    rest = list(form[2:])
    if rest and isinstance(rest[0], str):
        rest.pop(0)  # docstring
    return List([Symbol("macro*"), List([Symbol("fn"), Symbol(name)] + rest, pos=_pos(form))],
                pos=_pos(form))


def _bindings(form, pos):
    _require(len(form) >= 2 and type(form[1]) in (List, Vector),
             "%s expects bindings, e.g. (%s (a 1 b 2) ...)" % (form[0].name, form[0].name), pos)
    pairs = form[1]
    _require(len(pairs) % 2 == 0,
             "%s bindings come in pairs of a name and a value; %d forms is odd" % (form[0].name, len(pairs)),
             _pos(pairs, pos))
    names, values = [], []
    for i in range(0, len(pairs), 2):
        _require(type(pairs[i]) is Symbol, "%s binds names, not %s" % (form[0].name, describe(pairs[i])),
                 _pos(pairs, pos))
        names.append(pairs[i].name)
        values.append(pairs[i + 1])
    return names, values


def _params(params, pos):
    names, rest = [], None
    items = list(params)
    i = 0
    while i < len(items):
        p = items[i]
        _require(type(p) is Symbol, "parameters are names, not %s" % describe(p), pos)
        if p.name == "&":
            _require(i + 2 == len(items) and type(items[i + 1]) is Symbol,
                     "& is followed by exactly one name for the rest", pos)
            rest = items[i + 1].name
            break
        names.append(p.name)
        i += 1
    return names, rest


# ---- quasiquote ----------------------------------------------------------------------------
def quasiquote(form):
    """`x -> code that builds x, with ~y unquoted and ~@ys spliced (mal's algorithm)."""
    t = type(form)
    if t is Symbol:
        return List([Symbol("quote"), form], pos=form.pos)
    if t is Map:
        flat = List()
        for k, v in form.items():
            flat.extend([k, v])
        return List([Symbol("apply"), Symbol("hash-map"), quasiquote(flat)], pos=form.pos)
    if t not in (List, Vector):
        return form
    if t is List and _head(form) in ("unquote", "splice-unquote"):
        _require(len(form) == 2, "~ must be followed by one form", form.pos)
        if _head(form) == "splice-unquote":
            raise LmacError("~@ splices into a list or vector; here there is none around it", form.pos)
        return form[1]
    parts = []
    group = []
    for item in form:
        if _head(item) == "splice-unquote":
            _require(len(item) == 2, "~@ must be followed by one form", _pos(item, form.pos))
            if group:
                parts.append(List([Symbol("list")] + group))
                group = []
            parts.append(item[1])
        else:
            group.append(quasiquote(item))
    if group:
        parts.append(List([Symbol("list")] + group))
    built = List([Symbol("concat")] + parts, pos=form.pos)
    if t is Vector:
        return List([Symbol("vec"), built], pos=form.pos)
    return built
