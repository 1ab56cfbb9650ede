"""lmac docs [--write]: print or write docs/reference.md (generated from the action registry)."""
from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "docs", "reference.md")


def add_arguments(p):
    p.add_argument("--write", action="store_true", help="write docs/reference.md instead of printing it")


def run(args):
    from lmac.surface.actions.reference import render
    text = render()
    if args.write:
        with open(REFERENCE, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote %s" % REFERENCE)
    else:
        print(text, end="")
    return 0
