"""Signature help: the signature of the call around the cursor, with the argument being typed.

Signatures come from the registry and the vocabulary (`(fire clip? :quantize grid)`) and from the
document's own (defn name (params) ...) forms; keyword options pair with their value."""
from __future__ import annotations

from .syntax import node_at, parse, string_closed


class Help(object):
    __slots__ = ("label", "params", "active", "doc")

    def __init__(self, label, params, active, doc):
        self.label, self.params, self.active, self.doc = label, params, active, doc


def signature_params(signature):
    """The parameter words of a signature string: "(fire clip? :quantize grid)" -> ["clip?",
    ":quantize grid"]; "(defn name (params) body...)" -> ["name", "(params)", "body..."]."""
    tree = parse(signature)
    lists = [c for c in tree.children if c.kind == "list"]
    if not lists:
        return []
    items = [signature[c.start:c.end] for c in lists[0].children if c.kind != "comment"][1:]
    params = []
    i = 0
    while i < len(items):
        word = items[i]
        if (word.startswith(":") or word == "&") and i + 1 < len(items):
            params.append(word + " " + items[i + 1])
            i += 2
            continue
        params.append(word)
        i += 1
    return params


def _is_rest(word):
    return word.endswith("*") or word.endswith("...") or word.startswith("& ")


def signature_at(text, offset, lookup):
    """Help for the innermost call around ``offset``; ``lookup(name)`` -> (signature, doc) or
    None. None when the cursor is in no call, in a comment or in a string."""
    chain = node_at(parse(text), offset)
    leaf = chain[-1]
    if leaf.kind in ("comment", "string") and leaf.start < offset:
        if leaf.kind == "comment" or offset < leaf.end or not string_closed(leaf.text):
            return None
    for node in reversed(chain):
        if node.kind != "list":
            continue
        head = node.head()
        found = lookup(head) if head else None
        if found is None:
            continue
        signature, doc = found
        params = signature_params(signature)
        return Help(signature, params, _active(node, offset, params), doc)
    return None


def _active(node, offset, params):
    """Which parameter the cursor is on: keyword options by name, the others by position."""
    before = [f for f in node.forms()[1:] if f.start < offset]
    typing = None
    if before:
        last = before[-1]
        inside = offset <= last.end if not last.is_coll else (offset < last.end or not last.closed)
        if inside:
            typing = last
    done = before[:-1] if typing is not None else before
    if typing is not None and typing.kind == "atom" and typing.text.startswith(":"):
        return _option_index(params, typing.text, prefix=True)
    if done and done[-1].kind == "atom" and _option_index(params, done[-1].text) is not None:
        return _option_index(params, done[-1].text)   # the value of an option
    positional = 0
    skip = False
    for f in done:
        if skip:
            skip = False
        elif f.kind == "atom" and _option_index(params, f.text) is not None:
            skip = True  # an option and its value are not positional arguments
        else:
            positional += 1
    plain = [i for i, p in enumerate(params) if not p.startswith(":")]
    for n, i in enumerate(plain):
        if n == positional or _is_rest(params[i]):
            return i
    return None


def _option_index(params, word, prefix=False):
    if not word.startswith(":"):
        return None
    for i, p in enumerate(params):
        name = p.split()[0]
        if name.startswith(":") and (name == word or (prefix and name.startswith(word))):
            return i
    return None


__all__ = ["signature_at", "signature_params", "Help"]
