"""The trigger words in the action registry (family "binding"), so the reference docs and the
REPL completion list them. They are pure: (note 36) only describes a pad. The declaring forms
(bind, led, layer, map-param, defsurface) are macros in stdlib_macros/bindings.lmac and document
themselves there."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...interpreter import friend
from ...interpreter.values import Keyword, LmacError
from ..actions.params import Bad, Custom, Flag, Number
from ..actions.registry import action
from ..midi import RELATIVE_MODES
from . import triggers

if TYPE_CHECKING:
    from ..context import ActionContext


def _channel(v):
    if type(v) is Keyword and v.name in ("any", "all"):
        return triggers.ANY
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 16:
        raise Bad("the channel must be a MIDI channel 1..16 or :any, got %s" % friend.shown(v))
    return v - 1


CHANNEL = ((":ch", Custom("channel", "a MIDI channel 1..16 or :any", _channel, values=["any"])),)


def _note_item(v):
    if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 127:
        return triggers.Trigger("note", v, None)
    if isinstance(v, triggers.Trigger) and v.kind == "note":
        return v
    raise Bad("the notes must be note numbers 0..127 or (note n) forms, got %s" % friend.shown(v))


NOTES = Custom("notes", "note numbers 0..127 or (note n) forms", _note_item)


def _two_or_more(form, notes):
    if len(notes) < 2:
        raise LmacError(friend.message(form, "needs at least two notes, got %d" % len(notes),
                                       "usage: (%s 36 37 38)" % form))
    return notes


@action("note", "number", family="binding", options=CHANNEL,
        kinds={"number": Number("note number", 0, 127, integer=True)},
        example="(bind (note 36 :ch 10) (play))",
        doc="A pad or key: (note 36), (note 36 :ch 10), (note 36 :ch :any). Without :ch, the surface's "
            "channel (1 unless a defsurface says otherwise).")
def note(ctx: ActionContext, number, ch=None):
    return triggers.Trigger("note", number, ch)


MODES = tuple((":" + m, Flag()) for m in sorted(RELATIVE_MODES))


@action("cc", "number", family="binding", options=CHANNEL + MODES,
        kinds={"number": Number("controller number", 0, 127, integer=True)},
        example="(bind (cc 21) (fn (v) (volume (track 1) v)))",
        doc="A knob, fader or encoder. Absolute by default (v from 0 to 1); encoders: :relative (2's "
            "complement), :relative-signed-bit, :relative-signed-bit-2, :relative-binary-offset "
            "(d is clicks/127, the raw clicks come as a second argument).")
def cc(ctx: ActionContext, number, ch=None, relative=False, relative_binary_offset=False,
       relative_signed_bit=False, relative_signed_bit_2=False):
    chosen = [m for m, on in (("relative", relative), ("relative-binary-offset", relative_binary_offset),
                              ("relative-signed-bit", relative_signed_bit),
                              ("relative-signed-bit-2", relative_signed_bit_2)) if on]
    if len(chosen) > 1:
        raise LmacError(friend.message("cc", "choose one encoder mode, got %s" % " ".join(":" + m for m in chosen),
                                       "keep the one your controller sends"))
    return triggers.Trigger("cc", number, ch, chosen[0] if chosen else "absolute")


@action("pitch-bend", "", family="binding", options=CHANNEL,
        example="(bind (pitch-bend) (fn (b) (pan (track 1) b)))",
        doc="The pitch-bend wheel, from -1 to 1 (0 in the middle): (pitch-bend), (pitch-bend :ch 2).")
def pitch_bend(ctx: ActionContext, ch=None):
    return triggers.Trigger("pitch-bend", None, ch)


@action("pads", "notes*", family="binding", kinds={"notes": NOTES},
        options=((":within", Number("time window in ms", above=0)),),
        example="(bind (pads 36 37 38) (launch-scene 1))",
        doc="Pads pressed in this order, each within 1000 ms of the previous (:within ms to change).")
def pads(ctx: ActionContext, notes, within=1000):
    return triggers.Sequence(_two_or_more("pads", notes), within)


@action("chord", "notes*", family="binding", kinds={"notes": NOTES},
        example="(bind (chord (note 36) (note 40)) (stop-all-clips))",
        doc="Pads held down together; runs when the last one goes down.")
def chord(ctx: ActionContext, notes):
    return triggers.Chord(_two_or_more("chord", notes))


def through_spec(name):
    """The trigger word as a plain builtin (bindings read them before any Live action context)."""
    from ..actions.registry import REGISTRY
    act = REGISTRY[name]

    def build(*args):
        return act.call(None, args)
    build.__doc__ = act.doc
    return build
