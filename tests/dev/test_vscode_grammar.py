"""The VS Code extension: its JSON files are valid, every regex of the TextMate grammar compiles
with Python's `re` (the grammar keeps to constructs Oniguruma and `re` share), and a small
TextMate tokenizer written here gives the expected scopes on sample lines."""
import json
import os
import re

from lmac.interpreter.vocabulary import core_vocabulary

VSCODE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "editor_support", "vscode")


def load(*path):
    with open(os.path.join(VSCODE, *path), encoding="utf-8") as f:
        return json.load(f)


GRAMMAR = load("syntaxes", "lmac.tmLanguage.json")


def all_rules(grammar):
    stack = [grammar] + list(grammar["repository"].values())
    while stack:
        rule = stack.pop()
        yield rule
        stack.extend(rule.get("patterns", []))


class Tokenizer(object):
    """Enough of TextMate's algorithm for this grammar: at each position, the rule whose match
    starts first wins (ties: the earlier rule); begin/end rules push a state that lasts across
    lines until `end` matches."""

    def __init__(self, grammar):
        self.repo = grammar["repository"]
        self.root = grammar["patterns"]

    def expand(self, patterns):
        out = []
        for p in patterns:
            if "include" in p:
                target = self.repo[p["include"][1:]]
                out.extend(self.expand([target]) if "patterns" not in target or "begin" in target
                           else self.expand(target["patterns"]))
            elif "match" in p or "begin" in p:
                out.append(p)
            else:
                out.extend(self.expand(p["patterns"]))
        return out

    def tokenize(self, text):
        """[(token text, [scopes])] for a whole text (several lines)."""
        tokens, stack = [], []  # stack of (rule, scopes)
        for line in text.split("\n"):
            pos = 0
            while pos < len(line):
                scopes = [s for _r, ss in stack for s in ss]
                rule = stack[-1][0] if stack else None
                candidates = self.expand(rule.get("patterns", []) if rule else self.root)
                best, best_start, is_end = None, None, False
                if rule is not None:
                    m = re.compile(rule["end"]).search(line, pos)
                    if m:
                        best, best_start, is_end = m, m.start(), True
                for p in candidates:
                    m = re.compile(p.get("match") or p["begin"]).search(line, pos)
                    if m and (best_start is None or m.start() < best_start):
                        best, best_start, is_end, chosen = m, m.start(), False, p
                if best is None:
                    tokens.append((line[pos:], scopes))
                    break
                if best.start() > pos:
                    tokens.append((line[pos:best.start()], scopes))
                if is_end:
                    caps = rule.get("endCaptures", {})
                    tokens.append((best.group(0), scopes + [caps.get("0", {}).get("name")]))
                    stack.pop()
                elif "match" in chosen:
                    self.emit(tokens, best, chosen, scopes)
                else:
                    outer = scopes + ([chosen["name"]] if "name" in chosen else [])
                    caps = chosen.get("beginCaptures", {})
                    tokens.append((best.group(0), outer + [caps.get("0", {}).get("name")]))
                    stack.append((chosen, [chosen["name"]] if "name" in chosen else []))
                pos = max(best.end(), pos + (best.end() == pos))
        return [(t, [s for s in ss if s]) for t, ss in tokens if t.strip()]

    def emit(self, tokens, m, rule, scopes):
        base = scopes + ([rule["name"]] if "name" in rule else [])
        caps = rule.get("captures", {})
        if not caps:
            tokens.append((m.group(0), base))
            return
        for i in range(1, (m.lastindex or 0) + 1):
            if m.group(i):
                tokens.append((m.group(i), base + [caps.get(str(i), {}).get("name")]))


def scope_of(tokens, text):
    found = [ss[-1] if ss else None for t, ss in tokens if t == text]
    assert found, (text, tokens)
    return found[0]


def test_json_files_are_valid_and_wired():
    package = load("package.json")
    contributes = package["contributes"]
    assert contributes["languages"][0]["id"] == "lmac"
    assert contributes["languages"][0]["extensions"] == [".lmac"]
    for entry in contributes["grammars"] + contributes["snippets"]:
        assert os.path.isfile(os.path.join(VSCODE, entry["path"]))
    assert contributes["grammars"][0]["scopeName"] == GRAMMAR["scopeName"]
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


def test_every_regex_compiles_with_python_re():
    count = 0
    for rule in all_rules(GRAMMAR):
        for key in ("match", "begin", "end"):
            if key in rule:
                re.compile(rule[key])
                count += 1
    assert count >= 15


def test_special_forms_and_prelude_macros_are_keywords():
    special = GRAMMAR["repository"]["special"]["match"]
    for name, entry in core_vocabulary().items():
        if entry.kind in ("special", "macro"):
            assert re.compile(special).match(name, 0) or re.search(special, "(" + name + " "), name


def test_scopes_of_sample_lines():
    tok = Tokenizer(GRAMMAR)
    tokens = tok.tokenize('(defn fade-out "Fade." (t bars) ; why\n'
                          '  (volume t (ramp 0 :bars bars)) [1/16 -0.5 42 nil] {:a "x\\"y"})\n'
                          "`(when ~x ~@xs 'y)")
    assert scope_of(tokens, "defn") == "keyword.control.definition.lmac"
    assert scope_of(tokens, "fade-out") == "entity.name.function.lmac"
    assert scope_of(tokens, '"') == "punctuation.definition.string.begin.lmac"
    assert scope_of(tokens, "; why") == "comment.line.semicolon.lmac"
    assert scope_of(tokens, "volume") == "entity.name.function.call.lmac"
    assert scope_of(tokens, ":bars") == "constant.other.keyword.lmac"
    assert scope_of(tokens, "1/16") == "constant.numeric.ratio.lmac"
    assert scope_of(tokens, "-0.5") == "constant.numeric.float.lmac"
    assert scope_of(tokens, "42") == "constant.numeric.integer.lmac"
    assert scope_of(tokens, "nil") == "constant.language.lmac"
    assert scope_of(tokens, "\\\"") == "constant.character.escape.lmac"
    assert scope_of(tokens, "when") == "keyword.control.lmac"
    assert scope_of(tokens, "~@") == "keyword.operator.macro.lmac"
    assert scope_of(tokens, "bars") == "variable.other.lmac"
    assert scope_of(tokens, "[") == "punctuation.section.vector.begin.lmac"
    # nesting: the ramp call sits inside two lists
    ramp = [ss for t, ss in tokens if t == "ramp"][0]
    assert ramp.count("meta.list.lmac") == 3


def test_strings_span_lines_and_symbols_are_not_split():
    tok = Tokenizer(GRAMMAR)
    tokens = tok.tokenize('(message "two\nlines") (armed? nil?)')
    assert ("lines", ["meta.list.lmac", "string.quoted.double.lmac"]) in tokens
    assert scope_of(tokens, "armed?") == "entity.name.function.call.lmac"
    assert scope_of(tokens, "nil?") == "variable.other.lmac"
