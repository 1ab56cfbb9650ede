"""Looper actions (ClyphX's LOOPER STOP|REC|PLAY|OVER|REV): Looper's buttons through its "State"
and "Reverse" parameters, which every Live version has, as ClyphX does; clearing, undo and the
loop length through the Looper's own LOM class (LooperDevice, Live 12.0.5+; lmac asks 12.1).

The Looper is the first one on the focus track unless a Looper or a track is given:
(looper (track "Vox") :play).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from .drums import find_device, track_names
from ..params import Choice, Target
from ....interpreter.values import Keyword

if TYPE_CHECKING:
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from ...context import ActionContext

LOOPER_CLASS = "Looper"
STATES = {"stop": 0, "record": 1, "play": 2, "overdub": 3}
STATE_WORDS = ("stop", "record", "play", "overdub")

LOOPER = Target("looper")
LOOPER.what = 'a Looper like (device "Looper") or a track like (track "Vox")'
KINDS = {"looper": LOOPER}


def find_looper(ctx: ActionContext, sel=None) -> Device:
    """The Looper given, or the first one on the given (or focus) track."""
    device = find_device(ctx, sel, lambda d: d.class_name == LOOPER_CLASS, "a Looper")
    if device is None:
        ctx.fail("found no Looper on %s" % track_names(ctx, sel), 'add one: (add-device "Looper")')
    return device


def _param(ctx: ActionContext, device, name) -> DeviceParameter:
    for p in device.parameters:
        if p.name == name:
            return p
    ctx.fail("found no %s parameter on %s" % (name, device.name))


@action("looper", "looper? state", family="device",
        kinds=dict(KINDS, state=Choice("Looper state", STATES)),
        doc="Press a Looper button: :record, :overdub, :play or :stop (ClyphX's LOOPER REC/OVER/PLAY/STOP).",
        example="(looper :record)")
def looper_button(ctx: ActionContext, state, looper=None):
    ctx.set_param(_param(ctx, find_looper(ctx, looper), "State"), float(state))
    return None


@action("looper-state", "looper?", family="device", kinds=KINDS,
        doc="What the Looper is doing: :stop, :record, :play or :overdub.",
        example="(looper-state)")
def looper_state(ctx: ActionContext, looper=None):
    value = int(round(_param(ctx, find_looper(ctx, looper), "State").value))
    return Keyword.of(STATE_WORDS[value]) if 0 <= value < len(STATE_WORDS) else value


@action("looper-reverse", "looper?", family="device", kinds=KINDS,
        doc="Switch the Looper's Reverse on if off, off if on (ClyphX's LOOPER REV).",
        example="(looper-reverse)")
def looper_reverse(ctx: ActionContext, looper=None):
    param = _param(ctx, find_looper(ctx, looper), "Reverse")
    ctx.set_param(param, param.min if param.value > param.min else param.max)
    return None


def _speed(ctx: ActionContext, sel, semitones):
    param = _param(ctx, find_looper(ctx, sel), "Speed")
    target = param.value + semitones
    if not param.min <= target <= param.max:
        ctx.fail("would take the Looper's speed to %+g semitones, outside %g..%g" % (target, param.min, param.max))
    ctx.set_param(param, target)
    return None


@action("looper-double-speed", "looper?", family="device", kinds=KINDS,
        doc="Play the Looper twice as fast (an octave up).",
        example="(looper-double-speed)")
def looper_double_speed(ctx: ActionContext, looper=None):
    return _speed(ctx, looper, 12.0)


@action("looper-half-speed", "looper?", family="device", kinds=KINDS,
        doc="Play the Looper half as fast (an octave down).",
        example="(looper-half-speed)")
def looper_half_speed(ctx: ActionContext, looper=None):
    return _speed(ctx, looper, -12.0)


def _looper_class(ctx: ActionContext, sel):
    ctx.require_live((12, 1))
    device = find_looper(ctx, sel)
    if not hasattr(device, "loop_length"):
        ctx.fail("needs the Looper of Live 12.1 or newer")
    return device


LOOPER_BUTTONS = [
    ("looper-clear", "clear", "Empty the Looper's buffer (its Clear button).", "(looper-clear)"),
    ("looper-undo", "undo", "Undo the Looper's last overdub.", "(looper-undo)"),
    ("looper-double-length", "double_length", "Double the Looper's loop (its *2 button).", "(looper-double-length)"),
    ("looper-half-length", "half_length", "Halve the Looper's loop (its :2 button).", "(looper-half-length)"),
]


def _looper_press(name, method, doc, example):
    @action(name, "looper?", family="device", min_live="12.1", kinds=KINDS, doc=doc, example=example)
    def press(ctx: ActionContext, looper=None):
        ctx.call(_looper_class(ctx, looper), method)
        return None
    return press


for _name, _method_name, _doc, _example in LOOPER_BUTTONS:
    _looper_press(_name, _method_name, _doc, _example)


@action("looper-length", "looper?", family="device", min_live="12.1", kinds=KINDS,
        doc="The length of the Looper's loop in beats (0 while empty).",
        example="(looper-length)")
def looper_length(ctx: ActionContext, looper=None):
    return _looper_class(ctx, looper).loop_length
