"""Virtual Live's object model enforces Live's rules (listeners, notifications, threads, identity,
indices, track kinds, browser, versions, undo, data)."""
import threading

import pytest

from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set

Live = install_live_module()
NOTIFY_MSG = "Changes cannot be triggered by notifications. You will need to defer your response."


@pytest.fixture
def song():
    return load_set(None, "12.3").get_document()


def demo(version="12.3"):
    return load_set(DEMO_SET, version).get_document()


# -- modules and enums -----------------------------------------------------------------------
def test_live_modules_are_importable_like_in_live():
    import Live.Song
    from Live.Base import LimitationError
    assert Live.Song.Song is type(load_set().get_document())
    assert issubclass(LimitationError, Exception)


def test_quantization_enums_have_lives_values_and_offset():
    assert Live.Song.Quantization.q_no_q == 0 and Live.Song.Quantization.q_8_bars == 1
    assert Live.Song.Quantization.q_bar == 4 and Live.Song.Quantization.q_thirtytwoth == 13
    assert Live.Clip.ClipLaunchQuantization.q_global == 0 and Live.Clip.ClipLaunchQuantization.q_none == 1
    assert Live.Clip.ClipLaunchQuantization.q_8_bars == 2 and Live.Clip.ClipLaunchQuantization.q_bar == 5
    assert Live.MidiMap.MapMode.absolute == 0 and Live.Device.DeviceType.midi_effect == 4


# -- listeners -------------------------------------------------------------------------------
def test_listeners_exist_only_for_listenable_properties(song):
    track = song.tracks[0]
    assert hasattr(track, "add_name_listener")
    assert not hasattr(track, "add_fold_state_listener")
    assert not hasattr(song, "add_can_undo_listener")
    assert not hasattr(track.clip_slots[0].create_clip(1.0), "add_is_playing_listener")


def test_listener_called_without_arguments_and_removal_rules(song):
    track = song.tracks[0]
    calls = []

    def on_name():
        calls.append(track.name)
    track.add_name_listener(on_name)
    assert track.name_has_listener(on_name)
    track.name = "Lead"
    assert calls == ["Lead"]
    track.name = "Lead"  # unchanged: no notification
    assert calls == ["Lead"]
    track.remove_name_listener(on_name)
    assert not track.name_has_listener(on_name)
    with pytest.raises(RuntimeError):
        track.remove_name_listener(on_name)
    with pytest.raises(RuntimeError):
        track.add_mute_listener(on_name) or track.add_mute_listener(on_name)


def test_write_inside_a_notification_raises(song):
    track = song.tracks[0]
    seen = []

    def on_mute():
        try:
            track.name = "changed in listener"
        except RuntimeError as error:
            seen.append(str(error))
        seen.append(track.name)  # reading is fine
    track.add_mute_listener(on_mute)
    track.mute = True
    assert seen == [NOTIFY_MSG, "1-MIDI"]
    assert track.name == "1-MIDI"


def test_mutating_methods_are_guarded_too(song):
    errors = []

    def on_tempo():
        for action in (lambda: song.create_midi_track(-1), lambda: song.tracks[0].clip_slots[0].fire(),
                       lambda: song.start_playing()):
            try:
                action()
            except RuntimeError as error:
                errors.append(str(error))
    song.add_tempo_listener(on_tempo)
    song.tempo = 100.0
    assert errors == [NOTIFY_MSG] * 3
    assert len(song.tracks) == 4 and not song.is_playing


def test_lom_access_off_the_main_thread_raises(song):
    outcome = []

    def worker():
        try:
            song.tracks[0].name
        except RuntimeError as error:
            outcome.append(str(error))
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome and "main thread" in outcome[0]


# -- identity, vectors, indices -----------------------------------------------------------------
def test_deleted_objects_compare_equal_to_none_and_refuse_calls(song):
    track = song.tracks[1]
    assert track != None  # noqa: E711 (Live's idiom)
    song.delete_track(1)
    assert track == None  # noqa: E711
    with pytest.raises(RuntimeError):
        track.name
    with pytest.raises(RuntimeError):
        track.name = "ghost"


