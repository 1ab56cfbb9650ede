"""The outline of a document (LSP document symbols): its definitions, libraries, surfaces and
bindings, each with the span of its whole form and of its name. Works on half-typed text."""
from __future__ import annotations

from .syntax import parse

# head -> what the outline calls it (LSP SymbolKind names)
KINDS = {"defn": "Function", "defmacro": "Operator", "def": "Variable", "defsurface": "Class",
         "library": "Module", "bind": "Event", "led": "Event", "on": "Event", "layer": "Namespace",
         "map-param": "Event"}


class Symbol(object):
    __slots__ = ("name", "kind", "start", "end", "name_start", "name_end", "detail", "children")

    def __init__(self, name, kind, start, end, name_start, name_end, detail=""):
        self.name, self.kind, self.detail = name, kind, detail
        self.start, self.end, self.name_start, self.name_end = start, end, name_start, name_end
        self.children = []

    def __repr__(self):
        return "Symbol(%r, %r)" % (self.name, self.kind)


def outline(text):
    return _symbols(parse(text), text)


def _symbols(node, text):
    out = []
    quoted = False
    for child in node.children:
        after_quote, quoted = quoted, child.kind == "prefix" and child.text in ("'", "`")
        if child.kind != "list" or after_quote:
            continue  # '(def x 1) is data, not a definition
        head = child.head()
        forms = child.forms()
        if head == "do":
            out.extend(_symbols(child, text))
            continue
        if head not in KINDS or len(forms) < 2:
            continue
        target = forms[1]
        kind = KINDS[head]
        if head in ("def", "defn", "defmacro", "defsurface", "library"):
            name = target.text[1:-1] if target.kind == "string" else target.text
            if head == "def" and len(forms) > 2 and forms[2].kind == "list" and forms[2].head() == "fn":
                kind = "Function"
        else:  # (bind (note 36) ...): named by what triggers it
            name = "%s %s" % (head, " ".join(text[target.start:target.end].split()))
        symbol = Symbol(name, kind, child.start, child.end, target.start, target.end,
                        _detail(forms))
        if head in ("layer", "defsurface"):
            symbol.children = _symbols(child, text)
        out.append(symbol)
    return out


def _detail(forms):
    """The parameter list of a defn or defmacro, e.g. "(t bars)"."""
    if len(forms) > 2 and forms[0].text in ("defn", "defmacro"):
        for f in forms[2:]:
            if f.kind in ("list", "vector"):
                return "(" + " ".join(c.text for c in f.children if not c.is_coll) + ")"
    return ""


__all__ = ["outline", "Symbol", "KINDS"]
