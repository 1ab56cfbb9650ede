"""The code that touches Live's API type-checks against ableton-live-stubs (mypy, [tool.mypy]).

The checkout is not named ``lmac``, so mypy runs in a temporary folder holding a link ``lmac`` to
the repository. ableton-live-stubs 12.3.6.post8 declares ``Vector`` in Live/Base.pyi and also
imports it from itself, which makes every ``Vector[...]`` (Song.tracks, Track.devices, ...) an
Any; the test runs on a copy of the stubs without that self-import, so Live's lists are typed too.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SELF_IMPORT = "if TYPE_CHECKING:\n    from Live.Base import Vector\n"


def _installed_stubs():
    for entry in sys.path:
        folder = Path(entry or ".") / "Live-stubs"
        if (folder / "Base.pyi").is_file():
            return folder
    return None


def _fixed_stubs(dest):
    """A copy of the installed stubs as package `Live`, Base.pyi without its self-import."""
    source = _installed_stubs()
    if source is None:
        pytest.fail("ableton-live-stubs is not installed: python -m pip install -e \".[dev]\"")
    live = dest / "Live"
    shutil.copytree(str(source), str(live))
    base = live / "Base.pyi"
    base.write_text(base.read_text(encoding="utf-8").replace(SELF_IMPORT, "", 1), encoding="utf-8")
    return dest


def run_mypy(tmp_path, *extra):
    try:
        import mypy  # noqa: F401
    except ImportError:
        pytest.fail("mypy is not installed: python -m pip install -e \".[dev]\"")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(str(REPO), str(root / "lmac"), target_is_directory=True)
    env = dict(os.environ, MYPYPATH=str(_fixed_stubs(tmp_path / "stubs")))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), "--no-error-summary"] + list(extra),
        cwd=str(root), env=env, capture_output=True, text=True)


def test_surface_type_checks_against_live_stubs(tmp_path):
    result = run_mypy(tmp_path)
    report = result.stdout + result.stderr
    print(report)
    assert result.returncode == 0 and not result.stdout.strip(), "mypy found errors:\n" + report


def test_live_lists_are_typed(tmp_path):
    """The check has teeth: Live's Vectors are not Any, and a misuse of one is reported."""
    probe = tmp_path / "root_probe.py"
    probe.write_text("from lmac.surface.context import ActionContext\n"
                     "def f(ctx: ActionContext) -> None:\n"
                     "    reveal_type(ctx.song.tracks)\n"
                     "    ctx.song.tracks.index(ctx.track())\n", encoding="utf-8")
    result = run_mypy(tmp_path, str(probe))
    report = result.stdout + result.stderr
    print(report)
    assert "Live.Base.Vector[Live.Track.Track]" in report
    assert '"Vector[Track]" has no attribute "index"' in report
