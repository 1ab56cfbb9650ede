"""One load of an lmac file and what it imports, spread over ticks.

Reading (grammar/stepped.py) and running the top-level forms both stop at the slice's deadline and go on
at the next call, so a big init.lmac never holds Live's thread; the whole load may use LOAD_BUDGET_S
of lmac's time in all (reading included) and files may be at most MAX_FILE_BYTES.

    job = LoadJob(session, path, dyn, on_import=loader.library_frame)
    while not job.advance(slice_s): ...        # one call per tick
    job.error                                  # None when the load succeeded

A file's top level may not wait; an (import ...) inside a load is the one exception: its task
waits (Wait("library", ...)) while the job reads and runs the library, then goes on.
"""
from __future__ import annotations

import os
from time import perf_counter

from ..grammar.stepped import SteppedRead
from ..interpreter.machine import DONE, FAILED, READY, WAITING, Task
from ..interpreter.values import LmacError, Pos
from .namespaces import rename_symbols

LOAD_BUDGET_S = 2.0            # lmac's time a whole load may take, reading included
MAX_FILE_BYTES = 256 * 1024    # a bigger file is refused before it is read
SCOPE_KEY = "%load-scope"      # task.dyn key: the LoadScope of the load that started the task
READ_ALL = 1 << 30             # tokens per read step: only the slice's deadline ends it


