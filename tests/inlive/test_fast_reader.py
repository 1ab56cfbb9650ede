"""The fast reader (grammar/fast_reader.py) against the lark parser, the reference: on generated
texts, valid and not, both give the same forms with the same positions, or the same error. The fast
reader must accept exactly what lark accepts (it gives up on everything else, and lark then says
what is wrong). Derandomized with a fixed number of examples, so a run is repeatable."""
import gc
import glob
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmac.benchmarks.parse import realistic_source
from lmac.grammar import reader
from lmac.grammar.fast_reader import Unsure
from lmac.grammar.first_chars import may_start
from lmac.grammar.reader import _prepare, read_all
from lmac.grammar.stepped import SteppedRead
from lmac.interpreter.budget import MAX_INT_DIGITS
from lmac.interpreter.values import Keyword, List, LmacSyntaxError, Map, Symbol, Vector

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def the_reader():
    return reader._Reader.get()


def shape(value):
    """Everything about a read value that matters, flat: types, contents, positions, in order
    (without recursion: the hostile texts nest 10 000 deep)."""
    out, todo = [], [value]
    while todo:
        value = todo.pop()
        kind = type(value)
        if kind in (List, Vector):
            out.append((kind.__name__, value.pos, len(value)))
            todo.extend(reversed(value))
        elif kind is Map:
            out.append(("Map", value.pos, len(value)))
            for key, item in reversed(list(value.items())):
                todo.extend((item, key))
        elif kind is Symbol:
            out.append(("Symbol", value.name, value.pos))
        elif kind is Keyword:
            out.append(("Keyword", value.name, value is Keyword.of(value.name)))
        else:
            out.append((kind.__name__, repr(value)))
    return tuple(out)


def outcome(read):
    try:
        forms = read()
    except LmacSyntaxError as e:
        return ("error", e.message, e.pos, e.incomplete, e.expected, e.source_line)
    assert type(forms) is list
    return ("forms", tuple(shape(form) for form in forms))


def by_lark(text):
    return outcome(lambda: the_reader().read_with_lark(text, "gen.lmac"))


def stepped(text, max_tokens):
    reading = SteppedRead(text, "gen.lmac")
    while not reading.step(float("inf"), max_tokens):
        pass
    return reading.forms


def fast_or_none(text, file="gen.lmac"):
    """The fast reader's forms, or None when it gives up (and hands the text to lark)."""
    try:
        return the_reader()._fast.read(_prepare(text), file)
    except Unsure:
        return None


def check_same(text, max_tokens=3):
    expected = by_lark(text)
    fast = fast_or_none(text)
    # the fast reader accepts exactly what lark accepts, and then reads the same
    assert (fast is not None) == (expected[0] == "forms"), (text, expected)
    if fast is not None:
        assert outcome(lambda: fast) == expected, text
    assert outcome(lambda: read_all(text, "gen.lmac")) == expected, text
    assert outcome(lambda: stepped(text, max_tokens)) == expected, text
    return expected[0]


# -- generated lmac ---------------------------------------------------------------------------

separators = st.sampled_from([" ", "  ", ",", ", ", "\t", "\n", "\r\n", "\r", "\n\n  ", "\f", "\v",
                              " \u2028 ", "\x85", "\xa0", "; a comment\n", ";; ü (unbalanced [\n",
                              ";x\r", ";\r\n", "\u3000"])

numbers = st.one_of(
    st.integers(min_value=-10 ** 30, max_value=10 ** 30).map(str),
    st.floats(allow_nan=False).map(repr),
    st.sampled_from(["+2", "-0", "007", "1.", ".5", "-.5e3", "+.5", "2.5E-1", "1e999", "-1e999",
                     "1/16", "-3/4", "+1/2", "0/5", "1/0", "0/0", "1" + "0" * 400 + "/3",
                     "9" * MAX_INT_DIGITS, "-" + "9" * MAX_INT_DIGITS, "9" * (MAX_INT_DIGITS + 1),
                     "9" * (MAX_INT_DIGITS + 1) + "/3", "1/" + "9" * MAX_INT_DIGITS,
                     "1e", "1.2.3", "3db", "-6dB", "50%", "1abc", "-.", ".", "+", "-", "1/2/3"]),
)

names = st.one_of(
    st.sampled_from(["true", "false", "nil", "nil?", "true-ish", "falsey", "x", "wait-bars",
                     "->", "/", "mx/duck", "a:b", "&", "#x", "é", "λ", "🎹", "a\u200bb",
                     ":a", ":", "::", ":a:b", ":1", ":é", ":true"]),
    st.text(alphabet="abé+-*/<=>!?.&%#^|$_:019λ🎹\\", min_size=1, max_size=6),
)

strings = st.text(alphabet='ab \\"ntq\n\r\t\u2028é🎹;()[]', max_size=8).map(lambda t: '"%s"' % t)

atoms = st.one_of(numbers, names, strings)

prefixes = st.sampled_from(["'", "`", "~", "~@", "@", "''", "~'"])


def joined(items_and_gaps):
    items, gaps = items_and_gaps
    return "".join(item + gaps[i % len(gaps)] for i, item in enumerate(items))


