"""Where libraries are found: the one search path of the Remote Script's loader, `lmac run`,
`eval`, `repl`, `check` and `lsp`.

    library_dirs(user_library, extra)      -> the folders (import), in the order they are searched
    surface_dirs(user_library, extra)      -> the folders (use-surface)
    find_library("import", "mixing", dirs) -> the file, or an LmacError that says where it looked

The folders: stdlib_macros/, <User Library>/lmac/lib/ (surfaces: stdlib_macros/surfaces/ and
<User Library>/lmac/surfaces/), then the folders given with `--library-path DIR` (``extra``), then
those in the environment variable LMAC_LIBRARY_PATH (separated like PATH). The first folder with
the file wins. A folder beside the file being run is not searched unless it is on the path: Live
looks only in these folders, so a dry run that found more would pass where Live fails.

Import names are plain names, never paths (no folders, no ..): a library can only come from these
folders, so no lmac code can make lmac read any other file.
"""
from __future__ import annotations

import os
import re

ENV_VAR = "LMAC_LIBRARY_PATH"
STDLIB = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "stdlib_macros")
NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


def is_library_name(name):
    """A name import and use-surface accept: a plain file name, never a path."""
    if not isinstance(name, str):
        return False
    base = name[:-5] if name.endswith(".lmac") else name
    return bool(NAME_RE.match(base)) and ".." not in base


def env_dirs(environ=None):
    """The folders in LMAC_LIBRARY_PATH (empty entries skipped)."""
    text = (os.environ if environ is None else environ).get(ENV_VAR, "")
    return [os.path.abspath(os.path.expanduser(d)) for d in text.split(os.pathsep) if d.strip()]


def _user_dir(user_library, sub):
    return os.path.join(user_library, "lmac", sub) if user_library else None


def _ordered(dirs):
    out = []
    for d in dirs:
        if d and d not in out:
            out.append(d)
    return out


def extra_dirs(extra=None, environ=None):
    """The user's own folders: --library-path ones first, then LMAC_LIBRARY_PATH's."""
    return _ordered([os.path.abspath(os.path.expanduser(d)) for d in (extra or ())] + env_dirs(environ))


def library_dirs(user_library=None, extra=None, stdlib_dir=STDLIB, environ=None):
    """The folders (import "name") searches, in order."""
    return _ordered([stdlib_dir, _user_dir(user_library, "lib")] + extra_dirs(extra, environ))


def surface_dirs(user_library=None, extra=None, stdlib_dir=STDLIB, environ=None):
    """The folders (use-surface "name") searches, in order (your own folders hold surfaces too)."""
    return _ordered([os.path.join(stdlib_dir, "surfaces"), _user_dir(user_library, "surfaces")]
                    + extra_dirs(extra, environ))


def library_file(name, dirs):
    """The file of library ``name`` in the first folder that has it, or None (also for a name
    that is not a plain library name: a path is never opened)."""
    if not is_library_name(name):
        return None
    base = name[:-5] if name.endswith(".lmac") else name
    for d in dirs:
        candidate = os.path.join(d, base + ".lmac")
        real = os.path.realpath(candidate)
        # A link in a library folder that leads out of it is not a library there.
        if os.path.isfile(real) and real.startswith(os.path.realpath(d) + os.sep):
            return candidate
    return None


def not_found_message(form, name, dirs):
    base = name[:-5] if name.endswith(".lmac") else name
    return ("%s: no library \"%s\" in %s; put %s.lmac in one of these folders, or add its folder "
            "with --library-path DIR (or LMAC_LIBRARY_PATH)" % (form, base, " or ".join(dirs), base))


def not_a_name_message(form, name):
    return ("%s: %r is not a library name (letters, digits, - _ . only; no folders): libraries are "
            "found by name in the library folders (--library-path DIR adds one)" % (form, name))


def find_library(form, name, dirs):
    """The file (import/use-surface ``form``) loads for ``name``; an LmacError saying why not."""
    from ..interpreter.printer import describe
    from ..interpreter.values import LmacError
    if not isinstance(name, str):
        raise LmacError("%s expects a library name in quotes, got %s" % (form, describe(name)))
    if not is_library_name(name):
        raise LmacError(not_a_name_message(form, name))
    path = library_file(name, dirs)
    if path is None:
        raise LmacError(not_found_message(form, name, dirs))
    return path
