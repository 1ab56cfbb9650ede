"""Fuzzing reader -> compiler -> machine: whatever the text, only lmac errors come out (no Python
exception escapes to Live), and every error says where. Derandomized with a fixed number of
examples, so a run is repeatable."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmac.interpreter.clock import TestClock
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError

WORDS = ["+", "-", "*", "/", "<", "=", "inc", "quot", "mod", "round", "floor", "int", "float",
         "str", "pr-str", "subs", "split", "join", "keyword", "symbol", "name", "count", "first",
         "rest", "nth", "cons", "conj", "concat", "range", "take", "drop", "reverse", "sort",
         "distinct", "get", "assoc", "dissoc", "merge", "keys", "vec", "hash-map", "list",
         "atom", "deref", "reset!", "swap!", "map", "filter", "reduce", "apply", "eval",
         "read-string", "throw", "ex-message", "wait", "wait-ticks", "wait-beats", "wait-until",
         "spawn", "par", "race", "cancel", "emit", "wait-for", "fn", "defn", "def", "let", "loop",
         "recur", "if", "do", "when", "cond", "and", "or", "try", "catch", "quote", "x", "f",
         "dotimes", "%push!", "=", "not", "empty?", "macro*", "gensym", "repeat"]

atoms = st.one_of(
    st.integers(min_value=-10 ** 6, max_value=10 ** 6).map(str),
    st.sampled_from(["1e308", "1e999", "-1e999", "0.0", "1/3", "1/0", "9" * 40 + "/7",
                     "9" * 1300, "1" + "0" * 400 + "/3", "nil", "true", "false", ":a", ":drop", '"x"', '""', "\\"]),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.text(alphabet="ab\\\"\n ", max_size=6).map(lambda t: '"%s"' % t.replace('"', "")),
    st.sampled_from(WORDS),
)

forms = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5).map(lambda xs: "(" + " ".join(xs) + ")"),
        st.lists(inner, max_size=4).map(lambda xs: "[" + " ".join(xs) + "]"),
        st.lists(inner, max_size=4).map(lambda xs: "{" + " ".join(xs) + "}"),
        inner.map(lambda x: "'" + x),
        inner.map(lambda x: "`(" + x + " ~" + x + ")"),
    ),
    max_leaves=25,
)

programs = st.one_of(
    st.lists(forms, min_size=1, max_size=4).map("\n".join),
    st.text(alphabet="()[]{}'`~@;:\"\\ \n\x0c\r\t1a.-/#^", max_size=40),
)

_session = []


def session():
    """One session for all examples, its globals put back after each (a fresh one per example
    would spend the test loading the prelude)."""
    if not _session:
        s = Session(clock=TestClock(), output=lambda text: None)
        _session.append((s, dict(s.globals)))
    s, pristine = _session[0]
    s.scheduler.cancel_all()
    s.globals.clear()
    s.globals.update(pristine)
    return s


@settings(max_examples=400, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(programs)
def test_only_lmac_errors_come_out_of_any_program(text):
    s = session()
    errors = []
    s.error_handlers[:] = [lambda task, error: errors.append(error)]
    try:
        s.spawn(text, file="fuzz.lmac")
    except LmacError as e:
        assert e.pos is not None, e.message
        return
    for _ in range(15):
        s.clock.advance(10)
        s.tick()
    for error in errors:
        assert isinstance(error, LmacError)
        assert error.located() != error.message or error.trace, error.message   # says where
        assert not error.message.startswith("internal error"), (text, error.message)
