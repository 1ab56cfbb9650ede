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


# ---- ClyphX pasted by mistake ------------------------------------------------------------------
# ClyphX action word -> the lmac form that does it ({t} is the target written before the slash).
CLYPHX = {
    "BPM": "(tempo 128)", "TAPBPM": "(tap-tempo)", "SIG": "(signature 6 8)", "METRO": "(metronome)",
    "OVER": "(overdub)", "SREC": "(session-record)", "REC": "(record)", "SETSTOP": "(stop)",
    "SETCONT": "(continue)", "SETPLAY": "(play)", "SETJUMP": "(jump-to 16)", "STOPALL": "(stop-all-clips)",
    "GQ": "(quantize :bar)", "UNDO": "(undo)", "REDO": "(redo)", "ADDMIDI": "(create-track midi)",
    "ADDAUDIO": "(create-track audio)", "ADDRETURN": "(create-return)", "ADDSCENE": "(create-scene)",
    "DUPESCENE": "(duplicate-scene selected)", "DELSCENE": "(delete-scene (scene 3))",
    "SCENE": "(launch-scene 3)", "LOADDEV": "(add-device \"Compressor\")", "WAIT": "(wait 500)",
    "WAITS": "(wait-bars 4)", "ARM": "(arm {t})", "UNARM": "(unarm {t})", "MUTE": "(mute {t})",
    "UNMUTE": "(unmute {t})", "SOLO": "(solo {t})", "UNSOLO": "(unsolo {t})", "MON": "(monitor {t} :in)",
    "NAME": "(name {t} \"Lead\")", "FOLD": "(fold {t})", "UNFOLD": "(unfold {t})", "SEL": "(select {t})",
    "VOL": "(volume {t} (midi-value 100))", "PAN": "(pan {t} 0)", "SEND": "(send {t} \"A\" 0.5)",
    "PLAY": "(fire (clip 1 2))", "PLAYQ": "(fire (clip 1 2) :quantize 1/16)", "STOP": "(stop-clips {t})",
    "DEV": "(device-on (device 1))", "CLIP": "(transpose (clip 1 1) 1)",
}


def _clyphx_target(word):
    up = word.upper()
    if word.isdigit():
        return "(track %s)" % word
    if up in ("SEL", "SELECTED"):
        return "selected"
    if up == "ALL":
        return "all"
    if up in ("MST", "MASTER"):
        return "master"
    if len(word) == 1 and word.isalpha():
        return '(return "%s")' % up
    if len(word) > 2 and word[0] == word[-1] == '"':
        return "(track %s)" % word
    return None


def clyphx_hint(text):
    """'this looks like ClyphX: try (arm (track 1))' for ClyphX syntax pasted into lmac, else None.
    ``text`` is the unknown word or number-like token: METRO, SEL/ARM, 1/MUTE."""
    if not isinstance(text, str) or not text:
        return None
    target, _, word = text.rpartition("/")
    if not word or word.upper() != word or not any(c.isalpha() for c in word):
        return None
    form = CLYPHX.get(word)
    if form is None:
        if not target:
            return None
        return "this looks like ClyphX; lmac writes (action target value ...), see docs/clyphx.md"
    if "/" in text and not target:
        t = '(track "Name")'          # "Bass"/MUTE: the reader took the quoted name apart
    else:
        t = _clyphx_target(target) if target else "selected"
    if target and t is None:
        return None
    return "this looks like ClyphX: try %s (docs/clyphx.md lists the rest)" % form.replace("{t}", t)


def closest_name(name, pool):
    """The known name nearest to a misspelt one ('arn' -> 'arm'), as `lmac check` and the run
    both suggest it; None when nothing is close."""
    found = difflib.get_close_matches(name, [p for p in pool if isinstance(p, str)], n=1, cutoff=0.7)
    return found[0] if found else None


def not_found(name, pool=()):
    """The unknown-name message (LANGUAGE.md: 'abc' not found), with a ClyphX hint or the
    nearest known name."""
    hint = clyphx_hint(name)
    if hint is None:
        guess = closest_name(name, pool)
        hint = "did you mean '%s'?" % guess if guess else None
    return message(None, "'%s' not found" % name, hint)
