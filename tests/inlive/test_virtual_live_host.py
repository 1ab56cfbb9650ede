"""VirtualHost runs a Remote Script as Live does: load, update_display, Timer, MIDI, disconnect."""
import pytest

from lmac.surface.virtual_live import DEMO_SET, install_live_module
from lmac.surface.virtual_live.host import VirtualHost

Live = install_live_module()
PROBE = "lmac.surface.virtual_live.probe_script"


def test_probe_script_loads_ticks_and_disconnects():
    host = VirtualHost(PROBE, set_path=DEMO_SET)
    probe = host.script
    assert host.messages == [(0.0, "probe loaded")]
    assert host.log[0] == (0.0, "RemoteScriptMessage: probe: 5 tracks")
    assert host.midi_map_builds == 1
    host.advance_ms(1000)
    assert probe.display_calls == 10 and probe.timer_calls == 100 and host.now_ms == 1000.0
    host.song.tempo = 99.0
    assert probe.tempo_changes == 1
    start = host.listener_count()
    host.disconnect()
    assert host.listener_count() == start - 1 == 0
    host.advance_ms(1000)
    assert probe.display_calls == 10 and probe.timer_calls == 100


def test_only_forwarded_midi_and_sysex_reach_the_script():
    host = VirtualHost(PROBE)
    host.advance_ms(30)
    host.send_midi_in((0x90, 36, 100))
    host.send_midi_in((0x90, 60, 100))      # not forwarded
    host.send_midi_in((0xB0, 7, 64))        # not forwarded
    host.send_midi_in((0xF0, 0x7E, 0x01, 0xF7))
    assert host.script.received == [(0x90, 36, 100), (0xF0, 0x7E, 0x01, 0xF7)]
    assert host.midi_out == [(30.0, (0x90, 36, 100)), (30.0, (0xF0, 0x7E, 0x01, 0xF7))]
    assert [m for _t, m in host.midi_ignored] == [(0x90, 60, 100), (0xB0, 7, 64)]


class Fixture(object):
    """A small script exercising the c_instance rules."""

    def __init__(self, c_instance):
        self.c = c_instance
        self.song = c_instance.song()
        self.maps = 0
        self.param = self.song.tracks[0].mixer_device.volume
        self.handle_seen = None
        self.fired = []
        self.one_shot = Live.Base.Timer(lambda: self.fired.append(Live.Application.get_application()
                                                                  .get_document() == self.song), 250)

    def build_midi_map(self, handle):
        self.maps += 1
        self.handle_seen = handle
        Live.MidiMap.map_midi_cc(handle, self.param, 0, 7, Live.MidiMap.MapMode.absolute, True)
        Live.MidiMap.forward_midi_cc(self.c.handle(), handle, 1, 20)

    def receive_midi(self, midi_bytes):
        if midi_bytes[1] == 20:
            self.c.request_rebuild_midi_map()
            self.song.tempo = 100.0  # receive_midi may change the set
        if midi_bytes[1] == 21:
            raise ValueError("boom")

    def update_display(self):
        pass

    def disconnect(self):
        pass


class FixtureScript(object):
    create_instance = staticmethod(Fixture)


def test_c_instance_rules_and_midi_map():
    host = VirtualHost(FixtureScript)
    script = host.script
    assert script.maps == 1
    with pytest.raises(TypeError):
        script.c.send_midi([0x90, 1, 1])
    with pytest.raises(RuntimeError):  # handles are only valid inside build_midi_map
        Live.MidiMap.forward_midi_note(script.c.handle(), script.handle_seen, 0, 1)
    host.send_midi_in((0xB0, 7, 0))  # mapped: Live moves the parameter itself
    assert script.param.value == 0.0
    host.send_midi_in((0xB1, 20, 1))
    assert host.song.tempo == 100.0 and script.maps == 2
    host.send_midi_in((0xB1, 21, 1))  # not forwarded: ignored
    assert not host.errors


def test_script_errors_are_logged_and_timers_stop_on_error():
    host = VirtualHost(FixtureScript)
    host.script.one_shot.start()
    assert not host.is_idle()
    host.run_until_idle()
    assert host.script.fired == [True] and not host.script.one_shot.running
    calls = []

    def bad():
        calls.append(1)
        raise KeyError("x")
    timer = Live.Base.Timer(bad, 10, repeat=True, start=True)
    host.advance_ms(100)
    assert calls == [1] and not timer.running
    assert any("Timer callback failed" in line for _t, line in host.log)


def test_timer_jitter_is_seeded():
    def firings(seed):
        host = VirtualHost(FixtureScript, seed=seed, timer_jitter_ms=5)
        times = []
        Live.Base.Timer(lambda: times.append(host.now_ms), 10, repeat=True, start=True)
        host.advance_ms(200)
        return times
    a, b, c = firings(1), firings(1), firings(2)
    assert a == b and a != c
    assert all(10 <= later - earlier <= 15 for earlier, later in zip([0.0] + a, a))


def test_reload_keeps_listener_counts_balanced():
    host = VirtualHost(PROBE, set_path=DEMO_SET)
    base = host.listener_count() - 1  # the probe holds one tempo listener
    host.disconnect()
    for _ in range(3):
        host2 = VirtualHost(PROBE, set_path=DEMO_SET)
        host2.advance_ms(500)
        host2.disconnect()
        assert host2.listener_count() == base == 0


class PrefsUser(object):
    def __init__(self, c_instance):
        self.prefs = c_instance.preferences("lmac")
        self.loaded = bytes(self.prefs)
        self.prefs.set_serializer(lambda: b"saved")


class PrefsScript(object):
    create_instance = staticmethod(PrefsUser)


def test_preferences_are_saved_on_disconnect():
    host = VirtualHost(PrefsScript)
    assert host.script.loaded == b""
    host.disconnect()
    assert bytes(host.preferences["lmac"]) == b"saved"
