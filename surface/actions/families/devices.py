"""Device actions: loading native devices and presets, switching, parameters, racks and chains.

load_device(ctx, track, name) is the one way in: Track.insert_device on Live 12.3+, else the
browser detour (select the track, load the browser item, put the selection back).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, List

from ..registry import action
from . import _args as A
from .mixer import set_level
from ...selectors import wrap
from ..params import Custom, Level, Number, Text
from ....interpreter.values import LmacError

if TYPE_CHECKING:
    from Live.Application import Application
    from Live.Chain import Chain
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from Live.RackDevice import RackDevice
    from ...context import ActionContext

# Browser roots that hold Live's native devices; presets and plug-ins search more of them.
DEVICE_ROOTS = ("instruments", "audio_effects", "midi_effects", "drums")
PRESET_ROOTS = ("sounds", "drums", "instruments", "audio_effects", "midi_effects", "plugins",
                "max_for_live", "user_library", "packs", "current_project")
BROWSER_WALK_LIMIT = 20000   # items looked at before giving up: a full walk blocks Live's UI


# ---- helpers other code may call ------------------------------------------------------------------
def index_of(items, obj):
    """Position of obj in a LOM vector (they have no .index and compare with ==)."""
    for i, item in enumerate(items):
        if item == obj:
            return i
    return -1


def container_of(device: Device):
    """The Track or Chain that holds device."""
    return device.canonical_parent


def find_browser_item(application: Application, name, roots=DEVICE_ROOTS, loadable_only=True):
    """The first loadable browser item called name (case-insensitive), breadth first, or None."""
    browser = application.browser
    wanted = name.lower()
    queue = [getattr(browser, r) for r in roots if hasattr(browser, r)]
    seen = 0
    while queue and seen < BROWSER_WALK_LIMIT:
        item = queue.pop(0)
        seen += 1
        label = item.name.lower()
        if (label == wanted or _strip_ext(label) == wanted) and (item.is_loadable or not loadable_only):
            return item
        if item.is_folder or not item.is_loadable:
            queue.extend(item.children)
    return None


def _strip_ext(label):
    for ext in (".adg", ".adv", ".amxd", ".vst3", ".vst", ".component", ".aupreset"):
        if label.endswith(ext):
            return label[:-len(ext)]
    return label


def load_from_browser(ctx: ActionContext, track, item, after=None, what="add-device"):
    """Load a browser item onto track (the browser loads onto the selected track, after its
    selected device), then restore the selected track. Returns the new device or None."""
    song = ctx.song
    view = song.view
    previous_track = view.selected_track
    before = list(track.devices)
    if after is None and before:
        after = before[-1]
    try:
        if previous_track != track:
            ctx.write(view, "selected_track", track, what)
        if after is not None:
            ctx.call(view, "select_device", after, False, what=what)
        ctx.call(ctx.application.browser, "load_item", item, what=what)
    finally:
        if previous_track is not None and view.selected_track != previous_track:
            ctx.write(view, "selected_track", previous_track, what)
    for device in track.devices:
        if index_of(before, device) < 0:
            return device
    return None


def load_device(ctx: ActionContext, track, name, index=-1, what="add-device"):
    """Add the native device `name` to track: insert_device on Live 12.3+, else the browser."""
    view = ctx.song.view
    previous = view.selected_track
    if ctx.live_version >= (12, 3) and hasattr(track, "insert_device"):
        try:
            device = ctx.call(track, "insert_device", name, index, what=what)
        except LmacError as e:
            raise LmacError(A.friend.joined(e.message, "give the name as Live's browser shows it, "
                                                       "like \"Compressor\" or \"Auto Filter\""))
        if previous is not None and view.selected_track != previous:
            ctx.write(view, "selected_track", previous, what)
        return device
    item = find_browser_item(ctx.application, name)
    if item is None:
        A.fail(what, "found no device called \"%s\" in Live's browser" % name)
    devices = list(track.devices)
    after = None
    if index != -1 and devices:
        after = devices[index - 1] if index > 0 else None
        if index == 0:
            A.fail(what, "can only put a device first on Live 12.3 or later")
    return load_from_browser(ctx, track, item, after, what)


def _rack(ctx: ActionContext, sel):
    device = ctx.device(sel)
    if not device.can_have_chains:
        ctx.fail("%s is not a rack" % device.name,
               "give an Instrument, Audio Effect, MIDI Effect or Drum Rack, e.g. (device \"Drum Rack\")")
    return device


def _chain(ctx: ActionContext, rack: RackDevice, which) -> Chain:
    chains = list(rack.chains)
    if A.is_number(which):
        i = int(which) - 1
        if 0 <= i < len(chains):
            return chains[i]
    else:
        for chain in chains:
            if chain.name.lower() == which.lower():
                return chain
    names = [c.name for c in chains]
    guess = A.friend.did_you_mean(which, names, lambda w: '"%s"' % w) if isinstance(which, str) else None
    ctx.fail("%s has no chain %s" % (rack.name, A.shown(which)),
             A.friend.joined(guess, "its chains are: %s" % (", ".join(names) or "none")))


def _param_by(ctx: ActionContext, device: Device, which) -> DeviceParameter:
    params = list(device.parameters)
    if A.is_number(which):
        i = int(which)
        if 0 <= i < len(params):   # parameters[0] is Device On; 1 is the first knob, as in ClyphX
            return params[i]
    else:
        for p in params:
            if p.name.lower() == which.lower():
                return p
    names = [p.name for p in params]
    ctx.fail("%s has no parameter %s" % (device.name, A.shown(which)),
             A.friend.did_you_mean(which, names, lambda w: '"%s"' % w) if isinstance(which, str) else
             "it has %d parameters (0 is Device On)" % len(params))


def set_param_checked(ctx: ActionContext, param, value):
    return set_level(ctx, param, value)


def _on_param(device: Device) -> DeviceParameter:
    return list(device.parameters)[0]


# ---- loading ------------------------------------------------------------------------------------
@action("add-device", "target? name", family="device",
        options=((":at", Number("position", 1, integer=True)),),
        kinds={"name": Text("device name", '"Compressor"')},
        doc="Add a native Live device by its browser name to the track (after the last device).",
        example="(add-device \"Compressor\")")
def add_device(ctx: ActionContext, name, target=None, at=None):
    index = -1 if at is None else at - 1
    track = ctx.track(target)
    return wrap(load_device(ctx, track, name, index))


@action("load-preset", "target? name", family="device", kinds={"name": Text("preset name", '"Grand Piano"')},
        doc="Load a preset, sound, plug-in or Max device from the browser onto the track, by its name.",
        example="(load-preset (track \"Drums\") \"808 Core Kit\")")
def load_preset(ctx: ActionContext, name, target=None):
    item = find_browser_item(ctx.application, name, PRESET_ROOTS)
    if item is None:
        ctx.fail("found nothing called \"%s\" in Live's browser" % name,
               "check the name as the browser shows it")
    return wrap(load_from_browser(ctx, ctx.track(target), item, what="load-preset"))


# ---- whole devices --------------------------------------------------------------------------------
@action("delete-device", "device?", family="device",
        doc="Remove the device from its track or chain.",
        example="(delete-device (device (track \"Bass\") \"Saturator\"))")
def delete_device(ctx: ActionContext, device=None):
    for one in ctx.devices(device):
        parent = container_of(one)
        ctx.call(parent, "delete_device", index_of(parent.devices, one))
    return None


@action("duplicate-device", "device?", family="device",
        doc="Put a copy of the device right after it.",
        example="(duplicate-device (device \"EQ Eight\"))")
def duplicate_device(ctx: ActionContext, device=None):
    one = ctx.device(device)
    parent = container_of(one)
    i = index_of(parent.devices, one)
    ctx.call(parent, "duplicate_device", i)
    return wrap(list(parent.devices)[i + 1])


@action("move-device", "device? position", family="device",
        kinds={"position": Number("position", 1, integer=True)},
        doc="Move the device to another place in its chain (1 = first).",
        example="(move-device (device \"Compressor\") 1)")
def move_device(ctx: ActionContext, position, device=None):
    one = ctx.device(device)
    parent = container_of(one)
    count = len(parent.devices)
    if not 1 <= position <= count:
        ctx.fail("the position must be from 1 to %d, got %d" % (count, position),
               "%s holds %d devices" % (getattr(parent, "name", "the chain"), count))
    here = index_of(parent.devices, one)
    if here == position - 1:
        return None
    # Live counts the target position in the chain with the device still in it.
    target = position - 1 if position - 1 < here else position
    ctx.call(ctx.song, "move_device", one, parent, target)
    return None


def _switch(ctx: ActionContext, sel, name, value_fn):
    for device in ctx.devices(sel):
        param = _on_param(device)
        ctx.set_param(param, value_fn(param.value))
    return None


@action("device-on", "device?", family="device", doc="Switch the device on.",
        example="(device-on (device \"Compressor\"))")
def device_on(ctx: ActionContext, device=None):
    return _switch(ctx, device, "device-on", lambda v: 1.0)


@action("device-off", "device?", family="device", doc="Switch the device off (bypass).",
        example="(device-off (device \"Compressor\"))")
def device_off(ctx: ActionContext, device=None):
    return _switch(ctx, device, "device-off", lambda v: 0.0)


@action("toggle-device", "device?", family="device", doc="Switch the device on if off, off if on.",
        example="(toggle-device (device 1))")
def toggle_device(ctx: ActionContext, device=None):
    return _switch(ctx, device, "toggle-device", lambda v: 0.0 if v else 1.0)


@action("select-device", "device?", family="device",
        doc="Select the device (it gets the blue hand and shows in the device view).",
        example="(select-device (device (track \"Bass\") \"Operator\"))")
def select_device(ctx: ActionContext, device=None):
    ctx.call(ctx.song.view, "select_device", ctx.device(device))
    return None


def _collapse(ctx: ActionContext, sel, name, value):
    for device in ctx.devices(sel):
        ctx.write(device.view, "is_collapsed", value, name)
    return None


@action("collapse-device", "device?", family="device", doc="Fold the device down to its title bar.",
        example="(collapse-device (device \"EQ Eight\"))")
def collapse_device(ctx: ActionContext, device=None):
    return _collapse(ctx, device, "collapse-device", True)


@action("expand-device", "device?", family="device", doc="Unfold a collapsed device.",
        example="(expand-device (device \"EQ Eight\"))")
def expand_device(ctx: ActionContext, device=None):
    return _collapse(ctx, device, "expand-device", False)


def _free_params(device: Device) -> List[DeviceParameter]:
    """Parameters a randomize/reset may touch: not Device On, not macro-mapped."""
    return [p for p in list(device.parameters)[1:] if p.is_enabled]


@action("randomize", "device?", family="device",
        doc="Give every parameter of the device (except its on switch) a random value.",
        example="(randomize (device \"EQ Eight\"))")
def randomize(ctx: ActionContext, device=None):
    from ....interpreter.builtins import RANDOM
    for one in ctx.devices(device):
        for p in _free_params(one):
            if p.is_quantized:
                value = float(RANDOM.randint(int(p.min), int(p.max)))
            else:
                value = RANDOM.uniform(p.min, p.max)
            ctx.set_param(p, value)
    return None


@action("reset-device", "device?", family="device",
        doc="Put every continuous parameter of the device back to its default.",
        example="(reset-device (device \"Compressor\"))")
def reset_device(ctx: ActionContext, device=None):
    for one in ctx.devices(device):
        for p in _free_params(one):
            if not p.is_quantized:
                ctx.set_param(p, p.default_value)
    return None


# ---- parameters -------------------------------------------------------------------------------------
PARAM_NAME = Custom("parameter", 'a parameter name like "Cutoff" or a number',
                    lambda v: v if (A.is_number(v) and int(v) == v) or isinstance(v, str) else A.bad_value(
                        "parameter", 'a parameter name like "Cutoff" or a number', v),
                    fits=lambda v: isinstance(v, str))


@action("set-param", "param name? value", family="device", kinds={"name": PARAM_NAME, "value": Level()},
        doc="Set a device parameter; any value form works. (set-param D \"name\" v) names it on a device.",
        example="(set-param (param (device \"Compressor\") \"Threshold\") (by -3))")
def set_param(ctx: ActionContext, param, value, name=None):
    one = _param_by(ctx, ctx.device(param), name) if name is not None else ctx.param(param)
    return set_param_checked(ctx, one, value)


@action("param-value", "param name?", family="device", kinds={"name": PARAM_NAME},
        doc="The current value of a device parameter, in its own range.",
        example="(param-value (param (device \"Compressor\") \"Threshold\"))")
def param_value(ctx: ActionContext, param, name=None):
    if name is not None:
        return _param_by(ctx, ctx.device(param), name).value
    return ctx.param(param).value


@action("param-count", "device?", family="device",
        doc="How many parameters the device has (including its on switch).",
        example="(param-count (device 1))")
def param_count(ctx: ActionContext, device=None):
    return len(ctx.device(device).parameters)


# ---- racks ---------------------------------------------------------------------------------------------
@action("macro", "rack? n value", family="device", kinds={"n": Number("macro number", 1, 16, integer=True),
                                                         "value": Level(noun="value")},
        doc="Turn macro knob n (1..16) of a rack; 0..127 or any value form.",
        example="(macro (device \"Audio Effect Rack\") 1 (ramp 127 :bars 8))")
def macro(ctx: ActionContext, n, value, rack=None):
    one = _rack(ctx, rack)
    params = list(one.parameters)
    macros = [p for p in params[1:] if p.name.lower() != "chain selector"][:16]
    if not 1 <= n <= len(macros):
        ctx.fail("the macro number must be from 1 to %d, got %d" % (len(macros), n),
               "%s shows %d macros" % (one.name, len(macros)))
    return set_param_checked(ctx, macros[n - 1], value)


# Rack buttons: each calls one RackDevice method on the rack (the focus track's first one by default).
RACK_BUTTONS = [
    ("randomize-macros", "randomize_macros", "Press the rack's Rand button: random values for its mapped macros."),
    ("add-macro", "add_macro", "Show one more macro knob on the rack."),
    ("remove-macro", "remove_macro", "Show one macro knob fewer on the rack."),
    ("store-variation", "store_variation", "Store the rack's macro settings as a new variation."),
]


def _rack_button(name, method, doc):
    @action(name, "rack?", family="device", doc=doc, example="(%s (device \"Audio Effect Rack\"))" % name)
    def press(ctx: ActionContext, rack=None):
        ctx.call(_rack(ctx, rack), method, what=name)
        return None
    return press


for _name, _method, _doc in RACK_BUTTONS:
    _rack_button(_name, _method, _doc)


@action("recall-variation", "rack? n", family="device", doc="Recall macro variation n (1 = first) of the rack.",
        example="(recall-variation (device \"Audio Effect Rack\") 2)")
def recall_variation(ctx: ActionContext, n, rack=None):
    one = _rack(ctx, rack)
    count = one.variation_count
    if not 1 <= n <= count:
        ctx.fail("the variation must be from 1 to %d, got %d" % (count, n),
               "%s has %d variations" % (one.name, count))
    ctx.write(one, "selected_variation_index", n - 1)
    ctx.call(one, "recall_selected_variation")
    return None


def _chain_flag(ctx: ActionContext, rack, chain, attr, value):
    one = _chain(ctx, _rack(ctx, rack), chain)
    ctx.write(one, attr, value)
    return None


@action("chain-mute", "rack? chain", family="device", doc="Mute a chain of a rack (by number or name).",
        example="(chain-mute (device \"Audio Effect Rack\") 2)")
def chain_mute(ctx: ActionContext, chain, rack=None):
    return _chain_flag(ctx, rack, chain, "mute", True)


@action("chain-unmute", "rack? chain", family="device", doc="Unmute a chain of a rack.",
        example="(chain-unmute (device \"Audio Effect Rack\") 2)")
def chain_unmute(ctx: ActionContext, chain, rack=None):
    return _chain_flag(ctx, rack, chain, "mute", False)


@action("chain-solo", "rack? chain", family="device", doc="Solo a chain of a rack.",
        example="(chain-solo (device \"Audio Effect Rack\") 1)")
def chain_solo(ctx: ActionContext, chain, rack=None):
    return _chain_flag(ctx, rack, chain, "solo", True)


@action("chain-unsolo", "rack? chain", family="device", doc="Unsolo a chain of a rack.",
        example="(chain-unsolo (device \"Audio Effect Rack\") 1)")
def chain_unsolo(ctx: ActionContext, chain, rack=None):
    return _chain_flag(ctx, rack, chain, "solo", False)


def _chain_level(ctx: ActionContext, rack, chain, attr, value):
    one = _chain(ctx, _rack(ctx, rack), chain)
    return set_level(ctx, getattr(one.mixer_device, attr), value)


@action("chain-volume", "rack? chain level", family="device",
        doc="Set a rack chain's volume (0.0 .. 1.0, 0.85 is 0 dB); any value form works.",
        example="(chain-volume (device \"Audio Effect Rack\") 1 0.7)")
def chain_volume(ctx: ActionContext, chain, level, rack=None):
    return _chain_level(ctx, rack, chain, "volume", level)


@action("chain-pan", "rack? chain position", family="device", doc="Set a rack chain's pan (-1.0 .. 1.0).",
        example="(chain-pan (device \"Audio Effect Rack\") 1 -0.5)")
def chain_pan(ctx: ActionContext, chain, position, rack=None):
    return _chain_level(ctx, rack, chain, "panning", position)


@action("select-chain", "rack? chain", family="device", doc="Select a chain of a rack (shows its devices).",
        example="(select-chain (device \"Audio Effect Rack\") 2)")
def select_chain(ctx: ActionContext, chain, rack=None):
    one = _rack(ctx, rack)
    ctx.write(one.view, "selected_chain", _chain(ctx, one, chain))
    return None


@action("add-chain", "rack?", family="device", min_live="12.3",
        doc="Add an empty chain at the end of a rack.",
        example="(add-chain (device \"Audio Effect Rack\"))")
def add_chain(ctx: ActionContext, rack=None):
    ctx.require_live((12, 3))
    one = _rack(ctx, rack)
    return wrap(ctx.call(one, "insert_chain"))


@action("chain-add-device", "rack? chain name", family="device", min_live="12.3",
        kinds={"name": Text("device name", '"Saturator"')},
        doc="Add a native device to a chain of a rack.",
        example="(chain-add-device (device \"Audio Effect Rack\") 1 \"Saturator\")")
def chain_add_device(ctx: ActionContext, chain, name, rack=None):
    ctx.require_live((12, 3))
    one = _chain(ctx, _rack(ctx, rack), chain)
    return wrap(ctx.call(one, "insert_device", name))
