"""The VS Code extension's grammar, tokenized by VS Code's own engine (vscode-textmate with
vscode-oniguruma, run under node; the test installs them with npm into tests/dev/node/
node_modules, which git ignores): the generated file is fresh, sample lines get the expected
scopes, every shipped .lmac file tokenizes cleanly, and the Pygments lexer and the grammar give
every name of the one list (names.highlight_classes) the same class."""
import glob
import json
import os
import re
import subprocess

import pytest
from pygments.token import Keyword, Name

from lmac.editor_support.lexer import LmacLexer
from lmac.editor_support.names import highlight_classes
from lmac.editor_support.vscode_grammar import GRAMMAR_PATH, SCOPES, render

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VSCODE = os.path.join(ROOT, "editor_support", "vscode")


def load(*path):
    with open(os.path.join(VSCODE, *path), encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def textmate(node_tools):
    """tokenize(texts) -> per text, [(token text, [scopes])] from vscode-textmate."""
    node, folder = node_tools

    def tokenize(texts):
        run = subprocess.run([node, "tokenize.js"], cwd=folder, capture_output=True, text=True,
                             input=json.dumps({"grammar": GRAMMAR_PATH, "texts": texts}),
                             timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
        return [[(t, s) for t, s in tokens] for tokens in json.loads(run.stdout)]
    return tokenize


def scope_of(tokens, text):
    found = [ss[-1] if ss else None for t, ss in tokens if t == text]
    assert found, (text, tokens)
    return found[0]


def test_grammar_file_is_generated_from_the_registry():
    with open(GRAMMAR_PATH, encoding="utf-8") as f:
        assert f.read() == render(), \
            "stale: run `lmac docs --write` (or python -m lmac.editor_support.vscode_grammar --write)"


def test_json_files_are_valid_and_wired():
    package = load("package.json")
    contributes = package["contributes"]
    assert contributes["languages"][0]["id"] == "lmac"
    assert contributes["languages"][0]["extensions"] == [".lmac"]
    for entry in contributes["grammars"] + contributes["snippets"]:
        assert os.path.isfile(os.path.join(VSCODE, entry["path"]))
    assert contributes["grammars"][0]["scopeName"] == load("syntaxes", "lmac.tmLanguage.json")["scopeName"]
    assert "lmac.liveVersion" in contributes["configuration"]["properties"]
    snippets = load("snippets", "lmac.json")
    assert {"defn", "bind", "for-each", "seq-wait-bars", "library"} <= set(snippets)


def test_word_pattern_keeps_lmac_words_whole():
    config = load("language-configuration.json")
    assert config["comments"]["lineComment"] == ";"
    word = re.compile(config["wordPattern"])
    for w in ("wait-bars", "armed?", "reset!", "par*", "->>", "mx/duck", "1/16"):
        assert word.fullmatch(w), w
    assert word.findall("(arm (track 1))") == ["arm", "track", "1"]


def test_scopes_of_sample_lines(textmate):
    [tokens] = textmate(['(defn fade-out "Fade." (t bars) ; why\n'
                         '  (volume t (ramp 0 :bars bars)) [1/16 -0.5 42 nil] {:a "x\\"y"})\n'
                         "`(when ~x ~@xs 'y) (my-own-fn 1) (bind (note 36) (for-each track (arm)))"])
    assert scope_of(tokens, "defn") == "keyword.control.definition.lmac"
    assert scope_of(tokens, "fade-out") == "entity.name.function.lmac"
    assert scope_of(tokens, '"') == "punctuation.definition.string.begin.lmac"
    assert scope_of(tokens, "; why") == "comment.line.semicolon.lmac"
    assert scope_of(tokens, "volume") == "support.function.builtin.lmac"
    assert scope_of(tokens, "ramp") == "support.function.builtin.lmac"
    assert scope_of(tokens, ":bars") == "constant.other.keyword.lmac"
    assert scope_of(tokens, "1/16") == "constant.numeric.ratio.lmac"
    assert scope_of(tokens, "-0.5") == "constant.numeric.float.lmac"
    assert scope_of(tokens, "42") == "constant.numeric.integer.lmac"
    assert scope_of(tokens, "nil") == "constant.language.lmac"
    assert scope_of(tokens, "\\\"") == "constant.character.escape.lmac"
    assert scope_of(tokens, "when") == "keyword.control.lmac"
    assert scope_of(tokens, "~@") == "keyword.operator.macro.lmac"
    assert scope_of(tokens, "bars") == "variable.other.lmac"
    assert scope_of(tokens, "my-own-fn") == "entity.name.function.call.lmac"
    assert scope_of(tokens, "[") == "punctuation.section.vector.begin.lmac"
    for word in ("bind", "for-each"):   # forms the surface adds: coloured like when
        assert scope_of(tokens, word) == "keyword.control.lmac", word
    assert scope_of(tokens, "track") == "support.function.builtin.lmac"
    ramp = [ss for t, ss in tokens if t == "ramp"][0]
    assert ramp.count("meta.list.lmac") == 3   # inside two lists and its own


def test_strings_span_lines_and_symbols_are_not_split(textmate):
    [tokens] = textmate(['(message "two\nlines") (armed? nil? nil my-own?)'])
    assert ("lines", ["meta.list.lmac", "string.quoted.double.lmac"]) in tokens
    assert scope_of(tokens, "armed?") == "support.function.builtin.lmac"
    assert scope_of(tokens, "nil?") == "support.function.builtin.lmac"
    assert scope_of(tokens, "nil") == "constant.language.lmac"
    assert scope_of(tokens, "my-own?") == "variable.other.lmac"


PYGMENTS_CLASS = {Keyword: "keyword", Name.Builtin: "builtin"}
TEXTMATE_CLASS = {scope: cls for cls, scope in SCOPES.items()}
TEXTMATE_CLASS["keyword.control.definition.lmac"] = "keyword"   # def/defn/defmacro before a name


def test_pygments_and_vscode_agree_on_every_name(textmate):
    classes = highlight_classes()
    assert {"bind", "for-each", "led", "import", "on", "with"} <= \
        {n for n, c in classes.items() if c == "keyword"}
    assert classes["wait-bars"] == classes["wait-next-bar"] == "builtin"
    names = list(classes)
    texts = ["(%s) (x %s)" % (n, n) for n in names]
    results = textmate(texts)
    lexer = LmacLexer()
    for name, tokens in zip(names, results):
        vscode = [TEXTMATE_CLASS.get(ss[-1] if ss else None) for t, ss in tokens if t == name]
        pygments = [PYGMENTS_CLASS.get(t) for t, v in lexer.get_tokens("(%s) (x %s)" % (name, name))
                    if v == name]
        assert vscode == pygments == [classes[name]] * 2, (name, vscode, pygments)


def test_shipped_files_tokenize_and_agree_with_pygments(textmate):
    files = sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.lmac"), recursive=True) +
                   glob.glob(os.path.join(ROOT, "stdlib_macros", "**", "*.lmac"), recursive=True))
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    classes = highlight_classes()
    for path, text, tokens in zip(files, texts, textmate(texts)):
        assert "".join(t for t, _ss in tokens) == text, path
        assert not [t for t, ss in tokens if any("invalid" in s for s in ss)], path
        closers = [ss for t, ss in tokens if ss and re.match(r"punctuation\.section\.\w+\.end", ss[-1])]
        assert len([s for s in closers[-1] if s.startswith("meta.")]) == 1, (path, "left open")
        # every known name outside strings and comments: the same class as Pygments gives it
        vscode = [(t, TEXTMATE_CLASS.get(ss[-1])) for t, ss in tokens
                  if t in classes and ss and not any(s.startswith(("string", "comment")) for s in ss)
                  and ss[-1] != "entity.name.function.lmac"]
        pygments = [(v, PYGMENTS_CLASS.get(t)) for t, v in LmacLexer().get_tokens(text)
                    if v in classes and t is not Name.Function]
        assert vscode == pygments, path


def test_docs_write_regenerates_the_grammar_of_the_checkout(tmp_path, monkeypatch, capsys):
    import argparse
    from lmac.commands import docs
    checkout = tmp_path / "checkout"
    (checkout / "docs").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("")
    grammar = checkout / "editor_support" / "vscode" / "syntaxes" / "lmac.tmLanguage.json"
    grammar.parent.mkdir(parents=True)
    grammar.write_text("{}", encoding="utf-8")   # stale
    monkeypatch.setattr(docs, "ROOT", str(checkout))
    assert docs.run(argparse.Namespace(write="")) == 0
    assert grammar.read_text(encoding="utf-8") == render()
    assert "wrote %s" % grammar in capsys.readouterr().out
