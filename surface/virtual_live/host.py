"""VirtualHost: runs a Remote Script the way Live does, on virtual Live and a virtual clock.

Live calls create_instance(c_instance), build_midi_map (at start and after
request_rebuild_midi_map), update_display every 100 ms, receive_midi for forwarded messages and
sysex, Base.Timer callbacks, and disconnect. Errors in those callbacks are logged, as in Log.txt,
and the script carries on. Everything the script shows, logs or sends is recorded with its time.
"""
import importlib
import traceback

from . import install_live_module
from .midi import MidiMapState, apply_mapping
from .sets import load_set

UPDATE_DISPLAY_MS = 100.0


class Preferences(object):
    """c_instance.preferences(key): bytes(p) reads the stored blob, set_serializer(f) saves f() on disconnect."""

    def __init__(self, data=b""):
        self._data = data
        self._serializer = None

    def __bytes__(self):
        return self._data

    def set_serializer(self, serializer):
        self._serializer = serializer

    def _save(self):
        if self._serializer is not None:
            data = self._serializer()
            if not isinstance(data, bytes):
                raise TypeError("a preferences serializer must return bytes")
            self._data = data


class CInstance(object):
    """What Live hands create_instance: the script's link to Live."""

    def __init__(self, host, handle, identifier):
        self._host = host
        self._handle = handle
        self._identifier = identifier

    def song(self):
        return self._host.song

    def handle(self):
        return self._handle

    def instance_identifier(self):
        return self._identifier

    def log_message(self, message):
        self._host._record_log("RemoteScriptMessage: %s" % (message,))

    def show_message(self, message):
        host = self._host
        host.status_text = str(message)
        host.messages.append((host.now_ms, str(message)))

    def send_midi(self, midi_event_bytes):
        if not isinstance(midi_event_bytes, tuple):
            raise TypeError("send_midi expects a tuple of ints, got %s" % type(midi_event_bytes).__name__)
        for byte in midi_event_bytes:
            if isinstance(byte, bool) or not isinstance(byte, int) or not 0 <= byte <= 255:
                raise TypeError("send_midi expects MIDI bytes (ints 0..255), got %r" % (byte,))
        if not midi_event_bytes:
            raise TypeError("send_midi needs at least one byte")
        self._host.midi_out.append((self._host.now_ms, midi_event_bytes))

    def request_rebuild_midi_map(self):
        self._host._rebuild_requested = True

    def preferences(self, key):
        store = self._host.preferences
        if key not in store:
            store[key] = Preferences()
        return store[key]

    def set_session_highlight(self, track_offset, scene_offset, width, height, include_return_tracks=False,
                              include_rack_chains=False):
        self._host.session_highlight = (track_offset, scene_offset, width, height, include_return_tracks)

    def set_cc_translation(self, from_identifier, from_channel, to_identifier, to_channel):
        pass

    def set_note_translation(self, from_identifier, from_channel, to_identifier, to_channel):
        pass

    def set_pad_translation(self, pad_translation):
        pass

    def toggle_lock(self):
        pass

    def update_locks(self):
        pass


def _load_script_module(script):
    if isinstance(script, str):
        return importlib.import_module(script)
    return script


