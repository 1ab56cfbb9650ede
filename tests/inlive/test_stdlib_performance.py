"""stdlib_macros/performance.lmac over virtual Live: builds and drops land on bar lines, scenes
launch on the grid, background loops run on the beats they name."""
import pytest

from stdlib_env import env_with, volume


@pytest.fixture
def env():
    e = env_with("performance", "pf")
    e.run("(play) (wait-beats 1.5)")                       # mid-bar, as a musician would press
    return e


def test_beats_to_line(env):
    assert env.run("(pf/beats-to-line 1)") == pytest.approx(2.5, abs=0.05)
    assert env.run("(pf/beats-to-line 3)") == pytest.approx(10.5, abs=0.05)


def test_filter_drop_pulls_down_then_snaps_back_on_the_line(env):
    env.run('(def log (atom [])) (on (scene-launches (scene "Chorus")) (swap! log conj (song-time)))')
    env.run('(def h (spawn (pf/filter-drop :bars 2 :keep "Drums" :low 0.5 :scene "Chorus"'
            ' :param (param (device "Bass" "Saturator") "Drive") :to 0)))')
    drive = env.param(env.device("Bass", "Saturator"), "Drive")
    start = drive.value
    env.run("(wait-beats 4)")                               # half way to the line at beat 8
    assert 0.39 < volume(env, "Bass") < 0.78 and volume(env, "Drums") == 0.8
    assert drive.value < start
    env.run("(wait-until (fn () (done? h)))")
    assert env.song.current_song_time == pytest.approx(8.0, abs=0.05)
    assert volume(env, "Bass") == 0.78 and drive.value == start
    assert env.run("(deref log)") == [pytest.approx(8.0, abs=0.05)]


def test_build_up_raises_sends_until_the_line(env):
    env.run('(def h (spawn (pf/build-up :bars 1 :tracks (tracks "Bass" "Keys") :send "A" :level 0.8 :rise 0.1)))')
    env.run("(wait-beats 1.25)")
    a = list(env.track("Bass").mixer_device.sends)[0]
    assert 0.2 < a.value < 0.6 and volume(env, "Bass") > 0.78
    env.run("(wait-until (fn () (done? h)))")
    assert env.song.current_song_time == pytest.approx(4.0, abs=0.05)
    assert a.value == 0 and volume(env, "Bass") == 0.78


def test_stutter_flips_mute_then_restores(env):
    env.run('(def h (spawn (pf/stutter (track "Keys") :beats 2 :step 0.5)))')
    env.run("(wait-beats 0.25)")
    assert env.track("Keys").mute
    env.run("(wait-until (fn () (done? h)))")
    assert not env.track("Keys").mute
    assert env.song.current_song_time == pytest.approx(3.5, abs=0.05)


def test_tempo_ramp(env):
    env.run("(def h (spawn (pf/tempo-ramp 130 :bars 2)))")
    env.run("(wait-bars 1)")
    assert 122 < env.song.tempo < 130
    env.run("(wait-until (fn () (done? h)))")
    assert env.song.tempo == 130


def test_scene_chain_launches_each_scene_on_its_bar_line(env):
    env.run("(def log (atom []))")
    for n in (1, 2, 3):
        env.run("(on (scene-launches (scene %d)) (swap! log conj [%d (song-time)]))" % (n, n))
    env.run('(pf/scene-chain [1 "Verse" 3] :bars 2)')
    env.run("(wait-bars 1)")
    log = env.run("(deref log)")
    assert [n for n, _ in log] == [1, 2, 3]
    for (_, beat), line in zip(log, (4, 12, 20)):
        assert beat == pytest.approx(line, abs=0.05)
    assert [i + 1 for i, s in enumerate(env.track("Drums").clip_slots) if s.has_clip and s.clip.is_playing] == [3]


def test_every_bars_runs_on_bar_lines_until_cancelled(env):
    env.run("(def hits (atom []))")
    env.run("(def h (pf/every-bars 2 (swap! hits conj (song-time))))")
    env.run("(wait-bars 5)")
    env.run("(cancel h)")
    env.run("(wait-bars 2)")
    assert env.run("(deref hits)") == [pytest.approx(b, abs=0.05) for b in (4, 12, 20)]


def test_on_beat_runs_on_that_beat_of_every_bar(env):
    env.run("(def hits (atom []))")
    env.run("(def h (pf/on-beat 3 (swap! hits conj (song-time))))")
    env.run("(wait-bars 3)")
    env.run("(cancel h)")
    assert env.run("(deref hits)") == [pytest.approx(b, abs=0.05) for b in (2, 6, 10)]
