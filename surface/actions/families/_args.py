"""Helpers shared by the action families: grids, value shapes and the one voice for errors.

Arguments are parsed by each action's signature (actions/params.py); the helpers here convert
grid words and raise ``Bad`` (what is wrong) for the spec to turn into the musician's message.
"""
from __future__ import annotations

from typing import NoReturn

from ....interpreter import friend
from ....interpreter.values import Keyword, LmacError, Map, Vector
from ..params import Bad, is_number  # noqa: F401  (is_number is shared by the families)


def fail(action, problem, fix=None) -> NoReturn:
    raise LmacError(friend.message(action, problem, fix))


def choice(noun, value, table, what=None):
    """Look a keyword (or string, or symbol) up in table {name: value}; Bad with a did-you-mean."""
    name = value.name if type(value) is Keyword or hasattr(value, "name") and not isinstance(value, str) else value
    if isinstance(name, str) and name.lower() in table:
        return table[name.lower()]
    what = what or friend.keyword_list(list(table))
    raise Bad("the %s must be %s, got %s" % (noun, what, shown(value)),
              friend.did_you_mean(name, list(table), lambda w: ":" + w) if isinstance(name, str) else None)


def bad_value(noun, what, value, fix=None) -> NoReturn:
    raise Bad("the %s must be %s, got %s" % (noun, what, shown(value)), fix)


# Checks of values inside data (a note vector, a snapshot map); arguments are checked by the spec.
def number(action, value, what="a number"):
    if not is_number(value):
        fail(action, "expects %s, got %s" % (what, shown(value)))
    return value


def integer(action, value, what="a whole number"):
    if not is_number(value) or int(value) != value:
        fail(action, "expects %s, got %s" % (what, shown(value)))
    return int(value)


def kw(name):
    return Keyword.of(name)


def to_map(pairs):
    """An lmac map with keyword keys from (name, value) pairs."""
    return Map([(Keyword.of(k), v) for k, v in pairs])


def vector(items):
    return Vector(list(items))


def shown(value):
    """A value in a message, as the musician wrote it."""
    return friend.shown(value)


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


def launch_quantize(value):
    """A Song.Quantization int from :bar, :beat, 1/16, 2 (bars) ... or :none."""
    if value is None or value is False:
        return 0
    if is_number(value):
        for frac, q in _LAUNCH_FRACTIONS:
            if abs(value - frac) < 1e-9:
                return q
        raise Bad("the grid must be a launch grid like :bar, :beat, 1/16 or :none, got %s" % shown(value))
    return choice("grid", value, LAUNCH_QUANTIZE, "a launch grid like :bar, :beat, 1/16 or :none")


# Note quantization grids for Clip.quantize (RecordingQuantization values).
NOTE_GRID = {"quarter": 1, "beat": 1, "eighth": 2, "eighth-triplet": 3, "sixteenth": 5,
             "sixteenth-triplet": 6, "thirty-second": 8}
_NOTE_GRID_FRACTIONS = [(0.25, 1), (0.125, 2), (1.0 / 12, 3), (0.0625, 5), (1.0 / 24, 6),
                        (1.0 / 32, 8)]
GRID_BEATS = {1: 1.0, 2: 0.5, 3: 1.0 / 3, 5: 0.25, 6: 1.0 / 6, 8: 0.125}


def note_grid(value):
    """(RecordingQuantization int, grid size in beats) from 1/16, :sixteenth ..."""
    if is_number(value):
        for frac, q in _NOTE_GRID_FRACTIONS:
            if abs(value - frac) < 1e-9:
                return q, GRID_BEATS[q]
        raise Bad("the grid must be 1/4, 1/8, 1/16 or 1/32 (or :sixteenth ...), got %s" % shown(value))
    q = choice("grid", value, NOTE_GRID, "1/4, 1/8, 1/16 or 1/32 (or :sixteenth ...)")
    return q, GRID_BEATS[q]


def beats_per_bar(song):
    return 4.0 * song.signature_numerator / song.signature_denominator
