"""The timeline of `lmac run` (surface/timeline.py): glides are one monotonic run of small steps,
device parameters by name, lines in the order they happened, stamps from before a jump, enums as
lmac's words, tracks labelled as the language names them."""
import os

from lmac.cli import main
from lmac.commands.run import start_host
from lmac.surface.timeline import Timeline


def run(capsys, tmp_path, source, *argv):
    f = tmp_path / "t.lmac"
    f.write_text(source)
    status = main(["run", str(f)] + list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    body = out.split("--- final set")[0].splitlines()
    return [(l.split()[0], int(l.split()[1]), l.split(" ms  ", 1)[1]) for l in body], out


def texts(rows, contains=""):
    return [text for _, _, text in rows if contains in text]


def test_a_ramp_then_a_drop_are_two_lines(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(send (track "Keys") "A" 0.1)\n(wait-beats 1)\n'
                                    '(send (track "Keys") "A" (ramp 0.8 :bars 1))\n(wait-bars 1)\n'
                                    '(send (track "Keys") "A" 0)\n')
    sends = texts(rows, "send A")
    assert sends[0] == 'send A of "Keys" 0.3 -> 0.1'
    # the drop lands in the tick the ramp would have ended: it cuts the ramp's last step
    assert sends[1].startswith('send A of "Keys" 0.1 -> 0.79') and "(glide until 2.1.4" in sends[1]
    assert sends[2].startswith('send A of "Keys" 0.79') and sends[2].endswith(" -> 0")
    assert len(sends) == 3


def test_fade_out_then_fade_in_shows_both_moves(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(import "mixing" :as mix)\n(mix/fade-out (track "Keys") :bars 1)\n'
                                    '(mix/fade-in (track "Keys") :bars 1 :to 0.6)\n')
    moves = [t.split("  (")[0] for t in texts(rows, 'volume of "Keys"')]
    assert moves == ['volume of "Keys" 0.7 -> 0', 'volume of "Keys" 0 -> 0.6']


def test_bend_jumps_are_separate_lines(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(bind (pitch-bend) (fn (b) (pan (track "Keys") b)))\n',
                  "--midi", "0:E0 7F 7F", "--midi", "1:E0 00 00", "--midi", "2:E0 00 40")
    assert texts(rows, "pan of") == ['pan of "Keys" -0.2 -> 1', 'pan of "Keys" 1 -> -1', 'pan of "Keys" -1 -> 0']


def test_device_parameters_by_name(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(set-param (param (device (track "Bass") "Saturator") "Drive") (ramp 10 :beats 2))\n'
                                    '(wait-beats 3)\n(device-off (device (track "Vox") "Compressor"))\n')
    drive = texts(rows, "Saturator")
    assert len(drive) == 1 and drive[0].startswith('Saturator on "Bass": Drive 6 -> 10  (glide until 1.3.1')
    assert 'Compressor on "Vox" turned off' in texts(rows)
    assert not texts(rows, "parameter changed")


def test_order_within_a_tick(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(metronome on)\n(println "hi")\n(tempo 100)\n'
                                    '(wait-beats 1)\n(launch-scene "Verse" :quantize :bar)\n(wait-beats 3)\n(delete-scene "Intro")\n')
    assert texts(rows)[:4] == ["transport playing", "metronome on", "> hi", "tempo 122 -> 100"]
    later = [t for p, _, t in rows if p == "2.1.1"]
    assert later.index('clip "Bass A" playing on "Bass"') < later.index('- clip "Pad" from slot 1 of "Keys"')
    assert later[-1] == '- scene "Intro"'


def test_stamps_before_a_jump_and_the_jump_itself(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, "(tempo 100)\n(jump-to 16)\n(wait-beats 2)\n(metronome on)\n")
    assert ("1.1.1", 0, "tempo 122 -> 100") in rows
    assert ("5.1.1", 0, "jump to 5.1.1") in rows
    metronome = [r for r in rows if r[2] == "metronome on"][0]
    assert metronome[0] == "5.3.1" and 1190 <= metronome[1] <= 1215      # two beats at 100 BPM: 1200 ms


def test_quantization_in_words(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, "(quantize :none)\n(record-quantize 1/16)\n")
    assert "launch quantization :bar -> :none" in texts(rows)
    assert "record quantization :none -> :sixteenth" in texts(rows)


def test_tracks_labelled_as_the_language_names_them(capsys, tmp_path):
    rows, out = run(capsys, tmp_path, '(create-return)\n')
    assert texts(rows, "+ track") == ['+ track C "C-Return" (return)']
    summary = out.split("--- final set")[1].splitlines()
    assert any(l.split()[:2] == ["5", '"Vox"'] for l in summary)
    assert any(l.split()[:2] == ["A", '"A'] for l in summary)
    assert any(l.split()[:2] == ["main", '"Main"'] for l in summary)


def test_a_new_ramp_in_the_same_direction_is_a_new_line():
    """With the ramp registry, a ramp that takes over from another is its own move."""
    host, script = start_host()
    song = host.song
    timeline = Timeline(song, script.live.clock, ramps=script.live.ramps)
    song.start_playing()
    script.add_component(timeline)
    script.start_macro('(volume (track "Keys") (ramp 0.5 :beats 1))\n(wait-beats 1)\n'
                       '(volume (track "Keys") (ramp 0.2 :beats 1))\n')
    for _ in range(60):
        host.advance_ms(50)
    moves = [l.split(" ms  ")[1].split("  (")[0] for l in timeline.lines() if "volume" in l]
    assert len(moves) == 2      # the second ramp starts where the first one was cut
    assert moves[0].startswith('volume of "Keys" 0.7 -> 0.5') and moves[1].endswith(" -> 0.2")
    host.disconnect()


def test_clip_and_note_edits_are_shown(capsys, tmp_path):
    """Edits a musician sees in Live's clip view are lines of their own (issue 12)."""
    rows, _ = run(capsys, tmp_path, '(transpose (clip "Bass A") -12)\n(warp-mode (clip "Hook") :complex)\n'
                                    '(clip-gain (clip "Hook") 0.5)\n(transpose (clip "Hook") 3)\n'
                                    '(color (clip "Pad Out") :red)\n(clip-loop (clip "Keys" 1) 2)\n'
                                    '(wait-beats 1)\n(random-velocity (clip "Pad Out") 10 20)\n'
                                    '(clip-mute (clip "Pad Out"))\n')
    shown = texts(rows)
    assert 'notes of clip "Bass A" on "Bass" transposed -12' in shown
    assert 'clip "Hook" on "Vox" warp mode :beats -> :complex' in shown
    assert 'clip "Hook" on "Vox" gain 0.4 -> 0.5' in shown
    assert 'clip "Hook" on "Vox" pitch +0 -> +3 st' in shown
    assert 'clip "Pad" on "Keys" loop 0-8 -> 0-2' in shown
    assert texts(rows, 'colour of clip "Pad Out"') == ['colour of clip "Pad Out" on "Keys" -> #ff3636']
    assert texts(rows, "velocities of")[0].startswith('velocities of clip "Pad Out" on "Keys" changed (average ')
    assert 'clip "Pad Out" on "Keys" deactivated' in shown


def test_values_set_on_a_just_created_track_and_device_are_shown(capsys, tmp_path):
    rows, _ = run(capsys, tmp_path, '(create-track midi)\n(volume 0.5)\n(add-device "Compressor")\n'
                                    '(set-param (param "Threshold") 0.3)\n(wait-beats 1)\n'
                                    '(add-device "Saturator")\n(set-param (param (device "Saturator") "Drive") 12)\n')
    shown = texts(rows)
    assert 'volume of "3-MIDI" 0.85 -> 0.5' in shown
    assert shown.index('Compressor added to "3-MIDI"') < shown.index('Compressor on "3-MIDI": Threshold 0 -> 0.3')
    assert any(t.startswith('Saturator on "3-MIDI": Drive ') and t.endswith(" -> 12") for t in shown)


def test_timeline_rereads_only_what_notified(monkeypatch):
    """A tick that changed nothing reads no track; one volume change re-reads that one track, not the
    set (issue 13: the timeline used to copy the whole set every tick)."""
    from lmac.surface import timeline as tl
    host, script = start_host()
    song = host.song
    listeners_before = song._world.listener_count
    live = tl.LiveSnapshot(song)
    first = live.take()
    reads = []
    real = tl.track_part
    monkeypatch.setattr(tl, "track_part", lambda *a, **k: reads.append(a[1].name) or real(*a, **k))
    assert live.take()["tracks"] is first["tracks"] and reads == []
    with song._world.undo.quiet():
        song.tracks[2].mixer_device.volume.value = 0.3
    second = live.take()
    assert reads == [song.tracks[2].name]
    changed = [k for (k, a), (_, b) in zip(first["tracks"], second["tracks"]) if a is not b]
    assert len(changed) == 1
    assert tl.changes(first, second)[0].text.startswith('volume of "%s"' % song.tracks[2].name)
    live.close()
    assert song._world.listener_count == listeners_before      # every listener it added is gone
    host.disconnect()
