"""Costs that must grow no faster than the work: each curve is measured at 4 sizes in this one run,
and its slope on a log-log scale says how the cost grows (1.0 is linear, 2.0 quadratic). A curve
whose slope exceeds SLOPE_LIMIT is flagged in ``scaling_nonlinear`` (the names of such curves).

    python -m lmac.benchmarks --only scaling [--json]

Curves (key ``curve_<name>``: {"sizes": [...], "ms": [...], "slope": s}):
- target_lookup: `(for-each track (volume 0.5))` over N tracks, one run.
- toplevel_defs: evaluating a file of N top-level `(def ...)` forms.
- runnable_tasks: one scheduler tick with N runnable tasks, each waiting a tick per step.
- library_read: reading an N-line library with read_all (the fast reader; positions included).
- run_tracks: `lmac run`'s work (Remote Script, timeline) for a 2-bar macro on an N-track set.
- bindings_reload: reloading an init.lmac of N bindings through the Remote Script's loader.
- led_refresh: one refresh of N LEDs, every one evaluated.
"""
from __future__ import annotations

import math
import time

from .best import best_seconds

SLOPE_LIMIT = 1.3


def _slope(sizes, costs):
    """Least-squares slope of log(cost) over log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(c, 1e-9)) for c in costs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den


def _best(fn, runs=3):
    return best_seconds(fn, runs) * 1000.0


def _set_of(n):
    return {"tracks": [{"kind": "midi", "name": "T%d" % i} for i in range(n)],
            "returns": [{"name": "A"}], "scenes": [{"name": ""} for _ in range(2)]}


def target_lookup(n):
    from lmac.commands.session_factory import make_session
    session = make_session(_set_of(n), output=lambda text: None)
    forms = session.read("(for-each track (volume 0.5))")
    return _best(lambda: session.eval(list(forms)))


def toplevel_defs(n):
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session
    text = "\n".join("(def name-%d %d)" % (i, i) for i in range(n))

    def once():
        session = Session(clock=TestClock(), prelude=False)
        session.eval(session.read(text))
    return _best(once, runs=2)


def runnable_tasks(n):
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session
    clock = TestClock()
    session = Session(clock=clock)
    for _ in range(n):
        session.spawn("(loop (i 0) (wait-ticks 1) (recur (+ i 1)))")
    session.tick(budget_ms=100000)
    ticks = 5
    start = time.perf_counter()
    for _ in range(ticks):
        clock.advance(10)
        session.tick(budget_ms=100000)     # no budget cut: the cost of running all n
    return (time.perf_counter() - start) * 1000.0 / ticks


def library_read(n):
    from lmac.grammar.reader import read_all
    text = "\n".join('(defn f-%d (x) (when (> x %d) (volume (track "T") (* x 0.5))))' % (i, i) for i in range(n))
    return _best(lambda: read_all(text, "lib.lmac"), runs=2)


def run_tracks(n):
    from lmac.commands.run import start_host
    from lmac.surface.timeline import Timeline

    def once():
        host, script = start_host(_set_of(n))
        timeline = Timeline(host.song, script.live.clock, ramps=script.live.ramps)
        script.add_component(timeline)
        script.start_macro("(for-each track (volume (ramp 0.2 :bars 1))) (wait-bars 2) (arm (track 1))")
        host.advance_ms(5000)
        host.disconnect()
    return _best(once, runs=3)   # one run of a whole host is at the mercy of a collection


def _bindings_text(n):
    return "\n".join("(bind (note %d :ch %d) (tempo 120))" % (i % 128, i // 128 % 16 + 1) for i in range(n))


def bindings_reload(n):
    """Reloading an init.lmac of n bindings through the Remote Script's loader (what saving the
    file does in Live), the whole load at once."""
    import os
    import shutil
    import tempfile
    from lmac.commands.run import start_host
    user_library = tempfile.mkdtemp(prefix="lmac-bench-ul-")
    os.makedirs(os.path.join(user_library, "lmac", "lib"))
    with open(os.path.join(user_library, "lmac", "init.lmac"), "w") as f:
        f.write(_bindings_text(n))
    host, script = start_host(surface_options={"user_library": user_library})
    try:
        loader = script.surface.loader
        assert len(script.surface.bindings.table.bindings) == n
        return _best(loader.load, runs=2)
    finally:
        host.disconnect()
        shutil.rmtree(user_library, ignore_errors=True)


def led_refresh(n):
    """One refresh of n LEDs, all evaluated (the per-tick share lifted for the measure)."""
    from lmac.commands.run import start_host
    from lmac.surface.bindings import component
    host, script = start_host()
    task = script.start_macro("\n".join("(led (note %d :ch %d) (if (> (tempo) 100) :on :off))"
                                         % (i % 128, i // 128 % 16 + 1) for i in range(n)))
    while not task.finished:
        host.advance_ms(10)
    bindings = script.surface.bindings
    saved = component.LED_TICK_BUDGET_S
    component.LED_TICK_BUDGET_S = 10.0
    try:
        cost = _best(bindings.refresh_leds)
    finally:
        component.LED_TICK_BUDGET_S = saved
        host.disconnect()
    return cost


CURVES = [
    ("target_lookup", target_lookup, (100, 200, 400, 800)),
    ("toplevel_defs", toplevel_defs, (1000, 2000, 4000, 8000)),
    ("runnable_tasks", runnable_tasks, (250, 500, 1000, 2000)),
    ("library_read", library_read, (500, 1000, 2000, 4000)),
    ("run_tracks", run_tracks, (50, 100, 200, 400)),
    ("bindings_reload", bindings_reload, (100, 200, 400, 800)),
    ("led_refresh", led_refresh, (100, 200, 400, 800)),
]


def measure(only=None):
    out = {}
    nonlinear = []
    for name, fn, sizes in CURVES:
        if only and name not in only:
            continue
        costs = [fn(n) for n in sizes]
        slope = _slope(sizes, costs)
        out["curve_" + name] = {"sizes": list(sizes), "ms": [round(c, 3) for c in costs], "slope": round(slope, 2)}
        if slope > SLOPE_LIMIT:
            nonlinear.append(name)
    out["scaling_nonlinear"] = nonlinear
    return out


if __name__ == "__main__":
    import json
    print(json.dumps(measure(), indent=2))
