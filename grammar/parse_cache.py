"""Where lark keeps lmac's parse table between starts: a folder only this user can write.

The table is a pickle (lark's cache), and loading a pickle runs whatever it says, so it is read
and written only in the user's own cache folder, and only when that folder is not a symlink, is
owned by this user and is closed to everyone else (mode 0700), and the file is a plain file owned
by this user that no one else can write. Never the temp folder (shared by all users) and never
the installed package (`lmac uninstall` must leave nothing behind). When any check fails there
is no cache: the parser is built from the grammar at each start (about twice as slow to start).

    macOS    ~/Library/Caches/lmac
    Windows  %LOCALAPPDATA%\\lmac\\cache
    others   $XDG_CACHE_HOME/lmac, else ~/.cache/lmac
LMAC_CACHE_DIR overrides the folder. `lmac uninstall` removes the files (CACHE_PATTERN).
"""
import os
import stat
import sys

CACHE_PREFIX = "lmac-lalr-py"
CACHE_SUFFIX = ".cache"


def cache_folder(platform=None, env=None, home=None):
    """The user's lmac cache folder (it may not exist yet); None when there is no home."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if env.get("LMAC_CACHE_DIR"):
        return env["LMAC_CACHE_DIR"]
    home = home or os.path.expanduser("~")
    if platform == "darwin":
        return os.path.join(home, "Library", "Caches", "lmac")
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA")
        return os.path.join(base, "lmac", "cache") if base else None
    if env.get("XDG_CACHE_HOME"):
        return os.path.join(env["XDG_CACHE_HOME"], "lmac")
    return None if home in ("~", "") else os.path.join(home, ".cache", "lmac")


def cache_name():
    return "%s%d%d%s" % (CACHE_PREFIX, sys.version_info[0], sys.version_info[1], CACHE_SUFFIX)


def safe_cache_file(folder=None):
    """The parse-table file to hand to lark, or None when the folder or file fails a check."""
    folder = folder or cache_folder()
    if not folder:
        return None
    try:
        if not os.path.lexists(folder):
            os.makedirs(folder, 0o700)
        _close_own_folder(folder)
        if not _private(folder, directory=True):
            return None
        path = os.path.join(folder, cache_name())
        if os.path.lexists(path) and not _private(path, directory=False):
            return None
        return path
    except OSError:
        return None


def _private(path, directory):
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return False
    if directory != stat.S_ISDIR(info.st_mode) or not (directory or stat.S_ISREG(info.st_mode)):
        return False
    if not hasattr(os, "getuid"):      # Windows: %LOCALAPPDATA% is the user's own
        return True
    if info.st_uid != os.getuid():
        return False
    closed = 0o077 if directory else 0o022   # the folder: nobody else at all; the file: no writers
    return not (info.st_mode & closed)


def _close_own_folder(folder):
    """A folder of ours that only we can write but others can read: make it 0700."""
    info = os.lstat(folder)
    if hasattr(os, "getuid") and stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() \
            and not info.st_mode & 0o022 and info.st_mode & 0o077:
        os.chmod(folder, 0o700)


def cache_files(folder=None):
    """lmac's parse-table files in the folder (what uninstall removes)."""
    folder = folder or cache_folder()
    if not folder or not os.path.isdir(folder) or os.path.islink(folder):
        return []
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.startswith(CACHE_PREFIX) and name.endswith(CACHE_SUFFIX)]
