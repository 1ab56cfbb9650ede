"""Live.Track: MIDI, audio, group, return and main tracks."""
from .. import devices as device_ops
from ..lom import (PersistentData, LiveEnum, accessor, argument_error, as_bool, as_int, as_str, checked_index,
                   color_props, enum_members, enum_of, listenable, mutator, since, value_prop)
from .. import routing
from .Base import StringVector, Vector, _AppendableVector
from .LomObject import LomObject


class DeviceContainer(LomObject):
    """Shared by tracks and rack chains: an ordered device chain (private helpers only)."""

    def _device_selected(self, device):
        pass

    def _device_removed(self, device):
        pass


class DeviceInsertMode(LiveEnum):
    pass


enum_members(DeviceInsertMode, "default selected_left selected_right count")


class RoutingChannelLayout(LiveEnum):
    pass


enum_members(RoutingChannelLayout, "midi mono stereo")


class RoutingTypeCategory(LiveEnum):
    pass


enum_members(RoutingTypeCategory, "external rewire resampling master track parent_group_track none invalid")


class RoutingChannel(object):
    """This class represents a routing channel."""

    def __init__(self, display_name, layout):
        self._display_name = display_name
        self._layout = layout

    @property
    def display_name(self):
        return self._display_name

    @property
    def layout(self):
        return self._layout

    def __eq__(self, other):
        return (isinstance(other, RoutingChannel) and other._display_name == self._display_name
                and other._layout == self._layout)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._display_name)

    def __repr__(self):
        return "RoutingChannel(%r)" % self._display_name


class RoutingType(object):
    """This class represents a routing type."""

    def __init__(self, display_name, category, attached_object):
        self._display_name = display_name
        self._category = category
        self._attached_object = attached_object

    @property
    def attached_object(self):
        return self._attached_object

    @property
    def category(self):
        return self._category

    @property
    def display_name(self):
        return self._display_name

    # Live hands out a new wrapper on every read: compare by what the type stands for.
    def __eq__(self, other):
        return (isinstance(other, RoutingType) and other._display_name == self._display_name
                and other._category == self._category and other._attached_object is self._attached_object)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._display_name)

    def __repr__(self):
        return "RoutingType(%r)" % self._display_name


class RoutingChannelVector(_AppendableVector):
    """A container for returning routing channels from Live."""
    __slots__ = ()


class RoutingTypeVector(_AppendableVector):
    """A container for returning routing types from Live."""
    __slots__ = ()


def _routing_type(option):
    name, category, attached, _channels, _layout = option
    return RoutingType(name, RoutingTypeCategory.names[category], attached)


def _routing_channel(name, layout):
    return RoutingChannel(name, RoutingChannelLayout.names[layout])


def _routing_props(direction):
    """available_<d>_routing_types/_channels and <d>_routing_type/_channel for d = input/output.
    Setters take only a value from the matching available_* list (else ValueError, as the stubs
    document); a new type resets the channel to that type's first."""
    options = routing.input_options if direction == "input" else routing.output_options

    def current(track):
        return track._route(direction, options(track))

    def available_types(track):
        track._check()
        return RoutingTypeVector(_routing_type(o) for o in options(track))

    def available_channels(track):
        track._check()
        option, _channel = current(track)
        if option is None:
            return RoutingChannelVector()
        return RoutingChannelVector(_routing_channel(c, option[4]) for c in option[3])

    def get_type(track):
        track._check()
        option, _channel = current(track)
        if option is None:
            return RoutingType("", RoutingTypeCategory.none, None)
        return _routing_type(option)

    def set_type(track, value):
        track._check_write()
        if not isinstance(value, RoutingType):
            raise argument_error(track, value, "RoutingType")
        for option in options(track):
            if _routing_type(option) == value:
                key = option[2] if option[2] is not None else option[0]
                track._set_route(direction, (key, option[3][0] if option[3] else ""))
                return
        raise ValueError("%s is not one of the current values in available_%s_routing_types"
                         % (value.display_name, direction))

    def get_channel(track):
        track._check()
        option, channel = current(track)
        return _routing_channel(channel, option[4] if option is not None else "stereo")

    def set_channel(track, value):
        track._check_write()
        if not isinstance(value, RoutingChannel):
            raise argument_error(track, value, "RoutingChannel")
        option, _channel = current(track)
        if option is None or value not in [_routing_channel(c, option[4]) for c in option[3]]:
            raise ValueError("%s is not one of the current values in available_%s_routing_channels"
                             % (value.display_name, direction))
        key = option[2] if option[2] is not None else option[0]
        track._set_route(direction, (key, value.display_name))

    return (property(available_types), property(available_channels), property(get_type, set_type),
            property(get_channel, set_channel))


