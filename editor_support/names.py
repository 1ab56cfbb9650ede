"""The one list of names the editor tools share: the interpreter's vocabulary, the registered Live
actions, whatever else the surface session defines (selectors such as `all`, forms such as
`with`), and the libraries in stdlib_macros/.

    known_names(session=True) -> OrderedDict name -> Entry
    library_files() -> {library name: path}
    library_definitions(name) -> OrderedDict name -> Entry  (statically read)

The lexer, ``lmac check``, the language server and the REPL completion all ask here.
"""
from __future__ import annotations

import copy

import os
from collections import OrderedDict

from lmac.interpreter.vocabulary import (STDLIB, Entry, core_vocabulary, definitions_in_file,
                                         entry_for_value)

NEWEST_LIVE = (12, 3)

_CACHE: dict = {}
SHADOWED_ACTIONS: dict = {}   # actions named like a special form (`loop`), used when not special


def registry_actions():
    """The action registry, completed by load_all(); empty (with a note) when the action
    families are not importable yet."""
    from lmac.surface.actions import registry
    try:
        registry.load_all()
    except Exception as e:  # a family that fails to load must not stop the editor tools
        _CACHE.setdefault("notes", []).append("action families not loaded: %s: %s"
                                              % (type(e).__name__, e))
    return registry.REGISTRY


def action_entry(action):
    return Entry(action.name, "action", action.signature(), action.arity, action.doc,
                 family=action.family, min_live=action.min_live, example=action.example)


def known_names(session=True):
    """Every name lmac code may use. With ``session``, also the globals of the dev session
    (commands/session_factory.make_session), which holds what the surface defines beyond the
    registry; a session that cannot be made is skipped."""
    key = ("names", bool(session))
    if key in _CACHE:
        return _CACHE[key]
    out = OrderedDict(core_vocabulary())
    for name, action in registry_actions().items():
        if name in out and out[name].kind == "special":
            # `loop` is both: the special form with bindings and the arrangement-loop action.
            # Copy: the core vocabulary's entries are cached and shared (the reference renders them).
            entry = copy.copy(out[name])
            entry.doc += "\nAlso the action " + action.signature() + ": " + action.doc
            out[name] = entry
            SHADOWED_ACTIONS[name] = action_entry(action)
            continue
        out[name] = action_entry(action)
    if session:
        s = _dev_session()
        if s is not None:
            static = stdlib_definitions()
            for name, value in s.globals.items():
                if name not in out:
                    entry = entry_for_value(name, value, s.docs.get(name))
                    known = static.get(name)
                    if known is not None and known.kind == entry.kind:
                        entry.signature = known.signature
                        entry.doc = entry.doc or known.doc
                    out[name] = entry
    _CACHE[key] = out
    return out


def stdlib_definitions():
    """Signatures and docs of everything the stdlib_macros/ files define, read statically."""
    out = OrderedDict()
    for root, _dirs, files in os.walk(STDLIB):
        for f in sorted(files):
            if f.endswith(".lmac"):
                for name, entry in definitions_in_file(os.path.join(root, f)).items():
                    out.setdefault(name, entry)
    return out


def _dev_session():
    try:
        from lmac.commands.session_factory import make_session
        return make_session()
    except Exception as e:  # a half-built surface must not stop the editor tools
        _CACHE.setdefault("notes", []).append("no dev session: %s" % e)
        return None


def notes():
    """Why some names may be missing (for `lmac check -v` and the tests)."""
    return list(_CACHE.get("notes", []))


_LIBRARY_PATH: list = []   # --library-path folders of this process (lmac check, lsp, repl)


def use_library_path(dirs):
    """Search these folders too (after stdlib_macros/ and the user library), as the loader does
    with the same --library-path."""
    _LIBRARY_PATH[:] = list(dirs or ())


def library_dirs():
    """The folders (import "name") searches: the loader's own search path (surface/library_path.py)."""
    from lmac.surface.library_path import library_dirs as search_path
    from lmac.surface.user_library import find_user_library
    return search_path(find_user_library(), _LIBRARY_PATH)


def library_files():
    """{library name: path} of every library (import "name") finds, first folder first."""
    out = OrderedDict()
    for d in library_dirs():
        try:
            files = sorted(os.listdir(d))
        except OSError:
            continue
        for f in files:
            if f.endswith(".lmac") and os.path.isfile(os.path.join(d, f)):
                out.setdefault(f[:-len(".lmac")], os.path.join(d, f))
    return out


def surface_dirs():
    """The folders (use-surface "name") searches, as the loader does."""
    from lmac.surface.library_path import surface_dirs as search_path
    from lmac.surface.user_library import find_user_library
    return search_path(find_user_library(), _LIBRARY_PATH)


def library_path(name, relative_to=None, form="import"):
    """The file (import "name") (or use-surface, with form="use-surface") loads, or None. Only
    plain names are looked up, in the library folders, as the loader does: never a path, and never
    a file beside the importing one (``relative_to`` is accepted for old callers and ignored)."""
    from lmac.surface.library_path import library_file
    return library_file(name, surface_dirs() if form == "use-surface" else library_dirs())


def library_definitions(name, relative_to=None, form="import"):
    """The definitions of library ``name``, read statically (None: not found)."""
    path = library_path(name, form=form)
    if path is None:
        return None
    return definitions_in_file(path)


def highlight_classes():
    """OrderedDict name -> "keyword" (special forms and macros) or "builtin" (functions, actions,
    values): the one list both highlighters colour by, the Pygments lexer at run time and the VS
    Code grammar through its generator (editor_support/vscode_grammar.py). Every name the session
    knows, including the forms the surface adds (bind, for-each, import, with, ...)."""
    from .syntax import is_symbol
    out = OrderedDict()
    for name, entry in known_names().items():
        if is_symbol(name):  # a name spelled like a number or constant lexes as one
            out[name] = "keyword" if entry.kind in ("special", "macro") else "builtin"
    return out


def word_lists():
    """(keywords, builtins) for the highlighters (see highlight_classes)."""
    classes = highlight_classes()
    return ([n for n, c in classes.items() if c == "keyword"],
            [n for n, c in classes.items() if c == "builtin"])


def version_text(version):
    return ".".join(str(p) for p in version)


def parse_version(text):
    parts = [int(p) for p in str(text).split(".")]
    return tuple(parts + [0] * (2 - len(parts)))[:2]
