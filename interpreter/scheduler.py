"""The scheduler: owns every task, wakes sleepers from heaps, shares one time budget per tick.

A tick (Live's ~10 ms Timer, or update_display) moves due sleepers to the ready queue, then runs
ready tasks round-robin, each with an equal share of what is left of the budget. An endless loop
therefore only spends its own share and resumes next tick; an idle tick with thousands of
sleeping tasks only peeks at the tops of the heaps.
"""
from __future__ import annotations

import gc
import heapq
import itertools
import math
from collections import deque
from time import perf_counter, process_time

from . import runaway
from .budget import MAX_TASKS, RUNAWAY_REPORT_S, TASK_COST, charge
from .machine import DONE, FAILED, READY, WAITING
from .values import LmacError

DEFAULT_BUDGET_MS = 4.0
# wait-until predicates share the tick: they start only in its first half, each may run up to a
# whole budget, and those not reached take their turn first at the next tick.
PREDICATE_SHARE = 0.5
PREDICATE_STRIKES = 3   # a test that overruns a whole budget this many ticks in a row fails
LATE_WAKE_MS = 100.0        # up to one update_display tick late still counts as on time
MIN_SLICE_MS = 0.25


class Scheduler(object):
    def __init__(self, session, clock, budget_ms=DEFAULT_BUDGET_MS):
        self.session = session
        self.clock = clock
        self.budget_ms = budget_ms
        self.tick_started = self.tick_deadline = float("-inf")   # of the latest tick (perf_counter)
        self.tasks = {}                 # id -> live task
        self.ready = deque()
        self._time_heap = []            # (wake_ms, seq, task, wake_seq)
        self._tick_heap = []            # (tick_no, seq, task, wake_seq)
        self._beat_heap = []            # (played_beats, seq, task, wake_seq)
        self._exact_heap = []           # the same, for "until-beats": never woken early
        self._until = deque()           # (task, predicate, wake_seq, strikes), in turn order
        self._events = {}               # key -> [(task, wake_seq)]
        self._fired = deque()           # (key, value) to deliver at the next tick
        self._tickers = []              # fn(now_ms) run inside the tick's undo step (ramps)
        self._readers = []              # the same for tickers that change nothing themselves
        self._seq = itertools.count()
        self.tick_no = 0
        self.around_tick = None         # optional context-manager factory (one Live undo step)
        # Lookahead (ms of wall time, 0 = off): a beat wait whose target falls within it wakes one
        # tick early with ``task.early_target`` set to the played-beats target, so a quantized
        # launch can be handed to Live ahead of the bar line; the surface makes every other action
        # of an early task wait for the exact target ("until-beats", never early).
        self.lookahead_ms = 0.0
        self.stats = TickStats()
        # A task that computes this long without waiting is reported once (report_cpu_s) or
        # stopped (max_cpu_s; None in Live unless the user sets one); limit_hint says how to
        # change the limit in the stop's message.
        self.report_cpu_s = RUNAWAY_REPORT_S
        self.max_cpu_s = None
        self.limit_hint = "set with (set-max-cpu-seconds! N)"

    # ---- tasks ------------------------------------------------------------------------------
    def check_room(self, n, form):
        """Raise in the running task when starting ``n`` more tasks would pass MAX_TASKS."""
        if len(self.tasks) + n > MAX_TASKS:
            raise LmacError("%s: %d tasks are already running, and lmac runs at most %d at once; "
                            "stop some (cancel, stop-all-macros) or start fewer"
                            % (form, len(self.tasks), MAX_TASKS))

    def _admit(self, task):
        """A task started from outside lmac code (a binding, a listener) past MAX_TASKS fails,
        reported like any other error, instead of raising into Live's callback."""
        if len(self.tasks) < MAX_TASKS or task.id in self.tasks:
            return True
        try:
            self.check_room(1, task.name or "this macro")
        except LmacError as e:
            task._fail(e)
        return False

    def add(self, task):
        if not self._admit(task):
            return task
        charge(TASK_COST)   # a loop of spawns is work like a loop of calls
        self.tasks[task.id] = task
        task.on_done.append(self._forget)
        self.ready.append(task)
        return task

    def _forget(self, task):
        self.tasks.pop(task.id, None)

    def park(self, task):
        """Register a task that just returned WAITING according to its request."""
        req = task.wait
        kind, arg = req.kind, req.arg
        seq = task.wake_seq
        clock = self.clock
        if kind in _COUNTED:
            _finite(arg, kind)
        if kind == "ms":
            heapq.heappush(self._time_heap, (clock.now_ms() + _number(arg, "wait", "milliseconds"),
                                             next(self._seq), task, seq))
        elif kind == "ticks":
            heapq.heappush(self._tick_heap, (self.tick_no + max(1, int(arg)), next(self._seq), task, seq))
        elif kind == "until-beats":
            heapq.heappush(self._exact_heap, (self.beat_target(kind, arg), next(self._seq), task, seq))
        elif kind in ("beats", "bars", "next-beat", "next-bar"):
            target = self.beat_target(kind, arg, getattr(task, "early_target", None))
            heapq.heappush(self._beat_heap, (target, next(self._seq), task, seq))
        elif kind == "until":
            self._until.append((task, arg, seq, 0))
        elif kind == "event":
            try:
                hash(arg)
            except TypeError:
                from .printer import describe
                raise LmacError("wait-for expects an event, e.g. :drop or (clip-starts (clip 1 1)); got %s"
                                % describe(arg), task._current_pos())
            waiters = self._events.setdefault(arg, [])
            if len(waiters) > 64:   # drop waiters that were cancelled or woken otherwise
                waiters[:] = [(t, q) for t, q in waiters if t.status == WAITING and t.wake_seq == q]
            waiters.append((task, seq))
        elif kind == "children":
            pass  # woken by the children's on_done callbacks (see concurrency.py)
        else:
            raise LmacError("unknown kind of wait: %s" % kind)

    def beat_target(self, kind, arg, early=None):
        """The played-beats value at which a beat wait is over. A task woken early for a beat
        target (or woken late by less than the lookahead) counts from that target, its logical now, so
        a bar wait after a bar wait lands on the grid instead of drifting by a tick each time."""
        clock = self.clock
        played = clock.played_beats()
        song = clock.song_beats()
        # A wait that follows a beat wait counts from that wait's target (its logical now) when
        # the task woke late by less than a tick or two, so chained bar waits stay on the grid.
        slack = max(self.lookahead_ms, LATE_WAKE_MS) * clock.tempo() / 60000.0
        if early is not None and early > played - slack:
            song += early - played
            played = early
        if kind == "beats":
            return played + arg
        if kind == "bars":
            return played + arg * clock.beats_per_bar()
        if kind == "until-beats":
            return arg
        unit = 1.0 if kind == "next-beat" else clock.beats_per_bar()
        next_line = (math.floor(song / unit + 1e-9) + 1) * unit
        return played + (next_line - song)

    def wake(self, task, seq, value=None, early_target=None):
        if task.status == WAITING and task.wake_seq == seq:
            task.early_target = early_target
            task.wake_seq += 1
            task.resume_with(value)
            self.ready.append(task)

    def wake_now(self, task, value=None):
        """Wake a waiting task whatever it waits for (used by par/race)."""
        self.wake(task, task.wake_seq, value)

    def fire_event(self, key, value=None):
        """Deliver an event at the next tick (never inside the Live notification that caused it)."""
        self._fired.append((key, value))

    def add_ticker(self, fn, writes=True):
        """``fn(now_ms)`` is called every tick until it returns False. A ticker that only reads
        (or only starts tasks) says ``writes=False``, so a tick with nothing else to do opens no
        Live undo step."""
        (self._tickers if writes else self._readers).append(fn)

    def next_wake_ms(self):
        """Wall time of the earliest timed sleeper, or None: lets hosts skip idle time."""
        return self._time_heap[0][0] if self._time_heap else None

    # ---- the tick ----------------------------------------------------------------------------
    def tick(self, budget_ms=None):
        self.tick_no += 1
        stats = self.stats
        started = stats.start() if stats.cpu else None
        start = perf_counter()
        # What else runs in this tick (the REPL socket) fits in what the macros leave of it.
        self.tick_started = start
        self.tick_deadline = start + (self.budget_ms if budget_ms is None else budget_ms) / 1000.0
        try:
            self._wake_due(start, (self.budget_ms if budget_ms is None else budget_ms) / 1000.0)
            if self._readers:
                self._readers = [fn for fn in self._readers if fn(self.clock.now_ms()) is not False]
            if not (self.ready or self._tickers):
                return   # an idle tick: nothing may change the set, so no undo step either
            if self.around_tick is not None:
                with self.around_tick():
                    self._run(start, budget_ms)
            else:
                self._run(start, budget_ms)
        finally:
            wall = perf_counter() - start
            if wall > stats.watch_s or started is not None:   # idle ticks stop here
                stats.record(self.budget_ms if budget_ms is None else budget_ms, wall, started)

    def _run(self, start, budget_ms):
        if self._tickers:
            self._tickers = [fn for fn in self._tickers if fn(self.clock.now_ms()) is not False]
        self.run_ready(start + (self.budget_ms if budget_ms is None else budget_ms) / 1000.0)

    def _wake_due(self, tick_start=None, budget_s=None):
        now = self.clock.now_ms()
        heap = self._time_heap
        while heap and heap[0][0] <= now:
            _, _, task, seq = heapq.heappop(heap)
            self.wake(task, seq)
        heap = self._tick_heap
        while heap and heap[0][0] <= self.tick_no:
            _, _, task, seq = heapq.heappop(heap)
            self.wake(task, seq)
        heap = self._beat_heap
        if heap or self._exact_heap:
            clock = self.clock
            played = clock.played_beats() + 1e-9
            horizon = played
            if self.lookahead_ms and clock.is_playing():
                horizon += self.lookahead_ms * clock.tempo() / 60000.0
            while heap and heap[0][0] <= horizon:
                target, _, task, seq = heapq.heappop(heap)
                self.wake(task, seq, early_target=target)
            heap = self._exact_heap
            while heap and heap[0][0] <= played:
                target, _, task, seq = heapq.heappop(heap)
                self.wake(task, seq, early_target=target)
        while self._fired:
            key, value = self._fired.popleft()
            for task, seq in self._events.pop(key, ()):
                self.wake(task, seq, value)
        if self._until:
            if tick_start is None:
                tick_start, budget_s = perf_counter(), self.budget_ms / 1000.0
            self._check_predicates(tick_start, budget_s)

    def _check_predicates(self, tick_start, budget_s):
        """Ask the wait-until predicates, in turns: they start in the first half of the tick,
        each runs at most one budget; the ones not reached go first next tick, so forty
        slow predicates cost one budget per tick and each is still asked every few ticks."""
        until = self._until
        start_by = tick_start + budget_s * PREDICATE_SHARE
        tick_end = tick_start + budget_s
        limit = budget_s
        first = True
        for _ in range(len(until)):
            task, pred, seq, strikes = entry = until.popleft()
            if task.status != WAITING or task.wake_seq != seq:
                continue
            now = perf_counter()
            if now >= start_by:
                until.appendleft(entry)
                return
            # The first test asked in a tick may use a whole budget; later ones what is left.
            allowed = limit if first else min(limit, tick_end - now)
            first = False
            try:
                ok = self.session.run_nested(pred, [], what="wait-until's test", dyn=task.dyn,
                                             budget_s=allowed, timeout=_TIMED_OUT)
            except LmacError as e:
                task.fail_on_resume(e)   # raised where the task waits, so its try/catch sees it
                self.wake(task, seq)
                continue
            if ok is _TIMED_OUT:
                if allowed < limit:      # cut short by the tick, not by its own slowness
                    until.appendleft(entry)
                    return
                if strikes + 1 < PREDICATE_STRIKES:   # Live's thread may have been paused
                    until.appendleft((task, pred, seq, strikes + 1))
                    return
                task.fail_on_resume(LmacError(
                    "wait-until's test took longer than %g ms, %d times in a row, and was stopped; "
                    "it is asked every tick, so keep it quick (read a value, compare)"
                    % (limit * 1000.0, PREDICATE_STRIKES),
                    task._current_pos()))
                self.wake(task, seq)
            elif ok is not None and ok is not False:
                self.wake(task, seq, ok)
            else:
                until.append((task, pred, seq, 0))

    def run_ready(self, deadline):
        """Run ready tasks until none is left or the budget is spent; each gets a fair share."""
        ready = self.ready
        now = perf_counter()
        while ready:
            if now >= deadline:
                return
            task = ready.popleft()
            if task.status != READY:
                continue
            share = max((deadline - now) / (len(ready) + 1), MIN_SLICE_MS / 1000.0)
            status = task.step(min(deadline, now + share) if len(ready) else deadline)
            end = perf_counter()
            if status == READY:
                self._count_busy(task, end - now)
            elif status == WAITING:
                task.busy_s = 0.0
                self._park_or_fail(task)
            # DONE or FAILED: the on_done callbacks have run
            now = end

    def _count_busy(self, task, seconds):
        """A slice ended with the task still computing: add it up, report or stop a runaway,
        else queue the task for its next slice."""
        busy = task.busy_s = task.busy_s + seconds
        if busy >= self.report_cpu_s or (self.max_cpu_s is not None and busy >= self.max_cpu_s):
            self._runaway(task, busy)
            if task.finished:
                return
        self.ready.append(task)

    def _runaway(self, task, busy):
        if self.max_cpu_s is not None and busy >= self.max_cpu_s:
            task.stop(runaway.stopped(task, busy, self.max_cpu_s, self.limit_hint))
        elif not task.busy_reported:
            task.busy_reported = True
            self.session.notice(task, runaway.still_computing(task, busy))

    def run_now(self, task, budget_ms=None):
        """Step one task at once (a pad press acts inside receive_midi, not a tick later)."""
        if not self._admit(task):
            return task.status
        self.tasks[task.id] = task
        if self._forget not in task.on_done:
            task.on_done.append(self._forget)
        start = perf_counter()
        status = task.step(start + (self.budget_ms if budget_ms is None else budget_ms) / 1000.0)
        if status == READY:
            self._count_busy(task, perf_counter() - start)
        elif status == WAITING:
            task.busy_s = 0.0
            self._park_or_fail(task)
        return task.status

    def _park_or_fail(self, task):
        try:
            self.park(task)
        except LmacError as e:
            task._fail(e)
        except Exception as e:   # e.g. an unhashable event key: the task fails, the tick goes on
            task._fail(LmacError("cannot wait for that: %s" % e, task._current_pos()))

    def idle(self):
        """True when no task is ready or sleeping."""
        return not self.tasks

    def cancel_all(self, except_task=None):
        for task in list(self.tasks.values()):
            if task is not except_task and task.parent is None:
                task.cancel()