class VirtualHost(object):
    """Runs one Remote Script on a fresh virtual Live.

    script: a package/module (or its import name) with create_instance(c_instance).
    set_path: a set JSON path or dict (None: Live's default set). strict=True re-raises script errors.
    """

    def __init__(self, script, live_version="12.3", set_path=None, seed=0, timer_jitter_ms=0, strict=False,
                 instance_identifier=0):
        install_live_module()
        self.application = load_set(set_path, live_version, seed, timer_jitter_ms)
        self.world = self.application._world
        self.song = self.application.get_document()
        self.strict = strict
        self.log = []            # (ms, line) as Log.txt would have them
        self.messages = []       # (ms, text) shown in the status bar
        self.midi_out = []       # (ms, bytes) the script sent
        self.midi_ignored = []   # (ms, bytes) that reached no script (not forwarded, not mapped)
        self.errors = []         # exceptions raised by the script's callbacks
        self.status_text = ""
        self.preferences = {}
        self.session_highlight = None
        self.connected = False
        self._midi_map = MidiMapState()
        self._next_map_handle = 1
        self._rebuild_requested = False
        self.world.log_hook = self._mirror_world_log
        self.c_instance = CInstance(self, 1, instance_identifier)
        module = _load_script_module(script)
        self.script = module.create_instance(self.c_instance)
        self.connected = True
        self.application._control_surfaces.append(self.script)
        self.application._notify("control_surfaces")
        self.midi_map_builds = 0
        self._build_midi_map()
        self._tick = self.world.queue.push(self.world.now_ms + UPDATE_DISPLAY_MS, self._update_display)

    # -- recording -----------------------------------------------------------------------
    @property
    def now_ms(self):
        return self.world.now_ms

    def _record_log(self, line):
        self.log.append((self.world.now_ms, line))

    def _mirror_world_log(self, line):
        self.log.append((self.world.now_ms, line))

    def _call(self, name, *args):
        """Call a script hook as Live does: an exception is logged and the script keeps running."""
        method = getattr(self.script, name, None)
        if method is None:
            return None
        try:
            return method(*args)
        except Exception as error:
            self.errors.append(error)
            for line in traceback.format_exc().rstrip().splitlines():
                self._record_log("RemoteScriptError: %s" % line)
            if self.strict:
                raise
        finally:
            self._after_callback()

    def _after_callback(self):
        if self._rebuild_requested and self.connected:
            self._rebuild_requested = False
            self._build_midi_map()

    def flush_midi_map(self):
        """Live rebuilds a requested MIDI map once the script's callback returns. Code that calls
        into the script directly, not through one of the host's callbacks, calls this after."""
        self._after_callback()

    # -- Live's calls ----------------------------------------------------------------------
    def _build_midi_map(self):
        handle = self._next_map_handle
        self._next_map_handle += 1
        state = MidiMapState()
        self.world.midi_maps[handle] = state
        self.midi_map_builds += 1
        try:
            self._call("build_midi_map", handle)
        finally:
            del self.world.midi_maps[handle]
        self._midi_map = state

    def _update_display(self):
        self._tick = self.world.queue.push(self.world.now_ms + UPDATE_DISPLAY_MS, self._update_display)
        self._call("update_display")

    def send_midi_in(self, midi_bytes):
        """MIDI from the controller: forwarded messages and sysex reach receive_midi; mapped ones move
        their parameter; the rest is ignored (recorded in midi_ignored)."""
        if not isinstance(midi_bytes, tuple) or not midi_bytes:
            raise TypeError("send_midi_in expects a non-empty tuple of MIDI bytes")
        if not self.connected:
            raise RuntimeError("the script is disconnected")
        if midi_bytes[0] == 0xF0:
            self._call("receive_midi", midi_bytes)
            return True
        key = MidiMapState.key_of(midi_bytes)
        consume = self._midi_map.forwarded.get(key)
        mapping = self._midi_map.mappings.get(key)
        if mapping is not None and not consume:
            parameter, map_mode = mapping
            if not parameter._dead:
                apply_mapping(parameter, map_mode, midi_bytes)
        if consume is not None:
            self._call("receive_midi", midi_bytes)
            return True
        if mapping is None:
            self.midi_ignored.append((self.world.now_ms, midi_bytes))
        return mapping is not None

    def disconnect(self):
        if not self.connected:
            return
        self._call("disconnect")
        self.connected = False
        self.world.queue.cancel(self._tick)
        for prefs in self.preferences.values():
            prefs._save()
        if self.script in self.application._control_surfaces:
            self.application._control_surfaces.remove(self.script)

    # -- the clock ---------------------------------------------------------------------------
    def advance_ms(self, ms):
        if ms < 0:
            raise ValueError("time only moves forward")
        self.world.make_current()
        self.world.advance_to(self.world.now_ms + ms)
        return self.world.now_ms

    def advance_bars(self, bars):
        """Advance by n bars of music (at the tempo in force, tempo changes included)."""
        transport = self.song._transport
        if not transport.playing:
            return self.advance_ms(bars * transport.beats_per_bar() * 60000.0 / self.song._tempo)
        target = transport.total + bars * transport.beats_per_bar()
        while transport.playing and transport.total < target - 1e-9:
            self.advance_ms(max((target - transport.total) * 60000.0 / self.song._tempo, 1e-6))
        return self.world.now_ms

    def run_until_idle(self, max_ms=10000.0):
        """Advance until no launch, quantized stop or one-shot Timer is pending (or max_ms passed)."""
        start = self.world.now_ms
        while self.world.now_ms - start < max_ms and not self.is_idle():
            self.advance_ms(min(UPDATE_DISPLAY_MS, max_ms - (self.world.now_ms - start)))
        return self.world.now_ms - start

    def is_idle(self):
        transport = self.song._transport
        if any(tag[0] in ("track", "scene") for tag in transport.pending):
            return False
        for entry in self.world.queue.pending():
            owner = getattr(entry[2], "__self__", None)
            if owner is not None and getattr(owner, "_repeat", True) is False:
                return False
        return not self._rebuild_requested

    # -- inspection ---------------------------------------------------------------------------
    def listener_count(self):
        """All listeners registered anywhere in this virtual Live (set, views, browser, application)."""
        return self.world.listener_count

    def status_bar(self):
        return self.status_text
