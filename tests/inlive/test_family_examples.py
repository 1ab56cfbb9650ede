"""Every documented example of the mixer, device, clip, notes, scene, view, snapshot and out
families runs against virtual Live's demo set (the reference is generated from these)."""
import pytest

from lmac.grammar.reader import read_one
from test_family_support import Env, load_families

FAMILIES = ("mixer", "device", "clip", "notes", "scene", "view", "snapshot", "out")


def our_actions():
    load_families()
    from lmac.surface.actions.registry import REGISTRY
    return [a for a in REGISTRY.values() if a.family in FAMILIES]


def prepared_env():
    """The demo set with Vox selected and an Audio Effect Rack (two chains, two variations) and a
    Looper on it; the 909 kit's kick warped."""
    env = Env("12.3")
    env.run('(select (track "Vox")) (add-device "Audio Effect Rack")')
    env.run('(add-chain (device "Audio Effect Rack")) (add-chain (device "Audio Effect Rack"))')
    env.run('(store-variation (device "Audio Effect Rack")) (store-variation (device "Audio Effect Rack"))')
    env.run('(snapshot "verse")')
    env.run('(add-device (track "Vox") "Looper")')                         # the Looper actions' examples
    env.run('(warp-sample (pad-simpler (track "Drums") "Kick") 4)')         # warp-double / warp-half
    return env


def test_we_register_many_documented_actions():
    actions = our_actions()
    assert len(actions) >= 80
    for a in actions:
        assert a.doc and a.example, a.name
        assert a.example.startswith("(" + a.name + " ") or a.example == "(" + a.name + ")", a.name


@pytest.mark.parametrize("name", [a.name for a in our_actions()])
def test_example_runs(name):
    from lmac.surface.actions.registry import REGISTRY
    example = REGISTRY[name].example
    read_one(example, "example")
    env = prepared_env()
    env.run("(play)")
    env.run(example)


EXAMPLE_FILES = ("mixer", "devices", "clips", "notes", "scenes", "view", "snapshots", "out")


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_example_file_runs(name):
    import os
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, "examples", name + ".lmac")
    env = Env("12.3")
    with open(path) as f:
        env.session.eval(f.read(), file=path)
