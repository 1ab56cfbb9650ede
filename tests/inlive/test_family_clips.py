import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


@pytest.fixture
def env():
    return Env()


def _launch_beat(env, clip):
    """The song time at which the clip started, read back from its play position."""
    env.tick_until(lambda: clip.is_playing)
    return env.song.current_song_time - clip.playing_position


@pytest.mark.parametrize("grid,expected", [(":bar", 4.0), (":beat", 2.0), ("1/16", 1.5)])
def test_fire_lands_on_the_grid(env, grid, expected):
    env.run("(play)")
    env.tick_until(lambda: env.song.current_song_time >= 1.4)
    clip = env.clip("Bass", 2)
    env.run('(fire (clip "Bass A") :quantize %s)' % grid)
    assert _launch_beat(env, clip) == pytest.approx(expected, abs=1e-6)
    assert int(clip.launch_quantization) == 0        # the clip's own setting is left alone


def test_fire_without_quantize_uses_the_global_grid(env):
    env.run("(play)")
    env.tick_until(lambda: env.song.current_song_time >= 0.5)
    clip = env.clip("Keys", 1)
    env.run('(fire (clip "Keys" 1))')
    assert _launch_beat(env, clip) == pytest.approx(4.0, abs=1e-6)


def test_fire_in_a_macro_at_the_bar_line(env):
    env.run("(play)")
    clip = env.clip("Drums", 2)
    # The selector is built before the wait: selector actions are delayed to the exact line
    # after a lookahead wake (reported to the core), which would make the launch one tick late.
    env.run('(let [c (clip "Drums" 2)] (wait-next-bar) (fire c :quantize :bar))')
    assert _launch_beat(env, clip) == pytest.approx(4.0, abs=1e-6)


def test_stop_clip(env):
    env.run('(play) (fire (clip "Keys" 1) :quantize :none)')
    clip = env.clip("Keys", 1)
    env.tick_until(lambda: clip.is_playing)
    env.run('(stop-clip (clip "Keys" 1))')
    env.tick_until(lambda: not clip.is_playing)


def test_bad_grid_is_an_error(env):
    with pytest.raises(LmacError) as e:
        env.run('(fire (clip "Keys" 1) :quantize :sometimes)')
    assert "fire: :quantize must be a launch grid" in str(e.value)


def test_create_delete_duplicate(env):
    clip = env.run('(create-clip (clip "Drums" 4) 2)')
    assert env.clip("Drums", 4).length == 8.0
    assert clip is not None
    with pytest.raises(LmacError) as e:
        env.run('(create-clip (clip "Drums" 4) 1)')
    assert "already has a clip in that slot; pick an empty slot" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(create-clip (clip "Vox" 1) 1)')
    assert "Vox is not a MIDI track; create clips on a MIDI track" in str(e.value)
    env.run('(delete-clip (clip "Drums" 4))')
    assert not env.slot("Drums", 4).has_clip
    env.run('(duplicate-clip (clip "Bass" 2))')          # scene 3 is full, scene 4 is free
    assert env.clip("Bass", 4).name == "Bass A"
    scenes = len(env.song.scenes)
    env.run('(duplicate-clip (clip "Keys" 4))')          # nothing free below: a scene is added
    assert len(env.song.scenes) == scenes + 1
    assert env.clip("Keys", 5).name == "Pad Out"


def test_create_clip_follows_the_signature(env):
    env.song.signature_numerator = 3
    env.run('(create-clip (clip "Drums" 4) 2)')
    assert env.clip("Drums", 4).length == 6.0


def test_loop_and_markers(env):
    clip = env.clip("Drums", 1)
    env.run('(clip-loop (clip "Drums" 1) :start 2 :length 8)')
    assert (clip.loop_start, clip.loop_end) == (2.0, 10.0)
    env.run('(clip-loop (clip "Drums" 1) :start 12 :length 2)')   # beyond the old end
    assert (clip.loop_start, clip.loop_end) == (12.0, 14.0)
    env.run('(clip-loop (clip "Drums" 1) :start 0 :end 4 :on false)')
    assert (clip.loop_start, clip.loop_end, clip.looping) == (0.0, 4.0, False)
    env.run('(end-marker (clip "Drums" 1) 3) (start-marker (clip "Drums" 1) 1)')
    assert (clip.start_marker, clip.end_marker) == (1.0, 3.0)
    with pytest.raises(LmacError) as e:
        env.run('(clip-loop (clip "Drums" 1) :length 0)')
    assert "clip-loop: :length must be a number above 0" in str(e.value)


def test_launch_settings(env):
    clip = env.clip("Keys", 1)
    env.run('(launch-mode (clip "Keys" 1) :gate)')
    assert int(clip.launch_mode) == 1
    env.run('(launch-quantize (clip "Keys" 1) :beat)')
    assert int(clip.launch_quantization) == 8           # q_quarter in the clip's enum
    env.run('(launch-quantize (clip "Keys" 1) :global)')
    assert int(clip.launch_quantization) == 0
    env.run('(legato (clip "Keys" 1)) (clip-mute (clip "Keys" 1))')
    assert clip.legato and clip.muted
    env.run('(clip-unmute (clip "Keys" 1)) (legato (clip "Keys" 1) :off)')
    assert not clip.muted and not clip.legato
    env.run('(clip-signature (clip "Keys" 1) 3 4)')
    assert (clip.signature_numerator, clip.signature_denominator) == (3, 4)
    with pytest.raises(LmacError) as e:
        env.run('(clip-signature (clip "Keys" 1) 3 5)')
    assert "the denominator must be 1, 2, 4, 8 or 16, got 5" in str(e.value)


def test_transpose_quantize_duplicate_loop_crop(env):
    clip = env.clip("Bass", 2)
    before = [n.pitch for n in clip.get_all_notes_extended()]
    env.run('(transpose (clip "Bass A") -12)')
    assert [n.pitch for n in clip.get_all_notes_extended()] == [p - 12 for p in before]
    env.run('(add-note (clip "Bass A") 40 0.1 0.25 100) (quantize-clip (clip "Bass A") 1/16)')
    assert any(n.pitch == 40 and n.start_time == 0.0 for n in clip.get_all_notes_extended())
    length = clip.loop_end
    env.run('(duplicate-loop (clip "Bass A"))')
    assert clip.loop_end == 2 * length
    env.run('(clip-loop (clip "Bass A") :start 0 :length 4) (crop (clip "Bass A"))')
    assert clip.loop_end == 4.0 and clip.end_marker == 4.0


def test_audio_only_actions_refuse_midi_clips(env):
    with pytest.raises(LmacError) as e:
        env.run('(clip-gain (clip "Keys" 1) 0.5)')
    assert "clip-gain: Pad is a MIDI clip; use it on audio clips" in str(e.value)


def test_select_clip(env):
    env.run('(select-clip (clip "Keys" 3))')
    assert env.song.view.detail_clip == env.clip("Keys", 3)
    assert env.song.view.selected_track.name == "Keys"
    assert env.song.view.selected_scene == env.song.scenes[2]
