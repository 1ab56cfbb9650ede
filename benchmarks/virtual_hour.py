"""How long virtual Live takes to simulate one hour of playing: 8 looping clips, a 10 ms
Base.Timer and update_display every 100 ms, driven by a tiny Remote Script."""
import time

from lmac.surface.virtual_live import DEMO_SET, install_live_module
from lmac.surface.virtual_live.host import VirtualHost

HOUR_MS = 3600 * 1000.0


class _Ticker(object):
    def __init__(self, c_instance):
        import Live
        self.ticks = 0
        self.displays = 0
        self.timer = Live.Base.Timer(callback=self._tick, interval=10, repeat=True, start=True)

    def _tick(self):
        self.ticks += 1

    def update_display(self):
        self.displays += 1

    def disconnect(self):
        self.timer.stop()


class _Script(object):
    create_instance = staticmethod(_Ticker)


def measure():
    install_live_module()
    host = VirtualHost(_Script, set_path=DEMO_SET)
    song = host.song
    while len([t for t in song.tracks if t.has_midi_input]) < 8:
        song.create_midi_track(-1)
    players = [t for t in song.tracks if t.has_midi_input][:8]
    clips = []
    for i, track in enumerate(players):  # one looping clip playing on each of 8 tracks
        slot = track.clip_slots[0]
        if not slot.has_clip:
            slot.create_clip(2.0 + i)
        clips.append(slot.clip)
    song.start_playing()
    for clip in clips:
        clip.looping = True
        clip.fire()
    start = time.perf_counter()
    host.advance_ms(HOUR_MS)
    elapsed = time.perf_counter() - start
    assert host.script.ticks >= 359000 and host.script.displays == 36000
    assert all(clip.is_playing for clip in clips) and song.current_song_time > 7000
    host.disconnect()
    return {"virtual_hour_s": elapsed}


if __name__ == "__main__":
    print(measure())
