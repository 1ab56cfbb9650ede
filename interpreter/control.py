"""Builtins that control the running task: waits, concurrency, apply and eval.

Each is a *control* builtin: called with the task first, it returns a value or a request
(TailCall, Wait, WithDynamic) that the machine carries out.
"""
from __future__ import annotations

from .budget import check_form_size, check_items
from .machine import FAILED, Task
from .printer import describe
from .requests import TailCall, Wait, WithDynamic
from .values import Builtin, Keyword, Lambda, LmacError

CONTROL = []  # (name, fn, (min, max), doc)


def control(name, arity=(0, None), doc=""):
    def register(fn):
        CONTROL.append((name, fn, arity, doc or (fn.__doc__ or "").strip()))
        return fn
    return register


def _amount(form, value, unit, allow_zero=True):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LmacError("%s expects a number of %s, got %s" % (form, unit, describe(value)))
    if value != value or value == _INF:
        # A NaN or endless wait would poison the scheduler's queue of sleepers.
        raise LmacError("%s expects a finite number of %s, got %s" % (form, unit, describe(value)))
    if value < 0 or (value == 0 and not allow_zero):
        raise LmacError("%s expects a positive number of %s, got %s" % (form, unit, describe(value)))
    return value


_INF = float("inf")


# ---- waits --------------------------------------------------------------------------------------
@control("wait", (1, 1), "Pause this macro for ms milliseconds of wall time: (wait 500).")
def wait(task, ms):
    return Wait("ms", _amount("wait", ms, "milliseconds"))


@control("wait-ticks", (1, 1), "Pause for n scheduler ticks.")
def wait_ticks(task, n):
    return Wait("ticks", _amount("wait-ticks", n, "ticks"))


@control("wait-beats", (1, 1), "Pause until the song has played n more beats (holds while stopped).")
def wait_beats(task, n):
    return Wait("beats", _amount("wait-beats", n, "beats"))


@control("wait-bars", (1, 1), "Pause until the song has played n more bars (holds while stopped).")
def wait_bars(task, n):
    return Wait("bars", _amount("wait-bars", n, "bars"))


@control("wait-next-beat", (0, 0), "Pause until the next beat line of the song grid.")
def wait_next_beat(task):
    return Wait("next-beat")


@control("wait-next-bar", (0, 0), "Pause until the next bar line of the song grid.")
def wait_next_bar(task):
    return Wait("next-bar")


@control("wait-until", (1, 1), "Pause until (pred) is true, checked every tick: (wait-until (fn () (playing?))).")
def wait_until(task, pred):
    if not _callable(pred):
        raise LmacError("wait-until expects a function to ask each tick, got %s" % describe(pred))
    return Wait("until", pred)


@control("wait-for", (1, 1), "Pause until an event fires: (wait-for (clip-starts (clip 1 1))) or (wait-for :drop).")
def wait_for(task, event):
    final = getattr(event, "lmac_final", None)      # a glide: one that has ended needs no wait
    if final is not None:
        done, value = final()
        if done:
            return value
    key_of = getattr(event, "lmac_event_key", None)
    return Wait("event", key_of(task.session) if key_of else event)


@control("emit", (1, 2), "Fire an event that (wait-for key) waits on, at the next tick: (emit :drop).")
def emit(task, key, value=None):
    task.session.scheduler.fire_event(key, value)
    return None


# ---- calling --------------------------------------------------------------------------------------
@control("apply", (2, None), "Call f with arguments, the last being a list: (apply + 1 [2 3]) is 6.")
def apply(task, f, *args):
    last = args[-1]
    if last is not None and not isinstance(last, (list, tuple)):
        raise LmacError("apply expects a list as its last argument, got %s" % describe(last))
    check_items(len(last or ()), "apply")
    return TailCall(f, list(args[:-1]) + list(last or ()))


@control("eval", (1, 1), "Evaluate a form: (eval '(+ 1 2)) is 3.")
def eval_(task, form):
    check_form_size(form, "eval")
    code = task.session.compiler.compile_toplevel(form, name="eval")
    return TailCall(Lambda("eval", code, None, 0, False), [])


@control("with-dynamic*", (3, 3), "Call thunk with a dynamic value bound (used by with and for-each).")
def with_dynamic(task, key, value, thunk):
    return WithDynamic(key, value, thunk, [])


@control("dynamic", (1, 2), "The current dynamic value for key, or default.")
def dynamic(task, key, default=None):
    return task.dyn.get(key, default)


# ---- concurrency -------------------------------------------------------------------------------
def _callable(f):
    return type(f) in (Lambda, Builtin, Keyword)


def _children(task, thunks, form):
    for th in thunks:
        if not _callable(th):
            raise LmacError("%s expects functions, got %s" % (form, describe(th)))
    session = task.session
    session.scheduler.check_room(len(thunks), form)
    kids = []
    for th in thunks:
        kid = session.task_for_call(th, [], name=form, dyn=task.dyn, parent=task)
        task.children.append(kid)
        kids.append(kid)
    return kids


