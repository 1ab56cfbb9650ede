"""Live.ChainMixerDevice: a rack chain's volume, pan, sends and activator."""
from ..lom import listenable, value_prop
from .Base import Vector
from .DeviceParameter import DeviceParameter
from .LomObject import LomObject
from .MixerDevice import VOLUME_DEFAULT


@listenable("sends")
class ChainMixerDevice(LomObject):
    """This class represents a Chain's Mixer Device in Live."""

    def __init__(self, world, chain):
        LomObject.__init__(self, world, chain)
        self._volume = DeviceParameter(world, self, "Chain Volume", 0.0, 1.0, VOLUME_DEFAULT, unit="dB")
        self._panning = DeviceParameter(world, self, "Chain Pan", -1.0, 1.0, 0.0)
        self._chain_activator = DeviceParameter(world, self, "Chain Activator", 0.0, 1.0, 1.0, items=["Off", "On"])
        self._sends = []

    def _children(self):
        return [self._volume, self._panning, self._chain_activator] + self._sends

    volume = value_prop("volume", writable=False)
    panning = value_prop("panning", writable=False)
    chain_activator = value_prop("chain_activator", writable=False)

    @property
    def sends(self):
        self._check()
        return Vector(self._sends)


__all__ = ["ChainMixerDevice"]
