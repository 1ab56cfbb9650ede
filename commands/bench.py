"""lmac bench [--json]: the same as `python -m lmac.benchmarks`."""
from __future__ import annotations


def add_arguments(p):
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--only", nargs="*", help="run only these benchmark modules")


def run(args):
    from lmac.benchmarks.__main__ import main
    argv = (["--json"] if args.json else []) + (["--only"] + args.only if args.only else [])
    return main(argv)
