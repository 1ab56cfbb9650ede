"""The Pygments lexer: token kinds, word lists from the registry and the vocabulary, every
shipped .lmac file lexes without Error tokens, and the entry point makes pygmentize find it."""
import glob
import os
import subprocess
import sys

from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error, Keyword, Name, Number, String, Comment, Operator

from lmac.editor_support.lexer import LmacLexer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tokens(text):
    return [(t, v) for t, v in LmacLexer().get_tokens(text) if v.strip()]


def test_token_kinds():
    toks = dict((v, t) for t, v in tokens(
        '(defn fade (t) "doc ;not a comment" (wait-bars 1/16) (when true :bar -0.5 42)) ; note\n'
        "`(a ~b ~@c 'd)"))
    assert toks["defn"] is Keyword and toks["when"] is Keyword
    assert toks["fade"] is Name.Function
    assert toks["wait-bars"] is Name.Builtin
    assert toks["1/16"] is Number and toks["42"] is Number.Integer and toks["-0.5"] is Number.Float
    assert toks['"doc ;not a comment"'] is String.Double
    assert toks[":bar"] is String.Symbol
    assert toks["true"] is Keyword.Constant
    assert toks["; note"] is Comment.Single
    assert toks["~@"] is Operator and toks["'"] is Operator
    assert toks["t"] is Name.Variable


def test_actions_are_builtins():
    from lmac.surface.actions.registry import REGISTRY, load_all
    load_all()
    assert REGISTRY, "no actions registered: surface/actions/families did not load"
    for name in REGISTRY:
        kinds = [t for t, v in tokens("(%s)" % name) if v == name]
        assert kinds in ([Name.Builtin], [Keyword]), (name, kinds)  # `loop` is also a special form


def test_shipped_files_lex_without_errors():
    files = glob.glob(os.path.join(ROOT, "stdlib_macros", "**", "*.lmac"), recursive=True) + \
        glob.glob(os.path.join(ROOT, "examples", "**", "*.lmac"), recursive=True) + \
        glob.glob(os.path.join(ROOT, "tests", "**", "*.lmac"), recursive=True)
    assert files
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        errors = [v for t, v in LmacLexer().get_tokens(text) if t in Error]
        assert errors == [], path
        assert "".join(v for _t, v in LmacLexer().get_tokens(text)) == text + ("" if text.endswith("\n") else "\n")


def test_pygments_finds_the_lexer(tmp_path):
    assert isinstance(get_lexer_by_name("lmac"), LmacLexer)
    assert isinstance(get_lexer_for_filename("x.lmac"), LmacLexer)
    f = tmp_path / "a.lmac"
    f.write_text("(defn f (x) x)\n", encoding="utf-8")
    exe = os.path.join(os.path.dirname(sys.executable), "pygmentize")
    cmd = [exe] if os.path.exists(exe) else [sys.executable, "-m", "pygments"]
    out = subprocess.run(cmd + ["-f", "raw", str(f)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Token.Keyword\t'defn'" in out.stdout and "Token.Name.Function\t'f'" in out.stdout


def test_forms_the_surface_adds_are_coloured():
    """bind, for-each, led, import, on, with come from the session (not the bare registry)."""
    text = '(import "mixing")\n(bind (note 36) (for-each track (arm)))\n(led (note 1) :on)\n' \
           '(on :play (with (track 1) (wait-bars 1)))\n'
    found = dict((v, t) for t, v in tokens(text))
    for word in ("import", "bind", "for-each", "led", "on", "with"):
        assert found[word] is Keyword, word
    assert found["wait-bars"] is Name.Builtin and found["track"] is Name.Builtin
