"""The parse-table cache is a pickle: it is loaded only from the user's own closed folder, never
from a shared temp folder or the installed package, and nothing else is trusted."""
import os
import stat
import sys
import tempfile

from lmac.grammar import parse_cache, reader
from lmac.interpreter.values import Symbol

POSIX = hasattr(os, "getuid")


def test_the_cache_lives_in_the_users_cache_folder_never_temp_or_the_package():
    home = "/home/ann"
    assert parse_cache.cache_folder("darwin", {}, home) == "/home/ann/Library/Caches/lmac"
    assert parse_cache.cache_folder("linux", {}, home) == "/home/ann/.cache/lmac"
    assert parse_cache.cache_folder("linux", {"XDG_CACHE_HOME": "/x"}, home) == os.path.join("/x", "lmac")
    assert parse_cache.cache_folder("win32", {"LOCALAPPDATA": "C:/A"}, home) == os.path.join("C:/A", "lmac", "cache")
    assert parse_cache.cache_folder("win32", {}, home) is None        # no per-user folder: no cache
    path = parse_cache.safe_cache_file()
    if path is not None:
        assert not path.startswith(tempfile.gettempdir() + os.sep)
        assert not path.startswith(os.path.dirname(reader.GRAMMAR_PATH))


def test_a_new_cache_folder_is_made_private_and_used(tmp_path):
    folder = str(tmp_path / "cache" / "lmac")
    path = parse_cache.safe_cache_file(folder)
    assert path == os.path.join(folder, parse_cache.cache_name())
    if POSIX:
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    fresh = reader._Reader(cache=path)
    assert fresh.read("(a)", "c") == [[Symbol("a")]] and os.path.isfile(path)
    assert parse_cache.cache_files(folder) == [path]


def test_a_folder_others_can_write_or_a_symlink_is_never_trusted(tmp_path):
    if not POSIX:
        return   # Windows has no owner and mode bits here; %LOCALAPPDATA% is the user's own
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(str(shared), 0o777)
    assert parse_cache.safe_cache_file(str(shared)) is None
    readable = tmp_path / "readable"
    readable.mkdir()
    os.chmod(str(readable), 0o755)          # ours, only we write: closed to 0700, then used
    assert parse_cache.safe_cache_file(str(readable)) is not None
    assert stat.S_IMODE(os.stat(str(readable)).st_mode) == 0o700
    link = tmp_path / "link"
    os.symlink(str(readable), str(link))
    assert parse_cache.safe_cache_file(str(link)) is None
    if os.getuid() == 0:                    # a closed folder that belongs to someone else
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o700)
        os.chown(str(theirs), 4242, 4242)
        assert parse_cache.safe_cache_file(str(theirs)) is None


def test_a_cache_file_someone_else_could_write_is_never_loaded(tmp_path):
    if not POSIX:
        return
    folder = str(tmp_path / "lmac")
    path = parse_cache.safe_cache_file(folder)
    with open(path, "wb") as f:
        f.write(b"planted")
    os.chmod(path, 0o666)
    assert parse_cache.safe_cache_file(folder) is None
    os.chmod(path, 0o644)
    assert parse_cache.safe_cache_file(folder) == path
    os.remove(path)
    os.symlink(str(tmp_path / "elsewhere"), path)
    assert parse_cache.safe_cache_file(folder) is None
    os.remove(path)
    if os.getuid() == 0:                    # as root we can make a file owned by someone else
        with open(path, "wb") as f:
            f.write(b"planted")
        os.chown(path, 4242, 4242)
        assert parse_cache.safe_cache_file(folder) is None
