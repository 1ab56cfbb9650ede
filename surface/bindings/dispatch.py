"""Turning incoming messages into binding runs: gestures (press, release, hold, double), held
layer modifiers, pad sequences and chords. Pure state: it calls ``run(fn, args, label)`` and never
touches Live, so it is tested without a host.

Rules (documented in docs/bindings.md):
- :press runs on note-on at once, even when the same pad also has :double or :hold bindings.
- :hold runs when the pad is still down hold-ms after its press; :double on the second press
  within double-ms of the first (a third press starts a new pair).
- While a layer's modifier is held, that layer's bindings for a pad replace the pad's bindings
  outside any layer; if several layers are held the most recently pressed one wins. A pad's
  release and hold belong to the bindings chosen when it went down.
- (pads ...) and (chord ...) run in addition to the single-pad bindings of the same pads.
"""
from __future__ import annotations

from collections import deque

from ..midi import CC, NOTE_OFF, NOTE_ON, PITCH_BEND, normalize_bend, normalize_cc, relative_steps


class Dispatcher(object):
    def __init__(self, table, run):
        self.table = table
        self.run = run
        self.held = {}            # note key -> (press_id, chosen bindings)
        self.last_press = {}      # note key -> ms of the press that could start a double
        self.holds = []           # (due_ms, key, press_id, binding)
        self.history: deque = deque(maxlen=32)   # (key, ms) of recent note-ons, for (pads ...)
        self.held_layers = []     # layer names, most recent last
        self.fired_chords = set()
        self._press_ids = 0

    def replace_table(self, table):
        """A reload: keep what is physically held, forget pending gestures of the old bindings."""
        self.table = table
        self.holds = []
        self.held = dict((k, (pid, [])) for k, (pid, _) in self.held.items())
        self.held_layers = [n for n in self.held_layers if n in table.layers]
        self.fired_chords = set()

    # ---- messages --------------------------------------------------------------------------
    def handle(self, message, now_ms):
        """Returns True if some binding or modifier used the message."""
        kind = message.kind
        if kind in (NOTE_ON, NOTE_OFF):
            key = ("note", message.channel, message.number)
            if key in self.table.modifiers:
                self._modifier(self.table.modifiers[key], kind == NOTE_ON)
                return True
            if kind == NOTE_ON:
                return self._press(key, message.value, now_ms)
            return self._release(key, message.value)
        if kind == CC:
            key = ("cc", message.channel, message.number)
            if key in self.table.modifiers:
                self._modifier(self.table.modifiers[key], message.value >= 64)
                return True
            return self._value(key, message.value)
        if kind == PITCH_BEND:
            return self._value(("pitch-bend", message.channel, None), message.value)
        return False

    def _modifier(self, layer, down):
        if layer in self.held_layers:
            self.held_layers.remove(layer)
        if down:
            self.held_layers.append(layer)

    def _active_layers(self):
        return set(self.held_layers)

    def _choose(self, key):
        """The bindings a message on ``key`` runs, given the held layers."""
        candidates = self.table.by_key.get(key, ())
        for layer in reversed(self.held_layers):
            chosen = [b for b in candidates if b.layer == layer]
            if chosen:
                return chosen
        return [b for b in candidates if b.layer is None]

    def _press(self, key, velocity, now):
        self._press_ids += 1
        pid = self._press_ids
        chosen = self._choose(key)
        self.held[key] = (pid, chosen)
        value = normalize_cc(velocity)
        used = bool(chosen)
        double_started = self.last_press.get(key)
        is_double = False
        for b in chosen:
            if b.gesture == "press":
                self.run(b.fn, [value, velocity], b.label())
            elif b.gesture == "hold":
                self.holds.append((now + b.hold_ms, key, pid, b))
            elif b.gesture == "double":
                if double_started is not None and now - double_started <= b.double_ms:
                    is_double = True
                    self.run(b.fn, [value, velocity], b.label())
        self.last_press[key] = None if is_double else now
        self.history.append((key, now))
        used = self._sequences(now) or used
        used = self._chords(key) or used
        return used

    def _release(self, key, velocity):
        entry = self.held.pop(key, None)
        self.fired_chords = set(i for i in self.fired_chords
                                if all(key not in n.keys() for n in self.table.chords[i][0].notes))
        if entry is None:
            return False
        pid, chosen = entry
        self.holds = [h for h in self.holds if h[2] != pid]
        used = False
        for b in chosen:
            if b.gesture == "release":
                self.run(b.fn, [normalize_cc(velocity), velocity], b.label())
                used = True
        return used or bool(chosen)

    def _value(self, key, raw):
        chosen = self._choose(key)
        for b in chosen:
            mode = b.trigger.mode
            if b.trigger.kind == "pitch-bend":
                self.run(b.fn, [normalize_bend(raw), raw], b.label())
            elif mode == "absolute":
                self.run(b.fn, [normalize_cc(raw), raw], b.label())
            else:
                steps = relative_steps(mode, raw)
                self.run(b.fn, [steps / 127.0, steps], b.label())
        return bool(chosen)

    def _layer_ok(self, layer):
        return layer is None or layer in self.held_layers

    def _sequences(self, now):
        used = False
        history = list(self.history)
        for seq, fn, layer in self.table.sequences:
            n = len(seq.notes)
            if len(history) < n or not self._layer_ok(layer):
                continue
            recent = history[-n:]
            if all(recent[i][0] in seq.notes[i].keys() for i in range(n)) and \
                    all(recent[i][1] - recent[i - 1][1] <= seq.within_ms for i in range(1, n)):
                self.history.clear()   # the sequence is consumed: pressing its last pad again starts over
                self.run(fn, [], seq.lmac_repr())
                used = True
        return used

    def _chords(self, key):
        used = False
        for i, (chord, fn, layer) in enumerate(self.table.chords):
            if i in self.fired_chords or not self._layer_ok(layer):
                continue
            if not any(key in n.keys() for n in chord.notes):
                continue
            if all(any(k in self.held for k in n.keys()) for n in chord.notes):
                self.fired_chords.add(i)
                self.run(fn, [], chord.lmac_repr())
                used = True
        return used

    # ---- time ------------------------------------------------------------------------------
    def tick(self, now_ms):
        if not self.holds:
            return
        due = [h for h in self.holds if h[0] <= now_ms]
        if not due:
            return
        self.holds = [h for h in self.holds if h[0] > now_ms]
        for _, key, pid, b in due:
            entry = self.held.get(key)
            if entry is not None and entry[0] == pid:
                self.run(b.fn, [], b.label())
