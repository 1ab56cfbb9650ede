"""Building devices from the device table and placing them in a device chain as Live allows:
MIDI effects, then the instrument, then audio effects; no instruments or MIDI effects on audio paths."""
from .device_table import SAMPLE_LENGTH, all_params, device_spec, find_device
from .lom import checked_index


def make_device(world, parent, name):
    entry = find_device(name)
    spec = device_spec(name)
    if spec is None:
        raise RuntimeError("'%s' is not a native Live device" % (name,))
    from .Live.DeviceParameter import DeviceParameter
    device = device_class(world, spec)(world, parent, spec, name=entry["name"])
    device._load_name = entry["name"]  # a preset (e.g. a drum kit) saves under its own name
    params = []
    for p in all_params(spec):
        if isinstance(p[1], list):
            params.append(DeviceParameter(world, device, p[0], 0, len(p[1]) - 1, p[2], items=p[1]))
        else:
            params.append(DeviceParameter(world, device, p[0], p[1], p[2], p[3], unit=p[4] if len(p) > 4 else ""))
    device._set_parameters(params)
    if spec.get("looper"):
        from .looper import attach
        attach(device)
    if entry.get("pads"):
        fill_pads(world, device, entry["pads"])
    return device


def device_class(world, spec):
    """The LOM class Live gives this device: Simpler and (from 12.1 here; Live added it in 12.0.5)
    Looper have their own classes, racks theirs, everything else is a plain Device."""
    from .Live.Device import Device
    from .Live.RackDevice import RackDevice
    if spec.get("rack"):
        return RackDevice
    lom_class = spec.get("lom_class")
    if lom_class == "SimplerDevice":
        from .Live.SimplerDevice import SimplerDevice
        return SimplerDevice
    if lom_class == "LooperDevice" and world.version >= (12, 1):
        from .Live.LooperDevice import LooperDevice
        return LooperDevice
    return Device


def fill_pads(world, rack, pads):
    """A kit preset's pads: one chain per pad with a Simpler holding the pad's sample. Live lists a
    Drum Rack's chains on the rack too (RackDevice.chains), in note order."""
    from .Live.DrumChain import DrumChain
    by_note = dict((pad._note, pad) for pad in rack._drum_pads())
    for note, name, sample_file in pads:
        chain = DrumChain(world, rack, name, note)
        simpler = make_device(world, chain, "Simpler")
        simpler._load_sample(sample_file, SAMPLE_LENGTH)
        chain._devices.append(simpler)
        rack._chains.append(chain)
        by_note[note]._chains.append(chain)


def make_unlisted_device(world, parent, name, class_name, kind):
    """A device the table does not describe (a plug-in, a Max for Live device, an older Live device),
    as a Live set names it: its name, class and kind, and only "Device On" among its parameters."""
    if kind not in ("instrument", "audio_effect", "midi_effect"):
        raise ValueError("%s: unknown device kind %r" % (name, kind))
    from .Live.Device import Device
    from .Live.DeviceParameter import DeviceParameter
    spec = {"name": name, "class_name": class_name, "kind": kind, "params": [], "unlisted": True}
    device = Device(world, parent, spec, name=name)
    device._load_name = name
    device._set_parameters([DeviceParameter(world, device, p[0], 0, len(p[1]) - 1, p[2], items=p[1])
                            for p in all_params(spec)])
    return device


def path_kind(container):
    """What a device chain carries: 'midi' (MIDI track, instrument/drum chains), 'audio', or 'midi_only'."""
    rack = getattr(container, "_rack", None)
    if rack is not None:
        kind = rack._spec["kind"]
        return {"instrument": "midi", "audio_effect": "audio", "midi_effect": "midi_only"}[kind]
    return "midi" if container._kind == "midi" else "audio"


def refusal(container, spec):
    """Why Live would refuse this device here, or None."""
    kind, path = spec["kind"], path_kind(container)
    if path == "audio" and kind != "audio_effect":
        what = "an instrument" if kind == "instrument" else "a MIDI effect"
        return "Cannot insert %s on an audio track or chain" % what
    if path == "midi_only" and kind != "midi_effect":
        return "A MIDI Effect Rack chain only holds MIDI effects"
    return None


def natural_index(devices, spec):
    """Where a device goes with index -1: MIDI effects before the instrument, audio effects at the end."""
    kinds = [d._spec["kind"] for d in devices]
    if spec["kind"] == "midi_effect":
        return kinds.index("instrument") if "instrument" in kinds else len(devices)
    return len(devices)


def order_ok(devices, spec, index):
    kinds = [d._spec["kind"] for d in devices]
    before, after = kinds[:index], kinds[index:]
    kind = spec["kind"]
    if kind == "midi_effect":
        return "instrument" not in before and "audio_effect" not in before
    if kind == "instrument":
        return "instrument" not in before and "instrument" not in after and "midi_effect" not in after
    return "midi_effect" not in after and "instrument" not in after


def insert(container, device, index):
    """Put a device into container._devices undoably and select it in its track."""
    world = container._world

    def do():
        device._revive()
        device._parent = container
        container._devices.insert(index, device)
        container._notify("devices")
        container._device_selected(device)

    def undo():
        container._devices.remove(device)
        device._kill()
        container._notify("devices")
        container._device_removed(device)
    world.undo.record(undo, do)
    with world.undo.quiet():
        do()
    return device


def remove(container, index):
    devices = container._devices
    index = checked_index(container, index, len(devices))
    device = devices[index]
    world = container._world

    def do():
        container._devices.remove(device)
        device._kill()
        container._notify("devices")
        container._device_removed(device)

    def undo():
        device._revive()
        container._devices.insert(index, device)
        container._notify("devices")
    world.undo.record(undo, do)
    with world.undo.quiet():
        do()


def load(container, name, index=-1):
    """insert_device / browser loading: by name, checked against the chain, at index or its natural place."""
    spec = device_spec(name)
    if spec is None:
        raise RuntimeError("'%s' is not a native Live device" % (name,))
    why = refusal(container, spec)
    if why:
        raise RuntimeError(why)
    world = container._world
    world.undo.begin()  # replacing an instrument is one undo step
    try:
        return _load(container, name, spec, index)
    finally:
        world.undo.end()


def _load(container, name, spec, index):
    devices = container._devices
    if spec["kind"] == "instrument":
        existing = [i for i, d in enumerate(devices) if d._spec["kind"] == "instrument"]
        if existing:  # Live replaces the chain's instrument
            remove(container, existing[0])
            if index == -1 or index > existing[0]:
                index = existing[0] if index == -1 else index - 1
    if index == -1:
        index = natural_index(devices, spec)
    index = checked_index(container, index, len(devices), inclusive=True)
    if not order_ok(devices, spec, index):
        raise RuntimeError("Cannot insert %s at position %d: MIDI effects come before the instrument, "
                           "audio effects after it" % (spec["name"], index))
    return insert(container, make_device(container._world, container, name), index)


def duplicate(container, index):
    devices = container._devices
    index = checked_index(container, index, len(devices))
    original = devices[index]
    if original._spec["kind"] == "instrument":
        raise RuntimeError("A device chain can hold only one instrument")
    from .sets import device_from_dict, device_to_dict
    copy = device_from_dict(container._world, container, device_to_dict(original))
    return insert(container, copy, index + 1)
