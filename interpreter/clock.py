"""Where the scheduler's time comes from.

Wall time drives ``wait``; the song position drives the beat and bar waits. Virtual Live and real
Live provide clocks that read ``Song.current_song_time``; ``TestClock`` is deterministic for tests.
"""
from __future__ import annotations

import time


class Clock(object):
    """The interface. ``played_beats`` only grows while the transport plays (jumps do not count),
    so "n beats from now" means n beats of music; ``song_beats`` is the position on the song grid."""

    def now_ms(self):
        raise NotImplementedError

    def song_beats(self):
        return 0.0

    def played_beats(self):
        return 0.0

    def is_playing(self):
        return False

    def beats_per_bar(self):
        return 4.0

    def tempo(self):
        return 120.0


class SystemClock(Clock):
    """Real wall time and no transport: what `lmac eval` uses outside Live."""

    def __init__(self):
        self._start = time.perf_counter()

    def now_ms(self):
        return (time.perf_counter() - self._start) * 1000.0


class TestClock(Clock):
    """A deterministic clock: time moves only when ``advance(ms)`` is called."""

    __test__ = False  # not a pytest test class

    def __init__(self, tempo=120.0, numerator=4, denominator=4, playing=False):
        self._now = 0.0
        self._song = 0.0
        self._played = 0.0
        self._tempo = float(tempo)
        self._num = numerator
        self._den = denominator
        self._playing = playing

    def advance(self, ms):
        self._now += ms
        if self._playing:
            beats = ms * self._tempo / 60000.0
            self._song += beats
            self._played += beats

    def play(self):
        self._playing = True

    def stop(self):
        self._playing = False

    def set_tempo(self, bpm):
        self._tempo = float(bpm)

    def set_signature(self, numerator, denominator):
        self._num, self._den = numerator, denominator

    def jump_to(self, beats):
        self._song = float(beats)

    def now_ms(self):
        return self._now

    def song_beats(self):
        return self._song

    def played_beats(self):
        return self._played

    def is_playing(self):
        return self._playing

    def beats_per_bar(self):
        return 4.0 * self._num / self._den

    def tempo(self):
        return self._tempo
