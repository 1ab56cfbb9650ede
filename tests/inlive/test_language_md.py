"""The examples of LANGUAGE.md (the product's contract), run as written against virtual Live
through the Remote Script. Sections 2-3 are covered line by line in test_language.py and
test_scheduler.py; this file takes sections 4-7 as a musician would meet them."""
import copy
import json

import pytest

from lmac.commands.run import start_host
from lmac.surface.virtual_live import DEMO_SET, save_set

SECTION_6 = """
(defn setup-drums () (create-track midi) (name selected "New Drums") (arm selected))
(bind (note 36) (setup-drums))                     ; pad press runs a macro
(bind (note 36 :ch 10) :release (unarm all))       ; gestures: :press (default) :release :hold :double
(bind (cc 21) (fn (v) (volume (track 1) v)))       ; v normalized 0..1
(bind (cc 22 :relative) (fn (d) (set-param (param "Cutoff") (by d))))
(map-param (cc 23) (param (device "Compressor") "Threshold"))   ; Live's own MIDI mapping
(bind (pads 36 37 38) (launch-scene 1))            ; a pad sequence pressed in order
(bind (chord (note 36) (note 40)) (stop-all-clips))
(layer :shift (note 98)                            ; held modifier: bindings inside apply while held
  (bind (note 36) (delete-track selected)))
(led (note 36) (if (armed? (track 1)) :red :off))  ; feedback, re-evaluated when Live changes
"""


def demo_with_a_cutoff_macro(tmp_path):
    """The demo set, with an Instrument Rack on Keys whose first macro the user named Cutoff."""
    with open(DEMO_SET) as f:
        data = json.load(f)
    data = copy.deepcopy(data)
    for track in data["tracks"]:
        for t in [track] + track.get("children", []):
            if t.get("name") == "Keys":
                t["devices"].append({"device": "Instrument Rack", "macro_names": {"Macro 1": "Cutoff"}})
    path = tmp_path / "set.json"
    path.write_text(json.dumps(data))
    return str(path)


@pytest.fixture
def live(tmp_path):
    ul = tmp_path / "UL"
    (ul / "lmac").mkdir(parents=True)
    (ul / "lmac" / "init.lmac").write_text(SECTION_6)
    host, script = start_host(set_path=demo_with_a_cutoff_macro(tmp_path), surface_options={"user_library": str(ul)})
    host.advance_ms(20)
    assert not [line for _, line in host.log if "error" in line.lower()], host.log
    return host, script


def run(script, host, source, ms=50):
    task = script.start_macro(source, file="example.lmac")
    host.advance_ms(ms)
    assert task.status == "done", task.error and task.error.format()
    return task.value


def track(song, name):
    return next(t for t in song.tracks if t.name == name)


def test_section_4_targets_and_selectors(live):
    host, script = live
    song = host.song
    run(script, host, "(create-track midi) (name selected \"Fresh\")")
    assert song.view.selected_track.name == "Fresh"          # the new track was the focus
    run(script, host, '(with (track "Bass") (mute))')
    assert track(song, "Bass").mute
    run(script, host, '(for-each [t (tracks "Drum*")] (solo t))')
    assert track(song, "Drums").solo and not track(song, "Bass").solo
    assert run(script, host, "(count (%for-each-items (tracks 2 4)))") == 3
    assert run(script, host, "(count (%for-each-items (tracks 1 3 5)))") == 3
    run(script, host, "(for-each midi-tracks (arm))")
    assert all(t.arm for t in song.tracks if t.has_midi_input and t.can_be_armed)
    assert run(script, host, "(count (%for-each-items armed))") >= 3
    assert run(script, host, '(count (%for-each-items (where (fn (t) (armed? t)))))') >= 3
    run(script, host, '(volume (return "A") 0.5) (volume master 0.7)')
    assert abs(song.return_tracks[0].mixer_device.volume.value - 0.5) < 1e-9
    assert abs(song.master_track.mixer_device.volume.value - 0.7) < 1e-9
    run(script, host, '(with (track "Vox") (set-param (param (device "Compressor") "Threshold") 0.3))')
    vox = track(song, "Vox")
    assert abs(next(d for d in vox.devices if d.name == "Compressor").parameters[1].value - 0.3) < 1e-9
    with pytest.raises(AssertionError, match=r'\(track "Nobody"\) matched no track'):
        run(script, host, '(arm (track "Nobody"))')


