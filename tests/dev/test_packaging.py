"""What an installed lmac needs from its own package, never from a checkout: the lark pin from
lmac's metadata, `lmac docs --write` only into a checkout or a path given, `--version`, and the
REPL / language server degrading to a hint when their optional libraries are missing.
(The wheel itself, installed outside the checkout: test_wheel.py.)"""
import argparse
import io
import os
import re
import sys

import pytest

from lmac import cli
from lmac.commands import docs, install, lsp, repl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pyproject_lark_pin():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        return re.search(r'"lark==([0-9.]+)"', f.read()).group(1)


def test_lark_pin_comes_from_lmacs_installed_metadata(monkeypatch):
    assert install.pinned_lark_version() == pyproject_lark_pin()
    # the metadata, not a file beside the code: an installed lmac has no pyproject.toml
    import importlib.metadata
    monkeypatch.setattr(importlib.metadata, "requires", lambda name: ["lark==9.9.9", "pygls>=2.0"])
    assert install.pinned_lark_version() == "9.9.9"


def test_lark_pin_reads_markers_and_refuses_a_missing_pin():
    assert install.lark_pin(["prompt_toolkit>=3.0.40; python_version >= \"3.11\"", "lark==1.1.9"]) == "1.1.9"
    assert install.lark_pin(["lark==1.1.9; python_version >= \"3.7\""]) == "1.1.9"
    with pytest.raises(install.InstallError, match="does not pin lark"):
        install.lark_pin(["lark>=1.1", "larkspur==2.0"])


def test_lark_pin_without_lmac_installed_says_how(monkeypatch):
    import importlib.metadata

    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)
    monkeypatch.setattr(importlib.metadata, "requires", missing)
    with pytest.raises(install.InstallError, match="pip install -e ."):
        install.pinned_lark_version()


def run_docs(write):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = docs.run(argparse.Namespace(write=write))
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def test_docs_write_to_a_path_given(tmp_path):
    from lmac.surface.actions.reference import render
    target = tmp_path / "reference.md"
    status, out, _ = run_docs(str(target))
    assert status == 0 and out == "wrote %s\n" % target
    assert target.read_text(encoding="utf-8") == render()


def test_docs_write_without_a_path_outside_a_checkout_refuses(tmp_path, monkeypatch):
    installed = tmp_path / "site-packages" / "lmac"
    installed.mkdir(parents=True)
    monkeypatch.setattr(docs, "ROOT", str(installed))
    status, out, err = run_docs("")
    assert status == 2 and out == ""
    assert "not a checkout" in err and "lmac docs --write reference.md" in err
    assert os.listdir(str(installed)) == []        # nothing written into the installed package


def test_docs_write_without_a_path_in_a_checkout_writes_its_docs_folder(tmp_path, monkeypatch):
    checkout = tmp_path / "checkout"
    (checkout / "docs").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("")
    monkeypatch.setattr(docs, "ROOT", str(checkout))
    status, out, _ = run_docs("")
    assert status == 0 and out == "wrote %s\n" % (checkout / "docs" / "reference.md")
    assert docs.running_from_checkout(ROOT) and not docs.running_from_checkout(os.path.join(ROOT, "surface"))


def test_version_option(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == "lmac " + cli.version()
    from lmac import __version__
    assert cli.version() == __version__      # the installed metadata and the package agree


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_repl_without_prompt_toolkit_falls_back_to_the_line_repl(monkeypatch):
    monkeypatch.setitem(sys.modules, "prompt_toolkit", None)     # `import prompt_toolkit` fails
    monkeypatch.delitem(sys.modules, "lmac.editor_support.terminal_repl", raising=False)
    stdin, stdout, stderr = _Terminal("(+ 1 2)\n(str \"a\" 1)\n"), _Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    status = repl.run(argparse.Namespace(files=[], connect=False, user_library=None))
    assert status == 0
    assert stdout.getvalue().splitlines() == ["3", '"a1"']
    hint = stderr.getvalue().splitlines()
    assert len(hint) == 1 and "plain line REPL" in hint[0] and "pip install prompt_toolkit" in hint[0]


def test_lsp_without_pygls_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "lsprotocol", None)
    monkeypatch.delitem(sys.modules, "lmac.editor_support.lsp_server", raising=False)
    assert lsp.run(argparse.Namespace(stdio=True)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "pip install 'pygls>=2'" in captured.err
