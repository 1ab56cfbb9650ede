"""The track, return, scene and clip names of a set, for completion inside (track "..."),
(scene "..."), (clip "...") and (return "...") (`lmac lsp --set MySong.als`, else the demo set).

The set is loaded into virtual Live (a Live set as Live saves it, .als, only read, or virtual
Live's JSON) and named the way `lmac check --set` names it (set_names.SetNames)."""
from __future__ import annotations

import os
from collections import OrderedDict

# The selector forms whose first argument may name a thing of the set.
NAMED_BY = {"track": "track", "tracks": "track", "return": "return", "scene": "scene",
            "scenes": "scene", "clip": "clip"}


def set_names(path=None):
    """OrderedDict kind -> [names] with kinds "track", "return", "scene", "clip". Raises what
    loading the set raises (a missing file, a file that is not a set)."""
    from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set

    from .set_names import SetNames
    install_live_module()
    path = path or DEMO_SET
    names = SetNames(load_set(path).get_document(), os.path.basename(path))
    out = OrderedDict()
    for kind in ("track", "return", "scene", "clip"):
        out[kind] = list(OrderedDict.fromkeys(names.names_of(kind)))   # each name once
    return out


__all__ = ["set_names", "NAMED_BY"]
