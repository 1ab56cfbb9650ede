"""Live.DrumPad: one of a Drum Rack's 128 pads."""
from ..lom import as_bool, listenable, mutator, value_prop
from .Base import Vector
from .LomObject import LomObject

_NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


@listenable("chains", "mute", "name", "solo")
class DrumPad(LomObject):
    """This class represents a drum group device pad in Live."""

    def __init__(self, world, rack, note):
        LomObject.__init__(self, world, rack)
        self._note = note
        self._name = "%s%d" % (_NOTE_NAMES[note % 12], note // 12 - 2)
        self._mute = False
        self._solo = False
        self._chains = []

    def _children(self):
        return list(self._chains)

    note = value_prop("note", writable=False)

    @property
    def name(self):
        """The first chain's name; an empty pad is named after its note (C1, D1 ...)."""
        self._check()
        return self._chains[0]._name if self._chains else self._name
    mute = value_prop("mute", coerce=as_bool)
    solo = value_prop("solo", coerce=as_bool)

    @property
    def chains(self):
        self._check()
        return Vector(self._chains)

    @mutator
    def delete_all_chains(self):
        for chain in self._chains:
            chain._kill()
        self._chains = []
        self._notify("chains")


__all__ = ["DrumPad"]
