"""A lossless view of lmac source for the editor tools: every comment, string, bracket and atom
with its character offsets, nested as the brackets nest. Unlike the reader (grammar/), it never
fails: unclosed brackets stay open to the end and stray closers become atoms, so completion and
the outline work while the text is half typed. The token rules follow grammar/lmac.lark.

    tree = parse(text)
    tree.children            # top-level nodes (Node), comments included
    node_at(tree, offset)    # the innermost node around an offset, with its ancestors
"""
from __future__ import annotations

import re

# Characters that end an atom (lmac.lark's _END), as a regex class body.
DELIMS = r"""\s,;()\[\]{}"'`~@"""

_TOKEN = re.compile(r"""
    (?P<newline>\n)
  | (?P<space>[^\S\n]+)
  | (?P<comma>,)
  | (?P<comment>;[^\n]*)
  | (?P<string>"(?:[^"\\]|\\.)*(?:"|\\?\Z))
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<prefix>~@|[~'`@])
  | (?P<atom>[^%s]+)
""" % DELIMS, re.S | re.X)

CLOSERS = {"(": ")", "[": "]", "{": "}"}


class Node(object):
    """kind: "list", "vector", "map" (children, closed or not), "atom", "string", "comment",
    "prefix" (a reader macro character, glued to the next node). ``start``/``end`` are offsets
    into the text; ``newlines`` counts the line breaks between this node and the one before it
    (or the opening bracket); ``comma`` is true when a comma follows it."""

    __slots__ = ("kind", "start", "end", "text", "children", "closed", "newlines", "comma",
                 "parent", "gap")

    def __init__(self, kind, start, end, text, newlines=0):
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.children = [] if kind in ("list", "vector", "map", "root") else None
        self.closed = False
        self.newlines = newlines
        self.comma = False
        self.parent = None
        self.gap = 0        # the spaces before it on its line (kept before trailing comments)

    @property
    def is_coll(self):
        return self.children is not None

    def forms(self):
        """The children that are code (no comments, no reader-macro characters)."""
        return [c for c in self.children if c.kind not in ("comment", "prefix")]

    def head(self):
        """The first code child's text when it is an atom (the name a list calls), else None."""
        if self.kind != "list":
            return None
        forms = self.forms()
        return forms[0].text if forms and forms[0].kind == "atom" else None

    def __repr__(self):
        return "Node(%s, %d-%d, %r)" % (self.kind, self.start, self.end, self.text[:20])


def tokens(text):
    """(kind, text, start) for every token; the texts concatenate back to ``text``."""
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # cannot happen: every character fits one of the rules
            raise AssertionError("untokenizable text at %d" % pos)
        yield m.lastgroup, m.group(), pos
        pos = m.end()


def parse(text):
    """The tree of ``text`` (a Node of kind "root")."""
    root = Node("root", 0, len(text), "")
    root.closed = True
    stack = [root]
    newlines = 0
    gap = 0
    last = None
    for kind, value, start in tokens(text):
        if kind == "newline":
            newlines += 1
            gap = 0
            continue
        if kind == "space":
            gap += len(value)
            continue
        if kind == "comma":
            # kept after the form it follows; dropped after a bracket or a comment or a reader macro (commas are only space)
            if last is not None and last.kind not in ("comment", "prefix"):
                last.comma = True
            continue
        top = stack[-1]
        if kind == "close" and top.kind != "root" and CLOSERS[top.text] == value:
            top.end = start + 1
            top.closed = True
            stack.pop()
            last = top
            newlines = 0
            gap = 0
            continue
        if kind == "open":
            node = Node({"(": "list", "[": "vector", "{": "map"}[value], start, len(text), value,
                        newlines)
            _add(top, node)
            stack.append(node)
            node.gap = gap
            newlines = gap = 0
            last = None
            continue
        node = Node(kind if kind != "close" else "atom", start, start + len(value), value,
                    newlines)
        _add(top, node)
        node.gap = gap
        last = node
        newlines = 0
        gap = 0
    return root


def _add(parent, node):
    node.parent = parent
    parent.children.append(node)


_CLOSED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def string_closed(text):
    """Whether a string token has its closing quote (not cut off at the end of the text)."""
    return _CLOSED_STRING.fullmatch(text) is not None


_NUMBER = re.compile(r"[+-]?\.?[0-9]")


def is_symbol(text):
    """Whether an atom reads as a symbol (not a number, keyword or constant)."""
    return not (text.startswith(":") or _NUMBER.match(text) or text in ("true", "false", "nil"))


def code_collections(node):
    """The collections under ``node`` (itself included) outside quoted and quasiquoted
    templates ('(...) and `(...)), depth first in source order."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        quoted = False
        inner = []
        for child in n.children:
            if child.is_coll and not quoted:
                inner.append(child)
            quoted = child.kind == "prefix" and child.text in ("'", "`")
        stack.extend(reversed(inner))


def node_at(tree, offset):
    """The chain [root, ..., innermost] of nodes whose span holds ``offset``. A collection holds
    the offsets after its opening bracket up to its closing one; a leaf holds its start to its
    end (so the cursor right after a word is still in it)."""
    chain = [tree]
    node = tree
    while True:
        inner = None
        for child in node.children:
            if child.is_coll:
                if child.start < offset and (offset < child.end or not child.closed):
                    inner = child
            elif child.start <= offset <= child.end and child.kind != "prefix":
                inner = child
            if child.start > offset:
                break
        if inner is None:
            return chain
        chain.append(inner)
        if not inner.is_coll:
            return chain
        node = inner


def line_starts(text):
    """Offsets where each line starts (lines split at \\n only, as the reader counts them)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def offset_of(starts, line, col):
    """The offset of 0-based ``line`` and character ``col``."""
    if line >= len(starts):
        return starts[-1]
    return starts[line] + col


def line_col(starts, offset):
    """(0-based line, character column) of an offset."""
    import bisect
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]


__all__ = ["Node", "parse", "tokens", "node_at", "line_starts", "offset_of", "line_col", "DELIMS",
           "is_symbol", "string_closed", "code_collections"]
