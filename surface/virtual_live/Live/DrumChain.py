"""Live.DrumChain: a Drum Rack chain, played by the pad whose note is its in_note."""
from ..lom import as_int, listenable, value_prop
from .Chain import Chain


def _note(chain, value):
    value = as_int(chain, value)
    if not 0 <= value <= 127:
        raise RuntimeError("Invalid note %r (0..127)" % value)
    return value


def _choke(chain, value):
    value = as_int(chain, value)
    if not 0 <= value <= 16:
        raise RuntimeError("Invalid choke group %r (0 = none, 1..16)" % value)
    return value


@listenable("choke_group", "in_note", "out_note")
class DrumChain(Chain):
    """This class represents a drum group device chain in Live."""

    def __init__(self, world, rack, name="Chain", note=36):
        Chain.__init__(self, world, rack, name)
        self._in_note = note
        self._out_note = 60
        self._choke_group = 0

    in_note = value_prop("in_note", coerce=_note)
    out_note = value_prop("out_note", coerce=_note)
    choke_group = value_prop("choke_group", coerce=_choke)


__all__ = ["DrumChain"]
