"""Set structure: create, duplicate and delete tracks, returns and scenes.

Positions are 1-based, as Live shows them; without one, a new track goes after the selected track
(Live's own rule) and becomes the selected track, so it is the focus of the next actions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.values import Keyword, LmacError
from ...adapter import alive, label, ptr
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
        doc="Delete the track(s) (the focus by default). Return tracks are deleted as returns. Live keeps "
            "at least one audio or MIDI track: (delete-track all) deletes every other one and says which stays.",
        example="(delete-track (track \"Old\"))")
def delete_track(ctx: ActionContext, target=None):
    song = ctx.song
    regular = list(song.tracks)
    index = dict((ptr(t), i) for i, t in enumerate(regular))
    returns = dict((ptr(t), i) for i, t in enumerate(song.return_tracks))
    doomed, doomed_returns = set(), set()
    for track in ctx.tracks(target):
        key = ptr(track)
        if key in returns:
            doomed_returns.add(returns[key])
        elif key in index:
            doomed.add(index[key])
        else:
            ctx.fail("cannot delete %s: only tracks and return tracks can be deleted" % label(track))
    kept = _keep_one_track(ctx, regular, index, doomed)
    if kept is not None and not doomed and not doomed_returns:
        ctx.fail('Live keeps at least one audio or MIDI track, and %s is the last one' % label(kept))
    # Highest index first: deleting a track never moves the ones before it, and a group's tracks
    # (after it) are gone before the group is deleted.
    steps = [("delete_track", i, regular[i]) for i in sorted(doomed, reverse=True)]
    steps += [("delete_return_track", r, None) for r in sorted(doomed_returns, reverse=True)]
    _delete_all(ctx, steps, "track")
    if kept is not None:
        _tell(ctx, 'Live keeps at least one audio or MIDI track, so %s stays' % label(kept))


def _group_of(ctx, track):
    group = ctx.adapter.read(ctx.action, track, "group_track")
    return group if group is not None and not (group == None) else None  # noqa: E711  (Live's handles)


def _keep_one_track(ctx, regular, index, doomed):
    """Live refuses to delete the last audio or MIDI track. When the targets (with the tracks
    inside target groups) are all of them, keep one back, with the groups it is in; return it."""
    def gone(i):
        track = regular[i]
        while track is not None:
            if index.get(ptr(track)) in doomed:
                return True
            track = _group_of(ctx, track)
        return False
    plain = [i for i, t in enumerate(regular) if not ctx.adapter.read(ctx.action, t, "is_foldable", False)]
    if not plain or any(not gone(i) for i in plain):
        return None
    top = [i for i in plain if _group_of(ctx, regular[i]) is None]
    keep = (top or plain)[0]
    track = regular[keep]
    while track is not None:
        doomed.discard(index.get(ptr(track)))
        track = _group_of(ctx, track)
    return regular[keep]


def _delete_all(ctx, steps, what):
    """Make the deletions in order; if Live refuses one, say how far it got, so a set is never
    left half done without saying so."""
    song = ctx.song
    done = 0
    for method, i, obj in steps:
        if obj is not None and not alive(obj):
            continue   # it went with its group
        try:
            ctx.call(song, method, i)
        except LmacError as e:
            if not done:
                raise
            raise LmacError("%s (%d %s%s deleted before that)"
                            % (e.message, done, what, " was" if done == 1 else "s were"))
        done += 1


def _tell(ctx, text):
    """A note on the status bar and in Log.txt: the action did what Live allows."""
    ctx.live.show("%s: %s" % (ctx.action, text))
    ctx.live.log("lmac: %s: %s" % (ctx.action, text))


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


@action("delete-scene", "target?", family="set",
        doc="Delete the scene(s) (the selected one by default). Live keeps at least one scene: "
            "(delete-scene all) deletes every other one and says which stays.",
        example="(delete-scene (scene 8))")
def delete_scene(ctx: ActionContext, target=None):
    song = ctx.song
    scenes = list(song.scenes)
    index = dict((ptr(s), i) for i, s in enumerate(scenes))
    doomed = set(index[ptr(s)] for s in ctx.scenes(target) if ptr(s) in index)
    kept = None
    if scenes and len(doomed) == len(scenes):
        doomed.discard(0)
        kept = scenes[0]
        if not doomed:
            ctx.fail("Live keeps at least one scene, and %s is the last one" % _scene_label(kept))
    _delete_all(ctx, [("delete_scene", i, scenes[i]) for i in sorted(doomed, reverse=True)], "scene")
    if kept is not None:
        _tell(ctx, "Live keeps at least one scene, so %s stays" % _scene_label(kept))


def _scene_label(scene):
    return 'scene "%s"' % scene.name if scene.name else "scene 1"


@action("capture-scene", "", family="set",
        doc="Capture the clips playing now into a new scene after the selected one (Live's Capture and Insert).",
        example="(capture-scene)")
def capture_scene(ctx: ActionContext):
    ctx.call(ctx.song, "capture_and_insert_scene")
    return ctx.song.view.selected_scene
