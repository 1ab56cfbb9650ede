"""lmac install / uninstall never lose what the user wrote: no writing or deleting through a
symlink or into a git checkout, no overwriting or removing a file whose content install did not
write, clear messages (no traceback) for a dangling init.lmac link or a damaged manifest, and
nothing left behind by uninstall after Live ran the installed copy (caches included)."""
import argparse
import hashlib
import json
import os
import subprocess
import sys

import pytest

from lmac.commands import install as install_cmd
from lmac.commands import uninstall as uninstall_cmd
from lmac.commands.install import MANIFEST, InstallError, install, uninstall


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """lmac's parse-table cache for this test (also for the subprocesses it starts)."""
    folder = str(tmp_path / "user-cache" / "lmac")
    monkeypatch.setenv("LMAC_CACHE_DIR", folder)
    return folder


def snapshot(folder):
    """relative path -> sha256 of every file under folder (links not followed)."""
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return out


def make_checkout(tmp_path, with_manifest=False):
    """A developer's checkout of lmac with uncommitted edits (and, as after an old
    `install --force` through a link, maybe a manifest listing its files)."""
    checkout = tmp_path / "src" / "lmac"
    for src, rel in install_cmd.package_files():
        dest = checkout / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(open(src, "rb").read())
    (checkout / ".git").mkdir()
    (checkout / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (checkout / "interpreter" / "session.py").write_text("# my uncommitted edit\n")
    if with_manifest:
        files = {rel: sha for rel, sha in snapshot(str(checkout)).items() if not rel.startswith(".git")}
        (checkout / MANIFEST).write_text(json.dumps({"files": files}))
    return str(checkout)


def package_of(ul):
    return os.path.join(str(ul), "Remote Scripts", "lmac")


@pytest.mark.parametrize("with_manifest", [False, True], ids=["plain", "with-old-manifest"])
def test_a_symlinked_developer_checkout_is_never_written_or_deleted(tmp_path, with_manifest):
    checkout = make_checkout(tmp_path, with_manifest)
    before = snapshot(checkout)
    ul = tmp_path / "UL"
    (ul / "Remote Scripts").mkdir(parents=True)
    os.symlink(checkout, package_of(ul))
    for attempt in (lambda: install(str(ul), force=True), lambda: install(str(ul)), lambda: uninstall(str(ul))):
        with pytest.raises(InstallError) as info:
            attempt()
        assert "symlink" in str(info.value)
    assert snapshot(checkout) == before
    assert open(os.path.join(checkout, "interpreter", "session.py")).read() == "# my uncommitted edit\n"


def test_a_git_checkout_in_place_is_never_written_or_deleted(tmp_path):
    ul = tmp_path / "UL"
    (ul / "Remote Scripts").mkdir(parents=True)
    checkout = make_checkout(tmp_path, with_manifest=True)
    os.rename(checkout, package_of(ul))
    before = snapshot(package_of(ul))
    for attempt in (lambda: install(str(ul), force=True), lambda: uninstall(str(ul))):
        with pytest.raises(InstallError) as info:
            attempt()
        assert "git checkout" in str(info.value)
    assert snapshot(package_of(ul)) == before


def test_reinstall_never_overwrites_an_installed_file_you_changed(tmp_path):
    ul = str(tmp_path)
    install(ul)
    package = package_of(ul)
    edited = os.path.join(package, "surface", "components.py")
    with open(edited, "a") as f:
        f.write("# my fix\n")
    removed = os.path.join(package, "interpreter", "printer.py")
    os.remove(removed)
    with pytest.raises(InstallError) as info:
        install(ul)
    assert "surface/components.py (changed since lmac installed it)" in str(info.value)
    assert open(edited).read().endswith("# my fix\n")
    assert not os.path.exists(removed)          # it wrote nothing at all


def test_uninstall_removes_only_files_with_the_content_it_wrote(tmp_path):
    ul = str(tmp_path)
    install(ul)
    package = package_of(ul)
    edited = os.path.join(package, "stdlib_macros", "live.lmac")
    with open(edited, "a") as f:
        f.write("; mine\n")
    report = uninstall(ul)
    assert report["kept"] == ["stdlib_macros/live.lmac"] and report["removed"] > 50
    assert snapshot(package) == {os.path.join("stdlib_macros", "live.lmac"): snapshot(package)[
        os.path.join("stdlib_macros", "live.lmac")]}
    assert open(edited).read().endswith("; mine\n")


def test_uninstall_never_deletes_through_a_symlink_inside_the_package(tmp_path):
    ul = tmp_path / "UL"
    install(str(ul))
    package = package_of(ul)
    elsewhere = tmp_path / "my-grammar"
    os.rename(os.path.join(package, "grammar"), str(elsewhere))   # same names, same content
    os.symlink(str(elsewhere), os.path.join(package, "grammar"))
    before = snapshot(str(elsewhere))
    report = uninstall(str(ul))
    assert snapshot(str(elsewhere)) == before and before
    assert "grammar/reader.py" in report["kept"]
    with pytest.raises(InstallError):            # and install will not write through it either
        install(str(ul), force=True)
    assert snapshot(str(elsewhere)) == before


def test_force_into_a_folder_install_did_not_make_never_overwrites_its_files(tmp_path):
    package = tmp_path / "Remote Scripts" / "lmac"
    package.mkdir(parents=True)
    (package / "README.md").write_text("mine")
    (package / "__init__.py").write_text("# my own script\n")
    with pytest.raises(InstallError) as info:
        install(str(tmp_path), force=True)
    assert "__init__.py (not written by lmac install)" in str(info.value)
    assert (package / "__init__.py").read_text() == "# my own script\n"
    (package / "__init__.py").unlink()
    install(str(tmp_path), force=True)
    assert (package / "README.md").read_text() == "mine"
    uninstall(str(tmp_path))
    assert os.listdir(str(package)) == ["README.md"]


def cli(module, argv):
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    return module.run(parser.parse_args(argv))


def test_a_dangling_init_link_is_reported_and_left_alone(tmp_path, capsys):
    ul = tmp_path / "UL"
    (ul / "lmac").mkdir(parents=True)
    missing = tmp_path / "dropbox" / "init.lmac"
    os.symlink(str(missing), str(ul / "lmac" / "init.lmac"))
    assert cli(install_cmd, ["--user-library", str(ul)]) == 0
    out = capsys.readouterr().out
    assert "warning: %s is a link to %s, which does not exist" % (ul / "lmac" / "init.lmac", missing) in out
    assert os.path.islink(str(ul / "lmac" / "init.lmac")) and not missing.exists()


def test_a_damaged_manifest_is_a_clear_error_and_changes_nothing(tmp_path, capsys):
    ul = str(tmp_path)
    install(ul)
    package = package_of(ul)
    with open(os.path.join(package, MANIFEST), "w") as f:
        f.write('{"files": ["surface/../../../lmac/init.lmac"')
    before = snapshot(package)
    assert cli(install_cmd, ["--user-library", ul]) == 1
    assert cli(uninstall_cmd, ["--user-library", ul]) == 1
    err = capsys.readouterr().err
    assert err.count("error: the install record %s is damaged" % os.path.join(package, MANIFEST)) == 2
    assert "Traceback" not in err and snapshot(package) == before
    with open(os.path.join(package, MANIFEST), "w") as f:
        json.dump({"files": {"../../lmac/init.lmac": "0" * 64}}, f)
    with pytest.raises(InstallError) as info:
        uninstall(ul)
    assert "outside the package" in str(info.value)


CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from lmac.surface.virtual_live import VirtualHost
from lmac.surface.bindings.testbed import LiveScriptModule
host = VirtualHost(LiveScriptModule)
host.advance_ms(200)
host.disconnect()
"""


def test_after_live_ran_the_copy_uninstall_leaves_nothing_and_install_works_again(tmp_path, own_cache):
    ul = str(tmp_path / "UL")
    install(ul)
    package = package_of(ul)
    old_cache = os.path.join(package, "grammar", "_cache")     # where earlier versions kept it
    os.makedirs(old_cache)
    open(os.path.join(old_cache, "lmac-lalr-py37.cache"), "wb").close()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)                  # Live's Python writes __pycache__
    run = subprocess.run([sys.executable, "-S", "-c", CHILD, os.path.join(ul, "Remote Scripts")],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert os.listdir(own_cache) == ["lmac-lalr-py%d%d.cache" % sys.version_info[:2]]
    assert any("__pycache__" in dirs for _, dirs, _ in os.walk(package))   # Python compiled it there
    report = uninstall(ul)
    assert report["gone"] and report["kept"] == [] and report["cache_removed"] == 1
    assert not os.path.exists(own_cache)
    assert install(ul)["files"]
