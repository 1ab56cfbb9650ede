"""Scene actions: launching (on Live's grid), scene tempo and time signature."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from ....interpreter.values import LmacError

if TYPE_CHECKING:
    from ...context import ActionContext


def _scene_and(what, args, n, example):
    args = list(args)
    if len(args) == n:
        return None, args
    if len(args) == n + 1:
        return args[0], args[1:]
    raise LmacError("%s expects %s" % (what, example))


def _scenes(ctx: ActionContext, sel):
    return ctx.scenes(sel)


@action("launch-scene", "scene?", family="scene", timing="quantized", options=(":quantize",),
        doc="Launch a scene (default: the selected one); :quantize :bar, :beat, 1/16 or :none picks the grid.",
        example="(launch-scene (scene \"Chorus\") :quantize :bar)")
def launch_scene(ctx: ActionContext, *args):
    positional, opts = A.split_options("launch-scene", args, ("quantize",))
    if len(positional) > 1:
        raise LmacError("launch-scene expects one scene: (launch-scene (scene 2))")
    quantize = opts.get("quantize")
    if quantize is not None:
        A.launch_quantize("launch-scene", quantize)
    scene = ctx.scene(positional[0] if positional else None)
    return ctx.quantized_launch(lambda q: ctx.fire_scene(scene, q), quantize)


@action("launch-selected-scene", "", family="scene", timing="quantized",
        doc="Launch the selected scene and move the selection to the next one, like Live's Enter key.",
        example="(launch-selected-scene)")
def launch_selected_scene(ctx: ActionContext):
    scene = ctx.song.view.selected_scene
    ctx.call(scene, "fire_as_selected", what="launch-selected-scene")
    return None


@action("stop-scene", "scene?", family="scene", timing="quantized",
        doc="Stop the clips playing in the scene's row (other rows keep playing); after a bar wait, "
            "exactly on that bar.",
        example="(stop-scene (scene \"Verse\"))")
def stop_scene(ctx: ActionContext, sel=None):
    from .transport import stop_on_grid
    slots = [slot for scene in _scenes(ctx, sel) for slot in scene.clip_slots
             if slot.has_clip and (slot.clip.is_playing or slot.clip.is_triggered)]
    return stop_on_grid(ctx, slots, "stop-scene")


@action("scene-tempo", "scene? bpm", family="scene",
        doc="Give the scene its own tempo (20..999 BPM), applied when it launches; nil or :off removes it.",
        example="(scene-tempo (scene \"Chorus\") 128)")
def scene_tempo(ctx: ActionContext, *args):
    sel, (bpm,) = _scene_and("scene-tempo", args, 1, "a tempo: (scene-tempo (scene 2) 128)")
    off = bpm is None or bpm is False or getattr(bpm, "name", None) == "off"
    if not off:
        A.in_range("scene-tempo", bpm, 20, 999, "a tempo in BPM")
    for scene in _scenes(ctx, sel):
        if off:
            ctx.write(scene, "tempo_enabled", False, "scene-tempo")
        else:
            ctx.write(scene, "tempo", float(bpm), "scene-tempo")
            ctx.write(scene, "tempo_enabled", True, "scene-tempo")
    return None


@action("scene-signature", "scene? numerator denominator", family="scene",
        doc="Give the scene its own time signature, applied when it launches; (scene-signature S :off) removes it.",
        example="(scene-signature (scene \"Outro\") 3 4)")
def scene_signature(ctx: ActionContext, *given):
    args = list(given)
    if args and (args[-1] is None or getattr(args[-1], "name", None) == "off"):
        for scene in _scenes(ctx, args[0] if len(args) == 2 else None):
            ctx.write(scene, "time_signature_enabled", False, "scene-signature")
        return None
    sel, (num, den) = _scene_and("scene-signature", args, 2,
                                 "a numerator and a denominator: (scene-signature (scene 2) 3 4)")
    num = A.integer("scene-signature", num, "a numerator from 1 to 99")
    den = A.integer("scene-signature", den, "a denominator (1, 2, 4, 8 or 16)")
    if not 1 <= num <= 99:
        A.fail("scene-signature", "expects a numerator from 1 to 99, got %d" % num)
    if den not in (1, 2, 4, 8, 16):
        A.fail("scene-signature", "expects a denominator of 1, 2, 4, 8 or 16, got %d" % den)
    for scene in _scenes(ctx, sel):
        ctx.write(scene, "time_signature_numerator", num, "scene-signature")
        ctx.write(scene, "time_signature_denominator", den, "scene-signature")
        ctx.write(scene, "time_signature_enabled", True, "scene-signature")
    return None


@action("select-scene", "scene", family="scene", doc="Select a scene (the row Live's Enter key launches).",
        example="(select-scene (scene \"Chorus\"))")
def select_scene(ctx: ActionContext, sel):
    ctx.write(ctx.song.view, "selected_scene", ctx.scene(sel), "select-scene")
    return None
