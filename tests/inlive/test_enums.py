"""lmac writes Live's enum-typed properties with enum members (Live also converts plain ints, as
AbletonOSC's tests show; members are the unambiguous choice): every action that sets one works
under virtual Live."""
import pytest

from lmac.interpreter.values import LmacError
from lmac.surface.adapter import live_enum
from test_family_support import Env

from lmac.surface.virtual_live import install_live_module

Live = install_live_module()


@pytest.fixture
def env():
    return Env()


def _audio_clip(env):
    return [s.clip for s in env.track("Vox").clip_slots if s.has_clip and s.clip.is_audio_clip][0]


def test_live_enum_gives_the_member_and_names_unknown_values():
    assert live_enum(Live.Song.Quantization, 4) is Live.Song.Quantization.q_bar
    assert live_enum(Live.Clip.LaunchMode, Live.Clip.LaunchMode.gate) is Live.Clip.LaunchMode.gate
    with pytest.raises(LmacError) as e:
        live_enum(Live.Clip.LaunchMode, 9)
    assert "9 is not a value of Live's LaunchMode" in str(e.value)


def test_virtual_live_takes_a_plain_int_as_live_does_and_refuses_a_float(env):
    env.song.clip_trigger_quantization = 4
    assert env.song.clip_trigger_quantization is Live.Song.Quantization.q_bar
    with pytest.raises(TypeError):
        env.song.clip_trigger_quantization = 4.0


def test_quantize_and_record_quantize(env):
    env.run("(quantize :2-bars)")
    assert env.song.clip_trigger_quantization is Live.Song.Quantization.q_2_bars
    env.run("(quantize 1/16)")
    assert env.song.clip_trigger_quantization is Live.Song.Quantization.q_sixtenth
    assert env.run("(quantize)").name == "sixteenth"         # reading compares the member as an int
    env.run("(record-quantize 1/16)")
    assert env.song.midi_recording_quantization is Live.Song.RecordingQuantization.rec_q_sixtenth
    env.run("(record-quantize :none)")
    assert env.song.midi_recording_quantization is Live.Song.RecordingQuantization.rec_q_no_q


def test_clip_launch_settings_and_warp_mode(env):
    clip = env.clip("Keys", 1)
    env.run('(launch-quantize (clip "Keys" 1) :bar)')
    assert clip.launch_quantization is Live.Clip.ClipLaunchQuantization.q_bar
    env.run('(launch-quantize (clip "Keys" 1) :global)')
    assert clip.launch_quantization is Live.Clip.ClipLaunchQuantization.q_global
    env.run('(launch-mode (clip "Keys" 1) :gate)')
    assert clip.launch_mode is Live.Clip.LaunchMode.gate
    hook = _audio_clip(env)
    env.run('(warp-mode (clip "Hook") :complex-pro)')
    assert hook.warp_mode is Live.Clip.WarpMode.complex_pro
    env.run('(warp-mode (clip "Hook") :repitch)')
    assert hook.warp_mode is Live.Clip.WarpMode.repitch


def test_quantized_fire_and_launch_scene_set_and_restore_the_enums(env):
    env.run("(play)")
    env.tick_until(lambda: env.song.current_song_time >= 1.2)
    clip = env.clip("Keys", 1)
    env.run('(fire (clip "Keys" 1) :quantize :beat)')
    env.tick_until(lambda: clip.is_playing)
    assert env.song.current_song_time - clip.playing_position == pytest.approx(2.0, abs=1e-6)
    assert clip.launch_quantization is Live.Clip.ClipLaunchQuantization.q_global   # restored
    env.run('(launch-scene (scene "Verse") :quantize :bar)')
    assert env.song.clip_trigger_quantization is Live.Song.Quantization.q_bar      # restored
    env.run('(quantize :beat) (launch-scene (scene "Chorus") :quantize :none)')
    assert env.song.clip_trigger_quantization is Live.Song.Quantization.q_quarter


