"""A minimal Remote Script for trying bindings without the full LmacScript: a session on Live's
clock, ticked from update_display, with the surface components attached. Tests and dry runs load
it with VirtualHost(testbed); ``configure`` sets what the next instance gets."""
from __future__ import annotations

from typing import Any, Dict

from ...interpreter.clock import SystemClock
from ...interpreter.session import Session

OPTIONS: Dict[str, Any] = {"user_library": None, "setup": None, "repl": False, "load_at_once": True}


def configure(user_library=None, setup=None, repl=False, load_at_once=True):
    """setup(session) runs before the components attach (e.g. to define test actions);
    load_at_once: init.lmac is loaded before the script starts (Live loads it over ticks)."""
    OPTIONS.update(user_library=user_library, setup=setup, repl=repl, load_at_once=load_at_once)


def _clock(song):
    if hasattr(song, "_world"):       # virtual Live: virtual milliseconds and song time
        from ..virtual_live.clock import VirtualClock
        return VirtualClock(song)
    return SystemClock()


class TestbedScript(object):
    __test__ = False
    components: Any   # set by attach()

    def __init__(self, c_instance):
        from ..components import attach
        self.c_instance = c_instance
        self.session = Session(clock=_clock(c_instance.song()))
        self.errors = []
        self.session.error_handlers.append(self._on_error)
        if OPTIONS["setup"] is not None:
            OPTIONS["setup"](self.session)
        attach(self, user_library=OPTIONS["user_library"], repl=OPTIONS["repl"],
               load_at_once=OPTIONS.get("load_at_once", True))

    def _on_error(self, task, error):
        self.errors.append(error)
        self.components.report(error.located())

    def update_display(self):
        self.session.tick()

    def build_midi_map(self, midi_map_handle):
        pass

    def receive_midi(self, midi_bytes):
        pass

    def disconnect(self):
        pass


def create_instance(c_instance):
    return TestbedScript(c_instance)


def create_live_instance(c_instance):
    """The real LmacScript with the components attached (until LmacScript attaches them itself)."""
    from ..components import attach
    from ..live_clock import LiveClock
    from ..remote_script import LmacScript
    song = c_instance.song()
    clock_factory = None
    if hasattr(song, "_world"):   # virtual Live: LiveClock on virtual milliseconds (deterministic)
        clock_factory = lambda s: LiveClock(s, now_ms_fn=lambda: s._world.now_ms)
    script = LmacScript(c_instance, clock_factory=clock_factory)
    if getattr(script, "surface", None) is None:
        attach(script, user_library=OPTIONS["user_library"], repl=OPTIONS["repl"])
    return script


class LiveScriptModule(object):
    """Pass to VirtualHost: loads LmacScript with the components."""
    create_instance = staticmethod(create_live_instance)
