"""lmac check FILE...: find mistakes without running anything (syntax, unknown names, argument
counts, actions that need a newer Live). Prints `file:line:column: error: message` (or JSON with
--json); exit status 1 when anything is found, 2 when the command line is wrong."""
from __future__ import annotations

import json
import sys

EPILOG = """output:
  one line per finding, file:line:column: error: message (VS Code's $gcc problem matcher,
  Emacs and vim read it); with --json a JSON list of {"file", "line", "column", "severity",
  "kind", "message"} (line and column count from 1)
exit status:
  0  no findings
  1  findings were printed (unreadable files count as findings)
  2  the command line is wrong (e.g. --live 11.x) or the --set file does not load"""


def add_arguments(p):
    import argparse
    p.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the epilog's lines
    p.epilog = EPILOG
    p.add_argument("files", nargs="+", metavar="FILE", help=".lmac files or folders to check")
    p.add_argument("--live", default=None, metavar="VERSION",
                   help="the Live version the files must work on, e.g. 11.3 (default: the newest, 12.3)")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    p.add_argument("--as-init", action="store_true",
                   help="check the files as Live loads init.lmac and libraries: top-level forms may not "
                        "wait (files named init.lmac and files with a (library ...) form always are)")
    from lmac.commands.library_option import add_library_path_argument
    add_library_path_argument(p)
    p.add_argument("-v", "--verbose", action="store_true", help="also say which files were checked")
    p.add_argument("--set", metavar="SET",
                   help="also check that the tracks, scenes, clips, devices and parameters the files name exist "
                        "in your Live set (MySong.als, only read) or a JSON set")


def run(args):
    from lmac.editor_support.checker import check_paths
    from lmac.editor_support.names import NEWEST_LIVE, notes, parse_version
    try:
        live = parse_version(args.live) if args.live else NEWEST_LIVE
    except ValueError:
        print("lmac check: --live expects a version like 11.3, got %r" % args.live, file=sys.stderr)
        return 2
    from lmac.commands.library_option import library_path_of, use_in_editor_tools
    library_path = library_path_of(args)
    if library_path is None:
        return 2
    use_in_editor_tools(library_path)
    findings, files = check_paths(args.files, live, as_init=getattr(args, "as_init", False))
    if getattr(args, "set", None):
        from lmac.commands.set_option import check_against_set
        more, problem = check_against_set(files, args.set)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        findings.extend(more)
    if args.json:
        print(json.dumps([f.as_json() for f in findings], indent=1))
    else:
        for f in findings:
            print(f)
    if args.verbose:
        for note in notes():
            print("note: " + note, file=sys.stderr)
        print("checked %d file%s, %d finding%s" % (len(files), "" if len(files) == 1 else "s",
                                                   len(findings), "" if len(findings) == 1 else "s"),
              file=sys.stderr)
    return 1 if findings else 0
