"""Drum Rack pad actions (ClyphX's DR PAD ...): mute, solo, volume, pan and select a pad.

A pad is named by its MIDI note (36 is C1, the first pad of Live's 4x4 grid), by the name Live
shows on it ("Kick 909", any case, or its start, "Kick"), or :all for every pad that holds a sound.
The rack is the first Drum Rack on the focus track unless a rack or a track is given:
(pad-mute (device "909 Core Kit") 36), (pad-mute (track "Drums") "Kick").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, List

from ..registry import action
from . import _args as A
from .mixer import set_level
from ....interpreter.values import Keyword, LmacError

if TYPE_CHECKING:
    from Live.DrumPad import DrumPad
    from Live.RackDevice import RackDevice
    from ...context import ActionContext


def drum_rack(ctx: ActionContext, what, sel=None) -> RackDevice:
    """The Drum Rack given, or the first one on the given (or focus) track, racks in chains too."""
    rack = find_device(ctx, what, sel, lambda d: d.can_have_drum_pads, "a Drum Rack")
    if rack is None:
        A.fail(what, "found no Drum Rack on %s; give one: (%s (device \"Drum Rack\") 36)" % (_tracks(ctx, sel), what))
    return rack


def find_device(ctx: ActionContext, what, sel, wanted, noun):
    """The device sel names (it must be wanted), or the first wanted device on the track(s) sel
    (or the focus) names; None when those tracks have none."""
    from ...adapter import kind_of
    targets = ctx.targets(sel) if sel is not None else None
    if targets and kind_of(targets[0]) == "device":
        if not wanted(targets[0]):
            A.fail(what, "expects %s, got %s" % (noun, targets[0].name))
        return targets[0]
    for track in ctx.tracks(sel):
        for device in _all_devices(track.devices):
            if wanted(device):
                return device
    return None


def _tracks(ctx: ActionContext, sel):
    return ", ".join('"%s"' % t.name for t in ctx.tracks(sel))


def _all_devices(devices):
    for device in devices:
        yield device
        if device.can_have_chains:
            for chain in device.chains:
                for inner in _all_devices(chain.devices):
                    yield inner


def pads(ctx: ActionContext, what, rack: RackDevice, which) -> List[DrumPad]:
    """The pads `which` names: a note number, a pad's name, or :all (the pads that hold a sound)."""
    all_pads = list(rack.drum_pads)
    if type(which) is Keyword and which.name == "all":
        return [p for p in all_pads if len(p.chains)]
    if A.is_number(which):
        note = A.integer(what, which, "a pad's note (0..127, 36 is C1)")
        if not 0 <= note <= 127:
            A.fail(what, "expects a pad's note from 0 to 127 (36 is C1), got %d" % note)
        return [all_pads[note]]
    name = A.text(what, which, "a pad: its note like 36, its name like \"Kick\", or :all")
    found = [p for p in all_pads if len(p.chains) and p.name.lower() == name.lower()]
    if not found:
        found = [p for p in all_pads if len(p.chains) and p.name.lower().startswith(name.lower())]
    if not found:
        names = ", ".join('"%s" (%d)' % (p.name, p.note) for p in all_pads if len(p.chains)) or "none"
        A.fail(what, "found no pad \"%s\" in %s; its pads are: %s" % (name, rack.name, names))
    return found


def _rack_and_pad(what, args, extra, example):
    """(rack? pad extra...) -> (rack selector, pad, extras)."""
    args = list(args)
    if len(args) == 1 + extra:
        return None, args[0], args[1:]
    if len(args) == 2 + extra:
        return args[0], args[1], args[2:]
    raise LmacError("%s expects %s: %s" % (what, "a pad and a value" if extra else "a pad", example))


def _pad_flag(ctx: ActionContext, what, args, attr, value):
    sel, which, _ = _rack_and_pad(what, args, 0, "(%s 36) or (%s (device \"Drum Rack\") \"Kick\")" % (what, what))
    rack = drum_rack(ctx, what, sel)
    for pad in pads(ctx, what, rack, which):
        ctx.write(pad, attr, value(pad) if callable(value) else value)
    return None


