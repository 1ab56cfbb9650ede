"""Scene actions: launching (on Live's grid), scene tempo and time signature."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from . import _args as A
from ....interpreter.values import Keyword
from ..params import KINDS, Bad, Custom, is_number
from .transport import LAUNCH_GRID

if TYPE_CHECKING:
    from ...context import ActionContext


@action("launch-scene", "scene?", family="scene", timing="quantized", options=((":quantize", LAUNCH_GRID),),
        doc="Launch a scene (default: the selected one); :quantize :bar, :beat, 1/16 or :none picks the grid.",
        example="(launch-scene (scene \"Chorus\") :quantize :bar)")
def launch_scene(ctx: ActionContext, scene=None, quantize=None):
    one = ctx.scene(scene)
    return ctx.quantized_launch(lambda q: ctx.fire_scene(one, q), quantize)


@action("launch-selected-scene", "", family="scene", timing="quantized",
        doc="Launch the selected scene and move the selection to the next one, like Live's Enter key.",
        example="(launch-selected-scene)")
def launch_selected_scene(ctx: ActionContext):
    scene = ctx.song.view.selected_scene
    ctx.call(scene, "fire_as_selected")
    return None


@action("stop-scene", "scene?", family="scene", timing="quantized",
        doc="Stop the clips playing in the scene's row (other rows keep playing); after a bar wait, "
            "exactly on that bar.",
        example="(stop-scene (scene \"Verse\"))")
def stop_scene(ctx: ActionContext, scene=None):
    from .transport import stop_on_grid
    slots = [slot for one in ctx.scenes(scene) for slot in one.clip_slots
             if slot.has_clip and (slot.clip.is_playing or slot.clip.is_triggered)]
    return stop_on_grid(ctx, slots, "stop-scene")


def _off(v):
    return v is None or v is False or (type(v) is Keyword and v.name == "off")


def _scene_bpm(v):
    if _off(v):
        return OFF
    if not is_number(v) or not 20 <= v <= 999:
        raise Bad("the tempo must be a number of BPM from 20 to 999 or :off, got %s" % A.shown(v))
    return float(v)


def _scene_numerator(v):
    if _off(v):
        return OFF
    return KINDS["numerator"].convert(v)


OFF = "off"


@action("scene-tempo", "scene? bpm", family="scene",
        kinds={"bpm": Custom("tempo", "a number of BPM from 20 to 999 or :off", _scene_bpm,
                             fits=lambda v: is_number(v) or _off(v), values=["off"])},
        doc="Give the scene its own tempo (20..999 BPM), applied when it launches; nil or :off removes it.",
        example="(scene-tempo (scene \"Chorus\") 128)")
def scene_tempo(ctx: ActionContext, bpm, scene=None):
    for one in ctx.scenes(scene):
        if bpm is OFF:
            ctx.write(one, "tempo_enabled", False)
        else:
            ctx.write(one, "tempo", bpm)
            ctx.write(one, "tempo_enabled", True)
    return None


@action("scene-signature", "scene? numerator denominator?", family="scene",
        kinds={"numerator": Custom("numerator", "a whole number from 1 to 99 or :off", _scene_numerator,
                                   fits=lambda v: is_number(v) or _off(v), values=["off"])},
        doc="Give the scene its own time signature, applied when it launches; (scene-signature S :off) removes it.",
        example="(scene-signature (scene \"Outro\") 3 4)")
def scene_signature(ctx: ActionContext, numerator, scene=None, denominator=None):
    if numerator is OFF:
        for one in ctx.scenes(scene):
            ctx.write(one, "time_signature_enabled", False)
        return None
    if denominator is None:
        ctx.fail("missing the denominator", "usage: (scene-signature (scene 2) 3 4)")
    for one in ctx.scenes(scene):
        ctx.write(one, "time_signature_numerator", numerator)
        ctx.write(one, "time_signature_denominator", denominator)
        ctx.write(one, "time_signature_enabled", True)
    return None


@action("select-scene", "scene", family="scene", doc="Select a scene (the row Live's Enter key launches).",
        example="(select-scene (scene \"Chorus\"))")
def select_scene(ctx: ActionContext, scene):
    ctx.write(ctx.song.view, "selected_scene", ctx.scene(scene))
    return None
