"""Snapshots: store the mixer and device settings of tracks under a name and bring them back,
at once or gliding over bars or milliseconds.

Snapshots live in the set itself (Song.set_data under "lmac.snapshots", as JSON text), so they
are saved with the set and every session on it sees the same ones. Tracks are found again by
name (then by position), devices by position and kind, parameters by name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

import json

from ..registry import action
from ..params import Number, Text
from . import _args as A
from ...value_forms import Ramp

if TYPE_CHECKING:
    from Live.Device import Device
    from Live.Song import Song
    from Live.Track import Track
    from ...context import ActionContext

DATA_KEY = "lmac.snapshots"


# ---- storage ---------------------------------------------------------------------------------------
def load_snapshots(song: Song):
    raw = song.get_data(DATA_KEY, None)
    if not raw:
        return {}
    try:
        data = json.loads(raw) if isinstance(raw, str) else dict(raw)
    except (ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def save_snapshots(ctx: ActionContext, snapshots):
    ctx.call(ctx.song, "set_data", DATA_KEY, json.dumps(snapshots, sort_keys=True))


SNAPSHOT_NAME = Text("snapshot name", '"verse" or :verse', words=True)


# ---- capturing -----------------------------------------------------------------------------------
def _all_tracks(song: Song) -> List[Track]:
    return list(song.tracks) + list(song.return_tracks) + [song.master_track]


def _track_kind(song: Song, track: Track) -> str:
    if track == song.master_track:
        return "master"
    for r in song.return_tracks:
        if r == track:
            return "return"
    return "track"


def _params(device: Device):
    out = {}
    for p in device.parameters:   # Device On included: a snapshot remembers bypass too
        if p.is_enabled and p.name not in out:
            out[p.name] = p.value
    return out


def capture_track(song: Song, track: Track):
    mixer = track.mixer_device
    entry = {"name": track.name, "kind": _track_kind(song, track),
             "index": _position(song, track),
             "volume": mixer.volume.value, "pan": mixer.panning.value,
             "sends": [s.value for s in mixer.sends],
             "devices": [{"class": d.class_name, "name": d.name, "params": _params(d)} for d in track.devices]}
    if entry["kind"] != "master":
        entry["mute"] = bool(track.mute)
        entry["solo"] = bool(track.solo)
    return entry


def _position(song: Song, track: Track) -> int:
    kind = _track_kind(song, track)
    group = list(song.tracks) if kind == "track" else list(song.return_tracks) if kind == "return" else [track]
    for i, t in enumerate(group):
        if t == track:
            return i
    return 0


def find_track(song: Song, entry) -> Optional[Track]:
    kind = entry.get("kind", "track")
    if kind == "master":
        return song.master_track
    group = list(song.tracks) if kind == "track" else list(song.return_tracks)
    for t in group:
        if t.name == entry.get("name"):
            return t
    i = entry.get("index", -1)
    return group[i] if 0 <= i < len(group) else None


# ---- recalling -----------------------------------------------------------------------------------
def _glide(ctx: ActionContext, param, value, bars, ms):
    """Set now, or glide there with a ramp value form when bars/ms is given (quantized
    parameters jump, as a glide between steps means nothing)."""
    if param.value == value:
        return
    if (bars is None and ms is None) or param.is_quantized:
        ctx.set_param(param, value)
        return
    ctx.set_param(param, make_ramp(value, bars, ms))


def make_ramp(value, bars=None, ms=None):
    """The (ramp v :bars n) / (ramp v :ms n) value form, built the way lmac code builds it."""
    if bars is not None:
        return Ramp(value, bars, "bars")
    return Ramp(value, ms, "ms")


def recall_entry(ctx: ActionContext, entry, bars=None, ms=None, what="recall"):
    song = ctx.song
    track = find_track(song, entry)
    if track is None:
        return False
    mixer = track.mixer_device
    _glide(ctx, mixer.volume, entry["volume"], bars, ms)
    _glide(ctx, mixer.panning, entry["pan"], bars, ms)
    for send, value in zip(mixer.sends, entry.get("sends", [])):
        _glide(ctx, send, value, bars, ms)
    for attr in ("mute", "solo"):
        if attr in entry and bool(getattr(track, attr)) != entry[attr]:
            ctx.write(track, attr, entry[attr], what)
    for device, saved in zip(track.devices, entry.get("devices", [])):
        if device.class_name != saved.get("class"):
            continue
        params = saved.get("params", {})
        for p in device.parameters:
            if p.name in params and p.is_enabled:
                value = min(p.max, max(p.min, params[p.name]))
                _glide(ctx, p, value, bars, ms)
    return True


# ---- actions -------------------------------------------------------------------------------------
@action("snapshot", "name tracks*", family="snapshot", kinds={"name": SNAPSHOT_NAME},
        doc="Remember the volume, pan, sends, mute/solo and device settings of the tracks (default: all, "
            "with returns and main) under a name; saved with the set.",
        example="(snapshot \"verse\" (track \"Bass\") (track \"Keys\"))")
def snapshot(ctx: ActionContext, name, tracks):
    key = name
    song = ctx.song
    selectors, tracks = tracks, []
    if selectors:
        for sel in selectors:
            for t in ctx.tracks(sel):
                if all(t != u for u in tracks):
                    tracks.append(t)
    else:
        tracks = _all_tracks(song)
    snapshots = load_snapshots(song)
    snapshots[key] = {"tracks": [capture_track(song, t) for t in tracks]}
    save_snapshots(ctx, snapshots)
    return len(tracks)


@action("recall", "name", family="snapshot", kinds={"name": SNAPSHOT_NAME},
        options=((":bars", Number("number of bars", above=0.0)), (":ms", Number("number of milliseconds", above=0.0))),
        doc="Bring back a snapshot, at once or gliding over :bars n or :ms n.",
        example="(recall \"verse\" :bars 4)")
def recall(ctx: ActionContext, name, bars=None, ms=None):
    key = name
    snapshots = load_snapshots(ctx.song)
    if key not in snapshots:
        known = ", ".join('"%s"' % k for k in sorted(snapshots)) or "none yet"
        ctx.fail("there is no snapshot \"%s\"" % key,
               A.friend.joined(A.friend.did_you_mean(key, list(snapshots), lambda w: '"%s"' % w),
                               "snapshots: %s" % known))
    found = 0
    for entry in snapshots[key]["tracks"]:
        if recall_entry(ctx, entry, bars, ms):
            found += 1
    return found


@action("snapshots", "", family="snapshot", doc="The names of the stored snapshots.",
        example="(snapshots)")
def snapshots_(ctx: ActionContext):
    return A.vector(sorted(load_snapshots(ctx.song)))


@action("forget-snapshot", "name", family="snapshot", kinds={"name": SNAPSHOT_NAME}, doc="Delete a stored snapshot.",
        example="(forget-snapshot \"verse\")")
def forget_snapshot(ctx: ActionContext, name):
    key = name
    snapshots = load_snapshots(ctx.song)
    if key not in snapshots:
        ctx.fail("there is no snapshot \"%s\"" % key,
               A.friend.did_you_mean(key, list(snapshots), lambda w: '"%s"' % w))
    del snapshots[key]
    save_snapshots(ctx, snapshots)
    return None
