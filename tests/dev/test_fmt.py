"""lmac fmt: the canonical layout never changes meaning (the result reads to the same forms),
never loses a comment, and formatting twice changes nothing; shipped files, generated messy
files and the command's --check/--write/exit statuses."""
import glob
import os
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from lmac.editor_support.formatter import format_text
from lmac.editor_support.syntax import parse, tokens
from lmac.grammar.reader import read_all
from lmac.interpreter.printer import pr_str

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHIPPED = sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.lmac"), recursive=True) +
                 glob.glob(os.path.join(ROOT, "stdlib_macros", "**", "*.lmac"), recursive=True))


def meaning(text):
    return [pr_str(f) for f in read_all(text)]


def comments(text):
    return [t for kind, t, _ in tokens(text) if kind == "comment"]


def assert_safe(text):
    out = format_text(text)
    assert meaning(out) == meaning(text)
    assert comments(out) == comments(text)
    assert format_text(out) == out, "not idempotent"
    assert "".join(t for _k, t, _s in tokens(text)) == text     # the tree is lossless
    return out


def test_shipped_files_keep_meaning_and_comments():
    assert len(SHIPPED) > 20
    for path in SHIPPED:
        with open(path, encoding="utf-8") as f:
            assert_safe(f.read())


def test_layout_rules():
    messy = ('\n\n(defn   f  "doc"   (x y)   ; params stay, with their spacing\n'
             '        (let [a 1,   b 2]\n   (+ a b x)\n   )   )\n'
             "(def m {:a 1, :b\n  2})   (prn 'x ' y `(a ~b ~@ c))\n"
             '(when true ; c1\n  ; c2\n  )\n(foo\n  1 2)\n(foo 1\n  2 "multi\nline string" 3)\n\n\n\n; end')
    assert assert_safe(messy) == (
        '(defn f "doc" (x y)   ; params stay, with their spacing\n'
        '  (let [a 1, b 2]\n    (+ a b x)))\n'
        "(def m {:a 1, :b\n        2}) (prn 'x 'y `(a ~b ~@c))\n"
        '(when true ; c1\n  ; c2\n  )\n(foo\n  1 2)\n(foo 1\n     2 "multi\nline string" 3)\n\n; end\n')


def test_calls_align_and_bodies_indent():
    text = ("(seq (tempo 120)\n(wait-bars 1))\n(cond (a) 1\n(b) 2)\n(if (a)\n1\n2)\n"
            "(bind (note 36)\n(arm))\n(let (a 1\nb 2)\na)\n((fn (x) x)\n1)\n")
    assert assert_safe(text) == (
        "(seq (tempo 120)\n     (wait-bars 1))\n(cond (a) 1\n      (b) 2)\n(if (a)\n  1\n  2)\n"
        "(bind (note 36)\n  (arm))\n(let (a 1\n      b 2)\n  a)\n((fn (x) x)\n 1)\n")


def test_reader_macros_stay_what_they_were():
    assert assert_safe("`(a ~ @b ~ (c) ' d ~@ e)") == "`(a ~ @b ~(c) 'd ~@e)\n"


def test_unreadable_text_is_refused():
    from lmac.interpreter.values import LmacSyntaxError
    try:
        format_text("(defn f (x)\n  (+ x 1)\n")
    except LmacSyntaxError as e:
        assert "expected )" in e.message
    else:
        raise AssertionError("formatted unreadable text")


# ---- generated messy files -------------------------------------------------------------------
ATOMS = st.sampled_from(["a", "@a", "fire", "wait-bars", "x/y", "1", "-2.5", "1/16", ":bar", "nil",
                         "true", '"s"', '"two\\nlines"', '"a ; not a comment"', '"\n"', "+", "->>"])
SPACE = st.sampled_from([" ", "  ", "\n", "\n\n\n", " , ", ",", "\t", "\n   "])


PREFIXED_ATOMS = st.tuples(st.sampled_from(["", "", "'", "~", "~ ", "` "]), ATOMS).map("".join)


def forms(depth):
    if depth == 0:
        return PREFIXED_ATOMS
    inner = st.lists(st.tuples(SPACE, forms(depth - 1), st.booleans()), max_size=5)
    opener = st.sampled_from(["()", "[]", "{}"])

    def build(parts):
        (brackets, items, prefix) = parts
        body = ""
        for space, item, comment in items:
            body += space + item + (" ; note\n" if comment else "")
        if brackets == "{}":
            body += " x" if len(items) % 2 else ""   # maps need pairs
        return prefix + brackets[0] + body + brackets[1]
    return st.one_of(PREFIXED_ATOMS, st.tuples(opener, inner, st.sampled_from(["", "'", "`", "~", "~@"]))
                     .map(build))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(SPACE, forms(3), st.booleans()), min_size=1, max_size=4))
def test_generated_messy_files(parts):
    text = "".join(space + form + ("  ; top\n" if comment else "") for space, form, comment in parts)
    try:
        read_all(text)
    except Exception:
        return  # e.g. a map with a list key; the generator aims at readable text
    assert_safe(text)


# ---- the command -----------------------------------------------------------------------------
def lmac(*args):
    return subprocess.run([sys.executable, "-m", "lmac.cli", "fmt"] + list(args), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_command_prints_checks_and_writes(tmp_path):
    messy = tmp_path / "messy.lmac"
    messy.write_text("(defn f (x)\n      (+ x 1)   )  ; done\n", encoding="utf-8")
    tidy = tmp_path / "tidy.lmac"
    tidy.write_text("(prn 1)\n", encoding="utf-8")
    run = lmac(str(messy))
    assert (run.returncode, run.stdout) == (0, "(defn f (x)\n  (+ x 1))  ; done\n")
    assert messy.read_text(encoding="utf-8").startswith("(defn f (x)\n      ")   # untouched
    run = lmac("--check", str(tmp_path))
    assert run.returncode == 1 and run.stdout == "%s: would be reformatted\n" % messy
    assert lmac("--check", str(tidy)).returncode == 0
    run = lmac("--write", str(tmp_path))
    assert run.returncode == 0
    assert messy.read_text(encoding="utf-8") == "(defn f (x)\n  (+ x 1))  ; done\n"
    assert tidy.read_text(encoding="utf-8") == "(prn 1)\n"
    assert lmac("--check", str(tmp_path)).returncode == 0


def test_command_filters_standard_input():
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "fmt", "-"], cwd=ROOT, text=True,
                         input="(when x\n(prn 1))", capture_output=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, "(when x\n  (prn 1))\n")


def test_command_refuses_unreadable_files(tmp_path):
    bad = tmp_path / "bad.lmac"
    bad.write_text("(prn 1)\n(prn (+ 1 2)\n", encoding="utf-8")
    run = lmac("--write", str(bad))
    assert run.returncode == 2
    assert run.stderr.startswith("%s:2:1: error: " % bad) and "not formatted" in run.stderr
    assert bad.read_text(encoding="utf-8") == "(prn 1)\n(prn (+ 1 2)\n"
    assert "exit status" in lmac("--help").stdout
