"""Live's undo history for virtual Live: every LOM change records an (undo, redo) closure pair.

Changes between begin_undo_step() and end_undo_step() form one step; any other change is a step
of its own. Replaying a step records nothing.
"""


class UndoHistory(object):
    def __init__(self):
        self.done = []
        self.undone = []
        self._open = None
        self._depth = 0
        self._quiet = 0

    def begin(self):
        if self._depth == 0:
            self._open = []
        self._depth += 1

    def end(self):
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0:
            step, self._open = self._open, None
            if step:
                self.done.append(step)
                del self.undone[:]

    def record(self, undo, redo):
        if self._quiet:
            return
        if self._open is not None:
            self._open.append((undo, redo))
        else:
            self.done.append([(undo, redo)])
            del self.undone[:]

    def quiet(self):
        """Context manager: changes made inside are parts of a bigger change recorded by the caller."""
        return _Quiet(self)

    def close_open_step(self):
        while self._depth:
            self.end()

    def undo(self):
        self.close_open_step()
        if not self.done:
            return False
        step = self.done.pop()
        with self.quiet():
            for undo, _redo in reversed(step):
                undo()
        self.undone.append(step)
        return True

    def redo(self):
        self.close_open_step()
        if not self.undone:
            return False
        step = self.undone.pop()
        with self.quiet():
            for _undo, redo in step:
                redo()
        self.done.append(step)
        return True


class _Quiet(object):
    def __init__(self, history):
        self.history = history

    def __enter__(self):
        self.history._quiet += 1

    def __exit__(self, *exc):
        self.history._quiet -= 1
        return False
