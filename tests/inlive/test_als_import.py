"""Reading Ableton Live sets (.als) into virtual Live: each element, per Live major version (9 to 12),
on sets the tests write with the builder (tests/inlive/als_sets.py). Checked through the Live API,
as a macro would see the set."""
import gzip
import os

import pytest

from lmac.surface.virtual_live import install_live_module, load_set, save_set
from lmac.surface.virtual_live.als import AlsError, read_als
from lmac.surface.virtual_live.palette import PALETTE

from als_sets import write_set

VERSIONS = [9, 10, 11, 12]


@pytest.fixture(params=VERSIONS, ids=["live%d" % v for v in VERSIONS])
def song(request, tmp_path):
    install_live_module()
    path = write_set(tmp_path / "MySong.als", request.param)
    return load_set(path, "12.3").get_document()


def by_name(items, name):
    found = [i for i in items if i.name == name]
    assert len(found) == 1, [i.name for i in items]
    return found[0]


def test_tempo_signature_loop_quantization_and_scale(song):
    assert song.tempo == 128.0
    assert (song.root_note, song.scale_name) == (2, "Dorian")
    assert (song.signature_numerator, song.signature_denominator) == (6, 8)
    assert song.loop and song.loop_start == 8.0 and song.loop_length == 32.0
    assert int(song.clip_trigger_quantization) == 5


def test_locators_in_time_order(song):
    assert [(c.name, c.time) for c in song.cue_points] == [("Intro", 0.0), ("Verse", 32.0)]


def test_scenes_with_names_tempo_and_signature(song):
    names = [s.name for s in song.scenes]
    assert len(names) == 4 and names[0] == "Intro"
    drop, waltz = song.scenes[1], song.scenes[2]
    assert drop.tempo == 140.0 and drop.tempo_enabled
    assert (waltz.time_signature_numerator, waltz.time_signature_denominator) == (3, 4)
    assert not song.scenes[0].tempo_enabled
    assert waltz.color_index == 3 and waltz.color == PALETTE[3]


def test_track_kinds_order_and_group_membership(song):
    assert [t.name for t in song.tracks] == ["Drums", "Kick", "Loop", "Keys", "Plug Synth"]
    drums, kick, loop, keys = song.tracks[:4]
    assert drums.is_foldable and drums.fold_state == 1
    assert kick.is_grouped and kick.group_track == drums and loop.group_track == drums
    assert not keys.is_grouped
    assert kick.has_midi_input and not loop.has_midi_input
    assert [r.name for r in song.return_tracks] == ["A-Verb", "B-Echo"]


def test_track_colors_from_the_palette(song):
    drums, kick, _, keys = song.tracks[:4]
    assert (drums.color_index, drums.color) == (14, PALETTE[14])
    assert (keys.color_index, keys.color) == (9, PALETTE[9])
    assert kick.color_index == 1


def test_mute_solo_arm(song):
    kick, loop, keys = song.tracks[1:4]
    assert loop.mute and not kick.mute
    assert keys.solo and not loop.solo
    assert kick.arm and not keys.arm


def test_volume_pan_sends_on_the_fader_law(song):
    drums, _, loop, keys = song.tracks[:4]
    assert keys.mixer_device.volume.value == pytest.approx(0.85)      # gain 1.0 = 0 dB
    assert drums.mixer_device.volume.value == pytest.approx(0.85 - 6.0206 / 40, abs=1e-4)   # gain 0.5 = -6 dB
    assert keys.mixer_device.panning.value == -0.5
    assert [s.value for s in loop.mixer_device.sends] == [pytest.approx(1.0), 0.0]
    assert keys.mixer_device.sends[1].value == pytest.approx(0.85 - 0.0206 / 40 + 0.0, abs=1e-3)
    assert song.master_track.mixer_device.volume.value == pytest.approx(0.85 - 6.0206 / 40, abs=1e-4)
    assert song.return_tracks[1].mixer_device.volume.value == pytest.approx(0.85 - 12.0412 / 40, abs=1e-4)


def test_native_devices_by_display_name_with_parameter_values(song):
    loop, keys = song.tracks[2], song.tracks[3]
    compressor = loop.devices[0]
    assert (compressor.name, compressor.class_name, compressor.class_display_name) == ("Glue It", "Compressor2", "Compressor")
    params = dict((p.name, p.value) for p in compressor.parameters)
    assert params["Threshold"] == pytest.approx(-15.0, abs=1e-3)   # stored as linear gain
    assert params["Ratio"] == 8.0 and params["Output Gain"] == 3.0
    assert [d.name for d in keys.devices] == ["Arpeggiator", "Keys Rack", "ValhallaRoom", "EQ Eight", "Reverb",
                                              "FutureDevice2031"]
    eq = keys.devices[3]
    eq_params = dict((p.name, p.value) for p in eq.parameters)
    assert eq_params["3 Filter On A"] == 1 and eq_params["3 Gain A"] == 4.5 and eq_params["Output Gain"] == 2.0
    reverb = keys.devices[4]
    assert reverb.parameters[0].value == 0 and not reverb.is_active


