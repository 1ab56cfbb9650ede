"""Mixer actions: volume, pan, sends, crossfader and friends.

Levels go through ctx.set_param, so every value form works: a number in the parameter's range,
(by d), (random lo hi), :reset, (ramp v :bars n) / (ramp v :ms n). Without a value the action
answers the current value: (volume (track 1)) is 0.85.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from ...adapter import live_enum
from . import _args as A
from ...value_forms import By, Ramp
from ....interpreter.values import Keyword, LmacError

if TYPE_CHECKING:
    from ...context import ActionContext

MISSING = object()


def looks_like_value(x):
    """Is x a value form (and not a selector)? Numbers, keywords like :reset and the value-form
    objects (by/ramp/random) built by surface/value_forms.py."""
    return A.is_number(x) or type(x) is Keyword or isinstance(x, (By, Ramp))


def target_and_value(args):
    """(T v) -> (T, v); (v) -> (focus, v); (T) -> (T, MISSING); () -> (focus, MISSING)."""
    if len(args) >= 2:
        return args[0], args[1]
    if len(args) == 1:
        return (None, args[0]) if looks_like_value(args[0]) else (args[0], MISSING)
    return None, MISSING


def set_level(ctx: ActionContext, name, param, value, lo, hi, what):
    """Set a parameter through the value forms, checking plain numbers ourselves so the error
    speaks the musician's language."""
    if A.is_number(value):
        A.in_range(name, value, lo, hi, what)
    elif value is None:
        A.fail(name, "expects %s between %s and %s, got nil" % (what, lo, hi))
    return ctx.set_param(param, value)


def _mixer_param_action(ctx: ActionContext, name, args, pick, lo, hi, what):
    target, value = target_and_value(args)
    tracks = ctx.tracks(target)
    if value is MISSING:
        return pick(tracks[0].mixer_device).value if tracks else None
    result = None
    for track in tracks:
        result = set_level(ctx, name, pick(track.mixer_device), value, lo, hi, what)
    return result


@action("volume", "target? level?", family="mixer",
        doc="Set a track's volume fader (0.0 silent .. 0.85 is 0 dB .. 1.0 is +6 dB); any value form works. "
            "Without a level, answers the current one.",
        example="(volume (track \"Bass\") (ramp 0.5 :bars 4))")
def volume(ctx: ActionContext, *args):
    return _mixer_param_action(ctx, "volume", args, lambda m: m.volume, 0.0, 1.0, "a level")


@action("pan", "target? position?", family="mixer",
        doc="Set a track's pan: -1.0 hard left, 0 centre, 1.0 hard right.",
        example="(pan (track 2) -0.3)")
def pan(ctx: ActionContext, *args):
    return _mixer_param_action(ctx, "pan", args, lambda m: m.panning, -1.0, 1.0, "a pan position")


def send_index(ctx: ActionContext, name, which):
    """The index of a send from a return letter ("A", :b), a 1-based number or a return name."""
    returns = list(ctx.song.return_tracks)
    if A.is_number(which):
        index = A.integer(name, which, "a send number") - 1
    else:
        label = A.text(name, which, "a send: a return letter like \"A\", a number or a return name")
        index = _return_by_label(returns, label)
    if not 0 <= index < len(returns):
        A.fail(name, "found no send %s (the set has %d return track%s)"
               % (_quoted(which), len(returns), "" if len(returns) == 1 else "s"))
    return index


def _return_by_label(returns, label):
    low = label.lower()
    if len(label) == 1 and label.isalpha():
        return ord(low) - ord("a")
    names = [r.name.lower() for r in returns]
    for i, n in enumerate(names):
        if n == low:
            return i
    for i, n in enumerate(names):  # "Reverb" matches "A Reverb" / "A-Reverb"
        if n[2:] == low or low in n:
            return i
    return -1


def _quoted(x):
    return '"%s"' % x if isinstance(x, str) else str(x)


@action("send", "target? send level?", family="mixer",
        doc="Set a track's send to a return track, by return letter (\"A\"), number or return name.",
        example="(send (track \"Vox\") \"A\" 0.4)")
def send(ctx: ActionContext, *given):
    args = list(given)
    if len(args) == 3:
        target, which, value = args
    elif len(args) == 2:
        # (send "A" 0.4) on the focus, or (send T "A") asking the level
        if looks_like_value(args[1]):
            target, which, value = None, args[0], args[1]
        else:
            target, which, value = args[0], args[1], MISSING
    elif len(args) == 1:
        target, which, value = None, args[0], MISSING
    else:
        raise LmacError("send expects a send (\"A\") and a level: (send (track 1) \"A\" 0.5)")
    index = send_index(ctx, "send", which)
    tracks = ctx.tracks(target)
    result = None
    for track in tracks:
        sends = list(track.mixer_device.sends)
        if index >= len(sends):
            A.fail("send", "found no send %s on %s" % (_quoted(which), track.name))
        if value is MISSING:
            return sends[index].value
        result = set_level(ctx, "send", sends[index], value, 0.0, 1.0, "a send level")
    return result


