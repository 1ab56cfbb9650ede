"""lmac run FILE: run a file against virtual Live, through the Remote Script as Live would load it,
and print a timeline of what changed in the set (bar.beat.sixteenth and ms), then the final set.

The song plays from the start so bar waits progress; the run ends when the file's macros are done
(or after --bars N bars). Errors print as `error: file:line:col: message` with the lmac trace.
A macro that computes --max-cpu-seconds (default 10) without waiting is stopped with an error.

`--midi "T:BYTES"` (repeatable) plays a controller without one: the file is evaluated first, so its
`bind`/`led`/`map-param` forms are live, then at T ms after the start the bytes arrive as from a
controller (forwarded to the script, or moving a mapped parameter). The timeline then also shows
the MIDI that came in, each macro a binding ran, and the MIDI the script sent back (LEDs). Such a
run lasts until the last message plus the macros it started are done (or --bars).
"""
from __future__ import annotations

import argparse
import sys
import types

MAX_BARS = 64
STEP_MS = 50.0
SETTLE_MS = 100.0       # after the last --midi message: time for LEDs to follow (one LED refresh)


def midi_event(text):
    """argparse type for --midi: "800:80 24 00" -> (800.0, (128, 36, 0))."""
    from lmac.surface.midi import parse_midi_arg
    try:
        return parse_midi_arg(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e))


def add_arguments(p):
    p.add_argument("file", help="the .lmac file to run")
    p.add_argument("--set", metavar="SET", help="your Live set (MySong.als, only read) or a virtual Live set "
                                                "(JSON); default: the demo set")
    p.add_argument("--bars", type=float, help="run for this many bars (default: until the macros are done)")
    p.add_argument("--json-state", metavar="OUT.json", help="write the final set as JSON")
    p.add_argument("--live", default="12.3", help="the Live version to simulate (11.3, 12.0, 12.1, 12.3)")
    p.add_argument("--no-play", action="store_true", help="leave the transport stopped")
    p.add_argument("--jitter", type=float, default=2.0, help="Timer jitter in ms (default 2)")
    p.add_argument("--midi", action="append", default=[], type=midi_event, metavar="T:BYTES",
                   help='MIDI from a controller at T ms after the start, bytes in hex, e.g. '
                        '--midi "0:90 24 7F" --midi "800:80 24 00" (repeatable)')
    from lmac.commands import cpu_limit
    cpu_limit.add_argument(p)


def start_host(set_path=None, live_version="12.3", jitter_ms=0.0, use_timer=True, seed=0, surface_options=None):
    """A VirtualHost running LmacScript on the virtual clock. Returns (host, script).
    surface_options go to surface/components.py attach; by default no REPL socket is opened."""
    from lmac.surface.remote_script import LmacScript
    from lmac.surface.virtual_live import DEMO_SET, VirtualClock, VirtualHost
    options = {"repl": False}
    options.update(surface_options or {})

    def create_instance(c_instance):
        return LmacScript(c_instance, clock_factory=VirtualClock, use_timer=use_timer, surface_options=options)
    shim = types.SimpleNamespace(create_instance=create_instance)
    host = VirtualHost(shim, live_version=live_version, set_path=set_path or DEMO_SET, seed=seed,
                       timer_jitter_ms=jitter_ms)
    return host, host.script


def launches_pending(song):
    """Launches or stops that Live holds until the next grid line."""
    return (any(t.fired_slot_index != -1 for t in song.tracks)
            or any(s.is_triggered for s in song.scenes))


def _drain_new(items, convert):
    """A timeline source over a list that only grows: the items added since the last call."""
    seen = [len(items)]

    def drain():
        new = items[seen[0]:]
        seen[0] = len(items)
        return [convert(item) for item in new]
    return drain


def watch_surface(timeline, host, script):
    """Show in the timeline the macros bindings ran, the MIDI the script sent and what the surface
    reported (a failing LED or map-param, a file error)."""
    from lmac.surface.midi import describe
    surface = script.surface
    surface.bindings.on_run.append(lambda label: timeline.note("run       " + label))
    timeline.add_source(_drain_new(host.midi_out, lambda m: (m[0], "midi out  " + describe(m[1]))),
                        before_changes=False)
    for part in (surface.bindings, surface.loader):
        def report(text, original=part.report):
            timeline.note("! " + (str(text).splitlines() or [""])[0])
            original(text)
        part.report = report


