"""Note actions on MIDI clips, through Live 11's extended note API (note ids, probability).

A note is an lmac map {:pitch 60 :start 0.0 :duration 1.0 :velocity 100.0 :mute false
:probability 1.0 :velocity-deviation 0.0 :release-velocity 64.0 :id 7}. Editing actions accept
:pitch p or :pitch [lo hi] to touch only those notes.

Helpers other code may call: read_notes(ctx, clip, what), modify_notes(ctx, clip, change, what,
pitches), add_notes_to(ctx, clip, notes, what), shift_pitches(ctx, clip, semis, what), note_map(note).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from ...value_forms import By
from ....interpreter.printer import describe
from ....interpreter.values import Keyword
from ..params import Bad, Custom, Items, Number, is_number

if TYPE_CHECKING:
    from Live.Clip import Clip
    from ...context import ActionContext

FIELDS = ("pitch", "start", "duration", "velocity", "mute", "probability", "velocity-deviation",
          "release-velocity")
LIVE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute", "probability",
               "velocity_deviation", "release_velocity")
DEFAULTS = {"velocity": 100.0, "mute": False, "probability": 1.0, "velocity-deviation": 0.0,
            "release-velocity": 64.0}
TIME_MARGIN = 16384.0   # beats beyond the clip's end that notes may sit at


# ---- helpers other code may call ------------------------------------------------------------------
def _live():
    import Live  # the real module inside Live, virtual Live's under tests
    return Live


def require_midi(what, clip: Clip):
    if not clip.is_midi_clip:
        A.fail(what, "works on MIDI clips, and %s is an audio clip" % (clip.name or "this clip"))


def region(clip: Clip):
    """(start, end) in beats: the loop when looping, else the markers."""
    if clip.looping:
        return clip.loop_start, clip.loop_end
    return clip.start_marker, clip.end_marker


def read_notes(ctx: ActionContext, clip: Clip, what="notes", pitches=None):
    """The clip's notes (Live MidiNote objects) as a vector Live can take back, in Live's order
    (pitch, then time)."""
    require_midi(what, clip)
    lo, hi = pitches if pitches is not None else (0, 127)
    span = max(clip.loop_end, clip.end_marker) + TIME_MARGIN
    return ctx.call(clip, "get_notes_extended", lo, hi - lo + 1, 0.0, span, what=what)


def note_map(note):
    return A.to_map([("pitch", note.pitch), ("start", note.start_time), ("duration", note.duration),
                     ("velocity", note.velocity), ("mute", bool(note.mute)),
                     ("probability", note.probability), ("velocity-deviation", note.velocity_deviation),
                     ("release-velocity", note.release_velocity), ("id", note.note_id)])


def modify_notes(ctx: ActionContext, clip, change, what, pitches=None):
    """Call change(notes) on the clip's notes (mutating them), check them, give them back to Live."""
    notes = read_notes(ctx, clip, what, pitches)
    items = list(notes)
    if not items:
        return 0
    change(items)
    for n in items:
        _check_note(what, n.pitch, n.start_time, n.duration, n.velocity)
    ctx.call(clip, "apply_note_modifications", notes, what=what)
    return len(items)


def _check_note(what, pitch, start, duration, velocity):
    if not 0 <= pitch <= 127:
        A.fail(what, "would put a note at pitch %s, outside MIDI's 0..127" % _num(pitch))
    if duration <= 0:
        A.fail(what, "would give a note a length of %s beats; notes need a positive length" % _num(duration))
    if not 0 <= velocity <= 127:
        A.fail(what, "expects velocities from 0 to 127, got %s" % _num(velocity))
    if start < 0:
        A.fail(what, "would move a note before the clip start (to beat %s)" % _num(start))


def _num(x):
    return ("%g" % x) if isinstance(x, float) else str(x)


def shift_pitches(ctx: ActionContext, clip, semis, what="transpose", pitches=None):
    def change(notes):
        for n in notes:
            n.pitch = n.pitch + semis
    return modify_notes(ctx, clip, change, what, pitches)


def parse_note(what, value):
    """A note from [pitch start duration velocity?] or a map with :pitch :start ... ; returns a dict."""
    if isinstance(value, dict):
        fields = {}
        for k, v in value.items():
            name = k.name if type(k) is Keyword else str(k)
            if name in FIELDS:
                fields[name] = v
        for need in ("pitch", "start"):
            if need not in fields:
                A.fail(what, "expects each note map to have :pitch and :start, got %s" % describe(value))
        fields.setdefault("duration", 1.0)
    elif isinstance(value, (list, tuple)) and 2 <= len(value) <= len(FIELDS):
        fields = dict(zip(FIELDS, value))
        fields.setdefault("duration", 1.0)
    else:
        A.fail(what, "expects notes like [60 0 1 100] (pitch start length velocity) or maps, got %s"
               % describe(value))
    for k, v in DEFAULTS.items():
        fields.setdefault(k, v)
    for k in ("pitch", "start", "duration", "velocity", "probability", "velocity-deviation", "release-velocity"):
        A.number(what, fields[k], "a number for the note's %s" % k)
    if int(fields["pitch"]) != fields["pitch"]:
        A.fail(what, "expects a whole-number pitch, got %s" % fields["pitch"])
    if not 0.0 <= fields["probability"] <= 1.0:
        A.fail(what, "expects a probability from 0.0 to 1.0, got %s" % fields["probability"])
    _check_note(what, fields["pitch"], fields["start"], fields["duration"], fields["velocity"])
    return fields


