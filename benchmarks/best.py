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
