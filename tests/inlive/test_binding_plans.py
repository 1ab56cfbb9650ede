"""Spec.bind keeps the way arguments of one shape bind (a plan) and reuses it for the next call of
that shape. These tests check that reusing a plan never changes what an action receives or the
error a musician reads: for every action and many argument lists, binding B after a plan was
made from A of the same shape equals binding B afresh."""
import random

import pytest

from lmac.interpreter.values import Keyword, LmacError, Symbol
from lmac.surface.actions.params import MAX_PLANS, _shape
from lmac.surface.actions.registry import REGISTRY, load_all
from lmac.surface.selectors import Handle, Selector
from lmac.surface.value_forms import By, Ramp, Scaled

load_all()


def _keywords(act):
    """The option names and keyword values an action knows, plus a stranger."""
    words = set(["nope"])
    for o in act.spec.options:
        words.add(o.name)
        words.update(o.kind.values())
    for p in act.spec.params:
        words.update(p.kind.values())
    return [Keyword.of(w) for w in sorted(words)]


# Values grouped by shape: two members of a group have the same _shape, different values.
SAME_SHAPE = [
    [0.5, 300.0, -2.0, 0.0],
    [1, 3, 0, 200, -1],
    [True, False],
    ["Bass", "", "nope", "A"],
    [None],
    [Handle(object()), Handle(None)],
    [Selector("tracks", "(track 1)", lambda ctx, want: []), Selector("scenes", "(scene 2)", lambda ctx, want: [])],
    [By(0.1), By(-5)],
    [Scaled("db", -6.0), Scaled("percent", 250.0)],
    [Ramp(0.5, 2, "bars"), Ramp(9.0, 1, "ms")],
    [Symbol("x"), Symbol("volume")],
]


def _outcome(spec, args):
    try:
        out = spec.bind(args)
    except LmacError as e:
        return ("error", e.message)
    return ("ok", sorted((k, _comparable(v)) for k, v in out.items()))


def _comparable(v):
    if isinstance(v, list):
        return [_comparable(x) for x in v]
    return (type(v).__name__, id(v) if isinstance(v, (Handle, Selector, By, Scaled, Ramp)) else v)


def _fresh(spec, args):
    """What bind gives with no plan kept."""
    spec._plans.clear()
    return _outcome(spec, args)


def _argument_lists(act, count=400):
    """Pairs (A, B) of argument lists whose positions hold values of the same group (a keyword
    group holds all the action's keywords, so A and B may differ in a keyword and so in shape):
    B must bind the same whether or not a plan was made from A."""
    groups = SAME_SHAPE + [_keywords(act)]
    longest = min(3, len(act.spec.params) + 2 * len(act.spec.options))
    rng = random.Random(act.name)     # the same pairs on every run
    for _ in range(count):
        n = rng.randint(0, longest)
        picked = [rng.choice(groups) for _ in range(n)]
        yield [rng.choice(g) for g in picked], [rng.choice(g) for g in picked]


def test_a_kept_plan_binds_like_a_fresh_bind_for_every_action():
    checked = 0
    for act in REGISTRY.values():
        spec = act.spec
        if spec._plans is None:
            continue
        for a, b in _argument_lists(act):
            spec._plans.clear()
            _outcome(spec, a)                  # makes the plan when A binds
            kept = _outcome(spec, b)
            assert kept == _fresh(spec, b), (act.name, a, b)
            checked += 1
    assert checked > 50000


def test_keywords_are_part_of_the_shape():
    """(show :session) and (show :nope) are different shapes: the second is still an error."""
    spec = REGISTRY["show"].spec
    spec._plans.clear()
    good, bad = Keyword.of("session"), Keyword.of("nope")
    assert _shape([good]) != _shape([bad])
    assert _outcome(spec, [good])[0] == "ok"
    assert _outcome(spec, [bad])[0] == "error"
    assert _outcome(spec, [bad]) == _fresh(spec, [bad])
    assert _outcome(spec, [good]) == _fresh(spec, [good])


def test_arguments_whose_fit_depends_on_their_value_are_never_planned():
    assert _shape([[1, 2]]) is None            # a list of targets: fits by what is inside
    assert _shape([lambda: None]) is None
    assert _shape([0.5, Keyword.of("bar")]) == (float, Keyword.of("bar"))


def test_plans_are_bounded_per_action():
    spec = REGISTRY["volume"].spec
    spec._plans.clear()
    for k in [Keyword.of("k%d" % i) for i in range(200)]:
        _outcome(spec, [k])
        _outcome(spec, [0.5, k])
    assert len(spec._plans) <= MAX_PLANS


@pytest.mark.parametrize("source, expected", [
    ("(volume (track 1) 0.25) (volume (track 1))", 0.25),
    ("(volume (track 1) 0.25) (volume (track 1) 300)", "error"),
])
def test_a_planned_action_still_checks_each_value(source, expected):
    from lmac.commands.session_factory import make_session
    session = make_session({"tracks": [{"kind": "midi", "name": "T"}], "scenes": [{"name": ""}]},
                           output=lambda text: None)
    if expected == "error":
        with pytest.raises(LmacError) as e:
            session.eval(session.read(source))
        assert "from 0.0 to 1.0" in e.value.message and "300" in e.value.message
    else:
        assert session.eval(session.read(source)) == pytest.approx(expected)


def test_a_clip_handle_resolves_to_its_slot_even_before_any_clip_kind_was_seen():
    """The target fast paths read a table of kinds per class; a class not in it yet (the first
    clip of a session) must still be converted: a clip given where a slot is wanted is its slot."""
    from lmac.commands.session_factory import make_session
    from lmac.surface import adapter
    from lmac.surface.context import ActionContext
    from lmac.surface.selectors import Handle
    session = make_session()
    slot = next(s for t in session.live.song.tracks for s in t.clip_slots if s.has_clip)
    saved = dict(adapter.KIND_OF_CLASS)
    adapter.KIND_OF_CLASS.clear()
    try:
        ctx = ActionContext(session.live, None, "fire")
        assert ctx.clip_slots(Handle(slot.clip)) == [slot]
        adapter.KIND_OF_CLASS.clear()
        assert ctx._resolve([Handle(slot.clip)], "slots") == [slot]
    finally:
        adapter.KIND_OF_CLASS.update(saved)
