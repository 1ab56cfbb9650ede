"""lmac lsp: the language server for editors (JSON-RPC over standard input and output):
diagnostics and quick fixes from `lmac check`, completion, hover, signature help, go to
definition, references, rename, the outline and formatting (`lmac fmt`)."""
from __future__ import annotations


def add_arguments(p):
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default)")
    p.add_argument("--set", default=None, metavar="SET",
                   help="your Live set (MySong.als, only read) or a virtual Live set (JSON) whose "
                        "track, scene and clip names complete (default: the demo set)")
    from lmac.commands.library_option import add_library_path_argument
    add_library_path_argument(p)


def run(args):
    try:
        from lmac.editor_support.lsp_server import main
    except ImportError as e:   # an lmac installed without its dependencies
        import sys
        print("error: lmac lsp needs pygls and lsprotocol (%s): pip install 'pygls>=2'" % e, file=sys.stderr)
        return 1
    from lmac.commands.library_option import library_path_of, use_in_editor_tools
    library_path = library_path_of(args)
    if library_path is None:
        return 2
    use_in_editor_tools(library_path)
    main(set_path=args.set)
    return 0
