"""Live.Browser: a tree of Live 12's stock devices (from device_table) that loads onto the selected track."""
from .. import devices as device_ops
from ..device_table import DEVICES, device_spec
from ..lom import LiveEnum, enum_members, enum_of, listenable, mutator, value_prop
from .Base import Vector
from .LomObject import LomObject

try:
    from urllib.parse import quote
except ImportError:  # pragma: no cover
    from urllib import quote


class FilterType(LiveEnum):
    pass


enum_members(FilterType, "hotswap_off instrument_hotswap audio_effect_hotswap midi_effect_hotswap "
             "drum_pad_hotswap midi_track_devices samples count", disabled=-1)


class Relation(LiveEnum):
    pass


enum_members(Relation, "ancestor equal descendant none")


class BrowserItemVector(Vector):
    __slots__ = ()

    def append(self, value):
        self._items.append(value)

    def extend(self, values):
        self._items.extend(values)


class BrowserItem(object):
    """This class represents an item of the browser hierarchy."""

    def __init__(self, name, uri, device_name=None, children=None):
        self._name = name
        self._uri = uri
        self._device_name = device_name
        self._children = children if children is not None else []

    def __repr__(self):
        return "BrowserItem(%r)" % self._name

    @property
    def name(self):
        return self._name

    @property
    def uri(self):
        return self._uri

    @property
    def source(self):
        return "Live"

    @property
    def children(self):
        return BrowserItemVector(self._children)

    @property
    def iter_children(self):
        return iter(self._children)

    @property
    def is_loadable(self):
        return self._device_name is not None

    @property
    def is_device(self):
        return self._device_name is not None and device_spec(self._device_name)["name"] == self._device_name

    @property
    def is_folder(self):
        return self._device_name is None

    @property
    def is_selected(self):
        return False


_ROOTS = [("instruments", "Instruments", "Synths"), ("audio_effects", "Audio Effects", "AudioFx"),
          ("midi_effects", "MIDI Effects", "MidiFx"), ("drums", "Drums", "Drums"), ("sounds", "Sounds", "Sounds"),
          ("plugins", "Plug-Ins", "Plugins"), ("user_library", "User Library", "UserLibrary"),
          ("samples", "Samples", "Samples"), ("clips", "Clips", "Clips"), ("packs", "Packs", "Packs"),
          ("max_for_live", "Max for Live", "M4L"), ("current_project", "Current Project", "CurrentProject")]


def _build_roots():
    roots = {}
    prefixes = {}
    for attr, title, prefix in _ROOTS:
        roots[attr] = BrowserItem(title, "query:%s" % prefix)
        prefixes[attr] = prefix
    folders = {}
    for entry in DEVICES:
        root_attr = entry["folder"][0]
        for attr in [root_attr] + entry.get("also_in", []):
            parent = roots[attr]
            path = entry["folder"][1:] if attr == root_attr else []
            for depth, folder in enumerate(path):
                key = (attr,) + tuple(path[:depth + 1])
                if key not in folders:
                    folders[key] = BrowserItem(folder, "query:%s#%s" % (prefixes[attr], quote(folder)))
                    parent._children.append(folders[key])
                parent = folders[key]
            uri = "query:%s#%s" % (prefixes[attr], ":".join(quote(p) for p in path + [entry["name"]]))
            parent._children.append(BrowserItem(entry["name"], uri, entry["name"]))
    return roots


@listenable("filter_type", "full_refresh", "hotswap_target")
class Browser(LomObject):
    """This class represents the live browser data base."""

    def __init__(self, world, application):
        LomObject.__init__(self, world, application)
        self._roots = _build_roots()
        self._filter_type = FilterType.disabled
        self._hotswap_target = None
        self._previewing = None

    def _root(name):
        def fget(self):
            self._check()
            return self._roots[name]
        return property(fget)

    instruments = _root("instruments")
    audio_effects = _root("audio_effects")
    midi_effects = _root("midi_effects")
    drums = _root("drums")
    sounds = _root("sounds")
    plugins = _root("plugins")
    user_library = _root("user_library")
    samples = _root("samples")
    clips = _root("clips")
    packs = _root("packs")
    max_for_live = _root("max_for_live")
    current_project = _root("current_project")
    del _root

    filter_type = value_prop("filter_type", coerce=enum_of(FilterType), undoable=False)
    hotswap_target = value_prop("hotswap_target", undoable=False)

    @property
    def user_folders(self):
        self._check()
        return BrowserItemVector()

    @property
    def colors(self):
        self._check()
        return BrowserItemVector()

    @property
    def legacy_libraries(self):
        self._check()
        return BrowserItemVector()

    @mutator
    def load_item(self, item):
        """Load onto the selected track, after its selected device (instruments replace the instrument)."""
        if not isinstance(item, BrowserItem) or not item.is_loadable:
            raise RuntimeError("Browser item is not loadable")
        track = self._world.song._view._selected_track
        if track is None:
            raise RuntimeError("No track is selected")
        spec = device_spec(item._device_name)
        index = -1
        selected = track._view._selected_device
        if spec["kind"] != "instrument" and selected in track._devices:
            after = track._devices.index(selected) + 1
            if device_ops.order_ok(track._devices, spec, after):
                index = after
        device_ops.load(track, item._device_name, index)

    @mutator
    def preview_item(self, item):
        self._previewing = item

    @mutator
    def stop_preview(self):
        self._previewing = None

    def relation_to_hotswap_target(self, item):
        self._check()
        return Relation.none


__all__ = ["Browser", "BrowserItem", "BrowserItemVector", "FilterType", "Relation"]
