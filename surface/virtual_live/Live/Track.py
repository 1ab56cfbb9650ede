"""Live.Track: MIDI, audio, group, return and main tracks."""
from .. import devices as device_ops
from ..lom import (PersistentData, LiveEnum, accessor, as_bool, as_int, as_str, checked_index, enum_members, enum_of, listenable, mutator, since,
                   value_prop)
from .Base import Vector
from .LomObject import LomObject


class DeviceContainer(LomObject):
    """Shared by tracks and rack chains: an ordered device chain (private helpers only)."""

    def _device_selected(self, device):
        pass

    def _device_removed(self, device):
        pass


class DeviceInsertMode(LiveEnum):
    pass


enum_members(DeviceInsertMode, "default selected_left selected_right count")


class RoutingChannelLayout(LiveEnum):
    pass


enum_members(RoutingChannelLayout, "midi mono stereo")


class RoutingTypeCategory(LiveEnum):
    pass


enum_members(RoutingTypeCategory, "external rewire resampling master track parent_group_track none invalid")

PLAYER_KINDS = ("midi", "audio")


def _arm_value(track, value):
    if not track._kind in PLAYER_KINDS:
        raise RuntimeError("Main, return and group tracks cannot be armed")
    return bool(value)


def _not_main(name):
    def coerce(track, value):
        if track._kind == "master":
            raise RuntimeError("The main track has no %s" % name)
        return bool(value)
    return coerce


def _solo_changed(track, old):
    song = track._parent
    for t in song._all_tracks():
        t._update_muted_via_solo()


def _mute_changed(track, old):
    track._update_muted_via_solo()


def _color_value(track, value):
    value = as_int(track, value)
    if not 0 <= value <= 0xFFFFFF:
        raise ValueError("Invalid colour %r" % value)
    return value


@listenable("arm", "arrangement_clips", "back_to_arranger", "clip_slots", "color", "color_index", "current_monitoring_state",
            "data", "devices", "fired_slot_index", "has_audio_input", "has_audio_output", "has_midi_input",
            "has_midi_output", "implicit_arm", "input_meter_left", "input_meter_level", "input_meter_right", "is_frozen",
            "mute", "muted_via_solo", "name", "output_meter_left", "output_meter_level", "output_meter_right",
            "playing_slot_index", "solo", back_to_arranger=(12, 0))
