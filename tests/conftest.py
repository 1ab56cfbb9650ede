"""Make the repository root importable as the package ``lmac`` whatever the checkout's folder is
called (Live imports it by its folder name; CI clones it anywhere), on Python 3.7 and 3.11."""
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _load_root_as_lmac():
    existing = sys.modules.get("lmac")
    if existing is not None and os.path.dirname(os.path.abspath(existing.__file__)) == ROOT:
        return
    spec = importlib.util.spec_from_file_location(
        "lmac", os.path.join(ROOT, "__init__.py"), submodule_search_locations=[ROOT])
    module = importlib.util.module_from_spec(spec)
    sys.modules["lmac"] = module
    spec.loader.exec_module(module)


_load_root_as_lmac()
