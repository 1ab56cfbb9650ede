"""Reading Live's XML values: <Tag Value="..."/> children, <Tag><Manual Value="..."/></Tag> parameters.
A value that is no finite number reads as the default: a damaged set is read as far as it goes."""
import math


def value(elem, path, default=None):
    child = elem.find(path)
    if child is None:
        return default
    return child.get("Value", default)


def number(text, default=None):
    """A finite float from text, else default."""
    try:
        x = float(text)
    except (TypeError, ValueError):
        return default
    return x if math.isfinite(x) else default


def as_float(elem, path, default):
    return number(value(elem, path, default), default)


def as_int(elem, path, default):
    x = number(value(elem, path, default), default)
    return int(x) if abs(x) < 2 ** 31 else default


def as_bool(elem, path, default):
    raw = value(elem, path)
    if raw is None:
        return default
    return raw == "true"


def manual(elem, path):
    """A parameter's own value (<Manual Value=...>) as float (true/false as 1/0), or None."""
    raw = value(elem, path + "/Manual")
    if raw is None:
        return None
    if raw in ("true", "false"):
        return 1.0 if raw == "true" else 0.0
    return number(raw)
