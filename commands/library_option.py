"""--library-path DIR, the same option in run, eval, repl, check and lsp: more folders where
(import "name") and (use-surface "name") look, after stdlib_macros/ and <User Library>/lmac/lib/
(surface/library_path.py is the one search path; LMAC_LIBRARY_PATH adds folders too)."""
from __future__ import annotations

import os
import sys

HELP = ("a folder where (import \"name\") also finds name.lmac, after stdlib_macros/ and your User "
        "Library's lmac/lib/ (repeatable; LMAC_LIBRARY_PATH adds folders too, separated like PATH)")


def add_library_path_argument(p):
    p.add_argument("--library-path", action="append", default=[], metavar="DIR", help=HELP)


def library_path_of(args):
    """The --library-path folders, or None after printing why one cannot be used."""
    dirs = list(getattr(args, "library_path", None) or [])
    for d in dirs:
        if not os.path.isdir(d):
            print("error: --library-path %s: no such folder" % d, file=sys.stderr)
            return None
    return [os.path.abspath(d) for d in dirs]


def use_in_editor_tools(dirs):
    """Make check, completion and navigation search these folders too (editor_support/names.py)."""
    from lmac.editor_support.names import use_library_path
    use_library_path(dirs)
