"""Virtual Live: an in-memory Ableton Live (the `Live` module and a host that runs a Remote Script).

Public API:
    install_live_module()            register the virtual `Live` package as sys.modules["Live"], ...
    load_set(path_or_dict=None, live_version="12.3", seed=0, timer_jitter_ms=0) -> Application
    save_set(song) -> dict,  write_set(song, path),  DEMO_SET (path of sets/demo.json)
    VirtualHost(script, live_version="12.3", set_path=None, seed=0, timer_jitter_ms=0)   (host.py)
    VirtualClock(host_or_song)       the interpreter's Clock interface over a virtual song (clock.py)
"""
import os
import sys

DEMO_SET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sets", "demo.json")


def install_live_module():
    """Make `import Live` (and `import Live.Song`, ...) give virtual Live; returns the package.

    Refuses to shadow a real Live module (one that is not ours)."""
    from . import Live as package
    existing = sys.modules.get("Live")
    if existing is not None and existing is not package:
        if not getattr(existing, "__name__", "").endswith("virtual_live.Live") and \
                getattr(existing, "__file__", None) != package.__file__:
            raise RuntimeError("A real Live module is already loaded; virtual Live will not replace it")
    sys.modules["Live"] = package
    for name in package.MODULES:
        sys.modules["Live." + name] = getattr(package, name)
    return package


def load_set(path_or_dict=None, live_version="12.3", seed=0, timer_jitter_ms=0):
    from .sets import load_set as load
    return load(path_or_dict, live_version, seed, timer_jitter_ms)


def save_set(song):
    from .sets import save_set as save
    return save(song)


def write_set(song, path):
    from .sets import write_set as write
    return write(song, path)


def __getattr__(name):  # lazy: VirtualHost and VirtualClock pull in the host machinery
    if name == "VirtualHost":
        from .host import VirtualHost
        return VirtualHost
    if name == "VirtualClock":
        from .clock import VirtualClock
        return VirtualClock
    raise AttributeError(name)
