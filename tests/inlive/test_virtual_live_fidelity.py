"""Virtual Live behaves as real Live does, rule by rule. Each test names its source: a signature
or docstring in ableton-live-stubs (Live-stubs/X.pyi), the published behaviour collected in
live-api.md, a test AbletonOSC runs against real Live (ideoforms/AbletonOSC tests/...), or
Boost.Python's converters (libs/python/src/converter/builtin_converters.cpp)."""
import pytest

from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set
from lmac.surface.virtual_live.host import VirtualHost

Live = install_live_module()


class Quiet(object):
    def __init__(self, c_instance):
        pass


class QuietScript(object):
    create_instance = staticmethod(Quiet)


@pytest.fixture
def host():
    return VirtualHost(QuietScript, set_path=DEMO_SET)


def demo():
    return load_set(DEMO_SET, "12.3").get_document()


def midi_track(song):
    return [t for t in song.tracks if t.has_midi_input][0]


def audio_clip(song):
    return [s.clip for t in song.tracks for s in t.clip_slots if s.has_clip and s.clip.is_audio_clip][0]


def midi_clip(song):
    return [s.clip for t in song.tracks for s in t.clip_slots if s.has_clip and s.clip.is_midi_clip][0]


# -- 1. enums convert from int ----------------------------------------------------------------
def test_clip_trigger_quantization_takes_plain_ints_and_reads_them_back():
    """AbletonOSC tests/test_song.py test_song_property_clip_trigger_quantization: set 0 then 4
    with setattr, read back equal."""
    song = demo()
    for value in (0, 4):
        song.clip_trigger_quantization = value
        assert song.clip_trigger_quantization == value
        assert type(song.clip_trigger_quantization) is Live.Song.Quantization


def test_midi_recording_quantization_takes_plain_ints():
    """AbletonOSC tests/test_song.py test_song_property_midi_recording_quantization: 1 then 0."""
    song = demo()
    for value in (1, 0):
        song.midi_recording_quantization = value
        assert song.midi_recording_quantization == value


def test_an_int_naming_no_member_is_refused_and_changes_nothing():
    song = demo()
    song.clip_trigger_quantization = 4
    with pytest.raises(ValueError):
        song.clip_trigger_quantization = 14      # Song.Quantization ends at q_thirtytwoth = 13
    with pytest.raises(ValueError):
        audio_clip(song).warp_mode = int(Live.Clip.WarpMode.count)   # `count` only sizes the enum
    assert song.clip_trigger_quantization == 4


# -- 7. Boost.Python's conversions -----------------------------------------------------------
def test_int_setters_take_bools_and_refuse_floats():
    """Boost.Python's int converter takes any Python int, bool included, and no float
    (Live-stubs/Song.pyi: signature_numerator: int)."""
    song = demo()
    song.signature_numerator = True
    assert song.signature_numerator == 1 and type(song.signature_numerator) is int
    with pytest.raises(TypeError) as e:
        song.signature_numerator = 3.0
    assert type(e.value).__name__ == "ArgumentError" and "did not match C++ signature" in str(e.value)
    assert song.signature_numerator == 1


def test_float_setters_take_ints_and_bools():
    """Boost.Python's double converter takes ints and floats (Live-stubs/Song.pyi: tempo: float)."""
    song = demo()
    song.tempo = 100
    assert song.tempo == 100.0 and type(song.tempo) is float
    song.swing_amount = True
    assert song.swing_amount == 1.0
    with pytest.raises(TypeError):
        song.tempo = "fast"


def test_bool_setters_take_ints_and_none_and_refuse_floats_and_strings():
    """Boost.Python's bool converter takes None and ints, not floats (Live-stubs/Track.pyi:
    mute: bool); AbletonOSC tests/test_track.py test_track_property_mute sets 1 then 0."""
    song = demo()
    track = midi_track(song)
    track.mute = 1
    assert track.mute is True
    track.mute = None
    assert track.mute is False
    for wrong in (1.0, "yes"):
        with pytest.raises(TypeError):
            track.mute = wrong
    assert track.mute is False


