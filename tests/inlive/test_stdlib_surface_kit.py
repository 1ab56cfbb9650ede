"""stdlib_macros/surface-kit.lmac: the helpers for controller profiles, over the virtual host
(pads pressed as MIDI, LEDs read back from the MIDI sent)."""
import types

from lmac.surface.virtual_live import DEMO_SET, VirtualClock, VirtualHost
from test_family_support import Env


def make_host(tmp_path, init_text):
    """The real LmacScript (every action) over virtual Live's demo set, with init.lmac."""
    from lmac.surface.remote_script import LmacScript
    ul = tmp_path / "UL"
    (ul / "lmac" / "lib").mkdir(parents=True)
    (ul / "lmac" / "init.lmac").write_text(init_text)

    def create_instance(c_instance):
        return LmacScript(c_instance, clock_factory=VirtualClock, surface_options={"user_library": str(ul)})
    host = VirtualHost(types.SimpleNamespace(create_instance=create_instance), set_path=DEMO_SET)
    assert not [l for _, l in host.log if "error" in l.lower()], host.log
    return host


def outs(host):
    return [m for _, m in host.midi_out]


def test_grid_note_and_note_row():
    env = Env()
    from lmac.surface.components import prepare_session
    prepare_session(env.session)
    env.run('(import "surface-kit" :as kit)')
    assert env.run("(kit/grid-note 11 10 1 1)") == 11
    assert env.run("(kit/grid-note 11 10 8 8)") == 88
    assert env.run("(kit/grid-note 0 8 3 2)") == 10
    assert env.run("(kit/note-row 36 4)") == [36, 37, 38, 39]


def test_clip_grid_fires_clips_and_lights_their_state(tmp_path):
    host = make_host(tmp_path, """
(use-surface "launchpad-x")
(import "surface-kit" :as kit)
(kit/bind-clip-grid (fn (col row) (kit/grid-note 11 10 col (- 9 row))) :tracks 5 :scenes 4)""")
    host.advance_ms(200)
    lit = dict(((m[1], m[2]) for m in outs(host) if m[0] == 0x90))
    # Drums is track 2 (clips in scenes 1..3): column 2; scene 1 is the top row (notes 8x).
    assert lit[82] == 9 and lit[72] == 9 and lit[62] == 9 and lit[52] == 0
    assert lit[81] == 0                                   # the group track has no clips
    host.send_midi_in((0x90, 82, 127))                    # fire Drums / scene 1
    host.song.start_playing()
    host.advance_ms(4000)
    slot = list(host.song.tracks[1].clip_slots)[0]
    assert slot.clip.is_playing
    assert outs(host)[-1][1:] == (82, 21) or (0x90, 82, 21) in outs(host)


def test_scene_and_track_buttons(tmp_path):
    host = make_host(tmp_path, """
(use-surface "launchpad-x")
(import "surface-kit" :as kit)
(kit/bind-scene-buttons [89 79])
(kit/bind-track-buttons (kit/note-row 11 5) :arm)
(kit/bind-track-buttons (kit/note-row 21 5) :mute :lit :orange)""")
    host.advance_ms(200)
    host.send_midi_in((0x90, 13, 127))                    # arm track 3 (Bass)
    host.send_midi_in((0x90, 24, 127))                    # mute track 4 (Keys)
    host.send_midi_in((0x90, 79, 127))                    # launch scene 2
    host.song.start_playing()
    host.advance_ms(4000)
    tracks = list(host.song.tracks)
    assert tracks[2].arm and tracks[3].mute
    assert list(tracks[1].clip_slots)[1].clip.is_playing  # Drums' clip in scene 2
    sent = outs(host)
    assert (0x90, 13, 5) in sent and (0x90, 24, 9) in sent and (0x90, 79, 21) in sent
