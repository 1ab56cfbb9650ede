"""The interpreter's Clock over real Live: song time from Song.current_song_time.

``played_beats`` must only grow while the transport plays, and a jump (locator, loop wrap,
a click in the arrangement) must not count as music played. Each reading compares the song-time
step with what the tempo allows for the wall time that passed; a step that does not fit is a jump,
and the tempo-predicted amount is counted instead.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Optional

from ..interpreter.clock import Clock

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs)
    from Live.Song import Song


def wall_ms():
    return time.perf_counter() * 1000.0


class LiveClock(Clock):
    JUMP_SLACK_BEATS = 0.25   # song time may run this far ahead of the wall-clock estimate

    def __init__(self, song: Song, now_ms_fn=None):
        self.song = song
        self._now = now_ms_fn or wall_ms
        self._played = 0.0
        self._last_pos: Optional[float] = None
        self._last_ms: Optional[float] = None

    def now_ms(self):
        return self._now()

    def song_beats(self):
        return self.song.current_song_time

    def is_playing(self):
        return bool(self.song.is_playing)

    def tempo(self):
        return self.song.tempo

    def beats_per_bar(self):
        song = self.song
        return 4.0 * song.signature_numerator / song.signature_denominator

    def played_beats(self):
        self._sample()
        return self._played

    def _sample(self):
        pos = self.song.current_song_time
        now = self._now()
        playing = self.song.is_playing
        if self._last_pos is not None and playing:
            step = pos - self._last_pos
            expected = max(0.0, (now - self._last_ms) * self.song.tempo / 60000.0)
            if 0.0 <= step <= expected + self.JUMP_SLACK_BEATS:
                self._played += step
            else:
                self._played += expected   # a jump or loop wrap: count the music, not the jump
        self._last_pos = pos if playing else None
        self._last_ms = now
