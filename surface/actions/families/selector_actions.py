"""The selector functions ((track 3), (tracks "Drum*"), (scene "Chorus"), (clip 1 2), ...) as registered
actions, so they are documented with the rest. They only build Selector values; the set is looked at
when an action uses them. The bare words (selected, all, armed, ...) are in surface/selectors.py."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ... import selectors as S
from ..registry import action
from ..params import AnyValue, Bad, Custom, is_number
from ....interpreter import friend

if TYPE_CHECKING:
    from ...context import ActionContext


def _key(noun, example):
    def convert(v):
        if (is_number(v) and int(v) == v) or isinstance(v, str):
            return v
        raise Bad("the %s must be a number like 1 or a name like %s, got %s" % (noun, example, friend.shown(v)))
    return Custom(noun, 'a number like 1 or a name like %s' % example, convert,
                  fits=lambda v: is_number(v) or isinstance(v, str))


TRACK_KEY = _key("track", '"Bass"')
SCENE_KEY = _key("scene", '"Chorus"')
RETURN_KEY = _key("return", '"A"')
ANY_KEY = AnyValue("a number, a name or a selector")


@action("track", "number-or-name", family="selector", kinds={"number-or-name": TRACK_KEY},
        doc="A track by 1-based number as Live shows it, or by name (case-insensitive; * and ? glob). "
            "Bare, in for-each, `track` means every regular track.",
        example="(arm (track \"Bass\"))")
def track(ctx: ActionContext, number_or_name):
    return S.track(number_or_name)


@action("tracks", "keys*", family="selector", kinds={"keys": TRACK_KEY},
        doc="Tracks by glob (tracks \"Drum*\"), range (tracks 2 5) or list (tracks 1 3 7); bare, every track.",
        example="(mute (tracks 2 5))")
def tracks(ctx: ActionContext, keys):
    return S.tracks(*keys)


@action("return", "letter-or-name", family="selector", kinds={"letter-or-name": RETURN_KEY},
        doc="A return track by letter (\"A\"), 1-based number or name.", example="(mute (return \"A\"))")
def return_(ctx: ActionContext, letter_or_name):
    return S.return_(letter_or_name)


@action("where", "pred", family="selector",
        doc="The regular tracks for which (pred t) is true, asked when the action runs.",
        example="(arm (where (fn (t) (midi-track? t))))")
def where(ctx: ActionContext, pred):
    return S.where(pred)


@action("scene", "number-or-name", family="selector", kinds={"number-or-name": SCENE_KEY}, doc="A scene by 1-based number or by name.",
        example="(launch-scene (scene \"Chorus\"))")
def scene(ctx: ActionContext, number_or_name):
    return S.scene(number_or_name)


@action("scenes", "keys*", family="selector", kinds={"keys": SCENE_KEY}, doc="Scenes by range (scenes 1 4), list or glob; bare, every scene.",
        example="(for-each [s (scenes 1 4)] (println (name s)))")
def scenes(ctx: ActionContext, keys):
    return S.scenes(*keys)


@action("clip", "track-or-name scene?", family="selector",
        kinds={"track-or-name": ANY_KEY, "scene": SCENE_KEY},
        doc="(clip 1 2): the clip slot of track 1, scene 2; (clip \"Verse\"): every clip so named; "
            "(clip 2): scene 2 of the focus track.",
        example="(fire (clip \"Drums\" 2))")
def clip(ctx: ActionContext, track_or_name, scene=None):
    return S.clip(track_or_name, scene)


@action("device", "track-or-key key?", family="selector", kinds={"track-or-key": ANY_KEY, "key": ANY_KEY},
        doc="A device of the focus track by name or 1-based number; (device T key) on track T.",
        example="(device-off (device \"Compressor\"))")
def device(ctx: ActionContext, track_or_key, key=None):
    return S.device(track_or_key, key)


@action("param", "device-or-key key?", family="selector", kinds={"device-or-key": ANY_KEY, "key": ANY_KEY},
        doc="A parameter by name on the focus device (the selected one, else the first that has it), or "
            "(param D n): the n-th parameter of device D after its on/off switch, or by name.",
        example="(set-param (param (device \"Compressor\") \"Threshold\") 0.5)")
def param(ctx: ActionContext, device_or_key, key=None):
    return S.param(device_or_key, key)
