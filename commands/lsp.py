"""lmac lsp: the language server for editors (JSON-RPC over standard input and output):
diagnostics from `lmac check`, completion and hover."""
from __future__ import annotations


def add_arguments(p):
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default)")


def run(args):
    try:
        from lmac.editor_support.lsp_server import main
    except ImportError as e:   # an lmac installed without its dependencies
        import sys
        print("error: lmac lsp needs pygls and lsprotocol (%s): pip install 'pygls>=2'" % e, file=sys.stderr)
        return 1
    main()
    return 0
