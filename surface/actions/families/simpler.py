"""Simpler actions (ClyphX Pro's SIMPLER ...): playback mode, slicing, voices, retrigger, and what
Live can do to the sample (reverse, crop, warp).

The Simpler is the first one on the focus track unless a Simpler or a track is given; a Drum
Rack's pads hold Simplers too: (simpler-mode (pad-simpler (track "Drums") "Kick") :one-shot).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from .drums import drum_rack, find_device, pads
from ...adapter import live_enum
from ...selectors import wrap
from ....interpreter.values import LmacError

if TYPE_CHECKING:
    from Live.SimplerDevice import SimplerDevice
    from ...context import ActionContext

SIMPLER_CLASS = "OriginalSimpler"
PLAYBACK_MODES = {"classic": 0, "one-shot": 1, "slicing": 2}
SLICING_MODES = {"mono": 0, "poly": 1, "thru": 2}


def simpler(ctx: ActionContext, what, sel=None) -> SimplerDevice:
    """The Simpler given, or the first one on the given (or focus) track."""
    device = find_device(ctx, what, sel, lambda d: d.class_name == SIMPLER_CLASS, "a Simpler")
    if device is None:
        A.fail(what, "found no Simpler on %s; give one: (%s (device \"Simpler\") ...)"
               % (", ".join('"%s"' % t.name for t in ctx.tracks(sel)), what))
    return device


def _with_sample(ctx: ActionContext, what, device):
    if device.sample is None:
        A.fail(what, "needs a sample in %s, and it is empty (drop a sample on it first)" % device.name)
    return device


def _target_and_value(what, args, example):
    args = list(args)
    if len(args) == 1:
        return None, args[0]
    if len(args) == 2:
        return args[0], args[1]
    raise LmacError("%s expects %s" % (what, example))


def _enum(ctx: ActionContext, what, device, attr, table, value):
    import Live
    enum = {"playback_mode": Live.SimplerDevice.PlaybackMode,
            "slicing_playback_mode": Live.SimplerDevice.SlicingPlaybackMode}[attr]
    number = A.choice(what, value, table, "a mode")
    ctx.write(device, attr, live_enum(enum, number))


@action("pad-simpler", "rack? pad", family="device",
        doc="The Simpler that plays a Drum Rack pad (for the Simpler actions).",
        example="(pad-simpler (track \"Drums\") \"Kick\")")
def pad_simpler(ctx: ActionContext, *given):
    args = list(given)
    if len(args) not in (1, 2):
        raise LmacError("pad-simpler expects a pad: (pad-simpler \"Kick\") or (pad-simpler (device 1) 36)")
    rack = drum_rack(ctx, "pad-simpler", args[0] if len(args) == 2 else None)
    for pad in pads(ctx, "pad-simpler", rack, args[-1]):
        for chain in pad.chains:
            for device in chain.devices:
                if device.class_name == SIMPLER_CLASS:
                    return wrap(device)
    A.fail("pad-simpler", "found no Simpler on pad %s of %s" % (args[-1], rack.name))


@action("simpler-mode", "simpler? mode", family="device",
        doc="Switch Simpler's playback mode: :classic, :one-shot or :slicing.",
        example="(simpler-mode (pad-simpler (track \"Drums\") \"Kick\") :one-shot)")
def simpler_mode(ctx: ActionContext, *args):
    sel, mode = _target_and_value("simpler-mode", args, "a mode: (simpler-mode :one-shot)")
    _enum(ctx, "simpler-mode", simpler(ctx, "simpler-mode", sel), "playback_mode", PLAYBACK_MODES, mode)
    return None


@action("slice-mode", "simpler? mode", family="device",
        doc="How Simpler plays slices in slicing mode: :mono, :poly or :thru.",
        example="(slice-mode (pad-simpler (track \"Drums\") \"Kick\") :poly)")
def slice_mode(ctx: ActionContext, *args):
    sel, mode = _target_and_value("slice-mode", args, "a mode: (slice-mode :poly)")
    _enum(ctx, "slice-mode", simpler(ctx, "slice-mode", sel), "slicing_playback_mode", SLICING_MODES, mode)
    return None


@action("simpler-voices", "simpler? n", family="device",
        doc="Set how many voices Simpler plays at once (1 to 32, from Live's list).",
        example="(simpler-voices (pad-simpler (track \"Drums\") \"Clap\") 8)")
def simpler_voices(ctx: ActionContext, *args):
    import Live
    sel, n = _target_and_value("simpler-voices", args, "a number of voices: (simpler-voices 8)")
    allowed = list(Live.SimplerDevice.get_available_voice_numbers())
    if not A.is_number(n) or int(n) != n or int(n) not in allowed:
        A.fail("simpler-voices", "expects a number of voices, one of %s; got %s"
               % (", ".join(str(v) for v in allowed), A.shown(n)))
    ctx.write(simpler(ctx, "simpler-voices", sel), "voices", int(n))
    return None


@action("simpler-retrigger", "simpler? on", family="device",
        doc="Switch Simpler's retrigger on or off (a note played again restarts its voice).",
        example="(simpler-retrigger (pad-simpler (track \"Drums\") \"Snare\") on)")
def simpler_retrigger(ctx: ActionContext, *args):
    sel, on = _target_and_value("simpler-retrigger", args, "on or off: (simpler-retrigger on)")
    ctx.write(simpler(ctx, "simpler-retrigger", sel), "retrigger", A.switch("simpler-retrigger", on))
    return None


def _sample_call(ctx: ActionContext, what, sel, method, words, *args):
    device = _with_sample(ctx, what, simpler(ctx, what, sel))
    ctx.call(device, method, *args)
    ctx.note(words.replace("SAMPLE", "the sample of " + simpler_label(device)))
    return None


def simpler_label(device):
    """'Simpler on "Drums"', or 'Simpler of pad "Snare 909" on "Drums"' inside a Drum Rack."""
    where = ""
    obj = device.canonical_parent
    if obj is not None and not hasattr(obj, "clip_slots"):
        where = ' of pad "%s"' % obj.name
    while obj is not None and not hasattr(obj, "clip_slots"):
        obj = obj.canonical_parent
    return '%s%s on "%s"' % (device.name, where, obj.name if obj is not None else "?")


@action("reverse-sample", "simpler?", family="device", doc="Reverse the sample in Simpler (ClyphX's SIMPLER REV).",
        example="(reverse-sample (pad-simpler (track \"Drums\") \"Snare\"))")
def reverse_sample(ctx: ActionContext, sel=None):
    return _sample_call(ctx, "reverse-sample", sel, "reverse", "reversed SAMPLE")


@action("crop-sample", "simpler?", family="device",
        doc="Crop Simpler's sample to the part between its start and end markers.",
        example="(crop-sample (pad-simpler (track \"Drums\") \"Ride\"))")
def crop_sample(ctx: ActionContext, sel=None):
    return _sample_call(ctx, "crop-sample", sel, "crop", "cropped SAMPLE")


@action("warp-sample", "simpler? beats", family="device",
        doc="Warp Simpler's sample so the part between its markers lasts the given beats.",
        example="(warp-sample (pad-simpler (track \"Drums\") \"Kick\") 4)")
def warp_sample(ctx: ActionContext, *args):
    sel, beats = _target_and_value("warp-sample", args, "a length in beats: (warp-sample 4)")
    A.positive("warp-sample", beats, "a length in beats above 0")
    return _sample_call(ctx, "warp-sample", sel, "warp_as", "warped SAMPLE to %g beats" % beats, float(beats))


@action("warp-double", "simpler?", family="device", doc="Double the tempo of Simpler's warped sample (:2 in Live).",
        example="(warp-double (pad-simpler (track \"Drums\") \"Kick\"))")
def warp_double(ctx: ActionContext, sel=None):
    device = _with_sample(ctx, "warp-double", simpler(ctx, "warp-double", sel))
    if not device.can_warp_double:
        A.fail("warp-double", "needs a warped sample: warp it first, (warp-sample 4)")
    return _sample_call(ctx, "warp-double", device, "warp_double", "doubled the tempo of SAMPLE")


@action("warp-half", "simpler?", family="device", doc="Halve the tempo of Simpler's warped sample (*2 in Live).",
        example="(warp-half (pad-simpler (track \"Drums\") \"Kick\"))")
def warp_half(ctx: ActionContext, sel=None):
    device = _with_sample(ctx, "warp-half", simpler(ctx, "warp-half", sel))
    if not device.can_warp_half:
        A.fail("warp-half", "needs a warped sample: warp it first, (warp-sample 4)")
    return _sample_call(ctx, "warp-half", device, "warp_half", "halved the tempo of SAMPLE")


@action("sample-name", "simpler?", family="device", doc="The file name of the sample in Simpler, or nil when empty.",
        example="(sample-name (pad-simpler (track \"Drums\") \"Kick\"))")
def sample_name(ctx: ActionContext, sel=None):
    sample = simpler(ctx, "sample-name", sel).sample
    if sample is None:
        return None
    return sample.file_path.replace("\\", "/").split("/")[-1]
