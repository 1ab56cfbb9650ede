"""Drum Rack pad actions through virtual Live: the demo's 909 Core Kit holds 16 pads from C1 (36),
each a DrumChain with a Simpler and its sample."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


def kit(env):
    return env.device("Drums", "909 Core Kit")


def pad(env, note):
    return kit(env).drum_pads[note]


def test_a_kit_preset_fills_sixteen_pads_from_c1():
    env = Env()
    rack = kit(env)
    sounding = [p for p in rack.drum_pads if len(p.chains)]
    assert [p.note for p in sounding] == list(range(36, 52))
    assert pad(env, 36).name == "Kick 909"            # a pad is named after its chain
    assert pad(env, 60).name == "C3" and len(pad(env, 60).chains) == 0
    chain = pad(env, 38).chains[0]
    assert type(chain).__name__ == "DrumChain" and chain.in_note == 38
    assert [c.name for c in rack.chains][:2] == ["Kick 909", "Rim 909"]   # Live lists them on the rack too
    assert chain.devices[0].sample.file_path == "Snare 909.wav"


def test_mute_solo_by_note_name_and_all():
    env = Env()
    env.run('(with (track "Drums") (pad-mute "Open Hat") (pad-mute 36) (pad-solo "snare"))')
    assert pad(env, 46).mute and pad(env, 36).mute and pad(env, 38).solo
    assert not pad(env, 37).mute
    env.run('(pad-unmute (track "Drums") :all) (pad-unsolo (track "Drums") :all)')
    assert not any(p.mute or p.solo for p in kit(env).drum_pads)
    env.run('(toggle-pad-mute (device (track "Drums") "909 Core Kit") 42)')
    assert pad(env, 42).mute
    env.run('(toggle-pad-mute (track "Drums") 42)')
    assert not pad(env, 42).mute


def test_one_undo_step_takes_a_pad_change_back():
    env = Env()
    env.run('(pad-mute (track "Drums") "Clap")')
    assert pad(env, 39).mute
    env.song.undo()
    assert not pad(env, 39).mute


def test_pad_volume_and_pan_go_to_the_pad_chain_mixer():
    env = Env()
    env.run('(pad-volume (track "Drums") "Kick" 0.5) (pad-pan (track "Drums") 42 -0.25)')
    assert pad(env, 36).chains[0].mixer_device.volume.value == 0.5
    assert pad(env, 42).chains[0].mixer_device.panning.value == -0.25
    env.run('(play) (pad-volume (track "Drums") "Kick" (ramp 0.8 :bars 1))')
    env.advance_bars(2) if hasattr(env, "advance_bars") else env.run("(wait-bars 2)")
    assert abs(pad(env, 36).chains[0].mixer_device.volume.value - 0.8) < 1e-6


def test_select_pad_and_pad_names():
    env = Env()
    env.run('(select-pad (track "Drums") "Snare")')
    assert kit(env).view.selected_drum_pad == pad(env, 38)
    names = env.run('(pad-names (track "Drums"))')
    assert names[36] == "Kick 909" and names[46] == "Open Hat 909" and names[51] == "Ride 909" and len(names) == 16


def test_pad_errors_name_the_pads_and_the_fix():
    env = Env()
    with pytest.raises(LmacError) as e:
        env.run('(pad-mute (track "Drums") "Cabasa")')
    assert 'pad-mute: 909 Core Kit has no pad "Cabasa"; its pads are: "Kick 909" (36), "Rim 909" (37)' in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(pad-mute (track "Keys") 36)')
    assert 'found no Drum Rack on "Keys"' in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(pad-mute (device (track "Keys") "Wavetable") 36)')
    assert "pad-mute: Wavetable is not a Drum Rack" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(pad-volume (track "Drums") 60 0.5)')
    assert "pad-volume: pad 60 of 909 Core Kit is empty: it has no volume; choose a pad" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(pad-volume (track "Drums") "Kick" 2)')
    assert ("pad-volume: the level must be a number from 0.0 to 1.0, got 2; usage: (pad-volume rack? pad level)"
            in str(e.value))
    with pytest.raises(LmacError) as e:
        env.run('(pad-mute (track "Drums") 128)')
    assert "pad-mute: the pad must be a note from 0 to 127 (36 is C1), got 128" in str(e.value)


def test_virtual_live_drum_chain_rules():
    env = Env()
    chain = pad(env, 36).chains[0]
    with pytest.raises(RuntimeError):
        chain.in_note = 200
    with pytest.raises(TypeError):
        chain.choke_group = 1.5
    chain.choke_group = 1
    assert chain.choke_group == 1


def test_a_saved_kit_keeps_its_pad_states():
    from lmac.surface.virtual_live.sets import device_from_dict, device_to_dict
    env = Env()
    env.run('(pad-mute (track "Drums") "Clap") (pad-volume (track "Drums") "Kick" 0.4)')
    saved = device_to_dict(kit(env))
    assert "chains" not in saved and set(saved["pads"]) == {"36", "39"}
    copy = device_from_dict(env.world, env.track("Drums"), saved)
    assert copy.name == "909 Core Kit" and copy.drum_pads[39].mute and not copy.drum_pads[38].mute
    assert copy.drum_pads[36].chains[0].mixer_device.volume.value == 0.4
    assert len(copy.chains) == 16
