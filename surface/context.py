"""What an action sees: ``ActionContext(live, task)``.

``live`` is the session's LiveWorld (song, application, Live version, adapter, clock, timeline);
``task`` is the running macro (its ``dyn["focus"]`` is the focus set by with / for-each).
Targets are resolved here, when the action runs: ``ctx.tracks(sel)`` and friends return non-empty
lists of Live objects or raise an LmacError that names the selector.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable, NoReturn, Optional

from ..interpreter import friend
from ..interpreter.printer import describe
from ..interpreter.requests import TailCall
from ..interpreter.values import Keyword, List, LmacError
from .adapter import KIND_OF_CLASS, Adapter, alive, kind_of, label, live_enum, ptr
from .selectors import SELECTED, Handle, Selector, bare_builtin_kind, is_lom
from .value_forms import By, Glide, Ramp, Scaled

if TYPE_CHECKING:  # Live's API for the type checker only (ableton-live-stubs); never imported at run time
    from Live.Application import Application
    from Live.Clip import Clip
    from Live.ClipSlot import ClipSlot
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from Live.Scene import Scene
    from Live.Song import Song
    from Live.Track import Track

# the kind of object each ``want`` of _resolve takes as it is
_KIND_WANTED = {"tracks": "track", "scenes": "scene", "devices": "device", "params": "param"}
WHAT = {"tracks": "track", "scenes": "scene", "slots": "clip slot", "devices": "device",
        "params": "parameter", "any": "target"}
EPS = 1e-9

# Song.Quantization value -> grid in bars (negative) or beats (positive); 0 = none.
QUANTIZATION_GRID = {0: 0.0, 1: -8.0, 2: -4.0, 3: -2.0, 4: -1.0, 5: 2.0, 6: 4.0 / 3, 7: 1.0, 8: 2.0 / 3,
                     9: 0.5, 10: 1.0 / 3, 11: 0.25, 12: 1.0 / 6, 13: 0.125}


def grid_beats(q, beats_per_bar):
    g = QUANTIZATION_GRID.get(int(q), 0.0)
    return -g * beats_per_bar if g < 0 else g


def live_version_of(application):
    try:
        return (int(application.get_major_version()), int(application.get_minor_version()),
                int(application.get_bugfix_version()))
    except Exception:
        return (11, 0, 0)



NAMES_SHOWN = 12     # names a "matched no track" message lists before "... (N in all)"


def no_match_problem(subject, text, noun, names, key=None):
    """The one message for a selector that matched nothing (run time and `lmac check`):
    'send: (track "Bas") matched no track; did you mean "Bass"? tracks are: Drums, Bass'."""
    plural = {"track": "tracks", "scene": "scenes", "clip": "clips", "return": "return tracks"}.get(noun, noun + "s")
    guess = friend.did_you_mean(key, [n for n in names if n], lambda n: '"%s"' % n) if key else None
    unique, seen = [], set()     # (a set: a big set's names would make this quadratic)
    for n in names:
        if n and n not in seen:
            seen.add(n)
            unique.append(n)
    shown = ", ".join(unique[:NAMES_SHOWN]) + (", ... (%d in all)" % len(unique)
                                               if len(unique) > NAMES_SHOWN else "")
    listed = "%s are: %s" % (plural, shown or "none")
    return friend.message(subject, "%s matched no %s" % (text, noun), friend.joined(guess, listed))


def _quoted_key(text):
    """The name inside a selector's text: '(track "Bas")' -> 'Bas' (None without one)."""
    if text and '"' in text:
        parts = text.split('"')
        if len(parts) >= 3:
            return parts[-2]     # (device (track "Bass") "Comp"): the last name is the one missing
    return None


class NoMatch(LmacError):
    """A selector matched nothing (questions like has-clip? answer false instead)."""

class LiveWorld(object):
    """Everything one lmac session knows about the Live it runs in."""

    def __init__(self, song: Song, application: Application, clock: Any, live_version=None, log=None, show=None):
        self.song = song
        self.application = application
        self.clock = clock
        self.live_version = tuple(live_version or live_version_of(application))
        self.adapter = Adapter(song)
        self.timeline: Any = None     # a surface.timeline.Timeline when someone records (lmac run)
        self.session: Any = None      # set by make_live_session
        self.events: Any = None       # surface.triggers.Events
        self.ramps: dict = {}         # parameter ptr -> token of the ramp that owns it
        self.send_midi: Any = None    # fn(tuple of bytes): set by the Remote Script (c_instance.send_midi)
        self.log = log or (lambda text: None)
        self.show = show or (lambda text: None)

    def report(self, error):
        """An error outside any task (a ramp tick): log it, as the script does for task errors."""
        self.log("lmac: " + (error.located() if isinstance(error, LmacError) else str(error)))


