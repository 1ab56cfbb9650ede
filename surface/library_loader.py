"""Loading lmac files inside Live: init.lmac at start-up, (import "name") libraries,
(use-surface "name") controller profiles, and hot reload when a loaded file changes.

A load evaluates init.lmac (and what it imports) into a fresh bindings table; only when the whole
load succeeds is the table handed on (``on_table``), so a broken file is reported with positions
and the previous bindings keep working. Definitions made before the error stay defined.

Libraries only define things and call actions: lmac has no file, network or Python access, and
import names are plain words that cannot leave the library folders.
"""
from __future__ import annotations

import os
from time import perf_counter
from typing import Any

from ..interpreter.machine import DONE, FAILED, WAITING, Task
from ..interpreter.printer import describe
from ..interpreter.session import READ_STRING
from ..interpreter.requests import Wait
from ..interpreter.values import Keyword, LmacError
from .bindings.builtins import TABLE_KEY
from .bindings.table import BindingTable
from .library_path import STDLIB, find_library, is_library_name, library_dirs, surface_dirs
from .load_job import LOAD_BUDGET_S, SCOPE_KEY, LoadJob, LoadScope, _Frame, read_source
from .load_rules import TOP_LEVEL_WAIT, wait_position
from .namespaces import top_level_definitions
from .user_library import init_path, last_good_path

POLL_MS = 500.0          # how often loaded files are stat-ed for changes


IMPORT_MACRO = """
(defmacro import (name & options)
  "(import \\"mixing\\") loads stdlib_macros/mixing.lmac or <User Library>/lmac/lib/mixing.lmac (once
per load); (import \\"mixing\\" :as mx) also names its definitions mx/duck, mx/... ."
  `(%import ~name '~options))
"""


def run_text(session, text, file, dyn=None, budget_s=LOAD_BUDGET_S):
    """Evaluate a file's forms one by one, now (macros defined early apply later). Top-level
    forms may not wait: a file is declarations; background work goes in (spawn ...)."""
    return run_forms(session, session.read(text, file), file, dyn, budget_s)


def run_forms(session, forms, file, dyn=None, budget_s=LOAD_BUDGET_S):
    from ..interpreter.session import _flatten_toplevel
    task = Task(session, forms=_flatten_toplevel(forms), name=os.path.basename(file), dyn=dyn)
    status = task.step(perf_counter() + budget_s)
    if status == DONE:
        return task.value
    if status == FAILED:
        error: Any = task.error   # set whenever the status is FAILED
        raise error
    pos = wait_position(task) if status == WAITING else task._current_pos()
    task.cancel()
    if status == WAITING:
        raise LmacError(TOP_LEVEL_WAIT, pos)
    raise LmacError("loading took longer than %g s and was stopped" % budget_s, pos)


def parse_version(text, what):
    try:
        parts = [int(p) for p in str(text).split(".")]
    except ValueError:
        raise LmacError("%s is a version like \"12.1\", got %s" % (what, describe(text)))
    return tuple(parts + [0, 0])[:3]


