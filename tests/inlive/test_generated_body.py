"""Generated bodies (interpreter/generated_body.py): a body that recurses or loops gets a Python
runner. Every program must give the same values, errors, positions and traces with runners as
without, wait and resume inside them, respect the slice and the depth limit, follow a builtin's
redefinition, and never put user text into generated source.

`eager` (and `run_both`) make every body that recurses or loops get its runner at once (the
machine looks at the clock on every call), so short programs exercise the runners."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmac.interpreter import generated_body, machine
from lmac.interpreter.budget import MAX_DEPTH
from lmac.interpreter.clock import TestClock
from lmac.interpreter.machine import DONE, READY, WAITING
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError


@pytest.fixture
def eager(monkeypatch):
    monkeypatch.setattr(machine, "CHECK_EVERY", 1)
    monkeypatch.setattr(machine, "HOT", 1)
    return Session(clock=TestClock())


def outcome(s, text):
    """A program's value as printed, or its error: message, position and trace."""
    try:
        return ("value", s.describe(s.eval(text, file="p.lmac")))
    except LmacError as e:
        return ("error", str(e), e.pos, [name for name, _ in e.trace], [p for _, p in e.trace])


PROGRAMS = [
    "(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 15)",
    "(defn d (n) (if (< n 2) n (- (d (- n 1)) (* 2 (d (- n 2)))))) (d 12)",
    "(defn fact (n) (if (<= n 1) 1 (* n (fact (- n 1))))) (fact 30)",
    "(loop (i 0 acc []) (if (< i 50) (recur (+ i 1) (conj acc (* i i))) acc))",
    "(defn count-down (n acc) (if (= n 0) acc (count-down (- n 1) (+ acc n)))) (count-down 500 0)",
    "(defn walk (xs) (if (empty? xs) 0 (+ (first xs) (walk (rest xs))))) (walk (range 100))",
    "(defn ev? (n) (if (= n 0) true (od? (- n 1)))) (defn od? (n) (if (= n 0) false (ev? (- n 1)))) "
    "(list (ev? 40) (od? 41))",
    "(defn f (n) (let (a (* n 2) b (and (> n 3) (or nil n))) (if (< n 1) (list a b) "
    "(do (f (- n 1)) (list a b (f (- n 1))))))) (f 6)",
    "(defn g (n) (if (< n 1) (throw \"bottom\") (try (g (- n 1)) (catch e (str e \"<\" n))))) (g 30)",
    "(defn h (n) (if (< n 1) (nth [] 3) (+ 1 (h (- n 1))))) (h 20)",
    "(defn k (n) (if (< n 1) (< n \"a\") (k (- n 1)))) (k 5)",
    "(defn m (n) (cond (< n 0) :neg (= n 0) :zero :else (m (- n 1)))) (m 25)",
    "(defn sum-to (n) (loop (i 0 s 0) (if (> i n) s (recur (inc i) (+ s i))))) "
    "(defn sums (n) (if (< n 0) [] (conj (sums (- n 1)) (sum-to n)))) (sums 20)",
    "(defn t (n) (if (< n 1) 0.5 (+ 1.5 (t (- n 1))))) (t 40)",
    "(defn big (n) (if (< n 1) 1 (+ (big (- n 1)) (big (- n 1))))) (big 12)",
    "(defn r (n & more) (if (< n 1) (count more) (r (- n 1) n n))) (r 30)",
    "(defn w (n) (if (< n 1) (list 1 2) (w (- n 1)))) (def ww (fn (n) (w n))) (ww 100)",
    "(defn p (n) (if (> n 0) (+ 1 (p (- n 1))) (+ 1 (q n)))) (defn q (n) (p 3)) (p 3)",
    "(defn p2 (n) (if (> n 0) (+ 1 (p2 (- n 1))) (q2 n))) (defn q2 (n) (nth [] n)) (p2 30)",
    "(defn rd (n acc) (if (= n 0) acc (do (when (= n 5) (def + (fn (a b) (* a b)))) "
    "(recur (- n 1) (+ acc 2))))) (list (rd 9 1) (rd 3 1))",
    "(defn rs (n acc) (if (= n 0) acc (do (when (= n 5) (def < (fn (a b) false))) "
    "(rs (- n 1) (if (< n 3) (conj acc n) acc))))) (list (rs 9 []) (rs 4 []))",
]


