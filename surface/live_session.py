"""make_live_session: an lmac Session that speaks Live.

Every registered action becomes a control builtin through ``action_builtin`` (it builds the
ActionContext, enforces the Live version, keeps actions from running early after a lookahead wake,
turns Live's refusals into lmac errors, and charges the task's time slice: an action that ends
past the slice's deadline stops its task until the next tick); the selector words, the value forms and
stdlib_macros/live.lmac are installed; events and triggers are connected.
"""
from __future__ import annotations

import os
from time import perf_counter
from typing import TYPE_CHECKING

from ..interpreter.budget import charge
from ..interpreter.requests import ForEach, TailCall, Wait, WithDynamic, Yield
from ..interpreter.session import STDLIB, Session
from ..interpreter.values import Keyword, Lambda, List, LmacError
from . import selectors, value_forms
from .actions.registry import load_all
from .context import ActionContext, LiveWorld
from .selectors import Handle, Selector, bare_builtin_kind, wrap

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs)
    from Live.Application import Application
    from Live.Song import Song

EPS = 1e-9
ON = Keyword.of("on")
REQUESTS = frozenset((TailCall, Wait, WithDynamic))


def _is_on_macro(x):
    # `on` is the event macro; as an argument, (metronome on) means :on.
    return type(x) is Lambda and x.is_macro and x.name == "on"


def action_builtin(session, live, act):
    holder: list = []
    version = act.min_live
    errors = live.adapter.errors
    bind, act_fn = act.spec.bind, act.fn
    # Selector builders and event names read nothing from the set: they may run early.
    early_check = act.timing != "quantized" and act.family not in ("selector", "event")
    checked = [None, False]    # (Live version seen, too old for this action): worked out once

    name = act.name
    # (names the call reads on every action, as closure variables: cheaper than globals on 3.7;
    # the clocks stay module globals, which tests replace)
    lambda_type, requests = Lambda, REQUESTS

    def call(task, *args):
        for a in args:
            if type(a) is lambda_type:     # rare: rebuild only when some argument is a function
                args = tuple(ON if _is_on_macro(x) else x for x in args)
                break
        builtin = holder[0]
        if early_check:
            target = task.early_target
            if target is not None and live.clock.played_beats() < target - EPS:
                # Woken ahead of a bar line for quantized launches; everything else waits for it.
                return TailCall(session.globals["%late-call"], [target, builtin, List(args)])
        if checked[0] is not live.live_version:
            checked[0] = live.live_version
            checked[1] = tuple(live.live_version[:2]) < version
        if checked[1]:
            raise LmacError("%s needs Live %d.%d or newer (this is Live %d.%d)"
                            % ((act.name,) + tuple(version) + tuple(live.live_version[:2])))
        ctx = ActionContext(live, task, name, builtin, args)
        if thread_time is not None:
            # Once per slice, before the first action: lmac's CPU time and what is left of the
            # slice, so _slice_spent can tell lmac's own work from time the OS gave to others.
            mark = getattr(task, "_slice_mark", None)
            if mark is None or mark[0] != task._deadline:
                task._slice_mark = (task._deadline, thread_time(), task._deadline - perf_counter())
        try:
            # The spec checks and converts (or raises the musician's error), then the action acts.
            result = act_fn(ctx, **bind(args))
        except LmacError:
            raise
        except errors as e:
            raise LmacError("%s: Live refused: %s" % (act.name, e))
        tr = type(result)
        if tr is not float and tr is not int and result is not None:
            if tr in requests:
                return result
            result = wrap(result)
        if perf_counter() >= task._deadline and _slice_spent(task):
            return Yield(result)   # the slice is spent: go on at the next tick
        return result

    # The spec checks the argument count itself (its message shows the signature).
    builtin = session.define_builtin(act.name, call, (0, None), act.doc, control=True, meta=act)
    holder.append(builtin)
    return builtin


