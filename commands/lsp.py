"""lmac lsp: the language server for editors (JSON-RPC over standard input and output):
diagnostics from `lmac check`, completion and hover."""
from __future__ import annotations


def add_arguments(p):
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default)")


def run(args):
    from lmac.editor_support.lsp_server import main
    main()
    return 0