CROSSFADE = {"a": 0, "none": 1, "off": 1, "b": 2}


@action("crossfade-assign", "target? side", family="mixer",
        doc="Put a track on side :a or :b of the crossfader, or :none.",
        example="(crossfade-assign (track \"Keys\") :a)")
def crossfade_assign(ctx: ActionContext, *args):
    if not args or len(args) > 2:
        raise LmacError("crossfade-assign expects a side :a, :b or :none: (crossfade-assign (track 1) :a)")
    target, side = (None, args[0]) if len(args) == 1 else args
    import Live
    value = live_enum(Live.MixerDevice.MixerDevice.crossfade_assignments,
                      A.choice("crossfade-assign", side, CROSSFADE, "a crossfader side"))
    for track in ctx.tracks(target):
        ctx.write(track.mixer_device, "crossfade_assign", value, "crossfade-assign")
    return None


def _main_param(ctx: ActionContext, attr):
    return getattr(ctx.song.master_track.mixer_device, attr)


@action("crossfader", "position?", family="mixer",
        doc="Move the main crossfader: -1.0 full A, 0 centre, 1.0 full B. Without a value, answers it.",
        example="(crossfader (ramp 1.0 :bars 8))")
def crossfader(ctx: ActionContext, value=MISSING):
    param = _main_param(ctx, "crossfader")
    if value is MISSING:
        return param.value
    return set_level(ctx, "crossfader", param, value, -1.0, 1.0, "a crossfader position")


@action("cue-volume", "level?", family="mixer",
        doc="Set the preview (cue) volume on the main track, 0.0 .. 1.0.",
        example="(cue-volume 0.7)")
def cue_volume(ctx: ActionContext, value=MISSING):
    param = _main_param(ctx, "cue_volume")
    if value is MISSING:
        return param.value
    return set_level(ctx, "cue-volume", param, value, 0.0, 1.0, "a level")


PANNING_MODES = {"stereo": 0, "split": 1, "split-stereo": 1}


@action("panning-mode", "target? mode", family="mixer",
        doc="Switch a track's pan knob between :stereo and :split (two knobs, left and right).",
        example="(panning-mode (track 1) :split)")
def panning_mode(ctx: ActionContext, *args):
    if not args or len(args) > 2:
        raise LmacError("panning-mode expects :stereo or :split: (panning-mode (track 1) :split)")
    target, mode = (None, args[0]) if len(args) == 1 else args
    value = _panning_mode(A.choice("panning-mode", mode, PANNING_MODES, "a panning mode"))
    for track in ctx.tracks(target):
        ctx.write(track.mixer_device, "panning_mode", value, "panning-mode")
    return None


def _panning_mode(n):
    import Live
    return live_enum(Live.MixerDevice.MixerDevice.panning_modes, n)


@action("split-pan", "target? left right", family="mixer",
        doc="Split-stereo pan: place the left and right channels separately (-1.0 .. 1.0 each).",
        example="(split-pan (track \"Keys\") -1.0 0.2)")
def split_pan(ctx: ActionContext, *args):
    if len(args) == 2:
        target, left, right = None, args[0], args[1]
    elif len(args) == 3:
        target, left, right = args
    else:
        raise LmacError("split-pan expects a left and a right position: (split-pan (track 1) -1.0 1.0)")
    for track in ctx.tracks(target):
        mixer = track.mixer_device
        ctx.write(mixer, "panning_mode", _panning_mode(1), "split-pan")
        set_level(ctx, "split-pan", mixer.left_split_stereo, left, -1.0, 1.0, "a pan position")
        set_level(ctx, "split-pan", mixer.right_split_stereo, right, -1.0, 1.0, "a pan position")
    return None


@action("mute-sends", "target?", family="mixer",
        doc="Turn every send of the track(s) all the way down.",
        example="(mute-sends (track \"Vox\"))")
def mute_sends(ctx: ActionContext, target=None):
    for track in ctx.tracks(target):
        for s in track.mixer_device.sends:
            ctx.set_param(s, 0.0)
    return None


@action("reset-mixer", "target?", family="mixer",
        doc="Put the track(s) back to 0 dB, centre pan, sends down and stereo panning.",
        example="(reset-mixer all)")
def reset_mixer(ctx: ActionContext, target=None):
    for track in ctx.tracks(target):
        mixer = track.mixer_device
        ctx.set_param(mixer.volume, Keyword.of("reset"))
        ctx.set_param(mixer.panning, 0.0)
        for s in mixer.sends:
            ctx.set_param(s, 0.0)
        if mixer.panning_mode != 0:
            ctx.write(mixer, "panning_mode", _panning_mode(0), "reset-mixer")
    return None
