"""lmac: a small Lisp inside Ableton Live. Live imports this package and calls create_instance.

Kept tiny and lazy: nothing heavy is imported until Live asks for the surface.
"""


def create_instance(c_instance):
    from .surface.remote_script import LmacScript
    return LmacScript(c_instance)


def get_capabilities():
    from .surface.remote_script import capabilities
    return capabilities()
