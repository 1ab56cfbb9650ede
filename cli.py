"""The `lmac` command (dev-side). Each subcommand lives in commands/<name>.py with
``add_arguments(parser)`` and ``run(args) -> exit status``."""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = {
    "eval": "evaluate one expression and print the readable result",
    "run": "run a .lmac file against virtual Live and print a timeline of what changed",
    "repl": "read-eval-print loop (virtual Live by default; --connect for the running Live)",
    "bench": "run the benchmarks and print their ratios",
    "docs": "print or write (--write) docs/reference.md, generated from the action registry",
    "install": "copy lmac (and its lark) into Live's User Library as a Remote Script",
    "uninstall": "remove exactly what lmac install wrote (never your init.lmac or libraries)",
    "check": "find mistakes in .lmac files without running them (names, argument counts, Live versions)",
    "fmt": "lay out .lmac files in the canonical layout (--check, --write); comments and meaning stay",
    "lsp": "the language server for editors (diagnostics, completion, navigation, formatting) over stdio",
    "conformance": "show how much of Live's API (ableton-live-stubs) virtual Live implements",
    "sets": "work with sets: `lmac sets convert MySong.als -o MySong.json` (your Live set as a virtual Live set)",
}


def build_parser():
    parser = argparse.ArgumentParser(prog="lmac", description="lmac: a small Lisp inside Ableton Live")
    parser.add_argument("--version", action="version", version="lmac " + version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module("lmac.commands." + name.replace("-", "_"))
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def version():
    """The installed lmac's version; the package's own when it runs uninstalled (from a checkout)."""
    try:
        from importlib.metadata import version as installed_version
        return installed_version("lmac")
    except Exception:
        from lmac import __version__
        return __version__


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_module", None):
        parser.print_help()
        return 2
    try:
        return args._module.run(args) or 0
    except BrokenPipeError:
        # `lmac run ... | head`: the reader has gone; stop quietly, as Unix tools do.
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