class Track(PersistentData, DeviceContainer):
    """This class represents a track in Live. It can be either an Audio track, a MIDI Track, a Return
    Track or the Main track."""

    @listenable("device_insert_mode", "is_collapsed", "selected_device")
    class View(LomObject):
        """Representing the view aspects of a Track."""

        def __init__(self, world, track):
            LomObject.__init__(self, world, track)
            self._device_insert_mode = DeviceInsertMode.default
            self._is_collapsed = False
            self._selected_device = None

        device_insert_mode = value_prop("device_insert_mode", coerce=enum_of(DeviceInsertMode), undoable=False)
        is_collapsed = value_prop("is_collapsed", coerce=as_bool, undoable=False)
        selected_device = value_prop("selected_device", writable=False)

        @mutator
        def select_instrument(self):
            for device in self._parent._devices:
                if device._spec["kind"] == "instrument":
                    self._parent._world.song._view._select_device(device)
                    return True
            return False

    class monitoring_states(LiveEnum):
        pass

    def __init__(self, world, song, kind, name, color=0, color_index=0):
        LomObject.__init__(self, world, song)
        self._kind = kind
        self._name = name
        self._color = color
        self._color_index = color_index
        self._mute = False
        self._solo = False
        self._arm = False
        self._implicit_arm = False
        self._muted_via_solo = False
        self._current_monitoring_state = Track.monitoring_states.AUTO
        self._fold_state = 0
        self._group = None
        self._devices = []
        self._clip_slots = []
        self._playing_slot_index = -1
        self._fired_slot_index = -1
        self._pending_slot = None
        self._back_to_arranger = False
        self._data = {}
        from .MixerDevice import MixerDevice
        self._mixer_device = MixerDevice(world, self, is_main=(kind == "master"))
        self._view = Track.View(world, self)

    def _children(self):
        return list(self._devices) + list(self._clip_slots) + [self._mixer_device, self._view]

    def _group_children(self):
        song = self._parent
        return [t for t in song._tracks if t._group is self]

    def _all_descendants(self):
        out = []
        for child in self._group_children():
            out.append(child)
            out.extend(child._all_descendants())
        return out

    def _device_selected(self, device):
        self._world.song._view._select_device(device)

    def _device_removed(self, device):
        if self._view._selected_device is device:
            self._view._set_raw("selected_device", self._devices[-1] if self._devices else None)

    def _update_muted_via_solo(self):
        song = self._parent
        if self._kind == "master":
            return
        any_solo = any(t._solo for t in song._all_tracks())
        value = any_solo and not self._solo and not self._mute and self._kind != "return"
        if value != self._muted_via_solo:
            self._set_raw("muted_via_solo", value)

    # -- identity and state -------------------------------------------------------------
    name = value_prop("name", coerce=as_str)
    color = value_prop("color", coerce=_color_value)
    color_index = value_prop("color_index", coerce=as_int)
    mute = value_prop("mute", coerce=_not_main("mute"), after=_mute_changed)
    solo = value_prop("solo", coerce=_not_main("solo"), after=_solo_changed)
    implicit_arm = value_prop("implicit_arm", coerce=as_bool, undoable=False)
    muted_via_solo = value_prop("muted_via_solo", writable=False)
    mixer_device = value_prop("mixer_device", writable=False)
    view = value_prop("view", writable=False)
    playing_slot_index = value_prop("playing_slot_index", writable=False)
    fired_slot_index = value_prop("fired_slot_index", writable=False)
    back_to_arranger = since((12, 0), value_prop("back_to_arranger", coerce=as_bool, undoable=False))

    def _get_arm(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Main, return and group tracks cannot be armed")
        return self._arm

    def _set_arm(self, value):
        self._check_write()
        self._change("arm", _arm_value(self, value))

    arm = property(_get_arm, _set_arm, doc="Arm the track for recording. Not available for Main- and Send Tracks.")

    @property
    def can_be_armed(self):
        self._check()
        return self._kind in PLAYER_KINDS

    def _get_monitoring(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have a monitoring state")
        return self._current_monitoring_state

    def _set_monitoring(self, value):
        self._check_write()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have a monitoring state")
        self._change("current_monitoring_state", enum_of(Track.monitoring_states)(self, value))

    current_monitoring_state = property(_get_monitoring, _set_monitoring)

    @property
    def is_foldable(self):
        self._check()
        return self._kind == "group"

    def _get_fold(self):
        self._check()
        if self._kind != "group":
            raise RuntimeError("Track is not foldable")
        return self._fold_state

    def _set_fold(self, value):
        self._check_write()
        if self._kind != "group":
            raise RuntimeError("Track is not foldable")
        value = 1 if value else 0
        if value != self._fold_state:
            def apply(v):
                self._fold_state = v
                self._parent._notify("visible_tracks")
            old = self._fold_state
            self._world.undo.record(lambda: apply(old), lambda: apply(value))
            apply(value)

    fold_state = property(_get_fold, _set_fold)

    @property
    def is_grouped(self):
        self._check()
        return self._group is not None

    @property
    def group_track(self):
        self._check()
        return self._group

    @property
    def is_visible(self):
        self._check()
        group = self._group
        while group is not None:
            if group._fold_state:
                return False
            group = group._group
        return True

    @property
    def is_part_of_selection(self):
        self._check()
        return self._world.song._view._selected_track is self

    @property
    def has_midi_input(self):
        self._check()
        return self._kind == "midi"

    @property
    def has_audio_input(self):
        self._check()
        return self._kind == "audio"

    @property
    def has_midi_output(self):
        self._check()
        return self._kind == "midi" and not any(d._spec["kind"] == "instrument" for d in self._devices)

    @property
    def has_audio_output(self):
        self._check()
        return not self.has_midi_output

    @property
    def can_be_frozen(self):
        self._check()
        return self._kind in PLAYER_KINDS

    @property
    def is_frozen(self):
        self._check()
        return False

    @property
    def can_show_chains(self):
        self._check()
        return any(d._spec.get("rack") for d in self._devices if d._spec["kind"] == "instrument")

    def _meter(self):
        self._check()
        return 0.0

    output_meter_level = property(_meter)
    output_meter_left = property(_meter)
    output_meter_right = property(_meter)
    input_meter_level = property(_meter)
    input_meter_left = property(_meter)
    input_meter_right = property(_meter)

    @property
    def devices(self):
        self._check()
        return Vector(self._devices)

    @property
    def clip_slots(self):
        self._check()
        return Vector(self._clip_slots)

    @property
    def arrangement_clips(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have arrangement clips")
        return Vector()

    # -- devices --------------------------------------------------------------------------
    @mutator
    def delete_device(self, index):
        device_ops.remove(self, index)

    @mutator
    def duplicate_device(self, index):
        device_ops.duplicate(self, index)

    @mutator
    def _insert_device(self, device_name, device_index=-1):
        """Insert a native device by its name (Live 12.3+)."""
        return device_ops.load(self, as_str(self, device_name), as_int(self, device_index))

    _insert_device.__name__ = "insert_device"
    insert_device = since((12, 3), _insert_device)

    # -- clips ----------------------------------------------------------------------------
    @mutator
    def stop_all_clips(self, quantized=True):
        self._world.song._transport.stop_track(self, quantized=bool(quantized))

    @mutator
    def jump_in_running_session_clip(self, beats):
        if self._playing_slot_index >= 0:
            clip = self._clip_slots[self._playing_slot_index]._clip
            clip._launch_total -= float(beats)

    @mutator
    def duplicate_clip_slot(self, index):
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("This track has no clip slots to duplicate")
        index = checked_index(self, index, len(self._clip_slots))
        source = self._clip_slots[index]
        if source._clip is None:
            raise RuntimeError("The clip slot is empty")
        song = self._world.song
        song._world.undo.begin()
        try:
            target_index = index + 1
            if target_index >= len(self._clip_slots) or self._clip_slots[target_index]._clip is not None:
                song._insert_scene(target_index)
            source.duplicate_clip_to.__wrapped__(source, self._clip_slots[target_index])
        finally:
            song._world.undo.end()
        return target_index


enum_members(Track.monitoring_states, "IN AUTO OFF")
del Track._insert_device

__all__ = ["DeviceContainer", "DeviceInsertMode", "RoutingChannelLayout", "RoutingTypeCategory", "Track"]
