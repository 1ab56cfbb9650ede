"""Pure builtins: data, arithmetic, text. None of them waits or calls lmac functions
(those that do, like ``apply`` and ``swap!``, live in control.py or the prelude)."""
from __future__ import annotations

import operator
import random as _random

from .budget import MAX_INT_BITS, MAX_ITEMS, charge, check_chars, check_int, check_items
from .printer import describe, pr_str
from .values import Atom, Keyword, Lambda, List, LmacError, Map, Symbol, Vector, Builtin

BUILTINS = []  # (name, fn, (min, max), doc)


def builtin(name, arity=(0, None), doc=""):
    def register(fn):
        BUILTINS.append((name, fn, arity, doc or (fn.__doc__ or "").strip()))
        return fn
    return register


def _is_seq(x):
    return isinstance(x, (list, tuple))


def _seq(x, who):
    if x is None:
        return []
    if isinstance(x, (list, tuple)):
        return x
    if isinstance(x, dict):
        if len(x) > 64:
            charge(len(x))
        return [Vector(kv) for kv in x.items()]
    if isinstance(x, str):
        check_items(len(x), who)     # a text used as a list of its characters
        return list(x)
    raise LmacError("%s expects a list, vector or map, got %s" % (who, describe(x)))


def _indexable(x, who):
    """For reading single items: a text as it is (no list of its characters is built)."""
    return x if isinstance(x, str) else _seq(x, who)


def _num(x, who):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise LmacError("%s expects numbers, got %s" % (who, describe(x)))
    return x


MAX_COMPARED = 10 * MAX_ITEMS   # items one call may compare (shared structure can hide many)


def equal(a, b, left=None):
    """Structural equality: a list equals a vector with equal items; true is not 1. ``left`` is
    a one-item list counting down the items a whole builtin call may still compare."""
    if isinstance(a, (list, tuple, dict)) and isinstance(b, (list, tuple, dict)):
        return _equal(a, b, left or [MAX_COMPARED])
    return _equal(a, b, None)


