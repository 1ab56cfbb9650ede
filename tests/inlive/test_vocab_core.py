"""The Live vocabulary against virtual Live: selectors, focus, transport, set structure, tracks,
queries, errors that name selectors and positions, undo as one step, faults stopping one task."""
import pytest

from lmac.commands.session_factory import make_session
from lmac.interpreter.values import Keyword, LmacError
from lmac.surface.actions.registry import REGISTRY, load_all
from lmac.surface.virtual_live import save_set


@pytest.fixture
def s():
    return make_session()


def ev(s, text):
    return s.eval(text)


def names(s, text):
    return list(s.eval("(map (fn (t) (name t)) (%%for-each-items %s))" % text))


def song(s):
    return s.live.song


# ---- selectors ---------------------------------------------------------------------------------
def test_track_selectors(s):
    assert names(s, "(track 3)") == ["Bass"]
    assert names(s, '(track "bass")') == ["Bass"]
    assert names(s, '(tracks "*s")') == ["Drums", "Bass", "Keys"]
    assert names(s, "(tracks 2 4)") == ["Drums", "Bass", "Keys"]
    assert names(s, "(tracks 1 3 5)") == ["Rhythm", "Bass", "Vox"]
    assert names(s, "all") == ["Rhythm", "Drums", "Bass", "Keys", "Vox"]
    assert names(s, "track") == names(s, "all")
    assert names(s, "returns") == ["A Reverb", "B Delay"]
    assert names(s, '(return "A")') == ["A Reverb"]
    assert names(s, '(return "b delay")') == ["B Delay"]
    assert names(s, "master") == ["Main"]
    assert names(s, "midi-tracks") == ["Drums", "Bass", "Keys"]
    assert names(s, "audio-tracks") == ["Vox"]
    assert names(s, "groups") == ["Rhythm"]
    assert names(s, "(where (fn (t) (= (name t) \"Keys\")))") == ["Keys"]
    ev(s, "(arm (track 3)) (mute (track 4)) (solo (track 5))")
    assert names(s, "armed") == ["Bass", "Vox"]   # Vox is armed in the demo set
    assert names(s, "muted") == ["Keys"]
    assert names(s, "soloed") == ["Vox"]


def test_scene_clip_device_param_selectors(s):
    assert ev(s, "(scene-name (scene 2))") == "Verse"
    assert ev(s, '(scene-name (scene "chorus"))') == "Chorus"
    assert ev(s, "(clip-name (clip 2 1))") == "Kick + Hats"
    assert ev(s, '(clip-name (clip "Kick*"))') == "Kick + Hats"
    assert ev(s, '(with (track "Bass") (name (device 1)))') == "Operator"
    assert ev(s, '(with (track "Bass") (name (device "saturator")))') == "Saturator"
    assert ev(s, '(name (device (track "Keys") 2))') == "Chorus-Ensemble"
    p = ev(s, '(with (track "Bass") (param (device 1) 1))')
    assert s.describe(p).startswith("(param")
    assert ev(s, '(with (track "Bass") (name (first (%for-each-items (param (device "Saturator") "Drive")))))') \
        == "Drive"


def test_clip_selector_takes_a_track_selector_and_questions_answer_no_match_with_false(s):
    assert ev(s, '(clip-name (clip (track "Drums") 1))') == "Kick + Hats"
    assert ev(s, '(has-clip? (clip (track "Drums") 1))') is True
    assert ev(s, "(has-clip? (clip 2 99))") is False       # no such slot: no clip
    assert ev(s, '(exists? (track "Nope"))') is False
    with pytest.raises(LmacError) as e:                     # a mistake stays an error
        s.eval('(has-clip? (clip :drums 1))')
    assert "clip" in str(e.value)


def test_selector_matching_nothing_names_it(s):
    with pytest.raises(LmacError) as e:
        s.eval('(arm (track "Bas"))', file="m.lmac")
    text = str(e.value)
    assert '(track "Bas") matched no track; did you mean "Bass"? tracks are: Rhythm, Drums, Bass, Keys, Vox' in text
    assert text.startswith("m.lmac:1:1: arm:")
    with pytest.raises(LmacError) as e:
        s.eval("(launch-scene (scene 42))")
    assert "(scene 42) matched no scene" in str(e.value)


def test_focus_after_create_track_and_with(s):
    ev(s, "(do (create-track midi) (arm) (name selected \"New\"))")
    t = song(s).view.selected_track
    assert t.name == "New" and t.arm
    assert list(song(s).tracks).index(t) == 2   # after the selected track (Drums)
    ev(s, '(with (track "Keys") (mute) (color :red))')
    keys = [t for t in song(s).tracks if t.name == "Keys"][0]
    assert keys.mute and keys.color == 0xFF3636
    ev(s, '(for-each [t (tracks "B*" "K*")] (solo t))')
    assert [t.name for t in song(s).tracks if t.solo] == ["Bass", "Keys"]
    assert s.describe(ev(s, "(selected-track)")) == '#<track "New">'


