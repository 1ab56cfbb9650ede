"""Simpler actions through virtual Live: the Simplers on the 909 kit's pads hold samples; a Simpler
added from the browser is empty, and Live refuses sample edits on it."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


def kick(env):
    return env.device("Drums", "909 Core Kit").drum_pads[36].chains[0].devices[0]


def test_simpler_is_its_own_lom_class_with_live_enums():
    env = Env()
    simpler = kick(env)
    assert type(simpler).__name__ == "SimplerDevice" and simpler.class_name == "OriginalSimpler"
    import Live
    assert simpler.playback_mode == Live.SimplerDevice.PlaybackMode.classic
    assert list(Live.SimplerDevice.get_available_voice_numbers())[:3] == [1, 2, 3]
    assert "Mode" not in [p.name for p in simpler.parameters]     # a property in Live, not a parameter


def test_modes_voices_and_retrigger():
    env = Env()
    env.run('(simpler-mode (pad-simpler (track "Drums") "Kick") :one-shot)')
    env.run('(slice-mode (pad-simpler (track "Drums") "Kick") :poly)')
    env.run('(simpler-voices (pad-simpler (track "Drums") "Kick") 8)')
    env.run('(simpler-retrigger (pad-simpler (track "Drums") "Kick") on)')
    s = kick(env)
    assert (s.playback_mode.name, s.slicing_playback_mode.name, s.voices, s.retrigger) == ("one_shot", "poly", 8, True)
    env.run('(simpler-retrigger (pad-simpler (track "Drums") "Kick") off)')
    assert not s.retrigger
    env.song.undo()
    assert s.retrigger


def test_the_focus_tracks_simpler_is_the_default():
    env = Env()
    env.run('(create-track midi) (add-device "Simpler") (simpler-mode :slicing)')
    simpler = [d for d in env.song.view.selected_track.devices if d.class_name == "OriginalSimpler"][0]
    assert simpler.playback_mode.name == "slicing"
    assert simpler.sample is None and simpler.view.sample_start == -1


def test_sample_edits_need_a_sample():
    env = Env()
    env.run('(create-track midi) (add-device "Simpler")')
    with pytest.raises(LmacError) as e:
        env.run('(reverse-sample)')
    assert 'reverse-sample: Simpler on "3-MIDI" holds no sample; drop a sample on it first' in str(e.value)
    simpler = list(env.song.view.selected_track.devices)[0]
    with pytest.raises(RuntimeError):          # virtual Live itself refuses, as Live does
        simpler.crop()
    assert env.run('(sample-name)') is None


def test_crop_reverse_and_warp():
    env = Env()
    s = kick(env)
    s.sample.start_marker = 1000
    s.sample.end_marker = 11000
    env.run('(crop-sample (pad-simpler (track "Drums") "Kick"))')
    assert (s.sample.length, s.sample.start_marker, s.sample.end_marker) == (10000, 0, 10000)
    env.run('(reverse-sample (pad-simpler (track "Drums") "Kick"))')
    assert not s.can_warp_double
    with pytest.raises(LmacError) as e:
        env.run('(warp-double (pad-simpler (track "Drums") "Kick"))')
    assert ('warp-double: the sample of Simpler of pad "Kick 909" on "Drums" is not warped; '
            'warp it first: (warp-sample 4)') in str(e.value)
    env.run('(warp-sample (pad-simpler (track "Drums") "Kick") 4)')
    assert s.sample.warping and s.guess_playback_length() == 4.0
    env.run('(warp-double (pad-simpler (track "Drums") "Kick"))')
    assert s.guess_playback_length() == 2.0
    env.run('(warp-half (pad-simpler (track "Drums") "Kick")) (warp-half (pad-simpler (track "Drums") "Kick"))')
    assert s.guess_playback_length() == 8.0
    assert env.run('(sample-name (pad-simpler (track "Drums") "Kick"))') == "Kick 909.wav"


def test_simpler_errors():
    env = Env()
    with pytest.raises(LmacError) as e:
        env.run('(simpler-mode (pad-simpler (track "Drums") "Kick") :granular)')
    assert ("simpler-mode: the playback mode must be :classic, :one-shot or :slicing, got :granular; "
            "usage: (simpler-mode simpler? mode)") in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(simpler-voices (pad-simpler (track "Drums") "Kick") 9)')
    assert ("simpler-voices: the number of voices must be 1 to 8, 10, 12, 14, 16, 20, 24 or 32, got 9"
            in str(e.value))
    with pytest.raises(LmacError) as e:
        env.run('(simpler-mode (device (track "Keys") "Wavetable") :classic)')
    assert "simpler-mode: Wavetable is not a Simpler" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(simpler-mode (track "Keys") :classic)')
    assert 'found no Simpler on "Keys"' in str(e.value)