def test_racks_with_chains_and_macros(song):
    rack = song.tracks[3].devices[1]
    assert rack.can_have_chains and rack.class_name == "InstrumentGroupDevice"
    assert [c.name for c in rack.chains] == ["Pad", "Sub"]
    assert [d.name for d in rack.chains[0].devices] == ["Operator"]
    assert [d.name for d in rack.chains[1].devices] == ["Serum", "Compressor"]
    assert rack.chains[1].mute and not rack.chains[0].mute
    macros = dict((p.name, p.value) for p in rack.parameters)
    assert macros["Cutoff"] == 64.0 and macros["Macro 3"] == 100.0
    assert rack.parameters[1].original_name == "Macro 1"
    drum_rack = song.tracks[1].devices[0]
    assert drum_rack.class_name == "DrumGroupDevice" and drum_rack.chains[0].solo
    wide = song.tracks[2].devices[1].chains[0].devices[0]
    assert wide.name == "Utility" and dict((p.name, p.value) for p in wide.parameters)["Stereo Width"] == 2.0


def test_plug_ins_and_max_devices_by_name_with_their_kind(song):
    keys, plug = song.tracks[3], song.tracks[4]
    valhalla = keys.devices[2]
    assert valhalla.class_name == "PluginDevice" and int(valhalla.type) == 2      # after the rack: an effect
    diva, convolver, euclid = plug.devices
    assert (diva.name, diva.class_name, int(diva.type)) == ("Diva", "AuPluginDevice", 1)   # first on a MIDI track
    assert (convolver.name, convolver.class_name, int(convolver.type)) == ("Convolver", "MxDeviceAudioEffect", 2)
    assert (euclid.name, int(euclid.type)) == ("euclid seq 1.1", 4)     # named by its patch file
    serum = keys.devices[1].chains[1].devices[0]
    assert int(serum.type) == 1                                    # no other instrument in its chain


def test_midi_clips_with_notes_loop_and_launch_settings(song):
    kick, keys = song.tracks[1], song.tracks[3]
    four = kick.clip_slots[0].clip
    assert (four.name, four.color_index, four.length, four.looping) == ("Four", 5, 4.0, True)
    assert int(four.launch_quantization) == 5
    notes = four.get_notes_extended(0, 128, 0.0, 4.0)
    assert sorted((n.start_time, n.pitch, n.velocity, n.mute) for n in notes) == [
        (0.0, 36, 127, False), (1.0, 36, 100, False), (2.0, 36, 90, True)]
    chords = keys.clip_slots[0].clip
    assert (chords.loop_start, chords.loop_end, chords.length) == (4.0, 12.0, 8.0)
    assert (chords.start_marker, chords.end_marker) == (6.0, 10.0)
    assert chords.legato and chords.velocity_amount == 0.5 and chords.muted
    assert keys.clip_slots[3].clip.name == "Lead"
    assert [s.has_clip for s in keys.clip_slots] == [True, False, False, True]


def test_note_chance_and_release_velocity_from_live_11(tmp_path):
    install_live_module()
    for major, expected in ((10, (1.0, 0.0, 30.0)), (11, (0.5, 10.0, 30.0)), (12, (0.5, 10.0, 30.0))):
        song = load_set(write_set(tmp_path / ("n%d.als" % major), major)).get_document()
        note = [n for n in song.tracks[3].clip_slots[0].clip.get_notes_extended(60, 1, 0.0, 8.0)][0]
        got = (note.probability, note.velocity_deviation, note.release_velocity)
        # Live 10 writes no chance or deviation (the builder drops them); both keep the release velocity
        assert got == expected, (major, got)


def test_audio_clip_unlooped_markers_and_launch_mode(song):
    brk = song.tracks[2].clip_slots[1].clip
    assert brk.is_audio_clip and brk.file_path.endswith("break.wav")
    assert not brk.looping and (brk.start_marker, brk.end_marker) == (0.0, 8.0)
    assert (brk.loop_start, brk.loop_end) == (0.0, 4.0)
    assert int(brk.launch_mode) == 1


def test_returns_and_main_with_devices(song):
    assert [d.name for d in song.return_tracks[0].devices] == ["Reverb"]
    assert [d.name for d in song.return_tracks[1].devices] == ["Delay"]
    assert [d.name for d in song.master_track.devices] == ["Limiter"]


