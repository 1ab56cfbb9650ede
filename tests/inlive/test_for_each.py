"""for-each runs natively (requests.ForEach): the machine calls the body once per target with the
target as the focus. It must stay resumable (waits inside the body), unwind cleanly (errors, catch,
cancel), nest, and count each item against the time slice like a call."""
import pytest

from lmac.commands.run import start_host
from lmac.commands.session_factory import make_session
from lmac.interpreter.machine import DONE, READY, _Each
from lmac.interpreter.values import LmacError


@pytest.fixture
def s():
    return make_session()


def names(s, text):
    return list(s.eval(text))


def test_each_target_is_the_focus_in_order_and_the_value_is_nil(s):
    assert s.eval("(for-each (tracks 2 4) (name))") is None
    assert names(s, "(let (seen (atom [])) (for-each (tracks 2 4) (swap! seen conj (name))) "
                    "(deref seen))") == ["Drums", "Bass", "Keys"]
    assert names(s, "(let (seen (atom [])) (for-each [t (tracks 2 4)] (swap! seen conj (name t))) "
                    "(deref seen))") == ["Drums", "Bass", "Keys"]


def test_the_focus_comes_back_after_the_last_item(s):
    assert s.eval('(with (track "Vox") (for-each (tracks 1 2) (arm)) (name))') == "Vox"
    assert s.eval("(with (track \"Vox\") (for-each (list) (arm)) (name))") == "Vox"   # no items


def test_waiting_inside_the_body_resumes_with_the_same_focus_across_ticks():
    host, script = start_host(jitter_ms=0)
    host.song.start_playing()
    task = script.start_macro('(do (def seen (atom [])) '
                              '(for-each (tracks 2 4) (wait-bars 1) (swap! seen conj (name)) (arm)) '
                              '(name))')
    host.advance_ms(1000)               # 122 BPM: one bar is ~2 s
    assert task.status == "waiting"
    host.advance_ms(8000)
    assert task.status == DONE, task.error
    assert list(script.session.eval("(deref seen)")) == ["Drums", "Bass", "Keys"]
    assert [t.name for t in host.song.tracks if t.can_be_armed and t.arm][:3] == ["Drums", "Bass", "Keys"]
    # the focus after the loop is the one before it (the selected track), not the last target
    assert task.value == script.session.eval("(name (selected-track))")


def test_an_error_in_the_third_item_is_caught_outside_with_the_focus_restored(s):
    out = s.eval('(let (seen (atom [])) '
                 '  (with (track "Vox") '
                 '    (list (try (for-each (tracks 1 5) (swap! seen conj (name)) '
                 '                 (when (= (count (deref seen)) 3) (throw "third"))) '
                 '               (catch e e)) '
                 '          (name) (deref seen))))')
    assert out[0] == "third" and out[1] == "Vox"
    assert list(out[2]) == ["Rhythm", "Drums", "Bass"]


def test_a_catch_inside_the_body_lets_the_loop_go_on(s):
    out = s.eval('(let (seen (atom [])) '
                 '  (for-each (tracks 1 3) (try (when (= (name) "Drums") (throw "x")) '
                 '                           (swap! seen conj (name)) (catch e (swap! seen conj e)))) '
                 '  (deref seen))')
    assert list(out) == ["Rhythm", "x", "Bass"]


def test_nested_for_each_sees_inner_then_outer_focus(s):
    out = s.eval('(let (seen (atom [])) '
                 '  (for-each (tracks 1 2) '
                 '    (for-each [t (tracks 4 5)] (swap! seen conj (str (name) "/" (name t)))) '
                 '    (swap! seen conj (name))) '
                 '  (deref seen))')
    assert list(out) == ["Keys/Keys", "Vox/Vox", "Rhythm", "Keys/Keys", "Vox/Vox", "Drums"]


def test_the_error_trace_names_the_for_each_and_the_line(s):
    with pytest.raises(LmacError) as e:
        s.eval('(def x 1)\n(for-each (tracks 1 3)\n  (when (= (name) "Bass") (nth [] 4)))', file="f.lmac")
    assert e.value.pos.file == "f.lmac" and e.value.pos.line == 3
    assert "for-each" in [name for name, _ in e.value.trace]


def _in_the_loop(task):
    return any(type(frame[4]) is _Each for frame in task.frames)


def _ticks_until_done(s, task, budget_ms, count_from_loop=False):
    """Run ticks of budget_ms until the task ends: how many, with the scheduler's own CPU
    accounting of them (with count_from_loop, only of the ticks that began inside the loop)."""
    s.scheduler.stats.measure_cpu()
    ticks = 0
    counting = not count_from_loop
    while task.status == READY and ticks < 100000:
        if not counting and _in_the_loop(task):
            s.scheduler.stats.reset()
            counting = True
        s.tick(budget_ms)
        ticks += 1
    assert counting
    return ticks


def test_an_empty_body_over_5000_items_yields_across_ticks_within_the_budget(s):
    budget_ms = 1.0
    task = s.spawn("(do (%for-each* (range 5000) (fn for-each () nil)) :end)")
    ticks = _ticks_until_done(s, task, budget_ms)
    assert task.status == DONE and task.value == s.eval(":end"), task.error
    assert ticks >= 3, ticks
    assert s.scheduler.stats.worst_cpu_ms / budget_ms <= (budget_ms + 1.0) / budget_ms


