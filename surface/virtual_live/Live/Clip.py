"""Live.Clip: session clips with looping, launch settings and both note APIs (tuples and MidiNote)."""
from ..lom import (LiveEnum, accessor, as_bool, as_float, as_int, as_str, color_props, enum_members, enum_of,
                   listenable, mutator, value_prop)
from .Base import IntVector, Vector
from .LomObject import LomObject


SAMPLE_RATE = 44100


class ClipLaunchQuantization(LiveEnum):
    pass


# Offset by one from Song.Quantization: q_global=0, q_none=1, q_8_bars=2 ...
enum_members(ClipLaunchQuantization, "q_global q_none q_8_bars q_4_bars q_2_bars q_bar q_half q_half_triplet "
             "q_quarter q_quarter_triplet q_eighth q_eighth_triplet q_sixteenth q_sixteenth_triplet q_thirtysecond")


class GridQuantization(LiveEnum):
    pass


enum_members(GridQuantization, "no_grid g_8_bars g_4_bars g_2_bars g_bar g_half g_quarter g_eighth g_sixteenth "
             "g_thirtysecond count")


class LaunchMode(LiveEnum):
    pass


enum_members(LaunchMode, "trigger gate toggle repeat")


class WarpMode(LiveEnum):
    pass


enum_members(WarpMode, "beats tones texture repitch complex rex complex_pro count")


class MidiNoteSpecification(object):
    """An object specifying the data for creating a MIDI note."""

    def __init__(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                 velocity_deviation=0.0, release_velocity=64.0):
        self._fields = (pitch, start_time, duration, velocity, mute, probability, velocity_deviation,
                        release_velocity)


_NOTE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute", "probability", "velocity_deviation",
                "release_velocity")


class MidiNote(object):
    """An object representing a MIDI Note"""
    __slots__ = _NOTE_FIELDS + ("_note_id",)

    def __init__(self, note_id=0, pitch=60, start_time=0.0, duration=1.0, velocity=100.0, mute=False,
                 probability=1.0, velocity_deviation=0.0, release_velocity=64.0):
        self._note_id = note_id
        self.pitch = pitch
        self.start_time = start_time
        self.duration = duration
        self.velocity = velocity
        self.mute = mute
        self.probability = probability
        self.velocity_deviation = velocity_deviation
        self.release_velocity = release_velocity

    @property
    def note_id(self):
        return self._note_id

    def _copy(self):
        return MidiNote(self._note_id, *[getattr(self, f) for f in _NOTE_FIELDS])

    def __repr__(self):
        return "MidiNote(id=%d, pitch=%d, start=%r, dur=%r, vel=%r)" % (
            self._note_id, self.pitch, self.start_time, self.duration, self.velocity)


class MidiNoteVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


class WarpMarker(object):
    def __init__(self, sample_time, beat_time):
        self._sample_time = sample_time
        self._beat_time = beat_time

    @property
    def sample_time(self):
        return self._sample_time

    @property
    def beat_time(self):
        return self._beat_time


class WarpMarkerVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


def _valid_note(fields):
    pitch, start, duration, velocity, mute, probability, vel_dev, release = fields
    if isinstance(pitch, bool) or not isinstance(pitch, (int, float)) or not 0 <= pitch <= 127:
        raise RuntimeError("Invalid pitch %r (0..127)" % (pitch,))
    if float(duration) <= 0:
        raise RuntimeError("Invalid duration %r (must be positive)" % (duration,))
    if not 0 <= float(velocity) <= 127:
        raise RuntimeError("Invalid velocity %r (0..127)" % (velocity,))
    if float(start) < -16384 or not 0.0 <= float(probability) <= 1.0:
        raise RuntimeError("Invalid note start or probability")
    return (int(pitch), float(start), float(duration), float(velocity), bool(mute), float(probability),
            float(vel_dev), float(release))


def gain_text(gain):
    """Clip gain (0..1) as dB text. Virtual Live's curve puts 0 dB at 0.4 (Live's default clip
    gain) and +24 dB at 1.0; Live's own curve is not published, so values in between are
    approximate (docs/internals.md)."""
    import math
    if gain <= 0.0:
        return "-inf dB"
    db = 60.0 * math.log10(gain / 0.4)
    return "-inf dB" if db < -70.0 else "%.1f dB" % db


