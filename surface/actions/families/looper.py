"""Looper actions (ClyphX's LOOPER STOP|REC|PLAY|OVER|REV): Looper's buttons through its "State"
and "Reverse" parameters, which every Live version has, as ClyphX does; clearing, undo and the
loop length through the Looper's own LOM class (LooperDevice, Live 12.0.5+; lmac asks 12.1).

The Looper is the first one on the focus track unless a Looper or a track is given:
(looper (track "Vox") :play).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from ....interpreter.values import Keyword, LmacError

if TYPE_CHECKING:
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from ...context import ActionContext

LOOPER_CLASS = "Looper"
STATES = {"stop": 0, "record": 1, "play": 2, "overdub": 3}
STATE_WORDS = ("stop", "record", "play", "overdub")


def looper(ctx: ActionContext, what, sel=None) -> Device:
    """The Looper given, or the first one on the given (or focus) track."""
    from .drums import find_device
    device = find_device(ctx, what, sel, lambda d: d.class_name == LOOPER_CLASS, "a Looper")
    if device is None:
        A.fail(what, "found no Looper on %s; add one: (add-device \"Looper\")"
               % ", ".join('"%s"' % t.name for t in ctx.tracks(sel)))
    return device


def _param(what, device, name) -> DeviceParameter:
    for p in device.parameters:
        if p.name == name:
            return p
    A.fail(what, "found no %s parameter on %s" % (name, device.name))


@action("looper", "looper? state", family="device",
        doc="Press a Looper button: :record, :overdub, :play or :stop (ClyphX's LOOPER REC/OVER/PLAY/STOP).",
        example="(looper :record)")
def looper_state_set(ctx: ActionContext, *given):
    args = list(given)
    if len(args) not in (1, 2):
        raise LmacError("looper expects a state: (looper :record), (looper (device \"Looper\") :play)")
    device = looper(ctx, "looper", args[0] if len(args) == 2 else None)
    state = A.choice("looper", args[-1], STATES, "a Looper state")
    ctx.set_param(_param("looper", device, "State"), float(state))
    return None


@action("looper-state", "looper?", family="device",
        doc="What the Looper is doing: :stop, :record, :play or :overdub.",
        example="(looper-state)")
def looper_state(ctx: ActionContext, sel=None):
    value = int(round(_param("looper-state", looper(ctx, "looper-state", sel), "State").value))
    return Keyword.of(STATE_WORDS[value]) if 0 <= value < len(STATE_WORDS) else value


@action("looper-reverse", "looper?", family="device",
        doc="Switch the Looper's Reverse on if off, off if on (ClyphX's LOOPER REV).",
        example="(looper-reverse)")
def looper_reverse(ctx: ActionContext, sel=None):
    param = _param("looper-reverse", looper(ctx, "looper-reverse", sel), "Reverse")
    ctx.set_param(param, param.min if param.value > param.min else param.max)
    return None


def _speed(ctx: ActionContext, what, sel, semitones):
    param = _param(what, looper(ctx, what, sel), "Speed")
    target = param.value + semitones
    if not param.min <= target <= param.max:
        A.fail(what, "would take the Looper's speed to %+g semitones, outside %g..%g"
               % (target, param.min, param.max))
    ctx.set_param(param, target)
    return None


@action("looper-double-speed", "looper?", family="device", doc="Play the Looper twice as fast (an octave up).",
        example="(looper-double-speed)")
def looper_double_speed(ctx: ActionContext, sel=None):
    return _speed(ctx, "looper-double-speed", sel, 12.0)


@action("looper-half-speed", "looper?", family="device", doc="Play the Looper half as fast (an octave down).",
        example="(looper-half-speed)")
def looper_half_speed(ctx: ActionContext, sel=None):
    return _speed(ctx, "looper-half-speed", sel, -12.0)


def _method(ctx: ActionContext, what, sel, method):
    ctx.require_live((12, 1))
    device = looper(ctx, what, sel)
    if not hasattr(device, method):
        A.fail(what, "needs the Looper of Live 12.1 or newer")
    ctx.call(device, method)
    return None


LOOPER_BUTTONS = [
    ("looper-clear", "clear", "Empty the Looper's buffer (its Clear button).", "(looper-clear)"),
    ("looper-undo", "undo", "Undo the Looper's last overdub.", "(looper-undo)"),
    ("looper-double-length", "double_length", "Double the Looper's loop (its *2 button).", "(looper-double-length)"),
    ("looper-half-length", "half_length", "Halve the Looper's loop (its :2 button).", "(looper-half-length)"),
]


def _looper_button(name, method, doc, example):
    @action(name, "looper?", family="device", min_live="12.1", doc=doc, example=example)
    def press(ctx: ActionContext, sel=None):
        return _method(ctx, name, sel, method)
    return press


for _name, _method_name, _doc, _example in LOOPER_BUTTONS:
    _looper_button(_name, _method_name, _doc, _example)


@action("looper-length", "looper?", family="device", min_live="12.1",
        doc="The length of the Looper's loop in beats (0 while empty).",
        example="(looper-length)")
def looper_length(ctx: ActionContext, sel=None):
    ctx.require_live((12, 1))
    device = looper(ctx, "looper-length", sel)
    if not hasattr(device, "loop_length"):
        A.fail("looper-length", "needs the Looper of Live 12.1 or newer")
    return device.loop_length
