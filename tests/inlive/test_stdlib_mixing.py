"""stdlib_macros/mixing.lmac over virtual Live: volumes and sends land where and when they should."""
import pytest

from stdlib_env import env_with, volume


@pytest.fixture
def env():
    e = env_with("mixing", "mx")
    e.run("(play)")
    return e


def test_duck_goes_down_holds_then_comes_back(env):
    env.run('(def h (spawn (mx/duck (track "Keys") :amount 0.5 :bars 1 :release-beats 4)))')
    env.run("(wait-beats 2)")
    assert volume(env, "Keys") == pytest.approx(0.35)        # half of 0.7, held for the bar
    env.run("(wait-beats 4)")
    assert 0.35 < volume(env, "Keys") < 0.7                  # gliding back over beats 4..8
    env.run("(wait-until (fn () (done? h)))")
    assert volume(env, "Keys") == 0.7
    assert env.song.current_song_time == pytest.approx(8.0, abs=0.1)


def test_duck_many_tracks_restores_each_level(env):
    assert env.run("(mx/duck (tracks \"Bass\" \"Vox\") :amount 1 :bars 1)") == [0.78, 0.75]
    assert volume(env, "Bass") == 0.78 and volume(env, "Vox") == 0.75


def test_fade_out_then_fade_in(env):
    assert env.run('(mx/fade-out (track "Bass") :bars 2)') == [0.78]
    assert volume(env, "Bass") == 0
    assert env.song.current_song_time == pytest.approx(8.0, abs=0.05)
    env.run('(spawn (mx/fade-in (track "Bass") :bars 2 :to 0.6))')
    env.run("(wait-bars 1)")
    assert 0.2 < volume(env, "Bass") < 0.4
    env.run("(wait-bars 1) (wait 50)")
    assert volume(env, "Bass") == 0.6


def test_fade_in_without_to_rises_to_the_level_it_had(env):
    env.run('(mx/fade-in (track "Keys") :bars 1)')
    assert volume(env, "Keys") == 0.7


def test_crossfade(env):
    assert env.run('(mx/crossfade (track "Keys") (track "Vox") :bars 1)') == 0.7
    assert volume(env, "Keys") == 0 and volume(env, "Vox") == 0.7
    env.run('(mx/crossfade (track "Vox") (track "Keys") :bars 1 :to 0.5)')
    assert volume(env, "Keys") == 0.5 and volume(env, "Vox") == 0


def test_level_match_average_and_target(env):
    assert env.run('(mx/level-match (tracks "Bass" "Keys"))') == pytest.approx(0.74)
    assert volume(env, "Bass") == pytest.approx(0.74) and volume(env, "Keys") == pytest.approx(0.74)
    env.run('(mx/level-match (tracks "Bass" "Keys") :to 0.5 :bars 1)')
    assert volume(env, "Bass") == 0.5 and volume(env, "Keys") == 0.5


def test_send_throw_spikes_then_returns(env):
    env.run('(send (track "Vox") "B" 0.2)')
    env.run('(spawn (mx/send-throw (track "Vox") "B" :level 0.9 :beats 2))')
    env.run("(wait-beats 1)")
    send_b = list(env.track("Vox").mixer_device.sends)[1]
    assert send_b.value == pytest.approx(0.9)
    env.run("(wait-beats 1.5)")
    assert send_b.value == pytest.approx(0.2)


def test_auto_pan_sweeps_and_restores(env):
    pan = env.track("Keys").mixer_device.panning
    before = pan.value
    env.run('(spawn (mx/auto-pan (track "Keys") :bars 1 :times 2 :width 0.5))')
    env.run("(wait-bars 1)")
    assert pan.value == pytest.approx(0.5, abs=0.05)       # first sweep: to the right
    env.run("(wait-beats 2)")
    assert pan.value == pytest.approx(0.0, abs=0.05)       # half way back to the left
    env.run("(wait-beats 2) (wait 200)")
    assert pan.value == before


def test_reset_mixer_all(env):
    env.run('(volume all 0.3) (volume master 0.4) (pan (return "A") 0.5)')
    env.run("(mx/reset-mixer-all)")
    assert all(t.mixer_device.volume.value == pytest.approx(0.85) for t in env.song.tracks)
    assert env.song.master_track.mixer_device.volume.value == pytest.approx(0.85)
    assert env.song.return_tracks[0].mixer_device.panning.value == 0
