"""Bindings through the virtual host: MIDI in, macros inside receive_midi, gestures, layers,
sequences, chords, encoders, LEDs out and Live's own parameter mappings."""
import os

import pytest

from lmac.surface import midi
from lmac.surface.bindings import testbed
from lmac.surface.virtual_live import VirtualHost


def current_song():
    import Live
    return Live.Application.get_application().get_document()


def make_host(tmp_path, init_text, repl=False):
    ul = tmp_path / "UL"
    (ul / "lmac" / "lib").mkdir(parents=True)
    (ul / "lmac" / "init.lmac").write_text(init_text)
    hits = []

    def setup(session):
        def set_tempo(bpm):
            current_song().tempo = bpm
        session.define_builtin("set-tempo!", set_tempo, (1, 1))
        session.define_builtin("tempo?", lambda: current_song().tempo, (0, 0))
        session.define_builtin("hit!", lambda *xs: hits.append(list(xs)), (0, None))
        session.define_builtin("volume-param", lambda: current_song().tracks[0].mixer_device.volume, (0, 0))
    testbed.configure(user_library=str(ul), setup=setup, repl=repl)
    host = VirtualHost(testbed)
    host.hits = hits
    host.ul = str(ul)
    return host


def lmac_log(host):
    return [line for _, line in host.log if "lmac:" in line]


def test_pad_press_runs_inside_receive_midi_as_one_undo_step(tmp_path):
    host = make_host(tmp_path, "(bind (note 36) (set-tempo! 128) (set-tempo! 130))")
    host.send_midi_in((0x90, 36, 100))
    assert host.song.tempo == 130           # no tick passed
    host.song.undo()
    assert host.song.tempo == 120            # both changes were one undo step


def test_release_gesture_and_velocity_zero_note_on(tmp_path):
    host = make_host(tmp_path, "(bind (note 36) :release (hit! :up))\n(bind (note 36) (fn (v) (hit! v)))")
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == [[1.0]]
    host.send_midi_in((0x90, 36, 0))        # note-on with velocity 0 is a release
    assert host.hits[-1][0].name == "up"
    host.send_midi_in((0x90, 36, 127))
    host.send_midi_in((0x80, 36, 64))
    assert len(host.hits) == 4


def test_hold_fires_only_when_held_long_enough(tmp_path):
    host = make_host(tmp_path, "(bind (note 40) :hold (hit! :hold))\n(bind (note 41) :hold :hold-ms 1000 (hit! 41))")
    host.send_midi_in((0x90, 40, 127))
    host.advance_ms(200)
    host.send_midi_in((0x80, 40, 0))
    host.advance_ms(1000)
    assert host.hits == []
    host.send_midi_in((0x90, 40, 127))
    host.advance_ms(600)
    assert len(host.hits) == 1
    host.send_midi_in((0x90, 41, 127))
    host.advance_ms(600)
    assert len(host.hits) == 1
    host.advance_ms(500)
    assert host.hits[-1] == [41]


def test_double_press(tmp_path):
    host = make_host(tmp_path, "(bind (note 42) :double (hit! :double))")
    for gap in (400, 100):
        host.send_midi_in((0x90, 42, 127))
        host.send_midi_in((0x80, 42, 0))
        host.advance_ms(gap)
    host.send_midi_in((0x90, 42, 127))
    assert len(host.hits) == 1     # the first pair was 400 ms apart; the second 100 ms
    host.advance_ms(100)
    host.send_midi_in((0x90, 42, 127))
    assert len(host.hits) == 1     # a third press starts a new pair


