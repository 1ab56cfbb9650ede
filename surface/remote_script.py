"""The Remote Script Live loads: LmacScript(c_instance).

It builds the Live session (surface/live_session.py), drives its scheduler from a tick source
(Live.Base.Timer every ~10 ms where Live has it, else update_display every ~100 ms), wraps every
tick and every macro started from MIDI in one Live undo step, and logs errors to Log.txt (one line
each, starting with "lmac:") and to the status bar. Listener-triggered work is queued by the
Events component and started by the next tick.

Seams through which surface/components.py attaches bindings, MIDI maps, file loading, hot reload
and the REPL server:
- ``self.components``: objects with connect(), tick(), disconnect(); appended in order.
- ``self.midi_handlers``: fn(midi_bytes) -> True if handled, called from receive_midi.
- ``self.midi_map_builders``: fn(midi_map_handle) called from build_midi_map.
- ``start_macro(source, file)``: run lmac now (inside receive_midi: zero ticks of delay).
"""
from __future__ import annotations

from .live_clock import LiveClock
from .live_session import make_live_session

TIMER_MS = 10
DISPLAY_MS = 100
LOOKAHEAD_TICKS = 2.5   # a bar line closer than this many ticks wakes its waiters early


def capabilities():
    """What get_capabilities() reports: no controller auto-detection for now."""
    return {}


MAX_CARRIED_TICKS = 50   # an undo step follows a macro that spent its slice for at most this many ticks


class _UndoStep(object):
    """One Live undo step around a tick or a MIDI-started macro (re-entrant: nested = one step).

    Every Live action charges its macro's time slice, so a macro that changes a lot goes on over
    several ticks. Its run is still one undo step: the step stays open while a macro stopped
    only because its slice was spent (it is ready to go on), for up to MAX_CARRIED_TICKS ticks."""

    def __init__(self, script):
        self.script = script

    def __enter__(self):
        script = self.script
        script._undo_depth += 1
        if script._undo_depth == 1 and not script._undo_open:
            try:
                script.song.begin_undo_step()
            except Exception:
                script._undo_open = False
            else:
                script._undo_open = True

    def __exit__(self, *exc):
        script = self.script
        script._undo_depth -= 1
        if script._undo_depth == 0 and script._undo_open:
            if script._undo_carried < MAX_CARRIED_TICKS and script.mid_run():
                script._undo_carried += 1
                return False
            script._undo_carried = 0
            script.close_undo_step()
        return False


