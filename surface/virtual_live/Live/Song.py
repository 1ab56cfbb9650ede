"""Live.Song: the Live Set: tracks, scenes, transport, cue points, undo and per-set data."""
import math

from ..lom import (PersistentData, LiveEnum, accessor, as_bool, as_float, as_int, as_str, checked_index, enum_members,
                   enum_of, listenable, mutator, since, value_prop)
from ..transport import Transport
from .Base import LimitationError, Vector
from .LomObject import LomObject

MAX_RETURN_TRACKS = 12
RETURN_LETTERS = "ABCDEFGHIJKL"


class Quantization(LiveEnum):
    pass


enum_members(Quantization, "q_no_q q_8_bars q_4_bars q_2_bars q_bar q_half q_half_triplet q_quarter "
             "q_quarter_triplet q_eight q_eight_triplet q_sixtenth q_sixtenth_triplet q_thirtytwoth")


class RecordingQuantization(LiveEnum):
    pass


enum_members(RecordingQuantization, "rec_q_no_q rec_q_quarter rec_q_eight rec_q_eight_triplet "
             "rec_q_eight_eight_triplet rec_q_sixtenth rec_q_sixtenth_triplet rec_q_sixtenth_sixtenth_triplet "
             "rec_q_thirtysecond")


class SessionRecordStatus(LiveEnum):
    pass


enum_members(SessionRecordStatus, "off on transition")


class TimeFormat(LiveEnum):
    pass


enum_members(TimeFormat, "ms_time smpte_24 smpte_25 smpte_30 smpte_30_drop smpte_29")


class CaptureMode(LiveEnum):
    pass


enum_members(CaptureMode, "all all_except_selected")


class CaptureDestination(LiveEnum):
    pass


enum_members(CaptureDestination, "auto session arrangement")


class BeatTime(object):
    """Represents a Time, split into Bars, Beats, SubDivision and Ticks."""

    def __init__(self):
        self.bars = 0
        self.beats = 0
        self.sub_division = 0
        self.ticks = 0


class SmptTime(object):
    """Represents a Time, split into Hours, Minutes, Seconds and Frames."""

    def __init__(self):
        self.hours = 0
        self.minutes = 0
        self.seconds = 0
        self.frames = 0


def get_all_scales_ordered():
    return tuple((name, tuple(steps)) for name, steps in _SCALES)


_SCALES = [("Major", (0, 2, 4, 5, 7, 9, 11)), ("Minor", (0, 2, 3, 5, 7, 8, 10)), ("Dorian", (0, 2, 3, 5, 7, 9, 10)),
           ("Mixolydian", (0, 2, 4, 5, 7, 9, 10)), ("Lydian", (0, 2, 4, 6, 7, 9, 11)),
           ("Phrygian", (0, 1, 3, 5, 7, 8, 10)), ("Locrian", (0, 1, 3, 5, 6, 8, 10)),
           ("Harmonic Minor", (0, 2, 3, 5, 7, 8, 11)), ("Melodic Minor", (0, 2, 3, 5, 7, 9, 11)),
           ("Major Pentatonic", (0, 2, 4, 7, 9)), ("Minor Pentatonic", (0, 3, 5, 7, 10)),
           ("Blues", (0, 3, 5, 6, 7, 10)), ("Chromatic", tuple(range(12)))]


@listenable("name", "time")
class CuePoint(LomObject):
    """Represents a 'Marker' in the arrangement."""

    def __init__(self, world, song, name, time):
        LomObject.__init__(self, world, song)
        self._name = name
        self._time = float(time)

    name = value_prop("name", coerce=as_str)
    time = value_prop("time", writable=False)

    @mutator
    def jump(self):
        self._parent._transport.jump_quantized(self._time)


def _tempo_value(song, value):
    value = as_float(song, value)
    if not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid tempo %r (20..999 BPM)" % value)
    return value


def _numerator(song, value):
    value = as_int(song, value)
    if not 1 <= value <= 99:
        raise RuntimeError("Invalid signature numerator %r (1..99)" % value)
    return value


