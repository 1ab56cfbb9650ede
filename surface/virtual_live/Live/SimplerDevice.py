"""Live.SimplerDevice: Simpler, with its playback modes, voices and the sample it holds.

Members and enums follow the stubs (Live-stubs/SimplerDevice.pyi). The methods that work on the
sample (crop, reverse, warp_*) raise on an empty Simpler, as their docstrings say. Virtual Live
plays no audio, so playing_position stays 0 and playing_position_enabled False.
"""
from ..lom import (LiveEnum, accessor, as_bool, as_float, as_int, enum_members, enum_of, listenable, mutator,
                   value_prop)
from .Base import IntVector
from .Device import Device

# Simpler's Voices chooser (virtual Live's list; Live's own list is unverified).
VOICE_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32)


class PlaybackMode(LiveEnum):
    pass


enum_members(PlaybackMode, "classic one_shot slicing")


class SlicingPlaybackMode(LiveEnum):
    pass


enum_members(SlicingPlaybackMode, "mono poly thru")


def get_available_voice_numbers():
    """Get a vector of valid Simpler voice numbers."""
    return IntVector(VOICE_NUMBERS)


def _voices(simpler, value):
    value = as_int(simpler, value)
    if value not in VOICE_NUMBERS:
        raise RuntimeError("Invalid number of voices %r (one of %s)" % (value, ", ".join(map(str, VOICE_NUMBERS))))
    return value


def _bend_range(simpler, value):
    value = as_int(simpler, value)
    if not 0 <= value <= 48:
        raise RuntimeError("Invalid pitch bend range %r (0..48)" % value)
    return value


def _can_warp_changed(simpler, old):
    for name in ("can_warp_as", "can_warp_double", "can_warp_half"):
        simpler._notify(name)


@listenable("can_warp_as", "can_warp_double", "can_warp_half", "multi_sample_mode", "note_pitch_bend_range",
            "pad_slicing", "pitch_bend_range", "playback_mode", "playing_position", "playing_position_enabled",
            "retrigger", "sample", "slicing_playback_mode", "voices")
