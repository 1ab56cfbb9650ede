"""LANGUAGE.md section 2 (the core), example by example."""
import pytest

from lmac.interpreter.clock import TestClock
from lmac.interpreter.printer import pr_str
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError


@pytest.fixture
def s():
    return Session(clock=TestClock())


def ev(s, text):
    return pr_str(s.eval(text))


@pytest.mark.parametrize("src, expected", [
    ("(+ 1 2 3)", "6"), ("(- 10 3)", "7"), ("(- 5)", "-5"), ("(* 2 3)", "6"),
    ("(/ 10 4)", "2.5"), ("(/ 8 4)", "2"), ("(quot 7 2)", "3"), ("(quot -7 2)", "-3"), ("(mod -1 4)", "3"),
    ("(= [1 2] '(1 2))", "true"), ("(= {:a [1]} {:a '(1)})", "true"), ("(= true 1)", "false"),
    ("(< 1 2 3)", "true"), ("(>= 3 3 4)", "false"), ("(not nil)", "true"),
    ("(list 1 2)", "(1 2)"), ("(list? '(1))", "true"), ("(vector? [1])", "true"), ("(vec '(1 2))", "[1 2]"),
    ("(cons 0 [1 2])", "(0 1 2)"), ("(concat [1] '(2) [])", "(1 2)"), ("(first [])", "nil"),
    ("(rest [1 2 3])", "(2 3)"), ("(nth [1 2 3] 1)", "2"), ("(count \"abc\")", "3"), ("(empty? [])", "true"),
    ("(conj [1] 2)", "[1 2]"), ("(conj '(1) 2)", "(2 1)"),
    ("(map inc [1 2 3])", "(2 3 4)"), ("(filter odd? (range 6))", "(1 3 5)"),
    ("(reduce + 0 (range 5))", "10"), ("(reduce + [1 2 3])", "6"), ("(apply + 1 [2 3])", "6"),
    ("(range 1 4)", "(1 2 3)"), ("(str \"a\" 1 :k nil)", "\"a1:k\""),
    ("(pr-str \"a\" [1 :b])", "\"\\\"a\\\" [1 :b]\""),
    ("(hash-map :a 1)", "{:a 1}"), ("(get {:a 1} :a)", "1"), ("(get {:a 1} :b 5)", "5"),
    ("(assoc {:a 1} :b 2)", "{:a 1, :b 2}"), ("(dissoc {:a 1 :b 2} :a)", "{:b 2}"),
    ("(keys {:a 1})", "(:a)"), ("(vals {:a 1})", "(1)"), ("(contains? {:a 1} :a)", "true"),
    ("(keyword \"bar\")", ":bar"), ("(symbol \"x\")", "x"), ("(string? \"x\")", "true"),
    ("(number? 1.5)", "true"), ("(nil? nil)", "true"), ("(fn? inc)", "true"), ("(fn? 1)", "false"),
    ("(let (a (atom 1)) (reset! a 5) (swap! a + 2) (deref a))", "7"),
    ("(read-string \"(1 2)\")", "(1 2)"), ("(eval '(+ 1 2))", "3"), ("(eval (list '+ 1 2))", "3"),
    ("(let (a 1 b 2) (+ a b))", "3"), ("(let [a 1 b (+ a 1)] b)", "2"),
    ("((fn (a & r) r) 1 2 3)", "(2 3)"), ("((fn [& r] r))", "nil"),
    ("(do 1 2)", "2"), ("(seq 1 2)", "2"), ("(if nil 1 2)", "2"), ("(if false 1)", "nil"),
    ("(and 1 nil 2)", "nil"), ("(and 1 2)", "2"), ("(or nil false 3)", "3"), ("(or)", "nil"),
    ("(quote (a b))", "(a b)"), ("'x", "x"),
    ("`(1 ~(+ 1 1) ~@[3 4])", "(1 2 3 4)"), ("`[a ~(inc 1)]", "[a 2]"),
    ("(when true 1 2)", "2"), ("(unless true 1)", "nil"), ("(cond false 1 :else 2)", "2"),
    ("(case 2 1 :one (2 3) :two :other)", ":two"), ("(case 9 1 :one :other)", ":other"),
    ("(loop (i 0 acc []) (if (< i 3) (recur (inc i) (conj acc i)) acc))", "[0 1 2]"),
    ("(let (n (atom 0)) (while (< (deref n) 3) (swap! n inc)) (deref n))", "3"),
    ("(let (n (atom 0)) (repeat 4 (swap! n inc)) (deref n))", "4"),
    ("(-> 5 (- 2) inc)", "4"), ("(->> [1 2] (map inc))", "(2 3)"),
    ("(try (throw {:a 1}) (catch e (get e :a)))", "1"), ("(try (abc) (catch e e))", "\"'abc' not found\""),
    ("(try 1 (catch e 2))", "1"),
    ("[(+ 1 1) {:a (inc 1)}]", "[2 {:a 2}]"),
])
def test_core_examples(s, src, expected):
    assert ev(s, src) == expected


def test_def_returns_the_value(s):
    assert s.eval("(def x 5)") == 5
    assert s.eval("x") == 5


