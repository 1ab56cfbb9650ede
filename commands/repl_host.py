"""The local REPL's Live: the Remote Script running in virtual Live, as `lmac run` runs it, so what
works in Live works here (bind, led, map-param, layers, hot reload), and virtual time follows the
wall clock between inputs, as Live's would: a clip fired at the prompt is playing a bar later.

``HostedSession`` looks like a Session (the REPL uses eval, describe, scheduler, globals...) and
drives the host while a form waits, so `(wait-bars 1)` answers at once instead of after two real
seconds; after that, virtual time runs ahead of the wall clock until the wall clock catches up."""
from __future__ import annotations

import time

from lmac.interpreter.machine import FAILED
from lmac.interpreter.values import LmacError

TICK_MS = 10.0                # how far virtual time moves per step while a form computes or waits
MAX_CATCH_UP_MS = 600000.0    # a REPL left open overnight catches up at most ten minutes


class HostedSession(object):
    def __init__(self, set_path=None, live_version="12.3", wall=time.monotonic, output=None, library_path=None):
        from lmac.commands.run import start_host
        self.host, self.script = start_host(set_path, live_version,
                                            surface_options={"library_path": library_path})
        self.script.session.output = output or (lambda text: print(text, end=""))   # println shows here
        self._wall = wall
        self._origin = (wall(), self.host.now_ms)
        self._seen = {"messages": 0, "midi_out": 0}

    def __getattr__(self, name):     # everything else is the Remote Script's session
        return getattr(self.script.session, name)

    def catch_up(self):
        """Advance virtual Live to where the wall clock says it is now."""
        wall0, virtual0 = self._origin
        target = virtual0 + (self._wall() - wall0) * 1000.0
        behind = target - self.host.now_ms
        if behind > MAX_CATCH_UP_MS:
            self._origin = (wall0, virtual0 + behind - MAX_CATCH_UP_MS)
            behind = MAX_CATCH_UP_MS
        if behind > 0:
            self.host.advance_ms(behind)

    def eval(self, source, file="<repl>", max_ms=600000.0, dyn=None):
        """Run source as the script runs a pad's macro (one undo step, at once), then let Live's
        timer tick until it is done. Raises LmacError."""
        self.catch_up()
        session = self.script.session
        forms = session.read(source, file) if isinstance(source, str) else list(source)
        task = self.script.start_macro(forms, file=file)
        self.host.flush_midi_map()       # as Live does once a callback returns (bind asks for one)
        if task is None:
            raise LmacError("the Remote Script could not start this form (see Log.txt lines above)")
        if session._report in task.on_done:
            task.on_done.remove(session._report)    # the REPL prints the error itself
        start = self.host.now_ms
        while not task.finished:
            if self.host.now_ms - start > max_ms:
                task.cancel()
                raise LmacError("still waiting after %g s; stopped" % (max_ms / 1000.0))
            self.host.advance_ms(TICK_MS)
            self.host.flush_midi_map()
        if task.status == FAILED:
            raise task.error
        return task.value

    def send_midi_in(self, midi_bytes):
        """A controller message into the script (the REPL's :midi)."""
        self.catch_up()
        self.host.send_midi_in(tuple(midi_bytes))
        self.host.advance_ms(TICK_MS)

    def news(self):
        """What Live showed since the last call, as REPL lines: status bar messages (errors of
        bindings and background macros land there) and the MIDI the script sent (LEDs)."""
        out = []
        for kind in ("messages", "midi_out"):
            items = getattr(self.host, kind)
            for _, item in items[self._seen[kind]:]:
                if kind == "messages":
                    out.append("status bar: %s" % item)
                else:
                    out.append("midi out: %s" % " ".join("%02X" % b for b in item))
            self._seen[kind] = len(items)
        return out

    def close(self):
        self.host.disconnect()


def make_hosted_session(set_path=None, live_version="12.3", library_path=None):
    return HostedSession(set_path, live_version, library_path=library_path)
