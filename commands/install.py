"""lmac install / lmac uninstall: copy the in-Live code into Live's User Library.

    lmac install [--user-library PATH]     (macOS and Windows find Ableton's default; Linux needs it)

writes <UL>/Remote Scripts/lmac/ (the package: __init__.py, grammar/, interpreter/, surface/ with
virtual_live/ (unused by Live, kept so the installed copy can dry-run itself), stdlib_macros/, and
a copy of the installed lark, which must be the pinned version) and creates <UL>/lmac/init.lmac
with a commented starter only if nothing is there (not even a link).

Nothing the user wrote is overwritten or removed. Every file written is listed with its sha256 in
<UL>/Remote Scripts/lmac/.lmac-manifest.json. A reinstall overwrites a file only when it still
has the content install wrote (or already has the new content); `lmac uninstall` removes only
files whose content is still what install wrote, and keeps (and names) the ones you changed. Both
refuse a package folder that is a symlink or a git checkout, and never write or delete through a
symlink inside it. A folder install did not make is used only with --force, and even then no file
in it is overwritten. Uninstall also removes lmac's parse-table cache (grammar/parse_cache.py).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import stat
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
                   help="install even into a Remote Scripts/lmac folder that install did not create "
                        "(its files are never overwritten)")


def run(args):
    try:
        report = install(args.user_library, force=args.force)
    except InstallError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("installed lmac into %s (%d files, lark %s)" % (report["package"], len(report["files"]),
                                                        report["lark"]))
    if report["kept"]:
        print("kept %d file(s) an earlier install wrote that you changed: %s"
              % (len(report["kept"]), ", ".join(report["kept"])))
    if report["init_note"]:
        print("warning: " + report["init_note"])
    else:
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


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _file_sha(path):
    with open(path, "rb") as f:
        return _sha256(f.read())


def _read_manifest(package):
    """{"files": {relative path: sha256 or None}, ...} or None when there is no manifest."""
    path = os.path.join(package, MANIFEST)
    if not os.path.lexists(path):
        return None
    damaged = ("the install record %s is damaged (%%s): lmac cannot tell its files from yours, so it "
               "changes nothing. Move %s away (keep what you need from it) and run lmac install again."
               % (path, package))
    if os.path.islink(path) or not os.path.isfile(path):
        raise InstallError(damaged % "not a plain file")
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        raise InstallError(damaged % e)
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if isinstance(files, list) and all(isinstance(f, str) for f in files):
        manifest["files"] = dict.fromkeys(files)      # an older install: no hashes recorded
    elif not (isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items())):
        raise InstallError(damaged % "no list of files")
    if any(_outside(rel) for rel in manifest["files"]):
        raise InstallError(damaged % "a file outside the package")
    return manifest


def _outside(rel):
    parts = rel.split("/")
    return os.path.isabs(rel) or ".." in parts or "" in parts


def check_target(package):
    """Refuse a package folder that is a symlink, not a folder, or a git checkout."""
    if os.path.islink(package):
        raise InstallError("%s is a symlink (to %s): lmac install and uninstall never write or delete "
                           "through a symlink. Live runs what it points to as it is; to install a copy "
                           "instead, remove the link (only the link) first." % (package, os.readlink(package)))
    if os.path.lexists(package) and not os.path.isdir(package):
        raise InstallError("%s is a file, not a folder: move it away first" % package)
    if os.path.lexists(os.path.join(package, ".git")):
        raise InstallError("%s is a git checkout: lmac install and uninstall never write into one "
                           "(Live runs the checkout as it is)" % package)


def _link_on_the_way(package, rel):
    """The first symlink (or non-folder) between the package and rel's file, or None."""
    path = package
    parts = rel.split("/")
    for i, part in enumerate(parts):
        path = os.path.join(path, part)
        if os.path.islink(path):
            return path
        if i < len(parts) - 1 and os.path.lexists(path) and not os.path.isdir(path):
            return path
    return None


def _write_file(package, rel, data):
    """Write through a new file renamed into place: an existing name (even a link) is replaced,
    never written through."""
    dest = os.path.join(package, *rel.split("/"))
    folder = os.path.dirname(dest)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    temp = "%s.lmac-new-%d" % (dest, os.getpid())
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(temp, dest)


def _plan(package, old, sources):
    """(files to write: rel -> bytes, manifest: rel -> sha, problems) for the new version."""
    old_files = old["files"] if old else {}
    writes, shas, problems = {}, {}, []
    for src, rel in sources:
        rel = rel.replace(os.sep, "/")
        with open(src, "rb") as f:
            data = f.read()
        sha = shas[rel] = _sha256(data)
        link = _link_on_the_way(package, rel)
        if link:
            problems.append("%s (a symlink or file on the way: %s)" % (rel, link))
            continue
        dest = os.path.join(package, *rel.split("/"))
        if not os.path.lexists(dest):
            writes[rel] = data
            continue
        current = _file_sha(dest)
        if current == sha:
            continue                                # already the new content
        if rel not in old_files:
            problems.append("%s (not written by lmac install)" % rel)
        elif old_files[rel] is None:
            problems.append("%s (installed by an older lmac that kept no hashes: lmac cannot tell "
                            "whether you changed it)" % rel)
        elif old_files[rel] != current:
            problems.append("%s (changed since lmac installed it)" % rel)
        else:
            writes[rel] = data
    return writes, shas, problems