def _loop_value(which):
    def coerce(clip, value):
        value = as_float(clip, value)
        start = value if which == "start" else clip._loop_start
        end = value if which == "end" else clip._loop_end
        if end <= start:
            raise RuntimeError("Invalid loop %s %r: the loop must have a positive length" % (which, value))
        return value
    return coerce


def _marker_value(which):
    def coerce(clip, value):
        value = as_float(clip, value)
        start = value if which == "start" else clip._start_marker
        end = value if which == "end" else clip._end_marker
        if end <= start:
            raise RuntimeError("Invalid %s marker %r: it must stay before the end marker" % (which, value))
        return value
    return coerce


def _signature(clip, value):
    value = as_int(clip, value)
    if not 1 <= value <= 99:
        raise RuntimeError("Invalid signature value %r" % value)
    return value


def _audio_only(name, low=None, high=None, convert=as_float):
    """A property Live documents as "Available for AudioClips only": MIDI clips raise."""
    def coerce(clip, value):
        clip._require_audio(name)
        value = convert(clip, value)
        if low is not None and not (low <= value <= high):
            raise RuntimeError("Clip.%s: value %r out of range [%s, %s]" % (name, value, low, high))
        return value
    prop = value_prop(name, coerce=coerce)

    def fget(clip):
        clip._require_audio(name)
        return prop.fget(clip)
    return property(fget, prop.fset)


@listenable("color", "color_index", "end_marker", "end_time", "file_path", "gain", "has_envelopes",
            "is_overdubbing", "pitch_coarse", "pitch_fine", "position", "ram_mode", "warp_mode", "warping",
            "is_recording", "launch_mode", "launch_quantization", "legato", "loop_end", "loop_jump", "loop_start",
            "looping", "muted", "name", "notes", "playing_position", "playing_status",
            "signature_denominator", "signature_numerator", "start_marker", "start_time", "velocity_amount",
            start_time=(12, 3))
