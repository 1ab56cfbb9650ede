"""The controller profiles in stdlib_macros/surfaces: press their pads in virtual Live and check
the set change and the LED MIDI they send (colours from each maker's published palette)."""
from test_bindings import make_host


def outs(host):
    return [m for _, m in host.midi_out]


def test_launchpad_x_programmer_mode_grid_and_palette(tmp_path):
    host = make_host(tmp_path, """
(use-surface "launchpad-x")
(bind (note (grid 1 1)) (set-tempo! 125))
(bind (cc (top-button 1)) (fn (v) (hit! :up v)))
(led (note (grid 1 1)) (if (> (tempo?) 124) :green :red))""")
    host.advance_ms(200)
    assert outs(host)[:2] == [(0xF0, 0x00, 0x20, 0x29, 0x02, 0x0C, 0x0E, 0x01, 0xF7), (0x90, 11, 5)]
    host.send_midi_in((0x90, 11, 127))             # bottom-left pad in Programmer mode
    host.send_midi_in((0xB0, 91, 127))             # the up arrow
    host.advance_ms(200)
    assert host.song.tempo == 125 and host.hits == [[host.hits[0][0], 1.0]]
    assert outs(host)[-1] == (0x90, 11, 21)
    host.disconnect()
    assert outs(host)[-1] == (0xF0, 0x00, 0x20, 0x29, 0x02, 0x0C, 0x0E, 0x00, 0xF7)


def test_launchpad_mini_mk3_differs_in_device_id(tmp_path):
    host = make_host(tmp_path, '(use-surface "launchpad-mini-mk3")\n(led (note (grid 8 8)) :blue)')
    host.advance_ms(200)
    assert outs(host) == [(0xF0, 0x00, 0x20, 0x29, 0x02, 0x0D, 0x0E, 0x01, 0xF7), (0x90, 88, 45)]


def test_apc_mini_grid_faders_and_shift_layer(tmp_path):
    host = make_host(tmp_path, """
(use-surface "apc-mini")
(bind (note (grid 1 1)) (set-tempo! 100))
(bind (note (grid 8 8)) (hit! :top-right))
(bind (cc (fader 9)) (fn (v) (hit! :master v)))
(layer :shift (note shift-button)
  (bind (note (grid 1 1)) (set-tempo! 140)))
(led (note (grid 1 1)) (if (> (tempo?) 120) :red :green))
(led (note (track-button 1)) :on)""")
    host.advance_ms(200)
    assert outs(host) == [(0x90, 0, 1), (0x90, 64, 1)]
    host.send_midi_in((0x90, 0, 127))
    assert host.song.tempo == 100
    host.send_midi_in((0x90, 98, 127))
    host.send_midi_in((0x90, 0, 127))
    host.send_midi_in((0x80, 98, 0))
    host.send_midi_in((0x90, 63, 127))
    host.send_midi_in((0xB0, 56, 127))
    host.advance_ms(200)
    assert host.song.tempo == 140
    assert [h[0].name for h in host.hits] == ["top-right", "master"]
    assert outs(host)[-1] == (0x90, 0, 3)


def test_generic_profile(tmp_path):
    host = make_host(tmp_path, """
(use-surface "generic")
(bind (note (pad 16)) (set-tempo! 90))
(bind (cc (knob 8)) (fn (v) (hit! v)))
(led (note (pad 1)) :green)""")
    host.advance_ms(200)
    host.send_midi_in((0x90, 51, 127))
    host.send_midi_in((0xB0, 77, 0))
    assert host.song.tempo == 90 and host.hits == [[0.0]]
    assert outs(host) == [(0x90, 36, 127)]
