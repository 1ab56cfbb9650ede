"""How a Live set stores values versus how the Live API reports them.

The .als keeps mixer levels as linear gain (1.0 = 0 dB); the API's volume and send parameters are
fader positions from 0 to 1. Known points of Live's volume fader (published by Max for Live users
who measured it): 1.0 = +6 dB, 0.85 = 0 dB, 0.55 = -12 dB, linear in dB above -18 dB (1/40 per dB),
0.001154 = -69.5 dB, 0 below -70 dB. Below -18 dB we interpolate with a power curve through those
points: an approximation, exact at the measured points.
"""
import math

MIN_DB = -70.0
_KNEE_DB, _KNEE_VALUE = -18.0, 0.4
_LOW_EXPONENT = math.log(0.001154 / _KNEE_VALUE) / math.log(0.5 / 52.0)


def gain_to_db(gain):
    return MIN_DB if gain <= 0 else 20.0 * math.log10(gain)


def db_to_fader(db):
    """Live's volume fader position (0..1) for a level in dB."""
    if db >= _KNEE_DB:
        return min(1.0, 0.85 + db / 40.0)
    if db <= MIN_DB:
        return 0.0
    return _KNEE_VALUE * ((db - MIN_DB) / (_KNEE_DB - MIN_DB)) ** _LOW_EXPONENT


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


# Live's clip and track colour palette (Live 10 to 12): 70 colours, colour_index -> RGB.
PALETTE = [
    0xFF94A6, 0xFFA529, 0xCC9927, 0xF7F47C, 0xBFFB00, 0x1AFF2F, 0x25FFA8, 0x5CFFE8, 0x8BC5FF, 0x5480E4,
    0x92A7FF, 0xD86CE4, 0xE553A0, 0xFFFFFF, 0xFF3636, 0xF66C03, 0x99724B, 0xFFF034, 0x87FF67, 0x3DC300,
    0x00BFAF, 0x19E9FF, 0x10A4EE, 0x007DC0, 0x886CE4, 0xB677C6, 0xFF39D4, 0xD0D0D0, 0xE2675A, 0xFFA374,
    0xD3AD71, 0xEDFFAE, 0xD2E498, 0xBAD074, 0x9BC48D, 0xD4FDE1, 0xCDF1F8, 0xB9C1E3, 0xCDBBE4, 0xAE98E5,
    0xE5DCE1, 0xA9A9A9, 0xC6928B, 0xB78256, 0x99836A, 0xBFBA69, 0xA6BE00, 0x7DB04D, 0x88C2BA, 0x9BB3C4,
    0x85A5C2, 0x8393CC, 0xA595B5, 0xBF9FBE, 0xBC7196, 0x7B7B7B, 0xAF3333, 0xA95131, 0x724F41, 0xDBC300,
    0x85961F, 0x539F31, 0x0A9C8E, 0x236384, 0x1A2F96, 0x2F52A2, 0x624BAD, 0xA34BAD, 0xCC2E6E, 0x3C3C3C,
]
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