# -- 2. note order ----------------------------------------------------------------------------
def test_get_notes_extended_sorts_by_pitch_then_time():
    """AbletonOSC tests/test_clip.py test_clip_add_remove_notes (real Live): after adding
    67@-0.25, 60@0, 72@0 and 60@3, all notes come back as 60@0, 60@3, 67@-0.25, 72@0."""
    song = demo()
    clip = midi_clip(song)
    clip.remove_notes_extended(0, 128, -10000.0, 20000.0)
    spec = Live.Clip.MidiNoteSpecification
    clip.add_new_notes((spec(pitch=60, start_time=0.0, duration=0.25, velocity=64),
                        spec(pitch=67, start_time=-0.25, duration=0.5, velocity=32)))
    clip.add_new_notes((spec(pitch=72, start_time=0.0, duration=0.25, velocity=64),
                        spec(pitch=60, start_time=3.0, duration=0.5, velocity=32)))
    notes = clip.get_notes_extended(0, 127, -8192, 16384)
    assert [(n.pitch, n.start_time) for n in notes] == [(60, 0.0), (60, 3.0), (67, -0.25), (72, 0.0)]
    assert [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()] == \
        [(60, 0.0), (60, 3.0), (67, -0.25), (72, 0.0)]


# -- 3. clips fired together while stopped start together --------------------------------------
def test_clips_fired_in_one_instant_while_stopped_start_together_off_the_grid(host):
    """A clip fired while the transport is stopped starts it at once (live-api.md §6 Song,
    transport); a second clip fired in that same instant joins it, even off the grid."""
    song = host.song
    song.current_song_time = 1.3
    a, b = [t for t in song.tracks if any(s.has_clip for s in t.clip_slots)][:2]
    slot_a = [s for s in a.clip_slots if s.has_clip][0]
    slot_b = [s for s in b.clip_slots if s.has_clip][0]
    slot_a.fire()
    slot_b.fire()
    assert slot_a.clip.is_playing and slot_b.clip.is_playing
    host.advance_ms(700)
    assert slot_a.clip.playing_position == pytest.approx(slot_b.clip.playing_position)
    assert slot_a.clip.playing_position > 0.0


def test_a_launch_after_the_start_instant_waits_for_the_grid(host):
    song = host.song
    song.current_song_time = 1.3
    a, b = [t for t in song.tracks if any(s.has_clip for s in t.clip_slots)][:2]
    [s for s in a.clip_slots if s.has_clip][0].fire()
    host.advance_ms(10)
    slot_b = [s for s in b.clip_slots if s.has_clip][0]
    slot_b.fire()
    assert slot_b.is_triggered and not slot_b.clip.is_playing


# -- 4. playing_slot_index goes straight to the new clip ----------------------------------------
def test_playing_slot_index_goes_from_old_to_new_without_minus_one(host):
    """AbletonOSC tests/test_track.py test_track_listen_playing_slot_index (real Live): with 1/16
    quantization, firing slot 1 while slot 0 plays reports 1 next, never -1."""
    song = host.song
    song.clip_trigger_quantization = 11
    track = midi_track(song)
    for i in (0, 1):
        if not track.clip_slots[i].has_clip:
            track.clip_slots[i].create_clip(4.0)
    seen = []
    track.add_playing_slot_index_listener(lambda: seen.append(track.playing_slot_index))
    track.clip_slots[0].fire()
    host.advance_ms(300)
    track.clip_slots[1].fire()
    host.advance_ms(300)
    track.clip_slots[0].fire()
    host.advance_ms(300)
    assert seen == [0, 1, 0]


# -- 5. Live's wording for indices --------------------------------------------------------------
def test_vectors_and_index_arguments_say_index_out_of_range():
    """Live's vectors raise IndexError "Index out of range" (Live's own Log.txt quoted in
    markusschloesser/MackieC4_P3#85); negative indices count from the end as in Boost's suite."""
    song = demo()
    with pytest.raises(IndexError) as e:
        song.tracks[99]
    assert str(e.value) == "Index out of range"
    assert song.tracks[-1] == song.tracks[len(song.tracks) - 1]
    for call in (lambda: song.delete_scene(99), lambda: song.duplicate_track(99),
                 lambda: song.tracks[0].delete_device(99), lambda: song.delete_return_track(-1)):
        with pytest.raises(IndexError) as e:
            call()
        assert str(e.value) == "Index out of range"
    with pytest.raises(TypeError):
        song.delete_scene(1.0)                   # an int argument takes no float (Boost)


# -- 6. members the stubs have -------------------------------------------------------------------
def test_link_members():
    """Live-stubs/Song.pyi: is_ableton_link_enabled (get/set/listen), force_link_beat_time()."""
    song = demo()
    seen = []
    song.add_is_ableton_link_enabled_listener(lambda: seen.append(song.is_ableton_link_enabled))
    song.is_ableton_link_enabled = True
    song.force_link_beat_time()
    assert seen == [True] and song.is_ableton_link_enabled is True