def test_vectors_are_read_only_and_have_no_index(song):
    tracks = song.tracks
    assert len(tracks) == 4 and tracks[0] in tracks and list(tracks[1:3]) == list(song.tracks)[1:3]
    assert not hasattr(tracks, "index")
    with pytest.raises(TypeError):
        tracks[0] = tracks[1]
    assert list(song.tracks).index(tracks[2]) == 2


def test_create_track_index_rules_and_selection(song):
    appended = song.create_midi_track(-1)
    assert list(song.tracks)[-1] == appended and song.view.selected_track == appended
    first = song.create_audio_track(0)
    assert song.tracks[0] == first and first.has_audio_input and song.view.selected_track == first
    with pytest.raises(Live.Base.LimitationError):
        song.create_midi_track(99)
    with pytest.raises(IndexError):
        song.delete_track(99)
    song.duplicate_track(0)
    assert song.view.selected_track == song.tracks[1] and song.tracks[1].name == first.name


def test_scene_index_rules(song):
    scene = song.create_scene(-1)
    assert list(song.scenes)[-1] == scene and len(song.tracks[0].clip_slots) == 9
    with pytest.raises(Live.Base.LimitationError):
        song.create_scene(50)
    song.duplicate_scene(0)
    assert song.view.selected_scene == song.scenes[1]
    while len(song.scenes) > 1:
        song.delete_scene(0)
    with pytest.raises(RuntimeError):
        song.delete_scene(0)


def test_main_and_return_tracks_cannot_be_armed_and_have_no_slots(song):
    for track in (song.master_track, song.return_tracks[0]):
        assert not track.can_be_armed and len(track.clip_slots) == 0
        with pytest.raises(RuntimeError):
            track.arm = True
        with pytest.raises(RuntimeError):
            track.arm
    song.tracks[0].arm = True
    assert song.tracks[0].arm and song.tracks[0].can_be_armed


def test_group_tracks_fold_and_others_refuse():
    song = demo()
    group, drums, keys = song.tracks[0], song.tracks[1], song.tracks[3]
    assert group.is_foldable and drums.is_grouped and drums.group_track == group
    with pytest.raises(RuntimeError):
        keys.fold_state
    with pytest.raises(RuntimeError):
        keys.fold_state = 1
    group.fold_state = 1
    assert not drums.is_visible and drums not in song.visible_tracks and len(song.visible_tracks) == 3
    assert group.clip_slots[0].is_group_slot and group.clip_slots[0].controls_other_clips


def test_return_tracks_add_sends_everywhere(song):
    song.create_return_track()
    assert len(song.return_tracks) == 3 and len(song.tracks[0].mixer_device.sends) == 3
    song.delete_return_track(0)
    assert len(song.tracks[0].mixer_device.sends) == 2


# -- clips and notes --------------------------------------------------------------------------------
def test_clip_slot_rules(song):
    midi_slot, audio_slot = song.tracks[0].clip_slots[0], song.tracks[2].clip_slots[0]
    with pytest.raises(RuntimeError):
        audio_slot.create_clip(4.0)
    with pytest.raises(RuntimeError):
        midi_slot.delete_clip()
    clip = midi_slot.create_clip(4.0)
    with pytest.raises(RuntimeError):
        midi_slot.create_clip(4.0)
    assert midi_slot.has_clip and clip.length == 4.0 and clip.looping and clip.is_midi_clip
    midi_slot.delete_clip()
    assert clip == None and not midi_slot.has_clip  # noqa: E711


