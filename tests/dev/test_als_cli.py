"""Your own Live set as the dry run, from the command line: `lmac run/repl/check --set MySong.als`
and `lmac sets convert`. The sets are written by the tests (tests/inlive/als_sets.py)."""
import io
import json
import os
import sys

import pytest

from lmac.cli import main

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "inlive"))
from als_sets import write_set  # noqa: E402


@pytest.fixture
def my_song(tmp_path):
    return write_set(tmp_path / "MySong.als", 12)


def cli(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def snapshot(path):
    return open(path, "rb").read(), os.stat(path).st_mtime_ns


def test_run_on_your_own_set(capsys, tmp_path, my_song):
    macro = tmp_path / "show.lmac"
    macro.write_text('(launch-scene (scene "Drop"))\n(wait-bars 1)\n(with (track "Loop") (unmute))\n')
    before = snapshot(my_song)
    status, out, err = cli(capsys, "run", str(macro), "--set", my_song)
    assert status == 0, err
    lines = out.splitlines()
    assert any(l.endswith("tempo 128 -> 140") for l in lines)            # the scene's own tempo
    assert any(l.endswith('clip "Break" playing on "Loop"') for l in lines)
    unmuted = [l for l in lines if l.endswith('unmuted "Loop"')]
    assert unmuted and unmuted[0].split()[0] == "2.1.1"
    assert '     4 "Keys" (midi) soloed: Arpeggiator, Keys Rack, ValhallaRoom, EQ Eight, Reverb, FutureDevice2031' in lines
    assert snapshot(my_song) == before                                      # the .als is only read
    assert "note: %s: unknown device class FutureDevice2031 kept as a device named FutureDevice2031" % my_song in err


def test_run_with_a_file_that_is_no_live_set(capsys, tmp_path):
    macro = tmp_path / "x.lmac"
    macro.write_text("(tempo 120)\n")
    junk = tmp_path / "Notes.als"
    junk.write_text("my notes about the set")
    status, out, err = cli(capsys, "run", str(macro), "--set", str(junk))
    assert status == 1 and out == ""
    assert err.strip().splitlines() == [
        "error: %s is not an Ableton Live set: a .als file is compressed XML that Live writes "
        "(save the set in Live and pass that file)" % junk]


def test_repl_on_your_own_set(capsys, monkeypatch, my_song):
    monkeypatch.setattr(sys, "stdin", io.StringIO('(tempo)\n(name (track 4))\n(name (scene 2))\n'))
    status, out, err = cli(capsys, "repl", "--set", my_song)
    assert status == 0, err
    assert out.splitlines()[-3:] == ["128.0", '"Keys"', '"Drop"']


def test_check_names_against_your_set(capsys, tmp_path, my_song):
    macro = tmp_path / "gig.lmac"
    macro.write_text('(with (track "keys") (mute))\n'          # case-insensitive, as when it runs
                     '(volume (track "Keyz") 0.5)\n'
                     '(launch-scene (scene "Outro"))\n'
                     '(fire (clip "Chords"))\n'
                     '(fire (clip "Verse"))\n'
                     '(with (return "A") (unmute))\n'
                     '(with (return "C") (unmute))\n'
                     '(device-off (device "Glue It"))\n'
                     '(device-off (device "Limitr"))\n'
                     '(for-each (tracks "Drum*") (mute))\n'
                     "(with (track 7) (mute))\n"
                     "'(track \"Quoted\")\n"
                     '(set-param (param "Threshold") -20)\n'
                     '(set-param (param "Treshold") -20)\n'
                     '(device-off (device "Operator"))\n')      # only inside a rack chain
    status, out, err = cli(capsys, "check", str(macro), "--set", my_song)
    assert status == 1
    assert out.splitlines() == [
        '%s:2:9: error: MySong.als has no track named "Keyz"; did you mean "Keys"?' % macro,
        '%s:3:15: error: MySong.als has no scene named "Outro"; did you mean "Intro"?' % macro,
        '%s:5:7: error: MySong.als has no clip named "Verse" (its clips: "Four", "Break", "Chords", "Lead")' % macro,
        '%s:7:7: error: MySong.als has no return track named "C" (its return tracks: "A-Verb", "B-Echo")' % macro,
        '%s:9:13: error: MySong.als has no device named "Limitr"; did you mean "Limiter"?' % macro,
        "%s:11:7: error: MySong.als has no track 7 (it has 5)" % macro,
        '%s:14:12: error: MySong.als has no parameter named "Treshold"; did you mean "Threshold"?' % macro,
        "%s:15:13: error: MySong.als has \"Operator\" only inside a rack chain; (device ...) looks at a track's own devices"
        % macro]


def test_check_without_set_does_not_know_names(capsys, tmp_path):
    macro = tmp_path / "gig.lmac"
    macro.write_text('(volume (track "Keyz") 0.5)\n')
    status, out, err = cli(capsys, "check", str(macro))
    assert (status, out) == (0, "")


def test_convert_writes_the_json_set_format(capsys, tmp_path, my_song):
    out_path = tmp_path / "MySong.json"
    before = snapshot(my_song)
    status, out, err = cli(capsys, "sets", "convert", my_song, "-o", str(out_path))
    assert status == 0, err
    assert out.strip() == "wrote %s: 5 tracks, 2 returns, 4 scenes, tempo 128" % out_path
    assert "unknown device class FutureDevice2031" in err
    data = json.loads(out_path.read_text())
    assert data["format"] == "lmac-virtual-live-set" and data["signature"] == [6, 8]
    assert [t["name"] for t in data["tracks"][0]["children"]] == ["Kick", "Loop"]
    assert snapshot(my_song) == before
    # the JSON is a set `--set` takes, and it is the same set
    macro = tmp_path / "m.lmac"
    macro.write_text("(tempo 100)\n")
    status_json, out_json, _ = cli(capsys, "run", str(macro), "--set", str(out_path), "--no-play")
    status_als, out_als, _ = cli(capsys, "run", str(macro), "--set", my_song, "--no-play")
    assert status_json == status_als == 0 and out_json == out_als


def test_convert_never_overwrites_without_force(capsys, tmp_path, my_song):
    out_path = tmp_path / "Mine.json"
    out_path.write_text("my own notes")
    status, out, err = cli(capsys, "sets", "convert", my_song, "-o", str(out_path))
    assert status == 1 and "already exists; pass --force" in err
    assert out_path.read_text() == "my own notes"
    status, out, err = cli(capsys, "sets", "convert", my_song, "-o", str(out_path), "--force")
    assert status == 0 and json.loads(out_path.read_text())["tempo"] == 128.0
    assert sorted(os.listdir(str(tmp_path))) == ["Mine.json", "MySong.als"]   # no temporary left


def test_convert_default_output_and_refusals(capsys, tmp_path, my_song):
    status, out, err = cli(capsys, "sets", "convert", my_song)
    assert status == 0 and os.path.exists(str(tmp_path / "MySong.json"))
    status, out, err = cli(capsys, "sets", "convert", my_song, "-o", my_song)
    assert status == 1 and "would replace the set itself" in err
    junk = tmp_path / "junk.als"
    junk.write_bytes(b"\x00\x01")
    status, out, err = cli(capsys, "sets", "convert", str(junk), "-o", str(tmp_path / "j.json"))
    assert status == 1 and "is not an Ableton Live set" in err and not os.path.exists(str(tmp_path / "j.json"))


def test_commands_hand_lxml_to_the_reader(capsys, tmp_path, my_song, monkeypatch):
    """lxml is in the dev extras; the commands that read sets use it (in-Live code never imports it)."""
    etree = pytest.importorskip("lxml.etree")
    from lmac.surface.virtual_live.als import reader
    monkeypatch.setattr(reader, "_lxml", None)
    status, out, err = cli(capsys, "sets", "convert", my_song, "-o", str(tmp_path / "x.json"))
    assert status == 0 and reader._lxml is etree
