"""stdlib_macros/tracks.lmac over virtual Live: tracks built, armed, named, coloured, reset."""
import pytest

from stdlib_env import env_with


@pytest.fixture
def env():
    return env_with("tracks", "tr")


def names(env):
    return [t.name for t in env.song.tracks]


def test_template_set_builds_tracks_with_devices_once(env):
    made = env.run('(tr/template-set [[:midi "Lead" "Operator"] [:audio "Gtr" "EQ Eight" "Compressor"]'
                   ' [:return "Verb" "Reverb"] [:midi "Drums" "Drum Rack"]])')
    assert made == ["Lead", "Gtr", "Verb"]                  # Drums was there already
    assert names(env)[-2:] == ["Lead", "Gtr"]
    assert env.track("Lead").has_midi_input and not env.track("Gtr").has_midi_input
    assert [d.name for d in env.track("Gtr").devices] == ["EQ Eight", "Compressor"]
    assert [d.name for d in env.track("Verb").devices] == ["Reverb"]
    assert [d.name for d in env.track("Drums").devices] == ["909 Core Kit", "Glue Compressor"]
    count = len(env.song.tracks)
    assert env.run('(tr/template-set [[:midi "Lead" "Operator"]])') == []
    assert len(env.song.tracks) == count


def test_ensure_track(env):
    env.run('(tr/ensure-track :audio "Bass")')
    assert names(env).count("Bass") == 1
    env.run('(tr/ensure-track :audio "Room")')
    assert names(env)[-1] == "Room"


def test_arm_selected_only(env):
    env.run('(arm (track "Bass")) (select (track "Keys")) (tr/arm-selected-only)')
    assert [t.name for t in env.song.tracks if t.can_be_armed and t.arm] == ["Keys"]
    env.run("(select (track 1)) (tr/arm-selected-only)")        # a group: nothing armed
    assert not [t for t in env.song.tracks if t.can_be_armed and t.arm]


def test_rename_all(env):
    assert env.run('(tr/rename-all "Take" (tracks 2 3))') == 2
    assert names(env)[:4] == ["Rhythm", "Take 1", "Take 2", "Keys"]
    env.run('(tr/rename-all "Ch")')
    assert names(env) == ["Ch 1", "Ch 2", "Ch 3", "Ch 4", "Ch 5"]


def test_color_by_name(env):
    assert env.run("(tr/color-by-name)") >= 3
    colours = dict((t.name, t.color_index) for t in env.song.tracks)
    assert colours["Drums"] != colours["Bass"] != colours["Keys"]
    env.run('(tr/color-by-name [["bass" :red] ["drum" :red]])')
    assert env.track("Bass").color == env.track("Drums").color


def test_reset_track_and_tidy(env):
    env.run('(volume (track "Bass") 0.2) (mute (track "Bass")) (solo (track "Bass")) (arm (track "Bass"))'
            ' (device-off (device (track "Bass") "Saturator"))')
    env.run('(tr/reset-track (track "Bass"))')
    bass = env.track("Bass")
    assert bass.mixer_device.volume.value == pytest.approx(0.85)
    assert not (bass.mute or bass.solo or bass.arm)
    assert all(d.parameters[0].value == 1 for d in bass.devices)
    env.run('(arm (track "Keys")) (solo (track "Vox")) (select (track "Vox")) (tr/tidy-set)')
    assert not [t for t in env.song.tracks if (t.can_be_armed and t.arm) or t.solo]
    assert env.song.view.selected_track.name == "Rhythm"
