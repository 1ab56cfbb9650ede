"""Imports every action family so the registry is complete (registry.load_all)."""
from __future__ import annotations

import importlib

FAMILY_MODULES = ["transport", "set_structure", "tracks", "selector_actions", "queries", "events",
                  "mixer", "devices", "clips", "notes", "scenes", "view", "snapshots", "out", "routing",
                  "drums", "simpler", "looper", "envelopes"]

LOADED = []
for _name in FAMILY_MODULES:
    try:
        importlib.import_module("." + _name, __name__)
    except ImportError as _error:
        # Only a family module that does not exist (yet) is skipped; any other import error
        # inside a family is a bug and is raised.
        if getattr(_error, "name", None) != __name__ + "." + _name:
            raise
    else:
        LOADED.append(_name)

# The binding vocabulary (note, cc, pads, chord, ...) lives with the bindings machinery.
importlib.import_module("...bindings.actions", __name__)