def test_cc_absolute_relative_and_pitch_bend(tmp_path):
    host = make_host(tmp_path, """
(bind (cc 21) (fn (v) (hit! :abs v)))
(bind (cc 22 :relative) (fn (d clicks) (hit! :rel clicks)))
(bind (cc 23 :relative-signed-bit) (fn (d clicks) (hit! :sb clicks)))
(bind (cc 24 :relative-binary-offset) (fn (d clicks) (hit! :bo d)))
(bind (pitch-bend) (fn (b) (hit! :pb b)))""")
    host.send_midi_in((0xB0, 21, 127))
    host.send_midi_in((0xB0, 22, 127))
    host.send_midi_in((0xB0, 22, 3))
    host.send_midi_in((0xB0, 23, 0x42))
    host.send_midi_in((0xB0, 24, 65))
    host.send_midi_in((0xE0, 0, 0))
    host.send_midi_in((0xE0, 0x7F, 0x7F))
    host.send_midi_in((0xE0, 0, 0x40))
    values = [h[1] for h in host.hits]
    assert values == [1.0, -1, 3, -2, 1 / 127.0, -1.0, 1.0, 0.0]


def test_channels_default_explicit_and_any(tmp_path):
    host = make_host(tmp_path, "(bind (note 36) (hit! 1))\n(bind (note 36 :ch 10) (hit! 10))\n"
                               "(bind (note 37 :ch :any) (hit! :any))")
    host.send_midi_in((0x91, 36, 127))          # channel 2: not forwarded at all
    assert host.hits == [] and host.midi_ignored
    host.send_midi_in((0x99, 36, 127))
    host.send_midi_in((0x90, 36, 127))
    host.send_midi_in((0x9F, 37, 127))
    assert [h[0] for h in host.hits[:2]] == [10, 1] and len(host.hits) == 3


def test_layer_shadows_outside_bindings_while_held(tmp_path):
    host = make_host(tmp_path, """
(bind (note 36) (hit! :plain))
(layer :shift (note 98)
  (bind (note 36) (hit! :shifted)))""")
    host.send_midi_in((0x90, 36, 127))
    host.send_midi_in((0x90, 98, 127))
    host.send_midi_in((0x90, 36, 127))
    host.send_midi_in((0x80, 98, 0))
    host.send_midi_in((0x90, 36, 127))
    assert [h[0].name for h in host.hits] == ["plain", "shifted", "plain"]


def test_pad_sequence_in_order_within_the_timeout(tmp_path):
    host = make_host(tmp_path, "(bind (pads 36 37 38) (hit! :seq))")
    for n in (36, 38, 37):
        host.send_midi_in((0x90, n, 127))
    assert host.hits == []
    for n in (36, 37):
        host.send_midi_in((0x90, n, 127))
    host.advance_ms(1500)
    host.send_midi_in((0x90, 38, 127))
    assert host.hits == []                      # too slow
    for n in (36, 37, 38):
        host.send_midi_in((0x90, n, 127))
        host.advance_ms(100)
    assert len(host.hits) == 1


def test_chord_fires_once_while_held(tmp_path):
    host = make_host(tmp_path, "(bind (chord (note 36) (note 40)) (hit! :chord))")
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == []
    host.send_midi_in((0x90, 40, 127))
    assert len(host.hits) == 1
    host.send_midi_in((0x80, 40, 0))
    host.send_midi_in((0x90, 40, 127))
    assert len(host.hits) == 2


def test_leds_follow_the_set_and_send_only_changes(tmp_path):
    host = make_host(tmp_path, """
(defsurface "Test pads" :channel 1 :palette {:red 5 :green 21})
(bind (note 36) (set-tempo! 140))
(led (note 36) (if (> (tempo?) 130) :red :green))
(led (cc 20) (> (tempo?) 130))""")
    host.advance_ms(300)
    assert [m for _, m in host.midi_out] == [(0x90, 36, 21), (0xB0, 20, 0)]
    host.send_midi_in((0x90, 36, 127))
    host.advance_ms(300)
    assert [m for _, m in host.midi_out][2:] == [(0x90, 36, 5), (0xB0, 20, 127)]
    host.song.tempo = 100                      # a change from elsewhere shows within a refresh
    host.advance_ms(300)
    assert [m for _, m in host.midi_out][4:] == [(0x90, 36, 21), (0xB0, 20, 0)]


def test_led_error_is_reported_once_and_the_led_goes_dark(tmp_path):
    host = make_host(tmp_path, "(led (note 36) (no-such-thing))")
    host.advance_ms(1000)
    errors = [l for l in lmac_log(host) if "no-such-thing" in l]
    assert len(errors) == 1 and "init.lmac:1:" in errors[0]
    assert [m for _, m in host.midi_out] == [(0x90, 36, 0)]


