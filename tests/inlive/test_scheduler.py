"""LANGUAGE.md section 3 (time) on a deterministic clock, and the scheduler's guarantees."""
import pytest

from lmac.interpreter.clock import TestClock
from lmac.interpreter.machine import CANCELLED, DONE, FAILED, WAITING
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError


@pytest.fixture
def clock():
    return TestClock(tempo=120.0)


@pytest.fixture
def s(clock):
    return Session(clock=clock)


def run_for(s, clock, ms, step=10):
    for _ in range(int(ms // step)):
        clock.advance(step)
        s.tick()


def test_wait_resumes_after_wall_time(s, clock):
    s.eval("(def log (atom []))")
    t = s.spawn("(swap! log conj :a) (wait 100) (swap! log conj :b)")
    s.tick()
    assert s.eval("(deref log)") == [s.eval(":a")]
    run_for(s, clock, 90)
    assert t.status == WAITING
    run_for(s, clock, 20)
    assert t.status == DONE and len(s.eval("(deref log)")) == 2


def test_wait_ticks(s, clock):
    t = s.spawn("(wait-ticks 3) :ok")
    s.tick()
    s.tick()
    s.tick()
    assert t.status == WAITING
    s.tick()
    assert t.status == DONE and t.value == s.eval(":ok")


def test_wait_bars_follows_song_and_holds_while_stopped(s, clock):
    t = s.spawn("(wait-bars 1) :bar")
    s.tick()
    run_for(s, clock, 5000)            # stopped: no song time passes
    assert t.status == WAITING
    clock.play()
    run_for(s, clock, 1990)            # 120 bpm: one 4/4 bar is 2000 ms
    assert t.status == WAITING
    run_for(s, clock, 20)
    assert t.status == DONE


def test_wait_beats_survives_a_tempo_change(s, clock):
    clock.play()
    t = s.spawn("(wait-beats 4)")
    s.tick()
    run_for(s, clock, 1000)            # 2 beats at 120
    clock.set_tempo(60)                # the remaining 2 beats now take 2000 ms
    run_for(s, clock, 1900)
    assert t.status == WAITING
    run_for(s, clock, 200)
    assert t.status == DONE


def test_wait_next_bar_lands_on_the_bar_line(s, clock):
    clock.play()
    run_for(s, clock, 700)             # 1.4 beats in
    t = s.spawn("(wait-next-bar) (dynamic :x)")
    s.tick()
    run_for(s, clock, 1200)            # song at 3.8 beats
    assert t.status == WAITING
    run_for(s, clock, 200)             # crosses beat 4
    assert t.status == DONE


def test_wait_until_checks_a_predicate_each_tick(s, clock):
    s.eval("(def flag (atom false))")
    t = s.spawn("(wait-until (fn () (deref flag))) :seen")
    for _ in range(5):
        s.tick()
    assert t.status == WAITING
    s.eval("(reset! flag true)")
    s.tick()
    assert t.status == DONE


def test_wait_for_an_event(s, clock):
    t = s.spawn("(wait-for :drop)")
    s.tick()
    s.scheduler.fire_event(s.eval(":drop"), 42)
    assert t.status == WAITING          # delivered at the next tick, never inside the caller
    s.tick()
    assert t.status == DONE and t.value == 42


def test_par_runs_side_by_side_and_race_cancels_losers(s, clock):
    assert s.eval("(par (seq (wait 100) 1) (seq (wait 50) 2))") == [1, 2]
    assert clock.now_ms() < 150
    s.eval("(def log (atom []))")
    assert s.eval("(race (seq (wait 100) (swap! log conj :slow) 1) (seq (wait 10) 2))") == 2
    run_for(s, clock, 300)
    assert s.eval("(deref log)") == []


def test_par_fails_when_a_branch_fails(s):
    with pytest.raises(LmacError) as e:
        s.eval("(par (wait 10) (throw \"boom\"))")
    assert e.value.message == "boom"
    assert s.eval("(try (par (throw \"x\")) (catch e (str \"caught \" e)))") == "caught x"


def test_spawn_and_cancel(s, clock):
    s.eval("(def n (atom 0))")
    s.eval("(def h (spawn (loop () (swap! n inc) (wait 10) (recur))))")
    run_for(s, clock, 100)
    assert 5 <= s.eval("(deref n)") <= 12
    s.eval("(cancel h)")
    before = s.eval("(deref n)")
    run_for(s, clock, 100)
    assert s.eval("(deref n)") == before
    assert s.eval("(done? h)") is True


def test_stop_all_macros(s, clock):
    a = s.spawn("(wait 1000)")
    b = s.spawn("(loop () (wait 10) (recur))")
    s.tick()
    s.eval("(stop-all-macros)")
    assert a.status == CANCELLED and b.status == CANCELLED


def test_cycle_runs_the_next_branch_each_time(s):
    s.eval("(defn step () (cycle :a :b :c))")
    assert [s.eval("(step)") for _ in range(4)] == [s.eval(k) for k in (":a", ":b", ":c", ":a")]


def test_pick_runs_one_branch(s):
    s.eval("(def hits (atom []))")
    for _ in range(20):
        s.eval("(pick (swap! hits conj 1) (swap! hits conj 2))")
    hits = s.eval("(deref hits)")
    assert len(hits) == 20 and set(hits) <= {1, 2}


def test_endless_loop_only_slows_itself(s, clock):
    runaway = s.spawn("(loop () (recur))")
    s.eval("(def n (atom 0))")
    worker = s.spawn("(repeat 5 (swap! n inc) (wait 10))")
    run_for(s, clock, 100)
    assert worker.status == DONE and s.eval("(deref n)") == 5
    assert runaway.status == "ready"
    runaway.cancel()


def test_an_error_stops_only_its_task_with_an_lmac_trace(s, clock):
    errors = []
    s.error_handlers.append(lambda task, e: errors.append(e))
    s.eval("(defn inner (x) (+ x \"a\"))\n(defn outer (x) (inc (inner x)))", file="lib.lmac")
    bad = s.spawn("(wait 10)\n(outer 1)", file="macro.lmac")
    good = s.spawn("(wait 20) :fine")
    run_for(s, clock, 50)
    assert bad.status == FAILED and good.status == DONE
    [e] = errors
    names = [name for name, pos in e.trace]
    assert names[:3] == ["inner", "outer", "top level"]
    assert str(e.trace[0][1]) == "lib.lmac:1:17"
    assert str(e.trace[2][1]).startswith("macro.lmac:2:")
    assert "inner" in e.format() and "lib.lmac:1:17" in e.format()


def test_wait_with_bad_argument_is_explained(s):
    with pytest.raises(LmacError) as e:
        s.eval('(wait-bars "1")', file="w.lmac")
    assert e.value.message == 'wait-bars expects a number of bars, got the text "1"'
    assert str(e.value.pos) == "w.lmac:1:1"


def test_10000_sleeping_tasks(s, clock):
    for _ in range(10000):
        s.spawn("(wait 1000)")
    s.tick(budget_ms=5000)
    assert len(s.scheduler.tasks) == 10000
    run_for(s, clock, 990)
    assert len(s.scheduler.tasks) == 10000
    ticks = 0
    while s.scheduler.tasks and ticks < 5000:   # all due; each tick resumes what its budget allows
        clock.advance(10)
        s.tick()
        ticks += 1
    assert len(s.scheduler.tasks) == 0
    assert ticks > 1                   # the budget spread the wake-ups over several ticks


def test_dynamic_bindings_are_restored_on_return_and_on_error(s):
    s.eval("(defn with-x (v f) (with-dynamic* :x v f))")
    assert s.eval("[(with-x 1 (fn () (dynamic :x))) (dynamic :x)]") == [1, None]
    assert s.eval("(try (with-x 1 (fn () (throw \"e\"))) (catch e (dynamic :x :gone)))") == s.eval(":gone")


def test_a_task_resumes_from_plain_data_state(s, clock):
    t = s.spawn("(defn f (n acc) (if (= n 0) acc (f (- n 1) (+ acc 1)))) (f 3000000 0)")
    s.tick(budget_ms=1)
    assert t.status == "ready"         # budget spent mid-computation, resumed next tick
    while not t.finished:
        s.tick()
    assert t.value == 3000000


def test_only_ticks_with_work_open_an_undo_step(s, clock):
    import contextlib
    opened = []

    @contextlib.contextmanager
    def undo_step():
        opened.append(s.scheduler.tick_no)
        yield
    s.scheduler.around_tick = undo_step
    s.scheduler.add_ticker(lambda now: True, writes=False)   # e.g. the listener queue
    run_for(s, clock, 100)
    assert opened == []                                       # idle: no step, whatever reads
    s.spawn("(wait 20) :done")
    run_for(s, clock, 50)
    assert len(opened) == 2                                   # the start, then the wake-up