def test_for_each_over_deleted_track_names_action_and_position(s):
    src = ('(let (once (atom true))\n (for-each [t (tracks "Bass" "Keys")]\n'
           '  (when (deref once) (reset! once false) (delete-track (track "Keys")))\n  (arm t)))')
    with pytest.raises(LmacError) as e:
        s.eval(src, file="f.lmac")
    assert "arm:" in str(e.value) and "deleted" in str(e.value)
    assert e.value.pos.file == "f.lmac" and e.value.pos.line == 4


# ---- transport (LANGUAGE.md section 5) ------------------------------------------------------------
def test_transport_examples(s):
    so = song(s)
    ev(s, "(play)")
    assert so.is_playing
    ev(s, "(stop)")
    assert not so.is_playing
    ev(s, "(continue)")
    assert so.is_playing
    assert ev(s, "(tempo)") == 122.0
    ev(s, "(tempo 128)")
    assert so.tempo == 128.0
    ev(s, "(tempo (by 2))")
    assert so.tempo == 130.0
    ev(s, "(metronome)")
    assert so.metronome
    ev(s, "(metronome off)")
    assert not so.metronome
    ev(s, "(metronome on) (overdub on) (record on) (session-record)")
    assert so.metronome and so.overdub and so.record_mode and so.session_record
    ev(s, "(quantize :bar)")
    assert int(so.clip_trigger_quantization) == 4
    ev(s, "(quantize 1/16)")
    assert int(so.clip_trigger_quantization) == 11
    assert ev(s, "(quantize)") == Keyword.of("sixteenth")
    ev(s, "(signature 6 8)")
    assert (so.signature_numerator, so.signature_denominator) == (6, 8)
    ev(s, "(tap-tempo)")
    ev(s, "(stop) (jump-to 16)")
    assert so.current_song_time == 16.0
    ev(s, '(jump-to "Chorus")')
    assert so.current_song_time == 48.0
    ev(s, "(stop-all-clips)")
    ev(s, "(loop)")
    assert so.loop
    ev(s, "(loop :start 8 :length 16)")
    assert (so.loop_start, so.loop_length) == (8.0, 16.0)
    ev(s, "(loop off)")
    assert not so.loop
    with pytest.raises(LmacError) as e:
        s.eval("(tempo 5000)")
    assert "tempo" in str(e.value)


def test_undo_and_redo_actions(s):
    so = song(s)
    so.tempo = 100.0
    ev(s, "(tempo 140)")
    ev(s, "(undo)")
    assert so.tempo == 100.0
    ev(s, "(redo)")
    assert so.tempo == 140.0


def test_clip_loop_through_loop_action(s):
    ev(s, "(loop (clip 2 1) :start 1 :length 2)")
    clip = song(s).tracks[1].clip_slots[0].clip
    assert (clip.loop_start, clip.loop_end, clip.looping) == (1.0, 3.0, True)


# ---- set structure ------------------------------------------------------------------------------
def test_set_structure(s):
    so = song(s)
    n = len(so.tracks)
    ev(s, "(create-track audio 1)")
    assert len(so.tracks) == n + 1 and so.tracks[0].has_audio_input and so.view.selected_track == so.tracks[0]
    ev(s, "(create-return)")
    assert len(so.return_tracks) == 3
    ev(s, '(delete-track (track 1))')
    assert len(so.tracks) == n
    ev(s, '(duplicate-track (track "Bass"))')
    assert [t.name for t in so.tracks].count("Bass") == 2
    scenes = len(so.scenes)
    ev(s, "(create-scene)")
    assert len(so.scenes) == scenes + 1
    ev(s, '(duplicate-scene (scene "Chorus"))')
    assert len(so.scenes) == scenes + 2
    ev(s, "(delete-scene (scene 1))")
    assert len(so.scenes) == scenes + 1 and so.scenes[0].name == "Verse"
    ev(s, "(capture-scene)")
    assert len(so.scenes) == scenes + 2
    ev(s, '(delete-return (return "C"))') if len(so.return_tracks) == 3 and \
        so.return_tracks[2].name.startswith("C") else ev(s, "(delete-track (return 3))")
    assert len(so.return_tracks) == 2


