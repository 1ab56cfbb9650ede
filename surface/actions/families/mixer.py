"""Mixer actions: volume, pan, sends, crossfader and friends.

Levels go through ctx.set_param, so every value form works: a number in the parameter's range,
(by d), (random lo hi), :reset, (ramp v :bars n) / (ramp v :ms n). Without a value the action
answers the current value: (volume (track 1)) is 0.85.
"""
from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from ..registry import action
from ...adapter import live_enum
from . import _args as A
from ....interpreter.values import Keyword, List
from ...value_forms import Glide

if TYPE_CHECKING:
    from ...context import ActionContext

from ..params import MISSING, Choice, Custom, Level, Bad, is_number


def set_level(ctx: ActionContext, param, value):
    """Set a parameter through the value forms (the spec has checked plain numbers)."""
    return ctx.set_param(param, value)



_VOLUME, _PANNING = attrgetter("volume"), attrgetter("panning")   # of a track's mixer_device


def _mixer_param_action(ctx: ActionContext, target, value, pick):
    tracks = ctx.tracks(target)
    if value is MISSING:
        return pick(tracks[0].mixer_device).value if tracks else None
    if len(tracks) == 1:    # one track (the for-each focus, say): its value, or its glide
        return ctx.set_param(pick(tracks[0].mixer_device), value)
    results = [set_level(ctx, pick(track.mixer_device), value) for track in tracks]
    if len(results) > 1 and all(isinstance(r, Glide) for r in results):
        return List(results)      # (volume all (ramp ...)): wait-for and par wait for every glide
    return results[-1] if results else None


@action("volume", "target? level?", family="mixer",
        doc="Set a track's volume fader (0.0 silent .. 0.85 is 0 dB .. 1.0 is +6 dB), or in decibels with "
            "(db -6); any value form works. Without a level, answers the current one.",
        example="(volume (track \"Bass\") (ramp 0.5 :bars 4))")
def volume(ctx: ActionContext, target=None, level=MISSING):
    return _mixer_param_action(ctx, target, level, _VOLUME)


@action("pan", "target? position?", family="mixer",
        doc="Set a track's pan: -1.0 hard left, 0 centre, 1.0 hard right.",
        example="(pan (track 2) -0.3)")
def pan(ctx: ActionContext, target=None, position=MISSING):
    return _mixer_param_action(ctx, target, position, _PANNING)


def send_index(ctx: ActionContext, name, which):
    """The index of a send from a return letter ("A", :b), a 1-based number or a return name."""
    returns = list(ctx.song.return_tracks)
    if A.is_number(which):
        index = int(which) - 1
    else:
        index = _return_by_label(returns, which)
    if not 0 <= index < len(returns):
        A.fail(name, "there is no send %s" % _quoted(which),
               "the set has %d return track%s: %s" % (len(returns), "" if len(returns) == 1 else "s",
                                                     ", ".join(r.name for r in returns) or "none"))
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


def _send_word(v):
    if is_number(v) and int(v) == v and not isinstance(v, bool):
        return int(v)
    if isinstance(v, str):
        return v
    if type(v) in (Keyword,):
        return v.name
    raise Bad('the send must be a return letter like "A", a number or a return name, got %s'
              % A.shown(v))


SEND = Custom("send", 'a return letter like "A", a number or a return name', _send_word,
              fits=lambda v: isinstance(v, str) or type(v) is Keyword)


@action("send", "target? send level?", family="mixer", kinds={"send": SEND, "level": Level(0.0, 1.0, "send level")},
        doc="Set a track's send to a return track, by return letter (\"A\"), number or return name.",
        example="(send (track \"Vox\") \"A\" 0.4)")
def send(ctx: ActionContext, send, target=None, level=MISSING):
    index = send_index(ctx, "send", send)
    tracks = ctx.tracks(target)
    result = None
    for track in tracks:
        sends = list(track.mixer_device.sends)
        if index >= len(sends):
            ctx.fail("%s has no send %s" % (track.name, _quoted(send)))
        if level is MISSING:
            return sends[index].value
        result = set_level(ctx, sends[index], level)
    return result


CROSSFADE = {"a": 0, "none": 1, "off": 1, "b": 2}


@action("crossfade-assign", "target? side", family="mixer",
        kinds={"side": Choice("crossfader side", CROSSFADE)},
        doc="Put a track on side :a or :b of the crossfader, or :none.",
        example="(crossfade-assign (track \"Keys\") :a)")
def crossfade_assign(ctx: ActionContext, side, target=None):
    import Live
    value = live_enum(Live.MixerDevice.MixerDevice.crossfade_assignments, side)
    for track in ctx.tracks(target):
        ctx.write(track.mixer_device, "crossfade_assign", value)
    return None


def _main_param(ctx: ActionContext, attr):
    return getattr(ctx.song.master_track.mixer_device, attr)


@action("crossfader", "position?", family="mixer", kinds={"position": Level(-1.0, 1.0, "crossfader position")},
        doc="Move the main crossfader: -1.0 full A, 0 centre, 1.0 full B. Without a value, answers it.",
        example="(crossfader (ramp 1.0 :bars 8))")
def crossfader(ctx: ActionContext, position=MISSING):
    param = _main_param(ctx, "crossfader")
    if position is MISSING:
        return param.value
    return set_level(ctx, param, position)


@action("cue-volume", "level?", family="mixer",
        doc="Set the preview (cue) volume on the main track, 0.0 .. 1.0.",
        example="(cue-volume 0.7)")
def cue_volume(ctx: ActionContext, level=MISSING):
    param = _main_param(ctx, "cue_volume")
    if level is MISSING:
        return param.value
    return set_level(ctx, param, level)


PANNING_MODES = {"stereo": 0, "split": 1, "split-stereo": 1}


@action("panning-mode", "target? mode", family="mixer", kinds={"mode": Choice("panning mode", PANNING_MODES)},
        doc="Switch a track's pan knob between :stereo and :split (two knobs, left and right).",
        example="(panning-mode (track 1) :split)")
def panning_mode(ctx: ActionContext, mode, target=None):
    value = _panning_mode(mode)
    for track in ctx.tracks(target):
        ctx.write(track.mixer_device, "panning_mode", value)
    return None


def _panning_mode(n):
    import Live
    return live_enum(Live.MixerDevice.MixerDevice.panning_modes, n)


@action("split-pan", "target? left right", family="mixer",
        doc="Split-stereo pan: place the left and right channels separately (-1.0 .. 1.0 each).",
        example="(split-pan (track \"Keys\") -1.0 0.2)")
def split_pan(ctx: ActionContext, left, right, target=None):
    for track in ctx.tracks(target):
        mixer = track.mixer_device
        ctx.write(mixer, "panning_mode", _panning_mode(1))
        set_level(ctx, mixer.left_split_stereo, left)
        set_level(ctx, mixer.right_split_stereo, right)
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
            ctx.write(mixer, "panning_mode", _panning_mode(0))
    return None