def test_clip_sample_length_ram_mode_gain_text_groove_and_position():
    """Live-stubs/Clip.pyi: sample_length, ram_mode are "Available for AudioClips only";
    gain_display_string a dB string; has_groove a bool; position the loop position (get/set/L)."""
    song = demo()
    audio, midi = audio_clip(song), midi_clip(song)
    assert isinstance(audio.sample_length, int) and audio.sample_length > 0
    assert audio.gain_display_string == "0.0 dB"          # 0.4 is Live's 0 dB clip gain
    audio.gain = 1.0
    assert audio.gain_display_string.endswith(" dB") and float(audio.gain_display_string[:-3]) > 20
    audio.ram_mode = True
    assert audio.ram_mode is True
    for name in ("sample_length", "ram_mode", "gain_display_string"):
        with pytest.raises(RuntimeError):
            getattr(midi, name)
    assert midi.has_groove is False
    length = midi.loop_end - midi.loop_start
    moved = []
    midi.add_position_listener(lambda: moved.append(midi.position))
    midi.position = 2.0
    assert (midi.loop_start, midi.loop_end, moved) == (2.0, 2.0 + length, [2.0])


def test_routing_types_and_channels_come_from_the_available_lists():
    """Live-stubs/Track.pyi: input_routing_type etc. raise ValueError unless the value is one of
    the current available_* values; RoutingType has display_name, category, attached_object;
    RoutingChannel has display_name and layout."""
    song = demo()
    audio = [t for t in song.tracks if t.has_audio_input][0]
    names = [r.display_name for r in audio.available_input_routing_types]
    assert names[0] == "Ext. In" and "Resampling" in names and names[-1] == "No Input"
    assert audio.input_routing_type.display_name == "Ext. In"
    assert audio.input_routing_type.category == Live.Track.RoutingTypeCategory.external
    source = [r for r in audio.available_input_routing_types if r.attached_object is not None][0]
    assert source.category == Live.Track.RoutingTypeCategory.track
    seen = []
    audio.add_input_routing_type_listener(lambda: seen.append(audio.input_routing_type.display_name))
    audio.input_routing_type = source
    assert audio.input_routing_type == source and seen == [source.display_name]
    assert [c.display_name for c in audio.available_input_routing_channels] == ["Pre FX", "Post FX", "Post Mixer"]
    audio.input_routing_channel = audio.available_input_routing_channels[1]
    assert audio.input_routing_channel.display_name == "Post FX"
    song.undo()                                           # routing changes are undoable
    assert audio.input_routing_channel.display_name == "Pre FX"
    foreign = [r for r in midi_track(song).available_input_routing_types if r.display_name == "All Ins"][0]
    with pytest.raises(ValueError):
        audio.input_routing_type = foreign                # not in this track's list
    with pytest.raises(TypeError):
        audio.input_routing_type = "Ext. In"              # Boost: a RoutingType, not a string
    source.attached_object.name = "Renamed"               # a routing to a track follows it
    assert audio.input_routing_type.display_name == "Renamed"


def test_output_routing_offers_main_or_master_by_version():
    """Live 12 renamed the Master track to Main (live-api.md §1, RN12)."""
    for version, name in (("11.3", "Master"), ("12.0", "Main")):
        song = load_set(DEMO_SET, version).get_document()
        track = [t for t in song.tracks if t.has_audio_input][0]
        assert name in [r.display_name for r in track.available_output_routing_types]
        assert song.master_track.output_routing_type.display_name == "Ext. Out"


# -- 7. colours, REX, fire's overload, recording -------------------------------------------------
def test_colours_snap_to_lives_palette_and_set_the_index():
    """AbletonOSC tests/test_track.py test_track_property_color ("Only specific colors from the
    color picker can be used"): its swatches 0x1AFF2F and 0x1A2F96 read back unchanged."""
    song = demo()
    track, clip, scene = midi_track(song), midi_clip(song), song.scenes[0]
    for obj in (track, clip, scene):
        for rgb in (0x001AFF2F, 0x001A2F96):
            obj.color = rgb
            assert obj.color == rgb
        obj.color = 0x1BFE30                             # off the palette: the nearest swatch
        assert (obj.color, obj.color_index) == (0x1AFF2F, 5)
        obj.color_index = 64
        assert obj.color == 0x1A2F96
        with pytest.raises(ValueError):
            obj.color_index = 70
    song.undo()                                          # colour and index change together
    assert (scene.color, scene.color_index) == (0x1AFF2F, 5)


