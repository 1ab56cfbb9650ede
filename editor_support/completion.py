"""Completion that knows where the cursor is:

- in a comment: nothing; in a string: the set's names inside (track "..."), (scene "..."),
  (clip "..."), (return "..."), library names inside (import "..."), else nothing;
- a word starting with ':' : the keyword options of the form around it (keyword_options.py),
  or the values of the option just before;
- after `alias/` of an (import "lib" :as alias): the library's names;
- anywhere else: the vocabulary, what the imports bring in, the document's own definitions (read from the lossless tree,
  so they are there while brackets are still open), the local names in scope and, as an argument
  of track/scene/clip/return, the set's names as strings.

    items = complete(text, offset, path, names_of_set)   # [Item]
"""
from __future__ import annotations

from .keyword_options import keyword_options
from .names import known_names, library_files, library_path
from .navigation import imported_definitions, library_names
from .set_completion import NAMED_BY
from .syntax import code_collections, node_at, parse, string_closed

BINDERS = ("let", "loop", "if-let", "when-let", "dotimes", "doseq")


class Item(object):
    __slots__ = ("label", "kind", "detail", "doc", "insert")

    def __init__(self, label, kind, detail=None, doc=None, insert=None):
        self.label, self.kind, self.detail, self.doc, self.insert = label, kind, detail, doc, insert

    def __repr__(self):
        return "Item(%r, %r)" % (self.label, self.kind)


def complete(text, offset, path=None, names_of_set=None):
    tree = parse(text)
    chain = node_at(tree, offset)
    leaf = chain[-1]
    colls = [n for n in chain if n.is_coll]
    around = colls[-1]
    if leaf.kind == "comment" and leaf.start < offset:
        return []
    if leaf.kind == "string" and leaf.start < offset and _inside_string(leaf, offset):
        return _in_string(around, leaf, names_of_set, path)
    word = text[leaf.start:offset] if leaf.kind == "atom" else ""
    if word.startswith(":"):
        return _options(around, leaf, offset)
    if not word:
        values = _values_after_option(around, offset)
        if values:
            return values
    if "/" in word and not word.startswith("/"):
        alias = word.partition("/")[0]
        found = _alias_items(tree, alias, path)
        if found is not None:
            return found
    items = _vocabulary_items()
    items += _own_definitions(tree, text)
    items += [Item(name, entry.kind, entry.signature, entry.doc or None)
              for name, entry in imported_definitions(text, path).items() if "/" not in name]
    items += _locals(colls, offset)
    head = around.head() if around.kind == "list" else None
    if head in NAMED_BY and names_of_set and _argument_index(around, offset) == 1:
        kind = NAMED_BY[head]
        items = [Item('"%s"' % n, "value", "%s in the set" % kind) for n in names_of_set[kind]] + items
    return items


def _inside_string(leaf, offset):
    return offset < leaf.end or not string_closed(leaf.text)


def _in_string(around, leaf, names_of_set, path):
    head = around.head() if around.kind == "list" else None
    forms = around.forms()
    first_arg = len(forms) > 1 and forms[1] is leaf
    if head in ("import", "use-surface") and first_arg:
        return [Item(name, "module", 'library: %s' % p) for name, p in library_files().items()]
    if head in NAMED_BY and first_arg and names_of_set:
        kind = NAMED_BY[head]
        return [Item(n, "value", "%s in the set" % kind) for n in names_of_set[kind]]
    return []


def _options(around, leaf, offset):
    head = around.head() if around.kind == "list" else None
    if not head:
        return []
    options = keyword_options(head)
    forms = around.forms()
    previous = [f for f in forms if f.end < leaf.start]
    if previous and previous[-1].text in options and options[previous[-1].text]:
        return [Item(v, "value", "value of %s" % previous[-1].text)
                for v in options[previous[-1].text]]
    used = {f.text for f in forms if f is not leaf}
    return [Item(o, "keyword", "option of %s" % head, insert=o) for o in options if o not in used]


def _values_after_option(around, offset):
    """(fire C :quantize |): the option's values, when the registry knows them."""
    head = around.head() if around.kind == "list" else None
    before = [f for f in around.forms() if f.end <= offset]
    if not head or len(before) < 2 or before[-1].kind != "atom":
        return []
    option = before[-1].text
    return [Item(v, "value", "value of %s" % option)
            for v in keyword_options(head).get(option, [])]


def _alias_items(tree, alias, path):
    for node in tree.children:
        forms = node.forms() if node.is_coll else []
        if node.head() in ("import", "use-surface") and len(forms) > 3 and \
                forms[1].kind == "string":
            for i in range(2, len(forms) - 1):
                if forms[i].text == ":as" and forms[i + 1].text == alias:
                    lib = library_path(forms[1].text[1:-1], relative_to=path)
                    if lib is None:
                        return []
                    return [Item(alias + "/" + n, "function", "from %s" % forms[1].text)
                            for n in library_names(lib) if not n.startswith("%")]
    return None


_VOCAB = {}


def _vocabulary_items():
    if "items" not in _VOCAB:
        _VOCAB["items"] = [Item(name, entry.kind, entry.signature, entry.doc or None)
                           for name, entry in known_names().items() if not name.startswith("%")]
    return list(_VOCAB["items"])


def _own_definitions(tree, text):
    out = []
    for node in code_collections(tree):
        forms = node.forms()
        if node.head() in ("def", "defn", "defmacro") and len(forms) > 1 and forms[1].kind == "atom":
            params = [f for f in forms[2:4] if f.kind in ("list", "vector")]
            signature = forms[1].text
            if params and params[0].closed:
                signature = "(%s %s)" % (forms[1].text, text[params[0].start + 1:params[0].end - 1])
            kind = {"defmacro": "macro", "defn": "function"}.get(node.head(), "value")
            out.append(Item(forms[1].text, kind, signature + " (this file)"))
    return out


def _locals(colls, offset):
    """Names bound by the forms around the cursor: parameters, let/loop bindings, for-each."""
    out = []
    for node in colls:
        if node.kind != "list":
            continue
        head = node.head()
        forms = node.forms()
        names = []
        if head in ("defn", "defmacro", "fn"):
            for f in forms[1:4]:
                if f.kind in ("list", "vector"):
                    names = [c.text for c in f.forms() if c.kind == "atom" and c.text != "&"]
                    break
        elif head in BINDERS and len(forms) > 1 and forms[1].kind in ("list", "vector"):
            names = [c.text for c in forms[1].forms()[0::2] if c.kind == "atom"]
        elif head == "for-each" and len(forms) > 1 and forms[1].kind == "vector":
            names = [c.text for c in forms[1].forms()[:1] if c.kind == "atom"]
        elif head == "catch" and len(forms) > 1 and forms[1].kind == "atom":
            names = [forms[1].text]
        out.extend(Item(n, "variable", "local") for n in names)
    return out


def _argument_index(node, offset):
    """The position in ``node`` of the form being typed at ``offset`` (the name is 0)."""
    return len([f for f in node.forms()
                if f.start < offset and not (f.kind == "atom" and offset <= f.end)])


__all__ = ["complete", "Item"]
