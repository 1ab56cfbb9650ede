"""Timing in virtual Live: how late actions land after bar waits, how exactly quantized launches
hit the bar, and how many ticks a pad press takes to reach the set.

- bar_wait_late_ms_p99_{timer,display}: lateness (ms) of the first write after (wait-bars 1), with
  a jittery 10 ms Timer or update_display (100 ms) only; half the waits see a tempo change midway.
  bar_wait_early_count_* must be 0 (an action is never early).
- clyphx_bar_wait_late_ms_p99_{timer,display}: the same waits done the ClyphX way (beats turned
  into ms at the tempo when the wait began, then run on the next 100 ms tick); |error|, it can
  also be early (clyphx_bar_wait_early_count).
- quantized_launch_error_beats: the largest distance between the bar line and the start of a
  clip launched right after (wait-next-bar) or (wait-bars 1). 0 is exact.
- midi_to_first_write_ticks: ticks between a pad press reaching receive_midi and the macro's
  first LOM write (the press runs the macro inside receive_midi).
"""
from __future__ import annotations

import random

TRIALS = 120


def _p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]


def _host(use_timer, seed=0, jitter=8.0):
    from lmac.commands.run import start_host
    host, script = start_host(jitter_ms=jitter if use_timer else 0.0, use_timer=use_timer, seed=seed)
    host.song.start_playing()
    return host, script


def bar_wait_lateness(use_timer, trials=TRIALS, seed=1):
    rng = random.Random(seed)
    host, script = _host(use_timer, seed)
    song, clock = host.song, script.live.clock
    late, early, clyphx = [], 0, []
    for i in range(trials):
        host.advance_ms(rng.uniform(0, 900))
        song.tempo = 122.0
        seen = []
        script.live.adapter.on_write = lambda: seen.append(clock.played_beats()) if not seen else None
        start_ms, start_played, tempo0 = host.now_ms, clock.played_beats(), song.tempo
        target = start_played + 4.0
        task = script.start_macro("(do (wait-bars 1) (metronome))")
        change = i % 2 == 1
        if change:
            host.advance_ms(600)
            song.tempo = rng.uniform(80.0, 170.0)
        while task.status != "done":
            host.advance_ms(5)
        tempo = song.tempo
        late_beats = seen[0] - target
        if late_beats < -1e-9:
            early += 1
        late.append(late_beats * 60000.0 / tempo)
        clyphx.append(_clyphx_error_ms(start_ms, tempo0, tempo if change else tempo0, 600.0 if change else None,
                                       rng.uniform(0, 100.0)))
    host.disconnect()
    return late, early, clyphx


def _clyphx_error_ms(start_ms, tempo0, tempo1, change_after_ms, tick_phase_ms):
    """ClyphX's WAITS: 4 beats -> ms at tempo0, run on the next 100 ms tick; error vs the real bar line."""
    planned = 4.0 * 60000.0 / tempo0
    ticks = int((planned - tick_phase_ms) // 100.0) + 1
    fire_at = tick_phase_ms + ticks * 100.0          # the first tick at or after the planned time
    if change_after_ms is None:
        real = planned
    else:
        beats_before = change_after_ms * tempo0 / 60000.0
        real = change_after_ms + (4.0 - beats_before) * 60000.0 / tempo1
    return abs(fire_at - real), fire_at < real


def launch_error(trials=60, seed=2):
    rng = random.Random(seed)
    host, script = _host(True, seed)
    song, clock = host.song, script.live.clock
    drums = song.tracks[1]
    starts = []
    drums.add_playing_slot_index_listener(lambda: starts.append(clock.song_beats()))
    errors = []
    for i in range(trials):
        host.advance_ms(rng.uniform(0, 1500))
        slot = 1 + i % 2
        before = len(starts)
        if i % 3 == 0:
            source = "(do (wait-bars 1) (wait-next-bar) (fire (clip 2 %d)))" % slot
        else:
            source = "(do (wait-next-bar) (fire (clip 2 %d)))" % slot
        task = script.start_macro(source)
        while task.status != "done" or len(starts) == before:
            host.advance_ms(5)
        start = starts[before]
        errors.append(abs(start - round(start / 4.0) * 4.0))
    host.disconnect()
    return max(errors)


def midi_ticks():
    import Live
    host, script = _host(True, 3)
    seen = []
    script.live.adapter.on_write = lambda: seen.append(script.ticks) if not seen else None
    pressed = []

    def on_midi(midi_bytes):   # stand-in binding until the bindings component lands
        pressed.append(script.ticks)
        script.start_macro('(arm (track "Bass"))', file="<pad>")
        return True
    script.midi_handlers.append(on_midi)
    script.midi_map_builders.append(
        lambda handle: Live.MidiMap.forward_midi_note(script._c.handle(), handle, 0, 36))
    host._build_midi_map()
    host.advance_ms(123)
    host.send_midi_in((0x90, 36, 100))
    host.disconnect()
    return seen[0] - pressed[0]


def measure():
    out = {}
    for name, use_timer in (("timer", True), ("display", False)):
        late, early, clyphx = bar_wait_lateness(use_timer)
        out["bar_wait_late_ms_p99_" + name] = _p99(late)
        out["bar_wait_early_count_" + name] = early
        out["clyphx_bar_wait_late_ms_p99_" + name] = _p99([e for e, _ in clyphx])
        out["clyphx_bar_wait_early_count_" + name] = sum(1 for _, was_early in clyphx if was_early)
    out["quantized_launch_error_beats"] = launch_error()
    out["midi_to_first_write_ticks"] = midi_ticks()
    return out


if __name__ == "__main__":
    for key, value in sorted(measure().items()):
        print(key, value)