def test_monitor_crossfade_assign_and_panning_mode(env):
    vox = env.track("Vox")
    env.run('(monitor (track "Vox") :in)')
    assert vox.current_monitoring_state is Live.Track.Track.monitoring_states.IN
    env.run('(monitor (track "Vox") :off)')
    assert vox.current_monitoring_state == 2
    env.run('(crossfade-assign (track "Keys") :a)')
    mixer = env.track("Keys").mixer_device
    assert mixer.crossfade_assign is Live.MixerDevice.MixerDevice.crossfade_assignments.A
    env.run('(panning-mode (track "Keys") :split)')
    assert mixer.panning_mode is Live.MixerDevice.MixerDevice.panning_modes.stereo_split
    env.run('(reset-mixer (track "Keys"))')
    assert mixer.panning_mode is Live.MixerDevice.MixerDevice.panning_modes.stereo
    env.run('(split-pan (track "Keys") -1.0 0.5)')
    assert mixer.panning_mode == 1


def test_a_bad_choice_is_still_lmacs_error(env):
    with pytest.raises(LmacError) as e:
        env.run('(launch-mode (clip "Keys" 1) :sideways)')
    assert "launch mode" in str(e.value)


ENUM_WRITES = [
    ("(quantize :bar)", "clip_trigger_quantization", "Song.Quantization"),
    ("(record-quantize 1/16)", "midi_recording_quantization", "Song.RecordingQuantization"),
    ('(launch-quantize (clip "Keys" 1) :bar)', "launch_quantization", "Clip.ClipLaunchQuantization"),
    ('(launch-mode (clip "Keys" 1) :gate)', "launch_mode", "Clip.LaunchMode"),
    ('(warp-mode (clip "Hook") :complex)', "warp_mode", "Clip.WarpMode"),
    ('(fire (clip "Keys" 1) :quantize :beat)', "launch_quantization", "Clip.ClipLaunchQuantization"),
    ('(launch-scene (scene "Verse") :quantize :2-bars)', "clip_trigger_quantization", "Song.Quantization"),
    ('(monitor (track "Vox") :in)', "current_monitoring_state", "Track.Track.monitoring_states"),
    ('(crossfade-assign (track "Keys") :a)', "crossfade_assign", "MixerDevice.MixerDevice.crossfade_assignments"),
    ('(panning-mode (track "Keys") :split)', "panning_mode", "MixerDevice.MixerDevice.panning_modes"),
    ('(split-pan (track "Keys") -1.0 0.5)', "panning_mode", "MixerDevice.MixerDevice.panning_modes"),
]


@pytest.mark.parametrize("code,attr,enum", ENUM_WRITES, ids=[w[0].split()[0][1:] for w in ENUM_WRITES])
def test_every_enum_write_passes_a_member(env, code, attr, enum, monkeypatch):
    """Even where virtual Live accepts ints (Live types the setter as int), lmac writes members."""
    written = []
    adapter = env.session.live.adapter
    real = adapter.write

    def spy(action, obj, name, value):
        written.append((name, value))
        return real(action, obj, name, value)
    monkeypatch.setattr(adapter, "write", spy)
    env.run("(play)")
    env.run(code)
    cls = Live
    for part in enum.split("."):
        cls = getattr(cls, part)
    values = [v for name, v in written if name == attr]
    assert values and all(type(v) is cls for v in values)


def test_a_launch_on_the_sets_own_grid_writes_no_quantization(env, monkeypatch):
    """With :quantize equal to the set's quantization (and the clip following it), lmac fires as
    it is: no set-and-restore of the enums (one launch, no extra undo entries)."""
    written = []
    adapter = env.session.live.adapter
    real = adapter.write

    def spy(action, obj, name, value):
        written.append(name)
        return real(action, obj, name, value)
    monkeypatch.setattr(adapter, "write", spy)
    env.run("(play) (quantize :bar)")
    del written[:]
    env.run('(fire (clip "Keys" 1) :quantize :bar)')
    assert env.clip("Keys", 1).is_triggered or env.clip("Keys", 1).is_playing
    env.run('(launch-scene (scene "Verse") :quantize :bar)')
    assert "launch_quantization" not in written and "clip_trigger_quantization" not in written
