"""What musicians hit (issue 12), each as a test: continuous random, a stop after a bar wait lands
on the bar, ramps that par waits for, units typed into numbers, unknown names with a suggestion.
(dB, percent and 0..127 values: test_family_mixer.py; ClyphX hints: test_clyphx_hints.py.)"""
import pytest

from lmac.commands.run import start_host
from lmac.interpreter.builtins import RANDOM
from lmac.interpreter.clock import TestClock
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError
from test_family_support import Env


@pytest.fixture
def session():
    RANDOM.seed(12)
    return Session(clock=TestClock())


def test_random_over_a_range_is_continuous(session):
    values = [session.eval("(random -1 1)") for _ in range(200)]
    assert all(-1 <= v <= 1 for v in values)
    assert len(set(values)) > 150                       # not just -1, 0 and 1
    assert sum(1 for v in values if v != int(v)) > 190
    assert any(v < -0.5 for v in values) and any(v > 0.5 for v in values)
    halves = [session.eval("(random 4)") for _ in range(50)]
    assert all(0 <= v < 4 for v in halves) and any(v != int(v) for v in halves)


def test_rand_int_gives_whole_numbers_with_both_bounds(session):
    values = [session.eval("(rand-int -1 1)") for _ in range(200)]
    assert set(values) == {-1, 0, 1}
    assert all(type(v) is int for v in values)
    assert set(session.eval("(rand-int 3)") for _ in range(100)) == {0, 1, 2}
    with pytest.raises(LmacError) as e:
        session.eval("(rand-int 0.5 2)")
    assert "rand-int expects whole numbers, got the number 0.5" in str(e.value)


def test_pan_rnd_from_the_clyphx_table_is_continuous():
    RANDOM.seed(3)
    env = Env()
    pans = []
    for _ in range(20):
        env.run("(pan (track 1) (random -1 1))")
        pans.append(env.song.tracks[0].mixer_device.panning.value)
    assert len(set(pans)) == 20 and any(abs(p) not in (0.0, 1.0) for p in pans)


def test_stop_after_a_bar_wait_stops_on_the_bar():
    host, script = start_host(jitter_ms=3.0, seed=1)
    song = host.song
    song.start_playing()
    stopped = []
    clock = script.live.clock
    song.add_is_playing_listener(lambda: stopped.append(clock.song_beats()) if not song.is_playing else None)
    task = script.start_macro("(do (wait-bars 4) (stop))")
    host.advance_ms(10000)
    assert task.status == "done", task.error
    assert len(stopped) == 1
    assert 16.0 <= stopped[0] < 16.0 + 0.1      # 5.1.1, not 4.4.4 (a 10 ms tick is ~0.02 beats)


def test_units_typed_into_numbers_say_what_to_write():
    env = Env()
    with pytest.raises(LmacError) as e:
        env.run("(volume (track 1) -6db)")
    assert "-6db is not a number; for decibels write (db -6)" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run("(pan (track 1) 50%)")
    assert "50% is not a number; for a percentage write (percent 50)" in str(e.value)


def _played_at_message(script, host, code, ms=12000):
    """Run code; the played beats when each (message ...) showed."""
    shown = []
    clock = script.live.clock
    old_show = script.live.show
    script.live.show = lambda text: (shown.append((text, clock.played_beats())), old_show(text))
    task = script.start_macro(code)
    host.advance_ms(ms)
    assert task.status == "done", task.error
    return shown


def test_par_of_ramps_finishes_when_the_ramps_do():
    host, script = start_host(jitter_ms=0.0, seed=1)
    host.song.start_playing()
    shown = _played_at_message(script, host, '(do (par (volume (track 1) (ramp 0 :bars 2)) '
                                             '(pan (track 2) (ramp 1 :bars 1))) (message "both"))')
    assert [t for t, _ in shown] == ["both"]
    assert 8.0 <= shown[0][1] < 8.2           # two bars of 4/4: when the longer ramp ends
    assert host.song.tracks[0].mixer_device.volume.value == 0.0


def test_a_replaced_ramp_no_longer_holds_its_macro():
    host, script = start_host(jitter_ms=0.0, seed=1)
    host.song.start_playing()
    task = script.start_macro('(par (volume (track 1) (ramp 0 :bars 8)))')
    host.advance_ms(500)
    script.start_macro('(volume (track 1) 0.5)')     # a plain write stops the glide
    host.advance_ms(200)
    assert task.status == "done"


def test_unknown_names_get_the_same_suggestion_in_live_as_in_check(session):
    with pytest.raises(LmacError) as e:
        session.eval("(defn f () (revrse [1 2])) (f)")
    assert e.value.message == "'revrse' not found; did you mean 'reverse'?"
    with pytest.raises(LmacError) as e:
        session.eval("(qwzx 1)")
    assert e.value.message == "'qwzx' not found"