def test_map_param_uses_lives_own_mapping(tmp_path):
    host = make_host(tmp_path, "(map-param (cc 23) (volume-param))")
    volume = host.song.tracks[0].mixer_device.volume
    host.send_midi_in((0xB0, 23, 127))
    assert volume.value == volume.max          # Live moved it; the script saw nothing
    host.send_midi_in((0xB0, 23, 0))
    assert volume.value == volume.min


def test_errors_in_a_bound_macro_are_reported_with_positions(tmp_path):
    host = make_host(tmp_path, "(bind (note 36)\n  (hit! 1)\n  (undefined-action))")
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == [[1]]
    assert any("init.lmac:3:" in l and "undefined-action" in l for l in lmac_log(host))


def test_bind_from_the_repl_changes_the_live_table(tmp_path):
    host = make_host(tmp_path, "")
    session = host.script.session
    session.eval("(bind (note 50) (hit! 50))")
    host.advance_ms(100)                        # Live rebuilds the MIDI map after the next callback
    host.send_midi_in((0x90, 50, 127))
    assert host.hits == [[50]]
    assert "bind (note 50 :ch 1)" in session.eval("(bindings)")


def test_bad_declarations_name_the_problem(tmp_path):
    host = make_host(tmp_path, "(bind (note 200) (hit!))")
    assert any("init.lmac:1:" in l and "from 0 to 127" in l for l in lmac_log(host))
    host = make_host(tmp_path / "b", "(bind (cc 21) :hold (hit!))")
    assert any(":hold only applies to notes" in l for l in lmac_log(host))


def test_midi_helpers():
    assert midi.parse_midi_arg("800:80 24 00") == (800.0, (0x80, 0x24, 0))
    assert midi.parse_midi_arg("0:90247F") == (0.0, (0x90, 0x24, 0x7F))
    with pytest.raises(ValueError):
        midi.parse_midi_arg("90 24 7F")
    with pytest.raises(ValueError):
        midi.parse_hex("1FF")
    assert midi.relative_steps("relative-signed-bit-2", 0x41) == 1
    assert midi.relative_steps("relative-signed-bit-2", 1) == -1
    assert midi.parse((0x90, 36, 0)).kind == midi.NOTE_OFF
    assert "note-on ch1 36 vel 127" in midi.describe((0x90, 36, 127))


def test_disconnect_turns_leds_off_and_releases_everything(tmp_path):
    host = make_host(tmp_path, "(defsurface \"X\" :exit \"F0 7E F7\")\n(led (note 36) :on)")
    host.advance_ms(200)
    host.disconnect()
    assert [m for _, m in host.midi_out][-2:] == [(0x90, 36, 0), (0xF0, 0x7E, 0xF7)]
    assert host.listener_count() == 0


def test_many_leds_share_one_budget_per_tick_and_each_gets_its_turn(tmp_path, monkeypatch):
    """LEDs together get one budget per tick (issue 9: per-tick work is bounded); those not reached
    go first on the next tick. With no budget at all, each tick evaluates exactly one LED."""
    from lmac.surface.bindings import component
    monkeypatch.setattr(component, "LED_TICK_BUDGET_S", 0.0)
    per_refresh = []
    refresh = component.BindingsComponent.refresh_leds

    def counted(self):
        before = len(host.hits)
        refresh(self)
        per_refresh.append(len(host.hits) - before)
    monkeypatch.setattr(component.BindingsComponent, "refresh_leds", counted)
    host = make_host(tmp_path, "\n".join("(led (note %d) (do (hit! %d) :on))" % (n, n) for n in range(40, 50)))
    host.advance_ms(1500)                                        # this testbed ticks every 100 ms
    evaluated = [h[0] for h in host.hits]
    assert per_refresh and max(per_refresh) == 1                 # one LED per tick, the rest waits
    assert evaluated[:10] == list(range(40, 50))                 # round-robin: every LED in turn
    lit = set(m[1] for _, m in host.midi_out if m[0] == 0x90)
    assert lit == set(range(40, 50))
