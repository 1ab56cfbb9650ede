"""Clip envelopes (ClyphX's CLIP ENVINS / ENVCLR / ENVSHOW): automation drawn into a session clip,
which Live plays back whenever the clip plays.

The parameter is any device parameter on the clip's track, (param (device "Auto Filter")
"Frequency"), or a word for the track's mixer: :volume, :pan, :send-a, :send-b ... Values are in
the parameter's own range, as Live shows it. Times are in beats from the clip's start (1.1.1).
Live notifies nothing when an envelope changes, so these actions add their own timeline line.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from ....interpreter.values import Keyword, LmacError

if TYPE_CHECKING:
    from Live.Clip import Clip
    from Live.DeviceParameter import DeviceParameter
    from ...context import ActionContext

SHAPES = ("ramp-up", "ramp-down", "triangle", "sine", "square", "random")
MIXER_WORDS = ("volume", "pan")


def _num(x):
    return "%g" % x


def _is_param_word(value):
    return type(value) is Keyword and (value.name in MIXER_WORDS or value.name.startswith("send-"))


def clip_param(ctx: ActionContext, what, clip: Clip, which) -> DeviceParameter:
    """The parameter `which` names, on the clip's track."""
    track = clip.canonical_parent.canonical_parent
    if type(which) is Keyword:
        mixer = track.mixer_device
        if which.name == "volume":
            return mixer.volume
        if which.name == "pan":
            return mixer.panning
        if which.name.startswith("send-") and len(which.name) == 6:
            sends = list(mixer.sends)
            index = ord(which.name[5]) - ord("a")
            if 0 <= index < len(sends):
                return sends[index]
            A.fail(what, "found no send %s on \"%s\" (it has %d)" % (which.name[5].upper(), track.name, len(sends)))
        A.fail(what, "expects a parameter like (param (device \"Auto Filter\") \"Frequency\") or one of "
               ":volume :pan :send-a; got :%s" % which.name)
    param = ctx.param(which)
    return param


def _split(what, args, after, example):
    """(clip? param rest...) where `after` values follow the parameter: -> (clip sel, param, rest)."""
    args = list(args)
    if len(args) == after + 1:
        return None, args[0], args[1:]
    if len(args) == after + 2:
        return args[0], args[1], args[2:]
    raise LmacError("%s expects %s" % (what, example))


def _where(clip: Clip, param):
    track = clip.canonical_parent.canonical_parent
    return 'envelope of %s in clip "%s" on "%s"' % (_param_label(param, track), clip.name, track.name)


def _param_label(param, track):
    owner = param.canonical_parent
    if owner == track.mixer_device:
        return param.name
    return "%s %s" % (getattr(owner, "name", "?"), param.name)


def envelope_of(ctx: ActionContext, what, clip: Clip, param, create=True):
    envelope = ctx.call(clip, "automation_envelope", param)
    if envelope is None and create:
        envelope = ctx.call(clip, "create_automation_envelope", param)
    return envelope


def _in_range(what, param, value, noun="a value"):
    A.number(what, value, "%s for %s" % (noun, param.name))
    if not param.min - 1e-9 <= value <= param.max + 1e-9:
        A.fail(what, "expects %s for %s from %s to %s, got %s"
               % (noun, param.name, _num(param.min), _num(param.max), A.shown(value)))
    return float(min(param.max, max(param.min, value)))


@action("envelope-step", "clip? param start length value", family="clip",
        doc="Draw a step into the clip's envelope for a parameter: value held from start for length beats.",
        example="(envelope-step (clip \"Bass A\") :volume 2 2 0.5)")
def envelope_step(ctx: ActionContext, *args):
    sel, which, (start, length, value) = _split(
        "envelope-step", args, 3, "a parameter, a start, a length and a value: (envelope-step :volume 0 1 0.5)")
    A.number("envelope-step", start, "a start in beats")
    A.positive("envelope-step", length, "a length in beats above 0")
    for clip in ctx.clips(sel):
        param = clip_param(ctx, "envelope-step", clip, which)
        level = _in_range("envelope-step", param, value)
        envelope = envelope_of(ctx, "envelope-step", clip, param)
        ctx.call(envelope, "insert_step", float(start), float(length), level)
        ctx.note("%s: step %s from beat %s for %s" % (_where(clip, param), _num(level), _num(start),
                                                       _num(length)))
    return None


def shape_value(shape, x, rng):
    """The shape's height (0..1) at x (0..1 through one cycle)."""
    if shape == "ramp-up":
        return x
    if shape == "ramp-down":
        return 1.0 - x
    if shape == "triangle":
        return 1.0 - abs(2.0 * x - 1.0)
    if shape == "sine":
        return 0.5 - 0.5 * math.cos(2.0 * math.pi * x)
    if shape == "square":
        return 1.0 if x < 0.5 else 0.0
    return rng.random()


@action("draw-envelope", "clip? param shape low? high?", family="clip", options=(":cycles", ":steps"),
        doc="Fill the clip's loop with an envelope shape for a parameter: :ramp-up, :ramp-down, :triangle, "
            ":sine, :square or :random, between low and high (default: the parameter's whole range). "
            ":cycles n repeats the shape (default 1); :steps n per beat sets the resolution (default 4).",
        example="(draw-envelope (clip \"Pad\") (param (device (track \"Keys\") \"EQ Eight\") \"1 Frequency A\") :triangle 200 2000 :cycles 2)")