def _fine_thread_clock():
    """time.thread_time where it measures microseconds (macOS, Linux); None elsewhere (Windows
    counts it in 15.6 ms steps)."""
    try:
        from time import get_clock_info
        if get_clock_info("thread_time").resolution <= 1e-5:
            from time import thread_time
            return thread_time
    except (ImportError, ValueError, AttributeError):
        pass
    return None


thread_time = _fine_thread_clock()


def _slice_spent(task):
    """The wall clock says the slice is over: was it lmac's own work? Where the system can tell
    (a fine thread CPU clock), time the OS gave to other programs does not count, so on a busy
    computer a pad press still acts in one go; otherwise the wall clock decides."""
    if thread_time is None:
        return True
    mark = getattr(task, "_slice_mark", None)
    if mark is None or mark[0] != task._deadline:   # the first look in this slice
        return True
    _, cpu_start, left = mark
    return thread_time() - cpu_start >= left


def _install_core(session, live):
    for name, fn, arity, doc in value_forms.BUILTINS:
        session.define_builtin(name, fn, arity, doc)
    for name, value, doc in selectors.WORDS:
        session.define(name, value, doc)
    session.define("off", Keyword.of("off"), "Switch word: (metronome off) is (metronome :off).")

    def wait_played(task, target):
        return Wait("until-beats", target)
    session.define_builtin("%wait-played", wait_played, (1, 1),
                           "Wait until the song has played up to a played-beats target (never early).",
                           control=True)

    def for_each_items(task, sel):
        """The targets of a for-each, resolved once, as handles."""
        ctx = ActionContext(live, task, "for-each")
        if isinstance(sel, Selector):
            want = "tracks" if sel.kind == "context" else sel.kind
            items = ctx._resolve(sel, want)
        elif bare_builtin_kind(sel):
            items = ctx._resolve(sel, bare_builtin_kind(sel))
        elif isinstance(sel, (list, tuple)) and not sel:
            return List()
        else:
            items = ctx._resolve(sel, "any")
        charge(len(items))   # one look per target: a big set's resolution counts against the slice
        return List([Handle(o) for o in items])
    session.define_builtin("%for-each-items", for_each_items, (1, 1),
                           "The targets a for-each visits (resolved once).", control=True)

    def for_each(task, items, fn, with_item=None):
        """The machine calls fn once per item, each in turn the focus (requests.ForEach)."""
        return ForEach("focus", items, fn, with_item is not None and with_item is not False)
    session.define_builtin("%for-each*", for_each, (2, 3),
                           "Call fn once per item, each the focus; with-item: pass it to fn.",
                           control=True)



def _install_words(session):
    """Bare words a family defines (midi, audio), from each family module's WORDS list."""
    import sys
    from .actions import families
    for name in families.LOADED:
        for word, value, doc in getattr(sys.modules[families.__name__ + "." + name], "WORDS", ()):
            session.define(word, value, doc)


def make_live_session(song: Song, application: Application, clock, log=None, show=None, live_version=None, output=None):
    """A Session over this Live (real or virtual). ``session.live`` is the LiveWorld."""
    from .triggers import Events
    live = LiveWorld(song, application, clock, live_version, log=log, show=show)
    session = Session(clock=clock, output=output)
    session.live = live  # type: ignore[attr-defined]  # the pure Session gets its LiveWorld here
    live.session = session
    _install_core(session, live)
    for act in load_all().values():
        action_builtin(session, live, act)
    _install_words(session)
    session.load_file(os.path.join(STDLIB, "live.lmac"))
    live.events = Events(live)
    live.events.connect()
    session.scheduler.add_ticker(live.events.tick, writes=False)   # it only starts tasks

    def report(task, error):
        lines = error.format().splitlines() if isinstance(error, LmacError) else [str(error)]
        if lines and lines[0].startswith("error: "):
            lines[0] = lines[0][len("error: "):]
        for line in lines:
            live.log("lmac: " + line.strip())
        live.show("lmac: " + (error.located() if isinstance(error, LmacError) else str(error)))
    session.error_handlers.append(report)
    session.notice_handlers.append(report)   # a macro computing long without waiting
    return session
