"""The keyword options each form takes, for completion and signature help.

    keyword_options("fire")  ->  OrderedDict([(":quantize", [":bar", ":beat", ":none"])])

An action's options and their values come from its typed spec in the registry
(surface/actions/registry.keyword_options); the forms of the vocabulary offer the keywords their
signature shows (`(library "name" :version "1.0")`) and their documentation names (`bind`:
:release :hold ...).
"""
from __future__ import annotations

import re
from collections import OrderedDict

_KEYWORD = re.compile(r"(?<![\w:-]):[a-z][a-z0-9?!*+<>=/-]*")

_CACHE = {}


def keyword_options(name):
    """OrderedDict option -> [values] for the form ``name`` (empty when it takes none)."""
    if name in _CACHE:
        return _CACHE[name]
    from .names import known_names
    from .names import registry_actions
    out = OrderedDict()
    action = registry_actions().get(name)
    entry = known_names().get(name)
    doc = entry.doc if entry is not None else ""
    if action is not None:             # an action's typed spec says its options and their values
        from lmac.surface.actions.registry import keyword_options as typed_options
        for option, values in typed_options(name):
            out[option] = list(values)
    if entry is not None:
        for option in _KEYWORD.findall(entry.signature or ""):
            out.setdefault(option, [])
        if action is None and entry.kind in ("special", "macro", "builtin"):
            for option in _KEYWORD.findall(doc):
                out.setdefault(option, [])
    _CACHE[name] = out
    return out


__all__ = ["keyword_options"]
