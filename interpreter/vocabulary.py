"""Every name the pure interpreter knows, with its signature, arity and documentation.

    core_vocabulary() -> OrderedDict name -> Entry   (special forms, builtins, prelude macros
                                                       and functions; cached)
    Entry.kind is "special", "builtin", "macro" or "function".

Editor support (``lmac check``, completion, hover, the lexer's word lists) reads this; it never
touches Live. The Live actions come from surface/actions/registry.py, not from here.
"""
from __future__ import annotations

import os
from collections import OrderedDict

from .values import Builtin, Lambda, List, Symbol, Vector

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.join(os.path.dirname(HERE), "stdlib_macros")

# name -> (signature, arity (min, max or None), doc). The compiler's special forms plus the two
# words that only mean something inside them (catch in try, & in parameters) and the reader's
# spelled-out macros.
SPECIAL_FORMS = OrderedDict([
    ("def", ("(def name value)", (2, 2), "Define a global name; returns the value.")),
    ("defmacro", ("(defmacro name (params) body...)", (2, None),
                  "Define a syntax macro: it receives its arguments unevaluated and returns code.")),
    ("fn", ("(fn name? (params) body...)", (1, None),
            "A function. `&` before the last parameter collects the rest: (fn (a & more) ...).")),
    ("let", ("(let (name value ...) body...)", (1, None),
             "Bind names in sequence (flat pairs, in ( ) or [ ]), then run body.")),
    ("loop", ("(loop (name value ...) body... (recur ...))", (1, None),
              "Like let, and (recur v ...) jumps back with new values.")),
    ("recur", ("(recur value...)", (0, None), "Jump back to the enclosing loop or fn with new values.")),
    ("do", ("(do body...)", (0, None), "Run forms in order; the value is the last one.")),
    ("seq", ("(seq body...)", (0, None), "Run forms in order (an alias of do); waits inside pause the sequence.")),
    ("if", ("(if test then else?)", (2, 3), "Choose: then when test is true, else otherwise.")),
    ("quote", ("(quote form)", (1, 1), "The form itself, unevaluated: 'x.")),
    ("quasiquote", ("(quasiquote form)", (1, 1), "A template: `(a ~b ~@cs) fills in ~ and ~@ parts.")),
    ("unquote", ("(unquote form)", (1, 1), "~x inside a quasiquote: the value of x.")),
    ("splice-unquote", ("(splice-unquote form)", (1, 1), "~@xs inside a quasiquote: the items of xs.")),
    ("try", ("(try body... (catch e handler...))", (0, None),
             "Run body; on an error run the handler with e bound to the error value.")),
    ("catch", ("(catch name body...)", (1, None), "The error handler, the last form of a try.")),
    ("and", ("(and x...)", (0, None), "The first false or nil value, else the last value.")),
    ("or", ("(or x...)", (0, None), "The first true value, else the last value.")),
])


class Entry(object):
    """One known name. ``arity`` is (min, max) with max None for any number; None if unknown."""

    __slots__ = ("name", "kind", "signature", "arity", "doc", "family", "min_live", "example")

    def __init__(self, name, kind, signature=None, arity=None, doc="", family=None, min_live=None,
                 example=None):
        self.name = name
        self.kind = kind
        self.signature = signature or "(%s ...)" % name
        self.arity = arity
        self.doc = doc or ""
        self.family = family
        self.min_live = min_live
        self.example = example

    def __repr__(self):
        return "Entry(%r, %r, %r)" % (self.name, self.kind, self.signature)


_CACHE = {}


def core_vocabulary():
    """Special forms, builtins and prelude definitions, in that order (cached)."""
    if "core" not in _CACHE:
        _CACHE["core"] = _build()
    return _CACHE["core"]