def add_notes_to(ctx: ActionContext, clip, notes, what="add-notes"):
    """Add notes (as parse_note dicts) to the clip; returns their Live note ids."""
    require_midi(what, clip)
    spec = _live().Clip.MidiNoteSpecification
    specs = [spec(pitch=int(f["pitch"]), start_time=float(f["start"]), duration=float(f["duration"]),
                  velocity=float(f["velocity"]), mute=bool(f["mute"]), probability=float(f["probability"]),
                  velocity_deviation=float(f["velocity-deviation"]),
                  release_velocity=float(f["release-velocity"]))
             for f in notes]
    return list(ctx.call(clip, "add_new_notes", tuple(specs), what=what))


def _pitches(value):
    """:pitch 36 or :pitch [36 48] -> (lo, hi)."""
    def one(p):
        if not is_number(p) or int(p) != p or not 0 <= p <= 127:
            raise Bad("the pitch must be a pitch from 0 to 127 like 36 or a range like [36 48], got %s"
                      % A.shown(value))
        return int(p)
    if isinstance(value, (list, tuple)) and len(value) == 2:
        lo, hi = one(value[0]), one(value[1])
        return (min(lo, hi), max(lo, hi))
    if isinstance(value, (list, tuple)):
        one(None)
    p = one(value)
    return (p, p)


PITCH = ((":pitch", Custom("pitch", "a pitch like 36 or a range like [36 48]", _pitches)),)


def _each_clip(ctx: ActionContext, what, sel, change, pitches):
    count = 0
    for clip in ctx.clips(sel):
        count += modify_notes(ctx, clip, lambda notes: change(clip, notes), what, pitches)
    return count


# ---- reading and adding -------------------------------------------------------------------------
@action("notes", "clip?", family="notes", options=PITCH,
        doc="The clip's notes as maps {:pitch :start :duration :velocity :mute :probability ...}, in time order.",
        example="(notes (clip \"Bass A\"))")
def notes(ctx: ActionContext, clip=None, pitch=None):
    found = read_notes(ctx, ctx.clip(clip), "notes", pitch)
    return A.vector(note_map(n) for n in sorted(found, key=lambda n: (n.start_time, n.pitch)))


@action("add-notes", "clip? notes", family="notes",
        kinds={"notes": Items("notes", "[[60 0 1 100] [64 1 1 90]]")},
        doc="Add notes: a vector of [pitch start length velocity] vectors or note maps.",
        example="(add-notes (clip \"Drums\" 1) [[60 0 1 100] [64 1 1 90]])")
def add_notes(ctx: ActionContext, notes, clip=None):
    parsed = [parse_note("add-notes", n) for n in notes]
    ids = []
    for one in ctx.clips(clip):
        ids = add_notes_to(ctx, one, parsed, "add-notes")
    return len(ids)


@action("add-note", "clip? pitch start duration velocity?", family="notes",
        kinds={"pitch": Number("pitch", 0, 127, integer=True), "start": Number("start", 0.0),
               "duration": Number("duration", above=0.0), "velocity": Number("velocity", 0, 127)},
        doc="Add one note: pitch (60 is middle C), start and length in beats, velocity (default 100).",
        example="(add-note (clip \"Drums\" 1) 60 0 0.5 110)")
def add_note(ctx: ActionContext, pitch, start, duration, clip=None, velocity=100):
    fields = parse_note("add-note", [pitch, start, duration, velocity])
    for one in ctx.clips(clip):
        add_notes_to(ctx, one, [fields], "add-note")
    return None


@action("delete-notes", "clip?", family="notes", options=PITCH,
        doc="Delete the clip's notes, or only those at :pitch p / :pitch [lo hi].",
        example="(delete-notes (clip \"Beat\") :pitch 42)")
def delete_notes(ctx: ActionContext, clip=None, pitch=None):
    lo, hi = pitch or (0, 127)
    for one in ctx.clips(clip):
        require_midi("delete-notes", one)
        span = max(one.loop_end, one.end_marker) + TIME_MARGIN
        ctx.call(one, "remove_notes_extended", lo, hi - lo + 1, 0.0, span)
    return None


