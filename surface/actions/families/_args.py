"""Argument helpers shared by the action families: keyword options, numbers, enum keywords.

Keyword options arrive as positional arguments (``(fire C :quantize :bar)`` gives
``(C, :quantize, :bar)``); ``split_options`` takes them out. Every check raises an LmacError that
names the action and says, in musicians' words, what it expected.
"""
from __future__ import annotations

from typing import NoReturn

from ....interpreter.printer import describe
from ....interpreter.values import Keyword, LmacError, Map, Symbol, Vector


def fail(action, message) -> NoReturn:
    raise LmacError("%s %s" % (action, message))


def split_options(action, args, allowed):
    """(positional args, {option-name: value}) from args; ``allowed`` lists option names without
    the colon. A known option keyword takes the next argument as its value."""
    positional, options = [], {}
    args = list(args)
    i = 0
    while i < len(args):
        arg = args[i]
        if type(arg) is Keyword and arg.name in allowed:
            if i + 1 >= len(args):
                fail(action, "expects a value after :%s" % arg.name)
            options[arg.name] = args[i + 1]
            i += 2
            continue
        positional.append(arg)
        i += 1
    return positional, options


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def number(action, value, what="a number"):
    if not is_number(value):
        fail(action, "expects %s, got %s" % (what, shown(value)))
    return value


def integer(action, value, what="a whole number"):
    if not is_number(value) or int(value) != value:
        fail(action, "expects %s, got %s" % (what, shown(value)))
    return int(value)


def in_range(action, value, lo, hi, what):
    """A number between lo and hi (inclusive), e.g. 'a level'."""
    if not is_number(value) or not lo <= value <= hi:
        fail(action, "expects %s between %s and %s, got %s" % (what, _fmt(lo), _fmt(hi), shown(value)))
    return value


def positive(action, value, what="a positive number"):
    if not is_number(value) or value <= 0:
        fail(action, "expects %s, got %s" % (what, shown(value)))
    return value


def text(action, value, what="a name in quotes"):
    if isinstance(value, str):
        return value
    if type(value) in (Symbol, Keyword):
        return value.name
    fail(action, "expects %s, got %s" % (what, shown(value)))


def choice(action, value, table, what):
    """Look a keyword (or string, or symbol) up in table {name: value}."""
    name = value.name if type(value) in (Keyword, Symbol) else value
    if isinstance(name, str) and name.lower() in table:
        return table[name.lower()]
    names = " ".join(":" + k for k in table)
    fail(action, "expects %s (one of %s), got %s" % (what, names, shown(value)))


def switch(action, value):
    """on/off words: true/false, :on/:off, 1/0."""
    if value is True or value is False:
        return value
    if is_number(value):
        return bool(value)
    return choice(action, value, {"on": True, "off": False, "yes": True, "no": False}, "on or off")


def sequence(action, value, what="a vector"):
    if isinstance(value, (list, tuple)):
        return list(value)
    fail(action, "expects %s, got %s" % (what, shown(value)))


def kw(name):
    return Keyword.of(name)


def to_map(pairs):
    """An lmac map with keyword keys from (name, value) pairs."""
    return Map([(Keyword.of(k), v) for k, v in pairs])


def vector(items):
    return Vector(list(items))


def shown(value):
    """A value in a message: numbers as written, anything else described."""
    return repr(value) if is_number(value) else describe(value)


def _fmt(x):
    return ("%.1f" % x) if isinstance(x, float) else str(x)


# ---- grids: 1/16 reads as 0.0625 --------------------------------------------------------------
# Live's launch quantization (Song.Quantization) by keyword or by fraction of a whole note.
LAUNCH_QUANTIZE = {
    "none": 0, "8-bars": 1, "4-bars": 2, "2-bars": 3, "bar": 4, "half": 5, "half-triplet": 6,
    "beat": 7, "quarter": 7, "quarter-triplet": 8, "eighth": 9, "eighth-triplet": 10,
    "sixteenth": 11, "sixteenth-triplet": 12, "thirty-second": 13,
}
_LAUNCH_FRACTIONS = [(8.0, 1), (4.0, 2), (2.0, 3), (1.0, 4), (0.5, 5), (1.0 / 3, 6), (0.25, 7),
                     (1.0 / 6, 8), (0.125, 9), (1.0 / 12, 10), (0.0625, 11), (1.0 / 24, 12),
                     (1.0 / 32, 13)]


def launch_quantize(action, value):
    """A Song.Quantization int from :bar, :beat, 1/16, 2 (bars) ... or :none."""
    if value is None or value is False:
        return 0
    if is_number(value):
        for frac, q in _LAUNCH_FRACTIONS:
            if abs(value - frac) < 1e-9:
                return q
        fail(action, "expects a launch grid like :bar, :beat, 1/16 or :none, got %s" % shown(value))
    return choice(action, value, LAUNCH_QUANTIZE, "a launch grid")


# Note quantization grids for Clip.quantize (RecordingQuantization values).
NOTE_GRID = {"quarter": 1, "beat": 1, "eighth": 2, "eighth-triplet": 3, "sixteenth": 5,
             "sixteenth-triplet": 6, "thirty-second": 8}
_NOTE_GRID_FRACTIONS = [(0.25, 1), (0.125, 2), (1.0 / 12, 3), (0.0625, 5), (1.0 / 24, 6),
                        (1.0 / 32, 8)]
GRID_BEATS = {1: 1.0, 2: 0.5, 3: 1.0 / 3, 5: 0.25, 6: 1.0 / 6, 8: 0.125}


def note_grid(action, value):
    """(RecordingQuantization int, grid size in beats) from 1/16, :sixteenth ..."""
    if is_number(value):
        for frac, q in _NOTE_GRID_FRACTIONS:
            if abs(value - frac) < 1e-9:
                return q, GRID_BEATS[q]
        fail(action, "expects a grid like 1/4, 1/8, 1/16 or 1/32, got %s" % shown(value))
    q = choice(action, value, NOTE_GRID, "a grid like 1/16")
    return q, GRID_BEATS[q]


def beats_per_bar(song):
    return 4.0 * song.signature_numerator / song.signature_denominator
