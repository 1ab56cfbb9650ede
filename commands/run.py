"""lmac run FILE: run a file and report its result (the Live timeline arrives with the vocabulary)."""
from __future__ import annotations

import sys

from lmac.interpreter.values import LmacError


def add_arguments(p):
    p.add_argument("file", help="the .lmac file to run")


def run(args):
    from lmac.commands.session_factory import make_session
    session = make_session()
    try:
        with open(args.file, encoding="utf-8") as f:
            value = session.eval(f.read(), file=args.file)
    except LmacError as e:
        print(e.format(), file=sys.stderr)
        return 1
    print(session.describe(value))
    return 0
