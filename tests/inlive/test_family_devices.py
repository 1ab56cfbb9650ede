import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


def names(track):
    return [d.name for d in track.devices]


@pytest.mark.parametrize("version", ["12.3", "12.1", "11.3"])
def test_add_device_keeps_the_selection(version):
    env = Env(version)
    assert env.song.view.selected_track.name == "Drums"
    env.run('(add-device (track "Vox") "Reverb")')
    assert names(env.track("Vox")) == ["EQ Eight", "Compressor", "Reverb"]
    assert env.song.view.selected_track.name == "Drums"
    env.run('(add-device "Saturator")')                     # the focus: the selected track
    assert names(env.track("Drums"))[-1] == "Saturator"


def test_add_device_uses_insert_device_on_12_3_and_the_browser_before(monkeypatch):
    env = Env("12.3")

    def refuse(item):
        raise AssertionError("the browser must not be used on 12.3")
    monkeypatch.setattr(type(env.app.browser), "load_item", lambda self, item: refuse(item))
    env.run('(add-device (track "Keys") "Auto Filter")')
    assert names(env.track("Keys"))[-1] == "Auto Filter"
    monkeypatch.undo()

    old = Env("12.1")
    assert not hasattr(old.track("Keys"), "insert_device")
    old.song.view.select_device(old.device("Keys", "Wavetable"))   # a device selected mid-chain
    old.song.view.selected_track = old.track("Vox")
    old.run('(add-device (track "Keys") "Auto Filter")')
    assert names(old.track("Keys"))[-1] == "Auto Filter"         # appended, not after Wavetable
    assert old.song.view.selected_track.name == "Vox"


def test_add_device_errors():
    env = Env("12.1")
    with pytest.raises(LmacError) as e:
        env.run('(add-device (track "Vox") "Nonexistent Thing")')
    assert 'found no device called "Nonexistent Thing"' in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(add-device (track "Vox") "Operator")')       # an instrument on an audio track
    assert "add-device" in str(e.value)


def test_switches_and_params():
    env = Env()
    comp = env.device("Vox", "Compressor")
    env.run('(device-off (device (track "Vox") "Compressor"))')
    assert comp.parameters[0].value == 0.0
    env.run('(toggle-device (device (track "Vox") "Compressor"))')
    assert comp.parameters[0].value == 1.0
    env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") -20)')
    threshold = env.param(comp, "Threshold")
    assert threshold.value == -20.0
    env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") (by -3))')
    assert threshold.value == -23.0
    env.run('(set-param (device (track "Vox") "Compressor") "Threshold" -10)')
    assert threshold.value == -10.0
    assert env.run('(param-value (param (device (track "Vox") "Compressor") "Threshold"))') == -10.0
    with pytest.raises(LmacError) as e:
        env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") 99)')
    assert "set-param: the value for Threshold of device \"Compressor\" must be a number from -70 to 6, got 99" in str(e.value)


def test_set_param_ramp_lands_on_target():
    env = Env()
    env.run("(play)")
    env.run('(set-param (param (device (track "Vox") "Compressor") "Threshold") (ramp -30 :bars 1))')
    threshold = env.param(env.device("Vox", "Compressor"), "Threshold")
    env.run("(wait-bars 1) (wait 100)")
    assert threshold.value == -30.0


def test_randomize_and_reset():
    env = Env()
    comp = env.device("Vox", "Compressor")
    env.run('(randomize (device (track "Vox") "Compressor"))')
    params = list(comp.parameters)[1:]
    assert all(p.min <= p.value <= p.max for p in params)
    assert comp.parameters[0].value == 1.0       # randomize leaves the on switch alone
    env.run('(reset-device (device (track "Vox") "Compressor"))')
    assert all(p.value == p.default_value for p in params if not p.is_quantized)


