"""Simpler actions (ClyphX Pro's SIMPLER ...): playback mode, slicing, voices, retrigger, and what
Live can do to the sample (reverse, crop, warp).

The Simpler is the first one on the focus track unless a Simpler or a track is given; a Drum
Rack's pads hold Simplers too: (simpler-mode (pad-simpler (track "Drums") "Kick") :one-shot).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from .drums import PAD_KINDS, drum_rack, find_device, pads, track_names
from ..params import Choice, Number, Target
from ...adapter import live_enum
from ...selectors import wrap

if TYPE_CHECKING:
    from Live.SimplerDevice import SimplerDevice
    from ...context import ActionContext

SIMPLER_CLASS = "OriginalSimpler"
PLAYBACK_MODES = {"classic": 0, "one-shot": 1, "slicing": 2}
SLICING_MODES = {"mono": 0, "poly": 1, "thru": 2}
VOICES = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32)   # Live.SimplerDevice.get_available_voice_numbers()

VOICE_COUNT = Choice("number of voices", {}, dict((v, v) for v in VOICES))
VOICE_COUNT.what = "1 to 8, 10, 12, 14, 16, 20, 24 or 32"
SIMPLER = Target("simpler")
SIMPLER.what = 'a Simpler like (pad-simpler "Kick") or a track like (track "Keys")'
KINDS = {"simpler": SIMPLER}


def find_simpler(ctx: ActionContext, sel=None) -> SimplerDevice:
    """The Simpler given, or the first one on the given (or focus) track."""
    device = find_device(ctx, sel, lambda d: d.class_name == SIMPLER_CLASS, "a Simpler")
    if device is None:
        ctx.fail("found no Simpler on %s" % track_names(ctx, sel),
                 'give one: (%s (device "Simpler") ...) or add one: (add-device "Simpler")' % ctx.action)
    return device  # type: ignore[return-value]  # its class_name says it is a SimplerDevice


def _with_sample(ctx: ActionContext, device):
    if device.sample is None:
        ctx.fail("%s holds no sample" % simpler_label(device), "drop a sample on it first")
    return device


def simpler_label(device):
    """'Simpler on "Drums"', or 'Simpler of pad "Snare 909" on "Drums"' inside a Drum Rack."""
    where = ""
    obj = device.canonical_parent
    if obj is not None and not hasattr(obj, "clip_slots"):
        where = ' of pad "%s"' % obj.name
    while obj is not None and not hasattr(obj, "clip_slots"):
        obj = obj.canonical_parent
    return '%s%s on "%s"' % (device.name, where, obj.name if obj is not None else "?")


@action("pad-simpler", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="The Simpler that plays a Drum Rack pad (for the Simpler actions).",
        example="(pad-simpler (track \"Drums\") \"Kick\")")
def pad_simpler(ctx: ActionContext, pad, rack=None):
    one = drum_rack(ctx, rack)
    for p in pads(ctx, one, pad):
        for chain in p.chains:
            for device in chain.devices:
                if device.class_name == SIMPLER_CLASS:
                    return wrap(device)
    ctx.fail("found no Simpler on pad %s of %s" % (pad, one.name))


def _enum(ctx: ActionContext, device, attr, number):
    import Live
    enum = {"playback_mode": Live.SimplerDevice.PlaybackMode,
            "slicing_playback_mode": Live.SimplerDevice.SlicingPlaybackMode}[attr]
    ctx.write(device, attr, live_enum(enum, number))


@action("simpler-mode", "simpler? mode", family="device",
        kinds=dict(KINDS, mode=Choice("playback mode", PLAYBACK_MODES)),
        doc="Switch Simpler's playback mode: :classic, :one-shot or :slicing.",
        example="(simpler-mode (pad-simpler (track \"Drums\") \"Kick\") :one-shot)")
def simpler_mode(ctx: ActionContext, mode, simpler=None):
    _enum(ctx, find_simpler(ctx, simpler), "playback_mode", mode)
    return None


@action("slice-mode", "simpler? mode", family="device",
        kinds=dict(KINDS, mode=Choice("slicing mode", SLICING_MODES)),
        doc="How Simpler plays slices in slicing mode: :mono, :poly or :thru.",
        example="(slice-mode (pad-simpler (track \"Drums\") \"Kick\") :poly)")
def slice_mode(ctx: ActionContext, mode, simpler=None):
    _enum(ctx, find_simpler(ctx, simpler), "slicing_playback_mode", mode)
    return None


@action("simpler-voices", "simpler? voices", family="device",
        kinds=dict(KINDS, voices=VOICE_COUNT),
        doc="Set how many voices Simpler plays at once (1 to 32, from Live's list).",
        example="(simpler-voices (pad-simpler (track \"Drums\") \"Clap\") 8)")
def simpler_voices(ctx: ActionContext, voices, simpler=None):
    ctx.write(find_simpler(ctx, simpler), "voices", int(voices))
    return None


@action("simpler-retrigger", "simpler? on", family="device", kinds=KINDS,
        doc="Switch Simpler's retrigger on or off (a note played again restarts its voice).",
        example="(simpler-retrigger (pad-simpler (track \"Drums\") \"Snare\") on)")
def simpler_retrigger(ctx: ActionContext, on, simpler=None):
    ctx.write(find_simpler(ctx, simpler), "retrigger", bool(on))
    return None


def _sample_call(ctx: ActionContext, device, method, words, *lom_args):
    _with_sample(ctx, device)
    ctx.call(device, method, *lom_args)
    ctx.note(words.replace("SAMPLE", "the sample of " + simpler_label(device)))
    return None


@action("reverse-sample", "simpler?", family="device", kinds=KINDS,
        doc="Reverse the sample in Simpler (ClyphX Pro's SIMPLER REV).",
        example="(reverse-sample (pad-simpler (track \"Drums\") \"Snare\"))")
def reverse_sample(ctx: ActionContext, simpler=None):
    return _sample_call(ctx, find_simpler(ctx, simpler), "reverse", "reversed SAMPLE")


@action("crop-sample", "simpler?", family="device", kinds=KINDS,
        doc="Crop Simpler's sample to the part between its start and end markers.",
        example="(crop-sample (pad-simpler (track \"Drums\") \"Ride\"))")
def crop_sample(ctx: ActionContext, simpler=None):
    return _sample_call(ctx, find_simpler(ctx, simpler), "crop", "cropped SAMPLE")


@action("warp-sample", "simpler? beats", family="device",
        kinds=dict(KINDS, beats=Number("length in beats", above=0.0)),
        doc="Warp Simpler's sample so the part between its markers lasts the given beats.",
        example="(warp-sample (pad-simpler (track \"Drums\") \"Kick\") 4)")
def warp_sample(ctx: ActionContext, beats, simpler=None):
    return _sample_call(ctx, find_simpler(ctx, simpler), "warp_as", "warped SAMPLE to %g beats" % beats, float(beats))


def _rewarp(ctx: ActionContext, sel, method, words):
    device = _with_sample(ctx, find_simpler(ctx, sel))
    if not getattr(device, "can_" + method):
        ctx.fail("the sample of %s is not warped" % simpler_label(device), "warp it first: (warp-sample 4)")
    return _sample_call(ctx, device, method, words)


@action("warp-double", "simpler?", family="device", kinds=KINDS,
        doc="Double the tempo of Simpler's warped sample (:2 in Live).",
        example="(warp-double (pad-simpler (track \"Drums\") \"Kick\"))")
def warp_double(ctx: ActionContext, simpler=None):
    return _rewarp(ctx, simpler, "warp_double", "doubled the tempo of SAMPLE")


@action("warp-half", "simpler?", family="device", kinds=KINDS,
        doc="Halve the tempo of Simpler's warped sample (*2 in Live).",
        example="(warp-half (pad-simpler (track \"Drums\") \"Kick\"))")
def warp_half(ctx: ActionContext, simpler=None):
    return _rewarp(ctx, simpler, "warp_half", "halved the tempo of SAMPLE")


@action("sample-name", "simpler?", family="device", kinds=KINDS,
        doc="The file name of the sample in Simpler, or nil when empty.",
        example="(sample-name (pad-simpler (track \"Drums\") \"Kick\"))")
def sample_name(ctx: ActionContext, simpler=None):
    sample = find_simpler(ctx, simpler).sample
    if sample is None:
        return None
    return sample.file_path.replace("\\", "/").split("/")[-1]