def read_source(path):
    """The text of an lmac file, refused with a clear error when it is too big to load."""
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise LmacError("could not read %s: %s" % (path, e.strerror or e), Pos(path, 1, 1))
    if size > MAX_FILE_BYTES:
        raise LmacError("%s is %d KB; lmac loads files of up to %d KB (split it into libraries "
                        "with (import ...))" % (os.path.basename(path), (size + 1023) // 1024,
                                                MAX_FILE_BYTES // 1024), Pos(path, 1, 1))
    try:
        with open(path, encoding="utf-8") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except (IOError, OSError, UnicodeDecodeError) as e:
        raise LmacError("could not read %s: %s" % (path, e), Pos(path, 1, 1))


class LoadScope(object):
    """What one load started: the tasks it spawned carry it in their dyn, and ``on_cancel``
    callbacks undo the rest (event handlers). A reload cancels the previous load's scope."""

    def __init__(self, name):
        self.name = name
        self._cancels = []
        self.cancelled = False

    def on_cancel(self, fn):
        self._cancels.append(fn)

    def cancel(self, scheduler):
        self.cancelled = True
        for task in list(scheduler.tasks.values()):
            if task.dyn.get(SCOPE_KEY) is self and not task.finished:
                task.cancel()
        cancels, self._cancels = self._cancels, []
        for fn in cancels:
            fn()


class _Frame(object):
    """One file of the load: read it, then run its forms in one task."""

    def __init__(self, path, text, dyn, prepare=None, done=None, importer=None):
        self.path = path
        self.text = text
        self.dyn = dyn
        self.prepare = prepare      # fn(forms) -> the library's renames {old: new}, or None
        self.done = done            # fn(error or None) when the file has run (or failed)
        self.importer = importer    # the task waiting for this library, or None
        self.reader = SteppedRead(text, path)
        self.renaming = None        # (forms ready to run, forms done, the library's renames)
        self.task = None
        self.running = None         # fn(bool) told when this frame's code runs (a library's guard)


class LoadJob(object):
    def __init__(self, session, path, dyn, on_import=None, budget_s=LOAD_BUDGET_S, text=None, frame=None):
        self.session = session
        self.path = path
        self.budget_s = budget_s
        self.spent = 0.0
        self.error = None
        self.finished = False
        self.on_import = on_import  # fn(job, importer task, request) -> _Frame or None (loaded)
        self.frames = []
        self.text = None            # the top file's text, as read
        if frame is not None:        # a library loaded on its own (an import from the REPL)
            self.text = frame.text
            self.frames.append(frame)
            return
        try:
            self.text = read_source(path) if text is None else text
            self.frames.append(_Frame(path, self.text, dyn))
        except LmacError as e:
            self._end(e)

    def cancel(self):
        """Stop a load under way (a newer version of the file is there)."""
        if not self.finished:
            self._end(LmacError("replaced by a newer version", Pos(self.path, 1, 1)))

    def owns(self, task):
        return any(f.task is task for f in self.frames)

    def push(self, frame):
        self.frames.append(frame)

    def advance(self, slice_s):
        """Work for up to slice_s (and what is left of the load's budget); True when finished."""
        if self.finished:
            return True
        start = perf_counter()
        deadline = start + max(0.0, min(slice_s, self.budget_s - self.spent))
        try:
            self._work(deadline)
        except LmacError as e:
            self._end(e)
        except Exception as e:   # a bug must fail this load, reported, never Live's timer
            self._end(LmacError("internal error while loading: %s: %s" % (type(e).__name__, e)))
        finally:
            self.spent += perf_counter() - start
        if not self.finished and self.spent >= self.budget_s:
            frame = self.frames[-1] if self.frames else None
            pos = frame.task._current_pos() if frame is not None and frame.task is not None else None
            self._end(LmacError("loading took longer than %g s of lmac's time and was stopped"
                                % self.budget_s, pos or Pos(self.path, 1, 1)))
        return self.finished

    def run_to_end(self):
        """Finish now (start-up, checks): the load's budget still bounds it."""
        while not self.advance(self.budget_s):
            pass
        return self.error

    def _work(self, deadline):
        while self.frames:
            frame = self.frames[-1]
            if frame.task is None:
                try:
                    if not frame.reader.step(deadline, max_tokens=READ_ALL):
                        return
                    if frame.renaming is None:
                        frame.renaming = ([], 0, None)
                        if frame.prepare is not None:
                            frame.renaming = ([], 0, frame.prepare(frame.reader.forms))
                    if not self._rename(frame, deadline):
                        return
                except LmacError as e:
                    self._frame_failed(e)
                    continue
                from ..interpreter.session import _flatten_toplevel
                frame.task = Task(self.session, forms=_flatten_toplevel(frame.renaming[0]),
                                  name=os.path.basename(frame.path), dyn=frame.dyn)
            if frame.running is not None:
                frame.running(True)
            try:
                status = frame.task.step(deadline)
            finally:
                if frame.running is not None:
                    frame.running(False)
            if status == READY:
                return                                  # the slice is spent
            if status == DONE:
                self._frame_done(None)
            elif status == FAILED:
                self._frame_failed(frame.task.error)
            elif status == WAITING:
                request = frame.task.wait
                if request.kind == "library" and self.on_import is not None:
                    try:
                        child = self.on_import(self, frame.task, request.arg)
                    except LmacError as e:              # no such file, too big, a cycle
                        frame.task.fail_on_resume(e)
                        child = None
                    if child is None:                   # already loaded: go on at once
                        frame.task.resume_with(None)
                    else:
                        self.frames.append(child)
                    continue
                pos = frame.task._current_pos()
                frame.task.cancel()
                self._frame_failed(LmacError("a file's top-level forms cannot wait; put waiting code "
                                             "inside (spawn ...) or a function", pos))
            else:                                        # cancelled from outside
                self._frame_failed(LmacError("the load was cancelled", Pos(frame.path, 1, 1)))
            if self.finished:
                return

    RENAME_CHUNK = 64   # top-level forms renamed between two looks at the clock

    def _rename(self, frame, deadline):
        """A library's names are renamed (rename_symbols) a chunk of forms at a time; True when
        all its forms are ready to run."""
        done, i, mapping = frame.renaming
        forms = frame.reader.forms
        if not mapping:
            frame.renaming = (forms, len(forms), mapping)
            return True
        while i < len(forms):
            done.extend(rename_symbols(forms[i:i + self.RENAME_CHUNK], mapping))
            i += self.RENAME_CHUNK
            frame.renaming = (done, i, mapping)
            if i < len(forms) and perf_counter() >= deadline:
                return False
        return True

    def _frame_done(self, error):
        frame = self.frames.pop()
        if frame.done is not None:
            frame.done(error)
        if frame.importer is not None:
            if error is not None:
                frame.importer.fail_on_resume(error)   # raised where it imported: try/catch sees it
            frame.importer.resume_with(None)
        else:   # the file the job began with
            self._end(error)

    def _frame_failed(self, error):
        self._frame_done(error)

    def _end(self, error):
        for frame in self.frames:
            if frame.task is not None:
                frame.task.cancel()
        self.frames = []
        self.error = error
        self.finished = True