def test_rex_warp_mode_only_on_rex_files():
    """Live-stubs/Clip.pyi available_warp_modes: the warp modes a clip can use; REX only
    applies to a REX file."""
    song = demo()
    clip = audio_clip(song)
    assert Live.Clip.WarpMode.rex not in list(clip.available_warp_modes)
    with pytest.raises(RuntimeError):
        clip.warp_mode = Live.Clip.WarpMode.rex
    clip._file_path = "Samples/Loop.rx2"
    assert Live.Clip.WarpMode.rex in list(clip.available_warp_modes)
    clip.warp_mode = 5
    assert clip.warp_mode is Live.Clip.WarpMode.rex


def _armed_empty_slot(song, has_input):
    track = [t for t in song.tracks if has_input(t)][0]
    track.arm = True
    return track, [s for s in track.clip_slots if not s.has_clip][0]


def test_firing_an_empty_slot_of_an_armed_track_records_until_stopped(host):
    """AbletonOSC tests/test_clip.py fixture (real Live): arm an audio track, fire its empty slot,
    wait one tick, stop: the slot holds a new audio clip."""
    song = host.song
    song.tempo = 120.0
    track, slot = _armed_empty_slot(song, lambda t: t.has_audio_input)
    slot.fire()
    assert slot.has_clip and slot.is_recording and slot.clip.is_recording
    assert slot.playing_status == Live.ClipSlot.ClipSlotPlayingState.recording
    assert track.playing_slot_index == list(track.clip_slots).index(slot)
    host.advance_ms(125)
    song.stop_playing()
    song.stop_all_clips()
    assert slot.has_clip and slot.clip.is_audio_clip and not slot.clip.is_recording
    assert slot.clip.length == pytest.approx(0.25) and slot.clip.sample_length > 0


def test_fire_with_record_length_records_then_refires_the_clip(host):
    """ClipSlot.fire's Boost docstring (live-api.md §6): "If 'record_length' is passed, the clip
    will be refired after the given recording length. Raises an error if the slot owns a clip."""
    song = host.song
    song.tempo = 120.0
    track, slot = _armed_empty_slot(song, lambda t: t.has_midi_input)
    song.start_playing()
    host.advance_ms(100)
    slot.fire(record_length=4.0)
    assert slot.will_record_on_start and not slot.has_clip          # waits for the bar
    host.advance_ms(1900)
    assert slot.is_recording
    host.advance_ms(2000)
    clip = slot.clip
    assert not clip.is_recording and clip.is_playing and clip.length == 4.0
    assert clip.playing_position == 0.0
    with pytest.raises(RuntimeError):
        slot.fire(record_length=2.0)


def test_fire_launch_quantization_overrides_the_songs(host):
    """ClipSlot.fire's docstring: "'launch_quantization' determines the quantization of global
    transport that is applied overriding the value in the song"."""
    song = host.song
    song.tempo = 120.0
    song.clip_trigger_quantization = Live.Song.Quantization.q_bar
    track = midi_track(song)
    slot = [s for s in track.clip_slots if s.has_clip][0]
    song.start_playing()
    host.advance_ms(100)
    slot.fire(launch_quantization=Live.Song.Quantization.q_quarter)
    host.advance_ms(400)                                              # beat 1
    assert slot.clip.is_playing
    assert song.clip_trigger_quantization == Live.Song.Quantization.q_bar


def test_fire_force_legato_plays_at_once_in_step(host):
    """ClipSlot.fire's docstring: "'force_legato' will make the clip play inmediatelly. The
    playhead will be moved to keep the clip synchronized."""
    song = host.song
    song.tempo = 120.0
    track = [t for t in song.tracks if len([s for s in t.clip_slots if s.has_clip]) >= 2][0]
    first, second = [s for s in track.clip_slots if s.has_clip][:2]
    first.fire()
    host.advance_ms(750)                                              # 1.5 beats in
    second.fire(force_legato=True)
    assert second.clip.is_playing and not first.clip.is_playing
    assert second.clip.playing_position == pytest.approx(1.5)


