"""Live.ClipSlot: one cell of the session grid."""
from ..lom import LiveEnum, as_bool, as_float, as_int, enum_members, enum_of, listenable, mutator, value_prop
from .LomObject import LomObject


NOT_GIVEN_LENGTH = 1.7976931348623157e308     # the overload's defaults: "not given"
NOT_GIVEN_QUANTIZATION = -2147483648


class ClipSlotPlayingState(LiveEnum):
    pass


enum_members(ClipSlotPlayingState, "stopped started recording")


@listenable("color", "color_index", "controls_other_clips", "has_clip", "has_stop_button", "is_triggered",
            "playing_status")
class ClipSlot(LomObject):
    """This class represents an entry in Live's Session view matrix."""

    def __init__(self, world, track, is_group_slot=False):
        LomObject.__init__(self, world, track)
        self._clip = None
        self._has_stop_button = True
        self._is_group_slot = is_group_slot
        self._is_triggered = False

    def _children(self):
        return [self._clip] if self._clip is not None else []

    def _index(self):
        return self._parent._clip_slots.index(self)

    def _transport(self):
        return self._world.song._transport

    has_stop_button = value_prop("has_stop_button", coerce=as_bool)
    is_triggered = value_prop("is_triggered", writable=False)

    @property
    def clip(self):
        self._check()
        return self._clip

    @property
    def has_clip(self):
        self._check()
        return self._clip is not None

    @property
    def is_playing(self):
        self._check()
        return self._clip is not None and self._clip._playing

    @property
    def is_recording(self):
        self._check()
        return self._clip is not None and self._clip._recording

    @property
    def will_record_on_start(self):
        """True while a recording into this empty slot is triggered."""
        self._check()
        return self._clip is None and self._is_triggered

    @property
    def is_group_slot(self):
        self._check()
        return self._is_group_slot

    @property
    def controls_other_clips(self):
        self._check()
        if not self._is_group_slot:
            return False
        index = self._index()
        return any(t._clip_slots[index]._clip is not None for t in self._parent._group_children())

    @property
    def playing_status(self):
        self._check()
        if self._clip is not None and self._clip._recording:
            return ClipSlotPlayingState.recording
        if self._clip is not None and self._clip._playing:
            return ClipSlotPlayingState.started
        return ClipSlotPlayingState.stopped

    @property
    def color(self):
        self._check()
        return self._clip._color if self._clip is not None else None

    @property
    def color_index(self):
        self._check()
        return self._clip._color_index if self._clip is not None else None

    # -- editing ----------------------------------------------------------------------------
    def _put_clip(self, clip):
        """Place (or with None remove) a clip, undoably; a removed clip dies, undo revives it."""
        old = self._clip

        def apply(new, gone):
            if gone is not None:
                gone._recording = False          # a deleted recording is gone, not finished
                if gone._playing or gone._triggered:
                    self._transport().stop_track_now(self._parent)
                gone._kill()
            if new is not None:
                new._revive()
                new._parent = self
            self._clip = new
            self._notify("has_clip")
            self._notify("color")
        self._world.undo.record(lambda: apply(old, clip), lambda: apply(clip, old))
        with self._world.undo.quiet():
            apply(clip, old)

    @mutator
    def create_clip(self, length):
        length = as_float(self, length)
        track = self._parent
        if track._kind != "midi":
            raise RuntimeError("Clips can only be created on MIDI tracks")
        if self._clip is not None:
            raise RuntimeError("The clip slot already has a clip")
        if length <= 0:
            raise RuntimeError("Invalid clip length %r" % length)
        from .Clip import Clip
        clip = Clip(self._world, self, length, True, "", track._color, track._color_index)
        self._put_clip(clip)
        return clip

    @mutator
    def create_audio_clip(self, file_path):
        track = self._parent
        if track._kind != "audio":
            raise RuntimeError("Audio clips can only be created on audio tracks")
        if self._clip is not None:
            raise RuntimeError("The clip slot already has a clip")
        raise RuntimeError("Audio file '%s' is not available in virtual Live" % file_path)

    @mutator
    def delete_clip(self):
        if self._clip is None:
            raise RuntimeError("The clip slot is empty")
        self._put_clip(None)

    @mutator
    def duplicate_clip_to(self, target_clip_slot):
        if self._clip is None:
            raise RuntimeError("The clip slot is empty")
        if not isinstance(target_clip_slot, ClipSlot) or target_clip_slot == None:
            raise TypeError("duplicate_clip_to expects a ClipSlot")
        if target_clip_slot._parent._kind != self._parent._kind:
            raise RuntimeError("Clips can only be duplicated to a track of the same type")
        from ..sets import clip_from_dict, clip_to_dict
        copy = clip_from_dict(self._world, target_clip_slot, clip_to_dict(self._clip))
        target_clip_slot._put_clip(copy)

    @mutator
    def fire(self, record_length=NOT_GIVEN_LENGTH, launch_quantization=NOT_GIVEN_QUANTIZATION, force_legato=False):
        """Live's overload (its Boost docstring; the stubs show only fire()): record_length records
        into this empty slot of an armed track and refires the clip after that many beats (an
        error if the slot owns a clip); launch_quantization (a Song.Quantization) stands in for the
        song's global quantization; force_legato plays the clip at once, in step with the track."""
        record_length = as_float(self, record_length)
        launch_quantization = as_int(self, launch_quantization)
        force_legato = as_bool(self, force_legato)
        quantization = None
        if launch_quantization != NOT_GIVEN_QUANTIZATION:
            from .Song import Quantization
            quantization = enum_of(Quantization)(self, launch_quantization)
        length = None
        if record_length != NOT_GIVEN_LENGTH:
            if self._clip is not None:
                raise RuntimeError("Cannot record into a clip slot that owns a clip")
            if record_length <= 0:
                raise RuntimeError("Invalid record length %r" % record_length)
            length = record_length
        self._transport().fire_slot(self, None, quantization, force_legato, length)

    @mutator
    def set_fire_button_state(self, state):
        if state:
            self._transport().fire_slot(self)

    @mutator
    def stop(self):
        self._transport().stop_slot(self)


__all__ = ["ClipSlot", "ClipSlotPlayingState"]
