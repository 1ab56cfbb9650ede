"""lmac docs [--write [PATH]]: print or write docs/reference.md (generated from the action registry).

`--write` alone writes the checkout's docs/reference.md (and the VS Code grammar,
editor_support/vscode/syntaxes/lmac.tmLanguage.json, generated from the same registry), and only
when lmac runs from a checkout (an installed lmac has no docs/ of its own to write into);
`--write PATH` writes PATH."""
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def add_arguments(p):
    p.add_argument("--write", nargs="?", const="", metavar="PATH",
                   help="write the reference to PATH (default: docs/reference.md of the checkout lmac runs from)")


def running_from_checkout(root):
    """A source checkout has pyproject.toml and docs/ beside the package; site-packages has neither."""
    return os.path.isfile(os.path.join(root, "pyproject.toml")) and os.path.isdir(os.path.join(root, "docs"))


def run(args):
    from lmac.surface.actions.reference import render
    text = render()
    if args.write is None:
        print(text, end="")
        return 0
    target = args.write or (os.path.join(ROOT, "docs", "reference.md") if running_from_checkout(ROOT) else None)
    if target is None:
        print("error: lmac runs from an installed package (%s), not a checkout, so there is no docs/ to "
              "update: give a file, e.g. lmac docs --write reference.md" % ROOT, file=sys.stderr)
        return 2
    try:
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        print("error: cannot write %s: %s" % (target, e.strerror or e), file=sys.stderr)
        return 1
    print("wrote %s" % target)
    grammar = os.path.join(ROOT, "editor_support", "vscode", "syntaxes", "lmac.tmLanguage.json")
    if not args.write and os.path.isfile(grammar):
        # the checkout's other file generated from the registry: the VS Code grammar
        from lmac.editor_support.vscode_grammar import render as render_grammar
        with open(grammar, "w", encoding="utf-8") as f:
            f.write(render_grammar())
        print("wrote %s" % grammar)
    return 0
