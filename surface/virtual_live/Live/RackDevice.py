"""Live.RackDevice: Instrument, Audio Effect, MIDI Effect and Drum Racks with chains and macros."""
from ..lom import as_bool, as_int, checked_index, listenable, mutator, since, value_prop
from .Base import Vector
from .Device import Device

MAX_MACROS = 16


@listenable("chains", "drum_pads", "has_drum_pads", "has_macro_mappings", "is_showing_chains", "macros_mapped",
            "return_chains", "variation_count", "visible_drum_pads", "visible_macro_count")
class RackDevice(Device):
    """This class represents a Rack device in Live."""

    @listenable("drum_pads_scroll_position", "is_showing_chain_devices", "selected_chain", "selected_drum_pad")
    class View(Device.View):
        """Representing the view aspects of a rack device."""

        def __init__(self, world, rack):
            Device.View.__init__(self, world, rack)
            self._selected_chain = None
            self._selected_drum_pad = None
            self._is_showing_chain_devices = False
            self._drum_pads_scroll_position = 9

        selected_chain = value_prop("selected_chain", undoable=False)
        selected_drum_pad = value_prop("selected_drum_pad", undoable=False)
        is_showing_chain_devices = value_prop("is_showing_chain_devices", coerce=as_bool, undoable=False)
        drum_pads_scroll_position = value_prop("drum_pads_scroll_position", coerce=as_int, undoable=False)

    def __init__(self, world, parent, spec, name=None):
        Device.__init__(self, world, parent, spec, name)
        self._chains = []
        self._return_chains = []
        self._pads = None
        self._visible_macro_count = 8
        self._is_showing_chains = False
        self._selected_variation_index = -1
        self._variations = []

    def _make_view(self):
        return RackDevice.View(self._world, self)

    def _children(self):
        return Device._children(self) + self._chains + self._return_chains + (self._pads or [])

    def _drum_pads(self):
        if self._pads is None:
            from .DrumPad import DrumPad
            self._pads = [DrumPad(self._world, self, note) for note in range(128)] if self._is_drum() else []
        return self._pads

    def _is_drum(self):
        return bool(self._spec.get("drum_pads"))

    is_showing_chains = value_prop("is_showing_chains", coerce=as_bool, undoable=False)
    visible_macro_count = value_prop("visible_macro_count", writable=False)
    selected_variation_index = value_prop("selected_variation_index", coerce=as_int, undoable=False)

    @property
    def can_have_chains(self):
        self._check()
        return True

    @property
    def can_have_drum_pads(self):
        self._check()
        return self._is_drum()

    @property
    def has_drum_pads(self):
        self._check()
        return self._is_drum()

    @property
    def can_show_chains(self):
        self._check()
        return True

    @property
    def chains(self):
        self._check()
        return Vector(self._chains)

    @property
    def return_chains(self):
        self._check()
        return Vector(self._return_chains)

    @property
    def drum_pads(self):
        self._check()
        return Vector(self._drum_pads())

    @property
    def visible_drum_pads(self):
        self._check()
        pads = self._drum_pads()
        start = self._view._drum_pads_scroll_position * 4
        return Vector(pads[start:start + 16])

    @property
    def chain_selector(self):
        self._check()
        return self._parameters[-1]

    @property
    def has_macro_mappings(self):
        self._check()
        return False

    @property
    def macros_mapped(self):
        self._check()
        return tuple(False for _ in range(MAX_MACROS))

    @property
    def variation_count(self):
        self._check()
        return len(self._variations)

    @mutator
    def add_macro(self):
        if self._visible_macro_count >= MAX_MACROS:
            raise RuntimeError("A rack has at most %d macros" % MAX_MACROS)
        self._change("visible_macro_count", self._visible_macro_count + 1)

    @mutator
    def remove_macro(self):
        if self._visible_macro_count <= 1:
            raise RuntimeError("A rack keeps at least one macro")
        self._change("visible_macro_count", self._visible_macro_count - 1)

    @mutator
    def randomize_macros(self):
        rng = self._world.rng
        for param in self._parameters[1:1 + self._visible_macro_count]:
            param._change("value", float(round(rng.uniform(param._min, param._max))))

    @mutator
    def store_variation(self):
        self._variations.append([p._value for p in self._parameters[1:1 + MAX_MACROS]])
        self._notify("variation_count")

    @mutator
    def recall_selected_variation(self):
        index = self._selected_variation_index
        if 0 <= index < len(self._variations):
            for param, value in zip(self._parameters[1:], self._variations[index]):
                param._change("value", value)

    @mutator
    def recall_last_used_variation(self):
        self.recall_selected_variation.__wrapped__(self)

    @mutator
    def delete_selected_variation(self):
        index = self._selected_variation_index
        if 0 <= index < len(self._variations):
            del self._variations[index]
            self._notify("variation_count")

    @mutator
    def copy_pad(self, source_index, destination_index):
        if not self._is_drum():
            raise RuntimeError("Only Drum Racks have pads")
        checked_index(self, source_index, 128)
        checked_index(self, destination_index, 128)

    @mutator
    def _insert_chain(self, index=-1):
        """Insert a new, empty chain (Live 12.3+)."""
        if self._is_drum():
            raise RuntimeError("Drum Rack chains are created on its pads")
        from .Chain import Chain
        chains = self._chains
        index = len(chains) if index == -1 else checked_index(self, index, len(chains), inclusive=True)
        chain = Chain(self._world, self, "Chain")

        def do():
            chain._revive()
            self._chains.insert(index, chain)
            self._notify("chains")

        def undo():
            self._chains.remove(chain)
            chain._kill()
            self._notify("chains")
        self._world.undo.record(undo, do)
        do()
        return chain

    _insert_chain.__name__ = "insert_chain"
    insert_chain = since((12, 3), _insert_chain)


del RackDevice._insert_chain

__all__ = ["RackDevice"]
