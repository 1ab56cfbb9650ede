"""Questions about the set (they change nothing): armed?, playing?, track-count, selected-track, ...

Predicates end in ?; handles print as #<track "Bass">. A question about a selector that matches
nothing answers false or nil instead of failing (exists? asks exactly that)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import LmacError, List, Vector
from ...adapter import alive, kind_of
from ...context import NoMatch
from ...selectors import Handle
from ...timeline import position, track_kind
from ..registry import action
from ..params import Text

if TYPE_CHECKING:
    from ...context import ActionContext


def _tracks_or_empty(ctx: ActionContext, target):
    try:
        return ctx.tracks(target)
    except NoMatch:
        if target is None:
            raise
        return []


def _flag_query(name, attr, doc):
    @action(name, "target?", family="query", doc=doc, example="(if (%s (track 1)) :red :off)" % name)
    def query(ctx: ActionContext, target=None):
        tracks = _tracks_or_empty(ctx, target)
        return bool(tracks) and all(_get(t, attr) for t in tracks)
    return query


def _get(t, attr):
    try:
        if attr == "arm" and not t.can_be_armed:
            return False
        return bool(getattr(t, attr))
    except Exception:
        return False


_flag_query("armed?", "arm", "Is the track armed (every one, for several)?")
_flag_query("muted?", "mute", "Is the track muted?")
_flag_query("soloed?", "solo", "Is the track soloed?")


@action("playing?", "target?", family="query",
        doc="Without a target: is the transport playing? With a clip: is it playing? With a track: is one of "
            "its clips playing? With a scene: is any of its clips playing?",
        example="(when (playing? (clip 1 1)) (message \"drums on\"))")
def playing(ctx: ActionContext, target=None):
    if target is None and ctx.focus() is None:
        return bool(ctx.song.is_playing)
    try:
        objs = ctx.targets(target)
    except NoMatch:
        return False
    for obj in objs:
        kind = kind_of(obj)
        if kind == "clip" and obj.is_playing:
            return True
        if kind == "slot" and obj.is_playing:
            return True
        if kind == "track" and _get_int(obj, "playing_slot_index") >= 0:
            return True
        if kind == "scene" and any(s.is_playing for s in obj.clip_slots if s.has_clip):
            return True
    return False


def _get_int(obj, attr):
    try:
        return int(getattr(obj, attr))
    except Exception:
        return -1


@action("recording?", "", family="query", doc="Is arrangement or session recording on?", example="(recording?)")
def recording(ctx: ActionContext):
    return bool(ctx.song.record_mode or ctx.song.session_record)


@action("metronome?", "", family="query", doc="Is the metronome on?", example="(metronome?)")
def metronome_q(ctx: ActionContext):
    return bool(ctx.song.metronome)


@action("looping?", "", family="query", doc="Is the arrangement loop on?", example="(looping?)")
def looping_q(ctx: ActionContext):
    return bool(ctx.song.loop)


@action("exists?", "target", family="query", doc="Does the selector match anything now?",
        example="(unless (exists? (track \"Bass\")) (create-track midi))")
def exists(ctx: ActionContext, target):
    if isinstance(target, Handle):
        return alive(target.obj)
    try:
        return bool(ctx.targets(target))
    except NoMatch:
        return False


@action("track-count", "", family="query", doc="How many regular tracks the set has.", example="(track-count)")
def track_count(ctx: ActionContext):
    return len(ctx.song.tracks)


@action("return-count", "", family="query", doc="How many return tracks the set has.", example="(return-count)")
def return_count(ctx: ActionContext):
    return len(ctx.song.return_tracks)


@action("scene-count", "", family="query", doc="How many scenes the set has.", example="(scene-count)")
def scene_count(ctx: ActionContext):
    return len(ctx.song.scenes)


@action("track-name", "target?", family="query", doc="The name of the track (the focus by default).",
        example="(track-name (track 1))")
def track_name(ctx: ActionContext, target=None):
    return ctx.track(target).name


@action("track-names", "target?", family="query", doc="The names of the tracks (every track by default).",
        example="(track-names armed)")
def track_names(ctx: ActionContext, target=None):
    tracks = list(ctx.song.tracks) if target is None else _tracks_or_empty(ctx, target)
    return Vector([t.name for t in tracks])


@action("track-number", "target?", family="query",
        doc="The 1-based number of the track as Live shows it (nil for returns and the main track).",
        example="(track-number selected)")
def track_number(ctx: ActionContext, target=None):
    t = ctx.track(target)
    for i, x in enumerate(ctx.song.tracks):
        if x == t:
            return i + 1
    return None


@action("track-kind", "target?", family="query", doc="The kind of track: :midi :audio :group :return or :main.",
        example="(track-kind (track 1))")
def track_kind_q(ctx: ActionContext, target=None):
    from ....interpreter.values import Keyword
    return Keyword.of(track_kind(ctx.song, ctx.track(target)))


@action("midi-track?", "target?", family="query", doc="Is it a MIDI track?", example="(midi-track? (track 1))")
def midi_track(ctx: ActionContext, target=None):
    return track_kind(ctx.song, ctx.track(target)) == "midi"


@action("audio-track?", "target?", family="query", doc="Is it an audio track?", example="(audio-track? selected)")
def audio_track(ctx: ActionContext, target=None):
    return track_kind(ctx.song, ctx.track(target)) == "audio"


@action("group?", "target?", family="query", doc="Is it a group track?", example="(group? (track \"Drums\"))")
def group_q(ctx: ActionContext, target=None):
    return track_kind(ctx.song, ctx.track(target)) == "group"


@action("selected-track", "", family="query", doc="The selected track, as a handle: #<track \"Bass\">.",
        example="(selected-track)")
def selected_track(ctx: ActionContext):
    return ctx.song.view.selected_track


@action("selected-scene", "", family="query", doc="The selected scene, as a handle.", example="(selected-scene)")
def selected_scene(ctx: ActionContext):
    return ctx.song.view.selected_scene


@action("selected-device", "", family="query", doc="The selected device of the focus track, or nil.",
        example="(selected-device)")
def selected_device(ctx: ActionContext):
    return ctx.track(None).view.selected_device


@action("scene-name", "target?", family="query", doc="The name of the scene (the selected one by default).",
        example="(scene-name (scene 2))")
def scene_name(ctx: ActionContext, target=None):
    return ctx.scene(target).name


@action("clip-name", "target?", family="query", doc="The name of the clip.", example="(clip-name (clip 1 1))")
def clip_name(ctx: ActionContext, target=None):
    return ctx.clip(target).name


@action("has-clip?", "target", family="query", doc="Does the clip slot hold a clip?", example="(has-clip? (clip 1 3))")
def has_clip(ctx: ActionContext, target):
    try:
        return any(s.has_clip for s in ctx.clip_slots(target))
    except NoMatch:  # no such slot: no clip; any other mistake is still an error
        return False


@action("device-names", "target?", family="query", doc="The names of the devices on the track.",
        example="(device-names (track \"Bass\"))")
def device_names(ctx: ActionContext, target=None):
    return Vector([d.name for t in ctx.tracks(target) for d in t.devices])


@action("has-device?", "target? name", family="query", doc="Does the track have a device with this name?",
        kinds={"name": Text("device name", '"Compressor"')},
        example="(has-device? (track 1) \"Compressor\")")
def has_device(ctx: ActionContext, name, target=None):
    name = name.lower()
    return any((d.name or "").lower() == name for t in ctx.tracks(target) for d in t.devices)


@action("song-time", "", family="query", doc="The playhead position in beats.", example="(song-time)")
def song_time(ctx: ActionContext):
    return ctx.song.current_song_time


@action("song-position", "", family="query", doc="The playhead position as \"bar.beat.sixteenth\" text.",
        example="(song-position)")
def song_position(ctx: ActionContext):
    song = ctx.song
    return position(song.current_song_time, song.signature_numerator, song.signature_denominator)


@action("current-bar", "", family="query", doc="The 1-based bar the playhead is in.", example="(current-bar)")
def current_bar(ctx: ActionContext):
    song = ctx.song
    bar = 4.0 * song.signature_numerator / song.signature_denominator
    return int(song.current_song_time // bar) + 1


@action("live-version", "", family="query", doc="Live's version as [major minor bugfix].", example="(live-version)")
def live_version(ctx: ActionContext):
    return Vector(list(ctx.live_version))


@action("tracks-named", "pattern", family="query",
        doc="Handles of the tracks whose name matches (case-insensitive, * and ? glob); empty if none.",
        example="(tracks-named \"Vox*\")")
def tracks_named(ctx: ActionContext, pattern):
    from ... import selectors as S
    return List(Handle(t) for t in S.tracks(str(pattern)).resolve(ctx, "tracks"))


@action("locator-names", "", family="query", doc="The names of the arrangement locators, in time order.",
        example="(locator-names)")
def locator_names(ctx: ActionContext):
    return Vector([c.name for c in ctx.song.cue_points])
