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
from ..params import Bad, Choice, Custom, Number, Target
from ....interpreter.values import Keyword

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


def _names_param(value):
    from ...selectors import Handle, Selector
    from ...adapter import kind_of
    if isinstance(value, Selector):
        return value.kind == "params"
    return isinstance(value, Handle) and kind_of(value.obj) == "param"


def _param_key(v):
    if _is_param_word(v) or _names_param(v):
        return v
    raise Bad('the parameter must be one like (param (device "Auto Filter") "Frequency") or :volume, :pan, '
              ':send-a, got %s' % A.shown(v))


class ClipTarget(Target):
    """A clip selector, but never a parameter (so (envelope-step (param ...) ...) leaves the clip out)."""

    def fits_value(self, v, strict):
        return not _names_param(v) and Target.fits_value(self, v, strict)


PARAM = Custom("parameter", 'a parameter like (param (device "Auto Filter") "Frequency"), or :volume, :pan, :send-a',
               _param_key, fits=lambda v: _is_param_word(v) or _names_param(v), values=MIXER_WORDS + ("send-a",))
KINDS = {"clip": ClipTarget("clip"), "param": PARAM}


def clip_param(ctx: ActionContext, clip: Clip, which) -> DeviceParameter:
    """The parameter `which` names, on the clip's track."""
    track = clip.canonical_parent.canonical_parent
    if type(which) is Keyword:
        mixer = track.mixer_device
        if which.name == "volume":
            return mixer.volume
        if which.name == "pan":
            return mixer.panning
        sends = list(mixer.sends)
        index = ord(which.name[5:6] or "?") - ord("a") if len(which.name) == 6 else -1
        if 0 <= index < len(sends):
            return sends[index]
        ctx.fail('found no send %s on "%s"' % (which.name[5:].upper(), track.name),
                 "it has %d send%s" % (len(sends), "" if len(sends) == 1 else "s"))
    return ctx.param(which)


def _where(clip: Clip, param):
    track = clip.canonical_parent.canonical_parent
    return 'envelope of %s in clip "%s" on "%s"' % (_param_label(param, track), clip.name, track.name)


def _param_label(param, track):
    owner = param.canonical_parent
    if owner == track.mixer_device:
        return param.name
    return "%s %s" % (getattr(owner, "name", "?"), param.name)


def envelope_of(ctx: ActionContext, clip: Clip, param):
    envelope = ctx.call(clip, "automation_envelope", param)
    if envelope is None:
        envelope = ctx.call(clip, "create_automation_envelope", param)
    return envelope


def _in_range(ctx: ActionContext, param, value, noun="a value"):
    if not param.min - 1e-9 <= value <= param.max + 1e-9:
        ctx.fail("%s for %s must be from %s to %s, got %s"
                 % (noun, param.name, _num(param.min), _num(param.max), A.shown(value)))
    return float(min(param.max, max(param.min, value)))


@action("envelope-step", "clip? param start length value", family="clip",
        kinds=dict(KINDS, start=Number("start in beats"), length=Number("length in beats", above=0.0),
                   value=Number("value")),
        doc="Draw a step into the clip's envelope for a parameter: value held from start for length beats.",
        example="(envelope-step (clip \"Bass A\") :volume 2 2 0.5)")
def envelope_step(ctx: ActionContext, param, start, length, value, clip=None):
    for one in ctx.clips(clip):
        p = clip_param(ctx, one, param)
        level = _in_range(ctx, p, value)
        ctx.call(envelope_of(ctx, one, p), "insert_step", float(start), float(length), level)
        ctx.note("%s: step %s from beat %s for %s" % (_where(one, p), _num(level), _num(start), _num(length)))
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


