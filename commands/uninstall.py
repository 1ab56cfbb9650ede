"""lmac uninstall [--user-library PATH]: remove the files `lmac install` wrote that still have the
content it wrote, and lmac's parse-table cache (never <User Library>/lmac/init.lmac, your
libraries, a file you changed, or anything through a symlink)."""
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
    if report["kept"]:
        print("kept %d file(s) you changed after lmac installed them: %s"
              % (len(report["kept"]), ", ".join(report["kept"])))
    return 0
