"""Drum Rack pad actions (ClyphX's DR PAD ...): mute, solo, volume, pan and select a pad.

A pad is named by its MIDI note (36 is C1, the first pad of Live's 4x4 grid), by the name Live
shows on it ("Kick 909", any case, or its start, "Kick"), or :all for every pad that holds a sound.
The rack is the first Drum Rack on the focus track unless a rack or a track is given:
(pad-mute (device "909 Core Kit") 36), (pad-mute (track "Drums") "Kick").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, List, Optional

from ..registry import action
from . import _args as A
from .mixer import set_level
from ..params import Bad, Custom, Target
from ....interpreter import friend
from ....interpreter.values import Keyword, Map

if TYPE_CHECKING:
    from Live.Device import Device
    from Live.DrumPad import DrumPad
    from Live.RackDevice import RackDevice
    from ...context import ActionContext


def _pad_key(v):
    """A pad as written: a note 0..127, a name, or :all."""
    if type(v) is Keyword and v.name == "all":
        return v
    if A.is_number(v) and int(v) == v:
        if 0 <= v <= 127:
            return int(v)
        raise Bad("the pad must be a note from 0 to 127 (36 is C1), got %s" % A.shown(v))
    if isinstance(v, str):
        return v
    raise Bad('the pad must be a note like 36, a name like "Kick" or :all, got %s' % A.shown(v))


PAD = Custom("pad", 'a pad: its note like 36, its name like "Kick", or :all', _pad_key, values=("all",))
RACK = Target("rack")
RACK.what = 'a Drum Rack like (device "Drum Rack") or a track like (track "Drums")'
PAD_KINDS = {"pad": PAD, "rack": RACK}


def all_devices(devices):
    """Devices of a chain and, inside racks, of their chains."""
    for device in devices:
        yield device
        if device.can_have_chains:
            for chain in device.chains:
                for inner in all_devices(chain.devices):
                    yield inner


def find_device(ctx: ActionContext, sel, wanted: Callable[[Any], bool], noun) -> Optional[Device]:
    """The device sel names (it must be wanted), or the first wanted device on the track(s) sel
    (or the focus) names, racks' chains included; None when those tracks have none."""
    from ...adapter import kind_of
    targets = ctx.targets(sel) if sel is not None else None
    if targets and kind_of(targets[0]) == "device":
        if not wanted(targets[0]):
            ctx.fail("%s is not %s" % (targets[0].name, noun))
        return targets[0]
    for track in ctx.tracks(sel):
        for device in all_devices(track.devices):
            if wanted(device):
                return device
    return None


def track_names(ctx: ActionContext, sel):
    return ", ".join('"%s"' % t.name for t in ctx.tracks(sel))


def drum_rack(ctx: ActionContext, sel=None) -> RackDevice:
    rack = find_device(ctx, sel, lambda d: d.can_have_drum_pads, "a Drum Rack")
    if rack is None:
        ctx.fail("found no Drum Rack on %s" % track_names(ctx, sel),
                 'give one: (%s (device "Drum Rack") 36)' % ctx.action)
    return rack  # type: ignore[return-value]  # find_device gives a Device; can_have_drum_pads makes it a rack


def pads(ctx: ActionContext, rack: RackDevice, which) -> List[DrumPad]:
    """The pads `which` names: a note number, a pad's name (or its start), or :all (the pads that
    hold a sound)."""
    all_pads = list(rack.drum_pads)
    if type(which) is Keyword:
        return [p for p in all_pads if len(p.chains)]
    if isinstance(which, int):
        return [all_pads[which]]
    sounding = [p for p in all_pads if len(p.chains)]
    found = [p for p in sounding if p.name.lower() == which.lower()]
    if not found:
        found = [p for p in sounding if p.name.lower().startswith(which.lower())]
    if not found:
        names = [p.name for p in sounding]
        guess = friend.did_you_mean(which, names, lambda w: '"%s"' % w)
        ctx.fail('%s has no pad "%s"' % (rack.name, which),
                 friend.joined(guess, "its pads are: %s" % (", ".join('"%s" (%d)' % (p.name, p.note)
                                                                        for p in sounding) or "none")))
    return found


