"""Live.Chain: a chain inside a rack, with its own device chain and mixer."""
from .. import devices as device_ops
from ..lom import as_bool, as_int, as_str, color_props, listenable, mutator, since, value_prop
from .Base import Vector
from .Track import DeviceContainer


@listenable("color", "color_index", "devices", "is_auto_colored", "mute", "muted_via_solo", "name", "solo")
class Chain(DeviceContainer):
    """This class represents a group device chain in Live."""

    def __init__(self, world, rack, name="Chain"):
        DeviceContainer.__init__(self, world, rack)
        self._rack = rack
        self._name = name
        self._color = 0
        self._color_index = 0
        self._is_auto_colored = True
        self._mute = False
        self._solo = False
        self._muted_via_solo = False
        self._devices = []
        from .ChainMixerDevice import ChainMixerDevice
        self._mixer_device = ChainMixerDevice(world, self)

    def _children(self):
        return list(self._devices) + [self._mixer_device]

    def _device_selected(self, device):
        track = self._parent
        while track is not None and not hasattr(track, "_clip_slots"):
            track = track._parent
        if track is not None:
            self._world.song._view._select_device(device)

    name = value_prop("name", coerce=as_str)
    color, color_index = color_props()
    is_auto_colored = value_prop("is_auto_colored", coerce=as_bool)
    mute = value_prop("mute", coerce=as_bool)
    solo = value_prop("solo", coerce=as_bool)
    muted_via_solo = value_prop("muted_via_solo", writable=False)
    mixer_device = value_prop("mixer_device", writable=False)

    @property
    def devices(self):
        self._check()
        return Vector(self._devices)

    def _path(self):
        return device_ops.path_kind(self)

    @property
    def has_audio_input(self):
        self._check()
        return self._path() == "audio"

    @property
    def has_audio_output(self):
        self._check()
        return self._path() != "midi_only"

    @property
    def has_midi_input(self):
        self._check()
        return self._path() != "audio"

    @property
    def has_midi_output(self):
        self._check()
        return self._path() == "midi_only"

    @mutator
    def delete_device(self, index):
        device_ops.remove(self, index)

    @mutator
    def duplicate_device(self, index):
        device_ops.duplicate(self, index)

    @mutator
    def _insert_device(self, device_name, device_index=-1):
        """Insert a native device by name into this chain (Live 12.3+)."""
        return device_ops.load(self, as_str(self, device_name), as_int(self, device_index))

    _insert_device.__name__ = "insert_device"
    insert_device = since((12, 3), _insert_device)


del Chain._insert_device

__all__ = ["Chain"]