def test_select_duplicate_move_delete_collapse():
    env = Env()
    env.run('(select-device (device (track "Keys") "EQ Eight"))')
    assert env.song.view.selected_track.name == "Keys"
    assert env.track("Keys").view.selected_device.name == "EQ Eight"
    env.run('(duplicate-device (device (track "Vox") "Compressor"))')
    assert names(env.track("Vox")) == ["EQ Eight", "Compressor", "Compressor"]
    env.run('(move-device (device (track "Vox") 3) 1)')
    assert names(env.track("Vox")) == ["Compressor", "EQ Eight", "Compressor"]
    env.run('(delete-device (device (track "Vox") 1))')
    assert names(env.track("Vox")) == ["EQ Eight", "Compressor"]
    env.run('(collapse-device (device (track "Vox") "EQ Eight"))')
    assert env.device("Vox", "EQ Eight").view.is_collapsed
    env.run('(expand-device (device (track "Vox") "EQ Eight"))')
    assert not env.device("Vox", "EQ Eight").view.is_collapsed
    assert env.run('(param-count (device (track "Vox") "Compressor"))') == len(env.device("Vox", "Compressor").parameters)


def test_racks_chains_and_macros():
    env = Env("12.3")
    env.run('(add-device (track "Vox") "Audio Effect Rack")')
    rack = env.device("Vox", "Audio Effect Rack")
    env.run('(add-chain (device (track "Vox") "Audio Effect Rack"))')
    env.run('(add-chain (device (track "Vox") "Audio Effect Rack"))')
    assert len(rack.chains) == 2
    env.run('(chain-add-device (device (track "Vox") "Audio Effect Rack") 1 "Saturator")')
    assert [d.name for d in rack.chains[0].devices] == ["Saturator"]
    env.run('(chain-mute (device (track "Vox") "Audio Effect Rack") 1)')
    env.run('(chain-solo (device (track "Vox") "Audio Effect Rack") 2)')
    assert rack.chains[0].mute and rack.chains[1].solo
    env.run('(chain-unmute (device (track "Vox") "Audio Effect Rack") 1)')
    env.run('(chain-unsolo (device (track "Vox") "Audio Effect Rack") 2)')
    assert not rack.chains[0].mute and not rack.chains[1].solo
    env.run('(chain-volume (device (track "Vox") "Audio Effect Rack") 2 0.5)')
    env.run('(chain-pan (device (track "Vox") "Audio Effect Rack") 2 -0.5)')
    assert rack.chains[1].mixer_device.volume.value == 0.5
    assert rack.chains[1].mixer_device.panning.value == -0.5
    env.run('(select-chain (device (track "Vox") "Audio Effect Rack") 2)')
    assert rack.view.selected_chain == rack.chains[1]
    env.run('(macro (device (track "Vox") "Audio Effect Rack") 3 64)')
    assert rack.parameters[3].value == 64.0
    env.run('(store-variation (device (track "Vox") "Audio Effect Rack"))')
    env.run('(macro (device (track "Vox") "Audio Effect Rack") 3 0)')
    env.run('(recall-variation (device (track "Vox") "Audio Effect Rack") 1)')
    assert rack.parameters[3].value == 64.0
    env.run('(randomize-macros (device (track "Vox") "Audio Effect Rack"))')
    with pytest.raises(LmacError) as e:
        env.run('(macro (device (track "Vox") "EQ Eight") 1 64)')
    assert "macro: EQ Eight is not a rack" in str(e.value)
    with pytest.raises(LmacError) as e:
        env.run('(chain-mute (device (track "Vox") "Audio Effect Rack") 5)')
    assert "Audio Effect Rack has no chain 5; its chains are: Chain, Chain" in str(e.value)


def test_add_chain_needs_12_3():
    env = Env("12.1")
    env.run('(add-device (track "Vox") "Audio Effect Rack")')
    with pytest.raises(LmacError) as e:
        env.run('(add-chain (device (track "Vox") "Audio Effect Rack"))')
    assert "needs Live 12.3" in str(e.value)


def test_load_preset_through_the_browser():
    env = Env("12.3")
    env.run('(load-preset (track "Drums") "808 Core Kit")')
    assert "808 Core Kit" in names(env.track("Drums"))
    assert env.song.view.selected_track.name == "Drums"
