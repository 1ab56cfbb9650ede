"""Shared fixtures of the dev-side tests."""
import json
import os
import shutil
import subprocess

import pytest

NODE_TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node")


@pytest.fixture(scope="session")
def node_tools():
    """(node executable, folder) with tests/dev/node/package.json's packages installed there
    (npm install on a fresh machine; node_modules is git-ignored)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node and npm, "node and npm are needed for the VS Code tests (node 18 or newer)"
    with open(os.path.join(NODE_TOOLS, "package.json"), encoding="utf-8") as f:
        wanted = json.load(f)["dependencies"]
    missing = [name for name in wanted
               if not os.path.isfile(os.path.join(NODE_TOOLS, "node_modules", name, "package.json"))]
    if missing:
        run = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
                             cwd=NODE_TOOLS, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, "npm install in %s failed: %s" % (NODE_TOOLS, run.stderr[-2000:])
    return node, NODE_TOOLS
