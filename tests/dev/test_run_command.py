"""`lmac run`: a timeline of set changes stamped bar.beat.sixteenth and ms, a final summary, errors
with positions and exit status 1, --json-state and --bars."""
import json
import os

from lmac.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(capsys, *argv):
    status = main(["run"] + list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_first_macro_timeline(capsys, tmp_path):
    state = tmp_path / "out.json"
    status, out, err = run(capsys, os.path.join(ROOT, "examples", "first-macro.lmac"), "--json-state", str(state))
    assert status == 0, err
    lines = out.splitlines()
    assert '    1.1.1      0 ms  + track 3 "3-MIDI" (midi)' in lines
    assert '    1.1.1      0 ms  Compressor added to "3-MIDI"' in lines
    armed = [l for l in lines if l.endswith('armed "Drums"')]
    assert armed and armed[0].split()[0] == "2.1.1"
    ms = int(armed[0].split()[1])
    assert 1967 <= ms <= 1990            # one bar at 122 BPM is 1967 ms; at most a tick late
    assert "--- final set" in lines
    data = json.loads(state.read_text())
    flat = []

    def walk(tracks):
        for t in tracks:
            flat.append(t)
            walk(t.get("children", []))
    walk(data["tracks"])
    assert any(t["name"] == "3-MIDI" and t["arm"] for t in flat)


def test_errors_have_positions_and_exit_1(capsys, tmp_path):
    f = tmp_path / "bad.lmac"
    f.write_text('(do (tempo 100)\n    (arm (track "Bas")))\n')
    status, out, err = run(capsys, str(f))
    assert status == 1
    assert err.startswith("error: %s:2:5: arm: (track \"Bas\") matched no track" % f)
    assert "tempo 122 -> 100" in out


def test_bars_option_runs_that_long(capsys, tmp_path):
    f = tmp_path / "loop.lmac"
    f.write_text("(spawn (loop () (wait-bars 1) (tempo (by 1)) (recur)))\n")
    status, out, err = run(capsys, str(f), "--bars", "3")
    assert status == 0, err
    assert "tempo 124 -> 125" in out and "tempo 125 -> 126" not in out
