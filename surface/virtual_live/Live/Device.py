"""Live.Device: a device in a track's or chain's device chain."""
from ..lom import LiveEnum, as_bool, as_str, enum_members, listenable, mutator, value_prop
from .Base import Vector
from .LomObject import LomObject


class DeviceType(LiveEnum):
    pass


enum_members(DeviceType, "", undefined=0, instrument=1, audio_effect=2, midi_effect=4)

KIND_TYPES = {"instrument": 1, "audio_effect": 2, "midi_effect": 4}


class ATimeableValueVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


@listenable("is_active", "is_using_compare_preset_b", "latency_in_ms", "latency_in_samples", "name", "parameters")
class Device(LomObject):
    """This class represents a MIDI or Audio DSP-Device in Live."""

    @listenable("is_collapsed")
    class View(LomObject):
        """Representing the view aspects of a device."""

        def __init__(self, world, parent):
            LomObject.__init__(self, world, parent)
            self._is_collapsed = False

        is_collapsed = value_prop("is_collapsed", coerce=as_bool, undoable=False)

    def __init__(self, world, parent, spec, name=None):
        LomObject.__init__(self, world, parent)
        self._spec = spec
        self._name = name or spec["name"]
        self._class_name = spec["class_name"]
        self._class_display_name = spec["name"]
        self._type = DeviceType(KIND_TYPES[spec["kind"]])
        self._parameters = []
        self._latency_in_ms = 0.0
        self._latency_in_samples = 0
        self._is_using_compare_preset_b = False
        self._view = self._make_view()
        self._chosen_banks = {}

    def _make_view(self):
        return Device.View(self._world, self)

    def _set_parameters(self, parameters):
        self._parameters = parameters
        if parameters:
            parameters[0]._on_change = lambda: self._notify("is_active")

    def _children(self):
        return list(self._parameters) + [self._view]

    name = value_prop("name", coerce=as_str)
    class_name = value_prop("class_name", writable=False)
    class_display_name = value_prop("class_display_name", writable=False)
    type = value_prop("type", writable=False)
    view = value_prop("view", writable=False)
    latency_in_ms = value_prop("latency_in_ms", writable=False)
    latency_in_samples = value_prop("latency_in_samples", writable=False)
    is_using_compare_preset_b = value_prop("is_using_compare_preset_b", coerce=as_bool)

    @property
    def parameters(self):
        self._check()
        return Vector(self._parameters)

    @property
    def is_active(self):
        """False when the device is off or sits in a rack that is off."""
        self._check()
        if self._parameters and self._parameters[0]._value < 0.5:
            return False
        parent = self._parent
        while parent is not None and not hasattr(parent, "_tracks"):
            if isinstance(parent, Device) and parent._parameters and parent._parameters[0]._value < 0.5:
                return False
            parent = parent._parent
        return True

    @property
    def can_have_chains(self):
        self._check()
        return False

    @property
    def can_have_drum_pads(self):
        self._check()
        return False

    @property
    def can_compare_ab(self):
        self._check()
        return False

    @mutator
    def store_chosen_bank(self, script_index, bank_index):
        self._chosen_banks[int(script_index)] = int(bank_index)

    @mutator
    def save_preset_to_compare_ab_slot(self):
        raise RuntimeError("This device does not support A/B compare")


__all__ = ["ATimeableValueVector", "Device", "DeviceType"]
