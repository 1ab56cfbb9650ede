"""The best (smallest) time of a few runs: on a shared machine, the least disturbed run is the
one closest to what the code itself costs."""
import time


def best_seconds(fn, runs=5, clock=time.perf_counter):
    """The smallest time fn() took over runs calls, in seconds of ``clock`` (perf_counter for
    wall time, time.process_time for this process's CPU time)."""
    best = float("inf")
    for _ in range(runs):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


def best_of_pair(fn_a, fn_b, runs=9, clock=time.perf_counter):
    """(best of fn_a, best of fn_b) with the runs taken in turn, a then b: both see the same
    state of the process (heap, caches, what ran before), so their ratio does not drift with it."""
    best_a = best_b = float("inf")
    for _ in range(runs):
        start = clock()
        fn_a()
        best_a = min(best_a, clock() - start)
        start = clock()
        fn_b()
        best_b = min(best_b, clock() - start)
    return best_a, best_b