def run_both(program, plain_session, eager_session):
    """The program's outcome without runners, and with a runner for every body seen recursing
    or looping (always room in the slice to write one)."""
    m = pytest.MonkeyPatch()
    try:
        m.setattr(machine, "HOT", 10 ** 9)
        expected = outcome(plain_session, program)
        m.setattr(machine, "CHECK_EVERY", 1)
        m.setattr(machine, "HOT", 1)
        for cost in ("FIXED_S", "WRITE_S_PER_OP", "COMPILE_S_PER_CHAR"):
            m.setattr(generated_body, cost, 0.0)
        got = outcome(eager_session, program)
    finally:
        m.undo()
    return expected, got


@pytest.mark.parametrize("program", PROGRAMS)
def test_runners_compute_what_the_machine_computes(program):
    s = Session(clock=TestClock())
    expected, got = run_both(program, Session(clock=TestClock()), s)
    assert got == expected
    with_runner = [name for name, v in s.globals.items()
                   if type(v).__name__ == "Lambda" and v.code.plain is not None]
    # Each program's recursive or looping body got a runner; mutual recursion and rest
    # parameters are the machine's.
    assert bool(with_runner) == (not program.startswith(("(loop", "(defn ev?", "(defn r "))), with_runner


def test_fib_gets_a_runner_in_an_ordinary_session():
    s = Session(clock=TestClock())
    s.eval("(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))")
    assert s.eval("(fib 18)") == 2584
    code = s.globals["fib"].code
    assert code.plain is not None
    assert any(ins[0] == machine.op.GEN for ins in code.ops)
    assert s.eval("(fib 19)") == 4181


def test_an_error_deep_in_a_runner_has_its_place_and_trace(eager):
    with pytest.raises(LmacError) as e:
        eager.eval("(defn h (n)\n  (if (< n 1)\n    (nth [] 3)\n    (+ 1 (h (- n 1)))))\n(h 20)", file="h.lmac")
    assert e.value.pos.file == "h.lmac" and e.value.pos.line == 3
    names = [name for name, _ in e.value.trace]
    assert names[:3] == ["h", "h", "h"]
    assert [p.line for _, p in e.value.trace[1:3]] == [4, 4]


def test_recursion_past_the_depth_limit_is_an_error_in_a_runner(eager):
    eager.eval("(defn deep (n) (+ 1 (deep (+ n 1))))")
    with pytest.raises(LmacError) as e:
        eager.eval("(deep 0)")
    assert "recursion deeper than %d" % MAX_DEPTH in e.value.message


def test_a_runaway_recursion_in_a_runner_stops_at_the_slice():
    s = Session(clock=TestClock())
    s.eval("(defn spin (n) (if (< n 1) 0 (+ (spin (- n 1)) (spin (- n 1)))))")
    t = s.spawn("(spin 40)")
    s.scheduler.stats.measure_cpu()
    for _ in range(5):
        s.tick()
    assert t.status == READY
    assert s.globals["spin"].code.plain is not None     # it ran in its runner
    assert s.scheduler.stats.worst_cpu_ms / s.scheduler.budget_ms <= 5.0 / 4.0


def test_a_runaway_loop_in_a_runner_stops_at_the_slice():
    s = Session(clock=TestClock())
    t = s.spawn("(defn forever (n) (loop (i n) (recur (+ i 1)))) (forever 0)")
    s.scheduler.stats.measure_cpu()
    for _ in range(5):
        s.tick()
    assert t.status == READY
    assert s.globals["forever"].code.plain is not None
    assert s.scheduler.stats.worst_cpu_ms / s.scheduler.budget_ms <= 5.0 / 4.0


def test_a_body_with_a_runner_waits_and_resumes(eager):
    clock = eager.scheduler.clock
    eager.eval("(def seen (atom [])) "
               "(defn steps (n) (if (< n 1) :done (do (swap! seen conj n) (wait 10) (steps (- n 1)))))")
    t = eager.spawn("(steps 5)")
    eager.tick()
    assert t.status == WAITING
    for _ in range(10):
        clock.advance(10)
        eager.tick()
    assert t.status == DONE and t.value == eager.eval(":done")
    assert list(eager.eval("(deref seen)")) == [5, 4, 3, 2, 1]
    assert eager.globals["steps"].code.plain is not None


