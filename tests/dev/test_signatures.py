"""Executable signatures: every action's arguments are parsed by its registered spec, the spec is
the documented signature, and `lmac check` knows what the run knows (same messages)."""
import inspect
import os
import sys

import pytest

from lmac.editor_support.checker import Checker
from lmac.surface.actions import registry
from lmac.surface.actions.params import Spec

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "inlive"))
from test_error_messages import MISTAKES  # noqa: E402  (the run's table of messages)

ACTIONS = registry.load_all()


def test_no_action_parses_its_arguments_by_hand():
    by_hand = [name for name, act in ACTIONS.items()
               if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                      for p in inspect.signature(act.fn).parameters.values())]
    assert by_hand == []
    assert len(ACTIONS) >= 200


def test_each_function_takes_exactly_its_signature():
    for name, act in ACTIONS.items():
        taken = set(list(inspect.signature(act.fn).parameters)[1:])
        declared = set(p.py for p in act.spec.params) | set(o.py for o in act.spec.options)
        assert taken == declared, name


def test_each_spec_is_its_documented_signature():
    """The signature in docs/reference.md is the spec's, and reading it back gives the same spec."""
    with open(os.path.join(ROOT, "docs", "reference.md"), encoding="utf-8") as f:
        reference = f.read()
    for name, act in ACTIONS.items():
        sig = act.signature()
        assert "`%s`" % sig in reference, name
        words = " ".join(repr(p) for p in act.spec.params)
        kinds = dict((p.name, p.kind) for p in act.spec.params)
        again = Spec(name, words, kinds, [(":" + o.name, o.kind) for o in act.spec.options])
        assert again.signature() == sig
        assert sig.startswith("(" + name)


def test_every_example_fits_its_spec():
    checker = Checker()
    for name, act in ACTIONS.items():
        if not act.example:
            continue
        found = [f for f in checker.check_text(act.example, "example.lmac") if f.kind == "action"]
        assert found == [], (name, act.example, [str(f) for f in found])


def test_check_gives_the_runs_message_for_what_it_can_see():
    checker = Checker()
    seen = 0
    for code, message in MISTAKES:
        findings = checker.check_text(code, "x.lmac")
        if findings:
            assert findings[0].message == message, code
            seen += 1
    assert seen >= 75   # the rest need the running set (its names, a slot's clip, a device's racks ...)


@pytest.mark.parametrize("code", [
    '(fire (clip 1 1) :quantize :bar)', '(volume 0.5)', '(volume (track 1))', '(send "A" 0.3)',
    '(send (track 1) "A")', '(arm)', '(loop on)', '(loop (clip 1 1) :start 0 :length 8)',
    '(color :red)', '(name "Bass")', '(stop-clips :now)', '(scene-tempo (scene 1) :off)',
    '(clip-loop (clip 1 1) 8)', '(add-note (clip 1 1) 60 0 1)', '(add-note 60 0 1 100)',
    '(defn f (x) (volume x 0.5))', '(let (lvl 0.3) (volume (track 1) lvl))',
    '(for-each [t all] (volume t (random 0 1)))', '(metronome off)', '(create-track audio 2)',
])
def test_good_calls_have_no_findings(code):
    assert [str(f) for f in Checker().check_text(code, "ok.lmac")] == []


def test_keyword_options_for_completion():
    options = dict(registry.keyword_options("fire"))
    assert list(options) == [":quantize"]
    assert ":bar" in options[":quantize"] and ":none" in options[":quantize"]
    assert dict(registry.keyword_options("recall")) == {":bars": [], ":ms": []}
    assert registry.keyword_options("volume") == []
    assert registry.keyword_options("no-such-action") == []
    assert ":reset" in registry.keyword_values("volume")["level"]


def test_signature_help_data():
    help_ = registry.signature_help("send")
    assert help_["label"] == "(send target? send level?)"
    assert [p["label"] for p in help_["parameters"]] == ["target?", "send", "level?"]
    assert "0.0 to 1.0" in help_["parameters"][2]["doc"]
    assert registry.signature_help("fire")["parameters"][-1]["label"] == ":quantize grid"
    assert registry.signature_help("nope") is None


def test_check_and_run_suggest_the_same_names():
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session
    from lmac.interpreter.values import LmacError
    for code in ("(revrse [1 2])", "METRO", "(SEL/ARM)"):
        with pytest.raises(LmacError) as e:
            Session(clock=TestClock()).eval(code)
        found = Checker().check_text(code, "x.lmac")
        assert [f.message for f in found] == [e.value.message], code
