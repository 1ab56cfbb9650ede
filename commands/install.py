"""lmac install / lmac uninstall: copy the in-Live code into Live's User Library.

    lmac install [--user-library PATH]     (macOS and Windows find Ableton's default; Linux needs it)

writes <UL>/Remote Scripts/lmac/ (the package: __init__.py, grammar/, interpreter/, surface/ with
virtual_live/ (unused by Live, kept so the installed copy can dry-run itself), stdlib_macros/, and
a copy of the installed lark, which must be the pinned version) and creates <UL>/lmac/init.lmac
with a commented starter only if it is missing. Every file written is listed in
<UL>/Remote Scripts/lmac/.lmac-manifest.json; `lmac uninstall` removes exactly those files (never
init.lmac or anything else in <UL>/lmac/). A folder that holds files install did not write (a git
checkout, a symlink) is left alone unless --force.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IN_LIVE = ["__init__.py", "grammar", "interpreter", "surface", "stdlib_macros"]
EXTENSIONS = (".py", ".lark", ".lmac", ".json")
SKIP_DIRS = {"__pycache__", "_cache"}
MANIFEST = ".lmac-manifest.json"


def add_arguments(p):
    p.add_argument("--user-library", metavar="PATH",
                   help="Live's User Library folder (default: Ableton's default on macOS and Windows)")
    p.add_argument("--force", action="store_true",
                   help="install even into a Remote Scripts/lmac folder that install did not create")


def run(args):
    try:
        report = install(args.user_library, force=args.force)
    except InstallError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("installed lmac into %s (%d files, lark %s)" % (report["package"], len(report["files"]),
                                                        report["lark"]))
    print(("created " if report["created_init"] else "kept your ") + report["init"])
    print("In Live: Settings > Link, Tempo & MIDI > Control Surface: choose lmac.")
    return 0


class InstallError(Exception):
    pass


def resolve_user_library(path):
    from lmac.surface.user_library import default_user_library
    if path:
        return os.path.abspath(os.path.expanduser(path))
    found = default_user_library()
    if found is None:
        raise InstallError("on this system lmac cannot guess Live's User Library: pass --user-library PATH")
    if not os.path.isdir(found):
        raise InstallError("no User Library at %s (moved in Live's settings?): pass --user-library PATH" % found)
    return found


def pinned_lark_version():
    """The lark lmac requires (`lark==X` in its installed metadata): the one Live's Python 3.7 can run."""
    from importlib.metadata import PackageNotFoundError, requires
    try:
        requirements = requires("lmac") or []
    except PackageNotFoundError:
        raise InstallError("lmac is not installed, so the lark it needs is unknown: "
                           "run `pip install -e .` in the checkout (or `pip install lmac`)")
    return lark_pin(requirements)


def lark_pin(requirements):
    for requirement in requirements:
        match = re.match(r"lark\s*==\s*([0-9][0-9.]*)\s*(;|$)", requirement)
        if match:
            return match.group(1)
    raise InstallError("lmac's installed metadata does not pin lark (%s): reinstall lmac"
                       % ", ".join(requirements))


def lark_source():
    spec = importlib.util.find_spec("lark")
    if spec is None or not spec.submodule_search_locations:
        raise InstallError("lark is not installed: pip install lark==%s" % pinned_lark_version())
    folder = list(spec.submodule_search_locations)[0]
    with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as f:
        match = re.search(r"__version__\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", f.read())
    version = match.group(1) if match else "?"
    if version != pinned_lark_version():
        raise InstallError("lmac needs lark %s (Live 11 and 12.0 run Python 3.7), found %s at %s"
                           % (pinned_lark_version(), version, folder))
    return folder, version


def package_files():
    """(source path, relative path) of every in-Live file."""
    out = []
    for entry in IN_LIVE:
        src = os.path.join(ROOT, entry)
        if os.path.isfile(src):
            out.append((src, entry))
            continue
        for folder, dirs, files in os.walk(src):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                if name.endswith(EXTENSIONS):
                    path = os.path.join(folder, name)
                    out.append((path, os.path.relpath(path, ROOT)))
    return out


def lark_files(folder):
    out = []
    for sub, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                path = os.path.join(sub, name)
                out.append((path, os.path.join("lark", os.path.relpath(path, folder))))
    return out


def _read_manifest(package):
    path = os.path.join(package, MANIFEST)
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def install(user_library=None, force=False):
    from lmac.surface.user_library import STARTER_INIT, init_path
    ul = resolve_user_library(user_library)
    package = os.path.join(ul, "Remote Scripts", "lmac")
    old = _read_manifest(package)
    if os.path.lexists(package) and old is None and (os.path.islink(package) or os.listdir(package)) and not force:
        raise InstallError("%s exists and was not made by lmac install (a checkout or a symlink?); "
                           "remove it or pass --force" % package)
    lark_folder, lark_version = lark_source()
    files = package_files() + lark_files(lark_folder)
    written = []
    for src, rel in files:
        dest = os.path.join(package, rel)
        if not os.path.isdir(os.path.dirname(dest)):
            os.makedirs(os.path.dirname(dest))
        shutil.copyfile(src, dest)
        written.append(rel.replace(os.sep, "/"))
    if old:   # files an earlier version installed and this one does not
        for rel in set(old.get("files", [])) - set(written):
            _remove(os.path.join(package, rel))
        _prune(package, old.get("files", []))
    with open(os.path.join(package, MANIFEST), "w", encoding="utf-8") as f:
        json.dump({"lmac": _version(), "lark": lark_version, "files": written}, f, indent=1)
    init = init_path(ul)
    created = not os.path.exists(init)
    if created:
        os.makedirs(os.path.dirname(init), exist_ok=True)
        with open(init, "w", encoding="utf-8") as f:
            f.write(STARTER_INIT)
    return {"package": package, "files": written, "lark": lark_version, "init": init, "created_init": created}


def uninstall(user_library=None):
    ul = resolve_user_library(user_library)
    package = os.path.join(ul, "Remote Scripts", "lmac")
    manifest = _read_manifest(package)
    if manifest is None:
        raise InstallError("no lmac install found in %s (nothing removed)" % package)
    removed = 0
    for rel in manifest.get("files", []):
        removed += _remove(os.path.join(package, rel))
    _remove(os.path.join(package, MANIFEST))
    _prune(package, manifest.get("files", []))
    for cache in _pycaches(package):
        shutil.rmtree(cache, ignore_errors=True)   # Live compiles the sources next to them
    _prune(package, [])
    return {"package": package, "removed": removed, "gone": not os.path.exists(package)}


def _pycaches(package):
    out = []
    if os.path.isdir(package):
        for folder, dirs, _ in os.walk(package):
            if os.path.basename(folder) == "__pycache__":
                out.append(folder)
    return out


def _remove(path):
    try:
        os.remove(path)
        return 1
    except OSError:
        return 0


def _prune(package, rels):
    """Remove folders left empty, deepest first (never a folder that still holds something)."""
    folders = set()
    for rel in rels:
        parts = rel.split("/")[:-1]
        for i in range(len(parts), 0, -1):
            folders.add(os.path.join(package, *parts[:i]))
    if os.path.isdir(package):
        for folder, dirs, _ in os.walk(package):
            folders.add(folder)
    for folder in sorted(folders, key=len, reverse=True):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def _version():
    try:
        from importlib.metadata import version
        return version("lmac")
    except Exception:
        return "0"