def spaced(inner, max_size):
    gaps = st.lists(separators, min_size=1, max_size=3)
    return st.tuples(st.lists(inner, max_size=max_size), gaps).map(joined)


forms = st.recursive(
    atoms,
    lambda inner: st.one_of(
        spaced(inner, 5).map(lambda body: "(" + body + ")"),
        spaced(inner, 4).map(lambda body: "[" + body + "]"),
        spaced(inner, 4).map(lambda body: "{" + body + "}"),
        st.tuples(prefixes, inner).map("".join),
    ),
    max_leaves=20,
)

programs = st.tuples(st.lists(forms, min_size=0, max_size=4),
                     st.lists(separators, min_size=1, max_size=3)).map(joined)


def mutated(text_edit):
    """A program with one character cut out or put in: most are errors, some still read."""
    text, where, char = text_edit
    where = where % (len(text) + 1)
    if char == "":
        return text[:where] + text[where + 1:]
    return text[:where] + char + text[where:]


broken = st.tuples(programs, st.integers(min_value=0, max_value=10 ** 6),
                   st.sampled_from(["", "(", ")", "]", "}", "{", '"', "\\", "'", ";", "\n", ":"])
                   ).map(mutated)

raw = st.text(alphabet="()[]{}'`~@;:\"\\ ,\n\x0c\r\t1a.-/#^é", max_size=40)

max_tokens = st.sampled_from([1, 2, 5, 512])


