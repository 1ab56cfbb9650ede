"""The timeline of `lmac run` shows what the instrument actions change, as a musician sees it in
Live: Drum Rack pads, Simpler's modes, the Looper's state, clip envelopes being drawn and played."""
from lmac.cli import main


def run(capsys, tmp_path, source):
    f = tmp_path / "t.lmac"
    f.write_text(source)
    status = main(["run", str(f)])
    out, err = capsys.readouterr()
    assert status == 0, err
    return [l.split(" ms  ", 1)[1] for l in out.split("--- final set")[0].splitlines()]


def test_pad_changes_and_simpler_modes(capsys, tmp_path):
    lines = run(capsys, tmp_path, '(with (track "Drums") (pad-mute "Open Hat") (pad-volume "Snare" 0.5)\n'
                                  '  (simpler-mode (pad-simpler "Kick") :one-shot))\n'
                                  '(wait-beats 1) (pad-unmute (track "Drums") :all)\n')
    assert '909 Core Kit on "Drums": pad "Open Hat 909" playing -> muted' in lines
    assert '909 Core Kit on "Drums": pad "Snare 909" volume 0.85 -> 0.5' in lines
    assert '909 Core Kit on "Drums": pad "Kick 909" Simpler playback mode :classic -> :one-shot' in lines
    assert '909 Core Kit on "Drums": pad "Open Hat 909" muted -> playing' in lines


def test_sample_edits_and_the_looper(capsys, tmp_path):
    lines = run(capsys, tmp_path, '(reverse-sample (pad-simpler (track "Drums") "Snare"))\n'
                                  '(with (track "Vox") (add-device "Looper") (wait-beats 1) (looper :record)\n'
                                  '  (wait-bars 1) (looper :play))\n')
    assert 'reversed the sample of Simpler of pad "Snare 909" on "Drums"' in lines
    assert 'Looper on "Vox": State Stop -> Record' in lines
    assert 'Looper on "Vox": State Record -> Play' in lines


def test_an_envelope_drawn_then_heard(capsys, tmp_path):
    lines = run(capsys, tmp_path, '(envelope-step (clip "Bass A") :volume 2 2 0.5)\n'
                                  '(fire (clip "Bass A")) (wait-bars 1)\n')
    assert 'envelope of Track Volume in clip "Bass A" on "Bass": step 0.5 from beat 2 for 2' in lines
    moves = [l for l in lines if l.startswith('volume of "Bass"')]
    assert moves and moves[0].endswith("-> 0.5")
