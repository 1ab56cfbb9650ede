"""lmac run FILE: run a file against virtual Live, through the Remote Script as Live would load it,
and print a timeline of what changed in the set (bar.beat.sixteenth and ms), then the final set.

The song plays from the start so bar waits progress; the run ends when the file's macros are done
(or after --bars N bars). Errors print as `error: file:line:col: message` with the lmac trace.
"""
from __future__ import annotations

import sys
import types

MAX_BARS = 64
STEP_MS = 50.0


def add_arguments(p):
    p.add_argument("file", help="the .lmac file to run")
    p.add_argument("--set", help="a virtual Live set (JSON); default: the demo set")
    p.add_argument("--bars", type=float, help="run for this many bars (default: until the macros are done)")
    p.add_argument("--json-state", metavar="OUT.json", help="write the final set as JSON")
    p.add_argument("--live", default="12.3", help="the Live version to simulate (11.3, 12.0, 12.1, 12.3)")
    p.add_argument("--no-play", action="store_true", help="leave the transport stopped")
    p.add_argument("--jitter", type=float, default=2.0, help="Timer jitter in ms (default 2)")


def start_host(set_path=None, live_version="12.3", jitter_ms=0.0, use_timer=True, seed=0):
    """A VirtualHost running LmacScript on the virtual clock. Returns (host, script)."""
    from lmac.surface.remote_script import LmacScript
    from lmac.surface.virtual_live import DEMO_SET, VirtualClock, VirtualHost

    def create_instance(c_instance):
        return LmacScript(c_instance, clock_factory=VirtualClock, use_timer=use_timer)
    shim = types.SimpleNamespace(create_instance=create_instance)
    host = VirtualHost(shim, live_version=live_version, set_path=set_path or DEMO_SET, seed=seed,
                       timer_jitter_ms=jitter_ms)
    return host, host.script


def run(args):
    from lmac.interpreter.values import LmacError
    from lmac.surface.timeline import Timeline
    from lmac.surface.virtual_live import write_set
    try:
        with open(args.file, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    host, script = start_host(args.set, args.live, args.jitter)
    song = host.song
    session = script.session
    errors = []

    def on_error(task, error):
        errors.append(error)
        print(error.format() if isinstance(error, LmacError) else "error: %s" % error, file=sys.stderr)
    session.error_handlers.append(on_error)
    if not args.no_play:
        song.start_playing()
    timeline = Timeline(song, script.live.clock)
    script.live.timeline = timeline
    script.add_component(timeline)

    def show_output(text):     # println and prn appear in the timeline, where they happened
        for line in text.rstrip("\n").splitlines():
            timeline.note("> " + line)
    session.output = show_output
    try:
        task = script.start_macro(source, file=args.file)
    except LmacError as e:       # a syntax error: nothing ran
        print(e.format(), file=sys.stderr)
        return 1
    timeline.capture()
    bar_ms = lambda: song.signature_numerator * 4.0 / song.signature_denominator * 60000.0 / song.tempo
    start_beats = script.live.clock.played_beats()
    limit_bars = args.bars if args.bars is not None else MAX_BARS
    while True:
        bpb = 4.0 * song.signature_numerator / song.signature_denominator
        played_bars = (script.live.clock.played_beats() - start_beats) / bpb
        if args.bars is None and task.finished and session.scheduler.idle():
            break
        if song.is_playing and played_bars >= limit_bars - 1e-9:
            break
        if not song.is_playing and host.now_ms > limit_bars * bar_ms():
            break
        host.advance_ms(STEP_MS)
    if args.bars is None and not task.finished:
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
    return 1 if errors else 0
