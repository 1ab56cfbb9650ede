"""lmac fmt FILE...: lay out .lmac files in lmac's canonical layout (editor_support/formatter.py).
Only the space between forms changes; comments and meaning stay.

Exit status: 0 done (or, with --check, nothing to change); 1 with --check, some file would change;
2 a file cannot be read or does not read as lmac (nothing is written then)."""
from __future__ import annotations

import os
import sys

EPILOG = """exit status:
  0  formatted (printed or written); with --check: every file is already formatted
  1  with --check: some file would change (each is listed)
  2  a file cannot be read or has a syntax error (file:line:col: error: ...); nothing is written"""


def add_arguments(p):
    import argparse
    p.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the epilog's lines
    p.epilog = EPILOG
    p.add_argument("files", nargs="+", metavar="FILE",
                   help=".lmac files or folders; - reads standard input and prints the result")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; list the files that are not formatted (exit status 1)")
    mode.add_argument("--write", action="store_true",
                      help="rewrite the files that change, in place (default: print the result)")


def run(args):
    from lmac.editor_support.checker import lmac_files
    from lmac.editor_support.formatter import format_text
    from lmac.interpreter.values import LmacSyntaxError
    results = []
    for path in lmac_files(args.files):
        try:
            if path == "-":  # a filter for editors: lmac fmt - < in > out
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8", newline="") as f:
                    text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            print("%s:1:1: error: cannot read the file: %s" % (path, getattr(e, "strerror", e)),
                  file=sys.stderr)
            return 2
        try:
            results.append((path, text, format_text(text.replace("\r\n", "\n"), path)))
        except LmacSyntaxError as e:
            pos = e.pos
            print("%s:%d:%d: error: %s (not formatted)" % (path, pos.line if pos else 1,
                                                            pos.col if pos else 1, e.message),
                  file=sys.stderr)
            return 2
    if args.check:
        changed = [path for path, text, new in results if text != new]
        for path in changed:
            print("%s: would be reformatted" % path)
        return 1 if changed else 0
    if args.write:
        for path, text, new in results:
            if text != new and path != "-":
                _replace(path, new)
                print("formatted %s" % path, file=sys.stderr)
        return 0
    for _path, _text, new in results:
        sys.stdout.write(new)
    return 0


def _replace(path, text):
    """Write through a temporary file and rename, so an interrupted write leaves the old file."""
    tmp = path + ".lmac-fmt.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)
