"""The declared bindings of one loaded configuration: what to forward, what to run, which LEDs to
light, which parameters Live maps itself, and the surface profile. A file (re)load fills a fresh
table; the component swaps it in only when the whole file evaluated without error."""
from __future__ import annotations

from ...interpreter.printer import describe
from ...interpreter.values import Keyword, LmacError, Map
from ..midi import parse_hex
from .triggers import ANY, Chord, Sequence, Trigger

GESTURES = ("press", "release", "hold", "double")
DEFAULT_HOLD_MS = 500
DEFAULT_DOUBLE_MS = 300

# Without a profile an LED is on (127) for any colour but :off.
DEFAULT_PALETTE = {"off": 0, "on": 127}


class Binding(object):
    __slots__ = ("trigger", "gesture", "fn", "layer", "hold_ms", "double_ms")

    def __init__(self, trigger, gesture, fn, layer, hold_ms, double_ms):
        self.trigger = trigger
        self.gesture = gesture
        self.fn = fn
        self.layer = layer
        self.hold_ms = hold_ms
        self.double_ms = double_ms

    def label(self):
        g = "" if self.gesture == "press" else " :" + self.gesture
        return "bind %s%s" % (self.trigger.lmac_repr(), g)


class Led(object):
    __slots__ = ("trigger", "fn")

    def __init__(self, trigger, fn):
        self.trigger = trigger
        self.fn = fn


class ParamMap(object):
    __slots__ = ("trigger", "fn")

    def __init__(self, trigger, fn):
        self.trigger = trigger
        self.fn = fn


class Surface(object):
    """A controller profile (defsurface): ports, default channel, LED palette, init/exit sysex."""

    def __init__(self, name="generic", input=None, output=None, channel=0, palette=None, init=(), exit=()):
        self.name = name
        self.input = input
        self.output = output
        self.channel = channel
        self.palette = dict(DEFAULT_PALETTE)
        self.palette.update(palette or {})
        self.init = list(init)
        self.exit = list(exit)

    def velocity(self, value):
        """An LED value -> velocity: a palette keyword, a number 0..127, true/false/nil."""
        if value is None or value is False:
            return self.palette.get("off", 0)
        if value is True:
            return self.palette.get("on", 127)
        if type(value) is Keyword:
            if value.name in self.palette:
                return self.palette[value.name]
            if self.name == "generic":
                return 127
            known = " ".join(":" + k for k in sorted(self.palette))
            raise LmacError("the %s palette has no colour :%s (it has %s)" % (self.name, value.name, known))
        if isinstance(value, (int, float)) and 0 <= value <= 127:
            return int(value)
        raise LmacError("an LED value is a colour keyword like :red, a number 0..127, true or nil; got %s"
                        % describe(value))