def _pad_flag(ctx: ActionContext, rack, pad, attr, value):
    one = drum_rack(ctx, rack)
    for p in pads(ctx, one, pad):
        ctx.write(p, attr, value(p) if callable(value) else value)
    return None


@action("pad-mute", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="Mute a Drum Rack pad (by note, name or :all).",
        example="(pad-mute (track \"Drums\") \"Open Hat\")")
def pad_mute(ctx: ActionContext, pad, rack=None):
    return _pad_flag(ctx, rack, pad, "mute", True)


@action("pad-unmute", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="Unmute a Drum Rack pad; (pad-unmute :all) unmutes every pad.",
        example="(pad-unmute (track \"Drums\") :all)")
def pad_unmute(ctx: ActionContext, pad, rack=None):
    return _pad_flag(ctx, rack, pad, "mute", False)


@action("toggle-pad-mute", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="Mute the pad if it plays, unmute it if muted.",
        example="(toggle-pad-mute (track \"Drums\") 42)")
def toggle_pad_mute(ctx: ActionContext, pad, rack=None):
    return _pad_flag(ctx, rack, pad, "mute", lambda p: not p.mute)


@action("pad-solo", "rack? pad", family="device", kinds=PAD_KINDS, doc="Solo a Drum Rack pad.",
        example="(pad-solo (device (track \"Drums\") \"909 Core Kit\") \"Kick\")")
def pad_solo(ctx: ActionContext, pad, rack=None):
    return _pad_flag(ctx, rack, pad, "solo", True)


@action("pad-unsolo", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="Unsolo a Drum Rack pad; (pad-unsolo :all) unsolos every pad.",
        example="(pad-unsolo (track \"Drums\") :all)")
def pad_unsolo(ctx: ActionContext, pad, rack=None):
    return _pad_flag(ctx, rack, pad, "solo", False)


def _pad_level(ctx: ActionContext, rack, pad, value, attr, noun):
    one = drum_rack(ctx, rack)
    result = None
    for p in pads(ctx, one, pad):
        chains = list(p.chains)
        if not chains:
            ctx.fail("pad %d of %s is empty: it has no %s" % (p.note, one.name, noun),
                     "choose a pad that holds a sound, e.g. (pad-names)")
        for chain in chains:
            result = set_level(ctx, getattr(chain.mixer_device, attr), value)
    return result


@action("pad-volume", "rack? pad level", family="device", kinds=PAD_KINDS,
        doc="Set a Drum Rack pad's volume (0.0 .. 1.0, 0.85 is 0 dB); any value form works.",
        example="(pad-volume (track \"Drums\") \"Kick\" (ramp 0.5 :bars 2))")
def pad_volume(ctx: ActionContext, pad, level, rack=None):
    return _pad_level(ctx, rack, pad, level, "volume", "volume")


@action("pad-pan", "rack? pad position", family="device", kinds=PAD_KINDS,
        doc="Set a Drum Rack pad's pan (-1.0 .. 1.0).",
        example="(pad-pan (track \"Drums\") \"Closed Hat\" -0.3)")
def pad_pan(ctx: ActionContext, pad, position, rack=None):
    return _pad_level(ctx, rack, pad, position, "panning", "pan")


@action("select-pad", "rack? pad", family="device", kinds=PAD_KINDS,
        doc="Select a Drum Rack pad (Live shows its chain).",
        example="(select-pad (track \"Drums\") \"Snare\")")
def select_pad(ctx: ActionContext, pad, rack=None):
    one = drum_rack(ctx, rack)
    ctx.write(one.view, "selected_drum_pad", pads(ctx, one, pad)[0])
    return None


@action("pad-names", "rack?", family="device", kinds=PAD_KINDS,
        doc="The pads of a Drum Rack that hold a sound, as a map from note to name.",
        example="(pad-names (track \"Drums\"))")
def pad_names(ctx: ActionContext, rack=None):
    one = drum_rack(ctx, rack)
    return Map([(p.note, p.name) for p in one.drum_pads if len(p.chains)])
