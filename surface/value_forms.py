"""Value forms for parameters: a plain number, (by d), (random lo hi) (already a number), :reset,
(ramp v :bars n) / (ramp v :beats n) / (ramp v :ms n) glides, and the scales musicians bring from
ClyphX and the mixer: (db -6) as Live shows it, (percent 50) and (midi-value 64) of the range.

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


class Scaled(object):
    """A value on a musician's scale, turned into the parameter's own value when applied:
    ``scale`` is "db" (as Live displays the parameter), "percent" (0..100 of its range) or "midi"
    (0..127 of its range, as ClyphX and controllers count)."""

    __slots__ = ("scale", "amount")

    def __init__(self, scale, amount):
        self.scale = scale
        self.amount = amount

    def lmac_repr(self):
        return "(%s %s)" % ({"db": "db", "percent": "percent", "midi": "midi-value"}[self.scale], describe(self.amount))


def db(amount):
    _number("db", amount, "a level in dB, like -6")
    if amount != amount:       # NaN would pass every range check and land on silence
        raise LmacError("db expects a level in dB, like -6, got %s" % describe(amount))
    return Scaled("db", amount)


def percent(amount):
    _number("percent", amount, "a number from 0 to 100")
    if not 0 <= amount <= 100:
        raise LmacError("percent expects a number from 0 to 100, got %s" % describe(amount))
    return Scaled("percent", amount)


def midi_value(amount):
    _number("midi-value", amount, "a number from 0 to 127")
    if not 0 <= amount <= 127:
        raise LmacError("midi-value expects a number from 0 to 127, got %s" % describe(amount))
    return Scaled("midi", amount)


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
    ("db", db, (1, 1), "A level as Live shows it in dB: (volume (track 1) (db -6)); for parameters Live displays in dB."),
    ("percent", percent, (1, 1), "A point of the parameter's range, 0 to 100: (set-param (param \"Dry/Wet\") (percent 30))."),
    ("midi-value", midi_value, (1, 1), "A point of the parameter's range on the 0..127 scale of ClyphX and "
                                       "controllers: (set-param (param \"Cutoff\") (midi-value 64))."),
    ("ramp", ramp, (3, 3), "A glide: (volume (track 1) (ramp 0.5 :bars 4)); units :bars, :beats or :ms. "
                           "A new ramp on the same parameter replaces the running one."),
]