@pytest.mark.parametrize("major", VERSIONS)
def test_unknown_elements_are_skipped_and_noted(tmp_path, major):
    data = read_als(write_set(tmp_path / "s.als", major))
    assert data["source"]["live"].startswith(str(major))
    assert any("FutureDevice2031" in n for n in data["source"]["notes"])


def test_master_track_tag_per_version(tmp_path):
    for major, tag in ((9, b"<MasterTrack>"), (11, b"<MasterTrack>"), (12, b"<MainTrack>")):
        path = write_set(tmp_path / ("m%d.als" % major), major)
        with gzip.open(path) as f:
            assert tag in f.read()
        assert read_als(path)["tempo"] == 128.0


def test_the_set_file_is_only_read(tmp_path):
    install_live_module()
    path = write_set(tmp_path / "MySong.als", 12)
    before = (open(path, "rb").read(), os.stat(path).st_mtime_ns)
    load_set(path).get_document().tempo = 90.0
    assert (open(path, "rb").read(), os.stat(path).st_mtime_ns) == before
    assert sorted(os.listdir(str(tmp_path))) == ["MySong.als"]


def test_json_and_als_share_one_loader(tmp_path):
    """The set read from .als, saved as JSON and loaded again, is the same set."""
    install_live_module()
    path = write_set(tmp_path / "MySong.als", 11)
    first = save_set(load_set(path).get_document())
    again = save_set(load_set(first).get_document())
    assert again == first
    assert save_set(load_set(read_als(path)).get_document()) == first


def test_uncompressed_xml_is_read_too(tmp_path):
    path = write_set(tmp_path / "plain.als", 12, compress=False)
    assert read_als(path)["tempo"] == 128.0


# -- files that are not Live sets: one clear error each -------------------------------------------
def test_not_a_live_set(tmp_path):
    junk = tmp_path / "junk.als"
    junk.write_bytes(b"hello")
    with pytest.raises(AlsError, match=r"junk\.als is not an Ableton Live set"):
        read_als(str(junk))


def test_xml_that_is_not_a_live_set(tmp_path):
    other = tmp_path / "other.als"
    with gzip.open(str(other), "wb") as f:
        f.write(b"<?xml version='1.0'?><Project><Tracks/></Project>")
    with pytest.raises(AlsError, match=r"is not an Ableton Live set: its XML starts with <Project>"):
        read_als(str(other))


def test_damaged_xml_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.als"
    with gzip.open(str(bad), "wb") as f:
        f.write(b"<?xml version='1.0'?>\n<Ableton MinorVersion='12.0_1'>\n<LiveSet><Tracks></LiveSet>")
    with pytest.raises(AlsError, match=r"bad\.als:3:\d+: the set's XML is damaged"):
        read_als(str(bad))