def test_a_catch_around_a_runner_restores_a_dynamic_binding(eager):
    eager.eval("(defn f (n) (if (< n 1) (throw (dynamic \"k\")) (+ 1 (f (- n 1)))))")
    out = eager.eval("(list (try (with-dynamic* \"k\" :inner (fn () (f 30))) (catch e e)) "
                     "(dynamic \"k\" :none))")
    assert list(out) == [eager.eval(":inner"), eager.eval(":none")]


def test_a_runner_returns_through_a_dynamic_binding(eager):
    eager.eval("(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))")
    assert eager.eval("(list (with-dynamic* \"k\" 1 (fn () (fib 12))) (dynamic \"k\" :none))") \
        == [144, eager.eval(":none")]


def test_a_redefined_builtin_reaches_a_body_that_has_a_runner():
    s = Session(clock=TestClock())
    s.eval("(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))")
    assert s.eval("(fib 16)") == 987
    assert s.globals["fib"].code.plain is not None
    s.eval("(defn + (a b) (- a b))")           # every + now means -
    assert s.eval("(fib 5)") == s.eval("(do (defn fib2 (n) (if (< n 2) n (+ (fib2 (- n 1)) (fib2 (- n 2))))) (fib2 5))")
    s.eval("(defn < (a b) false)")            # and nothing is small: no leaf any more
    with pytest.raises(LmacError) as e:
        s.eval("(fib 3)")
    assert "recursion deeper" in e.value.message


def test_a_function_redefined_while_its_runner_recurses_calls_the_new_one(eager):
    eager.eval("(defn f (n) (if (< n 1) :old (do (when (= n 3) (def f (fn (n) :new))) (f (- n 1)))))")
    assert eager.eval("(f 6)") == eager.eval(":new")


def test_generated_source_holds_no_user_text(eager):
    eager.eval('(defn weird (n) (if (< n 1) "\\"\\"\\" + __import__(\'os\')\\n" '
               '(str (weird (- n 1)) "x\\\\y")))')
    assert eager.eval("(count (weird 3))") > 0
    code = eager.globals["weird"].code
    assert code.plain is not None
    writer = generated_body._BodyWriter(type(code)(code.name, code.plain[:-1], code.pos))
    source = writer.source(writer.block_starts())
    assert "import" not in source and "weird" not in source and "x\\" not in source


def test_a_runner_is_written_only_when_the_slice_has_room_for_it(monkeypatch):
    s = Session(clock=TestClock())
    s.eval("(defn spin (n) (if (< n 1) 0 (+ (spin (- n 1)) (spin (- n 1)))))")
    monkeypatch.setattr(generated_body, "COMPILE_S_PER_CHAR", 3600.0)    # never room to compile
    t = s.spawn("(spin 40)")
    s.tick()
    code = s.globals["spin"].code
    assert t.status == READY and code.plain is None and code in generated_body._pending   # written
    monkeypatch.setattr(generated_body, "COMPILE_S_PER_CHAR", 0.0)
    s.tick()
    assert code.plain is not None and code not in generated_body._pending


def test_a_body_too_large_for_a_runner_stays_with_the_machine(eager):
    body = " ".join("(when (< n %d) (list n %d))" % (i, i) for i in range(80))
    eager.eval("(defn large (n) %s (if (< n 1) :end (large (- n 1))))" % body)
    assert eager.eval("(large 30)") == eager.eval(":end")
    assert len(eager.globals["large"].code.ops) > generated_body.MAX_OPS
    assert eager.globals["large"].code.plain is None


# ---- differential fuzzing: random recursive bodies, with runners at once and without ----------

_leaves = st.sampled_from(["n", "a", "0", "1", "2", "-1", "2.5", '"s"', "nil", "true", "false", ":k",
                           "[]", "(list)"])


def _combine(inner):
    two = st.tuples(inner, inner)
    return st.one_of(
        two.map(lambda p: "(+ %s %s)" % p), two.map(lambda p: "(- %s %s)" % p),
        two.map(lambda p: "(< %s %s)" % p), two.map(lambda p: "(= %s %s)" % p),
        st.tuples(inner, inner, inner).map(lambda p: "(if %s %s %s)" % p),
        two.map(lambda p: "(let (b %s) (list b %s))" % p),
        two.map(lambda p: "(do %s %s)" % p), two.map(lambda p: "(and %s %s)" % p),
        two.map(lambda p: "(or %s %s)" % p), inner.map(lambda x: "(str %s)" % x),
        inner.map(lambda x: "(f (- n 1) %s)" % x),
        inner.map(lambda x: "(try %s (catch e (list :caught e)))" % x),
        inner.map(lambda x: "(loop (i 0 s %s) (if (< i 3) (recur (+ i 1) (list s)) s))" % x),
        inner.map(lambda x: "(nth [1 2] %s)" % x),
        inner.map(lambda x: "(g %s)" % x),
    )


