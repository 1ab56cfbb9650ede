"""View and navigation actions: show/hide Live's views, select things, step through tracks and scenes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import action
from ..params import Choice, Number
from . import _args as A
from .devices import index_of
from ...adapter import kind_of
from ....interpreter.printer import describe

if TYPE_CHECKING:
    from ...context import ActionContext

# lmac view words -> Live's view names (Application.View)
VIEWS = {"session": "Session", "arrangement": "Arranger", "arranger": "Arranger", "detail": "Detail",
         "browser": "Browser", "clip": "Detail/Clip", "device": "Detail/DeviceChain",
         "devices": "Detail/DeviceChain"}


VIEW = Choice("view", VIEWS)
DIRECTION = Choice("direction", {"up": 0, "down": 1, "left": 2, "right": 3})


@action("show", "view", family="view", kinds={"view": VIEW, "direction": DIRECTION},
        doc="Show a view: :session :arrangement :detail :browser :clip :device.",
        example="(show :arrangement)")
def show(ctx: ActionContext, view):
    ctx.call(ctx.application.view, "show_view", view)
    return None


@action("hide", "view", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Hide a view: :detail :browser :clip :device ...",
        example="(hide :browser)")
def hide(ctx: ActionContext, view):
    ctx.call(ctx.application.view, "hide_view", view)
    return None


@action("focus-view", "view", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Show a view and give it the keyboard focus.",
        example="(focus-view :clip)")
def focus_view(ctx: ActionContext, view):
    ctx.call(ctx.application.view, "focus_view", view)
    return None


@action("toggle-view", "view", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Show a view if hidden, hide it if shown.",
        example="(toggle-view :detail)")
def toggle_view(ctx: ActionContext, view):
    app_view = ctx.application.view
    shown = ctx.call(app_view, "is_view_visible", view)
    ctx.call(app_view, "hide_view" if shown else "show_view", view)
    return not shown


@action("view-visible?", "view", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Is the view showing?",
        example="(view-visible? :browser)")
def view_visible(ctx: ActionContext, view):
    return bool(ctx.call(ctx.application.view, "is_view_visible", view,
                         what="view-visible?"))


@action("scroll", "view direction", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Scroll a view :up :down :left or :right.",
        example="(scroll :session :down)")
def scroll(ctx: ActionContext, view, direction):
    d = direction
    ctx.call(ctx.application.view, "scroll_view", d, view, False)
    return None


@action("zoom", "view direction", family="view", kinds={"view": VIEW, "direction": DIRECTION}, doc="Zoom a view :up (in) or :down (out), :left/:right for width.",
        example="(zoom :arrangement :up)")
def zoom(ctx: ActionContext, view, direction):
    d = direction
    ctx.call(ctx.application.view, "zoom_view", d, view, False)
    return None


STEPS = Number("number of steps", integer=True)


# ---- selecting --------------------------------------------------------------------------------------
def select_object(ctx: ActionContext, obj, what="select"):
    """Select a track, scene, clip, clip slot or device in Live's view."""
    view = ctx.song.view
    kind = kind_of(obj)
    if kind == "track":
        ctx.write(view, "selected_track", obj, what)
    elif kind == "scene":
        ctx.write(view, "selected_scene", obj, what)
    elif kind == "slot":
        ctx.write(view, "highlighted_clip_slot", obj, what)
        if obj.has_clip:
            ctx.write(view, "detail_clip", obj.clip, what)
    elif kind == "clip":
        ctx.write(view, "highlighted_clip_slot", obj.canonical_parent, what)
        ctx.write(view, "detail_clip", obj, what)
    elif kind == "device":
        ctx.call(view, "select_device", obj, what=what)
    else:
        A.fail(what, "expects a track, scene, clip or device, got %s" % describe(obj))


@action("select", "target", family="view",
        doc="Select a track, scene, clip or device (what the selector names).",
        example="(select (track \"Bass\"))")
def select(ctx: ActionContext, target):
    targets = ctx.targets(target)
    select_object(ctx, targets[0])
    return None


def _step_track(ctx: ActionContext, what, step):
    song = ctx.song
    tracks = list(song.visible_tracks) + list(song.return_tracks) + [song.master_track]
    i = index_of(tracks, song.view.selected_track)
    j = min(max(i + step, 0), len(tracks) - 1)
    if j != i:
        ctx.write(song.view, "selected_track", tracks[j], what)
    return None


def _step_scene(ctx: ActionContext, what, step):
    song = ctx.song
    scenes = list(song.scenes)
    i = index_of(scenes, song.view.selected_scene)
    j = min(max(i + step, 0), len(scenes) - 1)
    if j != i:
        ctx.write(song.view, "selected_scene", scenes[j], what)
    return None


@action("next-track", "n?", family="view", kinds={"n": STEPS}, doc="Select the track to the right (or n tracks on).",
        example="(next-track)")
def next_track(ctx: ActionContext, n=1):
    return _step_track(ctx, "next-track", n)


@action("previous-track", "n?", family="view", kinds={"n": STEPS}, doc="Select the track to the left (or n tracks back).",
        example="(previous-track)")
def previous_track(ctx: ActionContext, n=1):
    return _step_track(ctx, "previous-track", -n)


@action("next-scene", "n?", family="view", kinds={"n": STEPS}, doc="Select the scene below (or n scenes down).",
        example="(next-scene)")
def next_scene(ctx: ActionContext, n=1):
    return _step_scene(ctx, "next-scene", n)


@action("previous-scene", "n?", family="view", kinds={"n": STEPS}, doc="Select the scene above (or n scenes up).",
        example="(previous-scene 2)")
def previous_scene(ctx: ActionContext, n=1):
    return _step_scene(ctx, "previous-scene", -n)


@action("first-track", "", family="view", doc="Select the leftmost track.", example="(first-track)")
def first_track(ctx: ActionContext):
    return _step_track(ctx, "first-track", -10 ** 6)


@action("last-track", "", family="view", doc="Select the rightmost regular track (before the returns).",
        example="(last-track)")
def last_track(ctx: ActionContext):
    tracks = list(ctx.song.visible_tracks)
    ctx.write(ctx.song.view, "selected_track", tracks[-1])
    return None


@action("next-device", "", family="view", doc="Select the next device on the selected track.",
        example="(next-device)")
def next_device(ctx: ActionContext):
    return _step_device(ctx, "next-device", 1)


@action("previous-device", "", family="view", doc="Select the previous device on the selected track.",
        example="(previous-device)")
def previous_device(ctx: ActionContext):
    return _step_device(ctx, "previous-device", -1)


def _step_device(ctx: ActionContext, what, step):
    track = ctx.song.view.selected_track
    devices = list(track.devices)
    if not devices:
        A.fail(what, "found no devices on %s" % track.name)
    i = index_of(devices, track.view.selected_device)
    j = min(max(i + step, 0), len(devices) - 1) if i >= 0 else 0
    ctx.call(ctx.song.view, "select_device", devices[j], what=what)
    return None


@action("show-loop", "clip?", family="view", doc="Show the clip in the clip view, zoomed to its loop.",
        example="(show-loop (clip \"Drums\" 1))")
def show_loop(ctx: ActionContext, clip=None):
    clip = ctx.clip(clip)
    select_object(ctx, clip, "show-loop")
    ctx.call(clip.view, "show_loop")
    return None

