"""Reading a slice at a time (the REPL server's long evals) gives what read_all gives: the same
forms, positions and errors, whatever the slice size, with at most max_tokens per step."""
import pytest

from lmac.grammar.reader import read_all
from lmac.grammar.stepped import SteppedRead
from lmac.interpreter.print_pieces import iter_pr
from lmac.interpreter.printer import pr_str
from lmac.interpreter.values import LmacSyntaxError

TEXTS = ["(+ 1 2) [a b] {:a 1} 'x `(y ~z ~@w) @a", "(foo", ")", "{:a}", '"abc', "'", "1/0", "",
         "(a\n  (b #)", "(a b) (c d", '"a\\qb"', "\ufeff(ok)", "(defn f (x)\n  ; note\n  (* x 2))"]


def outcome(read):
    try:
        forms = read()
        return "forms", pr_str(forms), [getattr(f, "pos", None) and str(f.pos) for f in forms]
    except LmacSyntaxError as e:
        return "error", e.located(), e.incomplete, e.source_line


def stepped(text, max_tokens, steps):
    reading = SteppedRead(text, "f.lmac")
    before = 0
    while not reading.step(float("inf"), max_tokens):
        assert reading.tokens - before == max_tokens
        before = reading.tokens
        steps.append(1)
        read_all("(other reads) (between steps)", "other.lmac")
    return reading.forms


@pytest.mark.parametrize("max_tokens", [1, 3, 512])
def test_stepped_reading_matches_read_all(max_tokens):
    for text in TEXTS:
        steps = []
        assert outcome(lambda: stepped(text, max_tokens, steps)) == outcome(lambda: read_all(text, "f.lmac")), text


def test_a_long_text_takes_many_bounded_steps():
    text = "(+ 1 2) " * 1000           # 5000 tokens
    steps = []
    forms = stepped(text, 100, steps)
    assert len(forms) == 1000 and len(steps) == 50   # the 51st step finds the end


def test_printing_in_pieces_matches_pr_str_and_cuts_long_texts():
    value = read_all('[1 "a\\nb" :k nil true (1 2) {:a [1 2] :b {}}]')[0]
    assert "".join(iter_pr(value)) == pr_str(value) == '[1 "a\\nb" :k nil true (1 2) {:a [1 2], :b {}}]'
    pieces = iter_pr(list(range(10 ** 6)))    # lazily: pieces come before the rest is visited
    assert [next(pieces) for _ in range(4)] == ["(", "0", " ", "1"]
    assert "".join(iter_pr("x" * 100, cut=5)) == '"xxxxx...'
    assert "".join(iter_pr("x" * 100, readably=False, cut=5)) == "xxxxx..."