# ---- tracks ---------------------------------------------------------------------------------------
def test_track_actions(s):
    so = song(s)
    bass = so.tracks[2]
    ev(s, '(arm (track "Bass"))')
    assert bass.arm
    ev(s, '(toggle-arm (track "Bass"))')
    assert not bass.arm
    ev(s, '(mute (track "Bass")) (toggle-mute (track "Bass"))')
    assert not bass.mute
    ev(s, '(solo (track "Bass")) (exclusive-solo (track "Keys"))')
    assert not bass.solo and so.tracks[3].solo
    ev(s, "(unsolo all)")
    assert not any(t.solo for t in so.tracks)
    ev(s, '(name (track "Bass") "Sub")')
    assert bass.name == "Sub"
    assert ev(s, "(name :red)") == "red" and ev(s, "(name 'abc)") == "abc" and ev(s, '(name "x")') == "x"
    assert ev(s, "(name (track 3))") == "Sub"
    ev(s, '(color (track 3) 5)')
    assert bass.color_index == 5
    ev(s, '(monitor (track 3) :in)')
    assert bass.current_monitoring_state == 0
    ev(s, "(fold groups)")
    assert so.tracks[0].fold_state == 1
    ev(s, '(unfold (track "Rhythm"))')
    assert so.tracks[0].fold_state == 0
    ev(s, "(arm all)")   # groups cannot be armed: skipped, the rest are armed
    assert all(t.arm for t in so.tracks if t.can_be_armed)
    ev(s, "(unarm all)")
    with pytest.raises(LmacError) as e:
        s.eval("(arm master)")
    assert 'arm: track "Main" cannot be armed' in str(e.value)
    ev(s, '(name (scene 1) "Start") (color (scene 1) :blue)')
    assert so.scenes[0].name == "Start"


def test_queries(s):
    assert ev(s, "(armed? (track 1))") is False
    assert ev(s, "(if (armed? (track 3)) :red :off)") == Keyword.of("off")
    ev(s, "(arm (track 3))")
    assert ev(s, "(if (armed? (track 3)) :red :off)") == Keyword.of("red")
    assert ev(s, '(armed? (track "Nope"))') is False
    assert ev(s, "(track-count)") == 5 and ev(s, "(scene-count)") == 4 and ev(s, "(return-count)") == 2
    assert ev(s, '(exists? (track "Bass"))') is True and ev(s, '(exists? (track "Nope"))') is False
    assert ev(s, "(playing?)") is False
    assert ev(s, "(track-kind (track 1))") == Keyword.of("group")
    assert ev(s, "(midi-track? (track 2))") is True
    assert ev(s, "(track-number (track \"Keys\"))") == 4
    assert list(ev(s, "(device-names (track \"Bass\"))")) == ["Operator", "Saturator"]
    assert ev(s, "(song-position)") == "1.1.1"
    assert s.describe(ev(s, '(tracks-named "K*")')) == '(#<track "Keys">)'
    assert list(ev(s, "(locator-names)")) == ["Intro", "Verse", "Chorus", "Outro"]


def test_registry_is_complete():
    load_all()
    assert len(REGISTRY) >= 150, len(REGISTRY)   # 235 when every family loads
    for act in REGISTRY.values():
        assert act.doc and act.example, act.name


def test_min_live_version_is_enforced():
    s = make_session(live_version="11.3")
    with pytest.raises(LmacError) as e:
        s.eval("(scale-mode on)")
    assert "needs Live 12.0" in str(e.value)


def test_one_macro_without_waits_is_one_undo_step():
    from lmac.commands.run import start_host
    host, script = start_host(jitter_ms=0)
    before = save_set(host.song)
    task = script.start_macro('(do (create-track midi) (for-each track (mute)) (tempo 99) '
                              '(name (track 1) "X") (create-scene))')
    host.advance_ms(50)           # a run that spends its time slice goes on at the next tick
    assert task.status == "done", task.error
    assert save_set(host.song) != before
    host.song.undo()
    assert save_set(host.song) == before


def test_live_refusal_stops_only_its_task():
    from lmac.commands.run import start_host
    host, script = start_host(jitter_ms=0)
    bad = script.start_macro('(do (wait 20) (delete-track (track 1)) (delete-track (track 1)) '
                             '(delete-track (track 1)) (delete-track (track 1)) (delete-track (track 1)))',
                             file="bad.lmac")
    good = script.start_macro("(do (wait 40) (tempo 90))", file="good.lmac")
    host.advance_ms(200)
    assert bad.status == "failed" and "delete-track" in str(bad.error)
    assert str(bad.error).startswith("bad.lmac:1:")
    assert good.status == "done" and host.song.tempo == 90.0
    assert any("lmac: bad.lmac:1:" in line for _, line in host.log)
    assert host.status_bar().startswith("lmac: bad.lmac")