def test_old_and_extended_note_apis(song):
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    clip.set_notes(((60, 0.0, 1.0, 100, False), (64, 1.0, 0.5, 90, False)))
    assert clip.get_notes(0.0, 0, 4.0, 128) == ((60, 0.0, 1.0, 100.0, False), (64, 1.0, 0.5, 90.0, False))
    spec = Live.Clip.MidiNoteSpecification(pitch=67, start_time=2.0, duration=1.0, velocity=80.0, probability=0.5)
    ids = clip.add_new_notes((spec,))
    notes = clip.get_notes_extended(from_pitch=0, pitch_span=128, from_time=0.0, time_span=4.0)
    assert [n.pitch for n in notes] == [60, 64, 67] and notes[2].note_id == ids[0] and notes[2].probability == 0.5
    notes[0].velocity = 10.0
    clip.apply_note_modifications(notes)
    assert clip.get_notes_by_id([notes[0].note_id])[0].velocity == 10.0
    with pytest.raises(AttributeError):
        notes[0].note_id = 5
    clip.remove_notes_extended(0, 128, 1.0, 1.0)
    assert [n.pitch for n in clip.get_all_notes_extended()] == [60, 67]
    with pytest.raises(RuntimeError):
        clip.add_new_notes((Live.Clip.MidiNoteSpecification(200, 0.0, 1.0),))


# -- browser and devices ---------------------------------------------------------------------------
def _find(item, name):
    for child in item.children:
        if child.name == name:
            return child
        found = _find(child, name)
        if found is not None:
            return found
    return None


def test_browser_has_live12_stock_devices_with_parameters(song):
    browser = Live.Application.get_application().browser
    for root, names in ((browser.audio_effects, ["Compressor", "Glue Compressor", "EQ Eight", "Reverb", "Delay",
                                                   "Echo", "Auto Filter", "Saturator", "Utility", "Limiter",
                                                   "Chorus-Ensemble", "Phaser-Flanger", "Gate",
                                                   "Multiband Dynamics", "Audio Effect Rack"]),
                        (browser.instruments, ["Operator", "Wavetable", "Drift", "Meld", "Analog", "Simpler",
                                               "Sampler", "Instrument Rack", "Drum Rack"]),
                        (browser.midi_effects, ["Arpeggiator", "Chord", "Scale", "Note Length", "Random",
                                                "Velocity", "Pitch", "MIDI Effect Rack"]),
                        (browser.drums, ["Drum Rack"])):
        for name in names:
            item = _find(root, name)
            assert item is not None and item.is_loadable and item.is_device, name
    song.view.selected_track = song.tracks[2]
    browser.load_item(_find(browser.audio_effects, "Utility"))
    device = song.tracks[2].devices[0]
    assert device.name == "Utility" and device.class_name == "StereoGain"
    assert device.parameters[0].name == "Device On" and device.parameters[0].value == 1.0
    mode = [p for p in device.parameters if p.name == "Channel Mode"][0]
    assert mode.is_quantized and list(mode.value_items) == ["Left", "Stereo", "Right", "Swap"]
    gain = [p for p in device.parameters if p.name == "Gain"][0]
    assert (gain.min, gain.max, gain.default_value) == (-35.0, 35.0, 0.0)
    with pytest.raises(RuntimeError):
        gain.value = 99.0


def test_browser_loads_on_selected_track_after_selected_device(song):
    browser = Live.Application.get_application().browser
    track = song.tracks[0]
    song.view.selected_track = track
    browser.load_item(_find(browser.instruments, "Operator"))
    browser.load_item(_find(browser.audio_effects, "Reverb"))
    song.view.select_device(track.devices[0])
    browser.load_item(_find(browser.audio_effects, "Compressor"))
    browser.load_item(_find(browser.midi_effects, "Arpeggiator"))
    assert [d.name for d in track.devices] == ["Arpeggiator", "Operator", "Compressor", "Reverb"]
    browser.load_item(_find(browser.instruments, "Drift"))  # an instrument replaces the instrument
    assert [d.name for d in track.devices] == ["Arpeggiator", "Drift", "Compressor", "Reverb"]
    song.view.selected_track = song.tracks[2]
    with pytest.raises(RuntimeError):
        browser.load_item(_find(browser.instruments, "Operator"))
    assert len(song.tracks[2].devices) == 0


