"""lmac install / uninstall, and the installed copy running in virtual Live on Python 3.7 and
3.11 with lark importable only from the vendored copy."""
import json
import os
import subprocess
import sys

import pytest

from lmac.commands.install import InstallError, install, uninstall

from python37 import PY37

# Runs inside `python -S` (no site-packages): only the Remote Scripts folder is importable.
CHILD = r"""
import importlib.util, json, sys
remote_scripts = sys.argv[1]
sys.path.insert(0, remote_scripts)
assert importlib.util.find_spec("lark") is None, "lark must not be importable from site-packages"
from lmac.surface.virtual_live import VirtualHost
from lmac.surface.bindings.testbed import LiveScriptModule
host = VirtualHost(LiveScriptModule)   # LmacScript on virtual ms, with the components attached
start = len(host.song.tracks)
host.advance_ms(200)
host.send_midi_in((0x90, 36, 127))
host.advance_ms(200)
print(json.dumps({
    "python": list(sys.version_info[:2]),
    "lark": sys.modules["lark"].__file__,
    "lmac": sys.modules["lmac"].__file__,
    "tracks": [start, len(host.song.tracks)],
    "tempo": host.song.tempo,
    "midi_out": [list(m) for _, m in host.midi_out],
    "errors": [l for _, l in host.log if "error" in l.lower()],
}))
"""


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """Uninstall removes lmac's parse-table cache: use one of the test's own."""
    monkeypatch.setenv("LMAC_CACHE_DIR", str(tmp_path_factory.mktemp("user-cache") / "lmac"))


def run_installed(python, remote_scripts):
    out = subprocess.run([python, "-S", "-c", CHILD, remote_scripts], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    ul = tmp_path_factory.mktemp("UL")
    report = install(str(ul))
    init = os.path.join(str(ul), "lmac", "init.lmac")
    with open(init, "a") as f:
        f.write("(bind (note 36) (create-track midi) (tempo 131))\n"
                "(led (note 36) (if (> (tempo) 130) :on :off))\n")
    return str(ul), report


def test_install_writes_package_vendored_lark_manifest_and_starter(installed):
    ul, report = installed
    package = os.path.join(ul, "Remote Scripts", "lmac")
    for rel in ("__init__.py", "grammar/lmac.lark", "interpreter/session.py", "surface/components.py",
                "stdlib_macros/bindings.lmac", "stdlib_macros/surfaces/launchpad-x.lmac", "lark/__init__.py",
                "lark/grammars/common.lark"):
        assert os.path.isfile(os.path.join(package, rel)), rel
    assert report["lark"] == "1.1.9" and report["created_init"]
    with open(os.path.join(package, ".lmac-manifest.json")) as f:
        manifest = json.load(f)
    assert "lark/lark.py" in manifest["files"] and not any("init.lmac" in f for f in manifest["files"])
    assert not any("__pycache__" in f for f in manifest["files"])


@pytest.mark.parametrize("python", [sys.executable, PY37], ids=["py311", "py37"])
def test_installed_copy_runs_in_virtual_live_with_vendored_lark(installed, python):
    ul, _ = installed
    remote_scripts = os.path.join(ul, "Remote Scripts")
    result = run_installed(python, remote_scripts)
    assert result["python"] == ([3, 7] if python == PY37 else list(sys.version_info[:2]))
    assert result["lark"].startswith(os.path.join(remote_scripts, "lmac", "lark"))
    assert result["lmac"].startswith(os.path.join(remote_scripts, "lmac"))
    assert result["tracks"][1] == result["tracks"][0] + 1 and result["tempo"] == 131
    assert [144, 36, 127] in result["midi_out"] and not result["errors"]


def test_reinstall_keeps_user_files_and_uninstall_removes_exactly_what_was_written(tmp_path):
    ul = str(tmp_path)
    install(ul)
    init = os.path.join(ul, "lmac", "init.lmac")
    lib = os.path.join(ul, "lmac", "lib", "mine.lmac")
    os.makedirs(os.path.dirname(lib))
    with open(init, "w") as f:
        f.write("(bind (note 36) (play))\n")
    with open(lib, "w") as f:
        f.write("(defn x () 1)\n")
    install(ul)                                   # again: never overwrites init.lmac
    assert open(init).read() == "(bind (note 36) (play))\n"
    extra = os.path.join(ul, "Remote Scripts", "lmac", "notes.txt")
    with open(extra, "w") as f:
        f.write("mine")
    report = uninstall(ul)
    assert report["removed"] > 50 and not report["gone"]
    assert os.listdir(os.path.join(ul, "Remote Scripts", "lmac")) == ["notes.txt"]
    assert os.path.isfile(init) and os.path.isfile(lib)
    with pytest.raises(InstallError):
        uninstall(ul)


def test_install_refuses_a_folder_it_did_not_make(tmp_path):
    package = tmp_path / "Remote Scripts" / "lmac"
    package.mkdir(parents=True)
    (package / "README.md").write_text("a git checkout")
    with pytest.raises(InstallError):
        install(str(tmp_path))


def test_linux_needs_the_flag(monkeypatch):
    from lmac.commands import install as mod
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(InstallError):
        mod.resolve_user_library(None)
    from lmac.surface.user_library import default_user_library
    assert default_user_library("darwin", "/Users/a") == "/Users/a/Music/Ableton/User Library"
    assert default_user_library("win32", "C:/Users/a").endswith(os.path.join("Documents", "Ableton", "User Library"))