class Clip(LomObject):
    """This class represents a Clip in Live."""

    class View(LomObject):
        """Representing the view aspects of a Clip."""

        def __init__(self, world, clip):
            LomObject.__init__(self, world, clip)
            self._grid_quantization = GridQuantization.g_sixteenth
            self._grid_is_triplet = False
            self._envelope_shown = False

        grid_quantization = value_prop("grid_quantization", coerce=enum_of(GridQuantization), undoable=False)
        grid_is_triplet = value_prop("grid_is_triplet", coerce=as_bool, undoable=False)

        @accessor
        def show_loop(self):
            pass

        @accessor
        def show_envelope(self):
            self._envelope_shown = True

        @accessor
        def hide_envelope(self):
            self._envelope_shown = False

        @accessor
        def select_envelope_parameter(self, device_parameter):
            self._envelope_shown = True

    def __init__(self, world, slot, length, is_midi=True, name="", color=0, color_index=0, file_path=""):
        LomObject.__init__(self, world, slot)
        length = float(length)
        self._name = name
        self._color = color
        self._color_index = color_index
        self._is_midi = is_midi
        self._file_path = file_path
        self._looping = True
        self._loop_start = 0.0
        self._loop_end = length
        self._start_marker = 0.0
        self._end_marker = length
        self._launch_mode = LaunchMode.trigger
        self._launch_quantization = ClipLaunchQuantization.q_global
        self._legato = False
        self._muted = False
        self._signature_numerator = 4
        self._signature_denominator = 4
        self._velocity_amount = 0.0
        self._gain = 0.4  # Live's 0 dB point on the normalized gain scale
        self._pitch_coarse = 0
        self._pitch_fine = 0.0
        self._warping = True
        self._warp_mode = WarpMode.beats
        self._ram_mode = False
        # Samples of the audio file (-1: no sample, Live's value). Virtual Live has no audio files:
        # a clip with a file path gets the length its beats take at the set's tempo, at 44.1 kHz.
        self._sample_length = -1
        if not is_midi and file_path:
            tempo = world.song._tempo if world.song is not None else 120.0
            self._sample_length = int(round(length * 60.0 / tempo * SAMPLE_RATE))
        self._notes = []
        self._next_id = 1
        self._selected = set()
        self._playing = False
        self._recording = False     # recording into an empty slot (transport.record_slot)
        self._triggered = False
        self._launch_total = 0.0
        self._view = Clip.View(world, self)
        self._envelopes = []        # [(DeviceParameter, Envelope)] in the order created

    def _children(self):
        return [self._view] + [e for _p, e in self._envelopes]

    name = value_prop("name", coerce=as_str)
    color, color_index = color_props()
    looping = value_prop("looping", coerce=as_bool)
    loop_start = value_prop("loop_start", coerce=_loop_value("start"))
    loop_end = value_prop("loop_end", coerce=_loop_value("end"))
    start_marker = value_prop("start_marker", coerce=_marker_value("start"))
    end_marker = value_prop("end_marker", coerce=_marker_value("end"))
    launch_mode = value_prop("launch_mode", coerce=enum_of(LaunchMode))
    launch_quantization = value_prop("launch_quantization", coerce=enum_of(ClipLaunchQuantization))
    legato = value_prop("legato", coerce=as_bool)
    muted = value_prop("muted", coerce=as_bool)
    signature_numerator = value_prop("signature_numerator", coerce=_signature)
    signature_denominator = value_prop("signature_denominator", coerce=_signature)
    velocity_amount = value_prop("velocity_amount", coerce=as_float)
    gain = _audio_only("gain", 0.0, 1.0)
    pitch_coarse = _audio_only("pitch_coarse", -48, 48, convert=as_int)
    pitch_fine = _audio_only("pitch_fine", -500.0, 500.0)
    warping = _audio_only("warping", convert=as_bool)
    warp_mode = _audio_only("warp_mode", convert=lambda clip, value: clip._warp_mode_value(value))
    ram_mode = _audio_only("ram_mode", convert=as_bool)

    _REX_EXTENSIONS = (".rx2", ".rex", ".rcy")

    def _is_rex(self):
        return self._file_path.lower().endswith(self._REX_EXTENSIONS)

    def _warp_mode_value(self, value):
        """REX mode only for a REX file (the sample carries its own slices); Live's chooser offers it
        only there (available_warp_modes)."""
        mode = enum_of(WarpMode)(self, value)
        if mode == WarpMode.rex and not self._is_rex():
            raise RuntimeError("Warp mode REX is only available for REX files (.rx2, .rex, .rcy)")
        return mode

    @property
    def available_warp_modes(self):
        """Available for AudioClips only: the warp modes this clip can use."""
        self._check()
        self._require_audio("available_warp_modes")
        return IntVector(m for m in sorted(WarpMode.values.values())
                         if m.name != "count" and (m != WarpMode.rex or self._is_rex()))

    @property
    def sample_length(self):
        """Available for AudioClips only: the sample's length in samples, -1 without a sample."""
        self._check()
        self._require_audio("sample_length")
        return self._sample_length

    @property
    def gain_display_string(self):
        """The gain as Live prints it ("0.0 dB"); audio clips only (M4L's LOM reference: "Can only
        be called on audio clips")."""
        self._check()
        self._require_audio("gain_display_string")
        return gain_text(self._gain)

    @property
    def has_groove(self):
        self._check()
        return False          # virtual Live has no groove pool

    def _get_position(self):
        self._check()
        return self._loop_start

    def _set_position(self, value):
        """The loop's position: moves loop start and end together, keeping the loop's length."""
        self._check_write()
        value = as_float(self, value)
        length = self._loop_end - self._loop_start
        self._world.undo.begin()
        try:
            if value > self._loop_start:
                self._change("loop_end", value + length)
                self._change("loop_start", value)
            else:
                self._change("loop_start", value)
                self._change("loop_end", value + length)
        finally:
            self._world.undo.end()
        self._notify("position")

    position = property(_get_position, _set_position, doc="Get/Set the loop position of this Clip.")
    view = value_prop("view", writable=False)

    @property
    def length(self):
        """Loop length when looping, else the distance between the markers (beats); while
        recording, the time recorded so far."""
        self._check()
        if self._recording:
            return self._transport().total - self._launch_total
        if self._looping:
            return self._loop_end - self._loop_start
        return self._end_marker - self._start_marker

    @property
    def is_midi_clip(self):
        self._check()
        return self._is_midi

    @property
    def is_audio_clip(self):
        self._check()
        return not self._is_midi

    @property
    def is_session_clip(self):
        self._check()
        return True

    @property
    def is_arrangement_clip(self):
        self._check()
        return False

    @property
    def is_take_lane_clip(self):
        self._check()
        return False

    @property
    def file_path(self):
        self._check()
        if self._is_midi:
            raise RuntimeError("MIDI clips have no file")
        return self._file_path

    @property
    def start_time(self):
        self._check()
        return 0.0

    @property
    def end_time(self):
        self._check()
        return self.length

    @property
    def is_recording(self):
        self._check()
        return self._recording

    @property
    def is_overdubbing(self):
        self._check()
        return False

    @property
    def will_record_on_start(self):
        self._check()
        return False

    @property
    def has_envelopes(self):
        self._check()
        return bool(self._envelopes)

    # -- automation envelopes (session clips) ---------------------------------------------------
    def _own_parameter(self, parameter):
        """Is parameter on this clip's track (its mixer or a device, racks and pads included)?"""
        track = self._parent._parent if self._parent is not None else None
        obj = getattr(parameter, "_parent", None)
        while obj is not None:
            if obj is track:
                return True
            obj = getattr(obj, "_parent", None)
        return False

    def _set_envelopes(self, envelopes):
        had = bool(self._envelopes)
        self._envelopes = envelopes
        if had != bool(envelopes):
            self._notify("has_envelopes")

    def _envelope_edit(self, envelopes):
        old, new = list(self._envelopes), list(envelopes)
        self._world.undo.record(lambda: self._set_envelopes(old), lambda: self._set_envelopes(new))
        self._set_envelopes(new)

    def _play_envelopes(self):
        """While the clip plays, its envelopes move their parameters (virtual Live's transport
        calls this as time advances)."""
        position = self._position_now()
        if not self._looping:      # a clip plays [start, end): its last frame is just before the end
            position = min(position, self._end_marker - 1e-6)
        for param, envelope in self._envelopes:
            if not param._dead:
                param._automate(envelope._value_at(position))

    def _position_now(self):
        elapsed = self._transport().total - self._launch_total
        pos = self._start_marker + elapsed
        if not self._looping or pos < self._loop_end:
            return pos
        span = self._loop_end - self._loop_start
        return self._loop_start + (pos - self._loop_end) % span

    @accessor
    def automation_envelope(self, device_parameter):
        """The envelope of device_parameter in this clip, or None (also for another track's
        parameters)."""
        for param, envelope in self._envelopes:
            if param is device_parameter:
                return envelope
        return None

    @mutator
    def create_automation_envelope(self, device_parameter):
        from .DeviceParameter import DeviceParameter
        from .Envelope import Envelope
        if not isinstance(device_parameter, DeviceParameter) or device_parameter == None:  # noqa: E711
            raise RuntimeError("Cannot create an envelope: not a parameter of this set")
        if not self._own_parameter(device_parameter):
            raise RuntimeError("Cannot create an envelope for a parameter of another track")
        if self.automation_envelope.__wrapped__(self, device_parameter) is not None:
            raise RuntimeError("The envelope already exists")
        envelope = Envelope(self._world, self, device_parameter)
        self._envelope_edit(self._envelopes + [(device_parameter, envelope)])
        return envelope

    @mutator
    def clear_envelope(self, device_parameter):
        self._envelope_edit([(p, e) for p, e in self._envelopes if p is not device_parameter])

    @mutator
    def clear_all_envelopes(self):
        self._envelope_edit([])

    @property
    def is_triggered(self):
        self._check()
        return self._triggered

    def _get_is_playing(self):
        self._check()
        return self._playing

    def _set_is_playing(self, value):
        self._check_write()
        if as_bool(self, value):
            self._transport().fire_clip(self)
        else:
            self._transport().stop_slot(self._parent)

    is_playing = property(_get_is_playing, _set_is_playing)

    @property
    def playing_position(self):
        """Position inside the clip (beats), looping over the loop region while it plays."""
        self._check()
        if not self._playing:
            return 0.0 if self._is_midi else self._start_marker
        if self._recording:
            return self._transport().total - self._launch_total
        return self._position_now()

    def _transport(self):
        return self._world.song._transport

    # -- launching -----------------------------------------------------------------------
    @mutator
    def fire(self):
        self._transport().fire_clip(self)

    @mutator
    def stop(self):
        self._transport().stop_slot(self._parent)

    @mutator
    def set_fire_button_state(self, state):
        if state:
            self._transport().fire_clip(self)
        elif self._launch_mode == LaunchMode.gate:
            self._transport().stop_slot(self._parent)

    @mutator
    def move_playing_pos(self, beats):
        if self._playing:
            self._launch_total -= as_float(self, beats)

    # -- notes, shared --------------------------------------------------------------------
    def _require_audio(self, what):
        if self._is_midi:
            raise RuntimeError("Clip.%s is available for audio clips only" % what)

    def _require_midi(self):
        if not self._is_midi:
            raise RuntimeError("This operation is only available for MIDI clips")

    def _snapshot(self):
        return ([n._copy() for n in self._notes], self._next_id)

    def _restore(self, snap):
        notes, next_id = snap
        self._notes = [n._copy() for n in notes]
        self._next_id = next_id
        self._notify("notes")

    def _edit_notes(self, change):
        """Run change() on the notes; record it as one undoable edit and tell 'notes' listeners."""
        self._require_midi()
        before = self._snapshot()
        result = change()
        after = self._snapshot()
        self._world.undo.record(lambda: self._restore(before), lambda: self._restore(after))
        self._notify("notes")
        return result

    def _add(self, fields):
        note = MidiNote(self._next_id, *fields)
        self._next_id += 1
        self._notes.append(note)
        return note._note_id

    def _in_area(self, note, from_time, from_pitch, time_span, pitch_span):
        return (from_pitch <= note.pitch < from_pitch + pitch_span and
                from_time <= note.start_time < from_time + time_span)

    def _sorted(self, notes):
        """The tuple API's order: time, then pitch."""
        return sorted(notes, key=lambda n: (n.start_time, n.pitch))

    @staticmethod
    def _by_pitch(notes):
        """The extended API's order, as Live gives it (AbletonOSC tests/test_clip.py, run against
        real Live, expects get_notes_extended sorted by pitch, then time)."""
        return sorted(notes, key=lambda n: (n.pitch, n.start_time))

    @staticmethod
    def _tuple(note):
        return (note.pitch, note.start_time, note.duration, note.velocity, note.mute)

    # -- old tuple API ----------------------------------------------------------------------
    @accessor
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        self._require_midi()
        return tuple(self._tuple(n) for n in self._sorted(self._notes)
                     if self._in_area(n, from_time, from_pitch, time_span, pitch_span))

    @mutator
    def set_notes(self, notes):
        if not isinstance(notes, tuple):
            raise TypeError("set_notes expects a tuple of (pitch, time, duration, velocity, mute) tuples")
        checked = [_valid_note(tuple(n) + (1.0, 0.0, 64.0)) for n in notes]
        self._edit_notes(lambda: [self._add(f) for f in checked])

    @mutator
    def remove_notes(self, from_time, from_pitch, time_span, pitch_span):
        def change():
            self._notes = [n for n in self._notes if not self._in_area(n, from_time, from_pitch, time_span, pitch_span)]
        self._edit_notes(change)

    @accessor
    def get_selected_notes(self):
        self._require_midi()
        return tuple(self._tuple(n) for n in self._sorted(self._notes) if n._note_id in self._selected)

    @mutator
    def replace_selected_notes(self, notes):
        if not isinstance(notes, tuple):
            raise TypeError("replace_selected_notes expects a tuple of note tuples")
        checked = [_valid_note(tuple(n) + (1.0, 0.0, 64.0)) for n in notes]

        def change():
            self._notes = [n for n in self._notes if n._note_id not in self._selected]
            self._selected = set(self._add(f) for f in checked)
        self._edit_notes(change)

    # -- extended API (Live 11+) -------------------------------------------------------------
    @accessor
    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        self._require_midi()
        return MidiNoteVector(n._copy() for n in self._by_pitch(self._notes)
                              if self._in_area(n, from_time, from_pitch, time_span, pitch_span))

    @accessor
    def get_all_notes_extended(self):
        self._require_midi()
        return MidiNoteVector(n._copy() for n in self._by_pitch(self._notes))

    @accessor
    def get_notes_by_id(self, note_ids):
        self._require_midi()
        wanted = set(note_ids)
        return MidiNoteVector(n._copy() for n in self._by_pitch(self._notes) if n._note_id in wanted)

    @accessor
    def get_selected_notes_extended(self):
        self._require_midi()
        return MidiNoteVector(n._copy() for n in self._by_pitch(self._notes) if n._note_id in self._selected)

    @mutator
    def add_new_notes(self, notes):
        checked = []
        for spec in notes:
            if not isinstance(spec, MidiNoteSpecification):
                raise TypeError("add_new_notes expects MidiNoteSpecification objects, got %r" % (spec,))
            checked.append(_valid_note(spec._fields))
        return IntVector(self._edit_notes(lambda: [self._add(f) for f in checked]))

    @mutator
    def apply_note_modifications(self, notes):
        by_id = dict((n._note_id, n) for n in self._notes)
        updates = []
        for note in notes:
            if note.note_id in by_id:
                updates.append((by_id[note.note_id], _valid_note(tuple(getattr(note, f) for f in _NOTE_FIELDS))))

        def change():
            for target, fields in updates:
                for name, value in zip(_NOTE_FIELDS, fields):
                    setattr(target, name, value)
        self._edit_notes(change)

    @mutator
    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        self.remove_notes.__wrapped__(self, from_time, from_pitch, time_span, pitch_span)

    @mutator
    def remove_notes_by_id(self, note_ids):
        doomed = set(note_ids)

        def change():
            self._notes = [n for n in self._notes if n._note_id not in doomed]
        self._edit_notes(change)

    @mutator
    def select_all_notes(self):
        self._require_midi()
        self._selected = set(n._note_id for n in self._notes)

    @mutator
    def deselect_all_notes(self):
        self._selected = set()

    @mutator
    def select_notes_by_id(self, note_ids):
        self._require_midi()
        self._selected |= set(note_ids) & set(n._note_id for n in self._notes)

    @mutator
    def quantize(self, quantization_grid, amount):
        grid = {1: 1.0, 2: 0.5, 3: 1.0 / 3, 4: 1.0 / 6, 5: 0.25, 6: 1.0 / 6, 7: 1.0 / 12, 8: 0.125}.get(int(quantization_grid))
        if grid is None:
            raise RuntimeError("Invalid quantization grid %r" % (quantization_grid,))
        amount = as_float(self, amount)

        def change():
            for n in self._notes:
                target = round(n.start_time / grid) * grid
                n.start_time += (target - n.start_time) * amount
        self._edit_notes(change)

    @mutator
    def duplicate_loop(self):
        span = self._loop_end - self._loop_start

        def change():
            for n in list(self._notes):
                if self._loop_start <= n.start_time < self._loop_end:
                    self._add((n.pitch, n.start_time + span, n.duration, n.velocity, n.mute, n.probability,
                               n.velocity_deviation, n.release_velocity))
        self._edit_notes(change)
        self._change("loop_end", self._loop_end + span)
        if self._end_marker < self._loop_end:
            self._change("end_marker", self._loop_end)

    @mutator
    def crop(self):
        start, end = (self._loop_start, self._loop_end) if self._looping else (self._start_marker, self._end_marker)

        def change():
            kept = [n for n in self._notes if start <= n.start_time < end]
            for n in kept:
                n.start_time -= start
            self._notes = kept
        self._edit_notes(change)
        length = end - start
        self._change("loop_start", 0.0)
        self._change("loop_end", length)
        self._change("start_marker", 0.0)
        self._change("end_marker", length)

    @accessor
    def note_number_to_name(self, midi_pitch):
        names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
        return "%s%d" % (names[int(midi_pitch) % 12], int(midi_pitch) // 12 - 2)


__all__ = ["Clip", "ClipLaunchQuantization", "GridQuantization", "LaunchMode", "MidiNote", "MidiNoteSpecification",
           "MidiNoteVector", "WarpMarker", "WarpMarkerVector", "WarpMode"]
