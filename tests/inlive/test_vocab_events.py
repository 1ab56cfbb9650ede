"""Events and triggers: (on ...), wait-for on clip and scene events, and clip / scene / locator names
that are lmac forms. Listener work starts on the next tick, never inside Live's notification
(virtual Live raises if a listener writes, and the host would log it)."""
from lmac.commands.run import start_host


def started():
    host, script = start_host(jitter_ms=2.0, seed=3)
    return host, script


def no_script_errors(host):
    return not host.errors and not any("RemoteScriptError" in line for _, line in host.log)


def test_clip_name_trigger_runs_on_the_next_tick():
    host, script = started()
    song = host.song
    clip = song.tracks[1].clip_slots[0].clip
    clip.name = "(seq (tempo 124) (metronome on))"
    seen = []
    song.tracks[1].add_playing_slot_index_listener(lambda: seen.append((script.ticks, song.tempo)))
    script.start_macro("(fire (clip 2 1))")
    host.advance_ms(500)
    assert seen and seen[0][1] == 122.0         # not inside the notification
    assert song.tempo == 124.0 and song.metronome
    assert no_script_errors(host)


def test_clip_name_stop_part_runs_when_the_clip_stops():
    """ClyphX's X-Clip stop list: the forms after a top-level :stop run when the clip stops."""
    host, script = started()
    song = host.song
    clip = song.tracks[1].clip_slots[0].clip
    clip.name = '(metronome on) :stop (metronome off) (tempo 90)'
    script.start_macro("(fire (clip 2 1))")
    host.advance_ms(500)
    assert song.metronome and song.tempo == 122.0     # the start part only
    script.start_macro("(stop-clips (track 2))")
    host.advance_ms(3000)
    assert not song.metronome and song.tempo == 90.0
    clip.name = '(tempo (by 10))'                     # no :stop: nothing runs when it stops
    script.start_macro("(fire (clip 2 1))")
    host.advance_ms(3000)
    script.start_macro("(stop-clips (track 2))")
    host.advance_ms(3000)
    assert song.tempo == 100.0
    assert no_script_errors(host)


def test_scene_name_and_locator_triggers():
    host, script = started()
    song = host.song
    song.scenes[1].name = "(metronome on)"
    song.cue_points[1].name = "(tempo 100)"         # Verse, at beat 16
    script.start_macro("(do (play) (wait 500) (launch-scene (scene 2)))")   # launched on the next bar
    host.advance_ms(3000)
    assert song.metronome
    assert song.tempo == 122.0
    host.advance_ms(6000)                          # past beat 16
    assert song.tempo == 100.0
    assert no_script_errors(host)


def test_scene_launched_at_once_still_runs_its_trigger():
    host, script = started()
    song = host.song
    song.scenes[2].name = "(metronome on)"
    assert not song.is_playing
    script.start_macro("(launch-scene (scene 3) :quantize :none)")   # stopped: launches at once
    host.advance_ms(100)
    assert song.is_playing and song.metronome
    assert no_script_errors(host)


def test_on_handlers_and_wait_for():
    host, script = started()
    song = host.song
    script.start_macro('(on :tempo-change (name (track "Bass") (str "T" (tempo))))')
    script.start_macro("(on :startup (create-scene))")
    waiter = script.start_macro('(do (wait-for (clip-starts (clip 2 1))) (name (track "Keys") "started"))')
    scene_waiter = script.start_macro('(do (wait-for (scene-launches (scene 3))) (mute (track 4)))')
    host.advance_ms(50)
    assert len(song.scenes) == 5
    script.start_macro("(tempo 130)")
    host.advance_ms(50)
    assert song.tracks[2].name == "T130.0"
    script.start_macro("(fire (clip 2 1))")
    host.advance_ms(200)
    assert waiter.status == "done" and song.tracks[3].name == "started", waiter.error
    script.start_macro("(launch-scene (scene 3))")
    host.advance_ms(3000)
    assert scene_waiter.status == "done" and song.tracks[3].mute
    assert no_script_errors(host)


def test_disconnect_releases_listeners_and_timer():
    host, script = started()
    before_script = host.listener_count()
    assert before_script > 0
    host.disconnect()
    assert host.listener_count() == 0
    assert script._timer is None
