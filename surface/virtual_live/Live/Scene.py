"""Live.Scene: a row of the session grid, with optional tempo and time signature."""
from ..lom import as_bool, as_float, as_int, as_str, color_props, listenable, mutator, value_prop
from .Base import Vector
from .LomObject import LomObject


def _scene_tempo(scene, value):
    value = as_float(scene, value)
    if value != -1.0 and not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid scene tempo %r (20..999, or -1 for none)" % value)
    return value


def _tempo_changed(scene, old):
    enabled = scene._tempo != -1.0
    if enabled != scene._tempo_enabled:
        scene._set_raw("tempo_enabled", enabled)


def _scene_signature(scene, value):
    value = as_int(scene, value)
    if value != -1 and not 1 <= value <= 99:
        raise RuntimeError("Invalid scene time signature value %r" % value)
    return value


@listenable("clip_slots", "color", "color_index", "is_triggered", "name", "tempo", "tempo_enabled",
            "time_signature_denominator", "time_signature_enabled", "time_signature_numerator")
class Scene(LomObject):
    """This class represents a series of ClipSlots in Live's Session View matrix."""

    def __init__(self, world, song, name="", color=0, color_index=0):
        LomObject.__init__(self, world, song)
        self._name = name
        self._color = color
        self._color_index = color_index
        self._tempo = -1.0
        self._tempo_enabled = False
        self._time_signature_numerator = -1
        self._time_signature_denominator = -1
        self._time_signature_enabled = False
        self._is_triggered = False

    def _index(self):
        return self._parent._scenes.index(self)

    def _set_triggered(self, value):
        if self._is_triggered != value:
            self._set_raw("is_triggered", value)

    name = value_prop("name", coerce=as_str)
    color, color_index = color_props()
    tempo = value_prop("tempo", coerce=_scene_tempo, after=_tempo_changed)
    tempo_enabled = value_prop("tempo_enabled", coerce=as_bool)
    time_signature_numerator = value_prop("time_signature_numerator", coerce=_scene_signature)
    time_signature_denominator = value_prop("time_signature_denominator", coerce=_scene_signature)
    time_signature_enabled = value_prop("time_signature_enabled", coerce=as_bool)
    is_triggered = value_prop("is_triggered", writable=False)

    @property
    def clip_slots(self):
        self._check()
        index = self._index()
        return Vector(t._clip_slots[index] for t in self._parent._tracks)

    @property
    def is_empty(self):
        self._check()
        index = self._index()
        return all(t._clip_slots[index]._clip is None for t in self._parent._tracks)

    def _fire(self, can_select):
        song = self._parent
        song._transport.fire_scene(self)
        if can_select and song._select_on_launch:
            song._view._select("selected_scene", self)

    @mutator
    def fire(self, force_legato=False, can_select_scene_on_launch=True):
        self._fire(bool(can_select_scene_on_launch))

    @mutator
    def fire_as_selected(self, force_legato=False):
        self._fire(True)

    @mutator
    def set_fire_button_state(self, state):
        if state:
            self._fire(True)


__all__ = ["Scene"]
