"""Live.DeviceParameter: a device's parameter, its value kept inside min..max."""
from ..lom import LiveEnum, accessor, as_float, enum_members, listenable, mutator, since, value_prop
from .Base import StringVector
from ..fader import fader_text
from .LomObject import LomObject


class AutomationState(LiveEnum):
    pass


enum_members(AutomationState, "none playing overridden")


class ParameterState(LiveEnum):
    pass


enum_members(ParameterState, "enabled irrelevant disabled")


def _checked_value(param, value):
    value = as_float(param, value)
    if not param._is_enabled:
        raise RuntimeError("Parameter '%s' is not enabled (it is mapped to a macro)" % param._name)
    if value < param._min or value > param._max:
        raise RuntimeError("Invalid value %r for '%s' (must be inside %r..%r)" % (value, param._name, param._min, param._max))
    if param._items is not None:
        value = float(int(round(value)))
    return value


def _value_changed(param, old):
    if param._world.version >= (12, 3):
        param._notify("display_value")
    if param._on_change is not None:
        param._on_change()


@listenable("automation_state", "display_value", "name", "state", "value", display_value=(12, 3))
class DeviceParameter(LomObject):
    """This class represents a (automatable) parameter within a MIDI or Audio DSP-Device."""

    def __init__(self, world, parent, name, minimum, maximum, default, items=None, unit=""):
        LomObject.__init__(self, world, parent)
        self._name = name
        self._original_name = name
        self._min = float(minimum)
        self._max = float(maximum)
        self._default = float(default)
        self._value = float(default)
        self._items = list(items) if items is not None else None
        self._unit = unit
        self._is_enabled = True
        self._state = ParameterState.enabled
        self._automation_state = AutomationState.none
        self._on_change = None

    name = value_prop("name", writable=False)
    original_name = value_prop("original_name", writable=False)
    min = value_prop("min", writable=False)
    max = value_prop("max", writable=False)
    def _get_value(self):
        self._check()
        return self._value

    def _set_value(self, value):
        """A write by a script or a mapping; over a playing clip envelope it overrides the
        envelope until re_enable_automation (as a hand on the knob does in Live)."""
        self._check_write()
        self._change("value", _checked_value(self, value), True, _value_changed)
        if self._automation_state == AutomationState.playing:
            self._set_raw("automation_state", AutomationState.overridden)

    value = property(_get_value, _set_value)

    def _automate(self, value):
        """The value a playing clip envelope gives: no undo step, ignored while overridden."""
        if self._automation_state == AutomationState.overridden:
            return
        if self._automation_state != AutomationState.playing:
            self._set_raw("automation_state", AutomationState.playing)
        value = min(self._max, max(self._min, value))
        if self._items is not None:
            value = float(int(round(value)))
        if value != self._value:
            self._set_raw("value", value, _value_changed)
    state = value_prop("state", writable=False)
    automation_state = value_prop("automation_state", writable=False)
    is_enabled = value_prop("is_enabled", writable=False)

    def _get_display(self):
        self._check()
        return self._value

    def _set_display(self, value):
        self._check_write()
        self._change("value", _checked_value(self, value), True, _value_changed)

    display_value = since((12, 3), property(_get_display, _set_display))

    @property
    def default_value(self):
        """Return the default value for this parameter. Only available for non-quantized parameters."""
        self._check()
        if self._items is not None:
            raise RuntimeError("A default value is only available for non-quantized parameters")
        return self._default

    @property
    def is_quantized(self):
        self._check()
        return self._items is not None

    @property
    def value_items(self):
        self._check()
        if self._items is None:
            raise RuntimeError("Parameter '%s' is not quantized" % self._name)
        return StringVector(self._items)

    @property
    def short_value_items(self):
        self._check()
        if self._items is None:
            raise RuntimeError("Parameter '%s' is not quantized" % self._name)
        return StringVector(item[:4] for item in self._items)

    @accessor
    def str_for_value(self, value):
        if self._items is not None:
            index = int(round(value))
            if 0 <= index < len(self._items):
                return self._items[index]
            raise RuntimeError("Invalid value")
        if self._unit == "dB" and self._min == 0.0 and self._max == 1.0:
            return fader_text(value)          # a volume fader: Live shows its level in dB
        text = ("%.2f" % value).rstrip("0").rstrip(".")
        return "%s %s" % (text, self._unit) if self._unit else text

    @mutator
    def begin_gesture(self):
        pass

    @mutator
    def end_gesture(self):
        pass

    @mutator
    def re_enable_automation(self):
        if self._automation_state == AutomationState.overridden:
            self._change("automation_state", AutomationState.playing, False)

    def __str__(self):
        return self.str_for_value(self._value)


__all__ = ["AutomationState", "DeviceParameter", "ParameterState"]
