"""The Remote Script's surface components in one place: bindings (MIDI in, LEDs, MIDI map), the
library loader (init.lmac, imports, hot reload) and the REPL server.

    surface = attach(script)        # from LmacScript.__init__, after its session exists

attach finds ``c_instance`` and ``session`` on the script, loads the binding macros, loads
init.lmac and starts the REPL server. It plugs into LmacScript's seams (midi_handlers,
midi_map_builders, add_component) when the script has them, else chains the script's hooks.
"""
from __future__ import annotations

import os

from .bindings.builtins import install as install_binding_builtins
from .bindings.component import BindingsComponent
from .library_loader import STDLIB, LibraryLoader, run_text
from .repl_server import ReplServer
from .user_library import find_user_library

BINDING_MACROS = os.path.join(STDLIB, "bindings.lmac")


def live_version():
    """(major, minor, bugfix) of the running Live (virtual or real); (12, 3, 0) if unknown."""
    try:
        import Live
        app = Live.Application.get_application()
        return (int(app.get_major_version()), int(app.get_minor_version()), int(app.get_bugfix_version()))
    except Exception:
        return (12, 3, 0)


def load_binding_forms(session, component_ref):
    """Give a session the binding builtins and macros (bind, led, layer, map-param, defsurface)."""
    install_binding_builtins(session, component_ref)
    with open(BINDING_MACROS, encoding="utf-8") as f:
        run_text(session, f.read(), BINDING_MACROS)


def _session_live_version(session):
    live = getattr(session, "live", None)
    return tuple(getattr(live, "live_version", None) or live_version())


def prepare_session(session, user_library=None, version=None):
    """The binding and library forms (bind, led, layer, map-param, defsurface, import,
    use-surface, library with :requires-live) in a session without a Remote Script, e.g. for
    `lmac check`, the language server or a bare REPL. Declaring a binding there is an error."""
    load_binding_forms(session, lambda: None)
    return LibraryLoader(session, find_user_library(user_library), version or _session_live_version(session))


class SurfaceComponents(object):
    def __init__(self, c_instance, session, user_library=None, dyn=None, param_resolver=None, repl=True,
                 version=None, self_ticking=True):
        self.c_instance = c_instance
        self.session = session
        self.connected = True
        self.user_library = find_user_library(user_library)
        self.bindings = BindingsComponent(c_instance, session, dyn=dyn, report=self.report,
                                          param_resolver=param_resolver)
        load_binding_forms(session, lambda: self.bindings if self.connected else None)
        self.loader = LibraryLoader(session, self.user_library, version or _session_live_version(session),
                                    report=self.report,
                                    on_table=self.bindings.replace_table)
        self.repl = None
        if repl:
            # A pinned pad works at once: reload init.lmac instead of waiting for the next poll.
            self.repl = ReplServer(session, self.user_library, dyn=dyn, report=self.report,
                                   on_pin=lambda trigger, form: self.loader.start_load())
            try:
                self.repl.start()
            except (OSError, IOError) as e:
                self.report("the REPL server could not start: %s" % e)
                self.repl = None
        self.loader.load()
        if self_ticking:
            session.scheduler.add_ticker(self.tick)

    def report(self, text):
        """Log.txt lines start with `lmac:`; the first line also goes to the status bar."""
        lines = str(text).splitlines() or [""]
        try:
            for line in lines:
                self.c_instance.log_message("lmac: " + line)
            self.c_instance.show_message("lmac: " + lines[0])
        except Exception:
            pass

    # ---- hooks ------------------------------------------------------------------------------
    def tick(self, now_ms):
        """Scheduler ticker: hold gestures, LEDs, file changes, the REPL socket."""
        if not self.connected:
            return False
        for step in (self.bindings.tick, self.loader.poll, self.repl.poll if self.repl else None):
            if step is None:
                continue
            try:
                step(now_ms)
            except Exception as e:   # an exception here would stop Live's Timer
                self.report("internal error in %s: %s: %s" % (getattr(step, "__qualname__", step),
                                                             type(e).__name__, e))
        return True

    def build_midi_map(self, midi_map_handle):
        if self.connected:
            self.bindings.build_midi_map(midi_map_handle)

    def receive_midi(self, midi_bytes):
        if self.connected:
            return self.bindings.receive_midi(midi_bytes)
        return False

    def disconnect(self):
        if not self.connected:
            return
        self.bindings.disconnect()
        if self.repl is not None:
            self.repl.close()
        self.loader.files = {}
        self.connected = False


def _find(script, names):
    for name in names:
        value = getattr(script, name, None)
        if callable(value) and name in ("c_instance", "canonical_c_instance"):
            value = value()
        if value is not None:
            return value
    return None


def live_param_resolver(session):
    """Resolve (param ...) selectors with the Live vocabulary's ActionContext when it is there."""
    live = getattr(session, "live", None)
    if live is None:
        return None
    from .bindings.component import default_param_resolver

    def resolve(value):
        from .context import ActionContext
        from .selectors import Selector
        if isinstance(value, Selector):
            return ActionContext(live, None, "map-param").param(value)
        return default_param_resolver(value)
    return resolve


class _ScriptPart(object):
    """The components as one of LmacScript's parts (connect/tick/disconnect)."""

    def __init__(self, components):
        self.components = components

    def connect(self):
        pass

    def tick(self):
        self.components.tick(self.components.session.clock.now_ms())

    def disconnect(self):
        self.components.disconnect()


def attach(script, wrap_hooks=True, **options):
    """Create the components for a Remote Script object and store them as ``script.surface``.
    Options: user_library, dyn (the dynamic context binding macros run in), param_resolver, repl.

    With LmacScript's seams (``midi_handlers``, ``midi_map_builders``, ``add_component``) the
    components plug into those; otherwise (wrap_hooks) the script's build_midi_map, receive_midi
    and disconnect are chained and the components tick from the session's scheduler."""
    c_instance = _find(script, ("c_instance", "_c_instance", "_c", "canonical_c_instance"))
    session = _find(script, ("session", "_session"))
    if c_instance is None or session is None:
        raise AttributeError("attach(script) needs script.c_instance (or _c_instance) and script.session")
    if options.get("param_resolver") is None:
        options["param_resolver"] = live_param_resolver(session)
    seams = all(hasattr(script, n) for n in ("midi_handlers", "midi_map_builders", "add_component"))
    components = SurfaceComponents(c_instance, session, self_ticking=not seams, **options)
    script.surface = components
    if seams:
        script.midi_handlers.append(components.receive_midi)
        script.midi_map_builders.append(components.build_midi_map)
        script.add_component(_ScriptPart(components))
        try:
            c_instance.request_rebuild_midi_map()
        except Exception:
            pass
    elif wrap_hooks:
        _chain(script, "build_midi_map", components.build_midi_map, first=False)
        _chain(script, "receive_midi", components.receive_midi, first=True)
        _chain(script, "disconnect", components.disconnect, first=True)
    return components


def _chain(script, name, extra, first):
    original = getattr(script, name, None)

    def chained(*args):
        if first:
            extra(*args)
        result = original(*args) if original is not None else None
        if not first:
            extra(*args)
        return result
    setattr(script, name, chained)