# -- 8. round-1 notes ---------------------------------------------------------------------------
def test_deleting_a_scene_above_a_playing_clip_shifts_playing_slot_index(host):
    """Live reports the playing clip by its slot's index: the clip plays on, its index moves."""
    song = host.song
    track = [t for t in song.tracks if any(s.has_clip for s in list(t.clip_slots)[1:])][0]
    index = [i for i, s in enumerate(track.clip_slots) if s.has_clip and i > 0][0]
    seen = []
    track.add_playing_slot_index_listener(lambda: seen.append(track.playing_slot_index))
    track.clip_slots[index].fire()
    song.delete_scene(0)
    assert track.playing_slot_index == index - 1 and track.clip_slots[index - 1].is_playing
    song.create_scene(0)
    assert seen == [index, index - 1, index]


def test_bound_method_listeners_are_held_weakly():
    """Live-stubs/Listener.pyi: ListenerHandle.listener_self is "the weak reference to original
    self, if it was a bound method" (live-api.md §3: keep the owner alive)."""
    import gc
    song = demo()
    calls = []

    class Owner(object):
        def changed(self):
            calls.append("owner")

    owner = Owner()
    song.add_tempo_listener(owner.changed)
    song.add_tempo_listener(lambda: calls.append("lambda"))
    assert song.tempo_has_listener(owner.changed)
    song.tempo = 100.0
    assert calls == ["owner", "lambda"]
    del owner
    gc.collect()
    song.tempo = 110.0
    assert calls == ["owner", "lambda", "lambda"]


def test_cue_point_jumps_wait_for_the_launch_grid_while_playing(host):
    """Live jumps to a locator on the global quantization grid while playing (issue 11, round 1
    notes); while stopped it moves at once."""
    song = host.song
    song.tempo = 120.0
    cues = list(song.cue_points)
    assert cues, "the demo set has locators"
    target = cues[-1]
    target.jump()
    assert song.current_song_time == target.time                    # stopped: at once
    song.current_song_time = 0.0
    song.clip_trigger_quantization = Live.Song.Quantization.q_bar
    song.start_playing()
    host.advance_ms(500)                                              # beat 1
    target.jump()
    assert song.current_song_time == pytest.approx(1.0)
    host.advance_ms(1500)                                             # the bar line
    assert song.current_song_time == pytest.approx(target.time)


def test_routing_is_saved_with_the_set_by_name():
    from lmac.surface.virtual_live.sets import save_set
    song = demo()
    vox = [t for t in song.tracks if t.has_audio_input][0]
    vox.input_routing_type = [r for r in vox.available_input_routing_types if r.display_name == "Keys"][0]
    vox.input_routing_channel = vox.available_input_routing_channels[2]
    data = save_set(song)
    again = load_set(data).get_document()
    vox2 = [t for t in again.tracks if t.has_audio_input][0]
    assert (vox2.input_routing_type.display_name, vox2.input_routing_channel.display_name) == ("Keys", "Post Mixer")
    vox2.input_routing_type.attached_object.name = "Piano"
    assert vox2.input_routing_type.display_name == "Piano"


def test_the_older_string_routing_api_reads_and_writes_the_same_routing():
    """Live-stubs/Track.pyi: current_input_routing ("the new routing must be one of the available
    ones"), input_routings, current_input_sub_routing, input_sub_routings (and output ones)."""
    song = demo()
    vox = [t for t in song.tracks if t.has_audio_input][0]
    assert list(vox.input_routings) == [r.display_name for r in vox.available_input_routing_types]
    vox.current_input_routing = "Resampling"
    assert vox.input_routing_type.display_name == "Resampling"
    vox.current_output_routing = "Ext. Out"
    vox.current_output_sub_routing = "2"
    assert vox.output_routing_channel.display_name == "2" and list(vox.output_sub_routings) == ["1/2", "1", "2"]
    with pytest.raises(ValueError):
        vox.current_input_routing = "Nowhere"


def test_routing_lists_tell_listeners_when_tracks_come_go_or_are_renamed():
    """Live-stubs/Track.pyi: available_input_routing_types is listenable."""
    song = demo()
    vox = [t for t in song.tracks if t.has_audio_input][0]
    calls = []
    vox.add_available_input_routing_types_listener(lambda: calls.append(len(vox.available_input_routing_types)))
    before = len(vox.available_input_routing_types)
    song.create_audio_track(-1)
    song.tracks[0].name = "Renamed"
    assert calls == [before + 1, before + 1]


def test_deleting_a_recording_clip_stops_the_track_and_leaves_the_slot_empty(host):
    song = host.song
    track, slot = _armed_empty_slot(song, lambda t: t.has_audio_input)
    slot.fire()
    host.advance_ms(300)
    slot.delete_clip()
    assert not slot.has_clip and track.playing_slot_index == -1 and not slot.is_recording