@action("draw-envelope", "clip? param shape low? high?", family="clip",
        kinds=dict(KINDS, shape=Choice("shape", dict((s, s) for s in SHAPES)), low=Number("low value"),
                   high=Number("high value")),
        options=((":cycles", Number("number of cycles", above=0.0)),
                 (":steps", Number("resolution in steps", 1, 64, integer=True))),
        doc="Fill the clip's loop with an envelope shape for a parameter: :ramp-up, :ramp-down, :triangle, "
            ":sine, :square or :random, between low and high (default: the parameter's whole range). "
            ":cycles n repeats the shape (default 1); :steps n per beat sets the resolution (default 4).",
        example="(draw-envelope (clip \"Pad\") (param (device (track \"Keys\") \"EQ Eight\") \"1 Frequency A\") "
                ":triangle 200 2000 :cycles 2)")
def draw_envelope(ctx: ActionContext, param, shape, clip=None, low=None, high=None, cycles=1, steps=4):
    from ....interpreter.builtins import RANDOM
    if (low is None) != (high is None):
        ctx.fail("needs both a low and a high value, or neither", "(draw-envelope :volume :ramp-up 0.2 0.8)")
    for one in ctx.clips(clip):
        p = clip_param(ctx, one, param)
        lo, hi = (p.min, p.max) if low is None else (_in_range(ctx, p, low, "the low value"),
                                                    _in_range(ctx, p, high, "the high value"))
        start, end = (one.loop_start, one.loop_end) if one.looping else (one.start_marker, one.end_marker)
        count = max(1, int(math.ceil((end - start) * steps)))
        width = (end - start) / count
        envelope = envelope_of(ctx, one, p)
        for i in range(count):
            x = ((i + 0.5) * width * cycles / (end - start)) % 1.0
            ctx.call(envelope, "insert_step", start + i * width, width, float(lo + (hi - lo) * shape_value(shape, x, RANDOM)))
        ctx.note("%s: %s from %s to %s over %s beats" % (_where(one, p), shape, _num(lo), _num(hi), _num(end - start)))
    return None


@action("envelope-value", "clip? param beat", family="clip", kinds=dict(KINDS, beat=Number("beat")),
        doc="The value the clip's envelope gives a parameter at a beat, or nil when it has no envelope for it.",
        example="(envelope-value (clip \"Bass A\") :volume 2)")
def envelope_value(ctx: ActionContext, param, beat, clip=None):
    one = ctx.clip(clip)
    envelope = ctx.call(one, "automation_envelope", clip_param(ctx, one, param))
    if envelope is None:
        return None
    return ctx.call(envelope, "value_at_time", float(beat))


@action("clear-envelope", "clip? param?", family="clip", kinds=KINDS,
        doc="Remove the clip's envelope for a parameter, or all its envelopes without one (ClyphX's ENVCLR).",
        example="(clear-envelope (clip \"Bass A\") :volume)")
def clear_envelope(ctx: ActionContext, clip=None, param=None):
    for one in ctx.clips(clip):
        track = one.canonical_parent.canonical_parent
        if param is None:
            ctx.call(one, "clear_all_envelopes")
            ctx.note('envelopes of clip "%s" on "%s" cleared' % (one.name, track.name))
        else:
            p = clip_param(ctx, one, param)
            ctx.call(one, "clear_envelope", p)
            ctx.note("%s cleared" % _where(one, p))
    return None


@action("show-envelope", "clip? param?", family="clip", kinds=KINDS,
        doc="Show the clip's envelope box in Live's clip view, on a parameter when given (ClyphX's ENVSHOW).",
        example="(show-envelope (clip \"Bass A\") :volume)")
def show_envelope(ctx: ActionContext, clip=None, param=None):
    one = ctx.clip(clip)
    if param is not None:
        ctx.call(one.view, "select_envelope_parameter", clip_param(ctx, one, param))
    ctx.call(one.view, "show_envelope")
    return None


@action("hide-envelope", "clip?", family="clip", kinds=KINDS, doc="Hide the clip's envelope box (ClyphX's ENVHIDE).",
        example="(hide-envelope (clip \"Bass A\"))")
def hide_envelope(ctx: ActionContext, clip=None):
    ctx.call(ctx.clip(clip).view, "hide_envelope")
    return None
