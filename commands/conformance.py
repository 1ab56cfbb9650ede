"""lmac conformance: how much of Live's API (per ableton-live-stubs) virtual Live implements."""
from __future__ import annotations

import sys


def add_arguments(p):
    pass


def run(args):
    from lmac.surface.virtual_live.conformance import find_stubs_dir, report
    try:
        find_stubs_dir()
    except RuntimeError as e:   # a developer tool: the stubs come with lmac's dev extra
        print("error: %s, or pip install -e \".[dev]\" in the checkout" % e, file=sys.stderr)
        return 1
    problems = report()
    return 1 if problems else 0
