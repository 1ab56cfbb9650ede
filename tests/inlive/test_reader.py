"""The reader: text -> lmac values with positions, and errors a musician can act on."""
import os

import pytest

from lmac.grammar import reader
from lmac.grammar.reader import read_all, read_one
from lmac.interpreter.values import Keyword, List, LmacSyntaxError, Map, Pos, Symbol, Vector


def error_of(text, file="<input>"):
    with pytest.raises(LmacSyntaxError) as info:
        read_all(text, file)
    return info.value


# -- literals ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("42", 42), ("-3", -3), ("+2", 2), ("0", 0),
    ("0.5", 0.5), ("-0.25", -0.25), (".5", 0.5), ("1.", 1.0), ("1e3", 1000.0), ("2.5E-1", 0.25),
    ("1/16", 0.0625), ("-3/4", -0.75),
    ("true", True), ("false", False), ("nil", None),
    ('"hello"', "hello"), ('""', ""),
])
def test_atoms(text, value):
    result = read_one(text)
    assert result == value and type(result) is type(value)


def test_string_escapes_and_newlines():
    assert read_one(r'"say \"hi\"\n\tback\\slash"') == 'say "hi"\n\tback\\slash'
    assert read_one('"two\nlines"') == "two\nlines"
    assert type(read_one(r'"a\nb"')) is str


def test_keywords_are_interned():
    assert read_one(":ch") is Keyword.of("ch")
    assert read_one(":quantize") == Keyword.of("quantize")


@pytest.mark.parametrize("name", [
    "wait-bars", "armed?", "+", "-", "->", "->>", "mx/duck", "swap!", "*", "/", "<=", ".", "&",
    "nil?", "true-ish", "x1", "a:b", "+x", "-main",
])
def test_symbols(name):
    form = read_one(name)
    assert type(form) is Symbol and form.name == name
    assert form.pos == Pos("<input>", 1, 1)


def test_collections_have_the_right_types():
    lst, vec, mp = read_all("(1 2) [3 4] {:a 1 \"b\" [2]}")
    assert type(lst) is List and lst == [1, 2]
    assert type(vec) is Vector and vec == [3, 4]
    assert type(mp) is Map and mp == {Keyword.of("a"): 1, "b": [2]}
    assert read_all("() [] {}") == [[], [], {}]


def test_comments_and_commas_separate_forms():
    forms = read_all("""; a comment line
(a, b,c) ; trailing comment with (unbalanced [ brackets
,,, [1,2]  ;; last""")
    assert forms == [[Symbol("a"), Symbol("b"), Symbol("c")], [1, 2]]
    assert read_all("; only a comment") == []
    assert read_all("") == []
    assert read_all('"; not a comment"') == ["; not a comment"]


# -- reader macros ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, head", [
    ("'x", "quote"), ("`x", "quasiquote"), ("~x", "unquote"), ("~@x", "splice-unquote"),
    ("@x", "deref"),
])
def test_reader_macros(text, head):
    form = read_one(text)
    assert type(form) is List and form == [Symbol(head), Symbol("x")]
    assert form.pos == form[0].pos == Pos("<input>", 1, 1)
    assert form[1].pos.col == len(text)


def test_nested_reader_macros_keep_their_positions():
    form = read_one("`(a ~b ~@(c) '[d])")
    assert form == [Symbol("quasiquote"), [Symbol("a"), [Symbol("unquote"), Symbol("b")],
                    [Symbol("splice-unquote"), [Symbol("c")]],
                    [Symbol("quote"), [Symbol("d")]]]]
    body = form[1]
    assert body[1].pos.col == 5 and body[2].pos.col == 8 and body[3].pos.col == 14
    assert body[3][1].pos.col == 15


# -- positions --------------------------------------------------------------------------------

def test_positions_on_nested_forms():
    text = "(defn foo (x)\n  [x {:k (bar)}]\n    baz)"
    form = read_one(text, "song.lmac")
    assert form.pos == Pos("song.lmac", 1, 1)
    assert form[0].pos == Pos("song.lmac", 1, 2)          # defn
    assert form[1].pos == Pos("song.lmac", 1, 7)          # foo
    assert form[2].pos == Pos("song.lmac", 1, 11)         # (x)
    vec = form[3]
    assert vec.pos == Pos("song.lmac", 2, 3)
    assert vec[1].pos == Pos("song.lmac", 2, 6)           # the map
    assert vec[1][Keyword.of("k")].pos == Pos("song.lmac", 2, 10)
    assert vec[1][Keyword.of("k")][0].pos == Pos("song.lmac", 2, 11)
    assert form[4].pos == Pos("song.lmac", 3, 5)
    assert str(form[4].pos) == "song.lmac:3:5"


def test_positions_after_multiline_strings_and_comments():
    forms = read_all('"a\nb\nc" ; x (\n  (y) z', "f")
    assert forms[1].pos == Pos("f", 4, 3) and forms[2].pos == Pos("f", 4, 7)


# -- deep nesting -----------------------------------------------------------------------------

