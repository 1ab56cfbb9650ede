"""The MIDI map a Remote Script builds in build_midi_map: what Live forwards to receive_midi and
which parameters Live moves itself. Handles are only valid while build_midi_map runs."""

NOTE, CC, PITCHBEND = "note", "cc", "pitchbend"


class MidiMapState(object):
    def __init__(self):
        self.forwarded = {}    # (kind, channel[, number]) -> should_consume_event
        self.mappings = {}     # (kind, channel[, number]) -> (parameter, map_mode)

    @staticmethod
    def key_of(midi_bytes):
        """The key an incoming short message matches, or None."""
        status = midi_bytes[0]
        kind, channel = status & 0xF0, status & 0x0F
        if kind in (0x80, 0x90):
            return (NOTE, channel, midi_bytes[1])
        if kind == 0xB0:
            return (CC, channel, midi_bytes[1])
        if kind == 0xE0:
            return (PITCHBEND, channel)
        return None


def check_channel(channel):
    if not 0 <= int(channel) <= 15:
        raise RuntimeError("Invalid MIDI channel %r (0..15)" % (channel,))


def check_number(number):
    if not 0 <= int(number) <= 127:
        raise RuntimeError("Invalid note or controller number %r (0..127)" % (number,))


def apply_mapping(parameter, map_mode, midi_bytes):
    """Live moving a mapped parameter itself (absolute and the two common relative modes)."""
    span = parameter._max - parameter._min
    value = midi_bytes[2] if len(midi_bytes) > 2 else 0
    mode = int(map_mode)
    if (midi_bytes[0] & 0xF0) == 0xE0:
        target = parameter._min + span * ((value << 7) + midi_bytes[1]) / 16383.0
    elif mode == 0 or (midi_bytes[0] & 0xF0) in (0x80, 0x90):
        target = parameter._min + span * value / 127.0
    else:
        if mode in (1, 6):      # signed bit: bit 6 is the sign
            step = -(value & 0x3F) if value & 0x40 else value
        elif mode in (2, 7):    # binary offset around 64
            step = value - 64
        else:                   # two's complement
            step = value - 128 if value >= 64 else value
        target = min(parameter._max, max(parameter._min, parameter._value + span * step / 127.0))
    if parameter._items is not None:
        target = float(int(round(target)))
    parameter._change("value", float(target))