class LmacScript(object):
    def __init__(self, c_instance, clock_factory=None, use_timer=True, timer_ms=TIMER_MS,
                 surface_options=None):
        import Live
        self._c = c_instance
        self.song = c_instance.song()
        self.application = Live.Application.get_application()
        clock = clock_factory(self.song) if clock_factory else LiveClock(self.song)
        self.session = make_live_session(self.song, self.application, clock,
                                         log=self.log_message, show=self.show_message,
                                         output=self._print)
        self.live = self.session.live
        self.live.send_midi = self._send_midi
        self._undo_depth = 0
        self._undo_open = False
        self._undo_carried = 0      # ticks the open undo step has followed a macro mid-run
        self.session.scheduler.around_tick = lambda: _UndoStep(self)
        self.components = [self.live.events]
        self.midi_handlers = []
        self.midi_map_builders = []
        self.ticks = 0
        self._timer = self._start_timer(Live, timer_ms) if use_timer else None
        tick_ms = timer_ms if self._timer is not None else DISPLAY_MS
        self.session.scheduler.lookahead_ms = LOOKAHEAD_TICKS * tick_ms
        # Bindings, MIDI map, init.lmac and libraries with hot reload, the REPL socket.
        from .components import attach
        attach(self, **(surface_options or {}))
        self.log_message("lmac: ready (Live %s, ticks from %s)"
                         % (".".join(str(v) for v in self.live.live_version[:2]),
                            "a %d ms Timer" % timer_ms if self._timer else "update_display"))

    def _start_timer(self, Live, timer_ms):
        """Live.Base.Timer every ~10 ms where this Live has one; else None (update_display ticks)."""
        timer_cls = getattr(Live.Base, "Timer", None)
        if timer_cls is None:
            return None
        try:
            timer = timer_cls(callback=self._on_timer, interval=timer_ms, repeat=True)
            timer.start()
            return timer
        except Exception as e:   # unverified on Live 11.0-11.2: fall back rather than fail to load
            self.log_message("lmac: no Timer (%s: %s); ticking from update_display" % (type(e).__name__, e))
            return None

    # ---- components ----------------------------------------------------------------------------
    def add_component(self, component):
        """Add a part with connect/tick/disconnect (connected at once)."""
        self.components.append(component)
        component.connect()
        return component

    # ---- output ----------------------------------------------------------------------------------
    def log_message(self, text):
        for line in str(text).splitlines() or [""]:
            self._c.log_message(line)

    def show_message(self, text):
        self._c.show_message(str(text).splitlines()[0] if text else "")

    def _send_midi(self, midi_bytes):
        self._c.send_midi(tuple(midi_bytes))

    def _print(self, text):
        text = text.rstrip("\n")
        if text:
            self.log_message("lmac: " + text)

    # ---- ticks -----------------------------------------------------------------------------------
    def _on_timer(self):
        # An exception would stop Live's Timer for good: report it, keep ticking.
        self._guarded("the tick", self.tick)

    def update_display(self):
        # Live stops a Timer whose callback raised: then update_display ticks instead.
        if self._timer is not None and not self._timer.running:
            self.log_message("lmac: the Timer stopped; ticking from update_display")
            self._timer = None
        if self._timer is None:
            self._guarded("update_display", self.tick)

    def tick(self):
        self.ticks += 1
        # One undo step for all a tick changes: macros, glides, and what the components start
        # (hold gestures, hot reloads, REPL evaluations).
        with _UndoStep(self):
            self.session.tick()
            for component in self.components:
                if component is not self.live.events:   # the events run inside the scheduler tick
                    component.tick()

    def _guarded(self, hook, fn, *args):
        """Live disables a script whose hook raises: report the error, keep the script alive."""
        try:
            return fn(*args)
        except Exception as e:
            self.log_message("lmac: internal error in %s: %s: %s" % (hook, type(e).__name__, e))
            return None

    def start_macro(self, source, file="<midi>", name=None, dyn=None):
        """Run lmac now, in this callback (a pad press acts with zero ticks of delay), as one undo step."""
        with _UndoStep(self):
            return self.session.spawn(source, file=file, name=name, dyn=dyn, run_now=True)

    # ---- Live's other hooks ------------------------------------------------------------------------
    def receive_midi(self, midi_bytes):
        self._guarded("receive_midi", self._dispatch_midi, midi_bytes)

    def _dispatch_midi(self, midi_bytes):
        for handler in self.midi_handlers:
            if handler(midi_bytes):
                return

    def build_midi_map(self, midi_map_handle):
        for builder in self.midi_map_builders:
            self._guarded("build_midi_map", builder, midi_map_handle)

    def refresh_state(self):
        """Live asks after the controller was re-plugged: resend its set-up messages and LEDs."""
        surface = getattr(self, "surface", None)
        if surface is not None:
            self._guarded("refresh_state", surface.bindings.refresh_state)

    def connect_script_instances(self, instanciated_scripts):
        pass

    def can_lock_to_devices(self):
        return False

    def suggest_input_port(self):
        return ""

    def suggest_output_port(self):
        return ""

    def suggest_map_mode(self, cc_no, channel):
        return -1

    def mid_run(self):
        """Is a macro stopped only because its time slice was spent (it goes on next tick)?"""
        return any(task.status == "ready" for task in self.session.scheduler.ready)

    def close_undo_step(self):
        if self._undo_open:
            self._undo_open = False
            self._undo_carried = 0
            try:
                self.song.end_undo_step()
            except Exception:
                pass

    def disconnect(self):
        self.close_undo_step()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.session.scheduler.cancel_all()
        self.live.ramps.clear()
        for component in reversed(self.components):
            try:
                component.disconnect()
            except Exception as e:
                self.log_message("lmac: error while disconnecting: %s" % e)
        self.components = []
