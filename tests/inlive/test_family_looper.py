"""Looper actions through virtual Live: the buttons move the "State" parameter on every Live
version (as ClyphX does); clear, undo and the loop length use LooperDevice (Live 12.1+)."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


def with_looper(version="12.3"):
    env = Env(version)
    env.run('(select (track "Vox")) (add-device "Looper") (play)')
    return env, env.device("Vox", "Looper")


def state(env, looper):
    return env.param(looper, "State").value


@pytest.mark.parametrize("version", ["11.3", "12.0", "12.3"])
def test_buttons_move_the_state_parameter_on_every_version(version):
    env, looper = with_looper(version)
    env.run("(looper :record)")
    assert state(env, looper) == 1.0
    assert env.run("(looper-state)").name == "record"
    env.run("(looper :overdub)")
    assert state(env, looper) == 2.0 + 1.0
    env.run("(looper :play) (looper-reverse)")
    assert state(env, looper) == 2.0 and env.param(looper, "Reverse").value == 1.0
    env.run("(looper-reverse) (looper (track \"Vox\") :stop)")
    assert env.param(looper, "Reverse").value == 0.0 and state(env, looper) == 0.0


def test_recording_measures_the_loop():
    env, looper = with_looper()
    assert type(looper).__name__ == "LooperDevice"
    env.run("(looper :record) (wait-bars 2) (looper :play)")
    assert abs(env.run("(looper-length)") - 8.0) < 0.1        # two bars of 4/4, to the tick
    env.run("(looper-double-length)")
    assert abs(looper.loop_length - 16.0) < 0.2
    env.run("(looper-half-length) (looper-half-length)")
    assert abs(looper.loop_length - 4.0) < 0.1
    env.run("(looper-clear)")
    assert looper.loop_length == 0.0 and state(env, looper) == 0.0


def test_a_fixed_record_length_sets_the_loop():
    env, looper = with_looper()
    looper.record_length_index = 2          # "2 Bars"
    env.run("(looper :record) (wait-beats 1) (looper :overdub)")
    assert looper.loop_length == 8.0


def test_speed_goes_by_octaves_within_range():
    env, looper = with_looper()
    env.run("(looper-double-speed) (looper-double-speed) (looper-double-speed)")
    assert env.param(looper, "Speed").value == 36.0
    with pytest.raises(LmacError) as e:
        env.run("(looper-double-speed)")
    assert "outside -36..36" in str(e.value)
    env.run("(looper-half-speed)")
    assert env.param(looper, "Speed").value == 24.0


def test_before_12_1_the_looper_is_a_plain_device():
    env, looper = with_looper("12.0")
    assert type(looper).__name__ == "Device" and not hasattr(looper, "loop_length")
    with pytest.raises(LmacError) as e:
        env.run("(looper-clear)")
    assert "needs Live 12.1 or newer" in str(e.value)


def test_looper_errors():
    env = Env()
    with pytest.raises(LmacError) as e:
        env.run('(looper (track "Keys") :record)')
    assert 'found no Looper on "Keys"' in str(e.value) and '(add-device "Looper")' in str(e.value)
    env, looper = with_looper()
    with pytest.raises(LmacError) as e:
        env.run("(looper :rec)")
    assert ("looper: the Looper state must be :stop, :record, :play or :overdub, got :rec; did you mean :record?"
            in str(e.value))


def test_export_to_clip_slot_makes_an_audio_clip():
    env, looper = with_looper()
    env.run("(looper :record) (wait-bars 1) (looper :play)")
    slot = env.slot("Vox", 2)
    looper.export_to_clip_slot(slot)
    assert slot.has_clip and slot.clip.is_audio_clip and abs(slot.clip.length - 4.0) < 0.1
    with pytest.raises(RuntimeError):
        looper.export_to_clip_slot(slot)
    with pytest.raises(RuntimeError):
        looper.export_to_clip_slot(env.slot("Keys", 4))
