"""Find lark: the installed one, else the copy `lmac install` vendors next to this package.

lark imports itself by absolute name (``from lark.exceptions import ...``), so a vendored copy
at ``<package root>/lark/`` is registered as the top-level module ``lark`` without touching
sys.path (which would also expose this package's folders as top-level modules).
"""
import importlib.util
import os
import sys

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def import_lark():
    # lark uses the third-party `regex` module when it can import it; lmac's grammar needs only
    # `re`, and Live's Python has no `regex`. Importing lark without it behaves as in Live and
    # saves a third of lark's import time where `regex` happens to be installed.
    block = "regex" not in sys.modules
    if block:
        sys.modules["regex"] = None  # type: ignore  # makes `import regex` raise ImportError
    try:
        return _import_lark()
    finally:
        if block and sys.modules.get("regex", 0) is None:
            del sys.modules["regex"]


def _import_lark():
    try:
        import lark
        return lark
    except ImportError:
        vendored = os.path.join(PACKAGE_ROOT, "lark", "__init__.py")
        if not os.path.isfile(vendored):
            raise ImportError("lmac needs lark 1.1.9: pip install lark==1.1.9, or run `lmac install`, "
                              "which copies it next to lmac")
    spec = importlib.util.spec_from_file_location(
        "lark", vendored, submodule_search_locations=[os.path.dirname(vendored)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["lark"] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules["lark"]
        raise
    return module
