"""lmac: a small Lisp inside Ableton Live. Live imports this package and calls create_instance.

Kept tiny and lazy: nothing heavy is imported until Live asks for the surface.
"""

__version__ = "0.1.0"   # the one place the version is written (pyproject.toml reads it)


def create_instance(c_instance):
    from .surface.remote_script import LmacScript
    return LmacScript(c_instance)


def get_capabilities():
    from .surface.remote_script import capabilities
    return capabilities()