def test_for_each_over_5000_tracks_with_an_empty_body_yields_across_ticks(s):
    song = s.live.song
    while len(song.tracks) < 5000:
        song.create_midi_track(len(song.tracks))
    budget_ms = 1.0
    task = s.spawn("(do (for-each all nil) :end)")
    # Resolving the 5000 targets is one call of the action layer before the loop starts: the
    # ticks counted are those of the loop.
    ticks = _ticks_until_done(s, task, budget_ms, count_from_loop=True)
    assert task.status == DONE and task.value == s.eval(":end"), task.error
    assert ticks >= 3, ticks
    assert s.scheduler.stats.worst_cpu_ms / budget_ms <= (budget_ms + 1.0) / budget_ms


def test_cancelling_inside_the_body_stops_the_loop():
    host, script = start_host(jitter_ms=0)
    host.song.start_playing()
    task = script.start_macro('(do (def seen (atom 0)) (for-each (tracks 1 5) (swap! seen inc) (wait 100)))')
    host.advance_ms(250)
    task.cancel()
    host.advance_ms(1000)
    assert task.status == "cancelled"
    assert 1 <= script.session.eval("(deref seen)") <= 3


def test_the_native_request_checks_its_arguments(s):
    with pytest.raises(LmacError) as e:
        s.eval("(%for-each* (range 3) 5)")
    assert "for-each expects a function" in e.value.message
    with pytest.raises(LmacError) as e:
        s.eval("(%for-each* 7 (fn () nil))")
    assert "for-each expects a list" in e.value.message
    with pytest.raises(LmacError) as e:
        s.eval("(%for-each* (range 3) (fn () nil) true)")
    assert "expects 0 arguments, got 1" in e.value.message


# ---- a body that is one action call runs without entering the machine per item -------------------
def _outcome(s, source):
    """What a macro gives: its value or its error (message, position, trace names), and the set."""
    try:
        value = s.eval(source)
        result = ("value", s.eval("(str %s)" % "(quote x)") if value is None else repr(value))
    except LmacError as e:
        result = ("error", e.message, (e.pos.line, e.pos.col) if e.pos else None,
                  [name for name, _pos in (e.trace or [])])
    state = [(t.name, t.arm if t.can_be_armed else None, round(t.mixer_device.volume.value, 6))
             for t in s.live.song.tracks]
    return result, state


@pytest.mark.parametrize("body", [
    "(volume 0.5)",
    "(arm on)",
    "(volume 5)",                      # an error on the first item
    '(send "Z" 0.5)',                  # an error naming the return
    "(arm :sideways)",                 # an error from the signature
])
def test_a_one_call_body_acts_like_the_same_body_run_by_the_machine(body):
    """(for-each SEL (action consts)) takes the short way; (for-each SEL (action consts) nil) the
    machine's. Values, errors (message, place, trace) and the set must come out the same."""
    short = _outcome(make_session(), "(for-each (tracks 1 4) %s)" % body)
    machine = _outcome(make_session(), "(for-each (tracks 1 4) %s nil)" % body)
    assert short[1] == machine[1]
    assert short[0][:3] == machine[0][:3]
    if short[0][0] == "error":
        assert short[0][3][0] == "for-each" and short[0][3] == machine[0][3]


def test_a_one_call_body_error_is_caught_outside_and_the_focus_comes_back():
    s = make_session()
    assert list(s.eval('(with (track "Vox") (list (try (for-each (tracks 1 3) (volume 5)) (catch e :caught)) (name)))')) \
        == [s.eval(":caught"), "Vox"]


def test_a_one_call_body_that_uses_up_the_slice_goes_on_at_the_next_tick():
    """Each action charges the slice; past it the action yields and the loop carries on later."""
    host, script = start_host(jitter_ms=0)
    import lmac.surface.live_session as live_session
    real = live_session.perf_counter
    try:
        # every look the actions take at the clock says the slice is over
        live_session.perf_counter = lambda: real() + 10.0
        task = script.start_macro("(for-each track (volume 0.25))")
        written = [t for t in host.song.tracks if abs(t.mixer_device.volume.value - 0.25) < 1e-9]
        assert 1 <= len(written) < len(host.song.tracks) and task.status == READY
    finally:
        live_session.perf_counter = real
    host.advance_ms(200)
    assert task.status == DONE, task.error
    assert all(abs(t.mixer_device.volume.value - 0.25) < 1e-9 for t in host.song.tracks)


def test_a_one_call_body_still_sees_a_redefined_action():
    s = make_session()
    s.eval("(def seen (atom 0))")
    s.eval("(def volume (fn (& xs) (swap! seen inc)))")
    s.eval("(for-each (tracks 1 3) (volume 0.5))")
    assert s.eval("(deref seen)") == 3


def test_which_bodies_take_the_short_way(s):
    from lmac.interpreter.machine import _one_call
    assert _one_call(s.eval("(fn () (volume 0.5))").code)[:2] == ("volume", (0.5,))
    assert _one_call(s.eval('(fn () (add-device "Compressor"))').code)[:2] == ("add-device", ("Compressor",))
    assert _one_call(s.eval("(fn () (volume 0.5) nil)").code) is None      # two forms
    assert _one_call(s.eval("(let (v 0.5) (fn () (volume v)))").code) is None  # not a constant
    assert _one_call(s.eval("(fn () nil)").code) is None


def test_resolving_a_big_set_of_targets_is_charged_to_the_slice(monkeypatch):
    """%for-each-items resolves every target in one call; what it did is charged to the meter,
    so past the slice's deadline the machine stops right after it (OVER), not at its next look."""
    from lmac.interpreter import budget
    charged = []
    real = budget.charge
    monkeypatch.setattr("lmac.surface.live_session.charge", lambda units: (charged.append(units), real(units)))
    s = make_session({"tracks": [{"kind": "midi", "name": "T%d" % i} for i in range(300)],
                      "scenes": [{"name": ""}]})
    s.eval("(for-each track nil)")
    assert 300 in charged