def _messages(option, value):
    """:init "F0 00 20 29 02 0C 0E 01 F7" or [[240 0 ...] ...] or a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [parse_hex(value)]
    if isinstance(value, list) and value and all(isinstance(b, int) for b in value):
        return [tuple(value)]
    if isinstance(value, list):
        out = []
        for item in value:
            out.extend(_messages(option, item))
        return out
    raise LmacError("defsurface :%s expects MIDI bytes as \"F0 .. F7\" text or a vector of numbers" % option)


def make_surface(name, options):
    if not isinstance(name, str):
        raise LmacError("defsurface expects the controller's name as text, e.g. (defsurface \"Launchpad X\" ...)")
    if len(options) % 2:
        raise LmacError("defsurface options come in pairs, e.g. :channel 1")
    opts = {}
    for key, value in zip(options[::2], options[1::2]):
        if type(key) is not Keyword:
            raise LmacError("defsurface: expected an option like :palette, got %s" % describe(key))
        opts[key.name] = value
    unknown = set(opts) - {"input", "output", "channel", "palette", "init", "exit", "doc"}
    if unknown:
        raise LmacError("defsurface does not know %s (it knows :input :output :channel :palette :init :exit :doc)"
                        % " ".join(":" + u for u in sorted(unknown)))
    channel = opts.get("channel", 1)
    if isinstance(channel, bool) or not isinstance(channel, int) or not 1 <= channel <= 16:
        raise LmacError("defsurface :channel is 1..16, got %s" % describe(channel))
    palette = {}
    raw = opts.get("palette") or Map()
    if not isinstance(raw, dict):
        raise LmacError("defsurface :palette is a map like {:red 5 :green 21}")
    for k, v in raw.items():
        if type(k) is not Keyword or isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 127:
            raise LmacError("defsurface :palette maps colour keywords to velocities 0..127, got %s %s"
                            % (describe(k), describe(v)))
        palette[k.name] = v
    return Surface(name, opts.get("input"), opts.get("output"), channel - 1, palette,
                   _messages("init", opts.get("init")), _messages("exit", opts.get("exit")))


class BindingTable(object):
    def __init__(self):
        self.bindings = []
        self.sequences = []      # (Sequence, fn, layer)
        self.chords = []         # (Chord, fn, layer)
        self.leds = []
        self.param_maps = []
        self.layers = {}         # name -> modifier Trigger
        self.surface = Surface()
        self.finalized = False
        self.by_key = {}         # (kind, ch, number) -> [Binding]
        self.modifiers = {}      # key -> layer name

    def copy(self):
        t = BindingTable()
        t.bindings = list(self.bindings)
        t.sequences = list(self.sequences)
        t.chords = list(self.chords)
        t.leds = list(self.leds)
        t.param_maps = list(self.param_maps)
        t.layers = dict(self.layers)
        t.surface = self.surface
        return t

    # ---- declaring ------------------------------------------------------------------------
    def add(self, trigger, fn, options, layer=None):
        gesture, hold_ms, double_ms = parse_gesture(options)
        if isinstance(trigger, Sequence):
            self.sequences.append((trigger, fn, layer))
        elif isinstance(trigger, Chord):
            self.chords.append((trigger, fn, layer))
        elif isinstance(trigger, Trigger):
            if trigger.kind != "note" and gesture != "press":
                raise LmacError("bind: :%s only applies to notes and pads; %s sends values"
                                % (gesture, trigger.lmac_repr()))
            self.bindings.append(Binding(trigger, gesture, fn, layer, hold_ms, double_ms))
        else:
            raise LmacError("bind expects a trigger like (note 36), (cc 21), (pads 36 37) or (chord ...), got %s"
                            % describe(trigger))

    def add_layer(self, name, trigger):
        if type(name) is not Keyword:
            raise LmacError("layer expects a name keyword first, e.g. (layer :shift (note 98) ...)")
        if not isinstance(trigger, Trigger) or trigger.kind not in ("note", "cc"):
            raise LmacError("layer :%s needs a modifier (note n) or (cc n), got %s" % (name.name, describe(trigger)))
        self.layers[name.name] = trigger

    # ---- finishing: default channel, lookup indexes ------------------------------------------
    def finalize(self):
        ch = self.surface.channel
        for b in self.bindings:
            b.trigger = b.trigger.with_channel(ch)
        self.sequences = [(s.with_channel(ch), fn, layer) for s, fn, layer in self.sequences]
        self.chords = [(c.with_channel(ch), fn, layer) for c, fn, layer in self.chords]
        self.leds = [Led(l.trigger.with_channel(ch), l.fn) for l in self.leds]
        self.param_maps = [ParamMap(p.trigger.with_channel(ch), p.fn) for p in self.param_maps]
        self.layers = dict((name, t.with_channel(ch)) for name, t in self.layers.items())
        self.by_key = {}
        for b in self.bindings:
            for key in b.trigger.keys():
                self.by_key.setdefault(key, []).append(b)
        self.modifiers = {}
        for name, t in self.layers.items():
            for key in t.keys():
                self.modifiers[key] = name
        self.finalized = True
        return self

    def forwarded_keys(self):
        """Every (kind, channel, number) Live must forward to receive_midi."""
        keys = set(self.by_key) | set(self.modifiers)
        for seq, _, _ in self.sequences:
            for n in seq.notes:
                keys.update(n.keys())
        for chord, _, _ in self.chords:
            for n in chord.notes:
                keys.update(n.keys())
        return keys


def parse_gesture(options):
    hold_ms: float
    double_ms: float
    gesture, hold_ms, double_ms = None, DEFAULT_HOLD_MS, DEFAULT_DOUBLE_MS
    i = 0
    while i < len(options):
        o = options[i]
        name = o.name if type(o) is Keyword else None
        if name in GESTURES:
            if gesture is not None:
                raise LmacError("bind: choose one gesture, got :%s and :%s" % (gesture, name))
            gesture = name
            i += 1
        elif name in ("hold-ms", "double-ms"):
            if i + 1 >= len(options):
                raise LmacError("bind: :%s needs a number of milliseconds" % name)
            v = options[i + 1]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
                raise LmacError("bind: :%s is a number of milliseconds, got %s" % (name, describe(v)))
            if name == "hold-ms":
                hold_ms = v
            else:
                double_ms = v
            i += 2
        else:
            raise LmacError("bind: unknown option %s (gestures are :press :release :hold :double; "
                            "timing :hold-ms :double-ms)" % describe(o))
    return gesture or "press", hold_ms, double_ms


__all__ = ["ANY", "Binding", "BindingTable", "Led", "ParamMap", "Surface", "make_surface"]
