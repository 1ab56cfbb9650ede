"""Track actions: arm, mute, solo (set, clear, toggle, exclusive), name, colour, monitoring, folding.

With several targets ((arm all)), tracks that cannot do it (group, return, main tracks for arm)
are skipped; it is an error only when none of them can.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import Keyword, Symbol
from ...adapter import kind_of, label, live_enum
from ...selectors import Handle
from ..registry import action
from ..params import Choice, Custom, Switch, Target, Text
from .transport import NOW
from . import _args as A

if TYPE_CHECKING:
    from Live.Track import Track
    from ...context import ActionContext


def _able(track: Track, attr):
    if attr == "arm":
        return bool(getattr(track, "can_be_armed", False))
    if attr in ("mute", "solo"):
        return track != track.canonical_parent.master_track
    if attr == "fold_state":
        return bool(getattr(track, "is_foldable", False))
    if attr == "current_monitoring_state":
        return bool(getattr(track, "can_be_armed", False))
    return True


def _word(attr):
    return {"arm": "armed", "mute": "muted", "solo": "soloed", "fold_state": "folded",
            "current_monitoring_state": "monitored"}.get(attr, attr)


def _usable(ctx: ActionContext, target, attr, strict=True):
    """The tracks that have this switch. None of them is an error when the musician named the
    target, but not while for-each or with visits a group or main track (the focus), and never
    when switching off (a track without an arm button is not armed)."""
    tracks = ctx.tracks(target)
    ok = [t for t in tracks if _able(t, attr)]
    if not ok and strict and not (target is None and ctx.focus() is not None):
        ctx.fail("%s cannot be %s" % (", ".join(label(t) for t in tracks), _word(attr)))
    return ok


def _set_flag(ctx: ActionContext, target, attr, value):
    for t in _usable(ctx, target, attr, strict=value):
        ctx.write(t, attr, value)
    return value


def _toggle_flag(ctx: ActionContext, target, attr):
    result = None
    for t in _usable(ctx, target, attr):
        result = not bool(getattr(t, attr))
        ctx.write(t, attr, result)
    return result


def _flag_actions(verb, un, attr, noun):
    @action(verb, "target?", family="track", doc="%s the track(s) (the focus by default)." % verb.capitalize(),
            example="(%s (track \"Bass\"))" % verb)
    def set_(ctx: ActionContext, target=None):
        return _set_flag(ctx, target, attr, True)

    @action(un, "target?", family="track", doc="%s the track(s)." % un.capitalize(), example="(%s all)" % un)
    def clear(ctx: ActionContext, target=None):
        return _set_flag(ctx, target, attr, False)

    @action("toggle-" + verb, "target?", family="track",
            doc="Flip the %s of each track; answers the new state of the last one." % noun,
            example="(toggle-%s (track 1))" % verb)
    def toggle(ctx: ActionContext, target=None):
        return _toggle_flag(ctx, target, attr)

    @action("exclusive-" + verb, "target?", family="track",
            doc="%s these track(s) and %s every other track." % (verb.capitalize(), un),
            example="(exclusive-%s (track \"Vocals\"))" % verb)
    def exclusive(ctx: ActionContext, target=None):
        chosen = _usable(ctx, target, attr)
        song = ctx.song
        for t in list(song.tracks) + list(song.return_tracks):
            if t not in chosen and _able(t, attr) and getattr(t, attr):
                ctx.write(t, attr, False)
        for t in chosen:
            ctx.write(t, attr, True)
        return True


_flag_actions("arm", "unarm", "arm", "arm button")
_flag_actions("mute", "unmute", "mute", "mute")
_flag_actions("solo", "unsolo", "solo", "solo")


class _NameTarget(Target):
    """name's target may also be a keyword or symbol: (name :x) is "x", as in Clojure."""

    def fits_value(self, v, strict):
        return type(v) in (Keyword, Symbol) or Target.fits_value(self, v, strict)


@action("name", "target? new-name?", family="track", kinds={"target": _NameTarget("target")},
        doc="Rename tracks, scenes, clips or devices: (name T \"Bass\"), or the focus: (name \"Bass\"). "
            "(name T) answers T's name; (name :x) answers a keyword's or symbol's text, as in Clojure.",
        example="(name (track 1) \"Drums\")")
def name(ctx: ActionContext, target=None, new_name=None):
    if new_name is None:
        if isinstance(target, str):
            # (name "Drums") renames the focus: the musician's reading (ClyphX's SEL/NAME).
            target, new_name = None, target
        elif target is None:
            return ctx.target(None).name
        elif type(target) in (Keyword, Symbol):
            return target.name
        else:
            return ctx.target(target).name
    text = new_name
    objs = ctx.targets(target)
    for obj in objs:
        if kind_of(obj) == "slot":
            obj = ctx.clip(Handle(obj))
        ctx.write(obj, "name", text)
    return text


