"""Routing actions: a track's input and output, by the names Live shows (ClyphX's IN, INSUB, OUT
and OUTSUB). Live takes a routing only as one of the objects in the track's ``available_*`` lists,
so each action looks the name up there; :next and :prev step through the list as ClyphX's > and <.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import Keyword, LmacError
from ...adapter import label
from ..registry import action
from . import _args as A

if TYPE_CHECKING:
    from Live.Track import Track
    from ...context import ActionContext

# Live 12 calls the Master track Main; either word finds it in any version.
ALIASES = {"master": "main", "main": "master"}


def _split(ctx: ActionContext, name, args):
    """(target, wanted) from (T), (T wanted), (wanted) or ()."""
    if len(args) > 2:
        ctx.fail("expects a track and a routing name, e.g. (%s (track 1) \"Ext. In\")" % name)
    if len(args) == 2:
        return args[0], args[1]
    if len(args) == 1 and (isinstance(args[0], str) or type(args[0]) is Keyword):
        return None, args[0]
    return (args[0] if args else None), None


def _pick(ctx: ActionContext, options, current, wanted, what, track: Track):
    """The option the musician named: a name (any case), or :next / :prev from the current one."""
    names = [o.display_name for o in options]
    if type(wanted) is Keyword and wanted.name in ("next", "prev"):
        at = names.index(current.display_name) if current.display_name in names else -1
        step = 1 if wanted.name == "next" else -1
        return options[min(max(at + step, 0), len(options) - 1)]
    name = A.text(ctx.action, wanted, "a routing name in quotes, :next or :prev")
    for option in options:
        if option.display_name.lower() in (name.lower(), ALIASES.get(name.lower())):
            return option
    offered = ", ".join('"%s"' % n for n in names) or "nothing"
    ctx.fail('found no %s called "%s" on %s; it offers %s' % (what, name, label(track), offered))


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

    @action(noun, "target? name?", family="mixer", example=example,
            doc="Set the %s of the track(s) by the name Live shows (any case), or :next / :prev; "
                "(%s T) answers T's current %s name. ClyphX: %s." % (what, noun, what, clyphx))
    def routing_action(ctx: ActionContext, *args):
        target, wanted = _split(ctx, noun, args)
        tracks = ctx.tracks(target)
        if wanted is None:
            return getattr(tracks[0], attr).display_name
        able = [t for t in tracks if len(getattr(t, available))]
        if not able:
            ctx.fail("cannot change the %s of %s: Live offers none there" % (what, ", ".join(label(t) for t in tracks)))
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
