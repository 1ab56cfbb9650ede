"""Song time and session launching for virtual Live.

Time is virtual: the World jumps from event to event. While playing, song time advances with the
tempo; `total` counts beats played (it never wraps), so clip positions survive an arrangement loop.
Launches, quantized stops, clip ends and loop wraps are pending events keyed on `total`; only the
next one is looked at per step, so a step costs the same whatever the size of the set.
"""
import math

INF = float("inf")
EPS = 1e-9

# Song.Quantization value -> grid in bars (negative) or beats (positive); 0 = no quantization.
_GRID = {0: 0.0, 1: -8.0, 2: -4.0, 3: -2.0, 4: -1.0, 5: 2.0, 6: 4.0 / 3, 7: 1.0, 8: 2.0 / 3, 9: 0.5,
         10: 1.0 / 3, 11: 0.25, 12: 1.0 / 6, 13: 0.125}


class Transport(object):
    def __init__(self, song):
        self.song = song
        self.world = song._world
        self.playing = False
        self.beats = 0.0      # current song time
        self.total = 0.0      # beats played since the set was loaded (monotonic)
        self.fresh = False    # started and not yet moved: a launch now lands on this very beat
        self.launch_start = False  # started by a launch, not yet moved: launches now start at once
        self.pending = {}     # tag -> (total_beat, seq, action)
        self.next_total = INF
        self._seq = 0
        self.playing_clips = []
        self._anchor()

    # -- the clock ------------------------------------------------------------------------
    def next_event_ms(self):
        if not self.playing or self.next_total == INF:
            return INF
        return self.world.now_ms + (self.next_total - self.total) * 60000.0 / self.song._tempo

    def _anchor(self):
        """Song time is computed from the last anchor, not summed step by step, so it does not drift."""
        self.a_ms = self.world.now_ms
        self.a_total = self.total
        self.a_beats = self.beats
        self.a_tempo = self.song._tempo

    def move_to(self, t_ms):
        world = self.world
        if t_ms <= world.now_ms:
            return
        if self.playing:
            if self.song._tempo != self.a_tempo:
                self._anchor()
            beats = (t_ms - self.a_ms) * self.a_tempo / 60000.0
            self.total = self.a_total + beats
            self.beats = self.a_beats + beats
            self.fresh = False
            self.launch_start = False
            world.now_ms = t_ms
            song = self.song
            if song._listeners:
                song._notify("current_song_time")
            for clip in self.playing_clips:
                if clip._listeners:
                    clip._notify("playing_position")
                if clip._envelopes and not clip._recording:
                    clip._play_envelopes()
        else:
            world.now_ms = t_ms

    def fire_due(self):
        """Run the pending events that are due now, snapping time exactly onto their beat."""
        target = self.next_total
        if target == INF:
            return
        self.beats += target - self.total
        self.total = target
        self._anchor()
        due = sorted((entry[1], tag) for tag, entry in self.pending.items() if entry[0] <= target + EPS)
        actions = [self.pending.pop(tag)[2] for _seq, tag in due]
        self._recompute()
        for action in actions:
            action()

    def _recompute(self):
        self.next_total = min([e[0] for e in self.pending.values()] or [INF])

    def schedule(self, tag, at_total, action):
        self._seq += 1
        self.pending[tag] = (at_total, self._seq, action)
        self._recompute()

    def cancel(self, tag):
        if self.pending.pop(tag, None) is not None:
            self._recompute()

    # -- grid -----------------------------------------------------------------------------
    def beats_per_bar(self):
        return 4.0 * self.song._signature_numerator / self.song._signature_denominator

    def grid_beats(self, song_quantization):
        grid = _GRID[int(song_quantization)]
        return -grid * self.beats_per_bar() if grid < 0 else grid

    def launch_at(self, grid):
        """The `total` beat of the next grid line (now if unquantized or just started on a line)."""
        if grid <= 0:
            return self.total
        position = self.beats / grid
        on_line = abs(position - round(position)) < EPS
        if on_line and self.fresh:
            return self.total
        next_line = (round(position) + 1 if on_line else math.ceil(position)) * grid
        return self.total + (next_line - self.beats)

    def clip_grid(self, clip, global_quantization=None):
        q = int(clip._launch_quantization)
        if q == 0:
            return self.grid_beats(self.song._clip_trigger_quantization if global_quantization is None
                                   else global_quantization)
        return self.grid_beats(q - 1)

    # -- play / stop ----------------------------------------------------------------------
    def start(self, from_beat=None):
        if from_beat is not None:
            self.beats = float(from_beat)
        self.fresh = True
        self.launch_start = False
        self._anchor()
        if not self.playing:
            self.playing = True
            self.song._notify("is_playing")
        self._schedule_loop_wrap()

    def stop(self):
        self.launch_start = False
        for tag in list(self.pending):
            self.cancel(tag)
        for track in self.song._all_tracks():
            self._clear_trigger(track)
            self._stop_now(track)
        for scene in self.song._scenes:
            scene._set_triggered(False)
        if self.playing:
            self.playing = False
            self.song._notify("is_playing")

    def jump(self, beat):
        self.beats = max(0.0, float(beat))
        self._anchor()
        self.song._notify("current_song_time")
        self._schedule_loop_wrap()

    def jump_quantized(self, beat):
        """Jumps to a cue point: at once while stopped; while playing, on the next line of the
        global launch grid, as Live does (a later cue jump replaces a pending one)."""
        grid = self.grid_beats(self.song._clip_trigger_quantization)
        at = self.launch_at(grid) if self.playing else self.total
        if at <= self.total + EPS:
            self.cancel(("jump",))
            self.jump(beat)
        else:
            self.schedule(("jump",), at, lambda: self.jump(beat))

    def _schedule_loop_wrap(self):
        song = self.song
        end = song._loop_start + song._loop_length
        if self.playing and song._loop and self.beats < end - EPS:
            self.schedule(("wrap",), self.total + (end - self.beats), self._wrap)
        else:
            self.cancel(("wrap",))

    def _wrap(self):
        self.beats -= self.song._loop_length
        self._anchor()
        self.song._notify("current_song_time")
        self._schedule_loop_wrap()

    # -- launching ------------------------------------------------------------------------
    def _starts_now(self):
        """A launch while the transport is stopped starts it and lands at once; so do the other
        launches of that same instant, wherever the song position is, so clips fired together
        while stopped start together (on or off the grid)."""
        if not self.playing:
            self.start()
            self.launch_start = True
        return self.launch_start

    def fire_clip(self, clip, at=None, quantization=None, legato=False):
        """quantization (a Song.Quantization int) stands in for the song's global setting;
        legato launches at once, in step with the clip the track plays (ClipSlot.fire's
        force_legato)."""
        slot = clip._parent
        track = slot._parent
        if clip._recording:
            self._finish_recording_at(track, at, quantization)
            return
        if self._starts_now() or legato:
            at = self.total
        elif at is None:
            at = self.launch_at(self.clip_grid(clip, quantization))
        if at <= self.total + EPS:
            self._clear_trigger(track)
            self._launch(track, slot, legato)
            return
        self._clear_trigger(track)
        track._pending_slot = slot
        slot._set_raw("is_triggered", True)
        clip._triggered = True
        clip._notify("playing_status")
        track._set_raw("fired_slot_index", track._clip_slots.index(slot))
        self.schedule(("track", track), at, lambda: self._launch(track, slot))

    def fire_slot(self, slot, at=None, quantization=None, legato=False, record_length=None):
        track = slot._parent
        if slot._is_group_slot:
            index = track._clip_slots.index(slot)
            if self._starts_now():
                at = self.total
            when = at if at is not None else self.launch_at(self.grid_beats(self.song._clip_trigger_quantization))
            for child in track._all_descendants():
                if child._kind != "group":
                    self.fire_slot(child._clip_slots[index], when)
            return
        if slot._clip is not None:
            self.fire_clip(slot._clip, at, quantization, legato)
        elif track._kind in ("midi", "audio") and track._arm:
            self.record_slot(slot, at, quantization, record_length)
        elif slot._has_stop_button:
            self.stop_track(track, True, at)

    def fire_scene(self, scene):
        index = self.song._scenes.index(scene)
        if self._starts_now():
            at = self.total
        else:
            at = self.launch_at(self.grid_beats(self.song._clip_trigger_quantization))
        # A launch always passes through the triggered state, also when it happens at once
        # (transport stopped, or no quantization): listeners see True, then False.
        scene._set_triggered(True)
        if at > self.total + EPS:
            self.schedule(("scene", scene), at, lambda: self._scene_launched(scene))
        else:
            self._scene_launched(scene)
        for track in self.song._tracks:
            slot = track._clip_slots[index]
            if track._kind == "group":
                continue
            if slot._clip is not None:
                self.fire_clip(slot._clip, at)
            elif slot._has_stop_button:
                self.stop_track(track, True, at)

    def _scene_launched(self, scene):
        scene._set_triggered(False)
        if scene._tempo_enabled and scene._tempo > 0:
            self.song._change("tempo", scene._tempo, False)
        if scene._time_signature_enabled and scene._time_signature_numerator > 0:
            self.song._change("signature_numerator", scene._time_signature_numerator, False)
            self.song._change("signature_denominator", scene._time_signature_denominator, False)

    def _clear_trigger(self, track):
        slot = track._pending_slot
        if slot is not None:
            track._pending_slot = None
            slot._set_raw("is_triggered", False)
            if slot._clip is not None:
                slot._clip._triggered = False
                slot._clip._notify("playing_status")
        self.cancel(("track", track))
        if track._fired_slot_index != -1:
            track._set_raw("fired_slot_index", -1)

    def _launch(self, track, slot, legato=False):
        self._clear_trigger(track)
        in_step_with = self._playing_clip(track) if legato else None
        clip = slot._clip
        if clip is None or clip._dead:
            self._stop_now(track)
            return
        # The old clip stops and the new one starts in the same instant: playing_slot_index goes
        # straight from the old index to the new one (AbletonOSC tests/test_track.py,
        # test_track_listen_playing_slot_index, run against real Live, sees no -1 in between).
        self._stop_now(track, replaced=True)
        clip._playing = True
        clip._launch_total = self.total if in_step_with is None else in_step_with._launch_total
        self.playing_clips.append(clip)
        clip._notify("playing_status")
        slot._notify("playing_status")
        index = track._clip_slots.index(slot)
        if track._playing_slot_index != index:     # a retriggered clip changes no index
            track._set_raw("playing_slot_index", index)
        if not clip._looping:
            length = clip._end_marker - clip._start_marker
            self.schedule(("end", track), self.total + length, lambda: self._stop_now(track))

    def _playing_clip(self, track):
        index = track._playing_slot_index
        return track._clip_slots[index]._clip if index >= 0 else None

    def _stop_now(self, track, replaced=False):
        self.cancel(("end", track))
        index = track._playing_slot_index
        if index >= 0:
            clip = track._clip_slots[index]._clip
            if clip is not None and clip._recording:
                clip = self._end_recording(track, clip)
            if clip is not None:
                clip._playing = False
                if clip in self.playing_clips:
                    self.playing_clips.remove(clip)
                clip._notify("playing_status")
                track._clip_slots[index]._notify("playing_status")
            if not replaced and track._playing_slot_index != -1:
                track._set_raw("playing_slot_index", -1)

    def stop_track_now(self, track):
        self._clear_trigger(track)
        self._stop_now(track)

    def stop_track(self, track, quantized=True, at=None):
        if track._kind == "group":
            for child in track._all_descendants():
                self.stop_track(child, quantized, at)
            return
        if track._playing_slot_index < 0 and track._pending_slot is None:
            return
        if at is None:
            grid = self.grid_beats(self.song._clip_trigger_quantization) if quantized else 0.0
            at = self.launch_at(grid) if self.playing else self.total
        if at <= self.total + EPS:
            self.stop_track_now(track)
            return
        self._clear_trigger(track)
        track._set_raw("fired_slot_index", -2)
        self.schedule(("track", track), at, lambda: self.stop_track_now(track))

    def stop_slot(self, slot):
        track = slot._parent
        if track._pending_slot is slot or (track._playing_slot_index >= 0 and
                                           track._clip_slots[track._playing_slot_index] is slot):
            self.stop_track(track, True)

    def stop_all(self, quantized=True):
        for track in self.song._tracks:
            if track._kind != "group":
                self.stop_track(track, quantized)

    def forget_track(self, track):
        """A deleted track: drop its pending events and playing clips."""
        self.stop_track_now(track)

    # -- recording into an empty slot of an armed track ------------------------------------
    # Virtual Live has no audio or MIDI input: the recorded clip is empty (no notes; an audio
    # clip whose file holds the recorded time). Timing, states and lengths follow Live.
    def record_slot(self, slot, at=None, quantization=None, record_length=None):
        track = slot._parent
        if self._starts_now():
            at = self.total
        elif at is None:
            q = self.song._clip_trigger_quantization if quantization is None else quantization
            at = self.launch_at(self.grid_beats(q))
        self._clear_trigger(track)
        if at <= self.total + EPS:
            self._start_recording(track, slot, record_length)
            return
        track._pending_slot = slot
        slot._set_raw("is_triggered", True)
        track._set_raw("fired_slot_index", track._clip_slots.index(slot))
        self.schedule(("track", track), at, lambda: self._start_recording(track, slot, record_length))

    def _start_recording(self, track, slot, record_length):
        self._clear_trigger(track)
        if slot._clip is not None or slot._dead:
            return
        self._stop_now(track, replaced=True)
        from .Live.Clip import Clip
        is_midi = track._kind == "midi"
        path = "" if is_midi else "Samples/Recorded/%s.wav" % track._name
        clip = Clip(self.world, slot, record_length or 4.0, is_midi, "", track._color, track._color_index, path)
        clip._recording = True
        slot._put_clip(clip)
        clip._playing = True
        clip._launch_total = self.total
        self.playing_clips.append(clip)
        for obj, name in ((clip, "is_recording"), (clip, "playing_status"), (slot, "playing_status")):
            obj._notify(name)
        index = track._clip_slots.index(slot)
        if track._playing_slot_index != index:
            track._set_raw("playing_slot_index", index)
        if record_length:
            # "the clip will be refired after the given recording length" (ClipSlot.fire's docstring)
            self.schedule(("end", track), self.total + float(record_length), lambda: self._play_recorded(track, clip))

    def _finish_recording_at(self, track, at, quantization):
        """Firing a recording clip ends the recording on the launch grid and plays the clip."""
        clip = self._playing_clip(track)
        if at is None:
            q = self.song._clip_trigger_quantization if quantization is None else quantization
            at = self.launch_at(self.grid_beats(q))
        if at <= self.total + EPS:
            self._play_recorded(track, clip)
        else:
            self.schedule(("end", track), at, lambda: self._play_recorded(track, clip))

    def _play_recorded(self, track, clip):
        if clip is None or clip._dead or not clip._recording:
            return
        if self._end_recording(track, clip) is not None:
            clip._launch_total = self.total        # refired: plays its loop from the start
            clip._notify("playing_status")

    def _end_recording(self, track, clip):
        """The recording stops now: the clip keeps the time recorded (none: no clip)."""
        self.cancel(("end", track))
        length = self.total - clip._launch_total
        clip._recording = False
        clip._notify("is_recording")
        if length <= EPS:
            self._stop_clip_silently(track, clip)
            clip._parent._put_clip(None)
            return None
        clip._loop_start = clip._start_marker = 0.0
        clip._loop_end = clip._end_marker = length
        if not clip._is_midi:
            clip._sample_length = int(round(length * 60.0 / self.song._tempo * 44100))
        return clip

    def _stop_clip_silently(self, track, clip):
        clip._playing = False
        if clip in self.playing_clips:
            self.playing_clips.remove(clip)
        if track._playing_slot_index >= 0:
            track._set_raw("playing_slot_index", -1)
