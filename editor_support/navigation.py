"""What each name in a document refers to: go to definition, references and rename.

    a = analyze(text, path)
    a.definitions           # [Occurrence] the (def/defn/defmacro NAME ...) names of the file
    a.occurrences           # [Occurrence] every use of a global name (locals are left out)
    a.at(offset)            # the occurrence (use or definition) under an offset, or None

An occurrence's ``target`` is (file, name) for names defined in a file (this one or an imported
library; an alias `x/f` points at f in x's file) and ("", name) for the built-in vocabulary.
Scopes come from ``lmac check``'s own walk (a parameter `f` is not the function `f`); a document
the reader rejects falls back to every word spelled like the name.
"""
from __future__ import annotations

import os

from lmac.grammar.reader import read_all
from lmac.interpreter.values import LmacSyntaxError, Symbol
from lmac.interpreter.vocabulary import STDLIB as STDLIB_DIR

from .checker import Checker, _Run
from .names import known_names, library_path
from .syntax import code_collections, line_starts, offset_of, parse

DEFINERS = ("def", "defn", "defmacro")


class Occurrence(object):
    __slots__ = ("name", "start", "end", "target", "definition", "path")

    def __init__(self, name, start, end, target, definition, path):
        self.name = name
        self.start = start
        self.end = end
        self.target = target
        self.definition = definition
        self.path = path

    def rename_span(self):
        """(start, end) of the part a rename replaces: after the alias in `x/f`."""
        if "/" in self.name and self.target and not self.name.endswith("/"):
            _, _, rest = self.name.partition("/")
            if rest == self.target[1]:
                return self.end - len(rest), self.end
        return self.start, self.end

    def __repr__(self):
        return "Occurrence(%r, %d, %r%s)" % (self.name, self.start, self.target,
                                              ", def" if self.definition else "")


class Analysis(object):
    def __init__(self, path):
        self.path = path
        self.definitions = []
        self.occurrences = []
        self.imports = []        # (library file, alias or None)

    def at(self, offset):
        for occ in self.definitions + self.occurrences:
            if occ.start <= offset <= occ.end:
                return occ
        return None

    def targets(self, target):
        return [o for o in self.definitions + self.occurrences if o.target == target]


def _real(path):
    return os.path.realpath(path) if path else ""


def analyze(text, path):
    path = _real(path)
    tree = parse(text)
    starts = line_starts(text)
    a = Analysis(path)
    local_defs = {}
    for node in _walk(tree):
        head = node.head()
        forms = node.forms()
        if head in DEFINERS and len(forms) > 1 and forms[1].kind == "atom":
            name_node = forms[1]
            local_defs[name_node.text] = name_node
            a.definitions.append(Occurrence(name_node.text, name_node.start, name_node.end,
                                            (path, name_node.text), True, path))
    a.imports = imports_of(tree, path)
    resolve = _Resolver(local_defs, a.imports, path)
    defined_at = {o.start for o in a.definitions}
    for start, end, name in _free_words(text, tree, path, starts):
        if start in defined_at:
            continue  # the name of a definition (when unreadable text leaves no scopes)
        target = resolve(name)
        if target is not None:
            a.occurrences.append(Occurrence(name, start, end, target, False, path))
    return a


def imports_of(tree, path):
    """[(library file, alias or None)] of the (import "lib" [:as alias]) forms of a tree."""
    out = []
    for node in _walk(tree):
        forms = node.forms()
        if node.head() in ("import", "use-surface") and len(forms) > 1 and forms[1].kind == "string":
            lib = library_path(forms[1].text[1:-1], relative_to=path or None)
            if lib:
                alias = None
                for i in range(2, len(forms) - 1):
                    if forms[i].text == ":as" and forms[i + 1].kind == "atom":
                        alias = forms[i + 1].text
                out.append((_real(lib), alias))
    return out


def imported_definitions(text, path):
    """name -> Entry (signature, doc) of what the document's imports bring in, `alias/name` for
    an aliased import; read statically from the library files. Works on half-typed text."""
    from lmac.interpreter.vocabulary import definitions_in_file
    out = {}
    for lib, alias in imports_of(parse(text), _real(path)):
        for name, entry in definitions_in_file(lib).items():
            if name.startswith("%"):
                continue  # the library's own helpers
            out.setdefault(alias + "/" + name if alias else name, entry)
    return out