def _legacy_routing_props(direction):
    """The older string API on the same routing: current_<d>_routing / current_<d>_sub_routing
    (get/set by name; "the new routing must be one of the available ones") and the name lists
    <d>_routings / <d>_sub_routings (Live-stubs/Track.pyi)."""
    options = routing.input_options if direction == "input" else routing.output_options

    def names(track):
        track._check()
        return StringVector(o[0] for o in options(track))

    def sub_names(track):
        track._check()
        option, _channel = track._route(direction, options(track))
        return StringVector(option[3] if option is not None else ())

    def get_name(track):
        track._check()
        option, _channel = track._route(direction, options(track))
        return option[0] if option is not None else ""

    def set_name(track, value):
        track._check_write()
        value = as_str(track, value)
        for option in options(track):
            if option[0] == value:
                key = option[2] if option[2] is not None else option[0]
                track._set_route(direction, (key, option[3][0] if option[3] else ""))
                return
        raise ValueError("%r is not one of the available %s routings" % (value, direction))

    def get_sub(track):
        track._check()
        return track._route(direction, options(track))[1]

    def set_sub(track, value):
        track._check_write()
        value = as_str(track, value)
        option, _channel = track._route(direction, options(track))
        if option is None or value not in option[3]:
            raise ValueError("%r is not one of the available %s sub routings" % (value, direction))
        track._set_route(direction, (option[2] if option[2] is not None else option[0], value))

    return (property(names), property(sub_names), property(get_name, set_name), property(get_sub, set_sub))

PLAYER_KINDS = ("midi", "audio")


def _arm_value(track, value):
    if not track._kind in PLAYER_KINDS:
        raise RuntimeError("Main, return and group tracks cannot be armed")
    return as_bool(track, value)


def _not_main(name):
    def coerce(track, value):
        if track._kind == "master":
            raise RuntimeError("The main track has no %s" % name)
        return as_bool(track, value)
    return coerce


def _solo_changed(track, old):
    song = track._parent
    for t in song._all_tracks():
        t._update_muted_via_solo()


def _mute_changed(track, old):
    track._update_muted_via_solo()


@listenable("arm", "arrangement_clips", "available_input_routing_channels", "available_input_routing_types",
            "available_output_routing_channels", "available_output_routing_types",
            "input_routing_channel", "input_routing_type", "output_routing_channel", "output_routing_type",
            "current_input_routing", "current_input_sub_routing", "current_output_routing",
            "current_output_sub_routing", "input_routings", "input_sub_routings", "output_routings",
            "output_sub_routings",
            "back_to_arranger", "clip_slots", "color", "color_index", "current_monitoring_state",
            "data", "devices", "fired_slot_index", "has_audio_input", "has_audio_output", "has_midi_input",
            "has_midi_output", "implicit_arm", "input_meter_left", "input_meter_level", "input_meter_right", "is_frozen",
            "mute", "muted_via_solo", "name", "output_meter_left", "output_meter_level", "output_meter_right",
            "playing_slot_index", "solo", back_to_arranger=(12, 0))
