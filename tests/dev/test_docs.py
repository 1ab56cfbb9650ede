"""The docs stay true: every ```lisp block in docs/*.md and README.md reads with the reader, and
`lmac check` finds nothing in it (every name exists, argument counts fit). The lmac column of the
ClyphX table is checked the same way. ```lisp-sketch marks the few deliberately partial snippets."""
import glob
import os
import re

import pytest

from lmac.editor_support.checker import Checker
from lmac.grammar.reader import read_all
from lmac.interpreter.vocabulary import definitions_in_forms

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))) + [os.path.join(ROOT, "README.md")]
BLOCK = re.compile(r"^```lisp[ \t]*\n(.*?)^```", re.S | re.M)


def blocks():
    """(where, code, names defined by the page's earlier blocks)."""
    for path in FILES:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        earlier = {}
        for m in BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 2
            yield "%s:%d" % (os.path.relpath(path, ROOT), line), m.group(1), dict(earlier)
            try:
                earlier.update(definitions_in_forms(read_all(m.group(1))))
            except Exception:
                pass


BLOCKS = list(blocks())


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_there_are_examples():
    names = {b[0].split(":")[0] for b in BLOCKS}
    assert {"docs/language.md", "docs/cookbook.md", "docs/getting-started.md"} <= names
    cookbook = [b for b in BLOCKS if b[0].startswith("docs/cookbook.md")]
    assert len(cookbook) >= 15


@pytest.mark.parametrize("where,code,earlier", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_block_reads_and_checks(where, code, earlier, checker):
    read_all(code, where)
    assert [str(f) for f in checker.check_text(code, where, defined=earlier)] == []


def clyphx_rows():
    with open(os.path.join(ROOT, "docs", "clyphx.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0].isdigit():
                yield cells[0], cells[2]


def test_clyphx_table_has_forty_rows_of_real_lmac(checker):
    rows = list(clyphx_rows())
    assert len(rows) >= 40 and [int(n) for n, _ in rows] == list(range(1, len(rows) + 1))
    problems = []
    for number, cell in rows:
        for code in re.findall(r"`([^`]+)`", cell):
            read_all(code, "clyphx.md row %s" % number)
            problems += ["row %s: %s" % (number, f.message)
                         for f in checker.check_text(code, "clyphx.md")]
    assert problems == []
