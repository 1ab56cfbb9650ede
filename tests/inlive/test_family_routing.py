"""Routing actions: a track's input and output by the names Live shows (ClyphX IN/INSUB/OUT/OUTSUB),
through the available_* lists Live requires (Live-stubs/Track.pyi)."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env


@pytest.fixture
def env():
    return Env()


def test_input_routing_by_name_and_channel(env):
    vox = env.track("Vox")
    assert env.run('(input-routing (track "Vox"))') == "Ext. In"
    assert env.run('(input-routing (track "Vox") "resampling")') == "Resampling"
    assert vox.input_routing_type.display_name == "Resampling"
    env.run('(input-routing (track "Vox") "Keys")')
    assert vox.input_routing_type.attached_object == env.track("Keys")
    env.run('(input-channel (track "Vox") "Post Mixer")')
    assert vox.input_routing_channel.display_name == "Post Mixer"
    assert env.run('(input-channel (track "Vox"))') == "Post Mixer"


def test_output_routing_steps_and_master_alias(env):
    vox = env.track("Vox")
    env.run('(output-routing (track "Vox") "Ext. Out")')
    assert vox.output_routing_type.display_name == "Ext. Out"
    env.run('(output-channel (track "Vox") :next)')
    assert vox.output_routing_channel.display_name == "1"
    env.run('(output-routing (track "Vox") :prev)')
    assert vox.output_routing_type.display_name == "Main"
    env.run('(output-routing (track "Vox") "Ext. Out") (output-routing (track "Vox") "Master")')
    assert vox.output_routing_type.display_name == "Main"      # Live 12's name for Master


def test_the_focus_and_several_tracks(env):
    env.run('(with (track "Vox") (input-routing "No Input"))')
    assert env.track("Vox").input_routing_type.display_name == "No Input"
    env.run('(output-routing all "Sends Only")')
    assert env.track("Keys").output_routing_type.display_name == "Sends Only"


def test_an_unknown_name_lists_what_the_track_offers(env):
    with pytest.raises(LmacError) as e:
        env.run('(input-routing (track "Vox") "Ext In 7")')
    text = str(e.value)
    assert "input-routing" in text and '"Ext. In"' in text and '"Resampling"' in text


def test_tracks_without_input_routing_are_an_error(env):
    with pytest.raises(LmacError) as e:
        env.run('(input-routing (track "Rhythm") "Ext. In")')
    assert "Live offers none there" in str(e.value)