_bodies = st.recursive(_leaves, _combine, max_leaves=10)


# How the body calls itself (non-tail, tail, twice, inside try, in a loop's value).
_SHAPES = ["(list %s (f (- n 1) %s))", "(do %s (f (- n 1) %s))",
           "(+ (f (- n 1) %s) (f (- n 2) %s))", "(- (f (- n 1) %s) (f (- n 2) %s))",
           "(list (< (f (- n 1) %s) (f (- n 2) 1)) %s)", "(try (f (- n 1) %s) (catch e (list e %s)))",
           "(if %s (f (- n 1) %s) :no)", "(list (f (- n 1) %s) %s)", "(f (- n 1) (list %s %s))", "(loop (i 0) (if (< i 2) (recur (+ i 1)) (f (- n 1) (list %s %s))))"]
_sessions = []


def _fresh(i):
    """Two sessions kept for all examples, their globals put back each time."""
    if not _sessions:
        for _ in range(2):
            s = Session(clock=TestClock(), output=lambda text: None)
            _sessions.append((s, dict(s.globals)))
    s, pristine = _sessions[i]
    s.scheduler.cancel_all()
    s.globals.clear()
    s.globals.update(pristine)
    return s


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_SHAPES), _bodies, _bodies, st.sampled_from(["0", "1", "2.5", '"s"', "nil", "[]"]))
def test_random_recursive_bodies_give_the_same_outcome_with_runners(shape, x, y, start):
    program = ("(defn g (x) (if (= x 2) (throw \"two\") x))\n"
               "(defn f (n a)\n  (if (< n 1) a\n    %s))\n(f 4 %s)" % (shape % (x, y), start))
    s = _fresh(1)
    expected, got = run_both(program, _fresh(0), s)
    assert got == expected, program
    code = s.globals["f"].code
    if code.heat != 0 and len(code.ops) <= generated_body.MAX_OPS:
        RUNNERS.append(code.plain is not None)   # seen calling itself


RUNNERS = []


def test_the_random_bodies_did_run_in_runners():
    # (runs after the fuzz test, in this file's order) every f seen calling itself ran in a
    # runner
    if RUNNERS:
        assert all(RUNNERS) and len(RUNNERS) >= 50, (sum(RUNNERS), len(RUNNERS))


def test_writing_a_large_runner_never_pushes_a_tick_past_its_budget():
    s = Session(clock=TestClock())
    s.eval("(defn id (x) x)")
    # ~11 000 characters of source: about 2 ms to compile, estimated 3 ms of a 4 ms slice
    branches = " ".join("(when (< n %d) (id (+ n %d)))" % (i, i) for i in range(4))
    s.eval("(defn wide (n) %s (if (< n 1) 0 (+ (wide (- n 1)) (wide (- n 1)))))" % branches)
    t = s.spawn("(wide 40)")
    s.scheduler.stats.measure_cpu()
    for _ in range(30):
        s.tick()
    assert t.status == READY
    assert s.globals["wide"].code.plain is not None          # written and compiled in slices
    assert s.scheduler.stats.worst_cpu_ms / s.scheduler.budget_ms <= 5.0 / 4.0


def test_each_step_of_writing_a_runner_waits_for_room_in_the_slice():
    from time import perf_counter
    s = Session(clock=TestClock())
    s.eval("(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))")
    code = s.globals["fib"].code
    args = (s.globals.get, machine.CHECK_EVERY, machine._too_deep, machine._Handler)
    assert not generated_body.advance(code, perf_counter(), *args)            # no room to write
    assert code not in generated_body._pending
    assert not generated_body.advance(code, perf_counter() + 0.001, *args)    # room to write only
    assert code in generated_body._pending and code.plain is None
    assert generated_body.advance(code, perf_counter() + 1.0, *args)          # and to compile
    assert code.plain is not None
    assert s.eval("(fib 15)") == 610
