"""Property tests: printing is readable (read(pr-str x) = x), and evaluation of arithmetic agrees
with Python, for generated data."""
from hypothesis import given, settings, strategies as st

from lmac.interpreter.budget import MAX_DEPTH
from lmac.grammar.reader import read_one
from lmac.interpreter.builtins import equal
from lmac.interpreter.clock import TestClock
from lmac.interpreter.printer import pr_str
from lmac.interpreter.session import Session
from lmac.interpreter.values import Keyword, List, Map, Vector

names = st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True)
atoms = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    names.map(Keyword.of),
)
data = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(List),
        st.lists(inner, max_size=4).map(Vector),
        st.dictionaries(st.one_of(names.map(Keyword.of), st.integers(0, 99)), inner, max_size=3).map(Map),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(data)
def test_printed_data_reads_back_equal(value):
    text = pr_str(value)
    assert equal(read_one(text), value), text


SESSION = Session(clock=TestClock())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=6))
def test_arithmetic_agrees_with_python(xs):
    src = " ".join(str(x) for x in xs)
    assert SESSION.eval("(+ %s)" % src) == sum(xs)
    assert SESSION.eval("(- %s)" % src) == (-xs[0] if len(xs) == 1 else xs[0] - sum(xs[1:]))
    assert SESSION.eval("(reduce max [%s])" % src) == max(xs)
    assert SESSION.eval("(count (filter even? [%s]))" % src) == sum(1 for x in xs if x % 2 == 0)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, MAX_DEPTH // 100 - 1))     # up to the documented recursion limit
def test_recursion_depth_never_touches_the_python_stack(n):
    SESSION.eval("(defn depth (n) (if (= n 0) 0 (+ 1 (depth (- n 1)))))")
    assert SESSION.eval("(depth %d)" % (n * 100)) == n * 100
