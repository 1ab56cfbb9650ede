"""lmac eval EXPR: evaluate and print the readable result."""
from __future__ import annotations

import sys

from lmac.interpreter.values import LmacError


def add_arguments(p):
    from lmac.commands import cpu_limit
    p.add_argument("expr", help="an lmac expression, e.g. \"(+ 1 2)\"")
    cpu_limit.add_argument(p)


def run(args):
    from lmac.commands.session_factory import make_session
    from lmac.commands import cpu_limit
    session = make_session()
    cpu_limit.apply(session, args)
    try:
        value = session.eval(args.expr, file="<eval>")
    except LmacError as e:
        print(e.format(), file=sys.stderr)
        return 1
    print(session.describe(value))
    return 0
