"""The cost of one LOM write through an lmac action against the same write in plain Python, both
on virtual Live in this run: `(for-each track (volume v))` over N tracks, per track, divided by
`track.mixer_device.volume.value = v` in a Python loop over the same tracks. The ratio is what
the action layer (selectors, focus, value forms, checks, the adapter) costs per write.

    python -m lmac.benchmarks --only actions
"""
from __future__ import annotations

from .best import best_of_pair

TRACKS = 200


def measure():
    from lmac.commands.session_factory import make_session
    data = {"tracks": [{"kind": "midi", "name": "T%d" % i} for i in range(TRACKS)], "scenes": [{"name": ""}]}
    session = make_session(data, output=lambda text: None)
    song = session.live.song
    forms = session.read("(for-each track (volume 0.5)) (for-each track (volume 0.6))")
    tracks = list(song.tracks)

    def python_writes():
        for v in (0.5, 0.6):
            for track in tracks:
                track.mixer_device.volume.value = v

    # Taken in turn, so both see the same process (its heap grows with Live's undo history).
    t_lmac, t_py = best_of_pair(lambda: session.eval(list(forms)), python_writes)
    t_lmac, t_py = t_lmac / (2 * TRACKS), t_py / (2 * TRACKS)
    return {"action_write_vs_python": t_lmac / t_py, "action_write_us": t_lmac * 1e6}


if __name__ == "__main__":
    print(measure())
