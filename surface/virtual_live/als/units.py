"""How a Live set stores values versus how the Live API reports them.

The .als keeps mixer levels as linear gain (1.0 = 0 dB); the API's volume and send parameters are
fader positions from 0 to 1, converted with virtual Live's model of the fader (../fader.py).
"""
import math

from ..fader import MIN_DB, db_to_fader
from ..palette import PALETTE


def gain_to_db(gain):
    return MIN_DB if gain <= 0 else 20.0 * math.log10(gain)


def volume_value(gain):
    """Track volume: linear gain in the set (max +6 dB) to the fader position."""
    return round(db_to_fader(gain_to_db(gain)), 6)


def send_value(gain):
    """Sends top out at 0 dB = 1.0; we assume the volume fader's law shifted by 6 dB (0 dB -> 1.0).
    The set's minimum send (-70 dB) is Live's "-inf": 0."""
    db = gain_to_db(gain)
    return 0.0 if db <= MIN_DB + 1e-3 else round(db_to_fader(db + 6.0), 6)


def time_signature(signature_id):
    """Live stores a signature as one number: (numerator - 1) + 99 * log2(denominator); 4/4 is 201.
    None for a number that is no signature."""
    signature_id = int(signature_id)
    if not 0 <= signature_id < 99 * 5:         # denominators 1 to 16
        return None
    return [signature_id % 99 + 1, 2 ** (signature_id // 99)]


# Live 9 and 10 sets store some track colours as palette index + 140 (seen in every track of the
# public Live 9.7 and 10.1 sets we read; clips there use 0..69).
_TRACK_INDEX_OFFSET = 140


def color_fields(raw):
    """{"color", "color_index"} for a stored colour number, or {} when it names no palette colour (-1)."""
    try:
        index = int(raw)
    except (TypeError, ValueError):
        return {}
    if _TRACK_INDEX_OFFSET <= index < _TRACK_INDEX_OFFSET + len(PALETTE):
        index -= _TRACK_INDEX_OFFSET
    if not 0 <= index < len(PALETTE):
        return {}
    return {"color": PALETTE[index], "color_index": index}
