"""Clip actions: launching, creating, copying, looping, launch settings and audio clip controls.

Helpers other code may call: set_clip_loop(ctx, clip, start, length, on, end), slot_of(clip),
next_empty_slot(track, index), fire_object(ctx, obj, quantize).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..registry import action
from . import _args as A
from .devices import index_of
from .notes import shift_pitches
from ...adapter import kind_of, label, live_enum
from ...selectors import wrap
from ..params import Choice, Custom, Number, Switch, Target, is_number
from .transport import LAUNCH_GRID, LOOP_OPTIONS

if TYPE_CHECKING:
    from Live.Clip import Clip
    from Live.ClipSlot import ClipSlot
    from Live.Track import Track
    from ...context import ActionContext

# ---- helpers other code may call --------------------------------------------------------------------


def slot_of(clip: Clip) -> ClipSlot:
    return clip.canonical_parent


def track_of_slot(slot: ClipSlot) -> Track:
    return slot.canonical_parent


def next_empty_slot(track: Track, index: int) -> Optional[ClipSlot]:
    """The first empty clip slot below index on track, or None."""
    slots = list(track.clip_slots)
    for slot in slots[index + 1:]:
        if not slot.has_clip:
            return slot
    return None


def set_clip_loop(ctx: ActionContext, clip, start=None, length=None, on=None, end=None, what="clip-loop"):
    """Loop a clip: switch looping, move the loop start, set its length (beats) or its end.
    Writes start and end in the order Live accepts (the end must stay after the start)."""
    if on is not None:
        ctx.write(clip, "looping", bool(on), what)
    # start, length and end were checked by the action's signature
    new_start = clip.loop_start if start is None else float(start)
    if length is not None:
        new_end = new_start + float(length)
    elif end is not None:
        new_end = float(end)
    else:
        new_end = clip.loop_end if start is None else new_start + (clip.loop_end - clip.loop_start)
    if new_end <= new_start:
        A.fail(what, "the loop end (%s) must come after its start (%s)" % (new_end, new_start),
               "give a longer :length or a later :end")
    if new_start >= clip.loop_end:      # moving right: push the end out first
        ctx.write(clip, "loop_end", new_end, what)
        ctx.write(clip, "loop_start", new_start, what)
    else:
        ctx.write(clip, "loop_start", new_start, what)
        ctx.write(clip, "loop_end", new_end, what)
    return None


def fire_object(ctx: ActionContext, obj, quantize=None):
    """Fire a clip, clip slot or scene on Live's grid (`quantize` is the raw :quantize option).
    Returns what ctx.quantized_launch returns (maybe a request to wait for the bar line)."""
    kind = kind_of(obj)
    if kind == "scene":
        return ctx.quantized_launch(lambda q: ctx.fire_scene(obj, q), quantize)
    if kind == "clip":
        obj = slot_of(obj)
    elif kind != "slot":
        A.fail(ctx.action, "can fire a clip, clip slot or scene, not %s" % label(obj))
    return ctx.quantized_launch(lambda q: ctx.fire_slot(obj, q), quantize)


# ---- launching -------------------------------------------------------------------------------------
@action("fire", "clip?", family="clip", timing="quantized", options=((":quantize", LAUNCH_GRID),),
        kinds={"clip": Target("clip")},
        doc="Launch a clip (or a clip slot, or a scene); :quantize :bar, :beat, 1/16 or :none lands it on "
            "that grid instead of the global quantization.",
        example="(fire (clip \"Bass A\") :quantize :bar)")
def fire(ctx: ActionContext, clip=None, quantize=None):
    targets = ctx.clip_slots(None) if clip is None else ctx.targets(clip)
    for obj in targets:
        request = fire_object(ctx, obj, quantize)
        if request is not None:   # wait for the grid line, then this action runs again
            return request
    return None


@action("stop-clip", "clip?", family="clip", timing="quantized",
        doc="Stop a playing clip (at the launch quantization, as Live's stop button does; after a bar "
            "wait, exactly on that bar).",
        example="(stop-clip (clip \"Pad\"))")
def stop_clip(ctx: ActionContext, clip=None):
    from .transport import stop_on_grid
    return stop_on_grid(ctx, ctx.clips(clip), "stop-clip")


# ---- creating and copying ---------------------------------------------------------------------------
@action("create-clip", "slot? bars?", family="clip", kinds={"bars": Number("length in bars", above=0.0)},
        doc="Create an empty MIDI clip, bars long (default 1), in an empty clip slot.",
        example="(create-clip (clip \"Drums\" 4) 2)")
def create_clip(ctx: ActionContext, slot=None, bars=1):
    slots = ctx.clip_slots(slot)
    beats = float(bars) * A.beats_per_bar(ctx.song)
    made = None
    for one in slots:
        if one.has_clip:
            ctx.fail("%s already has a clip in that slot" % track_of_slot(one).name,
                   "pick an empty slot, e.g. (clip \"%s\" %d)" % (track_of_slot(one).name,
                                                               _first_empty(track_of_slot(one))))
        if not track_of_slot(one).has_midi_input:
            ctx.fail("%s is not a MIDI track" % track_of_slot(one).name,
                   "create clips on a MIDI track")
        made = ctx.call(one, "create_clip", beats)
    return wrap(made)


def _first_empty(track: Track):
    for i, one in enumerate(track.clip_slots):
        if not one.has_clip:
            return i + 1
    return len(list(track.clip_slots)) + 1


@action("delete-clip", "clip?", family="clip", doc="Delete the clip from its slot.",
        example="(delete-clip (clip \"Bass\" 3))")
def delete_clip(ctx: ActionContext, clip=None):
    for one in ctx.clips(clip):
        ctx.call(slot_of(one), "delete_clip")
    return None


@action("duplicate-clip", "clip?", family="clip",
        doc="Copy the clip into the next empty slot below it (adding a scene if there is none).",
        example="(duplicate-clip (clip \"Bass A\"))")
def duplicate_clip(ctx: ActionContext, clip=None):
    one = ctx.clip(clip)
    slot = slot_of(one)
    track = track_of_slot(slot)
    index = index_of(track.clip_slots, slot)
    target = next_empty_slot(track, index)
    if target is None:
        new_index = ctx.call(track, "duplicate_clip_slot", index)
        return wrap(list(track.clip_slots)[new_index].clip)
    ctx.call(slot, "duplicate_clip_to", target)
    return wrap(target.clip)


@action("select-clip", "clip?", family="clip",
        doc="Select the clip: highlight its slot and show it in the clip view.",
        example="(select-clip (clip \"Drums\" 2))")
def select_clip(ctx: ActionContext, clip=None):
    one = ctx.clip(clip)
    view = ctx.song.view
    ctx.write(view, "highlighted_clip_slot", slot_of(one))
    ctx.write(view, "detail_clip", one)
    return None


# ---- loop and markers -------------------------------------------------------------------------------
@action("clip-loop", "clip? length?", family="clip",
        options=LOOP_OPTIONS + ((":on", Switch("on", toggle=False)),),
        kinds={"length": Number("length", above=0.0)},
        doc="Set a clip's loop: :start and :length (or :end) in beats, :on true/false; a bare number is the length.",
        example="(clip-loop (clip \"Drums\" 1) :start 0 :length 8)")
def clip_loop(ctx: ActionContext, clip=None, length=None, start=None, end=None, on=None):
    for one in ctx.clips(clip):
        set_clip_loop(ctx, one, start, length, on, end)
    return None


@action("duplicate-loop", "clip?", family="clip", doc="Double the loop, copying its notes into the new half.",
        example="(duplicate-loop (clip \"Bass A\"))")
def duplicate_loop(ctx: ActionContext, clip=None):
    for one in ctx.clips(clip):
        ctx.call(one, "duplicate_loop")
    return None


@action("crop", "clip?", family="clip", doc="Cut the clip down to its loop (or its markers when not looping).",
        example="(crop (clip \"Drums\" 1))")
def crop(ctx: ActionContext, clip=None):
    for one in ctx.clips(clip):
        ctx.call(one, "crop")
    return None


def _marker(ctx: ActionContext, name, attr, clip, beats):
    for one in ctx.clips(clip):
        ctx.write(one, attr, float(beats), name)
    return None


@action("start-marker", "clip? beats", family="clip", doc="Move the clip's start marker (in beats).",
        example="(start-marker (clip \"Drums\" 1) 2)")
def start_marker(ctx: ActionContext, beats, clip=None):
    return _marker(ctx, "start-marker", "start_marker", clip, beats)


@action("end-marker", "clip? beats", family="clip", doc="Move the clip's end marker (in beats).",
        example="(end-marker (clip \"Drums\" 1) 8)")
def end_marker(ctx: ActionContext, beats, clip=None):
    return _marker(ctx, "end-marker", "end_marker", clip, beats)


# ---- launch settings -----------------------------------------------------------------------------
LAUNCH_MODES = {"trigger": 0, "gate": 1, "toggle": 2, "repeat": 3}


@action("launch-mode", "clip? mode", family="clip", kinds={"mode": Choice("launch mode", LAUNCH_MODES)},
        doc="How the clip reacts to launches: :trigger :gate :toggle :repeat.",
        example="(launch-mode (clip \"Drums\" 1) :gate)")
def launch_mode(ctx: ActionContext, mode, clip=None):
    import Live
    value = live_enum(Live.Clip.LaunchMode, mode)
    for one in ctx.clips(clip):
        ctx.write(one, "launch_mode", value)
    return None


def _clip_grid(v):
    if getattr(v, "name", None) == "global":
        return 0
    return A.launch_quantize(v) + 1   # Clip's enum is Song's plus one


CLIP_GRID = Custom("grid", "a launch grid like :global, :bar, :beat, 1/16 or :none", _clip_grid,
                   fits=lambda v: is_number(v) or hasattr(v, "name"),
                   values=["global"] + list(A.LAUNCH_QUANTIZE))


@action("launch-quantize", "clip? grid", family="clip", kinds={"grid": CLIP_GRID},
        doc="The clip's own launch quantization: :global, :none, :bar, :beat, 1/16, 2 (bars) ...",
        example="(launch-quantize (clip \"Drums\" 1) :beat)")
def launch_quantize(ctx: ActionContext, grid, clip=None):
    import Live
    value = live_enum(Live.Clip.ClipLaunchQuantization, grid)
    for one in ctx.clips(clip):
        ctx.write(one, "launch_quantization", value)
    return None


def _flag(ctx: ActionContext, name, clip, on, attr):
    for one in ctx.clips(clip):
        ctx.write(one, attr, on, name)
    return None


@action("legato", "clip? on?", family="clip",
        doc="Legato launching: the clip takes over the play position of the one before.",
        example="(legato (clip \"Drums\" 2))")
def legato(ctx: ActionContext, clip=None, on=True):
    return _flag(ctx, "legato", clip, on, "legato")


@action("clip-mute", "clip? on?", family="clip", doc="Deactivate the clip (greyed out, it will not play).",
        example="(clip-mute (clip \"Drums\" 2))")
def clip_mute(ctx: ActionContext, clip=None, on=True):
    return _flag(ctx, "clip-mute", clip, on, "muted")


@action("clip-unmute", "clip?", family="clip", doc="Activate a deactivated clip again.",
        example="(clip-unmute (clip \"Drums\" 2))")
def clip_unmute(ctx: ActionContext, clip=None):
    for one in ctx.clips(clip):
        ctx.write(one, "muted", False)
    return None


@action("clip-signature", "clip? numerator denominator", family="clip", doc="Set the clip's time signature.",
        example="(clip-signature (clip \"Drums\" 1) 3 4)")
def clip_signature(ctx: ActionContext, numerator, denominator, clip=None):
    for one in ctx.clips(clip):
        ctx.write(one, "signature_numerator", numerator)
        ctx.write(one, "signature_denominator", denominator)
    return None


# ---- pitch, timing, audio -----------------------------------------------------------------------
NOTE_GRID = Custom("grid", "1/4, 1/8, 1/16 or 1/32 (or :sixteenth ...)", A.note_grid,
                   fits=lambda v: is_number(v) or hasattr(v, "name"), values=list(A.NOTE_GRID))


@action("quantize-clip", "clip? grid strength?", family="clip", kinds={"grid": NOTE_GRID},
        doc="Quantize the clip's notes (or audio warp markers) to a grid like 1/16; strength 0..1 (default 1).",
        example="(quantize-clip (clip \"Beat\") 1/16 0.5)")
def quantize_clip(ctx: ActionContext, grid, clip=None, strength=1.0):
    q, _ = grid
    for one in ctx.clips(clip):
        ctx.call(one, "quantize", q, float(strength))
    return None


@action("transpose", "clip? semitones", family="clip",
        kinds={"semitones": Number("number of semitones", -127, 127, integer=True)},
        doc="Transpose a clip: MIDI clips move their notes, audio clips their coarse pitch.",
        example="(transpose (clip \"Bass A\") -12)")
def transpose(ctx: ActionContext, semitones, clip=None):
    for one in ctx.clips(clip):
        if one.is_midi_clip:
            shift_pitches(ctx, one, semitones, "transpose")
        else:
            value = one.pitch_coarse + semitones
            if not -48 <= value <= 48:
                ctx.fail("an audio clip moves 48 semitones at most each way, this would be %d" % value,
                       "transpose by less")
            ctx.write(one, "pitch_coarse", value)
    return None


def _audio_only(ctx: ActionContext, clip: Clip):
    if not clip.is_audio_clip:
        ctx.fail("%s is a MIDI clip" % (clip.name or "this clip"), "use it on audio clips")


@action("detune", "clip? cents", family="clip", kinds={"cents": Number("detune", -50, 50)},
        doc="Fine-tune an audio clip, -50 .. 50 cents.",
        example="(detune (clip \"Hook\") -12)")
def detune(ctx: ActionContext, cents, clip=None):
    for one in ctx.clips(clip):
        _audio_only(ctx, one)
        ctx.write(one, "pitch_fine", float(cents))
    return None


@action("clip-gain", "clip? level", family="clip", kinds={"level": Number("gain", 0.0, 1.0)},
        doc="Set an audio clip's gain, 0.0 .. 1.0.",
        example="(clip-gain (clip \"Hook\") 0.6)")
def clip_gain(ctx: ActionContext, level, clip=None):
    for one in ctx.clips(clip):
        _audio_only(ctx, one)
        ctx.write(one, "gain", float(level))
    return None


@action("warp", "clip? on?", family="clip", doc="Switch warping of an audio clip on (default) or off.",
        example="(warp (clip \"Hook\") :off)")
def warp(ctx: ActionContext, clip=None, on=True):
    for one in ctx.clips(clip):
        _audio_only(ctx, one)
        ctx.write(one, "warping", on)
    return None


WARP_MODES = {"beats": 0, "tones": 1, "texture": 2, "repitch": 3, "complex": 4, "complex-pro": 6}


@action("warp-mode", "clip? mode", family="clip", kinds={"mode": Choice("warp mode", WARP_MODES)},
        doc="Set an audio clip's warp mode: :beats :tones :texture :repitch :complex :complex-pro.",
        example="(warp-mode (clip \"Hook\") :complex)")
def warp_mode(ctx: ActionContext, mode, clip=None):
    import Live
    value = live_enum(Live.Clip.WarpMode, mode)
    for one in ctx.clips(clip):
        _audio_only(ctx, one)
        ctx.write(one, "warp_mode", value)
    return None


@action("clip-velocity-amount", "clip? amount", family="clip",
        doc="How much note velocity changes a clip's volume (audio: 0.0 .. 1.0).",
        example="(clip-velocity-amount (clip \"Hook\") 0.5)")
def clip_velocity_amount(ctx: ActionContext, amount, clip=None):
    for one in ctx.clips(clip):
        ctx.write(one, "velocity_amount", float(amount))
    return None
