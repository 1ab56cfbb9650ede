"""One voice for errors (after Fennel's friend.fnl): every message says what is wrong, in the
musician's words, and how to fix it; the position (file:line:col) is added by LmacError.

    message("volume", "the level must be a number from 0.0 to 1.0, got 2.0",
            "usage: (volume target? level?)")
    -> 'volume: the level must be a number from 0.0 to 1.0, got 2.0; usage: (volume target? level?)'

The shape is always ``NAME: WHAT IS WRONG; HOW TO FIX``. ``did_you_mean`` offers the closest
known word, the same way for names, keyword values, options and the set's tracks.
"""
from __future__ import annotations

import difflib

from .printer import describe, pr_str
from .values import Keyword, LmacError


def message(subject, problem, fix=None):
    text = "%s: %s" % (subject, problem) if subject else problem
    if fix:
        text += "; " + fix
    return text


def fail(subject, problem, fix=None, error=LmacError):
    raise error(message(subject, problem, fix))


def closest(word, candidates, cutoff=0.6):
    """The candidate nearest to word (case-insensitive), or None."""
    if not isinstance(word, str) or not word:
        return None
    low = dict((c.lower(), c) for c in candidates if isinstance(c, str))
    if word.lower() in low:
        return low[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(low), n=1, cutoff=cutoff)
    if not found:
        # a prefix the musician typed short: "comp" for "Compressor"
        starts = [c for c in low if c.startswith(word.lower())]
        found = starts[:1] if len(word) >= 3 else []
    return low[found[0]] if found else None


def did_you_mean(word, candidates, show=None):
    """'did you mean :bar?' or None; ``show`` writes the candidate as the musician types it."""
    guess = closest(word, candidates)
    if guess is None:
        return None
    return "did you mean %s?" % (show(guess) if show else guess)


def joined(*fixes):
    """Several hints in one fix: None parts are left out."""
    parts = [f for f in fixes if f]
    if not parts:
        return None
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out.endswith(("?", ".")) else "; ") + part
    return out


def shown(value):
    """A value as the musician wrote it: 2.0, :bar, "Bass"; other values described."""
    if isinstance(value, bool) or value is None:
        return describe(value)
    if isinstance(value, (int, float)) or type(value) is Keyword or isinstance(value, str):
        return pr_str(value)
    return describe(value)


def keyword_list(names, limit=12):
    """':a, :b or :none' from names (without colons)."""
    return or_list([":" + n for n in names], limit)


def or_list(items, limit=12):
    """'a, b or c' (the first ``limit`` items, then '...')."""
    items = list(items)
    if len(items) > limit:
        return ", ".join(items[:limit] + ["..."])
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def closest_name(name, pool):
    """The known name nearest to a misspelt one ('revrse' -> 'reverse'), as `lmac check` and the
    run both suggest it; None when nothing is close."""
    found = difflib.get_close_matches(name, [p for p in pool if isinstance(p, str)], n=1, cutoff=0.7)
    return found[0] if found else None


def not_found(name, pool=()):
    """The unknown-name message (LANGUAGE.md: 'abc' not found) with the nearest known name."""
    guess = closest_name(name, pool)
    return message(None, "'%s' not found" % name, "did you mean '%s'?" % guess if guess else None)