def test_insert_device_exists_only_from_live_12_3():
    old = load_set(None, "12.1").get_document()
    assert not hasattr(old.tracks[0], "insert_device")
    new = load_set(None, "12.3").get_document()
    device = new.tracks[0].insert_device("Saturator")
    assert device.name == "Saturator" and new.tracks[0].devices[0] == device
    with pytest.raises(RuntimeError):
        new.tracks[2].insert_device("Operator")
    with pytest.raises(IndexError):
        new.tracks[2].insert_device("Reverb", 5)


def test_version_gated_members():
    for version, scale_mode, tuning, display in (("11.3", False, False, False), ("12.0", True, False, False),
                                                 ("12.1", True, True, False), ("12.3", True, True, True)):
        app = load_set(None, version)
        song = app.get_document()
        param = song.tracks[0].mixer_device.volume
        assert hasattr(song, "scale_mode") == scale_mode, version
        assert hasattr(song, "add_scale_mode_listener") == scale_mode, version
        assert hasattr(song, "tuning_system") == tuning, version
        assert hasattr(param, "display_value") == display, version
        assert "%d.%d" % (app.get_major_version(), app.get_minor_version()) == version


# -- undo and data -------------------------------------------------------------------------------
def test_undo_groups_steps_and_redo_replays(song):
    song.begin_undo_step()
    track = song.create_midi_track(-1)
    track.name = "Macro made"
    song.tempo = 90.0
    song.end_undo_step()
    assert song.can_undo
    song.undo()
    assert len(song.tracks) == 4 and song.tempo == 120.0 and track == None  # noqa: E711
    assert song.can_redo
    song.redo()
    assert len(song.tracks) == 5 and song.tracks[4].name == "Macro made" and song.tempo == 90.0


def test_undo_covers_devices_clips_and_notes(song):
    track = song.tracks[0]
    track.insert_device("Compressor")
    clip = track.clip_slots[0].create_clip(2.0)
    clip.set_notes(((60, 0.0, 1.0, 100, False),))
    song.undo()
    assert clip.get_notes(0, 0, 4, 128) == ()
    song.undo()
    assert not track.clip_slots[0].has_clip
    song.undo()
    assert len(track.devices) == 0
    song.redo()
    song.redo()
    assert len(track.devices) == 1 and track.clip_slots[0].has_clip


def test_set_data_persists_with_the_set(song):
    from lmac.surface.virtual_live import save_set
    song.set_data("lmac", {"bindings": 3})
    song.tracks[0].set_data("role", "lead")
    again = load_set(save_set(song)).get_document()
    assert again.get_data("lmac", None) == {"bindings": 3}
    assert again.tracks[0].get_data("role", None) == "lead" and again.get_data("missing", 7) == 7


# -- enum-typed properties take plain ints and members alike -----------------------------------
# Source: AbletonOSC tests/test_song.py test_song_property_clip_trigger_quantization sets 0 and 4
# through setattr with plain ints against real Live and reads them back equal.
def _audio_clip(song):
    return [s.clip for t in song.tracks for s in t.clip_slots if s.has_clip and s.clip.is_audio_clip][0]


def _midi_clip(song):
    return [s.clip for t in song.tracks for s in t.clip_slots if s.has_clip and s.clip.is_midi_clip][0]


# (where the object comes from, property, its enum class, a member to write)
ENUM_SETTERS = [
    (lambda s: s, "clip_trigger_quantization", lambda: Live.Song.Quantization, "q_2_bars"),
    (lambda s: s, "midi_recording_quantization", lambda: Live.Song.RecordingQuantization, "rec_q_sixtenth"),
    (_midi_clip, "launch_mode", lambda: Live.Clip.LaunchMode, "gate"),
    (_midi_clip, "launch_quantization", lambda: Live.Clip.ClipLaunchQuantization, "q_bar"),
    (_audio_clip, "warp_mode", lambda: Live.Clip.WarpMode, "complex"),
    (lambda s: _midi_clip(s).view, "grid_quantization", lambda: Live.Clip.GridQuantization, "g_eighth"),
    (lambda s: s._world.application.browser, "filter_type", lambda: Live.Browser.FilterType, "midi_effect_hotswap"),
]


