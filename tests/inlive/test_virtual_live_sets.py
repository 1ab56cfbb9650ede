"""Sets load and save as JSON and round-trip exactly."""
import json

from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set, save_set

Live = install_live_module()


def test_demo_set_round_trips_exactly():
    with open(DEMO_SET) as handle:
        data = json.load(handle)
    assert save_set(load_set(DEMO_SET).get_document()) == data


def test_demo_set_content():
    song = load_set(DEMO_SET).get_document()
    assert [t.name for t in song.tracks] == ["Rhythm", "Drums", "Bass", "Keys", "Vox"]
    assert [t.name for t in song.return_tracks] == ["A Reverb", "B Delay"]
    assert [s.name for s in song.scenes] == ["Intro", "Verse", "Chorus", "Outro"]
    drums, vox = song.tracks[1], song.tracks[4]
    assert drums.devices[0].can_have_drum_pads and len(drums.devices[0].drum_pads) == 128
    assert vox.has_audio_input and vox.arm and vox.clip_slots[2].clip.is_audio_clip
    assert song.tempo == 122.0 and song.scenes[2].tempo == 124.0


def test_edits_survive_a_round_trip():
    song = load_set(DEMO_SET).get_document()
    song.tracks[3].name = "Piano"
    song.tracks[3].mute = True
    song.tracks[3].mixer_device.sends[1].value = 0.5
    song.tracks[3].devices[0].parameters[0].value = 0.0
    clip = song.tracks[4 - 2].clip_slots[0].create_clip(3.0)
    clip.name = "New"
    clip.looping = False
    clip.add_new_notes((Live.Clip.MidiNoteSpecification(48, 0.5, 0.25, velocity=77.0, probability=0.25),))
    song.create_scene(-1).name = "Bridge"
    song.tempo = 131.0
    saved = save_set(song)
    again = load_set(json.loads(json.dumps(saved))).get_document()
    assert save_set(again) == saved
    keys = again.tracks[3]
    assert keys.name == "Piano" and keys.mute and keys.mixer_device.sends[1].value == 0.5
    assert not keys.devices[0].is_active
    restored = again.tracks[2].clip_slots[0].clip
    assert restored.name == "New" and not restored.looping and restored.length == 3.0
    note = restored.get_all_notes_extended()[0]
    assert (note.pitch, note.start_time, note.velocity, note.probability) == (48, 0.5, 77.0, 0.25)
    assert again.scenes[4].name == "Bridge" and again.tempo == 131.0


def test_default_set_is_lives():
    song = load_set(None, "11.3").get_document()
    assert [t.name for t in song.tracks] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
    assert song.master_track.name == "Master" and len(song.scenes) == 8
    assert load_set(None, "12.0").get_document().master_track.name == "Main"


def test_rack_macro_names_round_trip_and_only_racks_have_them():
    import pytest
    from lmac.surface.virtual_live import load_set, save_set
    data = {"tracks": [{"kind": "midi", "name": "Keys", "devices": [
        {"device": "Instrument Rack", "macro_names": {"Macro 1": "Cutoff"}, "params": {"Cutoff": 64.0}}]}]}
    song = load_set(data).get_document()
    cutoff = song.tracks[0].devices[0].parameters[1]
    assert (cutoff.name, cutoff.original_name, cutoff.value) == ("Cutoff", "Macro 1", 64.0)
    again = save_set(load_set(save_set(song)).get_document())
    assert again["tracks"][0]["devices"][0]["macro_names"] == {"Macro 1": "Cutoff"}
    with pytest.raises(ValueError):
        load_set({"tracks": [{"kind": "midi", "name": "x", "devices": [
            {"device": "Operator", "macro_names": {"Macro 1": "Cutoff"}}]}]})
