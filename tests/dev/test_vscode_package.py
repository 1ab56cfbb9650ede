"""The VS Code extension packages with vsce (the tool the Marketplace uses) from a copy of
editor_support/vscode with its declared dependencies installed by npm, and the .vsix holds what
VS Code needs: the generated grammar, the language client, LICENSE, the problem matcher."""
import json
import os
import re
import shutil
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
VSCODE = os.path.join(os.path.dirname(os.path.dirname(HERE)), "editor_support", "vscode")


def test_vsce_package_succeeds(node_tools, tmp_path):
    node, folder = node_tools
    ext = tmp_path / "ext"
    shutil.copytree(VSCODE, ext, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    npm = shutil.which("npm")
    run = subprocess.run([npm, "install", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
                         cwd=ext, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    vsce = os.path.join(folder, "node_modules", "@vscode", "vsce", "vsce")
    out = tmp_path / "lmac.vsix"
    run = subprocess.run([node, vsce, "package", "--out", str(out)], cwd=ext, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    names = zipfile.ZipFile(out).namelist()
    for needed in ("extension/package.json", "extension/extension.js", "extension/LICENSE.txt",
                   "extension/syntaxes/lmac.tmLanguage.json", "extension/language-configuration.json",
                   "extension/snippets/lmac.json", "extension/readme.md",
                   "extension/node_modules/vscode-languageclient/package.json"):
        assert needed in names or needed.replace("LICENSE.txt", "LICENSE") in names, needed
    assert not [n for n in names if n.endswith(".vsix") or "/test/" in n]


def test_manifest_fits_the_language_client():
    package = json.load(open(os.path.join(VSCODE, "package.json"), encoding="utf-8"))
    assert package["repository"]["url"] and package["license"] == "MIT"
    assert os.path.isfile(os.path.join(VSCODE, "LICENSE"))
    assert os.path.isfile(os.path.join(VSCODE, ".vscodeignore"))
    # vscode-languageclient 9 needs VS Code 1.82 or newer
    assert package["dependencies"]["vscode-languageclient"].startswith("^9.")
    assert package["engines"]["vscode"] == "^1.82.0"


def test_problem_matcher_reads_lmac_check_lines():
    package = json.load(open(os.path.join(VSCODE, "package.json"), encoding="utf-8"))
    [matcher] = package["contributes"]["problemMatchers"]
    assert matcher["name"] == "lmac"
    pattern = matcher["pattern"]
    m = re.match(pattern["regexp"], "examples/set.lmac:12:2: error: 'wiat-bars' not found; "
                                    "did you mean 'wait-bars'?")
    assert m
    assert (m.group(pattern["file"]), m.group(pattern["line"]), m.group(pattern["column"]),
            m.group(pattern["severity"]), m.group(pattern["message"])) == \
        ("examples/set.lmac", "12", "2", "error", "'wiat-bars' not found; did you mean 'wait-bars'?")