def draw_envelope(ctx: ActionContext, *args):
    from ....interpreter.builtins import RANDOM
    positional, opts = A.split_options("draw-envelope", args, ("cycles", "steps"))
    at = [i for i, x in enumerate(positional) if type(x) is Keyword and x.name in SHAPES]
    if not at or at[0] not in (1, 2):
        shown = [x for x in positional if type(x) is Keyword and not _is_param_word(x)]
        if shown:
            A.choice("draw-envelope", shown[0], dict((s, s) for s in SHAPES), "a shape")
        raise LmacError("draw-envelope expects a parameter and a shape: (draw-envelope :volume :ramp-up)")
    sel = positional[0] if at[0] == 2 else None
    which = positional[at[0] - 1]
    shape = positional[at[0]].name
    bounds = positional[at[0] + 1:]
    if len(bounds) not in (0, 2):
        raise LmacError("draw-envelope expects both a low and a high value, or neither: "
                        "(draw-envelope :volume :ramp-up 0.2 0.8)")
    cycles = A.positive("draw-envelope", opts.get("cycles", 1), "a number of cycles above 0")
    steps = A.integer("draw-envelope", opts.get("steps", 4), "a whole number of steps per beat")
    if not 1 <= steps <= 64:
        A.fail("draw-envelope", "expects 1 to 64 steps per beat, got %d" % steps)
    for clip in ctx.clips(sel):
        param = clip_param(ctx, "draw-envelope", clip, which)
        low, high = (param.min, param.max) if not bounds else (
            _in_range("draw-envelope", param, bounds[0], "a low value"),
            _in_range("draw-envelope", param, bounds[1], "a high value"))
        start, end = (clip.loop_start, clip.loop_end) if clip.looping else (clip.start_marker, clip.end_marker)
        count = max(1, int(math.ceil((end - start) * steps)))
        width = (end - start) / count
        envelope = envelope_of(ctx, "draw-envelope", clip, param)
        for i in range(count):
            x = ((i + 0.5) * width * cycles / (end - start)) % 1.0
            value = low + (high - low) * shape_value(shape, x, RANDOM)
            ctx.call(envelope, "insert_step", start + i * width, width, float(value))
        ctx.note("%s: %s from %s to %s over %s beats" % (_where(clip, param), shape, _num(low), _num(high),
                                                          _num(end - start)))
    return None


@action("envelope-value", "clip? param beat", family="clip",
        doc="The value the clip's envelope gives a parameter at a beat, or nil when it has no envelope for it.",
        example="(envelope-value (clip \"Bass A\") :volume 2)")
def envelope_value(ctx: ActionContext, *args):
    sel, which, (beat,) = _split("envelope-value", args, 1, "a parameter and a beat: (envelope-value :volume 2)")
    A.number("envelope-value", beat, "a beat")
    clip = ctx.clip(sel)
    envelope = ctx.call(clip, "automation_envelope", clip_param(ctx, "envelope-value", clip, which))
    if envelope is None:
        return None
    return ctx.call(envelope, "value_at_time", float(beat))


@action("clear-envelope", "clip? param?", family="clip",
        doc="Remove the clip's envelope for a parameter, or all its envelopes without one (ClyphX's ENVCLR).",
        example="(clear-envelope (clip \"Bass A\") :volume)")
def clear_envelope(ctx: ActionContext, *given):
    args = list(given)
    if len(args) > 2:
        raise LmacError("clear-envelope expects a clip and a parameter: (clear-envelope (clip 1 1) :volume)")
    which = None
    if args and (_is_param_word(args[-1]) or _names_param(args[-1])):
        which = args.pop()
    for clip in ctx.clips(args[0] if args else None):
        track = clip.canonical_parent.canonical_parent
        if which is None:
            ctx.call(clip, "clear_all_envelopes")
            ctx.note('envelopes of clip "%s" on "%s" cleared' % (clip.name, track.name))
        else:
            param = clip_param(ctx, "clear-envelope", clip, which)
            ctx.call(clip, "clear_envelope", param)
            ctx.note("%s cleared" % _where(clip, param))
    return None


def _names_param(value):
    from ...selectors import Selector
    return isinstance(value, Selector) and value.kind == "params"


def _show(ctx: ActionContext, what, args, show):
    args = list(args)
    which = None
    if args and (_is_param_word(args[-1]) or _names_param(args[-1])):
        which = args.pop()
    if len(args) > 1:
        raise LmacError("%s expects a clip and a parameter: (%s (clip 1 1) :volume)" % (what, what))
    clip = ctx.clip(args[0] if args else None)
    view = clip.view
    if show:
        if which is not None:
            ctx.call(view, "select_envelope_parameter", clip_param(ctx, what, clip, which))
        ctx.call(view, "show_envelope")
    else:
        ctx.call(view, "hide_envelope")
    return None


@action("show-envelope", "clip? param?", family="clip",
        doc="Show the clip's envelope box in Live's clip view, on a parameter when given (ClyphX's ENVSHOW).",
        example="(show-envelope (clip \"Bass A\") :volume)")
def show_envelope(ctx: ActionContext, *args):
    return _show(ctx, "show-envelope", args, True)


@action("hide-envelope", "clip?", family="clip", doc="Hide the clip's envelope box (ClyphX's ENVHIDE).",
        example="(hide-envelope (clip \"Bass A\"))")
def hide_envelope(ctx: ActionContext, *args):
    return _show(ctx, "hide-envelope", args, False)
