"""Live.MixerDevice: a track's volume, pan, sends (and on the main track crossfader, cue, tempo)."""
from ..lom import LiveEnum, enum_members, enum_of, listenable, value_prop
from .Base import Vector
from .DeviceParameter import DeviceParameter
from .LomObject import LomObject

VOLUME_DEFAULT = 0.85  # 0 dB on Live's volume fader


@listenable("crossfade_assign", "panning_mode", "sends")
class MixerDevice(LomObject):
    """This class represents a Mixer Device in Live."""

    class crossfade_assignments(LiveEnum):
        pass

    class panning_modes(LiveEnum):
        pass

    def __init__(self, world, track, is_main=False):
        LomObject.__init__(self, world, track)
        self._is_main = is_main
        self._volume = DeviceParameter(world, self, "Track Volume", 0.0, 1.0, VOLUME_DEFAULT, unit="dB")
        self._panning = DeviceParameter(world, self, "Track Panning", -1.0, 1.0, 0.0)
        self._track_activator = DeviceParameter(world, self, "Speaker On", 0.0, 1.0, 1.0, items=["Off", "On"])
        self._left_split_stereo = DeviceParameter(world, self, "Left Split Stereo", -1.0, 1.0, -1.0)
        self._right_split_stereo = DeviceParameter(world, self, "Right Split Stereo", -1.0, 1.0, 1.0)
        self._sends = []
        self._crossfade_assign = MixerDevice.crossfade_assignments.NONE
        self._panning_mode = MixerDevice.panning_modes.stereo
        if is_main:
            self._crossfader = DeviceParameter(world, self, "Crossfade", -1.0, 1.0, 0.0)
            self._cue_volume = DeviceParameter(world, self, "Cue Volume", 0.0, 1.0, VOLUME_DEFAULT, unit="dB")
            self._song_tempo = DeviceParameter(world, self, "Song Tempo", 20.0, 999.0, 120.0, unit="BPM")

    def _children(self):
        kids = [self._volume, self._panning, self._track_activator, self._left_split_stereo,
                self._right_split_stereo] + list(self._sends)
        if self._is_main:
            kids += [self._crossfader, self._cue_volume, self._song_tempo]
        return kids

    def _add_send(self, index, letter):
        send = DeviceParameter(self._world, self, "%s-Send" % letter, 0.0, 1.0, 0.0)
        self._sends.insert(index, send)
        self._notify("sends")
        return send

    def _remove_send(self, index):
        send = self._sends.pop(index)
        send._kill()
        self._notify("sends")
        return send

    volume = value_prop("volume", writable=False)
    panning = value_prop("panning", writable=False)
    track_activator = value_prop("track_activator", writable=False)
    left_split_stereo = value_prop("left_split_stereo", writable=False)
    right_split_stereo = value_prop("right_split_stereo", writable=False)

    def _main_only(name):
        def fget(self):
            self._check()
            if not self._is_main:
                raise RuntimeError("%s is only available on the main track" % name)
            return self.__dict__["_" + name]
        return property(fget)

    crossfader = _main_only("crossfader")
    cue_volume = _main_only("cue_volume")
    song_tempo = _main_only("song_tempo")
    del _main_only

    @property
    def sends(self):
        self._check()
        return Vector(self._sends)


enum_members(MixerDevice.crossfade_assignments, "A NONE B")
enum_members(MixerDevice.panning_modes, "stereo stereo_split")
MixerDevice.crossfade_assign = value_prop("crossfade_assign", coerce=enum_of(MixerDevice.crossfade_assignments))
MixerDevice.panning_mode = value_prop("panning_mode", coerce=enum_of(MixerDevice.panning_modes))

__all__ = ["MixerDevice"]