def _shown_db(text):
    """-6.0 from Live's "-6.0 dB" ("-inf dB" is -inf); None when the display is not in dB."""
    text = str(text).strip()
    if not text.endswith("dB"):
        return None
    number = text[:-2].strip()
    if number in ("-inf", "-Inf"):
        return float("-inf")
    try:
        return float(number)
    except ValueError:
        return None


class ActionContext(object):
    # One is made per action call: slots keep making it and reading from it cheap.
    __slots__ = ("live", "task", "action", "builtin", "args")

    def __init__(self, live: LiveWorld, task, action="action", builtin=None, args=()):
        self.live = live
        self.task = task
        self.action = action
        self.builtin = builtin
        self.args = args         # as the action was called (a tuple or list; never changed)

    # ---- plain attributes ----------------------------------------------------------------
    @property
    def song(self) -> Song:
        return self.live.song

    @property
    def application(self) -> Application:
        return self.live.application

    @property
    def live_version(self):
        return self.live.live_version

    @property
    def session(self):
        return self.task.session if self.task is not None else self.live.session

    @property
    def adapter(self):
        return self.live.adapter

    @property
    def clock(self):
        return self.live.clock

    def fail(self, message, fix=None) -> NoReturn:
        raise LmacError(friend.message(self.action, message, fix))

    # ---- targets ----------------------------------------------------------------------------
    def tracks(self, sel=None) -> list[Track]:
        # _resolve's first case, here too: a track action on the for-each focus is the most
        # common call of all, and this saves it a call
        one = sel if sel is not None else (self.task.dyn.get("focus") if self.task is not None else None)
        if type(one) is Handle:
            obj = one.obj
            if obj is not None and KIND_OF_CLASS.get(type(obj)) == "track" \
                    and not obj == None:  # noqa: E711  (Live's deleted objects equal None)
                return [obj]
        return self._resolve(sel, "tracks")

    def track(self, sel=None) -> Track:
        return self.tracks(sel)[0]

    def scenes(self, sel=None) -> list[Scene]:
        return self._resolve(sel, "scenes")

    def scene(self, sel=None) -> Scene:
        return self.scenes(sel)[0]

    def clip_slots(self, sel=None) -> list[ClipSlot]:
        return self._resolve(sel, "slots")

    def clip_slot(self, sel=None) -> ClipSlot:
        return self.clip_slots(sel)[0]

    def clips(self, sel=None) -> list[Clip]:
        slots = self.clip_slots(sel)
        clips = [s.clip for s in slots if s.has_clip]
        if not clips:
            self.fail("%s has no clip (%s)" % (_sel_text(sel, "the focus"), ", ".join(label(s) for s in slots)))
        return clips

    def clip(self, sel=None) -> Clip:
        return self.clips(sel)[0]

    def devices(self, sel=None, track=None) -> list[Device]:
        if track is not None and sel is not None and not isinstance(sel, (Selector, Handle)) and not is_lom(sel):
            from .selectors import device as device_selector
            sel = device_selector(track, sel)
        elif track is not None and sel is None:
            return self._nonempty([d for t in self.tracks(track) for d in t.devices], "devices",
                                  "the devices of %s" % _sel_text(track, "the track"))
        return self._resolve(sel, "devices")

    def device(self, sel=None) -> Device:
        return self.devices(sel)[0]

    def params(self, sel=None) -> list[DeviceParameter]:
        return self._resolve(sel, "params")

    def param(self, sel=None) -> DeviceParameter:
        return self.params(sel)[0]

    def targets(self, sel=None):
        """Any kind of target; polymorphic actions dispatch on kind_of(obj)."""
        return self._resolve(sel, "any")

    def target(self, sel=None):
        return self.targets(sel)[0]

    def focus(self):
        return self.task.dyn.get("focus") if self.task is not None else None

    def _resolve(self, sel, want):
        # The common case: one live object of the kind wanted, named by a handle or as the focus
        # of for-each / with (a track for a track action). Anything else goes the general way.
        one = sel if sel is not None else (self.task.dyn.get("focus") if self.task is not None else None)
        wanted = _KIND_WANTED.get(want)     # None: "any" or "slots", which take the general way
        if type(one) is Handle and wanted is not None:
            obj = one.obj
            # kind_of and alive, inlined (a class not seen yet goes the general way, which learns it)
            if obj is not None and KIND_OF_CLASS.get(type(obj)) == wanted \
                    and not obj == None:  # noqa: E711  (Live's deleted objects equal None)
                return [obj]
        if sel is None:
            items = self._from_focus(want)
            text = "the focus"
        else:
            items = self._objects(sel, want)
            text = _sel_text(sel, None)
            if not items and want == "any" and isinstance(sel, Selector):
                want = sel.kind   # "(scene 9) matched no scene", not "no track"
        out = []
        seen = set()   # Live's identities: a list membership test here made big sets quadratic
        wanted = _KIND_WANTED.get(want)     # (want may have changed above)
        kinds = KIND_OF_CLASS
        for obj in items:
            if obj is None or obj == None:  # noqa: E711  (alive(), inlined: per object of a big set)
                raise LmacError("%s: %s was deleted from the set" % (self.action, text))
            if want != "any" and (wanted is None or kinds.get(type(obj)) != wanted):
                obj = self._convert(obj, want, text)      # (else it is one of those already)
                obj = self._convert(obj, want, text)
            if obj is not None:
                try:
                    key = obj._live_ptr     # ptr(), inlined
                except Exception:
                    key = id(obj)
                if key not in seen:
                    seen.add(key)
                    out.append(obj)
        return self._nonempty(out, want, text)

    def _nonempty(self, items, want, text):
        if items:
            return items
        if want in ("tracks", "any"):
            names = [t.name for t in self.song.tracks]
            raise NoMatch(no_match_problem(self.action, text, "track", names, _quoted_key(text)))
        if want == "scenes":
            names = [s.name or str(i + 1) for i, s in enumerate(self.song.scenes)]
            raise NoMatch(no_match_problem(self.action, text, "scene", names, _quoted_key(text)))
        if want == "devices":
            names, seen = [], set()
            song = self.song
            for t in list(song.tracks) + list(song.return_tracks) + [song.master_track]:
                for d in t.devices:
                    if d.name not in seen:
                        seen.add(d.name)
                        names.append(d.name)
            guess = friend.did_you_mean(_quoted_key(text), names, lambda n: '"%s"' % n) \
                if _quoted_key(text) else None
            raise NoMatch(friend.message(self.action, "%s matched no device" % text,
                                         friend.joined(guess, "devices in the set: %s"
                                                       % (", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
                                                          or "none"))))
        if want == "slots" and text.startswith('(clip "') and text.endswith('")') and text.count('"') == 2:
            names = [s.clip.name for t in self.song.tracks for s in t.clip_slots if s.has_clip]
            raise NoMatch(no_match_problem(self.action, text, "clip", names, _quoted_key(text)))
        if want == "params":
            song = self.song
            names = [p.name for t in list(song.tracks) + list(song.return_tracks) for d in t.devices
                     for p in d.parameters]
            key = _quoted_key(text)
            guess = friend.did_you_mean(key, names, lambda n: '"%s"' % n) if key else None
            raise NoMatch(friend.message(self.action, "%s matched no parameter" % text, guess or
                                         "name it as Live's device shows it, e.g. "
                                         "(param (device \"Compressor\") \"Threshold\")"))
        raise NoMatch(friend.message(self.action, "%s matched no %s" % (text, WHAT[want]),
                                     "check that the %s is in the set" % WHAT[want]))

    def _objects(self, sel, want):
        if isinstance(sel, Selector):
            return sel.resolve(self, want)
        if isinstance(sel, Handle):
            return [sel.obj]
        if is_lom(sel):
            return [sel]
        bare = bare_builtin_kind(sel)
        if bare is not None:
            from .selectors import _all
            return _all(self, bare if want == "any" else want)
        if isinstance(sel, (list, tuple)):
            out = []
            for item in sel:
                out.extend(self._objects(item, want))
            return out
        if isinstance(sel, bool) or not isinstance(sel, (int, str)):
            raise LmacError("%s expects a %s, got %s" % (self.action, WHAT[want], describe(sel)))
        from .selectors import clip, scene, track
        if want == "scenes":
            return scene(sel).resolve(self, want)
        if want == "slots":
            return clip(sel).resolve(self, want)
        return track(sel).resolve(self, "tracks")

    def _from_focus(self, want):
        focus = self.focus()
        if focus is None:
            return SELECTED.fn(self, want)
        objs = self._objects(focus, "any")
        if want == "any":
            return objs
        out = []
        for obj in objs:
            kind = kind_of(obj)
            if want == "tracks" or kind == {"scenes": "scene", "slots": "slot", "devices": "device",
                                            "params": "param"}.get(want):
                out.append(obj)
            elif want == "slots" and kind == "clip":
                out.append(obj.canonical_parent)
            elif want == "slots" and kind == "track":
                scenes = list(self.song.scenes)
                index = scenes.index(self.song.view.selected_scene) if self.song.view.selected_scene in scenes else 0
                slots = list(obj.clip_slots)
                if index < len(slots):
                    out.append(slots[index])
            elif want == "devices" and kind == "track":
                d = obj.view.selected_device
                if d is not None:
                    out.append(d)
            else:
                out.extend(SELECTED.fn(self, want))
        return out

    def _convert(self, obj, want, text):
        kind = kind_of(obj)
        if want == "tracks":
            while kind not in ("track", "song") and obj is not None:
                obj = obj.canonical_parent
                kind = kind_of(obj)
            if kind == "track":
                return obj
        elif want == "slots":
            if kind == "slot":
                return obj
            if kind == "clip" and kind_of(obj.canonical_parent) == "slot":
                return obj.canonical_parent
        elif {"scenes": "scene", "devices": "device", "params": "param"}[want] == kind:
            return obj
        raise LmacError("%s expects a %s, got %s" % (self.action, WHAT[want], text or describe(Handle(obj))))

    # ---- changing the set ----------------------------------------------------------------------
    def write(self, obj: Any, attr: str, value: Any, what: Optional[str] = None) -> None:
        self.live.adapter.write(self.action, obj, attr, value)

    def call(self, obj: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        kwargs.pop("what", None)
        return self.live.adapter.call(self.action, obj, method, args, kwargs)

    def require_live(self, version, what=None):
        version = tuple(version)
        if tuple(self.live_version[:len(version)]) < version:
            raise LmacError("%s needs Live %s or newer (this is Live %s)"
                            % (what or self.action, ".".join(str(v) for v in version),
                               ".".join(str(v) for v in self.live_version[:2])))

    def note(self, text):
        """A timeline entry for what a set comparison cannot see (a message, a MIDI send)."""
        if self.live.timeline is not None:
            self.live.timeline.note(text)

    # ---- parameters and value forms --------------------------------------------------------------
    def set_param(self, param: Any, value: Any, what: Optional[str] = None) -> Any:
        """Apply a value form to a DeviceParameter; returns the value set (a ramp's target)."""
        if type(param) is Handle:
            param = param.obj
        live = self.live
        if live.ramps:
            if type(value) is Ramp:
                return self._start_ramp(param, value, what or _LazyLabel(param))
            live.ramps.pop(ptr(param), None)   # a plain write stops a running glide
        elif type(value) is Ramp:
            return self._start_ramp(param, value, what or _LazyLabel(param))
        if type(value) is float or type(value) is int:
            lo, hi = param.min, param.max      # (a number inside the range: the usual case)
            target = value if lo < value < hi else self._target_value(param, value, what)
        else:
            target = self._target_value(param, value, what)
        live.adapter.write(self.action, param, "value", target)
        return target

    def _target_value(self, param, value, name=None):
        """The value to write for a value form (name: the parameter's words in an error; None:
        worked out from the parameter if an error needs it)."""
        lo, hi = param.min, param.max
        if type(value) is float or type(value) is int:   # the usual case first
            if not lo - EPS <= value <= hi + EPS:
                name = name or _LazyLabel(param)
                self.fail("the value for %s must be a number from %s to %s, got %s"
                          % (name, _num(lo), _num(hi), friend.shown(value)))
            return min(hi, max(lo, value))
        name = name or _LazyLabel(param)
        if isinstance(value, By):
            return min(hi, max(lo, param.value + value.delta))
        if isinstance(value, Scaled):
            if value.scale == "db":
                return self._value_for_db(param, value.amount, name)
            fraction = value.amount / (100.0 if value.scale == "percent" else 127.0)
            return lo + (hi - lo) * fraction
        if value is True or value is False:
            return hi if value else lo
        if isinstance(value, (int, float)):
            if not lo - EPS <= value <= hi + EPS:
                self.fail("the value for %s must be a number from %s to %s, got %s"
                          % (name, _num(lo), _num(hi), friend.shown(value)))
            return min(hi, max(lo, value))
        if type(value) is Keyword:
            if value.name == "reset":
                try:
                    return param.default_value
                except Exception:
                    return lo
            if value.name in ("on", "max"):
                return hi
            if value.name in ("off", "min"):
                return lo
        self.fail("the value for %s must be a number from %s to %s, (by d), (ramp v :bars n) or :reset, got %s"
                  % (name, _num(lo), _num(hi), friend.shown(value)))

    def _value_for_db(self, param, level, name):
        """The value Live displays as ``level`` dB, found through Live's own display of the
        parameter (str_for_value), so it is exact in real Live whatever the fader's curve."""
        lo, hi = param.min, param.max

        def shown(v):
            return _shown_db(param.str_for_value(v))
        top, bottom = shown(hi), shown(lo)
        if top is None or bottom is None:
            self.fail("(db %s) needs a parameter Live shows in dB; %s shows %s"
                      % (_num(level), name, describe(param.str_for_value(param.value))))
        if level > top + 0.05 or level < bottom - 0.05:
            self.fail("(db %s) is outside %s..%s dB for %s" % (_num(level), _num(bottom), _num(top), name))
        if level <= bottom:
            return lo

        def first_at_or_above(limit, strictly):
            a, b = lo, hi            # the display grows with the value
            for _ in range(48):
                mid = (a + b) / 2.0
                if shown(mid) > limit if strictly else shown(mid) >= limit:
                    b = mid
                else:
                    a = mid
            return b
        # Live rounds what it shows (-6.0 dB covers a little band of values): take the band's middle.
        start = first_at_or_above(level - 1e-9, False)
        end = first_at_or_above(shown(start), True) if shown(start) < top else hi
        return (start + end) / 2.0

    def _start_ramp(self, param, ramp, name):
        live = self.live
        clock = live.clock
        start = param.value
        target = self._target_value(param, ramp.target, name)
        key = ptr(param)
        token = object()
        live.ramps[key] = token
        if ramp.unit == "ms":
            length, t0, position = float(ramp.amount), clock.now_ms(), clock.now_ms
        else:
            per = clock.beats_per_bar() if ramp.unit == "bars" else 1.0
            length, t0, position = float(ramp.amount) * per, clock.played_beats(), clock.played_beats
        action = self.action
        adapter = live.adapter
        if length <= 0:
            self.write(param, "value", target)
            live.ramps.pop(key, None)
            return target
        scheduler = live.session.scheduler
        glide = Glide(str(name), target)

        def ended():
            glide.finish(scheduler)
            return False

        def tick(now_ms):
            if live.ramps.get(key) is not token:
                return ended()              # another write or ramp took the parameter over
            if not alive(param):
                live.ramps.pop(key, None)
                return ended()
            f = min(1.0, max(0.0, (position() - t0) / length))
            try:
                adapter.write(action, param, "value", target if f >= 1.0 else start + (target - start) * f)
            except LmacError as e:
                live.ramps.pop(key, None)
                live.report(e)
                return ended()
            if f >= 1.0:
                live.ramps.pop(key, None)
                return ended()
            return True
        scheduler.add_ticker(tick)
        return glide

    # ---- launches on Live's grid -------------------------------------------------------------------
    def quantized_launch(self, fire_fn: Callable[[Optional[int]], Any], quantize=None, default_q=None):
        """Launch through Live's quantization so it starts exactly on the grid.

        ``quantize`` is a Song.Quantization int (an action's :quantize option, converted by its
        signature) or a raw grid word (None, :bar, :beat, 1/16, :none); ``default_q``
        the Song.Quantization Live itself would use (default: the global launch quantization).
        ``fire_fn(q)`` does the launch with q a Song.Quantization int, or None for Live's own
        setting (use ctx.fire_slot / ctx.fire_scene). The action must return what this returns:
        it may be a request to wait for the exact bar line first."""
        song = self.song
        q = None if quantize is None else self.launch_grid(quantize)
        if default_q is None:
            default_q = int(song.clip_trigger_quantization)
        grid_q = default_q if q is None else q
        clock = self.clock
        grid = grid_beats(grid_q, clock.beats_per_bar())
        target = getattr(self.task, "early_target", None)
        if target is not None and grid > 0 and clock.is_playing():
            played, now = clock.played_beats(), clock.song_beats()
            line = now + (target - played)
            if abs(line / grid - round(line / grid)) < 1e-6:
                if played < target - EPS:
                    if line - now < grid - EPS:
                        return fire_fn(q)            # Live starts it on that very line
                elif played - target < grid / 2.0:
                    return fire_fn(0)                # at/just past the line: start now, not a grid later
            elif played < target - EPS:
                return self.rerun_at(target)
        return fire_fn(q)

    def launch_grid(self, quantize):
        """A Song.Quantization int from an int (already converted) or a grid word."""
        if isinstance(quantize, int) and not isinstance(quantize, bool):
            return quantize
        from .actions.families._args import launch_quantize
        from .actions.params import Bad
        try:
            return launch_quantize(quantize)
        except Bad as e:
            self.fail(e.problem)

    def quantized_stop(self, stop_fn: Callable[[bool], Any]):
        """Stop through Live's launch grid so the stop lands exactly on the line a bar wait aimed
        at. ``stop_fn(quantized)`` stops; quantized=False stops at once. Woken ahead of the line
        (a quantized grid that the line is on): stop now, quantized, and Live lands it there; at or
        just past the line: stop at once rather than a grid later. Otherwise as Live does."""
        song = self.song
        clock = self.clock
        grid = grid_beats(int(song.clip_trigger_quantization), clock.beats_per_bar())
        target = getattr(self.task, "early_target", None)
        if target is not None and clock.is_playing():
            played, now = clock.played_beats(), clock.song_beats()
            line = now + (target - played)
            on_grid = grid > 0 and abs(line / grid - round(line / grid)) < 1e-6
            if played < target - EPS:
                if on_grid and line - now < grid - EPS:
                    return stop_fn(True)
                return self.rerun_at(target)
            if played - target < (grid / 2.0 if grid > 0 else 1.0):
                return stop_fn(False)
        return stop_fn(True)

    def line_not_reached(self):
        """The played-beats target of the bar wait this task was woken ahead of, while the song
        has not played up to it yet; else None."""
        target = getattr(self.task, "early_target", None)
        if target is not None and self.clock.played_beats() < target - EPS:
            return target
        return None

    def rerun_at(self, target):
        """Wait until the song has played up to ``target`` (played beats), then run this action again."""
        late = self.live.session.globals["%late-call"]
        return TailCall(late, [target, self.builtin, List(self.args)])

    def fire_slot(self, slot: ClipSlot, q: Optional[int] = None) -> Any:
        """Fire a clip slot, with Song.Quantization q for this launch only (None: Live's own)."""
        clip = slot.clip if slot.has_clip else None
        if q is None or clip is None or self._set_grid_applies(clip, q):
            return self.call(slot, "fire")
        import Live
        old = clip.launch_quantization
        # ClipLaunchQuantization is Song's plus one (q_global); members are the unambiguous form
        self.write(clip, "launch_quantization", live_enum(Live.Clip.ClipLaunchQuantization, int(q) + 1))
        try:
            self.call(slot, "fire")
        finally:
            self.write(clip, "launch_quantization", old)

    def _set_grid_applies(self, clip: Clip, q: int) -> bool:
        """The clip follows the set's quantization and that is already q: fire as it is, with no
        set-and-restore (fewer writes, the same launch)."""
        return int(clip.launch_quantization) == 0 and int(self.song.clip_trigger_quantization) == int(q)

    def fire_scene(self, scene: Scene, q: Optional[int] = None) -> Any:
        if q is None or int(self.song.clip_trigger_quantization) == int(q):
            return self.call(scene, "fire")
        song = self.song
        import Live
        old = song.clip_trigger_quantization
        self.write(song, "clip_trigger_quantization", live_enum(Live.Song.Quantization, q))
        try:
            self.call(scene, "fire")
        finally:
            self.write(song, "clip_trigger_quantization", old)


def _sel_text(sel, default):
    if sel is None:
        return default
    if isinstance(sel, Selector):
        return sel.text
    return describe(sel)


class _LazyLabel(object):
    """A parameter's label (`Threshold of device "Compressor"`) that is worked out only when it is
    printed: most writes succeed and never need it."""

    __slots__ = ("param",)

    def __init__(self, param):
        self.param = param

    def __str__(self):
        return _param_label(self.param)


def _param_label(param):
    try:
        owner = param.canonical_parent
        if kind_of(owner) == "device":
            return '%s of %s' % (param.name, label(owner))
        track = owner.canonical_parent if owner is not None else None
        if track is not None and kind_of(track) == "track":
            return '%s of %s' % (param.name, label(track))
        return param.name
    except Exception:
        return "the parameter"


def _num(x):
    return ("%g" % x) if isinstance(x, float) else str(x)


def floor_div(a, b):
    return math.floor(a / b + 1e-9)