def test_cut_off_file(tmp_path):
    whole = open(write_set(tmp_path / "whole.als", 12), "rb").read()
    cut = tmp_path / "cut.als"
    cut.write_bytes(whole[:len(whole) // 2])
    with pytest.raises(AlsError, match=r"cut\.als: the set ends early"):
        read_als(str(cut))


def test_damaged_compressed_data(tmp_path):
    whole = bytearray(open(write_set(tmp_path / "whole.als", 11), "rb").read())
    for i in range(200, 260):
        whole[i] ^= 0x5A
    bad = tmp_path / "bad.als"
    bad.write_bytes(bytes(whole))
    with pytest.raises(AlsError, match=r"bad\.als: the set's (compressed data|XML) is damaged"):
        read_als(str(bad))


def test_missing_file(tmp_path):
    with pytest.raises(AlsError, match=r"cannot read the Live set"):
        read_als(str(tmp_path / "nope.als"))


@pytest.mark.parametrize("major", VERSIONS)
def test_standard_library_and_lxml_read_the_same(tmp_path, monkeypatch, major):
    """The reader uses lxml when installed (dev side) and the standard library otherwise (Live, 3.7):
    both give the same set. Without lxml this checks the standard library reading on its own."""
    from lmac.surface.virtual_live.als import reader
    try:
        from lxml import etree
    except ImportError:     # Python 3.7 / Live: the standard library only
        etree = None
    path = write_set(tmp_path / "s.als", major)
    monkeypatch.setattr(reader, "_lxml", etree)
    found = read_als(path) if etree is not None else None
    monkeypatch.setattr(reader, "_lxml", None)
    plain = read_als(path)
    assert plain["tempo"] == 128.0 and len(plain["tracks"]) == 3
    if found is not None:
        assert found == plain


def test_a_set_from_another_live_version_loads_with_a_note(tmp_path):
    path = str(tmp_path / "old.als")
    with gzip.open(path, "wb") as f:
        f.write(b'<?xml version="1.0"?><Ableton MinorVersion="8.1_226" Creator="Ableton Live 8.1.4"><LiveSet><Tracks>'
                b'<AudioTrack Id="1"><Name><EffectiveName Value="Old"/></Name></AudioTrack></Tracks></LiveSet></Ableton>')
    data = read_als(path)
    assert [t["name"] for t in data["tracks"]] == ["Old"]
    assert data["source"]["notes"][0].startswith("written by Live 8.1; lmac reads sets of Live 9 to 12")


@pytest.mark.parametrize("major", [9, 12])
def test_groups_inside_groups(tmp_path, major):
    from lmac.surface.virtual_live.als.builder import SetBuilder, write_als
    install_live_module()
    b = SetBuilder(major)
    tracks = [{"kind": "group", "name": "Band", "id": 1}, {"kind": "group", "name": "Drums", "id": 2, "group": 1},
              {"kind": "audio", "name": "Kick", "group": 2}, {"kind": "midi", "name": "Bass", "group": 1},
              {"kind": "midi", "name": "Solo"}]
    path = write_als(str(tmp_path / "g.als"), b.build({"tracks": tracks}))
    song = load_set(path).get_document()
    parents = dict((t.name, t.group_track.name if t.is_grouped else None) for t in song.tracks)
    assert parents == {"Band": None, "Drums": "Band", "Kick": "Drums", "Bass": "Band", "Solo": None}


def test_live_12_notes_without_default_attributes(tmp_path):
    """Live 12.3 leaves out VelocityDeviation, Probability and IsEnabled at their defaults."""
    path = write_set(tmp_path / "n12.als", 12)
    with gzip.open(path) as f:
        xml = f.read()
    assert b'Velocity="90" OffVelocity="64.0" NoteId=' in xml
    install_live_module()
    note = load_set(path).get_document().tracks[3].clip_slots[0].clip.get_notes_extended(64, 1, 0.0, 8.0)[0]
    assert (note.velocity, note.mute, note.probability, note.velocity_deviation) == (90, False, 1.0, 0.0)


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("damage", ["x", "nan", "inf", "-5", "1e308", ""])
def test_damaged_values_are_never_fatal(tmp_path, major, damage):
    """Every value in the set replaced by text that is no usable number: the set still loads,
    with Live's defaults where a value was unusable."""
    import re
    from lmac.surface.virtual_live.als.builder import SetBuilder, write_als
    from als_sets import describe
    install_live_module()
    b = SetBuilder(major)
    xml = re.sub(r'\b(Value|Time|Duration|Velocity|OffVelocity|Probability|MinorVersion)="[^"]*"',
                 lambda m: '%s="%s"' % (m.group(1), damage), b.build(describe(b)))
    song = load_set(write_als(str(tmp_path / "damaged.als"), xml)).get_document()
    assert [(t.is_foldable, t.has_midi_input) for t in song.tracks] == [
        (True, False), (False, True), (False, False), (False, True), (False, True)]   # names are values too
    assert len(song.return_tracks) == 2 and 20.0 <= song.tempo <= 999.0
    for track in song.tracks:
        for slot in track.clip_slots:
            if slot.has_clip:
                assert slot.clip.length > 0


def test_reading_streams_track_by_track(tmp_path, monkeypatch):
    """Each track's XML is dropped once read: reading peaks far below holding the whole set's XML
    (measured with the standard library, whose elements tracemalloc sees)."""
    import tracemalloc
    import xml.etree.ElementTree as ET
    from lmac.surface.virtual_live.als import reader
    from lmac.surface.virtual_live.als.builder import SetBuilder, write_als
    b = SetBuilder(11)
    tracks = [{"kind": "midi", "name": "T%d" % i, "devices": [b.device("Compressor2", [("Ratio", 2.0)] * 20)],
               "clips": [{"slot": 0, "notes": [(60, n * 0.25, 0.25, 100, True) for n in range(50)]}]}
              for i in range(60)]
    path = write_als(str(tmp_path / "many.als"), b.build({"tracks": tracks}))
    monkeypatch.setattr(reader, "_lxml", None)
    tracemalloc.start()
    data = read_als(path)
    streaming_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    tracemalloc.start()
    with gzip.open(path) as f:
        ET.parse(f)
    whole_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(data["tracks"]) == 60 and len(data["tracks"][59]["clips"][0]["notes"]) == 50
    assert streaming_peak < whole_peak / 3, (streaming_peak, whole_peak)
