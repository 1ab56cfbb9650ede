"""The trigger words in the action registry (family "binding"), so the reference docs and the
REPL completion list them. They are pure: (note 36) only describes a pad. The declaring forms
(bind, led, layer, map-param, defsurface) are macros in stdlib_macros/bindings.lmac and document
themselves there."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actions.registry import action
from . import triggers

if TYPE_CHECKING:
    from ..context import ActionContext


@action("note", "number options*", family="binding", example="(bind (note 36 :ch 10) (play))",
        doc="A pad or key: (note 36), (note 36 :ch 10), (note 36 :ch :any). Without :ch, the surface's "
            "channel (1 unless a defsurface says otherwise).")
def note(ctx: ActionContext, *args):
    return triggers.note(*args)


@action("cc", "number options*", family="binding", example="(bind (cc 21) (fn (v) (volume (track 1) v)))",
        doc="A knob, fader or encoder. Absolute by default (v from 0 to 1); encoders: :relative (2's "
            "complement), :relative-signed-bit, :relative-signed-bit-2, :relative-binary-offset "
            "(d is clicks/127, the raw clicks come as a second argument).")
def cc(ctx: ActionContext, *args):
    return triggers.cc(*args)


@action("pitch-bend", "options*", family="binding", example="(bind (pitch-bend) (fn (b) (pan (track 1) b)))",
        doc="The pitch-bend wheel, from -1 to 1 (0 in the middle): (pitch-bend), (pitch-bend :ch 2).")
def pitch_bend(ctx: ActionContext, *args):
    return triggers.pitch_bend(*args)


@action("pads", "notes*", family="binding", example="(bind (pads 36 37 38) (launch-scene 1))",
        doc="Pads pressed in this order, each within 1000 ms of the previous (:within ms to change).")
def pads(ctx: ActionContext, *args):
    return triggers.pads(*args)


@action("chord", "notes*", family="binding", example="(bind (chord (note 36) (note 40)) (stop-all-clips))",
        doc="Pads held down together; runs when the last one goes down.")
def chord(ctx: ActionContext, *args):
    return triggers.chord(*args)
