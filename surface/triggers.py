"""Live events and triggers (LANGUAGE.md section 7).

Listeners on the song, its view, each track's playing slot and each scene only *record* what
happened: they wake ``(wait-for ...)`` waiters through scheduler.fire_event (delivered at the next
tick) and queue handler runs. ``tick`` (a scheduler ticker, so it runs inside the tick and never
inside a notification) starts the queued ``(on ...)`` handlers and the trigger forms: a clip whose
name is an lmac form runs it when the clip starts (and the forms after a top-level `:stop` when it
stops), a scene when it launches, a locator when the playhead passes it.
"""
from __future__ import annotations

from collections import deque

from ..interpreter.values import Keyword, LmacSyntaxError
from .adapter import alive, ptr
from .load_job import SCOPE_KEY
from .selectors import Handle

EVENTS = ("startup", "tempo-change", "track-selected", "scene-selected", "scene-launched",
          "clip-starts", "clip-stops", "play", "stop", "locator")


def kw(name):
    return Keyword.of(name)


def trigger_source(name):
    """The lmac form in a clip, scene or locator name, or None: it must start with "(" and end with ")"."""
    text = (name or "").strip()
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        return text
    return None


START_PART, STOP_PART = "start", "stop"


def trigger_part(forms, part):
    """The forms of a trigger name that run when it starts, or those after a top-level `:stop`
    that run when a clip stops (ClyphX's X-Clip stop list): `(record on) :stop (record off)`."""
    for i, form in enumerate(forms):
        if isinstance(form, Keyword) and form.name == "stop":
            return forms[:i] if part == START_PART else forms[i + 1:]
    return forms if part == START_PART else []


class EventSpec(object):
    """What (clip-starts C) and friends return: usable with wait-for and on."""

    __slots__ = ("key", "text")

    def __init__(self, key, text):
        self.key = key
        self.text = text

    def lmac_event_key(self, session):
        return self.key

    def lmac_repr(self):
        return self.text


