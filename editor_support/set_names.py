"""The track, return, scene and clip names of a set file (virtual Live's JSON format, e.g. the
demo set), for completion inside (track "..."), (scene "..."), (clip "...") and (return "...").
Read straight from the file: nothing runs."""
from __future__ import annotations

import json
from collections import OrderedDict


def set_names(path=None):
    """OrderedDict kind -> [names] with kinds "track", "return", "scene", "clip"."""
    if path is None:
        from lmac.surface.virtual_live import DEMO_SET
        path = DEMO_SET
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = OrderedDict((k, []) for k in ("track", "return", "scene", "clip"))

    def add(kind, name):
        if isinstance(name, str) and name and name not in out[kind]:
            out[kind].append(name)

    stack = list(reversed(data.get("tracks", [])))
    while stack:  # groups hold their tracks as children
        track = stack.pop()
        add("track", track.get("name"))
        for clip in track.get("clips") or []:
            if clip:
                add("clip", clip.get("name"))
        stack.extend(reversed(track.get("children") or []))
    for track in data.get("returns", []):
        add("return", track.get("name"))
    for scene in data.get("scenes", []):
        add("scene", scene.get("name"))
    return out


# The selector forms whose first argument may name a thing of the set.
NAMED_BY = {"track": "track", "tracks": "track", "return": "return", "scene": "scene",
            "scenes": "scene", "clip": "clip"}

__all__ = ["set_names", "NAMED_BY"]
