import pytest

from lmac.interpreter.values import Keyword, LmacError
from test_family_support import Env

K = Keyword.of


@pytest.fixture
def env():
    e = Env()
    e.run('(create-clip (clip "Keys" 2) 1)')
    return e


def pitches_and_starts(clip):
    # in time order (Live gives the extended API's notes by pitch, then time)
    return sorted(((n.pitch, n.start_time) for n in clip.get_all_notes_extended()), key=lambda p: (p[1], p[0]))


def test_add_and_read_notes(env):
    env.run('(add-notes (clip "Keys" 2) [[60 0 1 100] [64 1 0.5 90] {:pitch 67 :start 2 :velocity 80}])')
    env.run('(add-note (clip "Keys" 2) 72 3 0.5)')
    notes = env.run('(notes (clip "Keys" 2))')
    assert [n[K("pitch")] for n in notes] == [60, 64, 67, 72]
    first = notes[0]
    assert first[K("start")] == 0.0 and first[K("duration")] == 1.0 and first[K("velocity")] == 100.0
    assert first[K("mute")] is False and first[K("probability")] == 1.0
    assert notes[2][K("duration")] == 1.0 and notes[3][K("velocity")] == 100.0
    assert env.run('(count (notes (clip "Keys" 2) :pitch [60 64]))') == 2
    assert env.run('(get (first (notes (clip "Keys" 2))) :pitch)') == 60


def test_bad_notes_are_errors(env):
    with pytest.raises(LmacError) as e:
        env.run('(add-notes (clip "Keys" 2) [[200 0 1 100]])')
    assert "pitch 200, outside MIDI's 0..127" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(add-notes (clip "Keys" 2) [60 0 1])')
    assert "add-notes: expects notes like [60 0 1 100]" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(notes (clip "Vox" 3))')
    assert "works on MIDI clips" in str(e.value)


def test_transpose_velocity_delete(env):
    env.run('(add-notes (clip "Keys" 2) [[60 0 1 100] [64 1 1 90]])')
    clip = env.clip("Keys", 2)
    env.run('(transpose-notes (clip "Keys" 2) 12)')
    assert [n.pitch for n in clip.get_all_notes_extended()] == [72, 76]
    env.run('(velocity (clip "Keys" 2) 50)')
    assert [n.velocity for n in clip.get_all_notes_extended()] == [50.0, 50.0]
    env.run('(velocity (clip "Keys" 2) (by 10) :pitch 76)')
    assert [n.velocity for n in clip.get_all_notes_extended()] == [50.0, 60.0]
    with pytest.raises(LmacError) as e:
        env.run('(transpose-notes (clip "Keys" 2) 60)')
    assert "outside MIDI's 0..127" in str(e.value)
    env.run('(delete-notes (clip "Keys" 2) :pitch 72)')
    assert [n.pitch for n in clip.get_all_notes_extended()] == [76]
    env.run('(clear-clip (clip "Keys" 2))')
    assert list(clip.get_all_notes_extended()) == []


def test_reverse_invert_legato_nudge_scale(env):
    env.run('(add-notes (clip "Keys" 2) [[60 0 1 100] [62 1 0.5 100] [67 3 0.5 100]])')
    clip = env.clip("Keys", 2)                          # a 4-beat loop
    env.run('(reverse-notes (clip "Keys" 2))')
    assert pitches_and_starts(clip) == [(67, 0.5), (62, 2.5), (60, 3.0)]
    env.run('(invert-notes (clip "Keys" 2))')
    assert sorted(n.pitch for n in clip.get_all_notes_extended()) == [60, 65, 67]
    env.run('(legato-notes (clip "Keys" 2))')
    durations = [(n.start_time, n.duration) for n in clip.get_all_notes_extended()]
    assert durations == [(0.5, 2.0), (2.5, 0.5), (3.0, 1.0)]
    env.run('(nudge-notes (clip "Keys" 2) 1/16)')
    assert [n.start_time for n in clip.get_all_notes_extended()] == [0.5625, 2.5625, 3.0625]
    env.run('(scale-notes (clip "Keys" 2) 0.5)')
    assert [n.start_time for n in clip.get_all_notes_extended()] == [0.28125, 1.28125, 1.53125]


def test_quantize_humanize_random_velocity_mute_probability(env):
    env.run('(add-notes (clip "Keys" 2) [[60 0.1 0.25 100] [62 0.9 0.25 100]])')
    clip = env.clip("Keys", 2)
    env.run('(quantize-notes (clip "Keys" 2) 1/4)')
    assert [n.start_time for n in clip.get_all_notes_extended()] == [0.0, 1.0]
    env.run('(humanize (clip "Keys" 2) 0.5)')
    for n in clip.get_all_notes_extended():
        assert abs(n.start_time - round(n.start_time)) <= 0.5 / 16 + 1e-9
        assert 88 <= n.velocity <= 112
    env.run('(quantize-notes (clip "Keys" 2) 1/4 1.0)')
    env.run('(random-velocity (clip "Keys" 2) 70 80)')
    assert all(70 <= n.velocity <= 80 for n in clip.get_all_notes_extended())
    env.run('(mute-notes (clip "Keys" 2) :pitch 60)')
    assert [n.mute for n in clip.get_all_notes_extended()] == [True, False]
    env.run('(unmute-notes (clip "Keys" 2))')
    assert [n.mute for n in clip.get_all_notes_extended()] == [False, False]
    env.run('(note-probability (clip "Keys" 2) 0.5)')
    assert [n.probability for n in clip.get_all_notes_extended()] == [0.5, 0.5]



def test_scramble_pitches_keeps_the_rhythm_and_scramble_notes_the_pitches(env):
    env.run('(add-notes (clip "Keys" 2) [[60 0 1 100] [62 1 0.5 90] [64 2 0.25 80] [65 3 0.75 70] '
            '[67 4 1 60] [69 5 1 50]])')
    clip = env.clip("Keys", 2)
    shape = lambda: sorted((n.start_time, n.duration, n.velocity) for n in clip.get_all_notes_extended())
    before_shape = shape()
    seen = set()
    for _ in range(6):
        env.run('(scramble-pitches (clip "Keys" 2))')
        assert shape() == before_shape                                       # rhythm and velocities kept
        assert sorted(p for p, _ in pitches_and_starts(clip)) == [60, 62, 64, 65, 67, 69]
        seen.add(tuple(p for p, _ in pitches_and_starts(clip)))
    assert len(seen) > 1                                                      # it does shuffle
    by_pitch = lambda: sorted((n.pitch, n.duration) for n in clip.get_all_notes_extended())
    pairs = by_pitch()
    starts = sorted(n.start_time for n in clip.get_all_notes_extended())
    env.run('(scramble-notes (clip "Keys" 2))')
    assert by_pitch() == pairs and sorted(n.start_time for n in clip.get_all_notes_extended()) == starts


def test_scramble_touches_only_the_chosen_pitches(env):
    env.run('(add-notes (clip "Keys" 2) [[36 0 0.25] [42 0.5 0.25] [42 1 0.25] [36 2 0.25] [42 3 0.25]])')
    clip = env.clip("Keys", 2)
    kicks = sorted(n.start_time for n in clip.get_all_notes_extended() if n.pitch == 36)
    for _ in range(4):
        env.run('(scramble-notes (clip "Keys" 2) :pitch 42)')
        assert sorted(n.start_time for n in clip.get_all_notes_extended() if n.pitch == 36) == kicks
    with pytest.raises(LmacError) as e:
        env.run('(scramble-pitches (clip "Vox" 3))')
    assert "MIDI clips" in str(e.value)
