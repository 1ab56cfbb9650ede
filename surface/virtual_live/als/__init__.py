"""Ableton Live sets (.als, Live 9 to 12) for virtual Live: read_als(path) gives the JSON set format
(sets.py), so a real set and a JSON set load through the same loader. The .als is only read.

Stdlib only and Python 3.7-compatible like the rest of virtual Live, so the host, the tests on 3.7
and the dev-side CLI share it; the CLI hands it lxml when installed (use_lxml), for speed.
"""
from .reader import read_als, use_lxml
from .source import AlsError

__all__ = ["read_als", "use_lxml", "AlsError", "is_als_path"]


def is_als_path(path):
    return isinstance(path, str) and path.lower().endswith(".als")