@action("pad-mute", "rack? pad", family="device", doc="Mute a Drum Rack pad (by note, name or :all).",
        example="(pad-mute (track \"Drums\") \"Open Hat\")")
def pad_mute(ctx: ActionContext, *args):
    return _pad_flag(ctx, "pad-mute", args, "mute", True)


@action("pad-unmute", "rack? pad", family="device", doc="Unmute a Drum Rack pad; (pad-unmute :all) unmutes every pad.",
        example="(pad-unmute (track \"Drums\") :all)")
def pad_unmute(ctx: ActionContext, *args):
    return _pad_flag(ctx, "pad-unmute", args, "mute", False)


@action("toggle-pad-mute", "rack? pad", family="device", doc="Mute the pad if it plays, unmute it if muted.",
        example="(toggle-pad-mute (track \"Drums\") 42)")
def toggle_pad_mute(ctx: ActionContext, *args):
    return _pad_flag(ctx, "toggle-pad-mute", args, "mute", lambda pad: not pad.mute)


@action("pad-solo", "rack? pad", family="device", doc="Solo a Drum Rack pad.",
        example="(pad-solo (device (track \"Drums\") \"909 Core Kit\") \"Kick\")")
def pad_solo(ctx: ActionContext, *args):
    return _pad_flag(ctx, "pad-solo", args, "solo", True)


@action("pad-unsolo", "rack? pad", family="device", doc="Unsolo a Drum Rack pad; (pad-unsolo :all) unsolos every pad.",
        example="(pad-unsolo (track \"Drums\") :all)")
def pad_unsolo(ctx: ActionContext, *args):
    return _pad_flag(ctx, "pad-unsolo", args, "solo", False)


def _pad_level(ctx: ActionContext, what, args, attr, lo, hi, noun):
    sel, which, rest = _rack_and_pad(what, args, 1, "(%s \"Kick\" 0.7)" % what)
    rack = drum_rack(ctx, what, sel)
    result = None
    for pad in pads(ctx, what, rack, which):
        chains = list(pad.chains)
        if not chains:
            A.fail(what, "pad %d of %s is empty: it has no volume or pan" % (pad.note, rack.name))
        for chain in chains:
            result = set_level(ctx, what, getattr(chain.mixer_device, attr), rest[0], lo, hi, noun)
    return result


@action("pad-volume", "rack? pad level", family="device",
        doc="Set a Drum Rack pad's volume (0.0 .. 1.0, 0.85 is 0 dB); any value form works.",
        example="(pad-volume (track \"Drums\") \"Kick\" (ramp 0.5 :bars 2))")
def pad_volume(ctx: ActionContext, *args):
    return _pad_level(ctx, "pad-volume", args, "volume", 0.0, 1.0, "a level")


@action("pad-pan", "rack? pad position", family="device", doc="Set a Drum Rack pad's pan (-1.0 .. 1.0).",
        example="(pad-pan (track \"Drums\") \"Closed Hat\" -0.3)")
def pad_pan(ctx: ActionContext, *args):
    return _pad_level(ctx, "pad-pan", args, "panning", -1.0, 1.0, "a pan position")


@action("select-pad", "rack? pad", family="device", doc="Select a Drum Rack pad (Live shows its chain).",
        example="(select-pad (track \"Drums\") \"Snare\")")
def select_pad(ctx: ActionContext, *args):
    sel, which, _ = _rack_and_pad("select-pad", args, 0, "(select-pad 38)")
    rack = drum_rack(ctx, "select-pad", sel)
    ctx.write(rack.view, "selected_drum_pad", pads(ctx, "select-pad", rack, which)[0])
    return None


@action("pad-names", "rack?", family="device",
        doc="The pads of a Drum Rack that hold a sound, as a map from note to name.",
        example="(pad-names (track \"Drums\"))")
def pad_names(ctx: ActionContext, sel=None):
    from ....interpreter.values import Map
    rack = drum_rack(ctx, "pad-names", sel)
    return Map([(p.note, p.name) for p in rack.drum_pads if len(p.chains)])