def _build():
    from .clock import TestClock
    from .session import Session
    out = OrderedDict()
    for name, (sig, arity, doc) in SPECIAL_FORMS.items():
        out[name] = Entry(name, "special", sig, arity, doc)
    session = Session(clock=TestClock(), output=lambda text: None)
    static = definitions_in_file(os.path.join(STDLIB, "prelude.lmac"))
    for name, value in session.globals.items():
        if name in out:
            continue
        entry = entry_for_value(name, value, session.docs.get(name))
        known = static.get(name)
        if known is not None:
            entry.signature = known.signature
            entry.doc = entry.doc or known.doc
        out[name] = entry
    return out


def entry_for_value(name, value, doc=None):
    """An Entry describing a global value (Builtin or Lambda); other values are "value"."""
    if type(value) is Builtin:
        doc = doc or value.doc
        return Entry(name, "builtin", _signature_in_doc(name, doc) or
                     _builtin_signature(name, value.arity), value.arity, doc)
    if type(value) is Lambda:
        arity = (value.nparams, None if value.rest else value.nparams)
        return Entry(name, "macro" if value.is_macro else "function", None, arity, doc or "")
    return Entry(name, "value", name, None, doc or "")


def _signature_in_doc(name, doc):
    """A doc that starts with an example call, e.g. "(library \"name\" :version ...): ...",
    shows the signature best."""
    if not doc.startswith("(" + name + " ") and not doc.startswith("(" + name + ")"):
        return None
    depth = 0
    for i, ch in enumerate(doc):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return doc[:i + 1]
    return None


def _builtin_signature(name, arity):
    lo, hi = arity
    letters = ["x", "y", "z"]
    words = letters[:lo] if lo <= 3 else ["x%d" % (i + 1) for i in range(lo)]
    if hi is None:
        words += ["&", "more"]
    elif hi > lo:
        words += [w + "?" for w in (letters + ["w"] * 9)[lo:hi]]
    return "(" + " ".join([name] + words) + ")"


def definitions_in_file(path, text=None):
    """name -> Entry for the (defn ...), (defmacro ...) and (def ...) forms at the top of a file,
    read statically (nothing runs). Unreadable files give an empty result."""
    from ..grammar.reader import read_all
    try:
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        forms = read_all(text, path)
    except Exception:
        return OrderedDict()
    return definitions_in_forms(forms)


def definitions_in_forms(forms):
    out = OrderedDict()
    stack = list(reversed(forms))
    while stack:
        form = stack.pop()
        head = _head(form)
        if head == "do":
            stack.extend(reversed(form[1:]))
            continue
        entry = definition_entry(form)
        if entry is not None:
            out[entry.name] = entry
    return out


def definition_entry(form):
    """The Entry a (defn|defmacro|def name ...) form defines, or None."""
    head = _head(form)
    if head not in ("defn", "defmacro", "def") or len(form) < 2 or type(form[1]) is not Symbol:
        return None
    name = form[1].name
    rest = list(form[2:])
    if head == "def":
        value = rest[0] if rest else None
        if _head(value) == "fn":
            params = value[1:]
            if params and type(params[0]) is Symbol:
                params = params[1:]
            if params and type(params[0]) in (List, Vector):
                arity, words = param_arity(params[0])
                return Entry(name, "function", "(" + " ".join([name] + words) + ")", arity, "")
        return Entry(name, "value", name, None, "")
    doc = ""
    if rest and isinstance(rest[0], str):
        doc = rest.pop(0)
    if not rest or type(rest[0]) not in (List, Vector):
        return Entry(name, "macro" if head == "defmacro" else "function", None, None, doc)
    params = rest[0]
    if not doc and len(rest) > 2 and isinstance(rest[1], str):
        doc = rest[1]  # the prelude's style: (defn f (x) "doc" body)
    arity, words = param_arity(params)
    return Entry(name, "macro" if head == "defmacro" else "function",
                 "(" + " ".join([name] + words) + ")", arity, doc)


def param_arity(params):
    """((min, max), words) of a parameter list; max None after &."""
    words = [p.name if type(p) is Symbol else "_" for p in params]
    if "&" in words:
        i = words.index("&")
        return (i, None), words
    return (len(words), len(words)), words


def _head(form):
    if type(form) is List and form and type(form[0]) is Symbol:
        return form[0].name
    return None