class Track(PersistentData, DeviceContainer):
    """This class represents a track in Live. It can be either an Audio track, a MIDI Track, a Return
    Track or the Main track."""

    @listenable("device_insert_mode", "is_collapsed", "selected_device")
    class View(LomObject):
        """Representing the view aspects of a Track."""

        def __init__(self, world, track):
            LomObject.__init__(self, world, track)
            self._device_insert_mode = DeviceInsertMode.default
            self._is_collapsed = False
            self._selected_device = None

        device_insert_mode = value_prop("device_insert_mode", coerce=enum_of(DeviceInsertMode), undoable=False)
        is_collapsed = value_prop("is_collapsed", coerce=as_bool, undoable=False)
        selected_device = value_prop("selected_device", writable=False)

        @mutator
        def select_instrument(self):
            for device in self._parent._devices:
                if device._spec["kind"] == "instrument":
                    self._parent._world.song._view._select_device(device)
                    return True
            return False

    class monitoring_states(LiveEnum):
        pass

    def __init__(self, world, song, kind, name, color=0, color_index=0):
        LomObject.__init__(self, world, song)
        self._kind = kind
        self._name = name
        self._color = color
        self._color_index = color_index
        self._mute = False
        self._solo = False
        self._arm = False
        self._implicit_arm = False
        self._muted_via_solo = False
        self._current_monitoring_state = Track.monitoring_states.AUTO
        self._fold_state = 0
        self._group = None
        self._devices = []
        self._clip_slots = []
        self._playing_slot_index = -1
        self._fired_slot_index = -1
        self._pending_slot = None
        self._back_to_arranger = False
        self._data = {}
        self._routes = {}          # "input"/"output" -> (type name or track, channel name); unset = default
        from .MixerDevice import MixerDevice
        self._mixer_device = MixerDevice(world, self, is_main=(kind == "master"))
        self._view = Track.View(world, self)

    def _children(self):
        return list(self._devices) + list(self._clip_slots) + [self._mixer_device, self._view]

    def _group_children(self):
        song = self._parent
        return [t for t in song._tracks if t._group is self]

    def _all_descendants(self):
        out = []
        for child in self._group_children():
            out.append(child)
            out.extend(child._all_descendants())
        return out

    def _device_selected(self, device):
        self._world.song._view._select_device(device)

    def _device_removed(self, device):
        if self._view._selected_device is device:
            self._view._set_raw("selected_device", self._devices[-1] if self._devices else None)

    def _update_muted_via_solo(self):
        song = self._parent
        if self._kind == "master":
            return
        any_solo = any(t._solo for t in song._all_tracks())
        value = any_solo and not self._solo and not self._mute and self._kind != "return"
        if value != self._muted_via_solo:
            self._set_raw("muted_via_solo", value)

    # -- identity and state -------------------------------------------------------------
    name = value_prop("name", coerce=as_str, after=lambda track, old: track._parent._routing_lists_changed(track))
    color, color_index = color_props()
    mute = value_prop("mute", coerce=_not_main("mute"), after=_mute_changed)
    solo = value_prop("solo", coerce=_not_main("solo"), after=_solo_changed)
    implicit_arm = value_prop("implicit_arm", coerce=as_bool, undoable=False)
    muted_via_solo = value_prop("muted_via_solo", writable=False)
    mixer_device = value_prop("mixer_device", writable=False)
    view = value_prop("view", writable=False)
    playing_slot_index = value_prop("playing_slot_index", writable=False)
    fired_slot_index = value_prop("fired_slot_index", writable=False)
    back_to_arranger = since((12, 0), value_prop("back_to_arranger", coerce=as_bool, undoable=False))

    def _get_arm(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Main, return and group tracks cannot be armed")
        return self._arm

    def _set_arm(self, value):
        self._check_write()
        self._change("arm", _arm_value(self, value))

    arm = property(_get_arm, _set_arm, doc="Arm the track for recording. Not available for Main- and Send Tracks.")

    @property
    def can_be_armed(self):
        self._check()
        return self._kind in PLAYER_KINDS

    def _get_monitoring(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have a monitoring state")
        return self._current_monitoring_state

    def _set_monitoring(self, value):
        self._check_write()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have a monitoring state")
        self._change("current_monitoring_state", enum_of(Track.monitoring_states)(self, value))

    current_monitoring_state = property(_get_monitoring, _set_monitoring)

    @property
    def is_foldable(self):
        self._check()
        return self._kind == "group"

    def _get_fold(self):
        self._check()
        if self._kind != "group":
            raise RuntimeError("Track is not foldable")
        return self._fold_state

    def _set_fold(self, value):
        self._check_write()
        if self._kind != "group":
            raise RuntimeError("Track is not foldable")
        value = 1 if as_int(self, value) else 0
        if value != self._fold_state:
            def apply(v):
                self._fold_state = v
                self._parent._notify("visible_tracks")
            old = self._fold_state
            self._world.undo.record(lambda: apply(old), lambda: apply(value))
            apply(value)

    fold_state = property(_get_fold, _set_fold)

    @property
    def is_grouped(self):
        self._check()
        return self._group is not None

    @property
    def group_track(self):
        self._check()
        return self._group

    @property
    def is_visible(self):
        self._check()
        group = self._group
        while group is not None:
            if group._fold_state:
                return False
            group = group._group
        return True

    @property
    def is_part_of_selection(self):
        self._check()
        return self._world.song._view._selected_track is self

    @property
    def has_midi_input(self):
        self._check()
        return self._kind == "midi"

    @property
    def has_audio_input(self):
        self._check()
        return self._kind == "audio"

    @property
    def has_midi_output(self):
        self._check()
        return self._kind == "midi" and not any(d._spec["kind"] == "instrument" for d in self._devices)

    @property
    def has_audio_output(self):
        self._check()
        return not self.has_midi_output

    @property
    def can_be_frozen(self):
        self._check()
        return self._kind in PLAYER_KINDS

    @property
    def is_frozen(self):
        self._check()
        return False

    @property
    def can_show_chains(self):
        self._check()
        return any(d._spec.get("rack") for d in self._devices if d._spec["kind"] == "instrument")

    def _meter(self):
        self._check()
        return 0.0

    output_meter_level = property(_meter)
    output_meter_left = property(_meter)
    output_meter_right = property(_meter)
    input_meter_level = property(_meter)
    input_meter_left = property(_meter)
    input_meter_right = property(_meter)

    @property
    def devices(self):
        self._check()
        return Vector(self._devices)

    @property
    def clip_slots(self):
        self._check()
        return Vector(self._clip_slots)

    @property
    def arrangement_clips(self):
        self._check()
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("Only MIDI and audio tracks have arrangement clips")
        return Vector()

    # -- routing (surface/virtual_live/routing.py) -------------------------------------------
    (available_input_routing_types, available_input_routing_channels, input_routing_type,
     input_routing_channel) = _routing_props("input")
    (available_output_routing_types, available_output_routing_channels, output_routing_type,
     output_routing_channel) = _routing_props("output")
    input_routings, input_sub_routings, current_input_routing, current_input_sub_routing = \
        _legacy_routing_props("input")
    output_routings, output_sub_routings, current_output_routing, current_output_sub_routing = \
        _legacy_routing_props("output")

    def _route(self, direction, options):
        """(the current option, channel name): the stored routing if it is still offered, else
        the default (a routing to a deleted track falls back, as Live's does)."""
        key, channel = self._routes.get(direction) or routing.default_route(self, direction)
        for option in options:
            if routing.matches(option, key):
                if option[2] is not None and isinstance(key, str) and direction in self._routes:
                    self._routes[direction] = (option[2], channel)   # loaded by name: follow the track
                return option, (channel if channel in option[3] else (option[3][0] if option[3] else ""))
        if not options:
            return None, ""
        first = options[0]
        return first, (first[3][0] if first[3] else "")

    def _routing_lists_changed(self):
        """Another track came, went or was renamed: the lists of routings may have changed."""
        for what in ("available_input_routing_types", "available_output_routing_types",
                     "input_routings", "output_routings"):
            self._notify(what)

    def _set_route(self, direction, route):
        old = self._routes.get(direction)

        def apply(value):
            if value is None:
                self._routes.pop(direction, None)
            else:
                self._routes[direction] = value
            for what in ("%s_routing_type", "%s_routing_channel", "available_%s_routing_channels",
                         "current_%s_routing", "current_%s_sub_routing", "%s_sub_routings"):
                self._notify(what % direction)
        if old == route:
            return
        self._world.undo.record(lambda: apply(old), lambda: apply(route))
        apply(route)

    # -- devices --------------------------------------------------------------------------
    @mutator
    def delete_device(self, index):
        device_ops.remove(self, index)

    @mutator
    def duplicate_device(self, index):
        device_ops.duplicate(self, index)

    @mutator
    def _insert_device(self, device_name, device_index=-1):
        """Insert a native device by its name (Live 12.3+)."""
        return device_ops.load(self, as_str(self, device_name), as_int(self, device_index))

    _insert_device.__name__ = "insert_device"
    insert_device = since((12, 3), _insert_device)

    # -- clips ----------------------------------------------------------------------------
    @mutator
    def stop_all_clips(self, quantized=True):
        self._world.song._transport.stop_track(self, quantized=bool(quantized))

    @mutator
    def jump_in_running_session_clip(self, beats):
        if self._playing_slot_index >= 0:
            clip = self._clip_slots[self._playing_slot_index]._clip
            clip._launch_total -= float(beats)

    @mutator
    def duplicate_clip_slot(self, index):
        if self._kind not in PLAYER_KINDS:
            raise RuntimeError("This track has no clip slots to duplicate")
        index = checked_index(self, index, len(self._clip_slots))
        source = self._clip_slots[index]
        if source._clip is None:
            raise RuntimeError("The clip slot is empty")
        song = self._world.song
        song._world.undo.begin()
        try:
            target_index = index + 1
            if target_index >= len(self._clip_slots) or self._clip_slots[target_index]._clip is not None:
                song._insert_scene(target_index)
            source.duplicate_clip_to.__wrapped__(source, self._clip_slots[target_index])
        finally:
            song._world.undo.end()
        return target_index


enum_members(Track.monitoring_states, "IN AUTO OFF")
del Track._insert_device

__all__ = ["DeviceContainer", "DeviceInsertMode", "RoutingChannel", "RoutingChannelLayout", "RoutingChannelVector",
           "RoutingType", "RoutingTypeCategory", "RoutingTypeVector", "Track"]
