"""Clip actions: launching, creating, copying, looping, launch settings and audio clip controls.

Helpers other code may call: set_clip_loop(ctx, clip, start, length, on, end), slot_of(clip),
next_empty_slot(track, index), fire_object(ctx, obj, quantize).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..registry import action
from . import _args as A
from .devices import index_of
from .mixer import looks_like_value
from .notes import shift_pitches
from ...adapter import kind_of, label, live_enum
from ...selectors import wrap
from ....interpreter.values import LmacError

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
    new_start = clip.loop_start if start is None else float(A.number(what, start, "a loop start in beats"))
    if start is not None and new_start < 0:
        A.fail(what, "expects a loop start of 0 or more beats, got %s" % start)
    if length is not None:
        A.positive(what, length, "a loop length of more than 0 beats")
        new_end = new_start + float(length)
    elif end is not None:
        new_end = float(A.number(what, end, "a loop end in beats"))
    else:
        new_end = clip.loop_end if start is None else new_start + (clip.loop_end - clip.loop_start)
    if new_end <= new_start:
        A.fail(what, "needs the loop end (%s) after its start (%s)" % (new_end, new_start))
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
        A.fail(ctx.action, "expects a clip, clip slot or scene to fire, got %s" % label(obj))
    return ctx.quantized_launch(lambda q: ctx.fire_slot(obj, q), quantize)


# ---- launching -------------------------------------------------------------------------------------
@action("fire", "clip?", family="clip", timing="quantized", options=(":quantize",),
        doc="Launch a clip (or a clip slot, or a scene); :quantize :bar, :beat, 1/16 or :none lands it on "
            "that grid instead of the global quantization.",
        example="(fire (clip \"Bass A\") :quantize :bar)")
def fire(ctx: ActionContext, *args):
    positional, opts = A.split_options("fire", args, ("quantize",))
    if len(positional) > 1:
        raise LmacError("fire expects one clip: (fire (clip 1 2) :quantize :bar)")
    sel = positional[0] if positional else None
    quantize = opts.get("quantize")
    if quantize is not None:
        A.launch_quantize("fire", quantize)   # checks the grid word before anything fires
    targets = ctx.clip_slots(None) if sel is None else ctx.targets(sel)
    for obj in targets:
        request = fire_object(ctx, obj, quantize)
        if request is not None:   # wait for the grid line, then this action runs again
            return request
    return None


@action("stop-clip", "clip?", family="clip", timing="quantized",
        doc="Stop a playing clip (at the launch quantization, as Live's stop button does; after a bar "
            "wait, exactly on that bar).",
        example="(stop-clip (clip \"Pad\"))")
def stop_clip(ctx: ActionContext, sel=None):
    from .transport import stop_on_grid
    return stop_on_grid(ctx, ctx.clips(sel), "stop-clip")


# ---- creating and copying ---------------------------------------------------------------------------
@action("create-clip", "slot? bars?", family="clip",
        doc="Create an empty MIDI clip, bars long (default 1), in an empty clip slot.",
        example="(create-clip (clip \"Drums\" 4) 2)")
def create_clip(ctx: ActionContext, *given):
    args = list(given)
    if len(args) == 1 and A.is_number(args[0]):
        args = [None, args[0]]
    sel = args[0] if args else None
    bars = args[1] if len(args) > 1 else 1
    A.positive("create-clip", bars, "a length in bars")
    slots = ctx.clip_slots(sel)
    beats = float(bars) * A.beats_per_bar(ctx.song)
    made = None
    for slot in slots:
        if slot.has_clip:
            A.fail("create-clip", "needs an empty clip slot, but %s already has a clip there"
                   % track_of_slot(slot).name)
        if not track_of_slot(slot).has_midi_input:
            A.fail("create-clip", "can only create clips on MIDI tracks, and %s is not one"
                   % track_of_slot(slot).name)
        made = ctx.call(slot, "create_clip", beats, what="create-clip")
    return wrap(made)


@action("delete-clip", "clip?", family="clip", doc="Delete the clip from its slot.",
        example="(delete-clip (clip \"Bass\" 3))")
def delete_clip(ctx: ActionContext, sel=None):
    for clip in ctx.clips(sel):
        ctx.call(slot_of(clip), "delete_clip", what="delete-clip")
    return None


@action("duplicate-clip", "clip?", family="clip",
        doc="Copy the clip into the next empty slot below it (adding a scene if there is none).",
        example="(duplicate-clip (clip \"Bass A\"))")
def duplicate_clip(ctx: ActionContext, sel=None):
    clip = ctx.clip(sel)
    slot = slot_of(clip)
    track = track_of_slot(slot)
    index = index_of(track.clip_slots, slot)
    target = next_empty_slot(track, index)
    if target is None:
        new_index = ctx.call(track, "duplicate_clip_slot", index, what="duplicate-clip")
        return wrap(list(track.clip_slots)[new_index].clip)
    ctx.call(slot, "duplicate_clip_to", target, what="duplicate-clip")
    return wrap(target.clip)


@action("select-clip", "clip?", family="clip",
        doc="Select the clip: highlight its slot and show it in the clip view.",
        example="(select-clip (clip \"Drums\" 2))")
def select_clip(ctx: ActionContext, sel=None):
    clip = ctx.clip(sel)
    view = ctx.song.view
    ctx.write(view, "highlighted_clip_slot", slot_of(clip), "select-clip")
    ctx.write(view, "detail_clip", clip, "select-clip")
    return None


# ---- loop and markers -------------------------------------------------------------------------------
@action("clip-loop", "clip? length?", family="clip", options=(":start", ":length", ":end", ":on"),
        doc="Set a clip's loop: :start and :length (or :end) in beats, :on true/false; a bare number is the length.",
        example="(clip-loop (clip \"Drums\" 1) :start 0 :length 8)")
def clip_loop(ctx: ActionContext, *args):
    positional, opts = A.split_options("clip-loop", args, ("start", "length", "end", "on"))
    length = opts.get("length")
    if positional and A.is_number(positional[-1]):
        length = positional.pop()
    if len(positional) > 1:
        raise LmacError("clip-loop expects a clip and :start/:length: (clip-loop (clip 1 1) :start 0 :length 8)")
    on = opts.get("on")
    if on is not None:
        on = A.switch("clip-loop", on)
    for clip in ctx.clips(positional[0] if positional else None):
        set_clip_loop(ctx, clip, opts.get("start"), length, on, opts.get("end"))
    return None


@action("duplicate-loop", "clip?", family="clip", doc="Double the loop, copying its notes into the new half.",
        example="(duplicate-loop (clip \"Bass A\"))")
def duplicate_loop(ctx: ActionContext, sel=None):
    for clip in ctx.clips(sel):
        ctx.call(clip, "duplicate_loop", what="duplicate-loop")
    return None


@action("crop", "clip?", family="clip", doc="Cut the clip down to its loop (or its markers when not looping).",
        example="(crop (clip \"Drums\" 1))")
def crop(ctx: ActionContext, sel=None):
    for clip in ctx.clips(sel):
        ctx.call(clip, "crop", what="crop")
    return None


def _marker(ctx: ActionContext, name, attr, args):
    sel, value = (None, args[0]) if len(args) == 1 else (args[0], args[1]) if len(args) == 2 else (None, None)
    if value is None:
        raise LmacError("%s expects a position in beats: (%s (clip 1 1) 4)" % (name, name))
    A.number(name, value, "a position in beats")
    for clip in ctx.clips(sel):
        ctx.write(clip, attr, float(value), name)
    return None


@action("start-marker", "clip? beats", family="clip", doc="Move the clip's start marker (in beats).",
        example="(start-marker (clip \"Drums\" 1) 2)")
def start_marker(ctx: ActionContext, *args):
    return _marker(ctx, "start-marker", "start_marker", args)


@action("end-marker", "clip? beats", family="clip", doc="Move the clip's end marker (in beats).",
        example="(end-marker (clip \"Drums\" 1) 8)")
def end_marker(ctx: ActionContext, *args):
    return _marker(ctx, "end-marker", "end_marker", args)


# ---- launch settings -----------------------------------------------------------------------------
LAUNCH_MODES = {"trigger": 0, "gate": 1, "toggle": 2, "repeat": 3}


def _clip_and_value(name, args, example):
    if len(args) == 1:
        return None, args[0]
    if len(args) == 2:
        return args[0], args[1]
    raise LmacError("%s expects a clip and a value: %s" % (name, example))


@action("launch-mode", "clip? mode", family="clip",
        doc="How the clip reacts to launches: :trigger :gate :toggle :repeat.",
        example="(launch-mode (clip \"Drums\" 1) :gate)")
def launch_mode(ctx: ActionContext, *args):
    sel, mode = _clip_and_value("launch-mode", args, "(launch-mode (clip 1 1) :gate)")
    import Live
    value = live_enum(Live.Clip.LaunchMode, A.choice("launch-mode", mode, LAUNCH_MODES, "a launch mode"))
    for clip in ctx.clips(sel):
        ctx.write(clip, "launch_mode", value, "launch-mode")
    return None


@action("launch-quantize", "clip? grid", family="clip",
        doc="The clip's own launch quantization: :global, :none, :bar, :beat, 1/16, 2 (bars) ...",
        example="(launch-quantize (clip \"Drums\" 1) :beat)")
def launch_quantize(ctx: ActionContext, *args):
    sel, grid = _clip_and_value("launch-quantize", args, "(launch-quantize (clip 1 1) :beat)")
    if getattr(grid, "name", None) == "global":
        value = 0
    else:
        value = A.launch_quantize("launch-quantize", grid) + 1   # Clip's enum is Song's plus one
    import Live
    value = live_enum(Live.Clip.ClipLaunchQuantization, value)
    for clip in ctx.clips(sel):
        ctx.write(clip, "launch_quantization", value, "launch-quantize")
    return None


def _flag(ctx: ActionContext, name, args, attr, default=True):
    if len(args) > 2:
        raise LmacError("%s expects a clip and optionally :on/:off" % name)
    args = list(args)
    on = default
    if args and (isinstance(args[-1], bool) or looks_like_value(args[-1])):
        on = A.switch(name, args.pop())
    for clip in ctx.clips(args[0] if args else None):
        ctx.write(clip, attr, on, name)
    return None


@action("legato", "clip? on?", family="clip",
        doc="Legato launching: the clip takes over the play position of the one before.",
        example="(legato (clip \"Drums\" 2))")
def legato(ctx: ActionContext, *args):
    return _flag(ctx, "legato", args, "legato")


@action("clip-mute", "clip? on?", family="clip", doc="Deactivate the clip (greyed out, it will not play).",
        example="(clip-mute (clip \"Drums\" 2))")
def clip_mute(ctx: ActionContext, *args):
    return _flag(ctx, "clip-mute", args, "muted")


@action("clip-unmute", "clip?", family="clip", doc="Activate a deactivated clip again.",
        example="(clip-unmute (clip \"Drums\" 2))")
def clip_unmute(ctx: ActionContext, sel=None):
    for clip in ctx.clips(sel):
        ctx.write(clip, "muted", False, "clip-unmute")
    return None


@action("clip-signature", "clip? numerator denominator", family="clip", doc="Set the clip's time signature.",
        example="(clip-signature (clip \"Drums\" 1) 3 4)")
def clip_signature(ctx: ActionContext, *args):
    if len(args) == 2:
        sel, num, den = None, args[0], args[1]
    elif len(args) == 3:
        sel, num, den = args
    else:
        raise LmacError("clip-signature expects a numerator and a denominator: (clip-signature (clip 1 1) 3 4)")
    num = A.integer("clip-signature", num, "a numerator from 1 to 99")
    den = A.integer("clip-signature", den, "a denominator (1, 2, 4, 8 or 16)")
    if not 1 <= num <= 99:
        A.fail("clip-signature", "expects a numerator from 1 to 99, got %d" % num)
    if den not in (1, 2, 4, 8, 16):
        A.fail("clip-signature", "expects a denominator of 1, 2, 4, 8 or 16, got %d" % den)
    for clip in ctx.clips(sel):
        ctx.write(clip, "signature_numerator", num, "clip-signature")
        ctx.write(clip, "signature_denominator", den, "clip-signature")
    return None


# ---- pitch, timing, audio -----------------------------------------------------------------------
@action("quantize-clip", "clip? grid strength?", family="clip",
        doc="Quantize the clip's notes (or audio warp markers) to a grid like 1/16; strength 0..1 (default 1).",
        example="(quantize-clip (clip \"Beat\") 1/16 0.5)")
def quantize_clip(ctx: ActionContext, *given):
    args = list(given)
    strength = 1.0
    if len(args) == 3 or (len(args) == 2 and A.is_number(args[0]) and A.is_number(args[1])):
        strength = A.in_range("quantize-clip", args.pop(), 0.0, 1.0, "a strength")
    if len(args) == 1:
        sel, grid = None, args[0]
    elif len(args) == 2:
        sel, grid = args
    else:
        raise LmacError("quantize-clip expects a grid: (quantize-clip (clip 1 1) 1/16)")
    q, _ = A.note_grid("quantize-clip", grid)
    for clip in ctx.clips(sel):
        ctx.call(clip, "quantize", q, float(strength), what="quantize-clip")
    return None


@action("transpose", "clip? semitones", family="clip",
        doc="Transpose a clip: MIDI clips move their notes, audio clips their coarse pitch.",
        example="(transpose (clip \"Bass A\") -12)")
def transpose(ctx: ActionContext, *args):
    sel, semis = _clip_and_value("transpose", args, "(transpose (clip 1 1) 7)")
    semis = A.integer("transpose", semis, "a number of semitones")
    for clip in ctx.clips(sel):
        if clip.is_midi_clip:
            shift_pitches(ctx, clip, semis, "transpose")
        else:
            value = clip.pitch_coarse + semis
            if not -48 <= value <= 48:
                A.fail("transpose", "can move an audio clip 48 semitones at most each way, this would be %d" % value)
            ctx.write(clip, "pitch_coarse", value, "transpose")
    return None


def _audio_only(name, clip: Clip):
    if not clip.is_audio_clip:
        A.fail(name, "works on audio clips, and %s is a MIDI clip" % (clip.name or "this clip"))


@action("detune", "clip? cents", family="clip", doc="Fine-tune an audio clip, -50 .. 50 cents.",
        example="(detune (clip \"Hook\") -12)")
def detune(ctx: ActionContext, *args):
    sel, cents = _clip_and_value("detune", args, "(detune (clip 4 3) -12)")
    A.in_range("detune", cents, -50, 50, "cents")
    for clip in ctx.clips(sel):
        _audio_only("detune", clip)
        ctx.write(clip, "pitch_fine", float(cents), "detune")
    return None


@action("clip-gain", "clip? level", family="clip", doc="Set an audio clip's gain, 0.0 .. 1.0.",
        example="(clip-gain (clip \"Hook\") 0.6)")
def clip_gain(ctx: ActionContext, *args):
    sel, value = _clip_and_value("clip-gain", args, "(clip-gain (clip 4 3) 0.6)")
    A.in_range("clip-gain", value, 0.0, 1.0, "a gain")
    for clip in ctx.clips(sel):
        _audio_only("clip-gain", clip)
        ctx.write(clip, "gain", float(value), "clip-gain")
    return None


@action("warp", "clip? on?", family="clip", doc="Switch warping of an audio clip on (default) or off.",
        example="(warp (clip \"Hook\") :off)")
def warp(ctx: ActionContext, *given):
    args = list(given)
    on = True
    if args and (isinstance(args[-1], bool) or looks_like_value(args[-1])):
        on = A.switch("warp", args.pop())
    for clip in ctx.clips(args[0] if args else None):
        _audio_only("warp", clip)
        ctx.write(clip, "warping", on, "warp")
    return None


WARP_MODES = {"beats": 0, "tones": 1, "texture": 2, "repitch": 3, "complex": 4, "complex-pro": 6}


@action("warp-mode", "clip? mode", family="clip",
        doc="Set an audio clip's warp mode: :beats :tones :texture :repitch :complex :complex-pro.",
        example="(warp-mode (clip \"Hook\") :complex)")
def warp_mode(ctx: ActionContext, *args):
    sel, mode = _clip_and_value("warp-mode", args, "(warp-mode (clip 4 3) :complex)")
    import Live
    value = live_enum(Live.Clip.WarpMode, A.choice("warp-mode", mode, WARP_MODES, "a warp mode"))
    for clip in ctx.clips(sel):
        _audio_only("warp-mode", clip)
        ctx.write(clip, "warp_mode", value, "warp-mode")
    return None


@action("clip-velocity-amount", "clip? amount", family="clip",
        doc="How much note velocity changes a clip's volume (audio: 0.0 .. 1.0).",
        example="(clip-velocity-amount (clip \"Hook\") 0.5)")
def clip_velocity_amount(ctx: ActionContext, *args):
    sel, value = _clip_and_value("clip-velocity-amount", args, "(clip-velocity-amount (clip 4 3) 0.5)")
    A.in_range("clip-velocity-amount", value, 0.0, 1.0, "an amount")
    for clip in ctx.clips(sel):
        ctx.write(clip, "velocity_amount", float(value), "clip-velocity-amount")
    return None

