"""MIDI messages as lmac sees them: parse Live's byte tuples, build feedback messages, decode
relative encoders, and read `--midi "T:BYTES"` arguments.

Channels are 0..15 on the wire and in Live.MidiMap; lmac users write 1..16 (`:ch 10`).
"""
from __future__ import annotations

NOTE_ON, NOTE_OFF, CC, PITCH_BEND, SYSEX, OTHER = "note-on", "note-off", "cc", "pitch-bend", "sysex", "other"

# Relative encoder modes: lmac keyword -> Live.MidiMap.MapMode value (used by map-param too).
RELATIVE_MODES = {
    "relative": 3,                  # "Relative (2's comp.)": 1..63 up, 127..65 down
    "relative-signed-bit": 1,       # bit 6 is the sign: 1..63 up, 65..127 down
    "relative-binary-offset": 2,    # 64 is zero: 65.. up, ..63 down
    "relative-signed-bit-2": 4,     # bit 6 set means up: 65.. up, 1..63 down
}
ABSOLUTE = 0
# lmac mode -> the Live.MidiMap.MapMode member map-param passes to map_midi_cc
MAP_MODE_NAMES = {
    "absolute": "absolute",
    "relative": "relative_two_compliment",
    "relative-signed-bit": "relative_signed_bit",
    "relative-binary-offset": "relative_binary_offset",
    "relative-signed-bit-2": "relative_signed_bit2",
}


class Message(object):
    """One incoming message: kind, channel (0..15), number (note/cc, None for pitch bend), value
    (velocity / cc value / 14-bit bend)."""

    __slots__ = ("kind", "channel", "number", "value", "raw")

    def __init__(self, kind, channel, number, value, raw):
        self.kind = kind
        self.channel = channel
        self.number = number
        self.value = value
        self.raw = raw

    @property
    def key(self):
        """What a binding is keyed on: (note|cc|pitch-bend, channel, number)."""
        kind = "note" if self.kind in (NOTE_ON, NOTE_OFF) else self.kind
        return (kind, self.channel, self.number)

    def __repr__(self):
        return "Message(%s ch%d %r %r)" % (self.kind, self.channel + 1, self.number, self.value)


def parse(midi_bytes):
    """Live's tuple of ints -> Message. A note-on with velocity 0 is a note-off."""
    data = tuple(midi_bytes)
    if not data:
        return Message(OTHER, 0, None, None, data)
    status = data[0]
    if status == 0xF0:
        return Message(SYSEX, 0, None, None, data)
    kind, channel = status & 0xF0, status & 0x0F
    d1 = data[1] if len(data) > 1 else 0
    d2 = data[2] if len(data) > 2 else 0
    if kind == 0x90:
        return Message(NOTE_ON if d2 > 0 else NOTE_OFF, channel, d1, d2, data)
    if kind == 0x80:
        return Message(NOTE_OFF, channel, d1, d2, data)
    if kind == 0xB0:
        return Message(CC, channel, d1, d2, data)
    if kind == 0xE0:
        return Message(PITCH_BEND, channel, None, d1 + (d2 << 7), data)
    return Message(OTHER, channel, d1, d2, data)


def note_on(channel, note, velocity):
    return (0x90 | (channel & 0x0F), note & 0x7F, max(0, min(127, int(velocity))))


def control_change(channel, number, value):
    return (0xB0 | (channel & 0x0F), number & 0x7F, max(0, min(127, int(value))))


def normalize_cc(value):
    return value / 127.0


def normalize_bend(value14):
    """14-bit pitch bend -> -1..1 with 8192 as 0 (both ends reach exactly -1 and 1)."""
    centred = value14 - 8192
    return centred / 8192.0 if centred <= 0 else centred / 8191.0


def relative_steps(mode, value):
    """Signed encoder clicks from a relative CC value in one of RELATIVE_MODES."""
    if mode == "relative-signed-bit":
        return -(value & 0x3F) if value & 0x40 else value
    if mode == "relative-signed-bit-2":
        return (value & 0x3F) if value & 0x40 else -value
    if mode == "relative-binary-offset":
        return value - 64
    return value - 128 if value >= 64 else value   # two's complement


def parse_hex(text):
    """"90 24 7F" (or "90247F", "0x90,0x24,0x7f") -> (144, 36, 127)."""
    cleaned = text.replace(",", " ").replace("0x", "").replace("0X", "").split()
    if len(cleaned) == 1 and len(cleaned[0]) > 2:
        word = cleaned[0]
        if len(word) % 2:
            raise ValueError("MIDI bytes in hex need two digits each: %r" % text)
        cleaned = [word[i:i + 2] for i in range(0, len(word), 2)]
    try:
        data = tuple(int(b, 16) for b in cleaned)
    except ValueError:
        raise ValueError("MIDI bytes are hex numbers like 90 24 7F, got %r" % text)
    if not data or any(not 0 <= b <= 255 for b in data):
        raise ValueError("MIDI bytes must be 00..FF, got %r" % text)
    return data


def parse_midi_arg(text):
    """`--midi "800:80 24 00"` -> (800.0, (128, 36, 0)): when (ms) and which bytes."""
    when, sep, rest = text.partition(":")
    if not sep:
        raise ValueError("--midi expects TIME_MS:HEX BYTES, e.g. \"0:90 24 7F\", got %r" % text)
    try:
        ms = float(when)
    except ValueError:
        raise ValueError("--midi time must be milliseconds, e.g. \"800:80 24 00\", got %r" % when)
    if ms < 0:
        raise ValueError("--midi time cannot be negative: %r" % text)
    return ms, parse_hex(rest)


def format_hex(midi_bytes):
    return " ".join("%02X" % b for b in midi_bytes)


def describe(midi_bytes):
    """A line for timelines: "note-on ch1 36 vel 127 (90 24 7F)"."""
    m = parse(midi_bytes)
    if m.kind in (NOTE_ON, NOTE_OFF):
        text = "%s ch%d %d vel %d" % (m.kind, m.channel + 1, m.number, m.value)
    elif m.kind == CC:
        text = "cc ch%d %d = %d" % (m.channel + 1, m.number, m.value)
    elif m.kind == PITCH_BEND:
        text = "pitch-bend ch%d %d" % (m.channel + 1, m.value)
    else:
        text = m.kind
    return "%s (%s)" % (text, format_hex(midi_bytes))