class LibraryLoader(object):
    def __init__(self, session, user_library=None, live_version=(12, 3, 0), report=None, on_table=None,
                 stdlib_dir=STDLIB, poll_ms=POLL_MS, library_path=None, init_file=None):
        self.session = session
        self.user_library = user_library
        self.library_path = list(library_path or ())   # --library-path folders (lmac run, repl)
        self.init_override = init_file                 # a file loaded as init.lmac (lmac run --as-init)
        self.live_version = tuple(live_version) + (0,) * (3 - len(live_version))
        self.report = report or (lambda text: None)
        self.on_table = on_table or (lambda table: None)
        self.stdlib_dir = stdlib_dir
        self.poll_ms = poll_ms
        self.files = {}            # path -> mtime of every user file the last load read
        self.libraries = {}        # library name -> header map, from (library ...) forms
        self.loads = 0             # successful loads
        self.failures = 0
        self.last_error = None
        self._next_poll = 0.0
        self._loaded = {}          # (path, alias) -> names it defined, during one load
        self.owners = {}           # global name -> the library file that defined it
        self._loading = []         # import stack, to catch cycles
        self._touched = {}
        self._running = []         # the library whose code runs now (innermost last)
        self._defined = {}         # library path -> names it defined during this load
        self.library_paths = set()  # every file read as a library (its code is library code)
        self.scope = None          # the LoadScope of the version running now
        self._job: Any = None      # (LoadJob, table, scope, path) of a load under way
        self._fallback = False     # begin(): if the first load fails, run the last good version
        self._jobs = []            # loads under way (a REPL import runs one inside another)
        self.running_last_good = False
        self._install()
        self._core = frozenset(session.globals)   # lmac's own names: no library may replace them
        # What a shared library defines is checked where it happens, not only in its top-level
        # syntax: (when true (def + ...)) or (eval '(defn arm ...)) are refused like (def + ...).
        session.globals.guard = self._guard_definition
        session.compiler.definition_check = self._check_compiled_definition

    # ---- builtins ------------------------------------------------------------------------
    def _install(self):
        session = self.session
        original_library = session.globals["library"].fn

        def library(name, *options):
            header = original_library(name, *options)
            needs = header.get(Keyword.of("requires-live"))
            if needs is not None and parse_version(needs, ":requires-live") > self.live_version:
                raise LmacError("the library \"%s\" needs Live %s or newer; this is Live %s"
                                % (name, needs, ".".join(str(p) for p in self.live_version[:2])))
            self.libraries[name] = header
            return header

        def import_(task, name, options):
            options = list(options or ())
            alias = None
            if options:
                if len(options) != 2 or options[0] != Keyword.of("as"):
                    raise LmacError("import takes a name and optionally :as, e.g. (import \"mixing\" :as mx)")
                alias = getattr(options[1], "name", options[1])
                if not isinstance(alias, str) or not alias:
                    raise LmacError("import :as expects a short name, e.g. :as mx")
            path = find_library("import", name, self.import_dirs())
            return self._import(task, path, alias)

        def use_surface(task, name):
            return self._import(task, find_library("use-surface", name, self.surface_dirs()), None)

        session.define_builtin("library", library, (1, None), session.globals["library"].doc)
        session.define_builtin("%import", import_, (2, 2), "The import macro's helper.", control=True)
        run_text(session, IMPORT_MACRO, "<library_loader>")
        session.define_builtin("use-surface", use_surface, (1, 1),
                               "(use-surface \"launchpad-x\") loads a controller profile from "
                               "stdlib_macros/surfaces/ or <User Library>/lmac/surfaces/.", control=True)

    def find(self, form, name, dirs):
        return find_library(form, name, dirs)

    def import_dirs(self):
        """Where (import ...) looks: the one library search path (surface/library_path.py)."""
        return library_dirs(self.user_library, self.library_path, self.stdlib_dir)

    def surface_dirs(self):
        return surface_dirs(self.user_library, self.library_path, self.stdlib_dir)

    def _import(self, task, path, alias):
        """(import ...) and (use-surface ...): nothing if this load has it already; inside a load,
        the importing task waits while the load job reads and runs the library over ticks;
        elsewhere (the REPL, `lmac run`) the library loads now, within the load budget."""
        if (path, alias) in self._loaded:
            return None
        for job in self._jobs:
            if job.owns(task):
                return Wait("library", (path, alias))
        frame = self.library_frame(None, task, (path, alias), top=True)
        job = LoadJob(self.session, path, task.dyn, on_import=self.library_frame, frame=frame)
        # Outside a load (a REPL line, `lmac run`): now, within the load budget and size limit, so a
        # dry run's timeline does not depend on how fast this computer reads.
        self._run_now(job)
        if job.error is not None:
            raise job.error
        return None

    def library_frame(self, job, importer, request, top=False):
        """The load job's step for one library: read it, refuse clashes, rename its %helpers
        (and everything, with :as), run it with its definitions guarded. Once per load and alias.
        Its %helpers go under its own name, so a shared library never breaks another."""
        path, alias = request
        if (path, alias) in self._loaded:
            return None
        if path in self._loading:
            raise LmacError("import cycle: %s" % " -> ".join(os.path.basename(p) for p in self._loading + [path]))
        text = self._read(path)
        library = _library_name(path)
        planned = []

        def prepare(forms):
            mapping = {}
            defined = top_level_definitions(forms)
            for name in defined:
                if name.startswith("%"):
                    mapping[name] = library + "/" + name
                elif alias:
                    mapping[name] = alias + "/" + name
            names = [mapping.get(n, n) for n in defined]
            self._refuse_clashes(library, path, names, alias)
            self.library_paths.add(path)
            planned.extend(names)
            return mapping

        def done(error):
            if path in self._loading:
                self._loading.remove(path)
            if error is None:
                for name in planned + sorted(self._defined.get(path, ())):
                    self.owners[name] = path
                self._loaded[(path, alias)] = planned

        def running(on):
            if on:
                self._running.append(path)
            else:
                self._running.pop()

        self._loading.append(path)
        frame = _Frame(path, text, importer.dyn, prepare, done, None if top else importer)
        frame.running = running
        return frame

    def _owner_text(self, name):
        owner = self.owners.get(name)
        if owner is not None:
            return 'the library "%s"' % _library_name(owner)
        return "lmac itself" if name in self._core else "your own code"

    def _may_define(self, path, name):
        return (name not in self.session.globals or self.owners.get(name) == path
                or name in self._defined.get(path, ()))

    def _refusal(self, path, name, pos=None):
        return LmacError('the library "%s" cannot define %s: %s defines it, and a shared library may not '
                         'replace what something else defined (choose another name)'
                         % (_library_name(path), name, self._owner_text(name)), pos)

    def _guard_definition(self, name, value):
        """Every global definition while a library's code runs (whatever form made it)."""
        if not self._running:
            return
        path = self._running[-1]
        if not self._may_define(path, name):
            raise self._refusal(path, name)
        self._defined.setdefault(path, set()).add(name)

    def _check_compiled_definition(self, name, pos):
        """A (def ...) written in a library's text, compiled now or later (a function body, a
        quoted form handed to eval): refused at once if it would replace someone else's name."""
        path = getattr(pos, "file", None)
        if path in self.library_paths and (name in self._core or self.owners.get(name, path) != path):
            raise self._refusal(path, name, pos)
        if (path is None or path == READ_STRING) and not self._running \
                and (name in self._core or name in self.owners):   # (while a library loads, the guard names it)
            # Code built at run time ((eval (list 'def ...)), read-string) has no author to ask:
            # whoever runs it (a library's function, called later), it may not replace lmac's
            # names or a library's. Written in someone's own file, the def says who defines.
            raise LmacError("a definition built at run time cannot replace %s: %s defines it; write "
                            "(def %s ...) in your own file to replace it there"
                            % (name, self._owner_text(name), name), pos)

    def _refuse_clashes(self, library, path, names, alias):
        for name in names:
            if name in self.session.globals and self.owners.get(name) != path:
                hint = "" if alias else "; import it with :as (e.g. (import \"%s\" :as %s)) to keep its names apart" % (
                    library, library[:3])
                raise LmacError("the library \"%s\" defines %s, which is already defined%s"
                                % (library, name, hint))

    def _read(self, path):
        self._touched[path] = _mtime(path)
        return read_source(path)

    # ---- loading ------------------------------------------------------------------------------
    def init_file(self):
        if self.init_override:
            return self.init_override
        return init_path(self.user_library) if self.user_library else None

    def load(self):
        """(Re)load init.lmac into a fresh table, now (start-up). True on success (the table was
        handed on). At start-up a file that fails runs the last version that loaded instead."""
        self._run_now(self.start_load())
        ok = self._finish_load()
        if not ok and self.loads == 0:
            self._run_last_good()
        return ok

    def begin(self):
        """Live's start-up: load init.lmac a slice per tick (poll carries it on); if it fails,
        the last version that loaded runs instead, also over ticks."""
        self._fallback = True
        self.start_load()

    def start_load(self, path=None):
        """Begin a load of init.lmac (or ``path``); poll() carries it on, a slice per tick."""
        if self._job is not None:   # a newer version replaces a load under way
            job, _, scope, _ = self._job
            job.cancel()
            scope.cancel(self.session.scheduler)
        path = path or self.init_file()
        table = BindingTable()
        scope = LoadScope(path)
        self._loaded = {}
        self._loading = []
        self._touched = {}
        self._running = []
        self._defined = {}
        if path and os.path.isfile(path):
            job = LoadJob(self.session, path, {TABLE_KEY: table, SCOPE_KEY: scope},
                          on_import=self.library_frame)
        else:
            job = LoadJob(self.session, path or "init.lmac", None, text="")
        self._job = (job, table, scope, path)
        return job

    def advance_load(self, slice_s):
        """One tick's share of the load under way; True when it has finished."""
        if self._job is None:
            return True
        job = self._job[0]
        self._jobs.append(job)
        try:
            finished = job.advance(slice_s)
        finally:
            self._jobs.remove(job)
        if finished:
            self._finish_load()
        return finished

    def _finish_load(self):
        job, table, scope, path = self._job
        self._job = None
        init = self.init_file()
        if path and job.text is not None:
            self._touched.setdefault(path, _mtime(path))
        # Watch what this load read (even a failed one: the fix will change one of them).
        watched = dict((p, m) for p, m in self._touched.items() if not p.startswith(self.stdlib_dir))
        if path != init and init:      # the last good copy runs: watch the user's file instead
            watched.pop(path, None)
            watched[init] = _mtime(init)
        self.files = watched
        if job.error is None:
            self._fallback = False
            self.loads += 1
            self.last_error = None
            self.on_table(table.finalize())
            if self.scope is not None:   # what the previous version started ends with it
                self.scope.cancel(self.session.scheduler)
            self.scope = scope
            self.running_last_good = path != init
            if path == init and job.text is not None:
                self._save_last_good(job.text)
            return True
        scope.cancel(self.session.scheduler)   # what the broken version started goes too
        self.failures += 1
        self.last_error = job.error
        self.report_error(job.error)
        if self._fallback and self.loads == 0 and path == init:
            self._fallback = False
            last = self.last_good_file()
            if last and os.path.isfile(last):
                self.report("running the last version of init.lmac that loaded (kept in %s) until the "
                            "error above is fixed" % last)
                self.start_load(last)
        return False

    # ---- the last version that loaded --------------------------------------------------------
    def last_good_file(self):
        if self.init_override:   # a dry run of another file (lmac run --as-init) keeps no copies
            return None
        return last_good_path(self.user_library) if self.user_library else None

    def _save_last_good(self, text):
        """Keep a copy of init.lmac as it last loaded, in lmac's folder beside it (never the
        user's file), so a start-up with a broken init.lmac still runs the version before."""
        path = self.last_good_file()
        if not path:
            return
        try:
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    if f.read() == text:
                        return
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
        except (IOError, OSError) as e:
            self.report("could not keep a copy of init.lmac as it last loaded: %s" % e)

    def _run_last_good(self):
        path = self.last_good_file()
        if not path or not os.path.isfile(path):
            return False
        self.report("running the last version of init.lmac that loaded (kept in %s) until the "
                    "error above is fixed" % path)
        self._run_now(self.start_load(path))
        return self._finish_load()

    def _run_now(self, job):
        self._jobs.append(job)
        try:
            job.run_to_end()
        finally:
            self._jobs.remove(job)

    def report_error(self, error):
        """Report a load error: the first line says file:line:col and what went wrong."""
        text = error.format() if hasattr(error, "format") else str(error)
        self.report(text[len("error: "):] if text.startswith("error: ") else text)

    def poll(self, now_ms):
        """Called each tick: at most every poll_ms, stat the loaded files and reload on a change."""
        if self._job is not None:
            self.advance_load(self.slice_s())
            return True
        if now_ms < self._next_poll:
            return False
        self._next_poll = now_ms + self.poll_ms
        for path, mtime in list(self.files.items()):
            if _mtime(path) != mtime:
                self.start_load()
                self.advance_load(self.slice_s())
                return True
        return False

    def slice_s(self):
        """A reload's share of one tick: half the scheduler's budget (the tick's tasks get the rest)."""
        return self.session.scheduler.budget_ms / 2000.0


_MISSING = object()


def _library_name(path):
    base = os.path.basename(path)
    return base[:-len(".lmac")] if base.endswith(".lmac") else base


def _mtime(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns if hasattr(st, "st_mtime_ns") else st.st_mtime, st.st_size)
    except OSError:
        return None
