"""Core language benchmarks: lmac against plain Python and against the naive evaluator, and the
scheduler's costs. Each figure is a ratio or a cost measured in this one run."""
from __future__ import annotations

import sys
import time

from .best import best_seconds

sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))

FIB = "(def fib (fn (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))"


def _best(fn, runs=5):
    return best_seconds(fn, runs)


def _best_cpu(fn, runs=5):
    # CPU time of this process: on a shared machine, other processes taking the cores inflate
    # wall-clock times (and so a wall-clock ratio) but not this.
    return best_seconds(fn, runs, clock=time.process_time)


def py_fib(n):
    return n if n < 2 else py_fib(n - 1) + py_fib(n - 2)


def measure():
    from lmac.benchmarks import naive_eval
    from lmac.grammar.reader import read_all, read_one
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session

    session = Session(clock=TestClock())
    session.eval(FIB)
    fib20 = read_all("(fib 20)")
    t_lmac = _best(lambda: session.eval(list(fib20)), runs=7)
    # Plain Python takes ~1 ms: more runs, so its best time is not a lucky or unlucky one.
    t_py = _best(lambda: py_fib(20), runs=50)
    cpu_lmac = _best_cpu(lambda: session.eval(list(fib20)), runs=7)
    cpu_py = _best_cpu(lambda: py_fib(20), runs=50)
    env = naive_eval.global_env()
    naive_eval.evaluate(read_one(FIB), env)
    call = read_one("(fib 20)")
    t_naive = _best(lambda: naive_eval.evaluate(call, env), runs=3)

    # One tick with 10 000 sleeping tasks and nothing due.
    clock = TestClock()
    sleepers = Session(clock=clock)
    for _ in range(10000):
        sleepers.spawn("(wait 3600000)")
    sleepers.tick(budget_ms=1000)
    assert len(sleepers.scheduler.tasks) == 10000
    ticks = 2000
    t = time.perf_counter()
    for _ in range(ticks):
        clock.advance(10)
        sleepers.tick()
    tick_us = (time.perf_counter() - t) / ticks * 1e6

    # How far a tick overruns its budget with a runaway loop runnable.
    runaway = Session(clock=TestClock())
    runaway.spawn("(loop () (recur))")
    budget_ms = runaway.scheduler.budget_ms
    overruns = []
    for _ in range(200):
        t = time.perf_counter()
        runaway.tick()
        overruns.append((time.perf_counter() - t) * 1000 - budget_ms)
    overruns.sort()
    # The same figure for a plain-Python loop that spins until the same budget is spent: what the
    # host's preemption alone costs on this machine now, so the runaway figure reads as a ratio.
    spins = []
    for _ in range(200):
        t = time.perf_counter()
        deadline = t + budget_ms / 1000.0
        while time.perf_counter() < deadline:
            pass
        spins.append((time.perf_counter() - t) * 1000 - budget_ms)
    spins.sort()
    third_worst = int(len(overruns) * 0.99) - 1
    runaway_ms = max(0.0, overruns[third_worst])
    spin_ms = max(0.0, spins[third_worst])

    return {
        "fib20_vs_python": t_lmac / t_py,
        "fib20_vs_naive": t_lmac / t_naive,
        "fib20_ms": t_lmac * 1000,
        "fib20_cpu_ms": cpu_lmac * 1000,
        "fib20_cpu_vs_python": cpu_lmac / cpu_py,
        "tick_us_10k_sleeping": tick_us,
        "runaway_tick_overrun_ms": runaway_ms,
        "spin_tick_overrun_ms": spin_ms,
        # +0.01 ms on both sides: overruns of a few µs are timer noise, not a ratio worth reading
        "runaway_vs_spin_overrun": (runaway_ms + 0.01) / (spin_ms + 0.01),
    }
