"""lmac eval EXPR: evaluate and print the readable result."""
from __future__ import annotations

import sys

from lmac.interpreter.values import LmacError


def add_arguments(p):
    p.add_argument("expr", help="an lmac expression, e.g. \"(+ 1 2)\"")


def run(args):
    from lmac.commands.session_factory import make_session
    session = make_session()
    try:
        value = session.eval(args.expr, file="<eval>")
    except LmacError as e:
        print(e.format(), file=sys.stderr)
        return 1
    print(session.describe(value))
    return 0
