"""The keyword options each form takes, for completion and signature help.

    keyword_options("fire")  ->  OrderedDict([(":quantize", [":bar", ":beat", ":none"])])

Today the options come from the registry (an action's ``options``), the keywords its signature
string shows (`(library "name" :version "1.0")`) and, for the forms of the vocabulary, the
keywords their documentation names (`bind`: :release :hold ...). Values of an action's options
come from its documentation's "OPTION :a, :b or :c". This is the one place to feed typed parameter specs into
when the registry has them.
"""
from __future__ import annotations

import re
from collections import OrderedDict

_KEYWORD = re.compile(r"(?<![\w:-]):[a-z][a-z0-9?!*+<>=/-]*")
# ":quantize :bar, :beat, 1/16 or :none": the words after an option are its values
_VALUES = re.compile(r"(:[a-z][\w?!-]*)((?:[ ,]+(?:or[ ]+)?(?::[a-z][\w?!-]*|[0-9./]+))+)")

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
    if action is not None:
        values = _documented_values(doc)
        for option in action.options:
            out[option] = values.get(option, [])
    if entry is not None:
        for option in _KEYWORD.findall(entry.signature or ""):
            out.setdefault(option, [])
        if action is None and entry.kind in ("special", "macro", "builtin"):
            for option in _KEYWORD.findall(doc):
                out.setdefault(option, [])
    _CACHE[name] = out
    return out


def _documented_values(doc):
    found = OrderedDict()
    for m in _VALUES.finditer(doc or ""):
        words = [w for w in re.split(r"[ ,]+", m.group(2)) if w.startswith(":")]
        if words:
            found.setdefault(m.group(1), words)
    return found


__all__ = ["keyword_options"]