def install(user_library=None, force=False):
    from lmac.surface.user_library import init_path
    ul = resolve_user_library(user_library)
    package = os.path.join(ul, "Remote Scripts", "lmac")
    check_target(package)
    old = _read_manifest(package)
    if old is None and os.path.isdir(package) and os.listdir(package) and not force:
        raise InstallError("%s exists and was not made by lmac install: remove it or pass --force "
                           "(which adds lmac's files but never overwrites one that is there)" % package)
    lark_folder, lark_version = lark_source()
    writes, shas, problems = _plan(package, old, package_files() + lark_files(lark_folder))
    if problems:
        shown = problems[:10] + (["... and %d more" % (len(problems) - 10)] if len(problems) > 10 else [])
        raise InstallError("lmac install would overwrite files it did not write or that you changed, "
                           "so it wrote nothing:\n  %s\nMove them away (keep your changes elsewhere) and "
                           "run lmac install again." % "\n  ".join(shown))
    for rel in sorted(writes):
        _write_file(package, rel, writes[rel])
    kept = []
    if old:   # files an earlier version installed and this one does not
        gone = {rel: sha for rel, sha in old["files"].items() if rel not in shas}
        kept = _remove_own(package, gone)
        _prune(package, list(gone))
    _write_file(package, MANIFEST, json.dumps(
        {"lmac": _version(), "lark": lark_version, "files": shas}, indent=1, sort_keys=True).encode("utf-8"))
    created, note = _starter_init(init_path(ul))
    return {"package": package, "files": sorted(shas), "lark": lark_version, "init": init_path(ul),
            "created_init": created, "init_note": note, "kept": kept}


def _starter_init(init):
    """Create init.lmac with the starter only where nothing is, not even a link: (created, note)."""
    from lmac.surface.user_library import STARTER_INIT
    if os.path.islink(init) and not os.path.exists(init):
        return False, ("%s is a link to %s, which does not exist: lmac left it alone; Live will start "
                       "with no bindings until you fix the link" % (init, os.readlink(init)))
    if os.path.lexists(init):
        return False, None
    folder = os.path.dirname(init)
    try:
        if os.path.islink(folder) and not os.path.exists(folder):
            return False, ("%s is a link to %s, which does not exist: lmac created no init.lmac; "
                           "fix the link" % (folder, os.readlink(folder)))
        if not os.path.isdir(folder):
            os.makedirs(folder)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(init, flags, 0o644), "w", encoding="utf-8") as f:
            f.write(STARTER_INIT)
    except OSError as e:
        return False, "could not create %s (%s): create it yourself" % (init, e.strerror or e)
    return True, None


def uninstall(user_library=None):
    from lmac.grammar.parse_cache import cache_files, cache_folder
    ul = resolve_user_library(user_library)
    package = os.path.join(ul, "Remote Scripts", "lmac")
    check_target(package)
    manifest = _read_manifest(package)
    if manifest is None:
        raise InstallError("no lmac install found in %s (nothing removed)" % package)
    files = manifest["files"]
    present = [rel for rel in files if os.path.lexists(os.path.join(package, *rel.split("/")))]
    kept = _remove_own(package, files)
    removed = len(present) - len(kept)
    _remove_quietly(os.path.join(package, MANIFEST))
    # What Python and older versions of lmac generated next to the sources: not the user's.
    for folder, dirs, names in os.walk(package):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in names:
            path = os.path.join(folder, name)
            generated = (os.path.basename(folder) == "__pycache__" and name.endswith((".pyc", ".pyo"))) or \
                (os.path.basename(folder) == "_cache" and name.startswith("lmac-lalr-py"))
            if generated and not os.path.islink(path):
                _remove_quietly(path)
    _prune(package, list(files))
    cache = cache_files()
    for path in cache:
        _remove_quietly(path)
    folder = cache_folder()
    if cache and folder:
        try:
            os.rmdir(folder)
        except OSError:
            pass
    return {"package": package, "removed": removed, "kept": kept, "gone": not os.path.lexists(package),
            "cache_removed": len(cache)}


def _remove_own(package, files):
    """Remove the files whose content is still what install wrote; the others (changed, linked,
    or of unknown content) are kept and returned."""
    kept = []
    for rel, sha in sorted(files.items()):
        path = os.path.join(package, *rel.split("/"))
        if not os.path.lexists(path):
            continue
        if _link_on_the_way(package, rel) or not stat.S_ISREG(os.lstat(path).st_mode) \
                or sha is None or _file_sha(path) != sha:
            kept.append(rel)
            continue
        _remove_quietly(path)
    return kept


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


def _prune(package, rels):
    """Remove folders left empty, deepest first (never a folder that still holds something, never
    through a link)."""
    folders = set()
    for rel in rels:
        parts = rel.split("/")[:-1]
        for i in range(len(parts), 0, -1):
            folders.add(os.path.join(package, *parts[:i]))
    if os.path.isdir(package) and not os.path.islink(package):
        for folder, dirs, _ in os.walk(package):
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
            folders.add(folder)
    for folder in sorted(folders, key=len, reverse=True):
        if os.path.islink(folder):
            continue
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
