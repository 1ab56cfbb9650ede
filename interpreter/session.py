"""The embedding API: one lmac world (globals, scheduler, clock) that the surface and tests drive.

    s = Session(clock=TestClock())
    s.eval("(+ 1 2)")              # 3
    task = s.spawn("(wait-bars 1)")  # scheduled; s.tick() runs it
"""
from __future__ import annotations

import os
from time import perf_counter

from .budget import LINE_COST, MAX_READ_CHARS, charge, check_chars
from .builtins import BUILTINS, FAST2
from .clock import SystemClock
from .compiler import Compiler
from .control import CONTROL
from .machine import DONE, FAILED, READY, WAITING, Task, call_code
from .printer import pr_str
from .scheduler import Scheduler
from .values import Builtin, List, LmacError, Symbol

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.join(os.path.dirname(HERE), "stdlib_macros")

READ_STRING = "<read-string>"   # the file of forms read at run time by read-string
OUTPUT_KEY = object()    # task.dyn key of a task's own output sink (see output_for)
NESTED_BUDGET_S = 2.0   # a macro expansion that runs longer than this is stopped
PER_TICK_BUDGET_S = 0.005   # a predicate or LED evaluated every tick gets this much


class Session(object):
    def __init__(self, clock=None, prelude=True, output=None):
        self.globals = Globals()
        self.docs = {}                      # name -> doc text, for :doc and completion
        self.clock = clock or SystemClock()
        self.scheduler = Scheduler(self, self.clock)
        self.compiler = Compiler(self)
        self.output = output or (lambda text: print(text, end=""))
        self.error_handlers = []            # fn(task, error) for unsupervised failures
        self.notice_handlers = []           # fn(task, error) for warnings: the task goes on
        self.cycle_positions = {}           # (cycle ...) source place -> the branch it ran last
        for name, fn, arity, doc in BUILTINS:
            self.define_builtin(name, fn, arity, doc).fast2 = FAST2.get(name)
        for name, fn, arity, doc in CONTROL:
            self.define_builtin(name, fn, arity, doc, control=True)
        self._install_io()
        if prelude:
            self.load_file(os.path.join(STDLIB, "prelude.lmac"))

    # ---- definitions ------------------------------------------------------------------------
    def define(self, name, value, doc=None):
        self.globals[name] = value
        if name in self.compiler.slots:
            self.compiler.rebound(name)
        if doc:
            self.docs[name] = doc

    def define_builtin(self, name, fn, arity=(0, None), doc="", simple=True, control=False, meta=None):
        b = Builtin(name, fn, arity, doc, simple=simple, control=control, meta=meta)
        self.define(name, b, doc)
        return b

    def _install_io(self):
        def println(task, *xs):
            # As Clojure: text without quotes, but nil shows as nil (str would make it empty).
            self.output_for(task)(_line([pr_str(x, readably=False) for x in xs], "println"))

        def prn(task, *xs):
            self.output_for(task)(_line([pr_str(x) for x in xs], "prn"))

        def read_string(text):
            from ..grammar.reader import read_one
            if isinstance(text, str) and len(text) > MAX_READ_CHARS:
                # The reader works about a character a microsecond: keep one call to a few ms.
                raise LmacError("read-string reads at most %d characters at once, got %d"
                                % (MAX_READ_CHARS, len(text)))
            return read_one(text, READ_STRING)

        self.define_builtin("println", println, doc="Print values as text, then a new line.", control=True)
        self.define_builtin("prn", prn, doc="Print values readably, then a new line.", control=True)
        self.define_builtin("read-string", read_string, (1, 1), "Read one form from text.")
        self.define_builtin("set-doc!", lambda name, text: self.docs.__setitem__(getattr(name, "name", name), text),
                            (2, 2), "Attach documentation to a name (defn does this).")
        self.define_builtin("doc", lambda name: self.docs.get(getattr(name, "name", name)), (1, 1),
                            "The documentation of a name: (doc 'map).")

        def expansion_key():
            form = self.compiler.expanding
            pos = getattr(form, "pos", None)
            return str(pos) if pos is not None else pr_str(form)
        self.define_builtin("%expansion-key", expansion_key, (0, 0),
                            "Inside a macro: a text naming the place of the form being expanded.",
                            simple=False)

    def output_for(self, task):
        """Where a task's println goes: the sink its dynamic context names under OUTPUT_KEY
        (a REPL request captures its own output, and that of the tasks it spawns), else output."""
        return task.dyn.get(OUTPUT_KEY) or self.output

    # ---- reading and running ------------------------------------------------------------------
    def read(self, text, file="<input>"):
        from ..grammar.reader import read_all
        return read_all(text, file)

    def spawn(self, source, file="<input>", name=None, dyn=None, run_now=False):
        """Start a task evaluating ``source`` (text or a list of forms). Top-level forms compile
        one at a time, so a macro defined by one form applies to the next."""
        forms = self.read(source, file) if isinstance(source, str) else list(source)
        task = Task(self, forms=_flatten_toplevel(forms), name=name, dyn=dyn)
        task.on_done.append(self._report)
        if run_now:
            self.scheduler.run_now(task)
        else:
            self.scheduler.add(task)
        return task

    def task_for_call(self, fn, args, name=None, dyn=None, parent=None):
        """A task that calls ``fn`` with ``args`` (bindings, spawn, par branches)."""
        code = call_code(name or getattr(fn, "name", None) or "call", fn, args, getattr(fn, "pos", None))
        task = Task(self, code=code, name=name, dyn=dyn, parent=parent)
        task.on_done.append(self._report)
        return task

    def call(self, fn, args=(), name=None, dyn=None, run_now=True):
        """Start an lmac function as a task; by default its first slice runs at once."""
        task = self.task_for_call(fn, list(args), name=name, dyn=dyn)
        if run_now:
            self.scheduler.run_now(task)
        else:
            self.scheduler.add(task)
        return task

    def run_nested(self, fn, args, what="this", pos=None, dyn=None, budget_s=NESTED_BUDGET_S,
                   timeout=None):
        """Run a function to completion right now (macro expansion, predicates, LEDs). It may not
        wait, and it is stopped after budget_s: callers that run every tick pass a few ms, so a
        runaway predicate cannot freeze Live. Running out of time is an error, or returns
        ``timeout`` when the caller gives one (it decides whose fault that was)."""
        task = Task(self, code=call_code(what, fn, args, pos), dyn=dyn)
        status = task.step(perf_counter() + budget_s)
        if status == DONE:
            return task.value
        if status == FAILED:
            raise task.error
        task.cancel()
        if status == WAITING:
            raise LmacError("%s cannot wait (it runs while lmac reads or checks code)" % what, pos)
        if timeout is not None:
            return timeout
        raise LmacError("%s took longer than %g ms and was stopped" % (what, budget_s * 1000.0), pos)

    def eval(self, source, file="<input>", max_ms=600000.0, dyn=None):
        """Evaluate and return the value, driving the clock if the code waits. Raises LmacError."""
        task = self.spawn(source, file, dyn=dyn)
        task.on_done.remove(self._report)
        self.drive(task, max_ms)
        if task.status == FAILED:
            raise task.error
        return task.value

    def drive(self, task, max_ms=600000.0, tick_ms=10.0):
        """Tick (and advance a test clock) until ``task`` finishes or max_ms of clock time pass."""
        clock = self.clock
        start = clock.now_ms()
        advance = getattr(clock, "advance", None)
        while not task.finished:
            self.scheduler.tick()
            if task.finished:
                break
            if clock.now_ms() - start > max_ms:
                task.cancel()
                raise LmacError("still waiting after %g s; stopped" % (max_ms / 1000.0))
            if task.status == READY:
                continue   # still computing: time stands still for it
            if advance is not None:
                advance(tick_ms)
            else:
                import time
                time.sleep(tick_ms / 1000.0)

    def tick(self, budget_ms=None):
        self.scheduler.tick(budget_ms)

    def load_file(self, path, name=None):
        """Evaluate a whole file now (the prelude, libraries). A file is declarations: its top
        level may not wait (inside Live nothing may block the main thread). Raises LmacError."""
        with open(path, encoding="utf-8") as f:
            text = f.read()
        task = Task(self, forms=_flatten_toplevel(self.read(text, name or path)), name=name or path)
        status = task.step(perf_counter() + NESTED_BUDGET_S)
        if status == DONE:
            return task.value
        if status == FAILED:
            raise task.error
        pos = task._current_pos()
        task.cancel()
        if status == WAITING:
            raise LmacError("a file's top level cannot wait; put waiting code in a function", pos)
        raise LmacError("loading %s took longer than %g s and was stopped" % (path, NESTED_BUDGET_S), pos)

    # ---- errors -------------------------------------------------------------------------------
    def _report(self, task):
        if task.status == FAILED and not task.supervised:
            for handler in self.error_handlers:
                handler(task, task.error)

    def notice(self, task, error):
        """Report something about a running task that does not stop it (a macro computing for
        long without waiting): an LmacError with its place, given to the notice handlers."""
        for handler in self.notice_handlers:
            handler(task, error)

    def describe(self, value):
        """A result as the REPL shows it: never an error, a huge or endless value cut short."""
        return pr_str(value, truncate=True)


class Globals(dict):
    """The global namespace. ``guard(name, value)``, when set, sees every definition first and
    may refuse it by raising LmacError (the library loader refuses a shared library's run-time
    definitions of names it does not own)."""

    __slots__ = ("guard",)

    def __init__(self, *args):
        dict.__init__(self, *args)
        self.guard = None

    def __setitem__(self, name, value):
        if self.guard is not None:
            self.guard(name, value)
        dict.__setitem__(self, name, value)


def _line(parts, who):
    """One printed line; its length is charged to the slice and limited like any text."""
    check_chars(sum(len(p) for p in parts) + len(parts), who)
    charge(LINE_COST)
    return " ".join(parts) + "\n"


def _flatten_toplevel(forms):
    """(do a b) at top level runs as separate top-level forms, so a defmacro inside it applies
    to the forms after it (as in Clojure)."""
    out = []
    stack = list(reversed(forms))
    while stack:
        form = stack.pop()
        if type(form) is List and form and type(form[0]) is Symbol and form[0].name in ("do",) \
                and len(form) > 1:
            stack.extend(reversed(form[1:]))
        else:
            out.append(form)
    return out