def test_defn_and_defmacro(s):
    s.eval("(defn twice (x) (* 2 x))")
    assert s.eval("(twice 4)") == 8
    s.eval("(defmacro my-unless (t & body) `(if ~t nil (do ~@body)))")
    assert s.eval("(my-unless false 1 2)") == 2
    s.eval("(defn documented \"Adds one.\" (x) (+ x 1))")
    assert s.eval("(documented 1)") == 2
    assert s.docs["documented"] == "Adds one."


def test_macro_defined_in_same_source_applies_to_later_forms(s):
    assert s.eval("(defmacro five () 5) (+ (five) 1)") == 6


def test_unknown_name_message(s):
    with pytest.raises(LmacError) as e:
        s.eval("(abc 1)", file="f.lmac")
    assert e.value.message == "'abc' not found"
    assert str(e.value.pos) == "f.lmac:1:2"


def test_wrong_argument_count_names_function_and_counts(s):
    s.eval("(defn fib (n) n)")
    with pytest.raises(LmacError) as e:
        s.eval("(fib 1 2)")
    assert e.value.message == "fib expects 1 argument, got 2"
    with pytest.raises(LmacError) as e:
        s.eval("(nth [1])")
    assert e.value.message == "nth expects 2 to 3 arguments, got 1"


def test_tail_recursion_100000_deep_in_constant_frames(s):
    s.eval("(defn sum (n acc) (if (= n 0) acc (sum (- n 1) (+ acc n))))")
    assert s.eval("(sum 100000 0)") == 5000050000


def test_tail_recursion_a_million_deep(s):
    s.eval("(defn count-down (n) (if (= n 0) :done (count-down (- n 1))))")
    assert s.eval("(count-down 1000000)") == s.eval(":done")


def test_non_tail_recursion_10000_deep_and_a_clean_error_past_the_limit(s):
    import sys
    from lmac.interpreter.budget import MAX_DEPTH
    s.eval("(defn deep (n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))")
    limit = sys.getrecursionlimit()
    assert s.eval("(deep 10000)") == 10000
    assert s.eval("(deep %d)" % (MAX_DEPTH - 500)) == MAX_DEPTH - 500
    with pytest.raises(LmacError) as e:
        s.eval("(deep 100000)")
    assert "recursion deeper than %d calls" % MAX_DEPTH in e.value.message
    assert sys.getrecursionlimit() == limit


def test_closures_capture_each_loop_iteration(s):
    assert ev(s, "(map (fn (f) (f)) (loop (i 0 fs []) (if (< i 3) (recur (inc i) (conj fs (fn () i))) fs)))") == "(0 1 2)"


def test_rebinding_a_builtin_takes_effect_in_compiled_code(s):
    s.eval("(defn f (x) (inc x))")
    s.eval("(def inc (fn (x) (+ x 100)))")
    assert s.eval("(f 1)") == 101


def test_rebinding_a_builtin_used_on_machine_values_takes_effect(s):
    # (+ (g x) 1): the arguments need the machine, the builtin call itself is direct.
    s.eval("(defn g (x) x) (defn f (x) (+ (g x) 10))")
    assert s.eval("(f 2)") == 12
    s.eval("(def + (fn (a b) (* a b)))")
    assert s.eval("(f 2)") == 20
    with pytest.raises(LmacError) as e:
        s.eval("(defn h (x) (- (g x) \"a\")) (h 1)", file="h.lmac")
    assert e.value.message.startswith("-") and 'the text "a"' in e.value.message
    assert str(e.value.pos) == "h.lmac:1:13"


def test_recur_outside_tail_position_is_an_error(s):
    with pytest.raises(LmacError) as e:
        s.eval("(loop (i 0) (+ 1 (recur i)))", file="r.lmac")
    assert "recur" in e.value.message and e.value.pos.file == "r.lmac"


def test_arithmetic_on_text_is_explained(s):
    with pytest.raises(LmacError) as e:
        s.eval("(+ 1 \"a\")")
    assert 'the text "a"' in e.value.message


def test_printing_is_readable(s):
    assert ev(s, "\"a\\nb\"") == '"a\\nb"'
    assert ev(s, "[nil true false 1.5 :k 'sym]") == "[nil true false 1.5 :k sym]"


def test_random_over_a_range_is_continuous_and_rand_int_is_whole(s):
    """`(pan T (random -1 1))` (ClyphX's PAN RND) must reach every pan, not only -1, 0 and 1."""
    values = [s.eval("(random -1 1)") for _ in range(300)]
    assert all(-1 <= v <= 1 for v in values)
    assert len(set(values)) > 250 and any(v != int(v) for v in values)
    assert all(0 <= s.eval("(random 4)") < 4 for _ in range(50))
    assert any(s.eval("(random 4)") != int(s.eval("(random 4)")) for _ in range(20))
    dice = set(s.eval("(rand-int 1 6)") for _ in range(300))
    assert dice == {1, 2, 3, 4, 5, 6}
    assert set(s.eval("(rand-int 3)") for _ in range(200)) == {0, 1, 2}
    for bad, message in (("(rand-int 1.5)", "rand-int expects whole numbers, got the number 1.5"),
                         ("(rand-int 0)", "rand-int expects n of 1 or more, got 0"),
                         ("(rand-int 6 1)", "rand-int expects lo <= hi, got 6 and 1")):
        with pytest.raises(LmacError) as info:
            s.eval(bad)
        assert info.value.message == message
