import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


@pytest.fixture
def env():
    return Env()


def test_volume_pan_send_set_and_read(env):
    env.run('(volume (track "Bass") 0.5)')
    env.run('(pan (track "Bass") -0.3)')
    env.run('(send (track "Vox") "A" 0.4)')
    env.run('(send (track "Vox") "Delay" 0.2)')
    env.run('(send (track "Vox") 2 (by 0.1))')
    mixer = env.track("Bass").mixer_device
    assert mixer.volume.value == 0.5
    assert mixer.panning.value == pytest.approx(-0.3)
    sends = list(env.track("Vox").mixer_device.sends)
    assert sends[0].value == pytest.approx(0.4)
    assert sends[1].value == pytest.approx(0.3)
    assert env.run('(volume (track "Bass"))') == 0.5
    assert env.run('(send (track "Vox") "A")') == pytest.approx(0.4)


def test_volume_on_the_focus_and_many_tracks(env):
    env.run("(volume 0.7)")
    assert env.track("Drums").mixer_device.volume.value == 0.7
    env.run("(volume all 0.2)")
    assert all(t.mixer_device.volume.value == 0.2 for t in env.song.tracks)
    env.run("(volume master 0.6)")
    assert env.song.master_track.mixer_device.volume.value == 0.6


def test_value_forms(env):
    before = env.track("Keys").mixer_device.volume.value
    env.run('(volume (track "Keys") (by -0.05))')
    assert env.track("Keys").mixer_device.volume.value == pytest.approx(before - 0.05)
    env.run('(volume (track "Keys") :reset)')
    assert env.track("Keys").mixer_device.volume.value == pytest.approx(0.85)
    env.run('(pan (track "Keys") (random -0.5 0.5))')
    assert -0.5 <= env.track("Keys").mixer_device.panning.value <= 0.5


def test_out_of_range_error_speaks_musician(env):
    with pytest.raises(LmacError) as e:
        env.run('(volume (track "Bass") 1.5)')
    assert "volume: the level must be a number from 0.0 to 1.0, got 1.5; usage: (volume target? level?)" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(send (track "Bass") "F" 0.5)')
    assert 'send: there is no send "F"; the set has 2 return tracks: A Reverb, B Delay' in str(e.value)


def test_ramp_over_bars_lands_exactly(env):
    env.run("(play)")
    env.run('(volume (track "Bass") (ramp 0.25 :bars 2))')
    vol = env.track("Bass").mixer_device.volume
    env.run("(wait-bars 1)")
    assert 0.25 < vol.value < 0.85
    env.run("(wait-bars 1) (wait 100)")
    assert vol.value == 0.25


def test_ramp_over_ms_lands_exactly(env):
    env.run('(pan (track "Bass") (ramp 1.0 :ms 500))')
    pan = env.track("Bass").mixer_device.panning
    env.run("(wait 250)")
    assert 0.0 < pan.value < 1.0
    env.run("(wait 300)")
    assert pan.value == 1.0


def test_crossfade_crossfader_cue(env):
    env.run('(crossfade-assign (track "Keys") :a)')
    assert int(env.track("Keys").mixer_device.crossfade_assign) == 0
    env.run('(crossfade-assign (track "Keys") :b)')
    assert int(env.track("Keys").mixer_device.crossfade_assign) == 2
    env.run("(crossfader -1.0)")
    assert env.song.master_track.mixer_device.crossfader.value == -1.0
    env.run("(cue-volume 0.7)")
    assert env.song.master_track.mixer_device.cue_volume.value == 0.7
    with pytest.raises(LmacError) as e:
        env.run('(crossfade-assign (track "Keys") :c)')
    assert "crossfade-assign: the crossfader side must be :a, :none, :off or :b, got :c" in str(e.value)


def test_split_pan_panning_mode_mute_sends_reset(env):
    env.run('(split-pan (track "Keys") -1.0 0.2)')
    mixer = env.track("Keys").mixer_device
    assert int(mixer.panning_mode) == 1
    assert mixer.left_split_stereo.value == -1.0 and mixer.right_split_stereo.value == pytest.approx(0.2)
    env.run('(panning-mode (track "Keys") :stereo)')
    assert int(mixer.panning_mode) == 0
    env.run('(send (track "Keys") "A" 0.5) (send (track "Keys") "B" 0.5) (mute-sends (track "Keys"))')
    assert [s.value for s in mixer.sends] == [0.0, 0.0]
    env.run('(volume (track "Keys") 0.1) (pan (track "Keys") 0.9) (send (track "Keys") "A" 0.5)')
    env.run('(reset-mixer (track "Keys"))')
    assert mixer.volume.value == pytest.approx(0.85) and mixer.panning.value == 0.0
    assert mixer.sends[0].value == 0.0



def test_volume_in_db_as_live_shows_it(env):
    """ClyphX users think in dB: (db -6) is the value Live displays as -6.0 dB."""
    fader = env.track("Keys").mixer_device.volume
    for level in (-6, 0, 6, -12, -30):
        env.run('(volume (track "Keys") (db %d))' % level)
        assert fader.str_for_value(fader.value) == "%.1f dB" % level
    env.run('(volume (track "Keys") (db 0))')
    assert fader.value == pytest.approx(0.85, abs=1e-6)
    env.run('(volume (track "Keys") (db -6))')
    assert fader.value == pytest.approx(0.70, abs=1e-6)
    with pytest.raises(LmacError) as info:
        env.run('(volume (track "Keys") (db 7))')
    assert info.value.message == 'volume: (db 7) is outside -inf..6 dB for Track Volume of track "Keys"'
    with pytest.raises(LmacError) as info:
        env.run('(pan (track "Keys") (db -3))')
    assert info.value.message.startswith("pan: (db -3) needs a parameter Live shows in dB; Track Panning")


def test_percent_and_midi_value_of_a_range(env):
    """ClyphX and controllers count parameters 0..127; people also say 'half way' (50 %)."""
    env.run('(set-param (param (device (track "Bass") "Saturator") "Drive") (percent 75))')
    drive = [p for p in env.device("Bass", "Saturator").parameters if p.name == "Drive"][0]
    assert drive.value == pytest.approx(drive.min + 0.75 * (drive.max - drive.min))
    env.run('(pan (track "Bass") (midi-value 127))')
    assert env.track("Bass").mixer_device.panning.value == pytest.approx(1.0)
    env.run('(pan (track "Bass") (midi-value 0))')
    assert env.track("Bass").mixer_device.panning.value == pytest.approx(-1.0)
    for bad, message in (("(percent 120)", "percent expects a number from 0 to 100, got the number 120"),
                         ("(midi-value 128)", "midi-value expects a number from 0 to 127, got the number 128"),
                         ('(db "loud")', 'db expects a level in dB, like -6, got the text "loud"'),
                         ("(db (- 1e999 1e999))", "db expects a level in dB, like -6, got the number NaN")):
        with pytest.raises(LmacError) as info:
            env.run(bad)
        assert info.value.message == message


def test_virtual_live_shows_the_fader_as_live_does():
    """Published observations of Live's fader (surface/virtual_live/fader.py): 1.0 is +6 dB, 0.85 is
    0 dB, 0.55 is -12 dB, 0.001154 is -69.5 dB, the quietest level shown before -inf."""
    from lmac.surface.virtual_live.fader import fader_text
    assert [fader_text(v) for v in (1.0, 0.85, 0.55, 0.001154, 0.0)] == [
        "6.0 dB", "0.0 dB", "-12.0 dB", "-69.5 dB", "-inf dB"]
