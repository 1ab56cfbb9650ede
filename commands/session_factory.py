"""The session the dev-side commands evaluate in: the Live vocabulary over virtual Live (the demo set),
on a clock that moves virtual time only as fast as the code waits."""
from __future__ import annotations


class AdvancingClock(object):
    """VirtualClock plus advance(ms), so Session.eval/drive can move virtual Live's time."""

    def __init__(self, application):
        from lmac.surface.virtual_live.clock import VirtualClock
        self.song = application.get_document()
        self._clock = VirtualClock(self.song)
        self._world = application._world

    def advance(self, ms):
        self._world.make_current()
        self._world.advance_to(self._world.now_ms + ms)

    def __getattr__(self, name):
        return getattr(self._clock, name)


def make_virtual_live(set_path=None, live_version="12.3"):
    from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set
    install_live_module()
    return load_set(set_path or DEMO_SET, live_version)


def make_session(set_path=None, live_version="12.3", output=None, library_path=None):
    """A Live session over a fresh virtual Live (the demo set unless set_path); library_path:
    more library folders (--library-path)."""
    from lmac.surface.live_session import make_live_session
    app = make_virtual_live(set_path, live_version)
    clock = AdvancingClock(app)
    session = make_live_session(app.get_document(), app, clock, output=output)
    session.scheduler.lookahead_ms = 25.0
    # The binding and library forms (bind, led, import, ...) so they read and check; declaring a
    # binding needs the Remote Script (`lmac run`), which has a controller to bind.
    from lmac.surface.components import prepare_session
    prepare_session(session, library_path=library_path)
    return session
