"""lmac uninstall [--user-library PATH]: remove exactly the files `lmac install` wrote
(never <User Library>/lmac/init.lmac or your libraries)."""
from __future__ import annotations

import sys

from lmac.commands.install import InstallError, uninstall


def add_arguments(p):
    p.add_argument("--user-library", metavar="PATH",
                   help="Live's User Library folder (default: Ableton's default on macOS and Windows)")


def run(args):
    try:
        report = uninstall(args.user_library)
    except InstallError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("removed %d files from %s%s" % (report["removed"], report["package"],
                                          "" if report["gone"] else " (other files are still there)"))
    return 0
