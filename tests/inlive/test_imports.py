"""Every in-Live module imports on this interpreter (3.7 for Live 11/12.0, 3.11 for Live 12.1+),
including modules no other test happens to reach."""
import importlib
import pkgutil

import lmac
from lmac.surface.virtual_live import install_live_module

IN_LIVE = ("grammar", "interpreter", "surface")


def test_every_in_live_module_imports():
    install_live_module()   # surface modules may `import Live` at import time, as in Live
    names = [m.name for m in pkgutil.walk_packages(lmac.__path__, "lmac.")
             if m.name.split(".")[1] in IN_LIVE]
    assert len(names) > 60
    for name in names:
        importlib.import_module(name)
