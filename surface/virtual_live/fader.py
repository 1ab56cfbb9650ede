"""Live's volume fader (track, chain and cue volume: values 0.0 to 1.0) in dB: one model for
virtual Live's display of the fader (str_for_value) and for reading levels from .als sets.

What is known, measured in Live and published by Max for Live users (Cycling '74 forum,
"Calculation Question", 2012; flo.szk.fr, "How to remote volume using dB values", 2015): 1.0 is
+6 dB, 0.85 is 0 dB, 0.55 is -12 dB, linear in dB down to about -18 dB (0.025 per dB, so 0.4),
and 0.001154 is -69.5 dB, the quietest level Live shows before "-inf dB". Below -18 dB this model
is a power curve through those points: exact at the measured points, approximate between them.
lmac's own `(db ...)` never uses it: it asks the parameter's display, in real and virtual Live.
"""
import math

MIN_DB = -70.0
UNITY = 0.85                     # 0 dB
PER_DB = 0.025                   # above the knee: fader value per dB
KNEE_DB, KNEE_VALUE = -18.0, 0.4
QUIETEST = (0.001154, -69.5)     # below this Live shows "-inf dB"
LOW_EXPONENT = math.log(QUIETEST[0] / KNEE_VALUE) / math.log((QUIETEST[1] - MIN_DB) / (KNEE_DB - MIN_DB))


def db_to_fader(db):
    """The fader value for a level in dB (0.0 at or below -70 dB)."""
    if db >= KNEE_DB:
        return min(1.0, UNITY + db * PER_DB)
    if db <= MIN_DB:
        return 0.0
    return KNEE_VALUE * ((db - MIN_DB) / (KNEE_DB - MIN_DB)) ** LOW_EXPONENT


def fader_db(value):
    """The level in dB for a fader value (-inf for silence)."""
    if value >= KNEE_VALUE:
        return (value - UNITY) / PER_DB
    if value <= 0.0:
        return float("-inf")
    return MIN_DB + (KNEE_DB - MIN_DB) * (value / KNEE_VALUE) ** (1.0 / LOW_EXPONENT)


def fader_text(value):
    """What Live shows for the fader: "-6.0 dB", or "-inf dB" below the quietest level it shows."""
    level = fader_db(value)
    if level < QUIETEST[1] - 0.05:
        return "-inf dB"
    return "%.1f dB" % level
