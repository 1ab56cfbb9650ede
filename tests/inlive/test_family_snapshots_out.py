import json

import pytest

from lmac.interpreter.values import LmacError
from lmac.surface.virtual_live import save_set
from test_family_support import Env


@pytest.fixture
def env():
    return Env()


def test_snapshot_and_recall_at_once(env):
    env.run('(volume (track "Bass") 0.5) (pan (track "Bass") 0.25) (send (track "Bass") "A" 0.3)')
    env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") -12)')
    env.run('(device-off (device (track "Vox") "Compressor"))')
    assert env.run('(snapshot "verse")') == len(env.song.tracks) + 3
    env.run('(volume (track "Bass") 0.9) (pan (track "Bass") -1.0) (send (track "Bass") "A" 0.0)')
    env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") -30)')
    env.run('(device-on (device (track "Vox") "Compressor")) (mute (track "Bass"))')
    env.run('(recall "verse")')
    mixer = env.track("Bass").mixer_device
    assert (mixer.volume.value, mixer.panning.value, mixer.sends[0].value) == (0.5, 0.25, pytest.approx(0.3))
    assert not env.track("Bass").mute
    comp = env.device("Vox", "Compressor")
    assert env.param(comp, "Threshold").value == -12.0 and comp.parameters[0].value == 0.0
    assert env.run("(snapshots)") == ["verse"]


def test_snapshot_of_some_tracks_and_glide(env):
    env.run("(play)")
    env.run('(volume (track "Keys") 0.2) (snapshot :quiet (track "Keys"))')
    env.run('(volume (track "Keys") 0.8) (volume (track "Bass") 0.6)')
    env.run('(recall :quiet :bars 2)')
    vol = env.track("Keys").mixer_device.volume
    assert vol.value == 0.8                       # the glide starts where it is
    env.run("(wait-bars 1)")
    assert 0.2 < vol.value < 0.8
    env.run("(wait-bars 1) (wait 100)")
    assert vol.value == 0.2
    assert env.track("Bass").mixer_device.volume.value == 0.6   # not in the snapshot


def test_recall_glide_in_ms(env):
    env.run('(pan (track "Keys") 0.0) (snapshot "a" (track "Keys")) (pan (track "Keys") 1.0) (recall "a" :ms 400)')
    pan = env.track("Keys").mixer_device.panning
    env.run("(wait 200)")
    assert 0.0 < pan.value < 1.0
    env.run("(wait 250)")
    assert pan.value == 0.0


def test_snapshots_are_saved_with_the_set(env):
    env.run('(volume (track "Bass") 0.4) (snapshot "drop")')
    data = save_set(env.song)
    assert "drop" in json.loads(data["data"]["lmac.snapshots"])
    again = Env(set_data=data)
    again.run('(volume (track "Bass") 0.9) (recall "drop")')
    assert again.track("Bass").mixer_device.volume.value == 0.4


def test_forget_and_errors(env):
    env.run('(snapshot "x") (snapshot "y") (forget-snapshot "x")')
    assert env.run("(snapshots)") == ["y"]
    with pytest.raises(LmacError) as e:
        env.run('(recall "x")')
    assert 'recall: there is no snapshot "x"; snapshots: "y"' in str(e.value)


def test_message_and_log(env):
    env.run('(message "Drop in" 4 "bars!")')
    assert env.messages[-1] == "Drop in 4 bars!"
    env.run('(log "tempo is" 122)')
    assert env.logs[-1] == "lmac: tempo is 122"


def test_send_midi(env):
    env.run("(send-midi [176 7 100]) (send-cc 1 74 127) (send-note 10 36 127) (send-note-off 10 36) "
            "(send-program 2 12) (send-midi [240 0 32 41 247])")
    assert env.midi == [(176, 7, 100), (176, 74, 127), (153, 36, 127), (137, 36, 0), (193, 12),
                        (240, 0, 32, 41, 247)]
    for code, text in [("(send-midi [60 100])", "status byte (128..255) first"),
                       ("(send-midi [144 300 1])", "MIDI bytes from 0 to 255, got 300"),
                       ("(send-midi [])", "at least one MIDI byte"),
                       ("(send-midi [144 60])", "one message of 3 bytes for status 144, got 2 bytes"),
                       ("(send-midi [192 1 2])", "one message of 2 bytes for status 192, got 3 bytes"),
                       ("(send-cc 17 1 1)", "send-cc: the MIDI channel must be a whole number from 1 to 16, got 17"),
                       ("(send-note 1 128 1)", "the note number must be a whole number from 0 to 127, got 128")]:
        with pytest.raises(LmacError) as e:
            env.run(code)
        assert text in str(e.value)


def test_send_midi_without_an_output(env):
    del env.session.live.send_midi
    with pytest.raises(LmacError) as e:
        env.run("(send-cc 1 1 1)")
    assert "has no MIDI output here" in str(e.value)