def _denominator(song, value):
    value = as_int(song, value)
    if value not in (1, 2, 4, 8, 16):
        raise RuntimeError("Invalid signature denominator %r (1, 2, 4, 8 or 16)" % value)
    return value


def _loop_changed(song, old):
    song._transport._schedule_loop_wrap()


def _positive(song, value):
    value = as_float(song, value)
    if value < 0:
        raise RuntimeError("Invalid value %r (must not be negative)" % value)
    return value


def _scale_name(song, value):
    value = as_str(song, value)
    if value not in dict(_SCALES):
        raise RuntimeError("Unknown scale %r" % value)
    return value


@listenable("appointed_device", "arrangement_overdub", "back_to_arranger", "can_capture_midi", "can_jump_to_next_cue",
            "can_jump_to_prev_cue", "clip_trigger_quantization", "cue_points", "current_song_time", "data",
            "exclusive_arm", "groove_amount", "is_ableton_link_enabled", "is_counting_in", "is_playing", "loop",
            "loop_length", "loop_start",
            "metronome", "midi_recording_quantization", "nudge_down", "nudge_up", "overdub", "punch_in", "punch_out",
            "re_enable_automation_enabled", "record_mode", "return_tracks", "root_note", "scale_intervals",
            "scale_mode", "scale_name", "scenes", "session_automation_record", "session_record",
            "session_record_status", "signature_denominator", "signature_numerator", "song_length", "start_time",
            "swing_amount", "tempo", "tracks", "tuning_system", "visible_tracks",
            scale_mode=(12, 0), tuning_system=(12, 1))