@settings(max_examples=500, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(programs, max_tokens)
def test_generated_programs_read_the_same_both_ways(text, steps):
    check_same(text, steps)


@settings(max_examples=400, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.one_of(broken, raw), max_tokens)
def test_broken_and_random_texts_read_the_same_both_ways(text, steps):
    check_same(text, steps)


# -- real files and chosen cases ---------------------------------------------------------------

def real_files():
    paths = []
    for folder in ("stdlib_macros", "examples"):
        paths += glob.glob(os.path.join(ROOT, folder, "**", "*.lmac"), recursive=True)
    return sorted(paths)


def test_every_shipped_lmac_file_is_read_by_the_fast_reader_as_by_lark():
    paths = real_files()
    assert len(paths) >= 5, paths
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        assert check_same(text, 512) == "forms", path


def test_the_benchmark_text_is_read_the_same_both_ways():
    assert check_same(realistic_source(300), 512) == "forms"


@pytest.mark.parametrize("text", [
    "a\r\nb\rc\n  d", '"x\r\ny" z', '"a\rb" c', "\ufeff(a)\n b", "(a ; c\r\n b)", "x\u2028y\n z",
    "a\tb\t\tc", "'`~@~x", "@@x", "{:a 1 :b '(c)}", "{1 2 1.0 3}", "{true 1 1 2}", "{[1] 2}",
    "{'a 1 'a 2}", "{{} 1}", '{"a" 1 "a" 2}', '"\\q"', '"\\\\q"', '"a\\\n"', "(a ~)", "[1 2)", "(]",
    "(a (b [c {d e} f] g) h", ")", "'", "~@", '"abc', "1/0", "1abc", ":", "x:",
])
def test_chosen_cases_read_the_same_both_ways(text):
    check_same(text, 1)


def test_the_fast_reader_cuts_tokens_with_lark_s_own_lexer_regex():
    r = the_reader()
    lexer = r._parser.parser.lexer
    assert r._fast is not None
    assert [m.pattern for m in lexer.scanner._mres] == [r._fast.regex.pattern]
    assert r._fast.entry_for("\u00e9")[0] == r._fast.regex.match   # the whole of it past ASCII


def test_hostile_texts_read_the_same_both_ways():
    depth = 10000
    check_same("(" * depth + "x" + ")" * depth, 512)
    check_same("[{:k (" * (depth // 2) + "1" + ")}]" * (depth // 2), 512)
    check_same("'" * depth + "x", 512)
    check_same('(a "' + "x\n" * 500000 + '" b)', 512)           # a 1 MB string
    check_same("(" + " ".join("a%d" % i for i in range(100000)) + ")", 512)   # one long line


# -- which tokens are tried where (grammar/first_chars.py) ------------------------------------

ASCII = [chr(i) for i in range(128)]


@pytest.mark.parametrize("char", ASCII)
def test_every_ascii_character_reads_the_same_both_ways_wherever_it_stands(char):
    for text in (char, char + "x", "x" + char, "(" + char + ")", "[a " + char + "1]", char + char,
                 '"' + char + '"', "; " + char + "\n" + char, "{:k " + char + "}", "'" + char,
                 "-" + char, "1" + char, ":" + char):
        check_same(text, 1)


def test_the_tokens_tried_at_a_character_include_every_one_that_matches_there():
    fast = the_reader()._fast
    endings = ["", "x", "1", " ", ")", "\n", '"', "@", "/2", ".5", "e3", "\\", "~"]
    names = [name for name, _ in fast.terminals]
    for char in ASCII:
        tried = list(fast.entry_for(char)[0].__self__.groupindex)
        assert tried == [name for name in names if name in tried]   # in lark's order
        for name, source in fast.terminals:
            alone = re.compile(source)
            if any(alone.match(char + ending) for ending in endings):
                assert name in tried, (char, name)


@pytest.mark.parametrize("source, char, expected", [
    ("a|b", "b", True), ("a|b", "c", False), ("[^a]", "a", False), ("[^a]", "b", True),
    ("x?y", "y", True), ("x+y", "y", False), ("(?:x*)*z", "z", True), ("[\\s,]+", "\n", True),
    ("[^\\s,;]", " ", False), ("[^\\s,;]", "q", True), ("(?i:a)", "A", True), ("(?i)a", "A", True),
    ("a", "A", False),
    ("(?=b)a", "a", True), ("\\d", "7", True), ("\\d", "x", False), ("(?s:.)", "\n", True),
    ("\\~@", "~", True), ("\\~@", "@", False), ("[0-9]", "5", True), ("[0-9]", "a", False),
])
def test_may_start(source, char, expected):
    assert may_start(source, char) is expected


def test_the_cycle_collector_is_paused_only_while_reading():
    assert gc.isenabled()
    assert fast_or_none("(a [b] {:c 1})") is not None and gc.isenabled()
    assert fast_or_none("(a [b)") is None and gc.isenabled()          # given up: on again
    gc.disable()
    try:
        assert fast_or_none("(a)") is not None and not gc.isenabled()  # left off if it was off
    finally:
        gc.enable()


# -- the stepped reader (libraries, init.lmac) ------------------------------------------------

def test_stepped_reading_of_well_formed_text_never_needs_lark():
    reading = SteppedRead(realistic_source(200), "lib.lmac")
    steps = 1
    while not reading.step(float("inf"), 100):
        steps += 1
        assert reading._parser is None             # the fast reader, all the way
    assert steps == reading.tokens // 100 + 1 and reading.forms


def test_stepped_reading_hands_a_broken_text_to_lark_within_the_same_step_budget():
    text = realistic_source(100) + "\n(oops ]"
    reading = SteppedRead(text, "lib.lmac")
    before = 0
    with pytest.raises(LmacSyntaxError) as error:
        while not reading.step(float("inf"), 64):
            assert reading.tokens - before == 64   # fast reader, lark, or both: 64 in all
            before = reading.tokens
    assert reading._parser is not None
    line = text.count("\n") + 1
    assert error.value.message == "expected ) to close the list opened at %d:1, found ]" % line
    assert error.value.pos.line == line and error.value.pos.col == 7


class TickingClock(object):
    """A clock that moves on by one each time it is read."""

    def __init__(self):
        self.now = 0.0
        self.reads = 0

    def __call__(self):
        self.reads += 1
        self.now += 1.0
        return self.now


def test_the_fast_reader_looks_at_the_clock_every_few_tokens_and_stops_at_the_deadline():
    fast = the_reader()._fast
    reading = fast.start("(+ 1 2) " * 1000, "f")     # 5000 tokens
    clock = TickingClock()
    assert reading.advance(None, deadline=3.5, clock=clock, check_every=16) is False
    assert clock.reads == 4 and reading.tokens == 64  # stopped at the 4th look, past 3.5
    assert reading.advance(10, deadline=1e9, clock=clock, check_every=16) is False
    assert reading.tokens == 74
    assert reading.advance() is True and len(reading.forms) == 1000
    assert reading.forms == read_all("(+ 1 2) " * 1000, "f")


def test_a_step_of_zero_tokens_still_reads_one_as_lark_s_stepping_does():
    for text in ("(a b) c", "(a b"):
        reading, before = SteppedRead(text, "f"), 0
        try:
            while not reading.step(float("inf"), 0):
                assert reading.tokens - before == 1, text
                before = reading.tokens
        except LmacSyntaxError:
            assert text == "(a b"
        assert reading.tokens >= 3


def test_should_the_fast_reader_give_up_on_good_text_lark_still_reads_all_of_it(monkeypatch):
    from lmac.grammar import fast_reader

    def give_up_on_maps(opener, items, where):
        if opener == "LBRACE":
            raise Unsure()
        return real(opener, items, where)
    real = fast_reader._collection
    monkeypatch.setattr(fast_reader, "_collection", give_up_on_maps)
    text = "(a)\n'(b {:c 1})\n[d]"
    assert fast_or_none(text) is None
    expected = by_lark(text)
    assert expected[0] == "forms"
    assert outcome(lambda: read_all(text, "gen.lmac")) == expected
    for steps in (1, 2, 512):
        assert outcome(lambda: stepped(text, steps)) == expected


def test_lark_reads_only_from_the_form_where_the_fast_reader_stopped():
    from lmac.grammar.reader import blank_before
    text = "(a)\n  [b c]\r\n'(d\n  (e ]"
    assert blank_before(text, text.index("'")) == "   \n        \n'(d\n  (e ]"   # same lengths
    with pytest.raises(Unsure) as stopped:
        the_reader()._fast.read(text, "f")
    assert stopped.value.resume_at == text.index("'")    # the reader macro starts the form
    assert check_same(text) == "error"