@action("clear-clip", "clip?", family="notes", doc="Delete every note of the clip.",
        example="(clear-clip (clip \"Drums\" 2))")
def clear_clip(ctx: ActionContext, clip=None):
    return delete_notes(ctx, clip)


# ---- editing ------------------------------------------------------------------------------------
@action("transpose-notes", "clip? semitones", family="notes", options=PITCH,
        kinds={"semitones": Number("number of semitones", -127, 127, integer=True)},
        doc="Move the clip's notes up or down by semitones.",
        example="(transpose-notes (clip \"Pad\") 12)")
def transpose_notes(ctx: ActionContext, semitones, clip=None, pitch=None):
    for one in ctx.clips(clip):
        shift_pitches(ctx, one, semitones, "transpose-notes", pitch)
    return None


def relative_delta(value):
    """The d of a (by d) value form, or None for anything else."""
    return value.delta if isinstance(value, By) else None


def _velocity_value(v):
    if isinstance(v, By):
        return v
    if not is_number(v) or not 1 <= v <= 127:
        raise Bad("the velocity must be a number from 1 to 127 or (by d), got %s" % A.shown(v))
    return v


@action("velocity", "clip? velocity", family="notes", options=PITCH,
        kinds={"velocity": Custom("velocity", "a number from 1 to 127 or (by d)", _velocity_value,
                                  fits=lambda v: is_number(v) or isinstance(v, By), hint="value")},
        doc="Set every note's velocity (1..127), or change it with (by d).",
        example="(velocity (clip \"Beat\") (by -10) :pitch 42)")
def velocity(ctx: ActionContext, velocity, clip=None, pitch=None):
    delta = relative_delta(velocity)

    def change(one: Clip, notes):
        for n in notes:
            n.velocity = float(velocity) if delta is None else min(127.0, max(1.0, n.velocity + delta))
    _each_clip(ctx, "velocity", clip, change, pitch)
    return None


@action("random-velocity", "clip? low high", family="notes", options=PITCH,
        kinds={"low": Number("low velocity", 1, 127), "high": Number("high velocity", 1, 127)},
        doc="Give each note a random velocity between low and high.",
        example="(random-velocity (clip \"Beat\") 70 120)")
def random_velocity(ctx: ActionContext, low, high, clip=None, pitch=None):
    from ....interpreter.builtins import RANDOM
    lo, hi = min(low, high), max(low, high)

    def change(one: Clip, notes):
        for n in notes:
            n.velocity = float(RANDOM.randint(int(lo), int(hi)))
    _each_clip(ctx, "random-velocity", clip, change, pitch)
    return None


@action("reverse-notes", "clip?", family="notes", options=PITCH,
        doc="Play the clip's notes backwards inside its loop.",
        example="(reverse-notes (clip \"Bass A\"))")
def reverse_notes(ctx: ActionContext, clip=None, pitch=None):
    def change(one: Clip, notes):
        start, end = region(one)
        for n in notes:
            if start <= n.start_time < end:
                n.start_time = max(start, start + end - n.start_time - n.duration)
    _each_clip(ctx, "reverse-notes", clip, change, pitch)
    return None


@action("invert-notes", "clip?", family="notes", options=PITCH,
        doc="Turn the melody upside down: the highest note becomes the lowest.",
        example="(invert-notes (clip \"Bass A\"))")
def invert_notes(ctx: ActionContext, clip=None, pitch=None):
    def change(one: Clip, notes):
        lo = min(n.pitch for n in notes)
        hi = max(n.pitch for n in notes)
        for n in notes:
            n.pitch = lo + hi - n.pitch
    _each_clip(ctx, "invert-notes", clip, change, pitch)
    return None


@action("legato-notes", "clip?", family="notes", options=PITCH,
        doc="Stretch each note up to the next one (the last to the loop end).",
        example="(legato-notes (clip \"Pad\"))")
def legato_notes(ctx: ActionContext, clip=None, pitch=None):
    def change(one: Clip, notes):
        _, end = region(one)
        starts = sorted(set(n.start_time for n in notes))
        for n in notes:
            later = [s for s in starts if s > n.start_time]
            stop = later[0] if later else max(end, n.start_time + n.duration)
            n.duration = stop - n.start_time
    _each_clip(ctx, "legato-notes", clip, change, pitch)
    return None


@action("nudge-notes", "clip? beats", family="notes", options=PITCH,
        doc="Move the notes later (or earlier, with a negative number) by beats.",
        example="(nudge-notes (clip \"Beat\") 1/16)")
def nudge_notes(ctx: ActionContext, beats, clip=None, pitch=None):
    def change(one: Clip, notes):
        for n in notes:
            n.start_time = n.start_time + beats
    _each_clip(ctx, "nudge-notes", clip, change, pitch)
    return None


