"""The machine's fast paths (issue 13) keep every check of the general ones: calls that end at
once still count against the slice and show in traces, generated builtin calls still notice a
redefinition and non-numbers, and the calling convention is the same from every entry."""
import pytest

from lmac.interpreter.clock import TestClock
from lmac.interpreter.machine import READY
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError


@pytest.fixture
def s():
    return Session(clock=TestClock())


FIB = "(defn fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))"


def test_fib_and_friends_compute_the_same_as_python(s):
    s.eval(FIB)
    assert [s.eval("(fib %d)" % n) for n in range(12)] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
    assert s.eval("(fib 2.0)") == 1.0
    assert s.eval("(- 10 2.5)") == 7.5 and s.eval("(= 1 1.0)") is True and s.eval("(= 1 true)") is False
    assert s.eval("(let (a 3 b 4) (list (< a b) (<= b a) (> a 3) (>= a 3) (+ a b) (- a b) (* a b)))") \
        == [True, False, False, True, 7, -1, 12]


def test_an_error_in_a_call_that_ends_at_once_shows_the_function_in_the_trace(s):
    s.eval('(defn leaf (x) (if (< x "a") 1 2))')
    with pytest.raises(LmacError) as e:
        s.eval("(+ 1 (leaf 1))")
    assert "<" in e.value.message and "text" in e.value.message
    assert [name for name, _ in e.value.trace][:2] == ["leaf", "top level"]


def test_calls_that_end_at_once_still_count_against_the_slice(s):
    # 2^40 calls, half of them ending at their first test: the task must yield, not run on.
    s.eval("(defn spin (n) (if (< n 1) 0 (+ (spin (- n 1)) (spin (- n 1)))))")
    t = s.spawn("(spin 40)")
    s.scheduler.stats.measure_cpu()
    s.tick()
    assert t.status == READY
    assert s.scheduler.stats.worst_cpu_ms / s.scheduler.budget_ms <= 5.0 / 4.0


def test_a_redefined_comparison_reaches_a_function_whose_first_test_used_it(s):
    s.eval("(defn small? (x) (if (< x 2) :small :big))")
    assert s.eval("(list (small? 1) (small? 5))") == s.eval("(list :small :big)")
    s.eval("(defn < (a b) (> a b))")       # every < now means >
    assert s.eval("(list (small? 1) (small? 5))") == s.eval("(list :big :small)")


def test_generated_builtin_calls_see_a_redefinition_made_while_they_run(s):
    # One top-level form inlines + and redefines it before using it again.
    assert s.eval("(let (a (+ 1 2)) (def + (fn (x y) (* x y))) (list a (+ 3 4)))") == [3, 12]


def test_generated_builtin_calls_give_errors_at_their_place(s):
    with pytest.raises(LmacError) as e:
        s.eval('(let (n "x")\n  (- n 1))')
    assert e.value.pos.line == 2 and e.value.pos.col == 3
    with pytest.raises(LmacError) as e:
        s.eval("(defn f (n) (if (< n nil) 1 2)) (f 1)")
    assert e.value.pos.col == 17     # the (< n nil) form
