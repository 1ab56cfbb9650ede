"""The selector functions ((track 3), (tracks "Drum*"), (scene "Chorus"), (clip 1 2), ...) as registered
actions, so they are documented with the rest. They only build Selector values; the set is looked at
when an action uses them. The bare words (selected, all, armed, ...) are in surface/selectors.py."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ... import selectors as S
from ..registry import action

if TYPE_CHECKING:
    from ...context import ActionContext


@action("track", "number-or-name", family="selector",
        doc="A track by 1-based number as Live shows it, or by name (case-insensitive; * and ? glob). "
            "Bare, in for-each, `track` means every regular track.",
        example="(arm (track \"Bass\"))")
def track(ctx: ActionContext, key):
    return S.track(key)


@action("tracks", "keys*", family="selector",
        doc="Tracks by glob (tracks \"Drum*\"), range (tracks 2 5) or list (tracks 1 3 7); bare, every track.",
        example="(mute (tracks 2 5))")
def tracks(ctx: ActionContext, *keys):
    return S.tracks(*keys)


@action("return", "letter-or-name", family="selector",
        doc="A return track by letter (\"A\"), 1-based number or name.", example="(mute (return \"A\"))")
def return_(ctx: ActionContext, key):
    return S.return_(key)


@action("where", "pred", family="selector",
        doc="The regular tracks for which (pred t) is true, asked when the action runs.",
        example="(arm (where (fn (t) (midi-track? t))))")
def where(ctx: ActionContext, pred):
    return S.where(pred)


@action("scene", "number-or-name", family="selector", doc="A scene by 1-based number or by name.",
        example="(launch-scene (scene \"Chorus\"))")
def scene(ctx: ActionContext, key):
    return S.scene(key)


@action("scenes", "keys*", family="selector", doc="Scenes by range (scenes 1 4), list or glob; bare, every scene.",
        example="(for-each [s (scenes 1 4)] (println (name s)))")
def scenes(ctx: ActionContext, *keys):
    return S.scenes(*keys)


@action("clip", "track-or-name scene?", family="selector",
        doc="(clip 1 2): the clip slot of track 1, scene 2; (clip \"Verse\"): every clip so named; "
            "(clip 2): scene 2 of the focus track.",
        example="(fire (clip \"Drums\" 2))")
def clip(ctx: ActionContext, a, b=None):
    return S.clip(a, b)


@action("device", "track-or-key key?", family="selector",
        doc="A device of the focus track by name or 1-based number; (device T key) on track T.",
        example="(device-off (device \"Compressor\"))")
def device(ctx: ActionContext, a, b=None):
    return S.device(a, b)


@action("param", "device-or-key key?", family="selector",
        doc="A parameter by name on the focus device (the selected one, else the first that has it), or "
            "(param D n): the n-th parameter of device D after its on/off switch, or by name.",
        example="(set-param (param (device \"Compressor\") \"Threshold\") 0.5)")
def param(ctx: ActionContext, a, b=None):
    return S.param(a, b)
