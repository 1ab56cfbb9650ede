"""The LOM members that surface code names as text (ctx.write(track, "arm", v),
ctx.call(slot, "fire"), adapter.read(...)) exist in Live's API per ableton-live-stubs: mypy
cannot see inside strings, so this test does, for every such call in surface/."""
import ast
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METHODS = ("write", "call", "read")


def stub_members():
    import site
    dirs = [os.path.join(d, "Live-stubs") for d in site.getsitepackages() + [site.getusersitepackages()]]
    stubs = next((d for d in dirs if os.path.isdir(d)), None)
    if stubs is None:
        pytest.fail("ableton-live-stubs is not installed: pip install -e '.[dev]'")
    members = set()
    for name in os.listdir(stubs):
        if name.endswith(".pyi"):
            with open(os.path.join(stubs, name), encoding="utf-8") as f:
                tree = ast.parse(f.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef):
                    for item in node.body:
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            members.add(item.name)
                        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                            members.add(item.target.id)
    return members


def named_members():
    """(file, line, member) for each write/call/read whose second argument is a string."""
    found = []
    surface = os.path.join(ROOT, "surface")
    for folder, dirs, files in os.walk(surface):
        dirs[:] = [d for d in dirs if d not in ("virtual_live", "__pycache__")]
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in METHODS and len(node.args) >= 2
                        and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
                        and node.args[1].value.isidentifier()):
                    found.append((os.path.relpath(path, ROOT), node.lineno, node.args[1].value))
    return found


def test_every_member_named_as_text_is_in_the_stubs():
    members = stub_members()
    calls = named_members()
    assert len(calls) > 100          # the scan sees the surface's LOM writes and calls
    unknown = ["%s:%d: %s" % c for c in calls if c[2] not in members]
    assert not unknown, "not in Live's API (ableton-live-stubs):\n" + "\n".join(unknown)


def test_members_named_in_action_tables_are_in_the_stubs():
    from lmac.surface.actions.families.devices import RACK_BUTTONS
    members = stub_members()
    assert [m for _, m, _ in RACK_BUTTONS if m not in members] == []
