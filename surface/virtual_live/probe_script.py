"""A minimal Remote Script for exercising VirtualHost (tests, the benchmark, dry-run self checks).

It ticks a Base.Timer, counts update_display calls, forwards notes on channel 0 and echoes each one
back as MIDI out, and removes every listener it added on disconnect.
"""
import Live  # the virtual or real Live module, whichever is installed


def create_instance(c_instance):
    return ProbeScript(c_instance)


class ProbeScript(object):
    def __init__(self, c_instance, timer_ms=10, notes=(36, 37, 38, 39)):
        self._c = c_instance
        self._song = c_instance.song()
        self.notes = tuple(notes)
        self.display_calls = 0
        self.timer_calls = 0
        self.received = []
        self.tempo_changes = 0
        self._song.add_tempo_listener(self._on_tempo)
        self._timer = Live.Base.Timer(callback=self._on_timer, interval=timer_ms, repeat=True)
        self._timer.start()
        c_instance.show_message("probe loaded")
        c_instance.log_message("probe: %d tracks" % len(self._song.tracks))

    def _on_tempo(self):
        self.tempo_changes += 1

    def _on_timer(self):
        self.timer_calls += 1

    def build_midi_map(self, midi_map_handle):
        for note in self.notes:
            Live.MidiMap.forward_midi_note(self._c.handle(), midi_map_handle, 0, note)

    def receive_midi(self, midi_bytes):
        self.received.append(midi_bytes)
        self._c.send_midi(tuple(midi_bytes))

    def update_display(self):
        self.display_calls += 1

    def disconnect(self):
        self._timer.stop()
        self._song.remove_tempo_listener(self._on_tempo)
