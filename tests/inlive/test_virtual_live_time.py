"""Virtual Live's transport: song time, launch quantization, looping clips, stops, scenes, locators."""
import pytest

from lmac.surface.virtual_live import DEMO_SET, install_live_module
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


def test_song_time_follows_tempo_and_signature(host):
    song = host.song
    song.tempo = 120.0
    song.start_playing()
    host.advance_ms(1000)
    assert song.is_playing and song.current_song_time == 2.0
    song.tempo = 60.0
    host.advance_ms(1000)
    assert song.current_song_time == 3.0
    song.signature_numerator = 3
    host.advance_bars(2)
    assert song.current_song_time == 9.0
    song.stop_playing()
    host.advance_ms(5000)
    assert not song.is_playing and song.current_song_time == 9.0
    song.continue_playing()
    host.advance_ms(1000)
    assert song.current_song_time == 10.0
    song.start_playing()
    assert song.current_song_time == 0.0


def test_clip_launch_waits_for_the_global_grid(host):
    song = host.song
    song.tempo = 120.0
    drums = song.tracks[1]
    song.start_playing()
    host.advance_ms(250)  # half a beat in
    slot = drums.clip_slots[1]
    slot.fire()
    assert slot.is_triggered and drums.fired_slot_index == 1 and drums.playing_slot_index == -1
    assert slot.clip.is_triggered and not slot.clip.is_playing
    host.advance_ms(1700)  # beat 3.9
    assert drums.playing_slot_index == -1
    host.advance_ms(50)    # beat 4: the bar line
    assert drums.playing_slot_index == 1 and drums.fired_slot_index == -1
    assert slot.clip.is_playing and slot.playing_status == Live.ClipSlot.ClipSlotPlayingState.started
    assert not slot.is_triggered and slot.clip.playing_position == 0.0


def test_clip_launch_quantization_overrides_global(host):
    song = host.song
    song.tempo = 120.0
    song.clip_trigger_quantization = Live.Song.Quantization.q_4_bars
    clip = song.tracks[1].clip_slots[0].clip
    clip.launch_quantization = Live.Clip.ClipLaunchQuantization.q_quarter
    song.start_playing()
    host.advance_ms(100)
    clip.fire()
    host.advance_ms(399)
    assert not clip.is_playing
    host.advance_ms(1)
    assert clip.is_playing and song.current_song_time == 1.0


def test_firing_while_stopped_starts_the_transport_at_once(host):
    song = host.song
    clip = song.tracks[2].clip_slots[1].clip
    clip.fire()
    assert song.is_playing and clip.is_playing and song.tracks[2].playing_slot_index == 1


def test_clips_loop_over_their_length_and_unlooped_clips_end(host):
    song = host.song
    song.tempo = 120.0
    loop = song.tracks[1].clip_slots[0].clip    # 4 beats, looping
    once = song.tracks[3].clip_slots[3].clip     # 8 beats, not looping
    positions = []
    loop.add_playing_position_listener(lambda: positions.append(loop.playing_position))
    song.start_playing()
    loop.fire()
    once.fire()
    host.advance_ms(2500)  # 5 beats
    assert loop.playing_position == 1.0 and once.playing_position == 5.0
    assert positions and max(positions) < 4.0
    host.advance_ms(1500)  # 8 beats: the unlooped clip ends
    assert not once.is_playing and song.tracks[3].playing_slot_index == -1
    assert loop.is_playing and loop.playing_position == 0.0


def test_stop_and_stop_all_clips_quantize(host):
    song = host.song
    song.tempo = 120.0
    drums, keys = song.tracks[1], song.tracks[3]
    drums.clip_slots[0].fire()
    keys.clip_slots[0].fire()
    host.advance_ms(500)
    drums.stop_all_clips()
    assert drums.fired_slot_index == -2 and drums.playing_slot_index == 0
    host.advance_ms(1500)
    assert drums.playing_slot_index == -1 and drums.fired_slot_index == -1
    host.advance_ms(250)
    song.stop_all_clips()
    assert keys.playing_slot_index == 0
    host.advance_ms(1750)
    assert keys.playing_slot_index == -1
    keys.clip_slots[0].fire()
    song.stop_all_clips(False)
    assert keys.playing_slot_index == -1


def test_scene_launch_fires_row_sets_tempo_and_selects(host):
    song = host.song
    song.start_playing()
    host.advance_ms(100)
    chorus = song.scenes[2]
    triggered = []
    chorus.add_is_triggered_listener(lambda: triggered.append(chorus.is_triggered))
    chorus.fire()
    assert chorus.is_triggered and song.view.selected_scene == chorus
    host.run_until_idle()
    assert triggered == [True, False]
    assert [t.playing_slot_index for t in song.tracks] == [-1, 2, 2, 2, 2]
    assert song.tempo == 124.0
    song.scenes[0].fire()
    host.run_until_idle()
    assert [t.playing_slot_index for t in song.tracks] == [-1, 0, -1, 0, -1]


def test_group_slot_fires_children(host):
    song = host.song
    song.tracks[0].clip_slots[1].fire()
    assert song.tracks[1].playing_slot_index == 1 and song.tracks[2].playing_slot_index == 1


def test_arrangement_loop_wraps_song_time(host):
    song = host.song
    song.tempo = 120.0
    song.loop_start = 4.0
    song.loop_length = 8.0
    song.loop = True
    song.start_playing()
    host.advance_ms(6500)  # 13 beats: wraps at 12 back to 4
    assert song.current_song_time == 5.0


def test_locators_jump(host):
    song = host.song
    assert [c.name for c in song.cue_points] == ["Intro", "Verse", "Chorus", "Outro"]
    song.cue_points[2].jump()
    assert song.current_song_time == 48.0
    song.jump_to_prev_cue()
    assert song.current_song_time == 16.0
    song.jump_to_next_cue()
    assert song.current_song_time == 48.0 and song.is_cue_point_selected()
    song.current_song_time = 20.0
    song.set_or_delete_cue()
    assert len(song.cue_points) == 5
    song.set_or_delete_cue()
    assert len(song.cue_points) == 4


def test_transport_flags(host):
    song = host.song
    for name in ("metronome", "overdub", "record_mode", "session_record", "loop"):
        setattr(song, name, True)
        assert getattr(song, name) is True
    with pytest.raises(RuntimeError):
        song.tempo = 5.0
    with pytest.raises(RuntimeError):
        song.signature_denominator = 3