class SimplerDevice(Device):
    """This class represents a Simpler device."""

    @listenable("sample_end", "sample_env_fade_in", "sample_env_fade_out", "sample_loop_end", "sample_loop_fade",
                "sample_loop_start", "sample_start", "selected_slice")
    class View(Device.View):
        """Representing the view aspects of a simpler device."""

        def __init__(self, world, simpler):
            Device.View.__init__(self, world, simpler)
            self._selected_slice = 0

        def _sample(self):
            return self._parent._sample

        def _in_samples(self, pick):
            sample = self._sample()
            return -1 if sample is None else pick(sample)

        @property
        def sample_start(self):
            self._check()
            return self._in_samples(lambda s: s._start_marker)

        @property
        def sample_end(self):
            self._check()
            return self._in_samples(lambda s: s._end_marker)

        @property
        def sample_loop_start(self):
            self._check()
            return self._in_samples(lambda s: s._start_marker)

        @property
        def sample_loop_end(self):
            self._check()
            return self._in_samples(lambda s: s._end_marker)

        @property
        def sample_loop_fade(self):
            self._check()
            return self._in_samples(lambda s: 0)

        @property
        def sample_env_fade_in(self):
            self._check()
            return self._in_samples(lambda s: 0)

        @property
        def sample_env_fade_out(self):
            self._check()
            return self._in_samples(lambda s: 0)

        selected_slice = value_prop("selected_slice", coerce=as_int, undoable=False)

    def __init__(self, world, parent, spec, name=None):
        Device.__init__(self, world, parent, spec, name)
        self._playback_mode = PlaybackMode.classic
        self._slicing_playback_mode = SlicingPlaybackMode.mono
        self._retrigger = False
        self._voices = 1
        self._pitch_bend_range = 5
        self._note_pitch_bend_range = 48
        self._pad_slicing = False
        self._sample = None

    def _make_view(self):
        return SimplerDevice.View(self._world, self)

    def _children(self):
        return Device._children(self) + ([self._sample] if self._sample is not None else [])

    def _load_sample(self, file_path, length):
        from .Sample import Sample
        self._sample = Sample(self._world, self, file_path, length)

    playback_mode = value_prop("playback_mode", coerce=enum_of(PlaybackMode))
    slicing_playback_mode = value_prop("slicing_playback_mode", coerce=enum_of(SlicingPlaybackMode))
    retrigger = value_prop("retrigger", coerce=as_bool)
    voices = value_prop("voices", coerce=_voices)
    pitch_bend_range = value_prop("pitch_bend_range", coerce=_bend_range)
    note_pitch_bend_range = value_prop("note_pitch_bend_range", coerce=_bend_range)
    pad_slicing = value_prop("pad_slicing", coerce=as_bool)

    @property
    def sample(self):
        self._check()
        return self._sample

    @property
    def multi_sample_mode(self):
        self._check()
        return False

    @property
    def playing_position(self):
        self._check()
        return 0.0

    @property
    def playing_position_enabled(self):
        self._check()
        return False

    @property
    def can_warp_as(self):
        self._check()
        return self._sample is not None

    @property
    def can_warp_double(self):
        self._check()
        return self._sample is not None and self._sample._warping

    @property
    def can_warp_half(self):
        self._check()
        return self._sample is not None and self._sample._warping

    # -- the sample ----------------------------------------------------------------------------
    def _require_sample(self, what):
        if self._sample is None:
            raise RuntimeError("%s: this Simpler holds no sample" % what)
        return self._sample

    def _seconds(self, sample):
        return (sample._end_marker - sample._start_marker) / sample.sample_rate

    @accessor
    def guess_playback_length(self):
        sample = self._require_sample("guess_playback_length")
        if sample._warp_beats is not None:
            return float(sample._warp_beats)
        return self._seconds(sample) * self._world.song._tempo / 60.0

    @mutator
    def crop(self):
        sample = self._require_sample("crop")
        old = (sample._length, sample._start_marker, sample._end_marker)
        new = (sample._end_marker - sample._start_marker, 0, sample._end_marker - sample._start_marker)

        def apply(values):
            sample._length, sample._start_marker, sample._end_marker = values
            sample._notify("start_marker")
            sample._notify("end_marker")
        self._world.undo.record(lambda: apply(old), lambda: apply(new))
        apply(new)

    @mutator
    def reverse(self):
        sample = self._require_sample("reverse")

        def flip():
            sample._reversed = not sample._reversed
            self._notify("sample")
        self._world.undo.record(flip, flip)
        flip()

    def _warp(self, beats):
        sample = self._sample
        old = (sample._warping, sample._warp_beats)

        def apply(values):
            sample._warping, sample._warp_beats = values
            sample._notify("warping")
            _can_warp_changed(self, None)
        self._world.undo.record(lambda: apply(old), lambda: apply((True, beats)))
        apply((True, beats))

    @mutator
    def warp_as(self, beat_time):
        self._require_sample("warp_as")
        beats = as_float(self, beat_time)
        if beats <= 0:
            raise RuntimeError("Invalid warp length %r (must be positive)" % beats)
        self._warp(beats)

    def _rewarp(self, factor, what):
        sample = self._require_sample(what)
        if not sample._warping:
            raise RuntimeError("%s: the sample is not warped" % what)
        beats = sample._warp_beats if sample._warp_beats is not None else self.guess_playback_length.__wrapped__(self)
        self._warp(beats * factor)

    @mutator
    def warp_double(self):
        self._rewarp(0.5, "warp_double")       # double tempo: the region lasts half as many beats

    @mutator
    def warp_half(self):
        self._rewarp(2.0, "warp_half")


__all__ = ["PlaybackMode", "SimplerDevice", "SlicingPlaybackMode", "get_available_voice_numbers"]
