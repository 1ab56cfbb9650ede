"""Virtual Live's `Live` package: the modules a Remote Script imports, mirroring Live's own.

``lmac.surface.virtual_live.install_live_module()`` registers them in sys.modules as ``Live``,
``Live.Song``, ... so that surface code does ``import Live`` the same way under real Live.
"""
from . import (Application, Base, Browser, Chain, ChainMixerDevice, Clip, ClipSlot, Device, DeviceParameter,
               DrumChain, DrumPad, Envelope, LomObject, LooperDevice, MidiMap, MixerDevice, RackDevice, Sample, Scene,
               SimplerDevice, Song, Track)

MODULES = ("Application", "Base", "Browser", "Chain", "ChainMixerDevice", "Clip", "ClipSlot", "Device",
           "DeviceParameter", "DrumChain", "DrumPad", "Envelope", "LomObject", "LooperDevice", "MidiMap", "MixerDevice",
           "RackDevice", "Sample", "Scene", "SimplerDevice", "Song", "Track")

__all__ = list(MODULES)
