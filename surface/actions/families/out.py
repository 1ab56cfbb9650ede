"""Out: messages on Live's status bar, lines in Log.txt, and MIDI sent to the script's output port.

Channels are 1..16 as musicians count them (0..15 on the wire).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from ..params import Items, Number
from . import _args as A
from ....interpreter.builtins import str_

if TYPE_CHECKING:
    from ...context import ActionContext


def _text(args):
    return " ".join(str_(a) for a in args)


@action("message", "text*", family="out", doc="Show a message on Live's status bar.",
        example="(message \"Drop in 4 bars!\")")
def message(ctx: ActionContext, text):
    text = _text(text)
    ctx.live.show(text)
    ctx.note("message: " + text)
    return None


@action("log", "values*", family="out", doc="Write a line to Live's Log.txt, starting with \"lmac:\".",
        example="(log \"tempo is\" (tempo))")
def log(ctx: ActionContext, values):
    text = _text(values)
    ctx.live.log("lmac: " + text)
    return None


def midi_sender(ctx: ActionContext, what):
    """The script's send_midi (c_instance.send_midi), set on the LiveWorld by the remote script."""
    send = getattr(ctx.live, "send_midi", None)
    if send is None:
        A.fail(what, "has no MIDI output here (lmac is not running as Live's control surface)")
    return send


def check_message(what, data):
    """A MIDI message as a tuple of ints 0..255, status byte first (sysex F0 .. F7 whole)."""
    if not isinstance(data, (list, tuple)):
        A.fail(what, "the bytes must be a vector of MIDI bytes like [144 60 100], got %s" % A.shown(data))
    data = list(data)
    if not data:
        A.fail(what, "expects at least one MIDI byte, like [144 60 100]")
    for b in data:
        if not A.is_number(b) or int(b) != b or not 0 <= b <= 255:
            A.fail(what, "expects MIDI bytes from 0 to 255, got %s" % A.shown(b))
    data = tuple(int(b) for b in data)
    if data[0] < 128:
        A.fail(what, "expects a status byte (128..255) first, got %d" % data[0])
    for b in data[1:]:
        if b >= 128 and not (data[0] == 0xF0 and b == 0xF7):
            A.fail(what, "expects data bytes from 0 to 127 after the status byte, got %d" % b)
    if data[0] == 0xF0 and data[-1] != 0xF7:
        A.fail(what, "expects a SysEx message to end with 247 (F7)")
    if data[0] != 0xF0:
        # One channel or system message per call: Live's send_midi takes exactly one.
        want = MESSAGE_LENGTH.get(data[0] & 0xF0 if data[0] < 0xF0 else data[0])
        if want is not None and len(data) != want:
            A.fail(what, "expects one message of %d bytes for status %d, got %d bytes"
                   % (want, data[0], len(data)))
    return data


# Bytes in a whole message, by status (channel messages by their high nibble).
MESSAGE_LENGTH = {0x80: 3, 0x90: 3, 0xA0: 3, 0xB0: 3, 0xC0: 2, 0xD0: 2, 0xE0: 3,
                  0xF1: 2, 0xF2: 3, 0xF3: 2, 0xF6: 1, 0xF8: 1, 0xFA: 1, 0xFB: 1, 0xFC: 1, 0xFE: 1, 0xFF: 1}


def send(ctx: ActionContext, what, data):
    msg = check_message(what, data)
    midi_sender(ctx, what)(msg)
    ctx.note("%s %s" % (what, " ".join(str(b) for b in msg)))
    return None


SEVEN_BIT = dict((name, Number(name, 0, 127, integer=True)) for name in
                 ("controller number", "value", "note number", "velocity", "program number"))


@action("send-midi", "bytes", family="out", kinds={"bytes": Items("bytes", "[176 7 100]")},
        doc="Send raw MIDI bytes out of lmac's MIDI output: a vector, status byte first (SysEx whole).",
        example="(send-midi [176 7 100])")
def send_midi(ctx: ActionContext, bytes):
    return send(ctx, "send-midi", bytes)


@action("send-cc", "channel cc value", family="out", doc="Send a control change (channel 1..16).",
        kinds={"cc": SEVEN_BIT["controller number"], "value": SEVEN_BIT["value"]},
        example="(send-cc 1 74 127)")
def send_cc(ctx: ActionContext, channel, cc, value):
    return send(ctx, "send-cc", [0xB0 | (channel - 1), cc, value])


@action("send-note", "channel note velocity", family="out",
        kinds={"note": SEVEN_BIT["note number"], "velocity": SEVEN_BIT["velocity"]},
        doc="Send a note on (velocity 0 is a note off), channel 1..16.",
        example="(send-note 10 36 127)")
def send_note(ctx: ActionContext, channel, note, velocity):
    return send(ctx, "send-note", [0x90 | (channel - 1), note, velocity])


@action("send-note-off", "channel note", family="out", doc="Send a note off, channel 1..16.",
        kinds={"note": SEVEN_BIT["note number"]},
        example="(send-note-off 10 36)")
def send_note_off(ctx: ActionContext, channel, note):
    return send(ctx, "send-note-off", [0x80 | (channel - 1), note, 0])


@action("send-program", "channel program", family="out",
        kinds={"program": SEVEN_BIT["program number"]},
        doc="Send a program change (program 0..127), channel 1..16.",
        example="(send-program 1 12)")
def send_program(ctx: ActionContext, channel, program):
    return send(ctx, "send-program", [0xC0 | (channel - 1), program])
