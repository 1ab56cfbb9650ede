"""The editor features work on half-typed and broken text: completion, signature help,
navigation, the outline and the lossless tree never raise, whatever the text and the offset."""
import glob
import os

from hypothesis import given, settings, strategies as st

from lmac.editor_support.completion import complete
from lmac.editor_support.names import known_names
from lmac.editor_support.navigation import analyze
from lmac.editor_support.outline import outline
from lmac.editor_support.set_completion import set_names
from lmac.editor_support.signature_help import signature_at
from lmac.editor_support.syntax import parse, tokens

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAMES = set_names()


def lookup(name):
    entry = known_names().get(name)
    return (entry.signature, entry.doc) if entry else None


def exercise(text):
    assert "".join(t for _k, t, _s in tokens(text)) == text
    parse(text)
    outline(text)
    a = analyze(text, "/tmp/robust.lmac")
    for offset in range(0, len(text) + 1, max(1, len(text) // 40)):
        complete(text, offset, "/tmp/robust.lmac", NAMES)
        signature_at(text, offset, lookup)
        a.at(offset)


PIECES = st.sampled_from(["(", ")", "[", "]", "{", "}", '"', "\\", ";", "\n", " ", ",", "'", "`",
                          "~", "~@", "@", ":", ":quantize", "fire", "track", "defn", "f", "x",
                          "(import \"mixing\" :as mx)", "mx/", "1", "1/16", "🎹", "let", "for-each"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=30))
def test_random_text(pieces):
    exercise("".join(pieces))


def test_every_prefix_of_a_shipped_file():
    with open(os.path.join(ROOT, "stdlib_macros", "mixing.lmac"), encoding="utf-8") as f:
        text = f.read()
    for end in range(0, len(text), 251):
        exercise(text[:end])


def test_shipped_files():
    for path in glob.glob(os.path.join(ROOT, "examples", "*.lmac")):
        with open(path, encoding="utf-8") as f:
            exercise(f.read())
