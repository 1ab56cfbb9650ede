"""docs/reference.md is generated from the registry: it must match what `lmac docs --write` makes."""
import os

from lmac.surface.actions.reference import render
from lmac.surface.actions.registry import REGISTRY, load_all

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_reference_is_fresh():
    with open(os.path.join(ROOT, "docs", "reference.md"), encoding="utf-8") as f:
        assert f.read() == render(), "docs/reference.md is out of date: run `lmac docs --write`"


def test_every_family_loads_and_there_are_150_actions():
    load_all()
    from lmac.surface.actions.families import FAMILY_MODULES, LOADED
    assert LOADED == FAMILY_MODULES
    assert len(REGISTRY) >= 150   # 235 when this was written


def test_reference_lists_every_action_with_signature_and_example():
    text = render()
    for act in load_all().values():
        assert "### `%s`" % act.name in text
        assert act.signature() in text
