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


def single(form, trigger, kinds=("note", "cc", "pitch-bend")):
    if not isinstance(trigger, Trigger) or trigger.kind not in kinds:
        raise LmacError("%s expects %s, got %s" % (
            form, " or ".join("(%s ...)" % k for k in kinds), describe(trigger)))
    return trigger