def when_settled(value, then):
    """then(value) now, or once a value still under way (a glide: lmac_when_done) has ended; a
    list of them (a `map` of ramps) when all have."""
    if isinstance(value, (list, tuple)):
        pending = [x for x in value if getattr(x, "lmac_when_done", None) is not None]
        left = [1]

        def one_done(_):
            left[0] -= 1
            if left[0] == 0:
                then(value)
        for x in pending:
            if x.lmac_when_done(one_done):
                left[0] += 1
        one_done(None)
        return
    when_done = getattr(value, "lmac_when_done", None)
    if when_done is None or not when_done(then):
        then(value)


@control("par*", (0, None), "Run thunks side by side; the result is the list of their results.")
def par(task, *thunks):
    if not thunks:
        return []
    kids = _children(task, thunks, "par")
    results = [None] * len(kids)
    left = [len(kids)]
    scheduler = task.session.scheduler

    def settled(i, value):
        if task.finished:
            return
        results[i] = value
        left[0] -= 1
        if left[0] == 0:
            scheduler.wake_now(task, list(results))

    def done(kid, i):
        if kid in task.children:
            task.children.remove(kid)
        if task.finished:
            return
        if kid.status == FAILED:
            for other in list(task.children):
                other.cancel()
            task.fail_on_resume(kid.error)
            scheduler.wake_now(task)
            return
        when_settled(kid.value, lambda value: settled(i, value))

    for i, kid in enumerate(kids):
        kid.on_done.append(lambda k, i=i: done(k, i))
        scheduler.add(kid)
    return Wait("children")


@control("race*", (1, None), "Run thunks side by side; the first to finish wins and the rest are cancelled.")
def race(task, *thunks):
    kids = _children(task, thunks, "race")
    scheduler = task.session.scheduler

    def won(value):
        if task.finished or task.status != "waiting":
            return
        for other in list(task.children):
            other.cancel()
        scheduler.wake_now(task, value)

    def done(kid):
        if kid in task.children:
            task.children.remove(kid)
        if task.finished or kid.status not in ("done", "failed"):
            return
        if kid.status == FAILED:
            for other in list(task.children):
                other.cancel()
            task.fail_on_resume(kid.error)
            scheduler.wake_now(task)
        else:
            when_settled(kid.value, won)

    for kid in kids:
        kid.on_done.append(done)
        scheduler.add(kid)
    return Wait("children")


@control("spawn*", (1, 1), "Start thunk as a background task; returns its handle.")
def spawn(task, thunk):
    if not _callable(thunk):
        raise LmacError("spawn expects a function, got %s" % describe(thunk))
    task.session.scheduler.check_room(1, "spawn")
    kid = task.session.task_for_call(thunk, [], name="spawn", dyn=task.dyn)
    task.session.scheduler.add(kid)
    return kid


@control("cancel", (1, 1), "Stop a task started with spawn.")
def cancel(task, handle):
    if not isinstance(handle, Task):
        raise LmacError("cancel expects a task handle from spawn, got %s" % describe(handle))
    handle.cancel()
    return None


@control("stop-all-macros", (0, 0), "Stop every other running macro.")
def stop_all(task):
    task.session.scheduler.cancel_all(except_task=_root(task))
    return None


@control("set-max-cpu-seconds!", (1, 1),
         "Stop any macro that computes this many seconds without waiting, from now on; nil: "
         "never stop one (it is only reported after 10 s): (set-max-cpu-seconds! 60).")
def set_max_cpu_seconds(task, seconds):
    if seconds is not None:
        _amount("set-max-cpu-seconds!", seconds, "seconds (or nil for no limit)", allow_zero=False)
    scheduler = task.session.scheduler
    scheduler.max_cpu_s = seconds
    scheduler.limit_hint = "set with (set-max-cpu-seconds! N)"
    return seconds


@control("done?", (1, 1), "Has the spawned task finished?")
def done_(task, handle):
    if not isinstance(handle, Task):
        raise LmacError("done? expects a task handle, got %s" % describe(handle))
    return handle.finished


def _root(task):
    while task.parent is not None:
        task = task.parent
    return task


@control("cycle*", (2, None), "Run the next thunk each time (ClyphX's PSEQ); key names the cycle.")
def cycle(task, key, *thunks):
    # The position is kept per place in the source (the key), not per compiled copy: a clip
    # name that is read again at each launch still steps through its branches.
    states = task.session.cycle_positions
    index = (states.get(key, -1) + 1) % len(thunks)
    states[key] = index
    return TailCall(thunks[index], [])


@control("pick*", (1, None), "Run one thunk at random.")
def pick(task, *thunks):
    from .builtins import RANDOM
    return TailCall(RANDOM.choice(thunks), [])