def run(args):
    from lmac.interpreter.values import LmacError
    from lmac.surface.midi import describe
    from lmac.surface.timeline import Timeline
    from lmac.surface.virtual_live import write_set
    try:
        with open(args.file, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    if args.set:
        from lmac.commands.set_option import use_fast_xml
        use_fast_xml()
    try:
        host, script = start_host(args.set, args.live, args.jitter)
    except (ValueError, OSError, KeyError) as e:
        if args.set is None:
            raise
        from lmac.commands.set_option import set_error
        print(set_error(args.set, e), file=sys.stderr)
        return 1
    for note in getattr(host.application, "_set_notes", []):
        print("note: %s: %s" % (args.set, note), file=sys.stderr)
    song = host.song
    session = script.session
    errors = []
    timeline = Timeline(song, script.live.clock, ramps=script.live.ramps)

    def on_error(task, error):
        errors.append(error)
        print(error.format() if isinstance(error, LmacError) else "error: %s" % error, file=sys.stderr)
        timeline.note("! " + (error.located() if isinstance(error, LmacError) else str(error)))
    session.error_handlers.append(on_error)

    def on_notice(task, error):   # a macro computing long without waiting, below the limit
        print("warning: " + error.located(), file=sys.stderr)
        timeline.note("! " + error.located())
    session.notice_handlers.append(on_notice)
    from lmac.commands import cpu_limit
    cpu_limit.apply(session, args)
    if not args.no_play:
        song.start_playing()
    script.live.timeline = timeline
    script.add_component(timeline)
    watch_surface(timeline, host, script)

    def show_output(text):     # println and prn appear in the timeline, where they happened
        for line in text.rstrip("\n").splitlines():
            timeline.note("> " + line)
    session.output = show_output
    try:
        task = script.start_macro(source, file=args.file)
    except LmacError as e:       # a syntax error: nothing ran
        print(e.format(), file=sys.stderr)
        return 1
    # As after any of Live's callbacks: a MIDI map the file's bindings asked for is built now, so
    # a message at 0 ms already reaches them.
    host.flush_midi_map()
    timeline.capture()

    events = sorted(args.midi, key=lambda e: e[0])      # stable: same-time messages keep their order
    sent = [0]
    t0 = timeline.t0
    settle_until = t0 + events[-1][0] + SETTLE_MS if events else None

    def send_due():
        while sent[0] < len(events) and host.now_ms >= t0 + events[sent[0]][0] - 1e-6:
            midi = events[sent[0]][1]
            sent[0] += 1
            entry = timeline.note("midi in   " + describe(midi))
            if not host.send_midi_in(midi):
                entry[2] += "  (no binding)"
            timeline.capture()       # what the bindings did, stamped with the message's time

    def macros_busy():
        # Glides (ramps) run as scheduler tickers, not tasks, and Live holds launches and stops
        # for its grid: the run also waits for those to land.
        return (not task.finished or not session.scheduler.idle() or bool(script.live.ramps)
                or script.surface.bindings.dispatcher.holds or launches_pending(song))

    bar_ms = lambda: song.signature_numerator * 4.0 / song.signature_denominator * 60000.0 / song.tempo
    start_beats = script.live.clock.played_beats()
    limit_bars = args.bars if args.bars is not None else MAX_BARS
    while True:
        send_due()
        bpb = 4.0 * song.signature_numerator / song.signature_denominator
        played_bars = (script.live.clock.played_beats() - start_beats) / bpb
        midi_left = sent[0] < len(events)
        if args.bars is None and not midi_left and not macros_busy() and \
                (settle_until is None or host.now_ms >= settle_until):
            break
        may_stop = args.bars is not None or not midi_left
        if may_stop and song.is_playing and played_bars >= limit_bars - 1e-9:
            break
        if may_stop and not song.is_playing and host.now_ms - t0 > limit_bars * bar_ms():
            break
        step = STEP_MS
        if midi_left:
            step = min(step, max(t0 + events[sent[0]][0] - host.now_ms, 0.0))
        if settle_until is not None and host.now_ms < settle_until:
            step = min(step, settle_until - host.now_ms)
        host.advance_ms(step)
    if sent[0] < len(events):
        print("note: %d --midi message%s after the end of the run (--bars %g) were not sent"
              % (len(events) - sent[0], "" if len(events) - sent[0] == 1 else "s", limit_bars), file=sys.stderr)
    if args.bars is None and macros_busy():
        print("note: still running after %g bars; stopped (use --bars to run longer)" % limit_bars, file=sys.stderr)
    script.tick()
    host.disconnect()
    for line in timeline.lines():
        print(line)
    print("--- final set")
    for line in timeline.summary():
        print("  " + line)
    if args.json_state:
        write_set(song, args.json_state)
    for error in host.errors:   # a Python exception in one of the script's callbacks: a bug in lmac
        print("internal error: %s: %s (details in the log)" % (type(error).__name__, error), file=sys.stderr)
    return 1 if errors or host.errors else 0
