"""Macros that compute for a long time without waiting: the report and the stop.

The scheduler adds up each task's slices since it last waited (``task.busy_s``). Past
RUNAWAY_REPORT_S the macro is reported once (in Live: the status bar and Log.txt) and goes on,
a slice per tick, since a long computation may be meant; past the scheduler's ``max_cpu_s``
(set by `lmac eval/run/repl`, or in Live by ``set-max-cpu-seconds!``) it is stopped.
"""
from __future__ import annotations

from .friend import message
from .values import LmacError


def _who(task):
    where = task.origin_pos()
    started = ", started at %s" % (where,) if where is not None else ""
    if task.name:
        return "the macro \"%s\" (task %d%s)" % (task.name, task.id, started)
    return "this macro (task %d%s)" % (task.id, started)


def _seconds(s):
    return "%.3g s" % s


def _located(task, text):
    return LmacError(text, task._current_pos(), trace=task.trace())


def still_computing(task, seconds):
    """The once-per-task report: what runs, for how long, how to stop it."""
    return _located(task, message(
        None,
        "%s has computed for %s without waiting; it goes on, a slice per tick, so Live keeps "
        "running" % (_who(task), _seconds(seconds)),
        "if it should end, stop it with (stop-all-macros) (typed in lmac repl --connect, or on a "
        "pad bound to it; :cancel %d in the local REPL) and give the loop a wait, e.g. "
        "(wait-ticks 1), or a way out" % task.id))


def stopped(task, seconds, limit, hint):
    """The error of a macro stopped at the limit."""
    return _located(task, message(
        None,
        "%s computed for %s without waiting and was stopped (the limit is %s, %s)"
        % (_who(task), _seconds(seconds), _seconds(limit), hint),
        "a loop that never waits never ends: give it a wait, e.g. (wait-ticks 1), or a way out "
        "(for a long computation on purpose, raise the limit)"))
