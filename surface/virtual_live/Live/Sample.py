"""Live.Sample: the sample file loaded into a Simpler.

Virtual Live has no audio: a sample is a file name and a length in samples (at 44.1 kHz), with
Live's markers (in samples), gain and warp settings. Reversing and cropping (SimplerDevice) change
what these report, as the new file Live writes would.
"""
from ..lom import accessor, as_bool, as_float, as_int, listenable, value_prop
from .LomObject import LomObject

SAMPLE_RATE = 44100


def _marker(which):
    def coerce(sample, value):
        value = as_int(sample, value)
        start = value if which == "start" else sample._start_marker
        end = value if which == "end" else sample._end_marker
        if not 0 <= start < end <= sample._length:
            raise RuntimeError("Invalid %s marker %r (0 <= start < end <= %d)" % (which, value, sample._length))
        return value
    return coerce


def _gain(sample, value):
    value = as_float(sample, value)
    if not 0.0 <= value <= 1.0:
        raise RuntimeError("Invalid gain %r (0..1)" % value)
    return value


@listenable("end_marker", "file_path", "gain", "slices", "start_marker", "warping")
class Sample(LomObject):
    """This class represents a sample file loaded into a Simpler instance."""

    def __init__(self, world, simpler, file_path, length):
        LomObject.__init__(self, world, simpler)
        self._file_path = file_path
        self._length = int(length)
        self._start_marker = 0
        self._end_marker = int(length)
        self._gain = 0.4            # 0 dB, as a clip's gain (Live/Clip.py gain_text)
        self._warping = False
        self._slices = ()
        self._reversed = False
        self._warp_beats = None     # the length warp_as gave the region, in beats

    file_path = value_prop("file_path", writable=False)
    length = value_prop("length", writable=False)
    start_marker = value_prop("start_marker", coerce=_marker("start"))
    end_marker = value_prop("end_marker", coerce=_marker("end"))
    gain = value_prop("gain", coerce=_gain)
    warping = value_prop("warping", coerce=as_bool)
    slices = value_prop("slices", writable=False)

    @property
    def sample_rate(self):
        self._check()
        return float(SAMPLE_RATE)

    @accessor
    def gain_display_string(self):
        from .Clip import gain_text
        return gain_text(self._gain)


__all__ = ["Sample"]
