"""lmac conformance: how much of Live's API (per ableton-live-stubs) virtual Live implements."""
from __future__ import annotations


def add_arguments(p):
    pass


def run(args):
    from lmac.surface.virtual_live.conformance import report
    problems = report()
    return 1 if problems else 0
