"""lmac check: positions, did-you-mean, argument counts, Live versions, the binding forms."""
import os
import subprocess
import sys

from lmac.editor_support.checker import Checker
from lmac.editor_support.names import known_names
from lmac.interpreter.vocabulary import Entry

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BROKEN = os.path.join(HERE, "fixtures", "broken.lmac")

EXPECTED = [
    "11:1: fade expects 2 arguments, got 1",
    "12:2: 'wiat-bars' not found; did you mean 'wait-bars'?",
    "14:12: 'z' not found",
    "15:1: nth expects 2 to 3 arguments, got 1",
    "16:1: when expects at least 1 argument, got 0",
    "17:35: 'err' not found",
    "20:2: 'p/mapp' not found; did you mean 'p/map'?",
    "21:12: 'unknwon' not found",
    "25:14: 'strr' not found; did you mean 'str'?",
    "26:28: 'b' not found",
]


def messages(text, **kw):
    return ["%d:%d: %s" % (f.line, f.col, f.message) for f in Checker(**kw).check_text(text, "t.lmac")]


def gcc_style(expected):
    """'11:1: message' -> BROKEN:11:1: error: message (the line editors' problem matchers read)."""
    line, col, message = expected.split(":", 2)
    return "%s:%s:%s: error:%s" % (BROKEN, line, col, message)


def test_broken_fixture_exact_positions():
    found = Checker().check_file(BROKEN)
    assert [str(f) for f in found] == [gcc_style(e) for e in EXPECTED]


def test_command_output_and_exit_status(tmp_path):
    good = tmp_path / "good.lmac"
    good.write_text('(defn f (x) (* x 2))\n(f 2)\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", BROKEN], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [gcc_style(e) for e in EXPECTED]
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", str(good)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, "")


def test_lines_match_vscode_gcc_problem_matcher():
    """The regexp of VS Code's built-in $gcc problem matcher (file, line, column, severity, message)."""
    import re
    gcc = re.compile(r"^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$")
    for f in Checker().check_file(BROKEN):
        m = gcc.match(str(f))
        assert m, str(f)
        assert (m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)) == \
            (BROKEN, f.line, f.col, "error", f.message)


def test_json_output_and_exit_statuses(tmp_path):
    import json
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", "--json", BROKEN], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    found = json.loads(run.stdout)
    assert ["%d:%d: %s" % (f["line"], f["column"], f["message"]) for f in found] == EXPECTED
    assert {f["file"] for f in found} == {BROKEN} and {f["severity"] for f in found} == {"error"}
    assert {f["kind"] for f in found} >= {"arity", "unknown-name"}
    good = tmp_path / "good.lmac"
    good.write_text("(prn 1)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", "--json", str(good)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, json.loads(run.stdout)) == (0, [])
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", "--live", "11.x", str(good)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--live expects" in run.stderr
    helptext = subprocess.run([sys.executable, "-m", "lmac.cli", "check", "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120).stdout
    assert "exit status:" in helptext and "0  no findings" in helptext and "--json" in helptext


def test_syntax_error_position():
    assert messages("(prn 1)\n(let (a 1]\n") == [
        "2:10: expected ) to close the list opened at 2:6, found ]"]
    assert messages('(prn "open') [0].startswith("1:6: unterminated string")


def test_binding_forms_are_understood():
    text = """
(def top 1)
(defn f "doc" (a b & rest) (list a b rest top later))
(def later 2)
(fn named (x) (named x))
(let [a 1 b a] (+ a b))
(if-let (v (first [1])) v 0)
(when-let (v 1) v)
(doseq (item [1 2]) (prn item))
(try (throw 1) (catch problem (prn problem)))
'(not checked at all)
`(also ~top ~@(list top))
(defmacro m (x) `(do ~x))
(m (whatever-syntax here))
"""
    assert messages(text) == []


def test_let_binds_in_sequence_only():
    assert messages("(let (a b b 1) a)") == ["1:9: 'b' not found"]


def test_unknown_import_and_alias():
    # The loader's own words: where it looked and how to add a folder.
    from lmac.editor_support.names import library_dirs
    assert messages('(import "no-such-lib" :as z)\n(z/anything)') == [
        '1:1: import: no library "no-such-lib" in %s; put no-such-lib.lmac in one of these folders, '
        'or add its folder with --library-path DIR (or LMAC_LIBRARY_PATH)' % " or ".join(library_dirs())]


def test_arity_of_actions_and_live_version():
    names = dict(known_names())
    names["fake-arm"] = Entry("fake-arm", "action", "(fake-arm target?)", (0, 1), "Arm.",
                              family="track", min_live=(11, 0))
    names["fake-new"] = Entry("fake-new", "action", "(fake-new)", (0, 0), "New.",
                              family="track", min_live=(12, 1))
    text = "(fake-arm 1 2)\n(fake-new)\n(def g fake-new)\n"
    assert messages(text, names=names) == ["1:1: fake-arm expects 0 to 1 arguments, got 2"]
    assert messages(text, names=names, live=(11, 3)) == [
        "1:1: fake-arm expects 0 to 1 arguments, got 2",
        "2:2: fake-new needs Live 12.1 or newer (checking for Live 11.3)",
        "3:8: fake-new needs Live 12.1 or newer (checking for Live 11.3)"]


def test_registered_actions_are_known_with_their_arity():
    from lmac.surface.actions.registry import REGISTRY, load_all
    load_all()
    assert REGISTRY, "no actions registered: surface/actions/families did not load"
    for name, action in REGISTRY.items():
        lo, hi = action.arity
        found = messages("(%s%s)" % (name, " 1" * lo))
        assert not [m for m in found if "expects" in m or "not found" in m], (name, found)
        if hi is not None:
            found = messages("(%s%s)" % (name, " 1" * (hi + 1)))
            assert any("%s: expects" % name in m for m in found), (name, found)


def test_live_flag_on_the_command_line(tmp_path):
    from lmac.surface.actions.registry import REGISTRY, load_all
    load_all()
    newer = [a for a in REGISTRY.values() if a.min_live > (11, 3)]
    if not newer:
        return  # nothing in the registry needs more than Live 11.3 yet (covered with fakes above)
    f = tmp_path / "new.lmac"
    f.write_text("(def x %s)\n" % newer[0].name, encoding="utf-8")
    args = [sys.executable, "-m", "lmac.cli", "check", str(f)]
    assert subprocess.run(args, cwd=ROOT, capture_output=True, timeout=120).returncode == 0
    run = subprocess.run(args + ["--live", "11.3"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1 and "needs Live" in run.stdout and ":1:8:" in run.stdout


def test_shipped_files_check_clean():
    """stdlib_macros/ and examples/ pass their own checker."""
    from lmac.editor_support.checker import check_paths
    findings, files = check_paths([os.path.join(ROOT, "stdlib_macros"), os.path.join(ROOT, "examples")])
    assert files
    assert [str(f) for f in findings] == []


def test_clyphx_written_by_habit_gets_the_same_hint_as_at_run_time(tmp_path):
    f = tmp_path / "habit.lmac"
    f.write_text("METRO\n(volum 0.5)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "check", str(f)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    lines = run.stdout.splitlines()
    assert lines[0].endswith("'METRO' not found. This looks like ClyphX: in lmac write (metronome on).")
    assert lines[1].endswith("'volum' not found; did you mean 'volume'?")
