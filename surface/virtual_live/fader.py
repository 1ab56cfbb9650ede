"""How Live displays its volume faders (track, chain and cue volume: values 0.0 to 1.0) in dB.

What is known, observed in Live and reported by Max for Live users (Cycling '74 forum,
"Calculation Question", 2012): 1.0 shows +6 dB, 0.85 shows 0 dB, 0.55 shows -12 dB, and
0.001154 shows -69.5 dB, the last value Live shows before "-inf dB". The three upper points lie
on one straight line in dB (0.025 per dB); below -12 dB this model falls off logarithmically
through the last observed point. It is a model for the dry run, not Live's own curve: lmac itself
never uses it, it asks the parameter's display (str_for_value) in real and virtual Live alike.
"""
import math

UNITY = 0.85                 # 0 dB
PER_DB = 0.025               # above KNEE: value per dB
KNEE = 0.55                  # -12 dB
KNEE_DB = -12.0
LAST = (0.001154, -69.5)     # the quietest value Live shows as a number
# below the knee: dB = KNEE_DB + SLOPE * log10(v / KNEE), through LAST
SLOPE = (LAST[1] - KNEE_DB) / math.log10(LAST[0] / KNEE)


def fader_db(value):
    """The level Live shows for a fader value (-inf for silence)."""
    if value >= KNEE:
        return (value - UNITY) / PER_DB
    if value <= 0.0:
        return float("-inf")
    return KNEE_DB + SLOPE * math.log10(value / KNEE)


def fader_text(value):
    level = fader_db(value)
    if level < LAST[1] - 0.05:
        return "-inf dB"
    return "%.1f dB" % level
