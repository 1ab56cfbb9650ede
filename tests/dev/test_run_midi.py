"""`lmac run FILE --midi "T:BYTES"`: a controller without a controller. The file's bindings are
live, MIDI arrives at its virtual times, and the timeline shows, in time order with their stamps,
the MIDI in, the macro each binding ran, the set changes, and the LED MIDI the script sent back."""
import os
import subprocess
import sys

import pytest

from lmac.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "examples", "bindings.lmac")
DEMO_MIDI = ["--midi", "0:90 24 7F", "--midi", "800:80 24 00", "--midi", "1000:B0 15 40",
             "--midi", "1500:90 25 7F"]


def run(capsys, *argv):
    status = main(["run"] + list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def timeline(out):
    """[(position, ms, text)] of the timeline part of the output."""
    rows = []
    for line in out.split("--- final set")[0].splitlines():
        pos, ms, unit, text = line.split(None, 3)
        assert unit == "ms"
        rows.append((pos, int(ms), text))
    return rows


def index(rows, text):
    found = [i for i, r in enumerate(rows) if r[2] == text]
    assert found, "no %r in\n%s" % (text, "\n".join(map(str, rows)))
    return found[0]


def test_demo_midi_in_macro_set_change_led_out_in_order(capsys):
    status, out, err = run(capsys, DEMO, *DEMO_MIDI)
    assert status == 0, err
    rows = timeline(out)
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)      # time order
    press = index(rows, "midi in   note-on ch1 36 vel 127 (90 24 7F)")
    ran = index(rows, "run       bind (note 36 :ch 1)")
    made = index(rows, '+ track 3 "Pads" (midi)')
    armed = index(rows, 'armed "Pads"')
    lit = index(rows, "midi out  note-on ch1 36 vel 127 (90 24 7F)")
    assert press < ran < made < armed < lit
    assert rows[press][:2] == rows[ran][:2] == rows[armed][:2] == ("1.1.1", 0)   # no tick of delay
    assert 0 < rows[lit][1] <= 15                         # the LED follows on the next Timer tick
    release = index(rows, "midi in   note-off ch1 36 vel 0 (80 24 00)")
    assert rows[release][:2] == ("1.2.3", 800)            # 800 ms at 122 BPM is beat 2, 16th 3
    knob = index(rows, "midi in   cc ch1 21 = 64 (B0 15 40)")
    assert rows[knob][:2] == ("1.3.1", 1000)
    assert rows[knob + 1] == ("1.3.1", 1000, "run       bind (cc 21 :ch 1)")
    assert rows[knob + 2] == ("1.3.1", 1000, 'volume of "Pads" 0.85 -> 0.504')
    flip = index(rows, "midi in   note-on ch1 37 vel 127 (90 25 7F)")
    assert rows[flip + 1][2] == "run       bind (note 37 :ch 1)"
    assert rows[flip + 2] == ("1.4.1", 1500, 'unarmed "Pads"')
    dark = index(rows, "midi out  note-off ch1 36 vel 0 (90 24 00)")
    assert flip < dark and 1500 < rows[dark][1] <= 1515
    # LEDs are sent only when they change: one on, one off for pad 36
    assert [r[2] for r in rows if "(90 24 " in r[2] and r[2].startswith("midi out")] == \
        ["midi out  note-on ch1 36 vel 127 (90 24 7F)", "midi out  note-off ch1 36 vel 0 (90 24 00)"]
    final = out.split("--- final set")[1]
    assert '"Pads" (midi): Drum Rack' in final


def test_run_lasts_until_the_last_message_and_the_macros_it_started(capsys, tmp_path):
    f = tmp_path / "hold.lmac"
    f.write_text('(bind (note 38) :hold :hold-ms 800 (println "held") (tempo 99))\n'
                 '(bind (note 40) (spawn (wait-bars 1) (tempo 140)))\n')
    status, out, err = run(capsys, str(f), "--midi", "3000:90 26 7F", "--midi", "3100:90 28 7F")
    assert status == 0, err
    rows = timeline(out)
    held = index(rows, "run       bind (note 38 :ch 1) :hold")
    assert 3800 <= rows[held][1] <= 3815                  # on the first tick after 800 ms held
    assert rows[held + 1][2] == "> held" and rows[held + 2][2] == "tempo 122 -> 99"
    later = index(rows, "tempo 99 -> 140")                # the spawned macro ran to its end
    assert rows[later][1] > 3100 + 1967                   # a bar (at 122 BPM, then slower) after the press


def test_unbound_mapped_and_bad_messages(capsys, tmp_path):
    f = tmp_path / "map.lmac"
    f.write_text('(map-param (cc 23) (param (device (track "Drums") "Glue Compressor") "Threshold"))\n'
                 '(bind (note 39) (throw "boom"))\n')
    status, out, err = run(capsys, str(f), "--midi", "100:B0 17 10", "--midi", "200:90 30 7F",
                           "--midi", "300:90 27 7F")
    assert status == 1                                    # a binding failed
    assert err.startswith("error: %s:2:17: boom" % f)
    rows = timeline(out)
    mapped = index(rows, "midi in   cc ch1 23 = 16 (B0 17 10)")
    assert rows[mapped + 1] == ("1.1.1", 100, 'Glue Compressor on "Drums": Threshold -12 -> -34.961')
    index(rows, "midi in   note-on ch1 48 vel 127 (90 30 7F)  (no binding)")
    boom = index(rows, "run       bind (note 39 :ch 1)")
    assert rows[boom + 1] == ("1.1.3", 300, "! %s:2:17: boom" % f)


def test_surface_reports_show_in_the_timeline(capsys, tmp_path):
    f = tmp_path / "nope.lmac"
    f.write_text('(map-param (cc 23) (param (device "Nope") "Threshold"))\n')
    status, out, err = run(capsys, str(f), "--midi", "0:B0 17 10")
    rows = timeline(out)
    assert any(r[2].startswith('! map-param (cc 23 :ch 1): ') and "Nope" in r[2] for r in rows)


def test_bars_cuts_the_run_and_says_what_was_not_sent(capsys, tmp_path):
    f = tmp_path / "t.lmac"
    f.write_text("(bind (note 36) (tempo 100))\n")
    status, out, err = run(capsys, str(f), "--bars", "1", "--midi", "100:90 24 7F", "--midi", "5000:90 24 7F")
    assert status == 0
    assert "1 --midi message after the end of the run (--bars 1) were not sent" in err
    assert "midi in   note-on ch1 36 vel 127 (90 24 7F)" in out and "5000 ms" not in out


def test_bad_midi_argument_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["run", DEMO, "--midi", "800 80 24 00"])
    assert e.value.code == 2
    assert "--midi expects TIME_MS:HEX BYTES" in capsys.readouterr().err


def test_python_dash_m_lmac_runs_the_demo(tmp_path):
    out = subprocess.run([sys.executable, "-m", "lmac", "run", DEMO] + DEMO_MIDI,
                         capture_output=True, text=True, timeout=120, cwd=str(tmp_path))
    assert out.returncode == 0, out.stderr
    rows = timeline(out.stdout)
    assert index(rows, "midi in   note-on ch1 36 vel 127 (90 24 7F)") < \
        index(rows, 'armed "Pads"') < index(rows, "midi out  note-on ch1 36 vel 127 (90 24 7F)")