@pytest.mark.parametrize("get,prop,enum,member", ENUM_SETTERS, ids=[e[1] for e in ENUM_SETTERS])
def test_enum_setters_take_plain_ints_and_members_and_refuse_floats_and_strings(get, prop, enum, member):
    song = demo()
    obj, cls = get(song), enum()
    value = cls.names[member]
    setattr(obj, prop, int(value))
    assert getattr(obj, prop) is value and type(getattr(obj, prop)) is cls
    assert getattr(obj, prop) == int(value)                  # members still compare as ints
    setattr(obj, prop, cls.values[1])
    assert getattr(obj, prop) == 1
    for wrong in (float(value), "q_bar"):
        with pytest.raises(TypeError) as e:
            setattr(obj, prop, wrong)
        assert "did not match C++ signature" in str(e.value)
        assert type(e.value).__name__ == "ArgumentError"
    with pytest.raises(ValueError):
        setattr(obj, prop, max(cls.values) + 1)
    assert getattr(obj, prop) == 1                           # a refused write changes nothing


# Live types these setters as int (or Enum | int): ints and members both work, getters give members.
INT_TYPED_ENUMS = [
    (lambda s: [t for t in s.tracks if t.can_be_armed][0], "current_monitoring_state",
     lambda: Live.Track.Track.monitoring_states, "IN"),
    (lambda s: s.tracks[1].mixer_device, "crossfade_assign",
     lambda: Live.MixerDevice.MixerDevice.crossfade_assignments, "B"),
    (lambda s: s.tracks[1].mixer_device, "panning_mode",
     lambda: Live.MixerDevice.MixerDevice.panning_modes, "stereo_split"),
]


@pytest.mark.parametrize("get,prop,enum,member", INT_TYPED_ENUMS, ids=[e[1] for e in INT_TYPED_ENUMS])
def test_int_typed_enum_setters_take_ints_and_members(get, prop, enum, member):
    song = demo()
    obj, cls = get(song), enum()
    setattr(obj, prop, int(cls.names[member]))
    assert getattr(obj, prop) is cls.names[member]
    setattr(obj, prop, cls.values[0])
    assert getattr(obj, prop) == 0
    with pytest.raises(ValueError):
        setattr(obj, prop, 99)


def test_enum_classes_have_boosts_values_and_names():
    q = Live.Song.Quantization
    assert q.values[4] is q.q_bar and q.names["q_bar"] is q.q_bar
    assert sorted(q.values) == list(range(14)) and len(q.names) == 14
    assert q.q_bar.name == "q_bar" and isinstance(q.q_bar, int)
    assert Live.Clip.ClipLaunchQuantization.values[5] is Live.Clip.ClipLaunchQuantization.q_bar
    assert Live.Track.Track.monitoring_states.names["IN"] == 0
    assert Live.MixerDevice.MixerDevice.panning_modes.values[1].name == "stereo_split"
    assert Live.Device.DeviceType.values[4] is Live.Device.DeviceType.midi_effect


def test_sets_load_enum_ints_as_members_and_save_ints():
    from lmac.surface.virtual_live import save_set
    song = demo()
    song.clip_trigger_quantization = Live.Song.Quantization.q_eight
    clip = _midi_clip(song)
    clip.launch_quantization = Live.Clip.ClipLaunchQuantization.q_half
    data = save_set(song)
    assert type(data["clip_trigger_quantization"]) is int and data["clip_trigger_quantization"] == 9
    again = load_set(data).get_document()
    assert again.clip_trigger_quantization is Live.Song.Quantization.q_eight
    assert _midi_clip(again).launch_quantization is Live.Clip.ClipLaunchQuantization.q_half