def test_section_5_the_live_vocabulary(live):
    host, script = live
    song = host.song
    run(script, host, "(tempo 128) (tempo (by 2)) (signature 6 8) (metronome on) (quantize :bar)")
    assert song.tempo == 130 and song.signature_numerator == 6 and song.metronome
    run(script, host, '(create-scene) (duplicate-scene (scene 1)) (name (scene 1) "Intro!")')
    assert song.scenes[0].name == "Intro!"
    run(script, host, '(color (track "Bass") :red) (monitor (track "Vox") :in) (send (track "Bass") "A" 0.25)')
    assert track(song, "Vox").current_monitoring_state == 0
    run(script, host, '(add-device "Compressor") (device-off (device "Compressor"))')
    run(script, host, '(fire (clip 2 1) :quantize :bar) (launch-scene (scene "Chorus"))')
    run(script, host, '(snapshot "a") (volume (track "Keys") 0.1) (recall "a")')
    assert abs(track(song, "Keys").mixer_device.volume.value - 0.7) < 1e-6
    run(script, host, '(message "hello from lmac")')
    assert host.status_bar().endswith("hello from lmac") or any("hello from lmac" in m for _, m in host.messages)


def test_section_6_bindings(live):
    host, script = live
    song = host.song
    before = len(song.tracks)
    host.send_midi_in((0x90, 36, 127))                 # pad 36: setup-drums, inside receive_midi
    assert len(song.tracks) == before + 1 and song.view.selected_track.name == "New Drums"
    host.send_midi_in((0x80, 36, 0))
    host.advance_ms(150)                               # the LED follows (armed? (track 1))
    host.send_midi_in((0xB0, 21, 127))                 # cc 21: volume of track 1
    assert abs(song.tracks[0].mixer_device.volume.value - 1.0) < 1e-9
    rack = next(d for d in track(song, "Keys").devices if d.name == "Instrument Rack")
    cutoff = next(p for p in rack.parameters if p.name == "Cutoff")
    song.view.selected_track = track(song, "Keys")
    host.advance_ms(20)
    start = cutoff.value
    host.send_midi_in((0xB0, 22, 5))                   # relative encoder: five clicks up
    assert cutoff.value > start
    host.send_midi_in((0x9F - 6, 36, 127))             # note 36 on channel 10 ...
    host.send_midi_in((0x89, 36, 0))                   # ... :release: unarm all
    assert not any(t.arm for t in song.tracks if t.can_be_armed)
    host.send_midi_in((0x90, 98, 127))                 # hold shift: pad 36 deletes the selected track
    n = len(song.tracks)
    host.send_midi_in((0x90, 36, 127))
    assert len(song.tracks) == n - 1
    host.send_midi_in((0x80, 36, 0))
    host.send_midi_in((0x80, 98, 0))
    assert host.midi_out, "the LED of pad 36 was never sent"


def test_section_7_triggers(live):
    host, script = live
    song = host.song
    song.tracks[1].clip_slots[0].clip.name = "(seq (tempo 124) (metronome off))"
    song.metronome = True
    run(script, host, "(fire (clip 2 1) :quantize :none)", ms=200)
    assert song.tempo == 124 and not song.metronome
    run(script, host, '(on :tempo-change (message (str "tempo now " (tempo))))')
    run(script, host, "(tempo 100)", ms=100)
    assert any("tempo now 100" in m for _, m in host.messages)


def test_one_undo_restores_the_set_after_a_macro(live):
    host, script = live
    song = host.song
    before = save_set(song)
    run(script, host, '(seq (create-track midi) (for-each track (add-device "Compressor")) (arm all))')
    assert save_set(song) != before
    song.undo()
    assert save_set(song) == before
