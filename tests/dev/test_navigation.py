"""What names refer to (navigation.py), without a server: scopes from lmac check's walk,
quoted templates, aliases, half-typed text."""
from lmac.editor_support.navigation import analyze

PATH = "/tmp/nav-unit.lmac"


def uses(text, name):
    a = analyze(text, PATH)
    return [(o.start, o.definition) for o in a.definitions + a.occurrences if o.name == name]


def test_parameters_and_let_names_are_not_the_function():
    text = "(defn f (x) x)\n(defn g (f) (f 1))\n(let (f 2) f)\n(f 3)\n"
    assert uses(text, "f") == [(6, True), (text.rindex("(f 3)") + 1, False)]


def test_templates_define_nothing_and_quoted_code_uses_nothing():
    text = "(defmacro defx (n) `(def ~n 1))\n(defn n () 1)\n'(n)\n(n)\n"
    a = analyze(text, PATH)
    assert [o.name for o in a.definitions] == ["defx", "n"]
    assert [o.start for o in a.occurrences if o.name == "n"] == [text.rindex("(n)") + 1]


def test_alias_points_into_the_library():
    a = analyze('(import "mixing" :as mx)\n(mx/duck all)\n', PATH)
    [duck] = [o for o in a.occurrences if o.name == "mx/duck"]
    assert duck.target[0].endswith("stdlib_macros/mixing.lmac") and duck.target[1] == "duck"
    assert duck.rename_span() == (duck.start + 3, duck.end)


def test_unreadable_text_still_finds_words():
    a = analyze("(defn f (x) x)\n(f (g", PATH)
    assert [o.start for o in a.occurrences if o.name == "f"] == [16]
