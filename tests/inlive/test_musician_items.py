"""What musicians hit (issue 12), each as a test: continuous random, a stop after a bar wait lands
on the bar, ClyphX pasted by mistake gets a hint, volume in dB and parameters in 0..127 or percent."""
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
    assert "rand-int: the bounds must be whole numbers" in str(e.value)


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