_TIMED_OUT = object()
_COUNTED = ("ms", "ticks", "beats", "bars", "until-beats")
_INF = float("inf")


def _finite(value, kind):
    """Every counted wait, whoever asked for it: a NaN or infinite target would sit in a heap
    and stop the sleepers behind it from ever waking."""
    if isinstance(value, float) and (value != value or value in (_INF, -_INF)):
        raise LmacError("a wait needs a finite number, got %s" % value)


class TickStats(object):
    """The scheduler's own account of its ticks: how long the worst took in wall time and, once
    ``measure_cpu()`` is called (tests, benchmarks), in this process's CPU time, which a busy
    machine cannot inflate by pausing the process, with Python's garbage collections counted
    apart (their length depends on every object in the process, not on the tick's work)."""

    def __init__(self):
        self.cpu = False
        self.watch_s = 0.0               # ticks shorter than this change nothing here
        self.worst_ms = 0.0
        self.worst_cpu_ms = 0.0          # the most CPU time one tick took, collections excluded
        self.worst_gc_ms = 0.0           # the longest collection time within one tick
        self.over_budget = 0             # ticks whose wall time passed their budget by > 1 ms

    def measure_cpu(self):
        self.cpu = True
        if _gc_timer not in gc.callbacks:
            gc.callbacks.append(_gc_timer)

    def start(self):
        return (process_time(), _gc_spent[0])

    def record(self, budget_ms, wall_s, started):
        wall_ms = wall_s * 1000.0
        if wall_ms > self.worst_ms:
            self.worst_ms = wall_ms
        if wall_ms > budget_ms + 1.0:
            self.over_budget += 1
        self.watch_s = min(self.worst_ms, budget_ms + 1.0) / 1000.0
        if started is not None:
            gc_ms = (_gc_spent[0] - started[1]) * 1000.0
            cpu_ms = (process_time() - started[0]) * 1000.0 - gc_ms
            self.worst_cpu_ms = max(self.worst_cpu_ms, cpu_ms)
            self.worst_gc_ms = max(self.worst_gc_ms, gc_ms)

    def reset(self):
        cpu = self.cpu
        self.__init__()
        self.cpu = cpu


_gc_spent = [0.0]       # CPU seconds spent in garbage collections, once a TickStats measures
_gc_began = [0.0]


def _gc_timer(phase, info):
    if phase == "start":
        _gc_began[0] = process_time()
    else:
        _gc_spent[0] += process_time() - _gc_began[0]


def _number(value, form, unit):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        from .printer import describe
        raise LmacError("%s expects a number of %s, got %s" % (form, unit, describe(value)))
    return value
