"""Time in Live: bar waits follow the song (tempo changes, stops), actions are never early after a
lookahead wake, quantized launches after a bar wait land exactly on the bar, ramps end on target."""
from lmac.commands.run import start_host


def host_with(jitter=3.0, use_timer=True, seed=1):
    host, script = start_host(jitter_ms=jitter, use_timer=use_timer, seed=seed)
    host.song.start_playing()
    return host, script


def first_write_beats(script):
    """Record the played beats at the first LOM write made through the adapter."""
    seen = []
    clock = script.live.clock
    script.live.adapter.on_write = lambda: seen.append(clock.played_beats()) if not seen else None
    return seen


def test_bar_wait_is_never_early_and_at_most_a_tick_late():
    for use_timer, tick_beats in ((True, 0.05), (False, 0.25)):
        host, script = host_with(use_timer=use_timer)
        seen = first_write_beats(script)
        task = script.start_macro("(do (wait-bars 2) (metronome on))")
        host.advance_ms(6000)
        assert task.status == "done", task.error
        assert host.song.metronome
        assert 8.0 <= seen[0] <= 8.0 + tick_beats, seen   # 122 BPM: a 10 ms tick is ~0.02 beats


def test_bar_wait_follows_tempo_changes_and_holds_while_stopped():
    host, script = host_with()
    seen = first_write_beats(script)
    task = script.start_macro("(do (wait-bars 2) (metronome on))")
    host.advance_ms(1000)
    host.song.tempo = 61.0           # half speed: the rest of the wait takes twice as long
    host.song.stop_playing()
    host.advance_ms(5000)            # stopped: the wait holds
    assert task.status == "waiting"
    host.song.continue_playing()
    host.advance_ms(12000)
    assert task.status == "done"
    assert 8.0 <= seen[0] <= 8.05


def test_quantized_launch_after_bar_wait_lands_exactly_on_the_bar():
    host, script = host_with()
    song = host.song
    starts = []
    drums = song.tracks[1]
    clock = script.live.clock
    drums.add_playing_slot_index_listener(lambda: starts.append(clock.song_beats()))
    host.advance_ms(700)
    task = script.start_macro("(do (wait-next-bar) (fire (clip 2 1)) (wait-bars 1) (fire (clip 2 2) :quantize :beat))")
    host.advance_ms(5000)
    assert task.status == "done", task.error
    assert starts[:2] == [4.0, 8.0]


def test_stops_after_bar_waits_land_exactly_on_the_bar():
    host, script = host_with()
    song = host.song
    drums, keys = song.tracks[1], song.tracks[3]
    clock = script.live.clock
    stops = []
    for t in (drums, keys):
        t.add_playing_slot_index_listener(
            lambda t=t: stops.append((t.name, clock.song_beats())) if t.playing_slot_index < 0 else None)
    task = script.start_macro('(do (fire (clip "Drums" 1) :quantize :none) (fire (clip "Keys" 1) :quantize :none)'
                              ' (wait-bars 1) (stop-clips (track "Drums")) (wait-bars 1) (stop-all-clips))')
    host.advance_ms(6000)
    assert task.status == "done", task.error
    assert stops == [("Drums", 4.0), ("Keys", 8.0)]     # on the bar, not a bar later


def test_transport_stop_after_a_bar_wait_is_not_early():
    """(wait-bars 4) (stop) stops the transport at 5.1.1 (within a tick), never in bar 4: Live stops
    the transport at once, so a task woken ahead of the line waits for it."""
    for use_timer, tick_beats in ((True, 0.05), (False, 0.25)):
        host, script = host_with(use_timer=use_timer)
        song = host.song
        clock = script.live.clock
        stopped = []
        song.add_is_playing_listener(lambda: stopped.append(clock.song_beats()) if not song.is_playing else None)
        task = script.start_macro("(do (wait-bars 4) (stop))")
        host.advance_ms(12000)
        assert task.status == "done", task.error
        assert len(stopped) == 1 and 16.0 <= stopped[0] <= 16.0 + tick_beats, stopped


def test_action_after_a_lookahead_wake_waits_for_the_bar():
    host, script = host_with(jitter=0)
    seen = first_write_beats(script)
    host.advance_ms(300)
    task = script.start_macro("(do (wait-next-bar) (tempo 120))")
    host.advance_ms(3000)
    assert task.status == "done"
    assert seen[0] >= 4.0


def test_ramp_ends_exactly_on_target():
    host, script = host_with()
    task = script.start_macro('(volume (track "Bass") (ramp 0.2 :beats 2))')
    assert task.status == "done", task.error
    vol = host.song.tracks[2].mixer_device.volume
    host.advance_ms(500)
    assert 0.2 < vol.value < 0.85
    host.advance_ms(2000)
    assert vol.value == 0.2


def test_tempo_ramp_and_replacement():
    host, script = host_with()
    script.start_macro("(tempo (ramp 140 :ms 1000))")
    host.advance_ms(300)
    script.start_macro("(tempo (ramp 100 :ms 500))")   # replaces the first glide
    host.advance_ms(2000)
    assert host.song.tempo == 100.0


def test_par_of_ramps_finishes_when_the_ramps_do():
    """A crossfade then a message: the message comes when both glides have ended, not at once."""
    host, script = host_with(jitter=0)
    clock = script.live.clock
    said = []
    script.live.show = lambda text: said.append((text, clock.played_beats()))
    task = script.start_macro('(par (volume (track "Keys") (ramp 0 :bars 2)) (volume (track "Bass") (ramp 1 :bars 1)))'
                              ' (message "crossfaded")')
    host.advance_ms(1500)
    assert said == [] and task.status == "waiting"
    host.advance_ms(4000)
    assert task.status == "done", task.error
    assert said and said[0][0] == "crossfaded" and 8.0 <= said[0][1] <= 8.1, said
    assert host.song.tracks[3].mixer_device.volume.value == 0.0


def test_a_glide_is_waitable_and_says_what_it_is():
    host, script = host_with(jitter=0)
    session = script.session
    task = script.start_macro('(def g (volume (track "Keys") (ramp 0.2 :beats 2))) (wait-for g)')
    host.advance_ms(100)
    assert session.describe(session.globals["g"]) == '#<glide Track Volume of track "Keys" -> 0.2>'
    assert task.status == "waiting"
    host.advance_ms(1500)
    assert task.status == "done" and task.value == 0.2
    assert session.describe(session.globals["g"]) == '#<glide Track Volume of track "Keys" -> 0.2, done>'
    done = script.start_macro("(wait-for g)")          # an ended glide needs no wait
    assert done.status == "done" and done.value == 0.2
    # a glide taken over by a plain write ends there, so whoever waits on it goes on
    task = script.start_macro('(def h (volume (track "Keys") (ramp 1 :bars 4))) (wait-for h) :after')
    host.advance_ms(200)
    script.start_macro('(volume (track "Keys") 0.5)')
    host.advance_ms(200)
    assert task.status == "done" and task.value.name == "after"


def test_par_waits_for_a_list_of_glides():
    host, script = host_with(jitter=0)
    task = script.start_macro('(par (map (fn (t) (volume t (ramp 0.1 :bars 1))) [(track "Keys") (track "Bass")]) 1)'
                              ' :after')
    host.advance_ms(1000)
    assert task.status == "waiting"
    host.advance_ms(2000)
    assert task.status == "done" and task.value.name == "after"