def _equal(a, b, left):
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool or a is None or b is None:
        return a is b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return False
        if a is b:
            return True
        _spend(left, len(a))
        return all(_equal(x, y, left) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        if len(a) != len(b):
            return False
        _spend(left, len(a))
        return all(k in b and _equal(v, b[k], left) for k, v in a.items())
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if ta is not tb and not (isinstance(a, str) and isinstance(b, str)):
        return False
    return a == b


def _spend(left, n):
    left[0] -= n
    if left[0] < 0:
        raise LmacError("comparing collections visited more than %d items; compare smaller ones"
                        % MAX_COMPARED)
    if n > 64:
        charge(n)


# ---- arithmetic -----------------------------------------------------------------------------
@builtin("+", doc="Sum of the numbers: (+ 1 2 3) is 6.")
def add(*xs):
    if len(xs) == 2:
        a, b = xs
        if type(a) in (int, float) and type(b) in (int, float):
            return a + b
    total = 0
    for x in xs:
        total += _num(x, "+")
    return check_int(total, "+")


@builtin("-", (1, None), "Subtract: (- 10 3) is 7; (- 5) is -5.")
def sub(*xs):
    if len(xs) == 2:
        a, b = xs
        if type(a) in (int, float) and type(b) in (int, float):
            return a - b
    if len(xs) == 1:
        return -_num(xs[0], "-")
    total = _num(xs[0], "-")
    for x in xs[1:]:
        total -= _num(x, "-")
    return check_int(total, "-")


@builtin("*", doc="Product: (* 2 3) is 6.")
def mul(*xs):
    total = 1
    for x in xs:
        total = _mul2(total, _num(x, "*"))
    return total


def _mul2(a, b):
    # Squaring in a loop doubles an integer's size each time: refuse past the integer limit
    # before the multiplication would take seconds.
    if type(a) is int and type(b) is int and a.bit_length() + b.bit_length() > MAX_INT_BITS + 1:
        return check_int(a * b, "*") if a and b else 0
    return a * b


def _div2(a, b):
    if b == 0:
        raise LmacError("/ cannot divide by zero")
    if type(a) is int and type(b) is int and a % b == 0:
        return a // b
    return a / b


@builtin("/", (1, None), "Divide exactly: (/ 10 4) is 2.5, (/ 8 4) is 2.")
def div(*xs):
    for x in xs:
        _num(x, "/")
    if len(xs) == 1:
        return _div2(1, xs[0])
    total = xs[0]
    for x in xs[1:]:
        total = _div2(total, x)
    return total


@builtin("quot", (2, 2), "Integer division rounding toward zero: (quot 7 2) is 3.")
def quot(a, b):
    _num(a, "quot"), _num(b, "quot")
    if b == 0:
        raise LmacError("quot cannot divide by zero")
    q = abs(a) // abs(b)
    q = q if (a >= 0) == (b >= 0) else -q
    return int(q) if type(a) is int and type(b) is int else float(q)


@builtin("mod", (2, 2), "Remainder with the sign of the divisor: (mod -1 4) is 3.")
def mod(a, b):
    _num(a, "mod"), _num(b, "mod")
    if b == 0:
        raise LmacError("mod cannot divide by zero")
    return a % b


@builtin("inc", (1, 1), "Add one.")
def inc(x):
    return _num(x, "inc") + 1


@builtin("dec", (1, 1), "Subtract one.")
def dec(x):
    return _num(x, "dec") - 1


@builtin("max", (1, None), "The largest number.")
def max_(*xs):
    return max(_num(x, "max") for x in xs)


@builtin("min", (1, None), "The smallest number.")
def min_(*xs):
    return min(_num(x, "min") for x in xs)


@builtin("abs", (1, 1), "Absolute value.")
def abs_(x):
    return abs(_num(x, "abs"))


@builtin("round", (1, 1), "Round to the nearest integer, halves away from zero: (round 2.5) is 3.")
def round_(x):
    import math
    x = _num(x, "round")
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


@builtin("floor", (1, 1), "Round down.")
def floor_(x):
    import math
    return int(math.floor(_num(x, "floor")))


@builtin("int", (1, 1), "Convert to an integer (truncating), also from text.")
def int_(x):
    if isinstance(x, str):
        try:
            return int(float(x))
        except ValueError:
            raise LmacError("int cannot read a number from %s" % describe(x))
    return int(_num(x, "int"))


@builtin("float", (1, 1), "Convert to a decimal number.")
def float_(x):
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            raise LmacError("float cannot read a number from %s" % describe(x))
    return float(_num(x, "float"))


_NUMBER_TYPES = (int, float)


def _compare(name, test):
    def compare(*xs):
        if len(xs) == 2 and type(xs[0]) in _NUMBER_TYPES and type(xs[1]) in _NUMBER_TYPES:
            return test(xs[0], xs[1])
        for x in xs:
            _num(x, name)
        for a, b in zip(xs, xs[1:]):
            if not test(a, b):
                return False
        return True
    compare.__name__ = name
    return compare


for _name, _test in (("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b),
                     (">", lambda a, b: a > b), (">=", lambda a, b: a >= b)):
    BUILTINS.append((_name, _compare(_name, _test), (1, None), "Compare numbers: (%s 1 2)." % _name))


@builtin("=", (1, None), "Structural equality: (= [1 2] '(1 2)) is true.")
def eq(*xs):
    return all(equal(a, b) for a, b in zip(xs, xs[1:]))


@builtin("not=", (1, None), "Not equal.")
def not_eq(*xs):
    return not eq(*xs)


@builtin("not", (1, 1), "true for nil and false, else false.")
def not_(x):
    return x is None or x is False


# ---- predicates ---------------------------------------------------------------------------------
def _pred(name, test, doc):
    BUILTINS.append((name, test, (1, 1), doc))


_pred("nil?", lambda x: x is None, "Is it nil?")
_pred("true?", lambda x: x is True, "Is it true?")
_pred("false?", lambda x: x is False, "Is it false?")
_pred("number?", lambda x: isinstance(x, (int, float)) and not isinstance(x, bool), "Is it a number?")
_pred("integer?", lambda x: isinstance(x, int) and not isinstance(x, bool), "Is it an integer?")
_pred("string?", lambda x: isinstance(x, str), "Is it text?")
_pred("keyword?", lambda x: type(x) is Keyword, "Is it a keyword?")
_pred("symbol?", lambda x: type(x) is Symbol, "Is it a symbol?")
_pred("list?", lambda x: isinstance(x, list) and not isinstance(x, Vector), "Is it a list?")
_pred("vector?", lambda x: isinstance(x, Vector), "Is it a vector?")
_pred("map?", lambda x: isinstance(x, dict), "Is it a map?")
_pred("sequential?", lambda x: isinstance(x, (list, tuple)), "Is it a list or a vector?")
_pred("fn?", lambda x: (type(x) is Lambda and not x.is_macro) or type(x) is Builtin, "Is it a function?")
_pred("macro?", lambda x: type(x) is Lambda and x.is_macro, "Is it a macro?")
_pred("atom?", lambda x: type(x) is Atom, "Is it an atom?")
_pred("zero?", lambda x: _num(x, "zero?") == 0, "Is it 0?")
_pred("pos?", lambda x: _num(x, "pos?") > 0, "Is it above 0?")
_pred("neg?", lambda x: _num(x, "neg?") < 0, "Is it below 0?")
_pred("even?", lambda x: _num(x, "even?") % 2 == 0, "Is it even?")
_pred("odd?", lambda x: _num(x, "odd?") % 2 == 1, "Is it odd?")


@builtin("empty?", (1, 1), "Is the collection (or text) empty? nil is empty.")
def empty_(x):
    return x is None or len(_indexable(x, "empty?")) == 0


# ---- collections -------------------------------------------------------------------------------
@builtin("list", doc="Make a list: (list 1 2).")
def list_(*xs):
    return List(xs)


@builtin("vector", doc="Make a vector: (vector 1 2) is [1 2].")
def vector(*xs):
    return Vector(xs)


@builtin("vec", (1, 1), "Turn a list or map into a vector.")
def vec(x):
    s = _seq(x, "vec")
    check_items(len(s), "vec")
    return Vector(s)


@builtin("hash-map", doc="Make a map from keys and values: (hash-map :a 1 :b 2).")
def hash_map(*xs):
    if len(xs) % 2:
        raise LmacError("hash-map expects keys and values in pairs, got %d forms" % len(xs))
    check_items(len(xs) // 2, "hash-map")
    return Map(zip(xs[::2], xs[1::2]))


@builtin("cons", (2, 2), "Put an item in front: (cons 0 [1 2]) is (0 1 2).")
def cons(x, coll):
    s = _seq(coll, "cons")
    check_items(len(s) + 1, "cons")
    return List([x] + list(s))


@builtin("concat", doc="Join lists and vectors into one list.")
def concat(*colls):
    seqs = [_seq(c, "concat") for c in colls]
    check_items(sum(len(c) for c in seqs), "concat")
    out = List()
    for c in seqs:
        out.extend(c)
    return out


@builtin("first", (1, 1), "The first item, or nil.")
def first(coll):
    s = _indexable(coll, "first")
    return s[0] if len(s) else None


@builtin("second", (1, 1), "The second item, or nil.")
def second(coll):
    s = _indexable(coll, "second")
    return s[1] if len(s) > 1 else None


@builtin("last", (1, 1), "The last item, or nil.")
def last(coll):
    s = _indexable(coll, "last")
    return s[-1] if len(s) else None


@builtin("rest", (1, 1), "Everything but the first item, as a list.")
def rest(coll):
    s = _seq(coll, "rest")
    if len(s) > 64:
        charge(len(s))
    return List(s[1:])


@builtin("nth", (2, 3), "The item at a 0-based index: (nth [a b c] 1) is b.")
def nth(coll, i, *default):
    s = _indexable(coll, "nth")
    if isinstance(i, bool) or not isinstance(i, int):
        raise LmacError("nth expects an integer index, got %s" % describe(i))
    if 0 <= i < len(s):
        return s[i]
    if default:
        return default[0]
    raise LmacError("nth: index %d is out of range for %d item%s" % (i, len(s), "" if len(s) == 1 else "s"))


@builtin("count", (1, 1), "How many items (or characters).")
def count(coll):
    if coll is None:
        return 0
    if isinstance(coll, (str, dict, list, tuple)):
        return len(coll)
    raise LmacError("count expects a collection, got %s" % describe(coll))


@builtin("conj", (1, None), "Add items: at the end of a vector, at the front of a list.")
def conj(coll, *xs):
    if coll is not None and hasattr(coll, "__len__"):
        check_items(len(coll) + len(xs), "conj")
    if coll is None:
        return List(reversed(xs))
    if isinstance(coll, Vector):
        return Vector(list(coll) + list(xs))
    if isinstance(coll, dict):
        out = Map(coll)
        for kv in xs:
            out[kv[0]] = kv[1]
        return out
    return List(list(reversed(xs)) + list(_seq(coll, "conj")))


@builtin("take", (2, 2), "The first n items.")
def take(n, coll):
    s = _seq(coll, "take")[:max(0, n)]
    if len(s) > 64:
        charge(len(s))
    return List(s)


@builtin("drop", (2, 2), "All but the first n items.")
def drop(n, coll):
    s = _seq(coll, "drop")[max(0, n):]
    if len(s) > 64:
        charge(len(s))
    return List(s)


@builtin("reverse", (1, 1), "The items in reverse order.")
def reverse(coll):
    s = _seq(coll, "reverse")
    if len(s) > 64:
        charge(len(s))
    return List(reversed(list(s)))


@builtin("sort", (1, 1), "The items in ascending order (numbers, or texts).")
def sort(coll):
    s = _seq(coll, "sort")
    if len(s) > 64:
        charge(4 * len(s))
    try:
        return List(sorted(s))
    except TypeError:
        raise LmacError("sort can only order numbers with numbers and texts with texts")


@builtin("distinct", (1, 1), "The items without repeats, in order.")
def distinct(coll):
    # Linear: scalars are found by hashing; only collections are compared one by one.
    s = _seq(coll, "distinct")
    if len(s) > 64:
        charge(2 * len(s))
    out, seen, compound, left = List(), set(), [], [MAX_COMPARED]
    for x in s:
        key = _hash_key(x)
        if key is None:
            if any(equal(x, y, left) for y in compound):
                continue
            compound.append(x)
        elif key in seen:
            continue
        else:
            seen.add(key)
        out.append(x)
    return out


def _hash_key(x):
    """A key equal for values `=` calls equal (1 and 1.0 alike, true apart from 1), or None."""
    if x is None or x is True or x is False:
        return (0, x)
    if isinstance(x, (int, float)):
        return (1, x)
    if isinstance(x, str):
        return (2, x)
    if type(x) in (Keyword, Symbol):
        return (3, x)
    return None


@builtin("range", (1, 3), "Numbers: (range 3) is (0 1 2); (range 1 4); (range 0 10 2).")
def range_(*xs):
    for x in xs:
        _num(x, "range")
    start, end, step = (0, xs[0], 1) if len(xs) == 1 else (xs[0], xs[1], xs[2] if len(xs) > 2 else 1)
    if step == 0:
        raise LmacError("range: the step cannot be 0")
    if all(type(x) is int for x in xs):
        n = (end - start + step - 1) // step if step > 0 else (start - end - step - 1) // -step
        check_items(max(0, n), "range")
        return List(range(start, end, step))
    for x in (start, end, step):
        if x != x or x in (_INF, -_INF):
            raise LmacError("range expects finite numbers, got %s" % describe(x))
    try:
        check_items(max(0, int((end - start) / step)), "range")
    except OverflowError:
        check_items(MAX_ITEMS + 1, "range")
    out, x = List(), start
    while (step > 0 and x < end) or (step < 0 and x > end):
        out.append(x)
        after = x + step
        if after == x:   # e.g. (range 1e16 (+ 1e16 10) 1): adding 1 no longer changes 1e16
            raise LmacError("range: the step %s is too small to count from %s (decimals are "
                            "not that precise)" % (pr_str(step), pr_str(x)))
        x = after
    return out


_INF = float("inf")


@builtin("get", (2, 3), "Look up a key in a map (or an index in a vector): (get m :a default).")
def get(coll, key, *default):
    d = default[0] if default else None
    if isinstance(coll, dict):
        try:
            return coll.get(key, d)
        except TypeError:
            return d
    if isinstance(coll, (list, tuple, str)) and isinstance(key, int) and not isinstance(key, bool):
        return coll[key] if 0 <= key < len(coll) else d
    return d


@builtin("assoc", (3, None), "A copy of the map with keys set: (assoc m :a 1).")
def assoc(coll, *kvs):
    if len(kvs) % 2:
        raise LmacError("assoc expects keys and values in pairs")
    if coll:
        check_items(len(coll) + len(kvs) // 2, "assoc")
    if isinstance(coll, Vector):
        out = Vector(coll)
        for k, v in zip(kvs[::2], kvs[1::2]):
            out[k] = v
        return out
    out = Map(coll or {})
    for k, v in zip(kvs[::2], kvs[1::2]):
        out[k] = v
    return out


@builtin("dissoc", (1, None), "A copy of the map without the keys.")
def dissoc(coll, *keys):
    if coll and len(coll) > 64:
        charge(len(coll))
    out = Map(coll or {})
    for k in keys:
        out.pop(k, None)
    return out


@builtin("merge", doc="Maps merged left to right.")
def merge(*maps):
    check_items(sum(len(m) for m in maps if m), "merge")
    out = Map()
    for m in maps:
        if m:
            out.update(m)
    return out


@builtin("keys", (1, 1), "The keys of a map, as a list.")
def keys(m):
    if m and len(m) > 64:
        charge(len(m))
    return List((m or {}).keys())


@builtin("vals", (1, 1), "The values of a map, as a list.")
def vals(m):
    if m and len(m) > 64:
        charge(len(m))
    return List((m or {}).values())


@builtin("contains?", (2, 2), "Does the map have the key (or the vector the index)?")
def contains(coll, key):
    if isinstance(coll, dict):
        try:
            return key in coll
        except TypeError:
            return False
    if isinstance(coll, (list, tuple)):
        return isinstance(key, int) and 0 <= key < len(coll)
    return False


# ---- text and symbols --------------------------------------------------------------------------
@builtin("str", doc="Join values as text, without quotes: (str \"a\" 1) is \"a1\".")
def str_(*xs):
    parts = [x if type(x) is str else ("" if x is None else pr_str(x, readably=False)) for x in xs]
    if len(parts) > 1:
        check_chars(sum(len(p) for p in parts), "str")
    return "".join(parts)


@builtin("pr-str", doc="Join values as readable text: (pr-str \"a\" [1 :b]) is \"\\\"a\\\" [1 :b]\".")
def pr_str_(*xs):
    parts = [pr_str(x) for x in xs]
    if len(parts) > 1:
        check_chars(sum(len(p) for p in parts) + len(parts), "pr-str")
    return " ".join(parts)


@builtin("subs", (2, 3), "Part of a text: (subs \"hello\" 1 3) is \"el\".")
def subs(s, start, *end):
    out = s[start:end[0]] if end else s[start:]
    check_chars(len(out), "subs")
    return out


@builtin("upper-case", (1, 1), "Text in capitals.")
def upper(s):
    check_chars(len(s), "upper-case")
    return s.upper()


@builtin("lower-case", (1, 1), "Text in small letters.")
def lower(s):
    check_chars(len(s), "lower-case")
    return s.lower()


@builtin("split", (2, 2), "Split a text at a separator: (split \"a,b\" \",\").")
def split(s, sep):
    check_chars(len(s), "split")
    if sep:
        check_items(s.count(sep) + 1, "split")
    return Vector(s.split(sep))


@builtin("join", (1, 2), "Join texts with a separator: (join \", \" [\"a\" \"b\"]).")
def join(sep, *coll):
    if not coll:
        sep, coll = "", (sep,)
    parts = [str_(x) for x in _seq(coll[0], "join")]
    check_chars(sum(len(p) for p in parts) + len(sep) * len(parts), "join")
    return sep.join(parts)


@builtin("keyword", (1, 1), "Make a keyword from text: (keyword \"bar\") is :bar.")
def keyword(name):
    if type(name) is Keyword:
        return name
    return Keyword.of(_text_of(name))


@builtin("symbol", (1, 1), "Make a symbol from text.")
def symbol(name):
    return Symbol(_text_of(name))


def _text_of(x):
    # As str does: Python's own str() of a list has no size limit and shows Python's names.
    return x if isinstance(x, str) else str_(x)


@builtin("name", (1, 1), "The text of a keyword or symbol.")
def name_(x):
    if type(x) in (Keyword, Symbol):
        return x.name
    if isinstance(x, str):
        return x
    raise LmacError("name expects a keyword, symbol or text, got %s" % describe(x))


_gensym_counter = [0]


@builtin("gensym", (0, 1), "A fresh symbol for macros.")
def gensym(prefix="G__"):
    _gensym_counter[0] += 1
    return Symbol("%s%d" % (_text_of(prefix), _gensym_counter[0]))


# ---- atoms, randomness -------------------------------------------------------------------------
@builtin("atom", (1, 1), "A mutable box: (def a (atom 0)).")
def atom(x):
    return Atom(x)


@builtin("deref", (1, 1), "The value inside an atom.")
def deref(a):
    if type(a) is not Atom:
        raise LmacError("deref expects an atom, got %s" % describe(a))
    return a.value


@builtin("reset!", (2, 2), "Set the value inside an atom; returns it.")
def reset(a, x):
    if type(a) is not Atom:
        raise LmacError("reset! expects an atom, got %s" % describe(a))
    a.value = x
    return x


RANDOM = _random.Random()


@builtin("random", (0, 2), "(random) a number in [0,1); (random n) in [0,n); (random lo hi) between lo and hi. "
                           "Always continuous, for parameters and pans; (rand-int ...) gives whole numbers.")
def random(*xs):
    if not xs:
        return RANDOM.random()
    if len(xs) == 1:
        return RANDOM.random() * _num(xs[0], "random")
    lo, hi = _num(xs[0], "random"), _num(xs[1], "random")
    return RANDOM.uniform(lo, hi)


@builtin("rand-int", (1, 2), "(rand-int n) a whole number from 0 to n-1; (rand-int lo hi) from lo to hi, both included "
                             "(a die: (rand-int 1 6)).")
def rand_int(*xs):
    for x in xs:
        if type(x) is not int:
            raise LmacError("rand-int expects whole numbers, got %s" % describe(x))
    if len(xs) == 1:
        if xs[0] < 1:
            raise LmacError("rand-int expects n of 1 or more, got %d" % xs[0])
        return RANDOM.randrange(xs[0])
    if xs[1] < xs[0]:
        raise LmacError("rand-int expects lo <= hi, got %d and %d" % xs)
    return RANDOM.randint(xs[0], xs[1])


@builtin("rand-nth", (1, 1), "A random item of the collection.")
def rand_nth(coll):
    s = _indexable(coll, "rand-nth")
    if not len(s):
        raise LmacError("rand-nth: the collection is empty")
    return RANDOM.choice(s)


@builtin("throw", (1, 1), "Raise an error carrying the value; (catch e ...) receives it.")
def throw(value):
    from .printer import pr_str as show
    raise LmacError(value if isinstance(value, str) else show(value), value=value)


@builtin("ex-message", (1, 1), "The text of a caught error.")
def ex_message(e):
    return e if isinstance(e, str) else pr_str(e)


@builtin("macro*", (1, 1), "Mark a function as a macro (used by defmacro).")
def macro_star(f):
    if type(f) is not Lambda:
        raise LmacError("defmacro expects a function")
    return Lambda(f.name, f.code, f.env, f.nparams, f.rest, f.pos, is_macro=True)


@builtin("identity", (1, 1), "Its argument.")
def identity(x):
    return x


# ---- helpers the prelude is built on (names start with % : not for everyday use) --------------
@builtin("%items", (1, 1), "The items of a collection as a sequence (map entries as [k v]).")
def items_(coll):
    return _seq(coll, "map")


@builtin("%push!", (2, 2), "Append to a list being built, in place (the prelude's accumulator).")
def push_(coll, x):
    if len(coll) >= MAX_ITEMS:
        check_items(len(coll) + 1, "this list")
    coll.append(x)
    return coll


@builtin("%member?", (2, 2), "Is x equal to one of the items?")
def member_(x, coll):
    if len(coll) > 64:
        charge(len(coll))
    left = [MAX_COMPARED]
    return any(equal(x, y, left) for y in coll)


@builtin("%sort-by-keys", (2, 2), "Order items by precomputed keys.")
def sort_by_keys(keys_, coll):
    if len(keys_) > 64:
        charge(4 * len(keys_))
    try:
        order = sorted(range(len(keys_)), key=lambda i: keys_[i])
    except TypeError:
        raise LmacError("sort-by can only order numbers with numbers and texts with texts")
    items = _seq(coll, "sort-by")
    return List(items[i] for i in order)


@builtin("library", (1, None), "(library \"name\" :version \"1.0\" :requires-live \"12.1\"): a library header.")
def library(name, *options):
    if not isinstance(name, str):
        raise LmacError("library expects its name as text, e.g. (library \"mixing\")")
    if len(options) % 2:
        raise LmacError("library options come in pairs, e.g. :version \"1.0\"")
    return Map([(Keyword.of("name"), name)] + list(zip(options[::2], options[1::2])))


# Two-argument versions of the hottest builtins: the compiler calls these directly when a call
# has exactly two arguments, skipping *args packing. Numbers take the operator inline (no call
# per operation: this runs for every + and < of a loop); anything else goes to the general one.
def _add2(a, b):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a + b
    return add(a, b)


def _sub2(a, b):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a - b
    return sub(a, b)


def _times2(a, b):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return _mul2(a, b)
    return mul(a, b)


def _eq2(a, b):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a == b
    return eq(a, b)


_GENERAL = dict((n, f) for n, f, _, _ in BUILTINS)


def _lt2(a, b, general=_GENERAL["<"]):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a < b
    return general(a, b)


def _le2(a, b, general=_GENERAL["<="]):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a <= b
    return general(a, b)


def _gt2(a, b, general=_GENERAL[">"]):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a > b
    return general(a, b)


def _ge2(a, b, general=_GENERAL[">="]):
    if type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES:
        return a >= b
    return general(a, b)


FAST2 = {"+": _add2, "-": _sub2, "*": _times2, "<": _lt2, "<=": _le2, ">": _gt2, ">=": _ge2,
         "=": _eq2}

# The Python operator each of these applies to two numbers, for code the compiler generates
# (interpreter/generated.py). ``*`` is left out: it checks integer sizes first.
INLINE_OPS = {"+": "+", "-": "-", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=="}

# The same as functions, for the machine's CALLB: applied when both arguments are numbers.
NUMBER_OPS = {"+": operator.add, "-": operator.sub, "<": operator.lt, "<=": operator.le,
              ">": operator.gt, ">=": operator.ge, "=": operator.eq}
