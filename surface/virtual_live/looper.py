"""What virtual Live's Looper does when its "State" parameter moves (by a script, a mapping or the
LooperDevice methods of Live 12.1+): recording measures the loop, and the first switch from Record
to Play or Overdub fixes its length (or the Record Length chooser's fixed length, in bars).

Parameter names follow the Looper as ClyphX drives it ("State": Stop, Record, Play, Overdub;
"Reverse"); the other parameters and ranges are virtual Live's approximation.
"""

STOP, RECORD, PLAY, OVERDUB = 0, 1, 2, 3
RECORD_LENGTHS = ("x", "1 Bar", "2 Bars", "4 Bars", "8 Bars", "16 Bars", "32 Bars", "64 Bars")


class LooperState(object):
    """The buffer behind one Looper device."""

    def __init__(self, device):
        self.device = device
        self.loop_length = 0.0          # beats; 0 while empty
        self.recording_since = None     # transport beats when recording started
        self.record_length_index = 0
        self.overdub_after_record = True
        self.state = STOP

    def param(self, name):
        for p in self.device._parameters:
            if p._name == name:
                return p
        raise KeyError(name)

    def _beats(self):
        return self.device._world.song._transport.total

    def state_changed(self):
        new = int(round(self.param("State")._value))
        old, self.state = self.state, new
        if new == RECORD and old != RECORD and self.loop_length == 0.0:
            self.recording_since = self._beats()
        elif old == RECORD and new != RECORD and self.recording_since is not None:
            fixed = self.record_length_index
            if fixed:
                song = self.device._world.song
                bar = 4.0 * song._signature_numerator / song._signature_denominator
                length = bar * (2 ** (fixed - 1))
            else:
                length = self._beats() - self.recording_since
            self.set_length(length)
            self.recording_since = None
        self.device._notify("loop_length")

    def set_length(self, beats):
        old = self.loop_length
        world = self.device._world

        def apply(value):
            self.loop_length = value
            self.device._notify("loop_length")
        world.undo.record(lambda: apply(old), lambda: apply(beats))
        apply(beats)

    def clear(self):
        self.set_length(0.0)
        self.param("State")._change("value", float(STOP))


def attach(device):
    """Give a Looper device its buffer and follow its State parameter."""
    state = LooperState(device)
    device._looper = state
    state.param("State")._on_change = state.state_changed
    return state
