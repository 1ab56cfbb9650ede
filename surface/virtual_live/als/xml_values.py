"""Reading Live's XML values: <Tag Value="..."/> children, <Tag><Manual Value="..."/></Tag> parameters."""


def value(elem, path, default=None):
    child = elem.find(path)
    if child is None:
        return default
    return child.get("Value", default)


def as_float(elem, path, default):
    try:
        return float(value(elem, path, default))
    except (TypeError, ValueError):
        return default


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
    try:
        return float(raw)
    except ValueError:
        return None
