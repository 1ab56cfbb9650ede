"""stdlib_macros/clips.lmac over virtual Live: which clips play after each move, and when."""
import pytest

from stdlib_env import env_with


@pytest.fixture
def env():
    e = env_with("clips", "cl")
    e.run("(play)")
    return e


def playing(env, name):
    return [i + 1 for i, s in enumerate(env.track(name).clip_slots) if s.has_clip and s.clip.is_playing]


def test_clip_scenes_and_playing_scene(env):
    assert env.run('(cl/clip-scenes "Drums")') == [1, 2, 3]
    assert env.run('(cl/clip-scenes (track "Keys"))') == [1, 3, 4]
    assert env.run("(cl/playing-scene 2)") is None
    env.run('(fire (clip "Drums" 2)) (wait-bars 1)')
    assert env.run('(cl/playing-scene "Drums")') == 2


def test_launch_random_clip_never_repeats_the_playing_one(env):
    env.run('(fire (clip "Bass" 2)) (wait-bars 1)')
    for _ in range(3):
        before = playing(env, "Bass")
        s = env.run('(cl/launch-random-clip "Bass" :quantize :bar)')
        env.run("(wait-bars 1)")
        assert playing(env, "Bass") == [s] and [s] != before


def test_next_and_previous_clip_wrap_around(env):
    assert env.run('(cl/next-clip "Keys")') == 1          # nothing plays: the first clip
    env.run("(wait-bars 1)")
    steps = []
    for form in ("next", "next", "next", "previous"):
        steps.append(env.run('(cl/%s-clip "Keys")' % form))
        env.run("(wait-bars 1)")
        assert playing(env, "Keys") == [steps[-1]]
    assert steps == [3, 4, 1, 4]


def test_stop_all_but(env):
    env.run('(fire (clip "Drums" 1)) (fire (clip "Keys" 1)) (fire (clip "Vox" 3)) (wait-bars 1)')
    env.run('(cl/stop-all-but "Drums") (wait-bars 1)')
    assert playing(env, "Drums") == [1] and playing(env, "Keys") == [] and playing(env, "Vox") == []


def test_clip_chain_launches_on_bar_lines(env):
    env.run("(def log (atom []))")
    for n in (1, 2, 3):
        env.run('(on (clip-starts (clip "Drums" %d)) (swap! log conj [%d (song-time)]))' % (n, n))
    env.run("(wait-beats 1.5)")
    env.run('(cl/clip-chain [(clip "Drums" 1) (clip "Drums" 2) (clip "Drums" 3)] :bars 2)')
    env.run("(wait-bars 2)")
    starts = env.run("(deref log)")
    assert [s[0] for s in starts] == [1, 2, 3]
    for (_, beat), line in zip(starts, (4, 12, 20)):
        assert beat == pytest.approx(line, abs=0.1)


def test_humanize_transpose_and_new_clip(env):
    assert env.run("(cl/humanize-all :amount 0.3 :tracks (track \"Drums\"))") == 3
    before = [n.pitch for n in env.clip("Bass", 2).get_notes_extended(0, 128, -1000, 1000)]
    assert env.run('(cl/transpose-track "Bass" 12)') == 2
    after = [n.pitch for n in env.clip("Bass", 2).get_notes_extended(0, 128, -1000, 1000)]
    assert sorted(after) == sorted(p + 12 for p in before)
    assert env.run('(cl/first-empty-scene "Drums")') == 4
    assert env.run('(cl/new-clip "Drums" :bars 2)') == 4
    assert env.clip("Drums", 4).length == 8
    assert env.run('(cl/new-clip "Drums")') == 5                # a new scene for it
    assert len(env.song.scenes) == 5