class Events(object):
    """Connect, tick and disconnect: a component of the Remote Script."""

    def __init__(self, live):
        self.live = live
        self.song = live.song
        self.handlers = {}            # key -> [(fn, dyn)]
        self.queue: deque = deque()   # (key, value) handler runs for the next tick
        self.triggers: deque = deque()  # (source, file) trigger forms for the next tick
        self._listeners = []          # (subject, property, callback) to remove on disconnect
        self._per_object = {}         # ("track"|"scene", ptr) -> (subject, property, callback)
        self._track_state = {}        # track ptr -> (track, playing clip or None)
        self._scene_state = {}        # scene ptr -> was triggered
        self._rescan = False
        self._last_pos = None
        self.connected = False

    # ---- listeners --------------------------------------------------------------------------
    def _listen(self, subject, prop, callback):
        try:
            getattr(subject, "add_%s_listener" % prop)(callback)
        except Exception:
            return
        self._listeners.append((subject, prop, callback))

    def connect(self):
        song = self.song
        self._listen(song, "tempo", lambda: self.emit("tempo-change", song.tempo))
        self._listen(song, "is_playing", self._on_playing)
        self._listen(song, "tracks", self._on_structure)
        self._listen(song, "scenes", self._on_structure)
        self._listen(song.view, "selected_track", lambda: self.emit("track-selected", Handle(song.view.selected_track)))
        self._listen(song.view, "selected_scene", lambda: self.emit("scene-selected", Handle(song.view.selected_scene)))
        self.connected = True
        self._scan()

    def disconnect(self):
        for subject, prop, callback in self._listeners + list(self._per_object.values()):
            try:
                getattr(subject, "remove_%s_listener" % prop)(callback)
            except Exception:
                pass  # the object was deleted, or Live already dropped the listener
        self._listeners = []
        self._per_object = {}
        self._track_state.clear()
        self._scene_state.clear()
        self.handlers.clear()
        self.connected = False

    def _scan(self):
        """Attach the per-track and per-scene listeners of new tracks and scenes, and drop those
        of deleted ones (after tracks or scenes changed). Objects already listened to keep their
        listener: a set of 500 tracks changing every tick must not re-attach 500 listeners a tick."""
        wanted = {}
        for track in self.song.tracks:
            wanted[("track", ptr(track))] = track
        for scene in self.song.scenes:
            wanted[("scene", ptr(scene))] = scene
        for key in [k for k in self._per_object if k not in wanted]:
            subject, prop, callback = self._per_object.pop(key)
            if alive(subject):
                try:
                    getattr(subject, "remove_%s_listener" % prop)(callback)
                except Exception:
                    pass
        old_tracks, old_scenes = self._track_state, self._scene_state
        self._track_state, self._scene_state = {}, {}
        for (kind, key), obj in wanted.items():
            if kind == "track":
                state = old_tracks.get(key)
                self._track_state[key] = state if state is not None else (obj, self._playing_clip(obj))
            else:
                self._scene_state[key] = old_scenes.get(key, False)
            known = self._per_object.get((kind, key))
            if known is None or not alive(known[0]):   # new, or a deleted object's reused address
                if kind == "track":
                    prop, callback = "playing_slot_index", (lambda t=obj: self._on_slot(t))
                else:
                    prop, callback = "is_triggered", (lambda sc=obj: self._on_scene(sc))
                try:
                    getattr(obj, "add_%s_listener" % prop)(callback)
                except Exception:
                    continue
                self._per_object[(kind, key)] = (obj, prop, callback)

    @staticmethod
    def _playing_clip(track):
        try:
            index = track.playing_slot_index
            if index >= 0:
                slot = track.clip_slots[index]
                return slot.clip if slot.has_clip else None
        except Exception:
            pass
        return None

    # Listener callbacks: read only, never write (Live forbids changes inside notifications).
    def _on_structure(self):
        self._rescan = True

    def _on_playing(self):
        playing = self.song.is_playing
        self._last_pos = self.song.current_song_time - 1e-6 if playing else None
        self.emit("play" if playing else "stop", None)

    def _on_slot(self, track):
        key = ptr(track)
        _, before = self._track_state.get(key, (track, None))
        now = self._playing_clip(track)
        self._track_state[key] = (track, now)
        if before is not None and alive(before) and (now is None or ptr(now) != ptr(before)):
            self.emit("clip-stops", Handle(before))
            self.emit(("clip-stops", ptr(before)), Handle(before))
            source = trigger_source(before.name)
            if source:
                self.triggers.append((source, 'clip "%s"' % before.name, STOP_PART))
        if now is not None and (before is None or not alive(before) or ptr(now) != ptr(before)):
            self.emit("clip-starts", Handle(now))
            self.emit(("clip-starts", ptr(now)), Handle(now))
            source = trigger_source(now.name)
            if source:
                self.triggers.append((source, 'clip "%s"' % now.name, START_PART))

    def _on_scene(self, scene):
        key = ptr(scene)
        was = self._scene_state.get(key, False)
        now = bool(scene.is_triggered)
        self._scene_state[key] = now
        if was and not now and self.song.is_playing:
            self.emit("scene-launched", Handle(scene))
            self.emit(("scene-launched", key), Handle(scene))
            source = trigger_source(scene.name)
            if source:
                self.triggers.append((source, 'scene "%s"' % scene.name, START_PART))

    def emit(self, name, value):
        """Wake waiters (next tick) and queue the handlers of this event."""
        key = kw(name) if isinstance(name, str) else name
        scheduler = self.live.session.scheduler
        scheduler.fire_event(key, value)
        if key in self.handlers:
            self.queue.append((key, value))

    # ---- handlers ------------------------------------------------------------------------------
    def on(self, key, fn, dyn=None):
        if key == kw("startup"):
            self.queue.append((key, None))
        entry = (fn, dict(dyn or {}))
        self.handlers.setdefault(key, []).append(entry)
        scope = entry[1].get(SCOPE_KEY)
        if scope is not None:   # a handler set by a file goes when a new version of it loads
            scope.on_cancel(lambda: self._forget(key, entry))

    def _forget(self, key, entry):
        handlers = self.handlers.get(key) or []
        handlers[:] = [e for e in handlers if e is not entry]
        if not handlers:
            self.handlers.pop(key, None)

    def off(self, key):
        return len(self.handlers.pop(key, ()))

    # ---- the tick ------------------------------------------------------------------------------
    def tick(self, now_ms=None):
        if self._rescan:
            self._rescan = False
            self._scan()
        self._check_locators()
        session = self.live.session
        while self.queue:
            key, value = self.queue.popleft()
            for fn, dyn in list(self.handlers.get(key, ())):
                d = dict(dyn)
                d["event"] = value
                session.call(fn, [], name="on %s" % _key_text(key), dyn=d, run_now=False)
            if key == kw("startup"):
                self.handlers.pop(key, None)
        while self.triggers:
            source, where, part = self.triggers.popleft()
            try:
                forms = trigger_part(session.read(source, file=where), part)
            except LmacSyntaxError as e:
                self.live.report(e)
                continue
            if forms:
                session.spawn(forms, file=where, name=where + (" stops" if part == STOP_PART else ""))
        return self.connected

    def _check_locators(self):
        song = self.song
        if self._last_pos is None or not song.is_playing:
            return
        pos = song.current_song_time
        last, self._last_pos = self._last_pos, pos
        if not last < pos <= last + 4.0:   # a jump or a loop wrap crosses nothing
            return
        for cue in song.cue_points:
            if last < cue.time <= pos + 1e-9:
                self.emit("locator", cue.name)
                source = trigger_source(cue.name)
                if source:
                    self.triggers.append((source, 'locator "%s"' % cue.name, START_PART))


def _key_text(key):
    if isinstance(key, Keyword):
        return ":" + key.name
    if isinstance(key, tuple):
        return key[0]
    return str(key)