def _walk(node):
    """Every collection of the tree that is code: quoted and quasiquoted templates (a macro's
    `(def ~name ...)`) define nothing themselves."""
    return code_collections(node)


def _free_words(text, tree, path, starts):
    """(start, end, name) of each symbol that names something global (not a local)."""
    words = {}
    for node in _walk(tree):
        for child in node.children:
            if child.kind == "atom":
                words[child.start] = child
    try:
        forms = read_all(text, path or "<input>")
    except LmacSyntaxError:
        forms = None
    if forms is None:  # unreadable: no scopes; every word counts
        return [(w.start, w.end, w.text) for w in words.values()]
    run = _FreeSymbols(Checker(), path or "<input>")
    run.check(forms)
    out = []
    for sym in run.free:
        offset = offset_of(starts, sym.pos.line - 1, sym.pos.col - 1)
        word = words.get(offset)
        if word is not None and word.text == sym.name:  # 'x reads as (quote x): skip `quote`
            out.append((word.start, word.end, word.text))
    return out


class _FreeSymbols(_Run):
    """lmac check's walk, noting every symbol it looks up outside any local scope."""

    def __init__(self, checker, file):
        _Run.__init__(self, checker, file)
        self.free = []
        self._seen = set()

    def _note(self, sym, scope):
        if sym.name not in scope and sym.pos is not None and id(sym) not in self._seen:
            self._seen.add(id(sym))
            self.free.append(sym)

    def check_symbol(self, sym, scope):
        self._note(sym, scope)
        _Run.check_symbol(self, sym, scope)

    def walk_list(self, form, scope):
        if form and type(form[0]) is Symbol:
            self._note(form[0], scope)
        _Run.walk_list(self, form, scope)


class _Resolver(object):
    def __init__(self, local_defs, imports, path):
        self.local_defs = local_defs
        self.path = path
        self.plain = {}      # name -> library file (imports without an alias)
        self.aliases = {}    # alias -> library file
        for lib, alias in imports:
            if alias:
                self.aliases[alias] = lib
            else:
                for name in library_names(lib):
                    self.plain.setdefault(name, lib)
        self.vocabulary = known_names()

    def __call__(self, name):
        if name in self.local_defs:
            return (self.path, name)
        if "/" in name and len(name) > 1:
            alias, _, rest = name.partition("/")
            if alias in self.aliases and rest in library_names(self.aliases[alias]):
                return (self.aliases[alias], rest)
        if name in self.plain:
            return (self.plain[name], name)
        if name in self.vocabulary:
            return ("", name)
        return None


_LIBRARY_NAMES = {}


def library_names(path):
    """The names a library file defines (cached by modification time)."""
    try:
        stamp = os.path.getmtime(path)
    except OSError:
        return {}
    cached = _LIBRARY_NAMES.get(path)
    if cached is None or cached[0] != stamp:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        defs = {o.name: o for o in analyze_definitions(text, path)}
        cached = (stamp, defs, text)
        _LIBRARY_NAMES[path] = cached
    return cached[1]


def library_text(path):
    library_names(path)
    cached = _LIBRARY_NAMES.get(path)
    return cached[2] if cached else ""


def analyze_definitions(text, path):
    """Only the definitions of a file (no scopes, no imports): cheap, for libraries."""
    path = _real(path)
    out = []
    for node in _walk(parse(text)):
        forms = node.forms()
        if node.head() in DEFINERS and len(forms) > 1 and forms[1].kind == "atom":
            n = forms[1]
            out.append(Occurrence(n.text, n.start, n.end, (path, n.text), True, path))
    return out


def in_stdlib(path):
    return bool(path) and os.path.realpath(path).startswith(os.path.realpath(STDLIB_DIR) + os.sep)


__all__ = ["analyze", "imports_of", "imported_definitions", "Analysis", "Occurrence",
           "library_names", "library_text", "in_stdlib", "analyze_definitions"]
