"""Live.LomObject: the base of every object reachable through the Live Object Model."""
import threading

from ..lom import check_notification, live_callback

_get_ident = threading.get_ident


class LomObject(object):
    """this is the base class for an object that is accessible via the LOM"""

    def __init__(self, world, parent=None):
        self._world = world
        self._parent = parent
        self._dead = False
        self._listeners = None

    # Deleted objects compare equal to None, as Live's weak handles do (liveobj_valid is `obj != None`).
    def __eq__(self, other):
        if other is None:
            return self._dead
        return self is other

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__

    @property
    def _live_ptr(self):
        self._check()
        return id(self)

    @property
    def canonical_parent(self):
        """Get the canonical parent - the structural owner one step up the LOM tree."""
        self._check()
        return self._parent

    # -- guards used by every subclass ------------------------------------------------------
    def _check(self):
        if self._dead:
            raise RuntimeError("Object of type %s has been deleted from the Live Set" % type(self).__name__)
        if _get_ident() != self._world.main_thread:
            raise RuntimeError("The Live API can only be used from Live's main thread")

    def _check_write(self):
        self._check()
        check_notification(self._world)

    def _notify(self, name):
        listeners = self._listeners
        if listeners:
            entries = listeners.get(name)
            if entries:
                callbacks = [live_callback(e) for e in entries]
                if None in callbacks:      # weakly held owners that have gone: forget them
                    entries[:] = [e for e, c in zip(entries, callbacks) if c is not None]
                    self._world.listener_count -= len(callbacks) - len(entries)
                    callbacks = [c for c in callbacks if c is not None]
                self._world.deliver(callbacks)

    def _set_raw(self, name, value, after=None):
        old = self.__dict__["_" + name]
        self.__dict__["_" + name] = value
        if after is not None:
            after(self, old)
        if name in self._listenable:
            self._notify(name)

    def _change(self, name, value, undoable=True, after=None):
        """Write a stored property: no-op when unchanged, undo recorded, listeners told."""
        old = self.__dict__["_" + name]
        if old == value and type(old) == type(value):
            return
        if undoable:
            self._world.undo.record(lambda: self._set_raw(name, old, after),
                                    lambda: self._set_raw(name, value, after))
        self._set_raw(name, value, after)

    def _kill(self):
        """Deleted from the set: drop listeners, compare equal to None from now on."""
        if self._dead:
            return
        if self._listeners:
            self._world.listener_count -= sum(len(v) for v in self._listeners.values())
        self._listeners = None
        self._dead = True
        for child in self._children():
            child._kill()

    def _revive(self):
        """Brought back by undo of a deletion (listeners are not restored, as in Live)."""
        self._dead = False
        for child in self._children():
            child._revive()

    def _children(self):
        return ()

    def _count_listeners(self):
        return sum(len(v) for v in self._listeners.values()) if self._listeners else 0

    _listenable = frozenset()


__all__ = ["LomObject"]
