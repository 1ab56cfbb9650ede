"""Live.LooperDevice: the Looper's transport buttons and buffer (in the LOM since Live 12.0.5;
virtual Live gives it from 12.1). Each button moves the device's "State" parameter, as pressing
it in Live does; the buffer itself lives in virtual_live/looper.py."""
from ..lom import as_bool, as_int, listenable, mutator
from .. import looper as buffer
from .Base import StringVector
from .Device import Device


@listenable("loop_length", "overdub_after_record", "record_length_index", "tempo")
class LooperDevice(Device):
    """This class represents a Looper device."""

    def _press(self, state):
        self._looper.param("State")._change("value", float(state))

    @property
    def loop_length(self):
        self._check()
        return self._looper.loop_length

    @property
    def tempo(self):
        """The tempo of the buffer: the song's, as it was recorded at it."""
        self._check()
        return self._world.song._tempo

    @property
    def record_length_list(self):
        self._check()
        return StringVector(buffer.RECORD_LENGTHS)

    def _get_record_length_index(self):
        self._check()
        return self._looper.record_length_index

    def _set_record_length_index(self, value):
        self._check_write()
        value = as_int(self, value)
        if not 0 <= value < len(buffer.RECORD_LENGTHS):
            raise IndexError("Index out of range")
        self._looper.record_length_index = value
        self._notify("record_length_index")

    record_length_index = property(_get_record_length_index, _set_record_length_index)

    def _get_overdub_after_record(self):
        self._check()
        return self._looper.overdub_after_record

    def _set_overdub_after_record(self, value):
        self._check_write()
        self._looper.overdub_after_record = as_bool(self, value)
        self._notify("overdub_after_record")

    overdub_after_record = property(_get_overdub_after_record, _set_overdub_after_record)

    @mutator
    def record(self):
        self._press(buffer.RECORD)

    @mutator
    def overdub(self):
        self._press(buffer.OVERDUB)

    @mutator
    def play(self):
        self._press(buffer.PLAY)

    @mutator
    def stop(self):
        self._press(buffer.STOP)

    @mutator
    def clear(self):
        self._looper.clear()

    @mutator
    def undo(self):
        """Undo the last overdub layer: virtual Live keeps no audio, so only the state shows it."""

    @mutator
    def double_length(self):
        self._looper.set_length(self._looper.loop_length * 2.0)

    @mutator
    def half_length(self):
        self._looper.set_length(self._looper.loop_length / 2.0)

    def _speed(self, semitones):
        speed = self._looper.param("Speed")
        speed._change("value", max(speed._min, min(speed._max, speed._value + semitones)))

    @mutator
    def double_speed(self):
        self._speed(12.0)

    @mutator
    def half_speed(self):
        self._speed(-12.0)

    @mutator
    def export_to_clip_slot(self, clip_slot):
        """Copy the buffer into an empty slot as an audio clip (Live 12.1+)."""
        if self._looper.loop_length <= 0:
            raise RuntimeError("The Looper is empty")
        if clip_slot._clip is not None:
            raise RuntimeError("The clip slot is not empty")
        if clip_slot._parent._kind != "audio":
            raise RuntimeError("The Looper exports audio: choose a slot on an audio track")
        from .Clip import Clip
        clip = Clip(self._world, clip_slot, self._looper.loop_length, is_midi=False, name="Looper",
                    file_path="Looper.wav")
        clip_slot._put_clip(clip)


__all__ = ["LooperDevice"]
