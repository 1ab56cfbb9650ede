"""Set structure: create, duplicate and delete tracks, returns and scenes.

Positions are 1-based, as Live shows them; without one, a new track goes after the selected track
(Live's own rule) and becomes the selected track, so it is the focus of the next actions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import Keyword
from ...adapter import label
from ..registry import action
from ..params import Choice, Number

if TYPE_CHECKING:
    from ...context import ActionContext


def _index_of(items, obj):
    for i, x in enumerate(items):
        if x == obj:
            return i
    return -1


def _position(ctx: ActionContext, position, count):
    """1-based position (up to count + 1 = append) -> Live's 0-based index; None stays None."""
    if position is None:
        return None
    if not 1 <= position <= count + 1:
        ctx.fail("the position must be from 1 to %d, got %d" % (count + 1, position),
                 "%d is the end" % (count + 1))
    return position - 1


INDEX = Number("position", 1, integer=True)
TRACK_KIND = Choice("kind of track", {"midi": "midi", "audio": "audio"})


@action("create-track", "kind? position?", family="set", kinds={"kind": TRACK_KIND, "position": INDEX},
        doc="Add a MIDI or audio track (midi is the default) after the selected track, or at a 1-based position. "
            "The new track is selected, so it is the focus of the actions that follow.",
        example="(create-track midi)")
def create_track(ctx: ActionContext, kind="midi", position=None):
    word = kind
    index = _position(ctx, position, len(ctx.song.tracks))
    method = "create_midi_track" if word == "midi" else "create_audio_track"
    track = ctx.call(ctx.song, method, *(() if index is None else (index,)))
    return track


# `midi` and `audio` read as bare words: (create-track midi).
WORDS = [("midi", Keyword.of("midi"), "The word midi: (create-track midi)."),
         ("audio", Keyword.of("audio"), "The word audio: (create-track audio).")]


@action("create-return", "", family="set", doc="Add a return track at the end.", example="(create-return)")
def create_return(ctx: ActionContext):
    return ctx.call(ctx.song, "create_return_track")


@action("delete-track", "target?", family="set",
        doc="Delete the track(s) (the focus by default). Return tracks are deleted as returns.",
        example="(delete-track (track \"Old\"))")
def delete_track(ctx: ActionContext, target=None):
    song = ctx.song
    for track in ctx.tracks(target):
        returns = list(song.return_tracks)
        r = _index_of(returns, track)
        if r >= 0:
            ctx.call(song, "delete_return_track", r)
            continue
        i = _index_of(list(song.tracks), track)
        if i < 0:
            ctx.fail("cannot delete %s" % label(track))
        ctx.call(song, "delete_track", i)


@action("delete-return", "target", family="set", doc="Delete a return track: (delete-return (return \"B\")).",
        example="(delete-return (return \"B\"))")
def delete_return(ctx: ActionContext, target):
    song = ctx.song
    for track in ctx.tracks(target):
        r = _index_of(list(song.return_tracks), track)
        if r < 0:
            ctx.fail("%s is not a return track" % label(track))
        ctx.call(song, "delete_return_track", r)


@action("duplicate-track", "target?", family="set",
        doc="Duplicate the track(s); Live selects the copy, which becomes the focus.",
        example="(duplicate-track (track \"Bass\"))")
def duplicate_track(ctx: ActionContext, target=None):
    song = ctx.song
    for track in ctx.tracks(target):
        i = _index_of(list(song.tracks), track)
        if i < 0:
            ctx.fail("can only duplicate regular tracks, not %s" % label(track))
        ctx.call(song, "duplicate_track", i)
    return song.view.selected_track


@action("create-scene", "position?", family="set", kinds={"position": INDEX},
        doc="Add an empty scene at the end, or at a 1-based position; it is selected.",
        example="(create-scene 3)")
def create_scene(ctx: ActionContext, position=None):
    song = ctx.song
    index = _position(ctx, position, len(song.scenes))
    scene = ctx.call(song, "create_scene", -1 if index is None else index)
    ctx.write(song.view, "selected_scene", scene)
    return scene


@action("duplicate-scene", "target?", family="set",
        doc="Duplicate the scene(s) (the selected one by default); the copy is selected.",
        example="(duplicate-scene (scene \"Chorus\"))")
def duplicate_scene(ctx: ActionContext, target=None):
    song = ctx.song
    for scene in ctx.scenes(target):
        ctx.call(song, "duplicate_scene", _index_of(list(song.scenes), scene))
    return song.view.selected_scene


@action("delete-scene", "target?", family="set", doc="Delete the scene(s) (the selected one by default).",
        example="(delete-scene (scene 8))")
def delete_scene(ctx: ActionContext, target=None):
    song = ctx.song
    for scene in ctx.scenes(target):
        ctx.call(song, "delete_scene", _index_of(list(song.scenes), scene))


@action("capture-scene", "", family="set",
        doc="Capture the clips playing now into a new scene after the selected one (Live's Capture and Insert).",
        example="(capture-scene)")
def capture_scene(ctx: ActionContext):
    ctx.call(ctx.song, "capture_and_insert_scene")
    return ctx.song.view.selected_scene
