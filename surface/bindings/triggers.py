"""What a binding listens to: (note 36 :ch 10), (cc 21 :relative), (pitch-bend), (pads 36 37 38),
(chord (note 36) (note 40)). Trigger values are plain data made by simple builtins; the channel
stays None ("the default") until the binding is declared, when the surface's default channel
(1 unless a defsurface says otherwise) fills it in. `:ch :any` listens on all 16 channels."""
from __future__ import annotations

from ...interpreter.printer import describe
from ...interpreter.values import Keyword, LmacError
from ..midi import RELATIVE_MODES

ANY = "any"


class Trigger(object):
    """A single message source: kind is note, cc or pitch-bend; channel 0..15, ANY or None."""

    __slots__ = ("kind", "number", "channel", "mode")

    def __init__(self, kind, number=None, channel=None, mode="absolute"):
        self.kind = kind
        self.number = number
        self.channel = channel
        self.mode = mode

    def with_channel(self, default):
        return self if self.channel is not None else Trigger(self.kind, self.number, default, self.mode)

    def channels(self):
        return range(16) if self.channel == ANY else (self.channel,)

    def keys(self):
        return [(self.kind, ch, self.number) for ch in self.channels()]

    def lmac_repr(self):
        parts = [self.kind] + ([str(self.number)] if self.number is not None else [])
        if self.channel == ANY:
            parts.append(":ch :any")
        elif self.channel is not None:
            parts.append(":ch %d" % (self.channel + 1))
        if self.mode != "absolute":
            parts.append(":" + self.mode)
        return "(" + " ".join(parts) + ")"

    def __eq__(self, other):
        return isinstance(other, Trigger) and (self.kind, self.number, self.channel, self.mode) == \
            (other.kind, other.number, other.channel, other.mode)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.kind, self.number, self.channel, self.mode))


class Sequence(object):
    """(pads 36 37 38): notes pressed in this order, each within `within_ms` of the previous."""

    __slots__ = ("notes", "within_ms")

    def __init__(self, notes, within_ms):
        self.notes = list(notes)
        self.within_ms = within_ms

    def with_channel(self, default):
        return Sequence([n.with_channel(default) for n in self.notes], self.within_ms)

    def lmac_repr(self):
        return "(pads %s)" % " ".join(n.lmac_repr() for n in self.notes)


class Chord(object):
    """(chord (note 36) (note 40)): all held at once; fires when the last one goes down."""

    __slots__ = ("notes",)

    def __init__(self, notes):
        self.notes = list(notes)

    def with_channel(self, default):
        return Chord([n.with_channel(default) for n in self.notes])

    def lmac_repr(self):
        return "(chord %s)" % " ".join(n.lmac_repr() for n in self.notes)


def _options(form, args, allowed_flags=(), allowed_values=()):
    """Split trailing keyword options: flags stand alone, values take the next argument."""
    flags, values = [], {}
    i = 0
    while i < len(args):
        a = args[i]
        if type(a) is not Keyword:
            raise LmacError("%s: expected an option like :ch, got %s" % (form, describe(a)))
        if a.name in allowed_flags:
            flags.append(a.name)
            i += 1
        elif a.name in allowed_values:
            if i + 1 >= len(args):
                raise LmacError("%s: :%s needs a value" % (form, a.name))
            values[a.name] = args[i + 1]
            i += 2
        else:
            known = ", ".join(":" + n for n in tuple(allowed_flags) + tuple(allowed_values))
            raise LmacError("%s does not know the option :%s (it knows %s)" % (form, a.name, known))
    return flags, values


def _channel(form, value):
    if value is None:
        return None
    if type(value) is Keyword and value.name in ("any", "all"):
        return ANY
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 16:
        raise LmacError("%s: :ch is a MIDI channel 1..16 (or :any), got %s" % (form, describe(value)))
    return value - 1


def _number(form, value, what):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 127:
        raise LmacError("%s expects a %s number 0..127, got %s" % (form, what, describe(value)))
    return value


def note(number, *options):
    """(note 36) or (note 36 :ch 10): a pad or key; velocity 0 note-ons count as releases."""
    _, values = _options("note", options, (), ("ch",))
    return Trigger("note", _number("note", number, "note"), _channel("note", values.get("ch")))


def cc(number, *options):
    """(cc 21), (cc 22 :relative), (cc 22 :relative-signed-bit :ch 2): a knob, fader or encoder."""
    flags, values = _options("cc", options, tuple(RELATIVE_MODES), ("ch",))
    if len(flags) > 1:
        raise LmacError("cc: choose one encoder mode, got %s" % " ".join(":" + f for f in flags))
    return Trigger("cc", _number("cc", number, "controller"), _channel("cc", values.get("ch")),
                   flags[0] if flags else "absolute")


def pitch_bend(*options):
    """(pitch-bend) or (pitch-bend :ch 2): the bend wheel, as -1..1."""
    _, values = _options("pitch-bend", options, (), ("ch",))
    return Trigger("pitch-bend", None, _channel("pitch-bend", values.get("ch")))


def _note_triggers(form, items):
    out = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            out.append(Trigger("note", _number(form, item, "note"), None))
        elif isinstance(item, Trigger) and item.kind == "note":
            out.append(item)
        else:
            raise LmacError("%s takes note numbers or (note n) forms, got %s" % (form, describe(item)))
    if len(out) < 2:
        raise LmacError("%s needs at least two notes" % form)
    return out


def pads(*items):
    """(pads 36 37 38) or (pads 36 37 :within 1500): pads pressed in this order, each within
    1000 ms (or :within ms) of the one before."""
    within = 1000
    if len(items) >= 2 and type(items[-2]) is Keyword and items[-2].name == "within":
        within = items[-1]
        if isinstance(within, bool) or not isinstance(within, (int, float)) or within <= 0:
            raise LmacError("pads: :within is a number of milliseconds, got %s" % describe(within))
        items = items[:-2]
    return Sequence(_note_triggers("pads", items), within)


def chord(*items):
    """(chord (note 36) (note 40)): pads held down together."""
    return Chord(_note_triggers("chord", items))


def single(form, trigger, kinds=("note", "cc", "pitch-bend")):
    if not isinstance(trigger, Trigger) or trigger.kind not in kinds:
        raise LmacError("%s expects %s, got %s" % (
            form, " or ".join("(%s ...)" % k for k in kinds), describe(trigger)))
    return trigger