def test_ten_thousand_nested_lists():
    depth = 10000
    form = read_one("(" * depth + "x" + ")" * depth)
    seen = 0
    while type(form) is List:
        assert len(form) == 1
        form, seen = form[0], seen + 1
    assert seen == depth and form == Symbol("x")


def test_ten_thousand_nested_mixed_and_quotes():
    depth = 10000
    form = read_one("[{:k (" * (depth // 2) + "1" + ")}]" * (depth // 2))
    assert type(form) is Vector
    assert type(read_one("'" * depth + "x")) is List


def test_deep_unclosed_input_is_incomplete():
    error = error_of("(" * 10000)
    assert error.incomplete and error.pos.col == 10000


# -- errors -----------------------------------------------------------------------------------

def test_unclosed_list_is_incomplete_and_points_at_the_open_bracket():
    error = error_of("(foo\n  (bar)", "x.lmac")
    assert error.incomplete
    assert error.pos == Pos("x.lmac", 1, 1)
    assert error.message == "expected ) to close the list opened at 1:1, found the end of the input"
    assert error.expected == [")"]


def test_extra_closing_bracket_is_not_incomplete():
    error = error_of("(foo))")
    assert not error.incomplete
    assert error.pos == Pos("<input>", 1, 6)
    assert error.message == "unexpected ): there is no open ( to close"
    assert error.format() == "error: <input>:1:6: unexpected ): there is no open ( to close\n  (foo))\n       ^"


def test_mismatched_bracket_names_the_opener():
    error = error_of("(let [a 1\n     b 2)\n  a)", "m.lmac")
    assert not error.incomplete
    assert error.pos == Pos("m.lmac", 2, 9)
    assert error.message == "expected ] to close the vector opened at 1:6, found )"
    assert error.source_line == "     b 2)"
    assert error.format().endswith("     b 2)\n          ^")


def test_unterminated_string_is_incomplete():
    error = error_of('(println "abc')
    assert error.incomplete
    assert error.pos.col == 10
    assert "unterminated string" in error.message
    assert error_of('"abc\\').incomplete


def test_odd_map_is_an_error_not_incomplete():
    error = error_of("{:a}")
    assert not error.incomplete
    assert error.pos == Pos("<input>", 1, 4)
    assert "key value pairs" in error.message and ":a has no value" in error.message


def test_unclosed_map_is_incomplete():
    assert error_of("{:a 1").incomplete


def test_map_key_problems():
    assert "appears twice" in error_of("{:a 1 :a 2}").message
    assert "cannot be a map key" in error_of("{[1] 2}").message


def test_quote_without_a_form():
    error = error_of("(a ')")
    assert not error.incomplete and error.pos.col == 5
    assert error.message == "expected a form after ' at 1:4, found )"
    assert error_of("'").incomplete


@pytest.mark.parametrize("text, words, col", [
    ("(1abc)", "1abc is not a number", 2),
    ("1.2.3", "1.2.3 is not a number", 1),
    ("(foo :)", "expected a keyword name after :", 6),
    ('"bad \\q escape"', "unknown escape \\q", 6),
    ("1/0", "divides by zero", 1),
])
def test_bad_atoms(text, words, col):
    error = error_of(text)
    assert words in error.message and error.pos.col == col and not error.incomplete


def test_unknown_escape_on_a_later_line_of_a_string():
    error = error_of('  "first\nsecond \\x"')
    assert (error.pos.line, error.pos.col) == (2, 8)


def test_read_one_wants_exactly_one_form():
    with pytest.raises(LmacSyntaxError) as none:
        read_one("  ; nothing")
    assert not none.value.incomplete and "found nothing" in none.value.message
    with pytest.raises(LmacSyntaxError) as many:
        read_one("(a) (b)")
    assert many.value.pos.col == 5 and not many.value.incomplete


def test_errors_are_lmac_errors_with_positions_in_str():
    error = error_of("]", "y.lmac")
    assert str(error).startswith("y.lmac:1:1: unexpected ]")


def test_a_byte_order_mark_is_skipped():
    form = read_one("\ufeff(a)")
    assert form == [Symbol("a")] and form.pos.col == 1


def test_reader_still_works_after_an_error():
    error_of("(")
    assert read_one("(ok)") == [Symbol("ok")]


# -- the parse-table cache --------------------------------------------------------------------

def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    cache = tmp_path / "broken.cache"
    cache.write_bytes(b"not a lark cache\n\x00\x01")
    fresh = reader._Reader(cache=str(cache))
    assert fresh.read("(a [1 2])", "c") == [[Symbol("a"), [1, 2]]]
    assert cache.read_bytes().startswith(b"not a lark cache") is False
    again = reader._Reader(cache=str(cache))   # now loaded from the cache it wrote
    assert again.read("{:x 1}", "c") == [{Keyword.of("x"): 1}]


def test_grammar_file_is_next_to_the_reader():
    assert os.path.isfile(reader.GRAMMAR_PATH) and reader.GRAMMAR_PATH.endswith("lmac.lark")
