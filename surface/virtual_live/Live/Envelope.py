"""Live.Envelope: a session clip's automation envelope for one parameter.

Virtual Live keeps an envelope as breakpoints (time in clip beats, value in the parameter's own
range), sorted by time; two breakpoints at the same time make a vertical jump, which is how
``insert_step`` draws a step. Between breakpoints the value is a straight line; before the first
and after the last it holds. A new envelope starts with one breakpoint at 0 holding the value the
parameter had (what Live shows when you open a clip's envelope). Values outside the parameter's
range are refused with ValueError, as ``DeviceParameter.value`` is (Live's own reaction to an
out-of-range ``insert_step`` is unverified).
"""
from ..lom import accessor, as_float, mutator
from .Base import Vector
from .LomObject import LomObject

EPS = 1e-9


class EnvelopeEventControlCoefficients(object):
    """This class represents the control coefficients of an envelope event."""

    def __init__(self, x1, y1, x2, y2):
        self.x1, self.y1, self.x2, self.y2 = float(x1), float(y1), float(x2), float(y2)


class EnvelopeEvent(object):
    """This is a class that represents an envelope event."""

    def __init__(self, time, value, control_coefficients):
        self.time = float(time)
        self.value = float(value)
        self.control_coefficients = control_coefficients


class EnvelopeEventVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


def _linear():
    return EnvelopeEventControlCoefficients(0.0, 0.0, 1.0, 1.0)


class Envelope(LomObject):
    """This class represents an automation or modulation envelope in Live."""

    def __init__(self, world, clip, parameter):
        LomObject.__init__(self, world, clip)
        self._parameter = parameter
        self._points = [(0.0, float(parameter._value))]

    # -- reading ------------------------------------------------------------------------------
    def _value_at(self, time):
        points = self._points
        if time < points[0][0]:
            return points[0][1]
        before = None
        for i, (t, v) in enumerate(points):
            if t > time + EPS:
                t0, v0 = before
                if t - t0 <= EPS:
                    return v
                return v0 + (v - v0) * (time - t0) / (t - t0)
            before = (t, v)
        return points[-1][1]

    def _value_before(self, time):
        """The value reaching ``time`` from the left (before any jump at time)."""
        at = [v for t, v in self._points if abs(t - time) <= EPS]
        return at[0] if at else self._value_at(time)

    @accessor
    def value_at_time(self, time):
        return self._value_at(as_float(self, time))

    @accessor
    def events_in_range(self, start_time, end_time):
        start, end = as_float(self, start_time), as_float(self, end_time)
        return EnvelopeEventVector(EnvelopeEvent(t, v, _linear()) for t, v in self._points
                                   if start - EPS <= t < end - EPS)

    # -- writing ------------------------------------------------------------------------------
    def _checked(self, value):
        value = as_float(self, value)
        p = self._parameter
        if not p._min - EPS <= value <= p._max + EPS:
            raise ValueError("Envelope value %r is outside the parameter's range %r..%r" % (value, p._min, p._max))
        return value

    def _replace(self, points):
        old = list(self._points)
        new = sorted(points, key=lambda tv: tv[0])

        def apply(pts):
            self._points = list(pts)
        self._world.undo.record(lambda: apply(old), lambda: apply(new))
        apply(new)

    @mutator
    def insert_step(self, start_time, length, value):
        start, length = as_float(self, start_time), as_float(self, length)
        value = self._checked(value)
        if length <= 0:
            raise RuntimeError("Invalid step length %r (must be positive)" % length)
        end = start + length
        before, after = self._value_before(start), self._value_at(end)
        kept = [(t, v) for t, v in self._points if t < start - EPS or t > end + EPS]
        self._replace(kept + [(start, before), (start, value), (end, value), (end, after)])

    @mutator
    def delete_events_in_range(self, start_time, end_time):
        start, end = as_float(self, start_time), as_float(self, end_time)
        kept = [(t, v) for t, v in self._points if not start - EPS <= t < end - EPS]
        if not kept:       # an envelope always keeps one breakpoint: the value it holds
            kept = [(0.0, self._value_at(start))]
        self._replace(kept)

    def _events(self):
        return list(self._points)


__all__ = ["Envelope", "EnvelopeEvent", "EnvelopeEventControlCoefficients", "EnvelopeEventVector"]