class Song(PersistentData, LomObject):
    """This class represents a Live set."""

    @listenable("detail_clip", "draw_mode", "follow_song", "selected_chain", "selected_parameter", "selected_scene",
                "selected_track")
    class View(LomObject):
        """This class represents the view aspects of a Live document: the Session and Arranger Views."""

        def __init__(self, world, song):
            LomObject.__init__(self, world, song)
            self._selected_track = None
            self._selected_scene = None
            self._detail_clip = None
            self._selected_parameter = None
            self._selected_chain = None
            self._follow_song = False
            self._draw_mode = True

        def _select(self, name, value):
            if self.__dict__["_" + name] is not value:
                self._set_raw(name, value)

        def _select_device(self, device):
            track = device._parent
            while track is not None and not hasattr(track, "_clip_slots"):
                track = track._parent
            if track is not None:
                if track._view._selected_device is not device:
                    track._view._set_raw("selected_device", device)
                self._select("selected_track", track)
            song = self._parent
            if song._appointed_device is not device:
                song._set_raw("appointed_device", device)

        def _get_selected_track(self):
            self._check()
            return self._selected_track

        def _set_selected_track(self, value):
            self._check_write()
            song = self._parent
            if value is None or value._dead or value not in song._all_tracks():
                raise RuntimeError("selected_track must be a track of this set")
            self._select("selected_track", value)

        selected_track = property(_get_selected_track, _set_selected_track)

        def _get_selected_scene(self):
            self._check()
            return self._selected_scene

        def _set_selected_scene(self, value):
            self._check_write()
            if value is None or value._dead or value not in self._parent._scenes:
                raise RuntimeError("selected_scene must be a scene of this set")
            self._select("selected_scene", value)

        selected_scene = property(_get_selected_scene, _set_selected_scene)

        def _get_detail_clip(self):
            self._check()
            return self._detail_clip

        def _set_detail_clip(self, value):
            self._check_write()
            if value is not None and value._dead:
                raise RuntimeError("detail_clip must be a clip of this set")
            self._select("detail_clip", value)

        detail_clip = property(_get_detail_clip, _set_detail_clip)

        def _get_highlighted(self):
            self._check()
            track, scene = self._selected_track, self._selected_scene
            if track is None or scene is None or not track._clip_slots:
                return None
            return track._clip_slots[self._parent._scenes.index(scene)]

        def _set_highlighted(self, slot):
            self._check_write()
            track = slot._parent
            self._select("selected_track", track)
            self._select("selected_scene", self._parent._scenes[track._clip_slots.index(slot)])

        highlighted_clip_slot = property(_get_highlighted, _set_highlighted)
        selected_parameter = value_prop("selected_parameter", writable=False)
        selected_chain = value_prop("selected_chain", undoable=False)
        follow_song = value_prop("follow_song", coerce=as_bool, undoable=False)
        draw_mode = value_prop("draw_mode", coerce=as_bool, undoable=False)

        @mutator
        def select_device(self, device, should_appoint_device=True):
            if device is None or device._dead:
                raise RuntimeError("select_device needs a device of this set")
            self._select_device(device)

    def __init__(self, world):
        LomObject.__init__(self, world, None)
        world.song = self
        self._tracks = []
        self._return_tracks = []
        self._master_track = None
        self._scenes = []
        self._cue_points = []
        self._data = {}
        self._tempo = 120.0
        self._signature_numerator = 4
        self._signature_denominator = 4
        self._clip_trigger_quantization = Quantization.q_bar
        self._midi_recording_quantization = RecordingQuantization.rec_q_no_q
        self._metronome = False
        self._overdub = False
        self._record_mode = False
        self._session_record = False
        self._arrangement_overdub = False
        self._session_automation_record = False
        self._loop = False
        self._loop_start = 0.0
        self._loop_length = 16.0
        self._start_time = 0.0
        self._punch_in = False
        self._punch_out = False
        self._nudge_down = False
        self._nudge_up = False
        self._back_to_arranger = False
        self._root_note = 0
        self._scale_name = "Major"
        self._scale_mode = False
        self._swing_amount = 0.0
        self._groove_amount = 1.0
        self._select_on_launch = True
        self._exclusive_arm = True
        self._exclusive_solo = False
        self._appointed_device = None
        self._name = ""
        self._file_path = ""
        self._transport = Transport(self)
        self._view = Song.View(world, self)
        self._tap_times = []
        self._is_ableton_link_enabled = False

    def _notify(self, name):
        LomObject._notify(self, name)
        if name in ("tracks", "return_tracks"):
            self._routing_lists_changed()

    def _routing_lists_changed(self, renamed=None):
        for track in self._all_tracks():
            if track is not renamed and track._listeners:
                track._routing_lists_changed()

    def _all_tracks(self):
        tracks = self._tracks + self._return_tracks
        return tracks + [self._master_track] if self._master_track is not None else tracks

    def _children(self):
        return self._all_tracks() + self._scenes + self._cue_points + [self._view]

    # -- simple properties ------------------------------------------------------------------
    tempo = value_prop("tempo", coerce=_tempo_value)
    signature_numerator = value_prop("signature_numerator", coerce=_numerator)
    signature_denominator = value_prop("signature_denominator", coerce=_denominator)
    clip_trigger_quantization = value_prop("clip_trigger_quantization", coerce=enum_of(Quantization))
    midi_recording_quantization = value_prop("midi_recording_quantization", coerce=enum_of(RecordingQuantization))
    metronome = value_prop("metronome", coerce=as_bool)
    overdub = value_prop("overdub", coerce=as_bool)
    record_mode = value_prop("record_mode", coerce=as_bool, undoable=False)
    session_record = value_prop("session_record", coerce=as_bool, undoable=False)
    arrangement_overdub = value_prop("arrangement_overdub", coerce=as_bool)
    session_automation_record = value_prop("session_automation_record", coerce=as_bool)
    loop = value_prop("loop", coerce=as_bool, after=_loop_changed)
    loop_start = value_prop("loop_start", coerce=_positive, after=_loop_changed)
    loop_length = value_prop("loop_length", coerce=_positive, after=_loop_changed)
    start_time = value_prop("start_time", coerce=_positive)
    punch_in = value_prop("punch_in", coerce=as_bool)
    punch_out = value_prop("punch_out", coerce=as_bool)
    nudge_down = value_prop("nudge_down", coerce=as_bool, undoable=False)
    nudge_up = value_prop("nudge_up", coerce=as_bool, undoable=False)
    back_to_arranger = value_prop("back_to_arranger", coerce=as_bool, undoable=False)
    root_note = value_prop("root_note", coerce=lambda s, v: as_int(s, v) % 12)
    scale_name = value_prop("scale_name", coerce=_scale_name)
    scale_mode = since((12, 0), value_prop("scale_mode", coerce=as_bool))
    swing_amount = value_prop("swing_amount", coerce=as_float)
    # A preference, not part of the set: not undoable. Virtual Live has no Link peers.
    is_ableton_link_enabled = value_prop("is_ableton_link_enabled", coerce=as_bool, undoable=False)
    groove_amount = value_prop("groove_amount", coerce=as_float)
    select_on_launch = value_prop("select_on_launch", writable=False)
    exclusive_arm = value_prop("exclusive_arm", writable=False)
    exclusive_solo = value_prop("exclusive_solo", writable=False)
    master_track = value_prop("master_track", writable=False)
    view = value_prop("view", writable=False)
    name = value_prop("name", writable=False)
    file_path = value_prop("file_path", writable=False)

    def _get_appointed(self):
        self._check()
        return self._appointed_device

    def _set_appointed(self, device):
        self._check_write()
        if device is not None and device._dead:
            raise RuntimeError("appointed_device must be a device of this set")
        self._change("appointed_device", device, False)

    appointed_device = property(_get_appointed, _set_appointed)

    @property
    def tuning_system(self):
        self._check()
        return None

    tuning_system = since((12, 1), tuning_system)

    @property
    def scale_intervals(self):
        self._check()
        return Vector(dict(_SCALES)[self._scale_name])

    @property
    def session_record_status(self):
        self._check()
        return SessionRecordStatus.on if self._session_record else SessionRecordStatus.off

    @property
    def is_counting_in(self):
        self._check()
        return False

    @property
    def can_capture_midi(self):
        self._check()
        return False

    @property
    def re_enable_automation_enabled(self):
        self._check()
        return False

    @property
    def song_length(self):
        self._check()
        ends = [c._time for c in self._cue_points] + [self._loop_start + self._loop_length]
        return max(ends)

    @property
    def last_event_time(self):
        self._check()
        return 0.0

    @property
    def tracks(self):
        self._check()
        return Vector(self._tracks)

    @property
    def visible_tracks(self):
        self._check()
        return Vector(t for t in self._tracks if t.is_visible)

    @property
    def return_tracks(self):
        self._check()
        return Vector(self._return_tracks)

    @property
    def scenes(self):
        self._check()
        return Vector(self._scenes)

    @property
    def cue_points(self):
        self._check()
        return Vector(self._cue_points)

    # -- transport ------------------------------------------------------------------------
    def _get_is_playing(self):
        self._check()
        return self._transport.playing

    def _set_is_playing(self, value):
        self._check_write()
        if as_bool(self, value):
            self._transport.start(self._start_time if not self._transport.playing else None)
        else:
            self._transport.stop()

    is_playing = property(_get_is_playing, _set_is_playing)

    def _get_song_time(self):
        self._check()
        return self._transport.beats

    def _set_song_time(self, value):
        self._check_write()
        self._transport.jump(_positive(self, value))

    current_song_time = property(_get_song_time, _set_song_time)

    @mutator
    def start_playing(self):
        self._transport.start(self._start_time)

    @mutator
    def stop_playing(self):
        self._transport.stop()

    @mutator
    def continue_playing(self):
        self._transport.start()

    @mutator
    def stop_all_clips(self, quantized=True):
        self._transport.stop_all(bool(quantized))

    @mutator
    def jump_by(self, beats):
        self._transport.jump(self._transport.beats + as_float(self, beats))

    @mutator
    def scrub_by(self, beats):
        self._transport.jump(self._transport.beats + as_float(self, beats))

    @mutator
    def play_selection(self):
        self._transport.start()

    @mutator
    def tap_tempo(self):
        now = self._world.now_ms
        self._tap_times = [t for t in self._tap_times if now - t < 2000.0] + [now]
        if len(self._tap_times) >= 2:
            gaps = [b - a for a, b in zip(self._tap_times, self._tap_times[1:])]
            bpm = 60000.0 / (sum(gaps) / len(gaps))
            if 20.0 <= bpm <= 999.0:
                self._change("tempo", bpm)

    @mutator
    def force_link_beat_time(self):
        # Moves the Link timeline to Live's beat time; with no Link peers nothing else changes.
        pass

    @mutator
    def re_enable_automation(self):
        pass

    @mutator
    def trigger_session_record(self, record_length=1.7976931348623157e308):
        self._change("session_record", True, False)

    def _beat_time(self, beats):
        result = BeatTime()
        per_bar = self._transport.beats_per_bar()
        beat_len = 4.0 / self._signature_denominator
        bars = int(math.floor(beats / per_bar))
        rest = beats - bars * per_bar
        result.bars = bars + 1
        result.beats = int(rest // beat_len) + 1
        rest -= (result.beats - 1) * beat_len
        result.sub_division = int(rest // (beat_len / 4)) + 1
        rest -= (result.sub_division - 1) * beat_len / 4
        result.ticks = int(round(rest / (beat_len / 4) * 60))
        return result

    @accessor
    def get_current_beats_song_time(self):
        return self._beat_time(self._transport.beats)

    @accessor
    def get_beats_loop_start(self):
        return self._beat_time(self._loop_start)

    @accessor
    def get_beats_loop_length(self):
        result = self._beat_time(self._loop_length)
        result.bars -= 1
        result.beats -= 1
        result.sub_division -= 1
        return result

    @accessor
    def get_current_smpte_song_time(self, smpte_format):
        fps = {0: 1000, 1: 24, 2: 25, 3: 30, 4: 30, 5: 30}[int(smpte_format)]
        seconds = self._transport.beats * 60.0 / self._tempo
        result = SmptTime()
        result.hours = int(seconds // 3600)
        result.minutes = int(seconds % 3600 // 60)
        result.seconds = int(seconds % 60)
        result.frames = int((seconds - int(seconds)) * fps)
        return result

    # -- cue points -------------------------------------------------------------------------
    def _cue_at(self, beat):
        for cue in self._cue_points:
            if abs(cue._time - beat) < 1e-6:
                return cue
        return None

    @property
    def can_jump_to_next_cue(self):
        self._check()
        return any(c._time > self._transport.beats + 1e-6 for c in self._cue_points)

    @property
    def can_jump_to_prev_cue(self):
        self._check()
        return any(c._time < self._transport.beats - 1e-6 for c in self._cue_points)

    @mutator
    def jump_to_next_cue(self):
        later = [c._time for c in self._cue_points if c._time > self._transport.beats + 1e-6]
        if later:
            self._transport.jump_quantized(min(later))

    @mutator
    def jump_to_prev_cue(self):
        earlier = [c._time for c in self._cue_points if c._time < self._transport.beats - 1e-6]
        if earlier:
            self._transport.jump_quantized(max(earlier))

    @accessor
    def is_cue_point_selected(self):
        return self._cue_at(self._transport.beats) is not None

    def _set_cues(self, cues):
        self._cue_points = cues
        self._notify("cue_points")

    @mutator
    def set_or_delete_cue(self):
        before = list(self._cue_points)
        existing = self._cue_at(self._transport.beats)
        if existing is not None:
            after = [c for c in before if c is not existing]
            existing._kill()
        else:
            cue = CuePoint(self._world, self, "", self._transport.beats)
            after = sorted(before + [cue], key=lambda c: c._time)
        self._world.undo.record(lambda: self._set_cues(before), lambda: self._set_cues(after))
        self._set_cues(after)

    # -- undo (get_data/set_data: lom.PersistentData) ------------------------------------------
    @property
    def can_undo(self):
        self._check()
        return bool(self._world.undo.done)

    @property
    def can_redo(self):
        self._check()
        return bool(self._world.undo.undone)

    @mutator
    def begin_undo_step(self):
        self._world.undo.begin()

    @mutator
    def end_undo_step(self):
        self._world.undo.end()

    @mutator
    def undo(self):
        self._world.undo.undo()

    @mutator
    def redo(self):
        self._world.undo.redo()

    # -- tracks -----------------------------------------------------------------------------
    def _new_track(self, kind, name, color=0, color_index=0):
        from .ClipSlot import ClipSlot
        from .Track import Track
        track = Track(self._world, self, kind, name, color, color_index)
        if kind in ("midi", "audio", "group"):
            track._clip_slots = [ClipSlot(self._world, track, kind == "group") for _ in self._scenes]
        if kind != "master":
            for i, _ in enumerate(self._return_tracks):
                track._mixer_device._add_send(i, RETURN_LETTERS[i])
        return track

    def _structural(self, do, undo):
        """Apply a structural change, recording it as one undo entry (its parts record nothing)."""
        world = self._world
        world.undo.record(lambda: self._quietly(undo), lambda: self._quietly(do))
        return self._quietly(do)

    def _quietly(self, func):
        with self._world.undo.quiet():
            return func()

    def _insert_tracks(self, index, tracks, select):
        previous = self._view._selected_track

        def do():
            for offset, track in enumerate(tracks):
                track._revive()
                self._tracks.insert(index + offset, track)
            self._notify("tracks")
            self._notify("visible_tracks")
            if select:
                self._view._select("selected_track", tracks[0])

        def undo():
            for track in tracks:
                self._transport.forget_track(track)
                self._tracks.remove(track)
                track._kill()
            self._notify("tracks")
            self._notify("visible_tracks")
            if previous is not None and not previous._dead:
                self._view._select("selected_track", previous)
        self._structural(do, undo)
        return tracks[0]

    def _create_track(self, kind, index):
        if index is None:
            selected = self._view._selected_track
            index = self._tracks.index(selected) + 1 if selected in self._tracks else len(self._tracks)
        elif isinstance(index, bool) or not isinstance(index, int):
            raise TypeError("track index must be an integer")
        elif index == -1:
            index = len(self._tracks)
        if not 0 <= index <= len(self._tracks):
            raise LimitationError("Invalid track index %d" % index)
        label = "MIDI" if kind == "midi" else "Audio"
        track = self._new_track(kind, "%d-%s" % (index + 1, label))
        before = self._tracks[index - 1] if index > 0 else None
        after = self._tracks[index] if index < len(self._tracks) else None
        if before is not None and before._kind == "group" and after is not None and after._group is before:
            track._group = before  # inserted as the group's first track
        elif before is not None and after is not None and after._group is before._group:
            track._group = before._group  # inserted between two tracks of one group
        return self._insert_tracks(index, [track], True)

    @mutator
    def create_midi_track(self, index=None):
        return self._create_track("midi", index)

    @mutator
    def create_audio_track(self, index=None):
        return self._create_track("audio", index)

    def _track_index(self, index, tracks):
        return checked_index(self, index, len(tracks))

    @mutator
    def delete_track(self, index):
        index = self._track_index(index, self._tracks)
        track = self._tracks[index]
        doomed = [track] + track._all_descendants()
        if not [t for t in self._tracks if t not in doomed and t._kind != "group"]:
            raise RuntimeError("A Live Set needs at least one audio or MIDI track")
        positions = [self._tracks.index(t) for t in doomed]
        previous = self._view._selected_track

        def do():
            for t in doomed:
                self._transport.forget_track(t)
                self._tracks.remove(t)
                t._kill()
            self._notify("tracks")
            self._notify("visible_tracks")
            if previous is None or previous._dead:
                neighbour = self._tracks[min(index, len(self._tracks) - 1)]
                self._view._select("selected_track", neighbour)

        def undo():
            for t, pos in zip(doomed, positions):
                t._revive()
                self._tracks.insert(pos, t)
            self._notify("tracks")
            self._notify("visible_tracks")
            if previous is not None:
                self._view._select("selected_track", previous)
        self._structural(do, undo)

    @mutator
    def duplicate_track(self, index):
        index = self._track_index(index, self._tracks)
        from ..sets import track_to_dict, tracks_from_dict
        original = self._tracks[index]
        copies = self._quietly(lambda: tracks_from_dict(self, track_to_dict(original, self), original._group))
        at = index + 1 + len(original._all_descendants())
        self._insert_tracks(at, copies, True)

    @mutator
    def create_return_track(self):
        if len(self._return_tracks) >= MAX_RETURN_TRACKS:
            raise RuntimeError("Live Sets have at most %d return tracks" % MAX_RETURN_TRACKS)
        position = len(self._return_tracks)
        letter = RETURN_LETTERS[position]
        track = self._quietly(lambda: self._new_track("return", "%s-Return" % letter))
        track._mixer_device._add_send(position, letter)
        others = self._tracks + self._return_tracks

        def do():
            track._revive()
            self._return_tracks.append(track)
            for t in others:
                t._mixer_device._add_send(position, letter)
            self._notify("return_tracks")
            self._view._select("selected_track", track)

        def undo():
            self._return_tracks.remove(track)
            track._kill()
            for t in others:
                t._mixer_device._remove_send(position)
            self._notify("return_tracks")
        self._structural(do, undo)
        return track

    @mutator
    def delete_return_track(self, index):
        index = self._track_index(index, self._return_tracks)
        track = self._return_tracks[index]
        others = [t for t in self._tracks + self._return_tracks if t is not track]

        def do():
            self._return_tracks.remove(track)
            track._kill()
            for t in others:
                t._mixer_device._remove_send(index)
            self._notify("return_tracks")
            if self._view._selected_track is track:
                self._view._select("selected_track", self._tracks[0])

        def undo():
            track._revive()
            self._return_tracks.insert(index, track)
            for t in others:
                t._mixer_device._add_send(index, RETURN_LETTERS[index])
            self._notify("return_tracks")
        self._structural(do, undo)

    # -- scenes -----------------------------------------------------------------------------
    def _keeping_slot_indices(self, change):
        """Run change() (which adds or removes clip slots) so that each track's playing and fired
        slot index follows its slot, as in Live: deleting a scene above a playing clip moves its
        playing_slot_index up by one (listeners told), the clip plays on."""
        before = []
        for track in self._tracks:
            playing = track._clip_slots[track._playing_slot_index] if track._playing_slot_index >= 0 else None
            before.append((track, playing))
        change()
        for track, playing in before:
            if playing is not None and playing in track._clip_slots:
                index = track._clip_slots.index(playing)
                if index != track._playing_slot_index:
                    track._set_raw("playing_slot_index", index)
            pending = track._pending_slot
            if pending is not None and pending in track._clip_slots:
                index = track._clip_slots.index(pending)
                if index != track._fired_slot_index:
                    track._set_raw("fired_slot_index", index)

    def _insert_scene(self, index, name="", select=False, fill=None):
        from .ClipSlot import ClipSlot
        from .Scene import Scene
        scene = Scene(self._world, self, name)
        slots = dict((t, ClipSlot(self._world, t, t._kind == "group")) for t in self._tracks)
        previous = self._view._selected_scene

        def do():
            scene._revive()
            self._scenes.insert(index, scene)
            for track, slot in slots.items():
                slot._revive()
                track._clip_slots.insert(index, slot)
                track._notify("clip_slots")
            self._notify("scenes")
            if select:
                self._view._select("selected_scene", scene)

        def undo():
            for track, slot in slots.items():
                if track._playing_slot_index == index or track._pending_slot is slot:
                    self._transport.stop_track_now(track)
                track._clip_slots.remove(slot)
                slot._kill()
                track._notify("clip_slots")
            self._scenes.remove(scene)
            scene._kill()
            self._notify("scenes")
            if select and previous is not None and not previous._dead:
                self._view._select("selected_scene", previous)
        self._structural(lambda: self._keeping_slot_indices(do), lambda: self._keeping_slot_indices(undo))
        if fill is not None:
            self._quietly(lambda: fill(scene, slots))
        return scene

    @mutator
    def create_scene(self, index):
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError("scene index must be an integer")
        if index == -1:
            index = len(self._scenes)
        if not 0 <= index <= len(self._scenes):
            raise LimitationError("Invalid scene index %d" % index)
        return self._insert_scene(index)

    @mutator
    def delete_scene(self, index):
        index = checked_index(self, index, len(self._scenes))
        if len(self._scenes) == 1:
            raise RuntimeError("A Live Set needs at least one scene")
        scene = self._scenes[index]
        slots = dict((t, t._clip_slots[index]) for t in self._tracks)
        previous = self._view._selected_scene

        def do():
            for track, slot in slots.items():
                if track._playing_slot_index == index or track._pending_slot is slot:
                    self._transport.stop_track_now(track)
                track._clip_slots.remove(slot)
                slot._kill()
                track._notify("clip_slots")
            self._scenes.remove(scene)
            scene._kill()
            self._notify("scenes")
            if previous is scene:
                self._view._select("selected_scene", self._scenes[min(index, len(self._scenes) - 1)])

        def undo():
            scene._revive()
            self._scenes.insert(index, scene)
            for track, slot in slots.items():
                slot._revive()
                track._clip_slots.insert(index, slot)
                track._notify("clip_slots")
            self._notify("scenes")
            if previous is not None:
                self._view._select("selected_scene", previous)
        self._structural(lambda: self._keeping_slot_indices(do), lambda: self._keeping_slot_indices(undo))

    def _copy_row(self, source_index):
        from ..sets import clip_from_dict, clip_to_dict

        def fill(scene, slots):
            for track, slot in slots.items():
                clip = track._clip_slots[source_index]._clip
                if clip is not None:
                    slot._clip = clip_from_dict(self._world, slot, clip_to_dict(clip))
        return fill

    @mutator
    def duplicate_scene(self, index):
        index = checked_index(self, index, len(self._scenes))
        source = self._scenes[index]
        scene = self._insert_scene(index + 1, source._name, True, self._copy_row(index))
        scene._tempo, scene._tempo_enabled = source._tempo, source._tempo_enabled

    @mutator
    def capture_and_insert_scene(self, capture_mode=CaptureMode.all):
        selected = self._view._selected_scene
        index = self._scenes.index(selected) + 1 if selected in self._scenes else len(self._scenes)
        from ..sets import clip_from_dict, clip_to_dict

        def fill(scene, slots):
            for track, slot in slots.items():
                if track._playing_slot_index >= 0:
                    clip = track._clip_slots[track._playing_slot_index]._clip
                    slot._clip = clip_from_dict(self._world, slot, clip_to_dict(clip))
        self._insert_scene(index, "", True, fill)

    @mutator
    def capture_midi(self, destination=CaptureDestination.auto):
        # Virtual Live has no MIDI input reaching its tracks, so there is never recently played
        # material: like Live with nothing to capture, this changes nothing.
        enum_of(CaptureDestination)(self, destination)

    # -- devices ------------------------------------------------------------------------------
    @mutator
    def move_device(self, device, target, target_position):
        from .. import devices as device_ops
        source = device._parent
        index = source._devices.index(device)
        self._world.undo.begin()
        try:
            from ..sets import device_from_dict, device_to_dict
            data = device_to_dict(device)
            device_ops.remove(source, index)
            copy = device_from_dict(self._world, target, data)
            if not device_ops.order_ok(target._devices, copy._spec, target_position):
                raise RuntimeError("Cannot move the device to that position")
            device_ops.insert(target, copy, target_position)
        finally:
            self._world.undo.end()
        return target_position

    @accessor
    def find_device_position(self, device, target, target_position):
        from .. import devices as device_ops
        devices = target._devices
        position = min(max(int(target_position), 0), len(devices))
        while position <= len(devices):
            if device_ops.order_ok(devices, device._spec, position):
                return position
            position += 1
        return -1


__all__ = ["BeatTime", "CaptureDestination", "CaptureMode", "CuePoint", "Quantization", "RecordingQuantization",
           "SessionRecordStatus", "SmptTime", "Song", "TimeFormat", "get_all_scales_ordered"]
