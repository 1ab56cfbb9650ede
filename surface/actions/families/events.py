"""Events (LANGUAGE.md section 7): (on EVENT body...) is a macro over on*; (clip-starts C) and
friends name one object's event for on and wait-for. Handlers start at the next tick, never
inside Live's notification. surface/triggers.py has the listeners and the trigger forms."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.printer import describe
from ....interpreter.values import Keyword, is_fn
from ...adapter import ptr
from ...triggers import EVENTS, EventSpec
from ..registry import action

if TYPE_CHECKING:
    from ...context import ActionContext


def _key(ctx: ActionContext, event):
    if isinstance(event, EventSpec):
        return event.key
    if type(event) is Keyword:
        if event.name not in EVENTS:
            ctx.fail("knows the events %s, not %s" % (" ".join(":" + e for e in EVENTS), describe(event)))
        return event
    ctx.fail("expects an event like :tempo-change or (clip-starts C), got %s" % describe(event))


@action("on*", "event handler", family="event",
        doc="Run (handler) as a new macro each time the event happens; (on EVENT body...) is the usual form. "
            "The event's value (a clip, a scene, the new tempo) is (event) inside.",
        example="(on* :tempo-change (fn () (message \"tempo!\")))")
def on_(ctx: ActionContext, event, handler):
    if not is_fn(handler):
        ctx.fail("expects a function to run, got %s" % describe(handler))
    key = _key(ctx, event)
    ctx.live.events.on(key, handler, dyn=ctx.task.dyn)
    return event


@action("cancel-on", "event", family="event", doc="Forget every handler of the event; answers how many there were.",
        example="(cancel-on :tempo-change)")
def cancel_on(ctx: ActionContext, event):
    return ctx.live.events.off(_key(ctx, event))


@action("event", "", family="event", doc="Inside an on handler: the value of the event that started it.",
        example="(on :clip-starts (message (name (event))))")
def event(ctx: ActionContext):
    return ctx.task.dyn.get("event")


@action("clip-starts", "clip", family="event", doc="The event of this clip starting to play: "
                                                    "(wait-for (clip-starts (clip 1 1))).",
        example="(wait-for (clip-starts (clip 1 1)))")
def clip_starts(ctx: ActionContext, clip):
    c = ctx.clip(clip)
    return EventSpec(("clip-starts", ptr(c)), '(clip-starts "%s")' % c.name)


@action("clip-stops", "clip", family="event", doc="The event of this clip stopping.",
        example="(on (clip-stops (clip \"Verse\")) (launch-scene 3))")
def clip_stops(ctx: ActionContext, clip):
    c = ctx.clip(clip)
    return EventSpec(("clip-stops", ptr(c)), '(clip-stops "%s")' % c.name)


@action("scene-launches", "scene", family="event", doc="The event of this scene being launched (on its grid line).",
        example="(wait-for (scene-launches (scene 2)))")
def scene_launches(ctx: ActionContext, scene):
    s = ctx.scene(scene)
    return EventSpec(("scene-launched", ptr(s)), '(scene-launches "%s")' % s.name)


@action("run-trigger", "text", family="event",
        doc="Run the lmac form in a clip, scene or locator name now, as the trigger would.",
        example="(run-trigger (clip-name (clip 1 1)))")
def run_trigger(ctx: ActionContext, text):
    from ...triggers import START_PART, trigger_part, trigger_source
    source = trigger_source(str(text))
    if source is None:
        ctx.fail("expects a name that is an lmac form in ( ), got %s" % describe(text))
    return ctx.session.spawn(trigger_part(ctx.session.read(source, "trigger"), START_PART), file="trigger")
