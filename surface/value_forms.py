"""Value forms for parameters: a plain number, (by d), (random lo hi) (already a number), :reset,
and (ramp v :bars n) / (ramp v :beats n) / (ramp v :ms n) glides.

``by`` and ``ramp`` build the objects below; ``ActionContext.set_param`` applies them.
"""
from __future__ import annotations

from ..interpreter.printer import describe
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


def by(delta):
    return By(_number("by", delta, "a number to add (negative to go down)"))


RAMP_UNITS = ("bars", "beats", "ms")


def ramp(target, unit, amount):
    if not isinstance(target, By):
        _number("ramp", target, "a target value")
    if type(unit) is not Keyword or unit.name not in RAMP_UNITS:
        raise LmacError("ramp expects :bars, :beats or :ms after the target, got %s" % describe(unit))
    _number("ramp", amount, "a length")
    if amount < 0:
        raise LmacError("ramp expects a length of 0 or more, got %s" % describe(amount))
    return Ramp(target, amount, unit.name)


BUILTINS = [
    ("by", by, (1, 1), "A relative value: (volume (by -0.1)) turns the volume down by 0.1."),
    ("ramp", ramp, (3, 3), "A glide: (volume (track 1) (ramp 0.5 :bars 4)); units :bars, :beats or :ms. "
                           "A new ramp on the same parameter replaces the running one."),
]
