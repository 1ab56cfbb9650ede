"""lmac's canonical layout (`lmac fmt`, the language server's formatting).

The layout keeps your line breaks and changes only the space around them, so it never changes
what the code means and never loses a comment:

- indentation: special forms and macros (defn, let, when, bind, for-each, ...) indent their body
  by 2; other calls line up with their first argument when it sits on the name's line, else
  indent by 2; vectors, maps and lists that do not start with a name line up with their first item;
- one space between forms on a line; none inside brackets; the spacing before a trailing
  comment is kept (so aligned comments stay aligned);
- closing brackets follow the last form, never on a line of their own (unless a comment ends
  the line before);
- at most one blank line in a row, no trailing spaces, one newline at the end of the file.

Text the reader rejects is not formatted: ``format_text`` raises the reader's LmacSyntaxError.
"""
from __future__ import annotations

from lmac.grammar.reader import read_all

from .syntax import is_symbol, parse

INDENT = 2
_CLOSE = {"list": ")", "vector": "]", "map": "}"}


# Forms that read as a sequence of peers: they line up with their first argument like calls.
ALIGNED_FORMS = frozenset(["do", "seq", "par", "race", "cond", "and", "or", "->", "->>", "pick",
                           "cycle", "spawn", "recur", "quote", "quasiquote", "unquote", "splice-unquote"])
# Forms whose first argument is a list of bindings or parameters (data, not a call).
BINDING_FORMS = frozenset(["let", "loop", "if-let", "when-let", "dotimes", "doseq", "fn", "defn",
                           "defmacro", "catch"])


def body_forms():
    """Names whose arguments are a body (indented by 2 whatever the first line holds): the
    special forms and macros but those in ALIGNED_FORMS."""
    from .names import known_names
    return frozenset(n for n, e in known_names().items()
                     if e.kind in ("special", "macro") and n not in ALIGNED_FORMS)


def format_text(text, file="<input>", bodies=None):
    """The canonical layout of ``text``; raises LmacSyntaxError when the reader rejects it."""
    read_all(text, file)  # only readable code is formatted
    tree = parse(text)
    bodies = body_forms() if bodies is None else bodies
    out = _Writer(bodies)
    out.write_top(tree)
    result = "".join(out.parts).rstrip("\n ")
    return result + "\n" if result else ""


class _Writer(object):
    def __init__(self, bodies):
        self.bodies = bodies
        self.parts = []
        self.col = 0

    def emit(self, text):
        self.parts.append(text)
        if "\n" in text:
            self.col = len(text) - text.rindex("\n") - 1
        else:
            self.col += len(text)

    def newline(self, count, indent):
        # trailing spaces never survive: a line ends right after its last token
        self.emit("\n" * max(1, min(count, 2)) + " " * indent)

    def write_top(self, root):
        previous = None
        for child in root.children:
            if previous is not None:
                if previous.kind == "comment" or child.newlines:
                    self.newline(child.newlines, 0)
                else:
                    self.separate(previous, child)
            self.write(child)
            previous = child

    def separate(self, previous, child):
        """The space between two items on one line."""
        if previous.kind == "prefix":
            if previous.text == "~" and child.text.startswith("@"):
                self.emit(" ")  # ~ @x is (unquote (deref x)); glued it would read as ~@x
            return  # 'x: a reader macro character is glued to its form
        self.emit(" " * max(1, child.gap) if child.kind == "comment" else " ")

    def write(self, node):
        if not node.is_coll:
            self.emit(node.text)
            if node.comma:
                self.emit(",")
            return
        layout = _Layout(node, self.col, self.bodies, _is_binding_list(node))
        self.emit(node.text)
        previous = None
        for child in node.children:
            if previous is not None:
                if previous.kind == "comment" or child.newlines:
                    self.newline(child.newlines, layout.continuation())
                else:
                    self.separate(previous, child)
            layout.placing(child, self.col)
            self.write(child)
            previous = child
        if previous is not None and previous.kind == "comment":
            self.newline(1, layout.continuation())
        self.emit(_CLOSE[node.kind])
        if node.comma:
            self.emit(",")


class _Layout(object):
    """Where the continuation lines of one collection start."""

    def __init__(self, node, col, bodies, data=False):
        self.col = col                 # column of the opening bracket
        self.first_arg_col = None      # column of the first argument, when on the name's line
        self.code_seen = 0             # code items placed so far
        self.broke = False             # a line break happened inside this collection
        forms = node.forms()
        head = forms[0] if forms else None
        self.named = node.kind == "list" and head is not None and head.kind == "atom" \
            and is_symbol(head.text) and not data
        self.body = self.named and (head.text in bodies or head.text.startswith("def"))

    def placing(self, child, col):
        if child.kind in ("comment", "prefix"):
            return
        if self.code_seen == 1 and not self.broke:
            self.first_arg_col = col
        self.code_seen += 1

    def continuation(self):
        self.broke = True
        if not self.named:
            return self.col + 1
        if self.body or self.first_arg_col is None:
            return self.col + INDENT
        return self.first_arg_col


def _is_binding_list(node):
    """(let (a 1 ...) ...), (defn f (x y) ...): the bindings or parameters, laid out as data."""
    parent = node.parent
    if parent is None or parent.kind != "list":
        return False
    head = parent.head()
    forms = parent.forms()
    if head not in BINDING_FORMS:
        return False
    if head in ("defn", "defmacro", "fn"):
        # the parameters: the first list or vector after the name (and the doc string)
        for form in forms[1:]:
            if form.kind in ("list", "vector"):
                return form is node
        return False
    return len(forms) > 1 and forms[1] is node


__all__ = ["format_text", "body_forms", "is_symbol"]
