"""BindingsComponent: the Remote Script's side of the bindings. It tells Live what to forward and
map (build_midi_map), runs bindings inside receive_midi (one Live undo step per run, no tick of
delay), fires hold gestures and refreshes LEDs on the tick, and releases everything on disconnect.

The table of bindings is replaced atomically (``replace_table``) when a file reloads."""
from __future__ import annotations

from time import perf_counter

from ...interpreter.values import Builtin, Lambda, LmacError
from ..midi import control_change, note_on, parse
from .dispatch import Dispatcher
from .table import BindingTable

LED_REFRESH_MS = 100.0      # LEDs are re-evaluated at most this often, and right after a binding runs
LED_BUDGET_S = 0.005        # the time one LED expression may take (it runs on Live's main thread)
LED_TICK_BUDGET_S = 0.005   # the time all LEDs together may take in one tick


class BindingsComponent(object):
    def __init__(self, c_instance, session, dyn=None, report=None, param_resolver=None):
        self.c_instance = c_instance
        self.session = session
        self.dyn = dict(dyn or {})
        self.report = report or self._default_report
        self.param_resolver = param_resolver or default_param_resolver
        self.table = BindingTable().finalize()
        self.dispatcher = Dispatcher(self.table, self.run)
        self.led_sent = {}          # (kind, ch, number) -> last value sent
        self.led_errors = {}        # led index -> message already reported
        self._led_due = 0.0
        self._led_dirty = True
        self._led_next = 0          # the LED the next refresh starts with (round-robin)
        self._surface_started = None
        self.runs = []              # (ms, label) of binding runs, for timelines (bounded)
        self.on_run = []            # fn(label) called as a run starts (lmac run's timeline)
        self.connected = True

    # ---- the table ---------------------------------------------------------------------------
    def replace_table(self, table):
        if not table.finalized:
            table.finalize()
        old = self.table
        self.table = table
        self.dispatcher.replace_table(table)
        self.led_errors = {}
        still = set()
        for led in table.leds:
            still.update(led.trigger.keys())
        for key in [k for k in self.led_sent if k not in still]:   # LEDs no longer declared go dark
            self._send_led(key, table.surface.velocity(None))
            del self.led_sent[key]
        if table.surface is not old.surface and table.surface.name != self._surface_started:
            self._start_surface()
        self._led_dirty = True
        try:
            self.c_instance.request_rebuild_midi_map()
        except Exception as e:  # never let a bad Live call stop a reload
            self.report("could not rebuild the MIDI map: %s" % e)

    def edit(self, change):
        """Change the live table outside a file load (the REPL): copy, change, swap."""
        table = self.table.copy()
        change(table)
        self.replace_table(table.finalize())

    def _start_surface(self):
        surface = self.table.surface
        self._surface_started = surface.name
        for msg in surface.init:
            self._send(msg)

    # ---- Live's calls --------------------------------------------------------------------------
    def build_midi_map(self, midi_map_handle):
        import Live
        MidiMap = Live.MidiMap
        script_handle = self.c_instance.handle()
        forwarded = self.table.forwarded_keys()
        bends = set()
        for kind, ch, number in sorted(forwarded, key=lambda k: (k[0], k[1], k[2] if k[2] is not None else -1)):
            if kind == "note":
                MidiMap.forward_midi_note(script_handle, midi_map_handle, ch, number)
            elif kind == "cc":
                MidiMap.forward_midi_cc(script_handle, midi_map_handle, ch, number)
            elif ch not in bends:
                bends.add(ch)
                MidiMap.forward_midi_pitchbend(script_handle, midi_map_handle, ch)
        for pm in self.table.param_maps:
            self._map_param(MidiMap, midi_map_handle, pm, forwarded)

    def _map_param(self, MidiMap, handle, pm, forwarded):
        from ..midi import MAP_MODE_NAMES
        where = pm.trigger.lmac_repr()
        try:
            value = self.session.run_nested(pm.fn, [], what="map-param " + where, dyn=self.dyn)
            param = self.param_resolver(value)
        except LmacError as e:
            self.report("map-param %s: %s" % (where, e.located()))
            return
        if param is None:
            self.report("map-param %s: no such parameter in the set right now" % where)
            return
        mode = MAP_MODE_NAMES[pm.trigger.mode]
        for key in pm.trigger.keys():
            if key in forwarded:
                self.report("map-param %s: a bind on the same control wins" % where)
                continue
            _, ch, number = key
            try:
                if pm.trigger.kind == "cc":
                    MidiMap.map_midi_cc(handle, param, ch, number, getattr(MidiMap.MapMode, mode), True)
                elif pm.trigger.kind == "note":
                    MidiMap.map_midi_note(handle, param, ch, number)
                else:
                    MidiMap.map_midi_pitchbend(handle, param, ch, False)
                MidiMap.send_feedback_for_parameter(handle, param)
            except Exception as e:
                self.report("map-param %s: Live refused the mapping: %s" % (where, e))

    def receive_midi(self, midi_bytes):
        message = parse(midi_bytes)
        used = self.dispatcher.handle(message, self.session.clock.now_ms())
        if used:
            self._led_dirty = True
        return used

    def tick(self, now_ms):
        if not self.connected:
            return False
        self.dispatcher.tick(now_ms)
        if self._surface_started is None:
            self._start_surface()
        if self._led_dirty or now_ms >= self._led_due:
            self.refresh_leds()
            self._led_due = now_ms + LED_REFRESH_MS
        return True

    def refresh_state(self):
        """The controller was re-plugged or its port changed: it forgot its LEDs and its set-up
        messages, so send everything again on the next tick."""
        self.led_sent = {}
        self._surface_started = None
        self._led_dirty = True

    def disconnect(self):
        if not self.connected:
            return
        off = self.table.surface.velocity(None)
        for key in list(self.led_sent):
            self._send_led(key, off)
        for msg in self.table.surface.exit:
            self._send(msg)
        self.led_sent = {}
        self.table = BindingTable().finalize()
        self.dispatcher = Dispatcher(self.table, self.run)
        self.connected = False

    # ---- running bindings -----------------------------------------------------------------------
    def run(self, fn, args, label):
        """Start the bound function now, inside receive_midi, as one Live undo step."""
        args = _fit_args(fn, args)
        for hook in self.on_run:
            hook(label)
        song = self.c_instance.song()
        song.begin_undo_step()
        try:
            self.session.call(fn, args, name=label, dyn=self.dyn, run_now=True)
        finally:
            song.end_undo_step()
        self.runs.append((self.session.clock.now_ms(), label))
        if len(self.runs) > 1000:
            del self.runs[:500]

    # ---- LEDs -------------------------------------------------------------------------------------
    def refresh_leds(self):
        """Re-evaluate the LEDs, all of them sharing one budget per tick (LED_TICK_BUDGET_S): the
        ones not reached go first on the next tick, so many or slow LEDs never hold a tick, and
        every LED is re-evaluated in turn."""
        leds = self.table.leds
        count = len(leds)
        self._led_dirty = False
        if not count:
            return
        surface = self.table.surface
        start = self._led_next % count
        deadline = perf_counter() + LED_TICK_BUDGET_S
        done = 0
        while done < count:
            if done and perf_counter() >= deadline:
                self._led_dirty = True          # the rest next tick
                break
            i = (start + done) % count
            led = leds[i]
            done += 1
            try:
                # A few ms at most, so a runaway LED cannot freeze Live.
                value = self.session.run_nested(led.fn, [], what="led " + led.trigger.lmac_repr(), dyn=self.dyn,
                                                budget_s=min(LED_BUDGET_S, max(0.0005, deadline - perf_counter())))
                velocity = surface.velocity(value)
            except LmacError as e:
                text = e.located()
                if self.led_errors.get(i) != text:
                    self.led_errors[i] = text
                    self.report("led %s: %s" % (led.trigger.lmac_repr(), text))
                velocity = surface.velocity(None)
            for key in led.trigger.keys():
                if self.led_sent.get(key) != velocity:
                    self.led_sent[key] = velocity
                    self._send_led(key, velocity)
        self._led_next = (start + done) % count

    def _send_led(self, key, velocity):
        kind, ch, number = key
        if kind == "note":
            self._send(note_on(ch, number, velocity))
        elif kind == "cc":
            self._send(control_change(ch, number, velocity))

    def _send(self, msg):
        try:
            self.c_instance.send_midi(tuple(msg))
        except Exception as e:
            self.report("could not send MIDI %r: %s" % (msg, e))

    def _default_report(self, text):
        try:
            self.c_instance.log_message("lmac: " + text)
            self.c_instance.show_message("lmac: " + text)
        except Exception:
            pass


def _fit_args(fn, args):
    """Pass a bound function only the values it takes: (fn () ...) gets none, (fn (v) ...) the
    normalized value, (fn (v raw) ...) the raw one too."""
    if type(fn) is Lambda:
        return list(args) if fn.rest else list(args[:fn.nparams])
    if type(fn) is Builtin:
        hi = fn.arity[1]
        return list(args) if hi is None else list(args[:hi])
    return list(args)


def default_param_resolver(value):
    """A DeviceParameter from whatever (param ...) returned: the parameter itself, the first of a
    list, a selectors.Handle, or an object with ``live_object()``. A Selector needs the action
    context to resolve: the script passes its own resolver (see surface/components.py)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    value = getattr(value, "obj", value)       # a Handle from surface/selectors.py
    for name in ("live_object",):
        method = getattr(value, name, None)
        if callable(method):
            value = method()
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            break
    if value is None:
        return None
    if all(hasattr(value, a) for a in ("value", "min", "max")):
        return value
    from ...interpreter.printer import describe
    raise LmacError("map-param expects a device parameter, e.g. (param (device 1) \"Threshold\"), got %s"
                    % describe(value))