# Live's palette, by RGB (Live snaps a colour to the nearest swatch).
COLORS = {"red": 0xFF3636, "orange": 0xF66C03, "amber": 0xFFA529, "yellow": 0xFFF034, "lime": 0xBFFB00,
          "green": 0x3DC300, "mint": 0x25FFA8, "cyan": 0x5CFFE8, "sky": 0x8BC5FF, "blue": 0x1065E0,
          "indigo": 0x5480E4, "purple": 0x9F6FFF, "violet": 0xD86CE4, "pink": 0xFF39D4, "brown": 0x99724B,
          "white": 0xFFFFFF, "grey": 0x929292, "gray": 0x929292, "black": 0x3C3C3C}
PALETTE_SIZE = 70


def _colour(v):
    if type(v) is Keyword:
        if v.name in COLORS:
            return v
        A.bad_value("colour", "a colour like :red, a palette number 0..69 or an RGB number", v,
                    A.friend.did_you_mean(v.name, list(COLORS), lambda w: ":" + w))
    if not A.is_number(v) or int(v) != v or not 0 <= v <= 0xFFFFFF:
        A.bad_value("colour", "a colour like :red, a palette number 0..69 or an RGB number up to 0xFFFFFF", v)
    return int(v)


COLOUR = Custom("colour", "a colour like :red, a palette number 0..69 or an RGB number", _colour,
                fits=lambda v: type(v) is Keyword or A.is_number(v), values=list(COLORS))


@action("color", "target? colour?", family="track", kinds={"colour": COLOUR},
        doc="Colour tracks, scenes or clips: a keyword (:red :orange :yellow :green :blue :purple :pink ... ), a "
            "palette number 0..69 or an RGB number like 0xFF8800. (color T) answers the RGB colour.",
        example="(color (track \"Bass\") :blue)")
def color(ctx: ActionContext, target=None, colour=None):
    objs = ctx.targets(target)
    if colour is None:
        return objs[0].color
    for obj in objs:
        if kind_of(obj) == "slot":
            obj = ctx.clip(Handle(obj))
        if kind_of(obj) not in ("track", "scene", "clip"):
            ctx.fail("can colour tracks, scenes and clips, not %s" % label(obj))
        if type(colour) is Keyword:
            ctx.write(obj, "color", COLORS[colour.name])
        elif colour < PALETTE_SIZE:
            ctx.write(obj, "color_index", colour)
        else:
            ctx.write(obj, "color", colour)
    return colour


MONITOR = {"in": 0, "auto": 1, "off": 2}


@action("monitor", "target? mode", family="track", kinds={"mode": Choice("monitoring mode", MONITOR)},
        doc="Set input monitoring: :in, :auto or :off.", example="(monitor (track \"Vocals\") :in)")
def monitor(ctx: ActionContext, mode, target=None):
    import Live
    value = live_enum(Live.Track.Track.monitoring_states, mode)
    _set_flag(ctx, target, "current_monitoring_state", value)
    return Keyword.of([k for k, v in MONITOR.items() if v == mode][0])


@action("fold", "target?", family="track", doc="Fold group track(s) closed.", example="(fold groups)")
def fold(ctx: ActionContext, target=None):
    _set_flag(ctx, target, "fold_state", 1)
    return True


@action("unfold", "target?", family="track", doc="Unfold group track(s).", example="(unfold (track \"Drums\"))")
def unfold(ctx: ActionContext, target=None):
    _set_flag(ctx, target, "fold_state", 0)
    return False


@action("toggle-fold", "target?", family="track", doc="Fold or unfold group track(s).",
        example="(toggle-fold groups)")
def toggle_fold(ctx: ActionContext, target=None):
    result = None
    for t in _usable(ctx, target, "fold_state"):
        result = 0 if t.fold_state else 1
        ctx.write(t, "fold_state", result)
    return bool(result)


@action("stop-clips", "target? now?", family="track", timing="quantized", kinds={"now": NOW},
        doc="Stop the clips of the track(s) on Live's launch grid (after a bar wait, exactly on that bar); "
            "add :now to stop them at once.",
        example="(stop-clips (track \"Bass\"))")
def stop_clips(ctx: ActionContext, target=None, now=False):
    tracks = ctx.tracks(target)

    def stop_now(quantized):
        for t in tracks:
            ctx.call(t, "stop_all_clips", quantized)
    if now:
        return stop_now(False)
    return ctx.quantized_stop(stop_now)


@action("implicit-arm", "target? state?", family="track", kinds={"state": Switch("state", toggle=False)},
        doc="Set a track's implicit arm (the arm that follows selection on Push and similar controllers).",
        example="(implicit-arm (track 1) on)")
def implicit_arm(ctx: ActionContext, target=None, state=True):
    value = state
    for t in ctx.tracks(target):
        ctx.write(t, "implicit_arm", value)
    return value


@action("track-data", "target key value?", family="track", kinds={"key": Text("key", '"role"', words=True)},
        doc="Store text on a track, saved with the set, or read it back.",
        example="(track-data (track 1) \"role\" \"drums\")")
def track_data(ctx: ActionContext, target, key, value=None):
    t = ctx.track(target)
    if value is None:
        return t.get_data(key, None)
    ctx.call(t, "set_data", key, value)
    return value


