import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


@pytest.fixture
def env():
    return Env()


def test_launch_scene_lands_on_the_grid(env):
    env.run("(play)")
    env.tick_until(lambda: env.song.current_song_time >= 1.2)
    env.run('(launch-scene (scene "Verse") :quantize :beat)')
    clip = env.clip("Bass", 2)
    env.tick_until(lambda: clip.is_playing)
    assert env.song.current_song_time - clip.playing_position == pytest.approx(2.0, abs=1e-6)
    assert int(env.song.clip_trigger_quantization) == 4       # the global setting is back


def test_launch_scene_default_grid_and_scene_tempo(env):
    env.run("(play)")
    env.run('(launch-scene (scene "Chorus"))')
    env.tick_until(lambda: env.clip("Bass", 3).is_playing)
    assert env.song.tempo == 124.0
    env.run('(scene-tempo (scene "Verse") 128)')
    assert env.song.scenes[1].tempo == 128.0
    env.run('(scene-tempo (scene "Verse") :off)')
    assert not env.song.scenes[1].tempo_enabled
    with pytest.raises(LmacError) as e:
        env.run('(scene-tempo (scene "Verse") 5)')
    assert "scene-tempo: the tempo must be a number of BPM from 20 to 999 or :off, got 5" in str(e.value)


def test_scene_signature_select_and_launch_selected(env):
    env.run('(scene-signature (scene "Outro") 3 4)')
    outro = env.song.scenes[3]
    assert (outro.time_signature_numerator, outro.time_signature_denominator) == (3, 4)
    env.run('(scene-signature (scene "Outro") :off)')
    assert not outro.time_signature_enabled
    env.run('(select-scene (scene "Verse"))')
    assert env.song.view.selected_scene == env.song.scenes[1]
    env.run("(play) (launch-selected-scene)")
    env.tick_until(lambda: env.clip("Bass", 2).is_playing)


def test_stop_scene(env):
    env.run('(play) (launch-scene (scene "Chorus") :quantize :none)')
    env.tick_until(lambda: env.clip("Keys", 3).is_playing)
    env.run('(stop-scene (scene "Chorus"))')
    env.tick_until(lambda: not env.clip("Keys", 3).is_playing)


def test_show_hide_focus_toggle(env):
    view = env.app.view
    env.run("(show :arrangement)")
    assert view.focused_document_view == "Arranger"
    env.run("(show :session) (hide :browser)")
    assert not view.is_view_visible("Browser")
    assert env.run("(toggle-view :browser)") is True
    assert env.run("(view-visible? :browser)") is True
    env.run("(focus-view :device) (scroll :session :down) (zoom :arrangement :up)")
    with pytest.raises(LmacError) as e:
        env.run("(show :mixer)")
    assert "show: the view must be :session, :arrangement" in str(e.value)


def test_select_and_navigate(env):
    env.run('(select (track "Keys"))')
    assert env.song.view.selected_track.name == "Keys"
    env.run("(next-track)")
    assert env.song.view.selected_track.name == "Vox"
    env.run("(previous-track 2)")
    assert env.song.view.selected_track.name == "Bass"
    env.run("(first-track)")
    assert env.song.view.selected_track.name == "Rhythm"
    env.run("(last-track)")
    assert env.song.view.selected_track.name == "Vox"
    env.run('(select (scene "Chorus")) (next-scene)')
    assert env.song.view.selected_scene == env.song.scenes[3]
    env.run("(next-scene) (previous-scene 2)")
    assert env.song.view.selected_scene == env.song.scenes[1]
    env.run('(select (clip "Keys" 3))')
    assert env.song.view.detail_clip == env.clip("Keys", 3)
    env.run('(select (device (track "Vox") "Compressor"))')
    assert env.track("Vox").view.selected_device.name == "Compressor"
    env.run("(previous-device)")
    assert env.track("Vox").view.selected_device.name == "EQ Eight"
    env.run("(next-device)")
    assert env.track("Vox").view.selected_device.name == "Compressor"
    env.run('(show-loop (clip "Keys" 1))')
