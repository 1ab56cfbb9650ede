"""Which parts of the set changed, from Live's own change notifications.

The timeline of `lmac run` used to copy the whole set after every tick (91% of a 500-track run).
``SetWatch`` listens instead: every track's subtree (the track, its mixer, devices, parameters, clip
slots and clips) marks that track dirty when anything in it notifies; the lists of tracks and scenes
mark the structure dirty. ``take()`` hands over what changed since the last call, so a tick that
changed nothing costs no reading and a tick that changed one track re-reads that track only.

Listeners are added outside notifications (in ``take``), only read the world, and are all removed by
``close()``.
"""
from __future__ import annotations

import functools

from .adapter import ptr
from .device_extras import watch_points

TRACK_EVENTS = ("name", "color", "mute", "solo", "arm", "fold_state", "current_monitoring_state", "devices",
                "playing_slot_index", "fired_slot_index", "clip_slots")
MIXER_EVENTS = ("sends",)
DEVICE_EVENTS = ("name", "parameters", "is_active")
CLIP_EVENTS = ("name", "color", "playing_status", "looping", "loop_start", "loop_end", "start_marker", "end_marker",
               "pitch_coarse", "pitch_fine", "gain", "warping", "warp_mode", "muted", "notes", "launch_mode",
               "launch_quantization", "legato", "velocity_amount", "signature_numerator", "signature_denominator")
SONG_EVENTS = ("tracks", "return_tracks", "scenes")
SCENE_EVENTS = ("name", "color")


def _attr(obj, name, default=None):
    try:
        return getattr(obj, name)
    except Exception:
        return default


class SetWatch(object):
    def __init__(self, song):
        self.song = song
        self._subs = {}              # owner key -> [(object, event, callback)]
        self._dirty = set()          # ptrs of tracks whose subtree notified
        self._dirty_clips = set()    # ptrs of clips that notified (their notes are re-read)
        self._structure = True       # the track or scene lists changed (or nothing was read yet)
        self._scenes = True
        self._tracks = {}            # ptr -> track, as last listed
        self._returns = None         # ptrs of the return tracks, as last listed
        self._listen("song", song, SONG_EVENTS, self._on_structure)

    # -- what changed ------------------------------------------------------------------------
    def take(self):
        """(structure changed, scenes changed, ptrs of dirty tracks, ptrs of dirty clips) since the
        last call; then listen to what is in the set now."""
        structure, scenes, dirty, clips = self._structure, self._scenes, self._dirty, self._dirty_clips
        self._structure, self._scenes, self._dirty, self._dirty_clips = False, False, set(), set()
        if structure:
            dirty |= self._relist()
        if scenes or structure:
            self._watch_scenes()
        for key in dirty:
            track = self._tracks.get(key)
            if track is not None:
                self._watch_track(key, track)
        return structure, scenes or structure, dirty, clips

    def track(self, key):
        return self._tracks[key]

    def close(self):
        for key in list(self._subs):
            self._unlisten(key)

    # -- listening ---------------------------------------------------------------------------
    def _on_structure(self):
        self._structure = True

    def _on_scenes(self):
        self._scenes = True

    def _relist(self):
        """Listen to tracks that appeared, forget those that went; return the new ones. A change
        of return tracks changes every track's sends, so then every track counts as new."""
        song = self.song
        tracks = list(song.tracks) + list(song.return_tracks) + [song.master_track]
        now = dict((ptr(t), t) for t in tracks)
        returns = frozenset(ptr(t) for t in song.return_tracks)
        fresh = set(k for k in now if k not in self._tracks)
        if self._returns is not None and returns != self._returns:
            fresh = set(now)
        self._returns = returns
        for key in self._tracks:
            if key not in now:
                self._unlisten(key)
        self._tracks = now
        return fresh

    def _watch_scenes(self):
        self._unlisten("scenes")
        for scene in self.song.scenes:
            self._listen("scenes", scene, SCENE_EVENTS, self._on_scenes)

    def _watch_track(self, key, track):
        self._unlisten(key)
        mark = functools.partial(self._mark, key)
        self._listen(key, track, TRACK_EVENTS, mark)
        mixer = _attr(track, "mixer_device")
        if mixer is not None:
            self._listen(key, mixer, MIXER_EVENTS, mark)
            for param in [mixer.volume, mixer.panning] + list(mixer.sends):
                self._listen(key, param, ("value",), mark)
        for device in _attr(track, "devices", ()):
            self._listen(key, device, DEVICE_EVENTS, mark)
            for param in device.parameters:
                self._listen(key, param, ("value",), mark)
            for obj, events in watch_points(device):
                self._listen(key, obj, events, mark)
        for slot in _attr(track, "clip_slots", ()):
            self._listen(key, slot, ("has_clip",), mark)
            if slot.has_clip:
                clip = slot.clip
                self._listen(key, clip, CLIP_EVENTS, functools.partial(self._mark_clip, key, ptr(clip)))

    def _mark(self, key):
        self._dirty.add(key)

    def _mark_clip(self, key, clip_key):
        self._dirty.add(key)
        self._dirty_clips.add(clip_key)

    def _listen(self, key, obj, events, callback):
        subs = self._subs.setdefault(key, [])
        for event in events:
            add = _attr(obj, "add_%s_listener" % event)
            if add is None:
                continue
            try:
                add(callback)
            except Exception:      # a member this Live version lacks, or already listened to
                continue
            subs.append((obj, event, callback))

    def _unlisten(self, key):
        for obj, event, callback in self._subs.pop(key, ()):
            try:
                getattr(obj, "remove_%s_listener" % event)(callback)
            except Exception:      # the object was deleted with its listeners
                pass
