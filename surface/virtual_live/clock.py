"""The interpreter's Clock over a virtual Live song: virtual ms and song time, no wall time."""
from ...interpreter.clock import Clock


class VirtualClock(Clock):
    """Reads a VirtualHost's (or a Song's) virtual time; the host moves it (advance_ms etc.)."""

    def __init__(self, host_or_song):
        song = getattr(host_or_song, "song", host_or_song)
        self._song = song
        self._world = song._world
        self._transport = song._transport

    def now_ms(self):
        return self._world.now_ms

    def song_beats(self):
        return self._transport.beats

    def played_beats(self):
        return self._transport.total

    def is_playing(self):
        return self._transport.playing

    def beats_per_bar(self):
        return self._transport.beats_per_bar()

    def tempo(self):
        return self._song._tempo