@action("scale-notes", "clip? factor", family="notes", options=PITCH,
        kinds={"factor": Number("factor", above=0.0)},
        doc="Stretch (factor 2) or squeeze (0.5) the notes in time, from the loop start.",
        example="(scale-notes (clip \"Bass A\") 2)")
def scale_notes(ctx: ActionContext, factor, clip=None, pitch=None):
    def change(one: Clip, notes):
        start, _ = region(one)
        for n in notes:
            n.start_time = start + (n.start_time - start) * factor
            n.duration = n.duration * factor
    _each_clip(ctx, "scale-notes", clip, change, pitch)
    return None


@action("quantize-notes", "clip? grid strength?", family="notes", options=PITCH,
        kinds={"grid": Number("grid", above=0.0)},
        doc="Pull note starts to any grid (1/16, 1/12 for triplets ...), strength 0..1 (default 1).",
        example="(quantize-notes (clip \"Beat\") 1/16 0.75)")
def quantize_notes(ctx: ActionContext, grid, clip=None, strength=1.0, pitch=None):
    step = 4.0 * grid   # 1/16 of a whole note is a quarter of a beat

    def change(one: Clip, notes):
        for n in notes:
            target = round(n.start_time / step) * step
            n.start_time = n.start_time + (target - n.start_time) * strength
    _each_clip(ctx, "quantize-notes", clip, change, pitch)
    return None


@action("humanize", "clip? amount", family="notes", options=PITCH,
        doc="Loosen the notes: amount 0..1 moves starts up to amount/16 beat and velocities up to amount*24.",
        example="(humanize (clip \"Beat\") 0.3)")
def humanize(ctx: ActionContext, amount, clip=None, pitch=None):
    from ....interpreter.builtins import RANDOM

    def change(one: Clip, notes):
        for n in notes:
            n.start_time = max(0.0, n.start_time + RANDOM.uniform(-1, 1) * amount / 16.0)
            n.velocity = min(127.0, max(1.0, n.velocity + RANDOM.uniform(-1, 1) * amount * 24.0))
    _each_clip(ctx, "humanize", clip, change, pitch)
    return None


@action("scramble-pitches", "clip?", family="notes", options=PITCH,
        doc="Shuffle which pitch each note plays, keeping the rhythm (ClyphX's NOTES SCRP).",
        example="(scramble-pitches (clip \"Bass A\"))")
def scramble_pitches(ctx: ActionContext, clip=None, pitch=None):
    from ....interpreter.builtins import RANDOM

    def change(one: Clip, notes):
        shuffled = [n.pitch for n in notes]
        RANDOM.shuffle(shuffled)
        for n, new_pitch in zip(notes, shuffled):
            n.pitch = new_pitch
    _each_clip(ctx, "scramble-pitches", clip, change, pitch)
    return None


@action("scramble-notes", "clip?", family="notes", options=PITCH,
        doc="Shuffle where the notes start, keeping each note's pitch and length (ClyphX's NOTES SCRN).",
        example="(scramble-notes (clip \"Beat\") :pitch 42)")
def scramble_notes(ctx: ActionContext, clip=None, pitch=None):
    from ....interpreter.builtins import RANDOM

    def change(one: Clip, notes):
        starts = [n.start_time for n in notes]
        RANDOM.shuffle(starts)
        for n, start in zip(notes, starts):
            n.start_time = start
    _each_clip(ctx, "scramble-notes", clip, change, pitch)
    return None


def _mute(ctx: ActionContext, what, clip, pitch, value):
    def change(one: Clip, notes):
        for n in notes:
            n.mute = value
    _each_clip(ctx, what, clip, change, pitch)
    return None


@action("mute-notes", "clip?", family="notes", options=PITCH, doc="Deactivate notes (they stay, greyed out).",
        example="(mute-notes (clip \"Beat\") :pitch 42)")
def mute_notes(ctx: ActionContext, clip=None, pitch=None):
    return _mute(ctx, "mute-notes", clip, pitch, True)


@action("unmute-notes", "clip?", family="notes", options=PITCH, doc="Activate deactivated notes again.",
        example="(unmute-notes (clip \"Beat\"))")
def unmute_notes(ctx: ActionContext, clip=None, pitch=None):
    return _mute(ctx, "unmute-notes", clip, pitch, False)


@action("note-probability", "clip? chance", family="notes", options=PITCH,
        kinds={"chance": Number("chance", 0.0, 1.0)},
        doc="The chance (0.0 .. 1.0) that each note plays (Live 11 note probability).",
        example="(note-probability (clip \"Beat\") 0.5 :pitch 42)")
def note_probability(ctx: ActionContext, chance, clip=None, pitch=None):
    def change(one: Clip, notes):
        for n in notes:
            n.probability = float(chance)
    _each_clip(ctx, "note-probability", clip, change, pitch)
    return None
