"""Routing actions: a track's input and output, by the names Live shows (ClyphX's IN, INSUB, OUT
and OUTSUB). Live takes a routing only as one of the objects in the track's ``available_*`` lists,
so each action looks the name up there; :next and :prev step through the list as ClyphX's > and <.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import Keyword, LmacError
from ...adapter import label
from ..params import Bad, Custom
from ..registry import action
from . import _args as A

if TYPE_CHECKING:
    from Live.Track import Track
    from ...context import ActionContext

# Live 12 calls the Master track Main; either word finds it in any version.
ALIASES = {"master": "main", "main": "master"}


def _routing_name(v):
    if type(v) is Keyword:
        if v.name in ("next", "prev"):
            return v
        raise Bad("the routing must be a name in quotes like \"Ext. In\", :next or :prev, got %s" % A.shown(v),
                  A.friend.did_you_mean(v.name, ["next", "prev"], lambda w: ":" + w))
    if isinstance(v, str):
        return v
    raise Bad("the routing must be a name in quotes like \"Ext. In\", :next or :prev, got %s" % A.shown(v))


ROUTING_NAME = Custom("routing", 'a name in quotes like "Ext. In", :next or :prev', _routing_name,
                      fits=lambda v: isinstance(v, str) or type(v) is Keyword, values=["next", "prev"])


def _pick(ctx: ActionContext, options, current, wanted, what, track: Track):
    """The option the musician named: a name (any case), or :next / :prev from the current one."""
    names = [o.display_name for o in options]
    if type(wanted) is Keyword and wanted.name in ("next", "prev"):
        at = names.index(current.display_name) if current.display_name in names else -1
        step = 1 if wanted.name == "next" else -1
        return options[min(max(at + step, 0), len(options) - 1)]
    name = wanted
    for option in options:
        if option.display_name.lower() in (name.lower(), ALIASES.get(name.lower())):
            return option
    offered = ", ".join('"%s"' % n for n in names) or "nothing"
    ctx.fail('%s has no %s called "%s"' % (label(track), what, name),
             A.friend.joined(A.friend.did_you_mean(name, names, lambda n: '"%s"' % n), "it offers %s" % offered))


def _routing_action(direction, part):
    """(input-routing T name), (input-channel T name), and the output pair."""
    noun = "%s-%s" % (direction, "routing" if part == "type" else "channel")
    attr = "%s_routing_%s" % (direction, part)
    available = "available_%s_routing_%ss" % (direction, part)
    what = "%s %s" % (direction, "routing" if part == "type" else "channel")
    clyphx = {"input-routing": "IN", "input-channel": "INSUB", "output-routing": "OUT",
              "output-channel": "OUTSUB"}[noun]
    example = {"input-routing": '(input-routing (track "Vox") "Ext. In")',
               "input-channel": '(input-channel (track "Vox") "1/2")',
               "output-routing": '(output-routing (track "Bass") "Sends Only")',
               "output-channel": '(output-channel master "1")'}[noun]

    @action(noun, "target? name?", family="mixer", example=example, kinds={"name": ROUTING_NAME},
            doc="Set the %s of the track(s) by the name Live shows (any case), or :next / :prev; "
                "(%s T) answers T's current %s name. ClyphX: %s." % (what, noun, what, clyphx))
    def routing_action(ctx: ActionContext, target=None, name=None):
        wanted = name
        tracks = ctx.tracks(target)
        if wanted is None:
            return getattr(tracks[0], attr).display_name
        able = [t for t in tracks if len(getattr(t, available))]
        if not able:
            ctx.fail("cannot change the %s of %s: Live offers none there" % (what, ", ".join(label(t) for t in tracks)),
                     "pick a track that has one (a group track has no input)")
        # With several tracks, those that do not offer the name are skipped (a MIDI track has no
        # "Ext. In"); it is an error only when none does.
        picks, errors = [], []
        for track in able:
            try:
                picks.append((track, _pick(ctx, list(getattr(track, available)), getattr(track, attr),
                                           wanted, what, track)))
            except LmacError as error:
                errors.append(error)
        if not picks:
            raise errors[0]
        for track, chosen in picks:
            ctx.write(track, attr, chosen)
        return picks[-1][1].display_name
    return routing_action


for _direction in ("input", "output"):
    for _part in ("type", "channel"):
        _routing_action(_direction, _part)
