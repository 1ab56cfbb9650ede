"""Clip envelopes through virtual Live: steps and shapes drawn into session clips, read back with
Live's Envelope.value_at_time, cleared, one undo step each; parameters of another track refused."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


def test_a_step_holds_its_value_and_the_rest_keeps_the_parameters():
    env = Env()
    clip = env.clip("Bass", 2)
    volume = env.track("Bass").mixer_device.volume
    before = volume.value
    env.run('(envelope-step (clip "Bass A") :volume 1 2 0.5)')
    envelope = clip.automation_envelope(volume)
    assert clip.has_envelopes and envelope is not None
    assert [envelope.value_at_time(t) for t in (0.5, 1.0, 2.5, 3.5)] == [before, 0.5, 0.5, before]
    assert env.run('(envelope-value (clip "Bass A") :volume 2)') == 0.5
    assert env.run('(envelope-value (clip "Bass A") :pan 2)') is None


def test_draw_envelope_fills_the_loop_with_a_shape():
    env = Env()
    clip = env.clip("Keys", 1)
    env.run('(draw-envelope (clip "Keys" 1) (param (device (track "Keys") "EQ Eight") "1 Frequency A") '
            ':ramp-up 200 2000 :steps 2)')
    param = [p for p in env.device("Keys", "EQ Eight").parameters if p.name == "1 Frequency A"][0]
    envelope = clip.automation_envelope(param)
    start, end = clip.loop_start, clip.loop_end
    values = [envelope.value_at_time(start + i * 0.5 + 0.25) for i in range(int((end - start) * 2))]
    assert values == sorted(values) and 200 <= values[0] < values[-1] <= 2000
    env.run('(draw-envelope (clip "Keys" 1) :pan :square -0.5 0.5 :cycles 2)')
    pan = clip.automation_envelope(env.track("Keys").mixer_device.panning)
    quarter = (end - start) / 4.0
    assert [pan.value_at_time(start + quarter * k + 0.1) for k in range(4)] == [0.5, -0.5, 0.5, -0.5]


def test_every_shape_stays_between_low_and_high():
    env = Env()
    for shape in ("ramp-up", "ramp-down", "triangle", "sine", "square", "random"):
        env.run('(draw-envelope (clip "Bass A") :volume :%s 0.2 0.6)' % shape)
        envelope = env.clip("Bass", 2).automation_envelope(env.track("Bass").mixer_device.volume)
        values = [envelope.value_at_time(t / 8.0) for t in range(32)]
        assert min(values) >= 0.2 - 1e-9 and max(values) <= 0.6 + 1e-9, shape
        assert max(values) - min(values) > 0.1, shape


def test_clear_one_or_all_and_undo():
    env = Env()
    clip = env.clip("Bass", 2)
    env.run('(envelope-step (clip "Bass A") :volume 0 1 0.3) (envelope-step (clip "Bass A") :pan 0 1 0.2)')
    env.run('(clear-envelope (clip "Bass A") :volume)')
    assert clip.automation_envelope(env.track("Bass").mixer_device.volume) is None
    assert clip.automation_envelope(env.track("Bass").mixer_device.panning) is not None
    env.run('(clear-envelope (clip "Bass A"))')
    assert not clip.has_envelopes
    env.song.undo()
    assert clip.has_envelopes


def test_show_and_hide_the_envelope_box():
    env = Env()
    env.run('(show-envelope (clip "Bass A") :volume)')
    assert env.clip("Bass", 2).view._envelope_shown
    env.run('(hide-envelope (clip "Bass A"))')
    assert not env.clip("Bass", 2).view._envelope_shown


def test_envelope_errors():
    env = Env()
    with pytest.raises(LmacError) as e:
        env.run('(envelope-step (clip "Bass A") :volume 0 1 2)')
    assert "envelope-step: a value for Track Volume must be from 0 to 1, got 2" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(envelope-step (clip "Bass A") (param (device (track "Keys") "EQ Eight") "1 Gain A") 0 1 0)')
    assert "another track" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(draw-envelope (clip "Bass A") :volume :wobble)')
    assert ":ramp-up" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(envelope-step (clip "Bass A") :send-c 0 1 0.5)')
    assert "found no send C" in str(e.value)


def test_virtual_live_envelope_rules():
    env = Env()
    clip = env.clip("Bass", 2)
    volume = env.track("Bass").mixer_device.volume
    envelope = clip.create_automation_envelope(volume)
    with pytest.raises(RuntimeError):
        clip.create_automation_envelope(volume)          # "only if the envelope doesn't exist"
    with pytest.raises(ValueError):
        envelope.insert_step(0.0, 1.0, 1.5)               # outside the parameter's range
    with pytest.raises(TypeError):
        envelope.insert_step("0", 1.0, 0.5)
    envelope.insert_step(0.0, 1.0, 0.25)
    before = volume.value
    assert [(e.time, e.value) for e in envelope.events_in_range(0.0, 1.5)] == [
        (0.0, before), (0.0, 0.25), (1.0, 0.25), (1.0, before)]       # a step: two jumps
    assert envelope.value_at_time(0.5) == 0.25 and envelope.value_at_time(1.5) == before
    envelope.delete_events_in_range(0.0, 2.0)
    assert envelope.value_at_time(0.5) == envelope.value_at_time(3.0)


def test_a_playing_clip_plays_its_envelope_until_a_hand_overrides_it():
    env = Env()
    volume = env.track("Bass").mixer_device.volume
    before = volume.value
    env.run('(envelope-step (clip "Bass A") :volume 2 2 0.5) (fire (clip "Bass A"))')
    env.run('(wait-beats 1)')
    assert volume.value == before and volume.automation_state.name == "playing"
    env.run('(wait-beats 2)')
    assert volume.value == 0.5                                   # beats 2..4 of the clip
    env.run('(wait-beats 2)')
    assert volume.value == before                                # the loop came round
    env.run('(volume (track "Bass") 0.6) (wait-beats 3)')
    assert volume.value == 0.6 and volume.automation_state.name == "overridden"
    volume.re_enable_automation()
    env.run('(wait-beats 4)')
    assert volume.automation_state.name == "playing" and volume.value in (0.5, before)
