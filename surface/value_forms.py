"""Value forms for parameters: a plain number, (by d), (random lo hi) (already a number), :reset,
and (ramp v :bars n) / (ramp v :beats n) / (ramp v :ms n) glides.

``by`` and ``ramp`` build the objects below; ``ActionContext.set_param`` applies them.
"""
from __future__ import annotations

from ..interpreter.printer import describe, pr_str
from ..interpreter.values import Keyword, LmacError


def _number(form, value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LmacError("%s expects %s, got %s" % (form, what, describe(value)))
    return value


class By(object):
    """Relative change: the parameter moves by ``delta`` (clamped into its range)."""

    __slots__ = ("delta",)

    def __init__(self, delta):
        self.delta = delta

    def lmac_repr(self):
        return "(by %s)" % describe(self.delta)


class Ramp(object):
    """A glide to ``target`` over ``amount`` of ``unit`` (bars, beats or ms); ``target`` may be a
    number or (by d)."""

    __slots__ = ("target", "amount", "unit")

    def __init__(self, target, amount, unit):
        self.target = target
        self.amount = amount
        self.unit = unit

    def lmac_repr(self):
        return "(ramp %s :%s %s)" % (describe(self.target), self.unit, describe(self.amount))


class Scaled(object):
    """A value in the musician's scale, mapped onto the parameter's range when it is set:
    (percent 50) and (midi-value 64) anywhere; (db -6) on volume faders (Live's fader curve)."""

    __slots__ = ("unit", "amount")

    def __init__(self, unit, amount):
        self.unit = unit
        self.amount = amount

    def lmac_repr(self):
        return "(%s %s)" % (self.unit, describe(self.amount))

    def on_range(self, lo, hi):
        """The value in lo..hi (percent and midi-value); None for db (only faders know it)."""
        if self.unit == "percent":
            return lo + (hi - lo) * self.amount / 100.0
        if self.unit == "midi-value":
            return lo + (hi - lo) * self.amount / 127.0
        return None


# Live's volume fader: (dB, fader value) points as Live shows them; between points the fader
# moves linearly (0.025 per dB above -18 dB). Below -70 dB the fader is at 0 (-inf).
FADER_DB = [(-70.0, 0.0), (-60.0, 0.035), (-48.0, 0.104), (-36.0, 0.187), (-30.0, 0.238),
            (-24.0, 0.302), (-18.0, 0.4), (6.0, 1.0)]


def fader_from_db(db):
    """The volume fader value (0..1) that Live shows as ``db`` decibels."""
    if db <= FADER_DB[0][0]:
        return 0.0
    for (d0, v0), (d1, v1) in zip(FADER_DB, FADER_DB[1:]):
        if db <= d1:
            return v0 + (v1 - v0) * (db - d0) / (d1 - d0)
    return 1.0


def db_value(amount):
    _number("db", amount, "a number of decibels like -6")
    if amount > 6:
        raise LmacError("db: a volume fader goes up to +6 dB, got %s; use a number up to 6" % describe(amount))
    return Scaled("db", amount)


def percent(amount):
    _number("percent", amount, "a percentage like 50")
    if not 0 <= amount <= 100:
        raise LmacError("percent: the percentage must be from 0 to 100, got %s" % describe(amount))
    return Scaled("percent", amount)


def midi_value(amount):
    _number("midi-value", amount, "a MIDI value like 64")
    if not 0 <= amount <= 127:
        raise LmacError("midi-value: the value must be from 0 to 127 (as ClyphX counts), got %s; "
                        "use (percent p) for a percentage" % describe(amount))
    return Scaled("midi-value", amount)


class Glide(object):
    """What an action given a ramp returns: the glide under way. `(wait-for g)` waits until it
    ends (its target reached, or a later write took the parameter over); `par` and `race` count a
    branch whose value is a glide as done when the glide is, so `(par (volume a (ramp 0 :bars 2))
    (volume b (ramp 1 :bars 2)))` takes two bars, as a crossfade should."""

    __slots__ = ("label", "target", "done", "callbacks")

    def __init__(self, label, target):
        self.label = label
        self.target = target
        self.done = False
        self.callbacks = []

    def lmac_repr(self):
        return "#<glide %s -> %s%s>" % (self.label, pr_str(self.target), ", done" if self.done else "")

    def lmac_event_key(self, session):
        return ("glide", id(self))

    def lmac_final(self):
        """(done?, value): wait-for returns at once for a glide that has ended."""
        return self.done, self.target

    def lmac_when_done(self, callback):
        """Call callback(value) when the glide ends; False (and no call) if it has ended already."""
        if self.done:
            return False
        self.callbacks.append(callback)
        return True

    def finish(self, scheduler):
        if self.done:
            return
        self.done = True
        scheduler.fire_event(("glide", id(self)), self.target)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback(self.target)


def by(delta):
    return By(_number("by", delta, "a number to add (negative to go down)"))


RAMP_UNITS = ("bars", "beats", "ms")


def ramp(target, unit, amount):
    if not isinstance(target, (By, Scaled)):
        _number("ramp", target, "a target value")
    if type(unit) is not Keyword or unit.name not in RAMP_UNITS:
        raise LmacError("ramp expects :bars, :beats or :ms after the target, got %s" % describe(unit))
    _number("ramp", amount, "a length")
    if amount < 0:
        raise LmacError("ramp expects a length of 0 or more, got %s" % describe(amount))
    return Ramp(target, amount, unit.name)


BUILTINS = [
    ("by", by, (1, 1), "A relative value: (volume (by -0.1)) turns the volume down by 0.1."),
    ("db", db_value, (1, 1), "A volume in decibels: (volume (track 1) (db -6)); 0 dB is Live's 0.85, +6 dB "
                             "the top of the fader."),
    ("percent", percent, (1, 1), "A value as a percentage of the parameter's range: (set-param P (percent 50))."),
    ("midi-value", midi_value, (1, 1), "A value 0..127 as ClyphX counts, scaled to the parameter's range: "
                                       "(set-param P (midi-value 64)) is half way."),
    ("ramp", ramp, (3, 3), "A glide: (volume (track 1) (ramp 0.5 :bars 4)); units :bars, :beats or :ms. "
                           "A new ramp on the same parameter replaces the running one."),
]
