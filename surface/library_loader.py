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
from ..interpreter.values import Keyword, LmacError
from .bindings.builtins import TABLE_KEY
from .bindings.table import BindingTable
from .library_path import STDLIB, find_library, library_dirs, surface_dirs
from .load_rules import TOP_LEVEL_WAIT, wait_position
from .namespaces import rename_symbols, top_level_definitions
from .user_library import init_path

POLL_MS = 500.0          # how often loaded files are stat-ed for changes
LOAD_BUDGET_S = 2.0      # a file whose top level computes longer than this is stopped


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
        self._install()

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
            self._load_library(task, path, alias)
            return None

        def use_surface(task, name):
            self._load_library(task, find_library("use-surface", name, self.surface_dirs()))
            return None

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

    def _load_library(self, task, path, alias=None):
        """Evaluate a library once per load (and alias); returns the global names it defined.

        Its %helpers go under its own name and, with an alias, everything under the alias; a
        definition that would replace a name something else defined is an error, so a shared
        library can never break the core, the actions or another library."""
        key = (path, alias)
        if key in self._loaded:
            return self._loaded[key]
        if path in self._loading:
            raise LmacError("import cycle: %s" % " -> ".join(os.path.basename(p) for p in self._loading + [path]))
        self._loading.append(path)
        try:
            forms = self.session.read(self._read(path), path)
            library = os.path.basename(path)[:-len(".lmac")]
            mapping = {}
            for name in top_level_definitions(forms):
                if name.startswith("%"):
                    mapping[name] = library + "/" + name
                elif alias:
                    mapping[name] = alias + "/" + name
            names = [mapping.get(n, n) for n in top_level_definitions(forms)]
            self._refuse_clashes(library, path, names, alias)
            run_forms(self.session, rename_symbols(forms, mapping) if mapping else forms, path, dyn=task.dyn)
        finally:
            self._loading.pop()
        for name in names:
            self.owners[name] = path
        self._loaded[key] = names
        return names

    def _refuse_clashes(self, library, path, names, alias):
        for name in names:
            if name in self.session.globals and self.owners.get(name) != path:
                hint = "" if alias else "; import it with :as (e.g. (import \"%s\" :as %s)) to keep its names apart" % (
                    library, library[:3])
                raise LmacError("the library \"%s\" defines %s, which is already defined%s"
                                % (library, name, hint))

    def _read(self, path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self._touched[path] = _mtime(path)
        return text

    # ---- loading ------------------------------------------------------------------------------
    def init_file(self):
        if self.init_override:
            return self.init_override
        return init_path(self.user_library) if self.user_library else None

    def load(self):
        """(Re)load init.lmac into a fresh table. True on success (the table was handed on)."""
        path = self.init_file()
        table = BindingTable()
        self._loaded = {}
        self._loading = []
        self._touched = {}
        ok = True
        try:
            if path and os.path.isfile(path):
                run_text(self.session, self._read(path), path, dyn={TABLE_KEY: table})
        except LmacError as e:
            ok = False
            self.failures += 1
            self.last_error = e
            self.report_error(e)
        except (IOError, OSError, UnicodeDecodeError) as e:
            ok = False
            self.failures += 1
            self.last_error = e
            self.report("could not read %s: %s" % (path, e))
        if path:
            self._touched.setdefault(path, _mtime(path))
        # Watch what this load read (even a failed one: the fix will change one of them).
        self.files = dict((p, m) for p, m in self._touched.items() if not p.startswith(self.stdlib_dir))
        if ok:
            self.loads += 1
            self.last_error = None
            self.on_table(table.finalize())
        return ok

    def report_error(self, error):
        """Report a load error: the first line says file:line:col and what went wrong."""
        text = error.format() if hasattr(error, "format") else str(error)
        self.report(text[len("error: "):] if text.startswith("error: ") else text)

    def poll(self, now_ms):
        """Called each tick: at most every poll_ms, stat the loaded files and reload on a change."""
        if now_ms < self._next_poll:
            return False
        self._next_poll = now_ms + self.poll_ms
        for path, mtime in list(self.files.items()):
            if _mtime(path) != mtime:
                self.load()
                return True
        return False


_MISSING = object()


def _mtime(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns if hasattr(st, "st_mtime_ns") else st.st_mtime, st.st_size)
    except OSError:
        return None
