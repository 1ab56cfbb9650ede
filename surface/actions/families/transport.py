"""Transport and global actions: play, stop, tempo, metronome, loop, locators, undo, ...

Switches ((metronome), (metronome on), (metronome :off)) toggle without an argument. Positions are
in beats (quarter notes, 0 = the start of the song) unless the name says bars.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter import friend
from ....interpreter.printer import describe
from ....interpreter.values import Keyword, Vector
from ...adapter import kind_of, live_enum
from ...value_forms import By, Ramp
from ..registry import action
from ..params import MISSING, TOGGLE, Bad, Choice, Custom, Number, Target, Text, is_number
from . import _args as A

if TYPE_CHECKING:
    from Live.Song import Song
    from ...context import ActionContext

ON_OFF = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}


def switch_value(current, state):
    """The new state of a switch from its (converted) state: absent or :toggle flips it."""
    if state is MISSING or state is TOGGLE:
        return not current
    return state


def song_switch(ctx: ActionContext, obj, attr, state=MISSING):
    new = switch_value(bool(getattr(obj, attr)), state)
    ctx.write(obj, attr, new)
    return new


def _switch_action(name, attr, doc, example, view=False, min_live="11.0"):
    @action(name, "state?", family="transport", doc=doc, example=example, min_live=min_live)
    def run(ctx: ActionContext, state=MISSING):
        return song_switch(ctx, ctx.song.view if view else ctx.song, attr, state)
    run.__name__ = name.replace("-", "_")
    return run


_switch_action("metronome", "metronome", "Turn the metronome on or off; without an argument, toggle it.",
               "(metronome off)")
_switch_action("overdub", "overdub", "MIDI arrangement overdub (the session's overdub button) on or off; toggles "
                                     "without an argument.", "(overdub on)")
_switch_action("record", "record_mode", "Arrangement recording on or off; toggles without an argument.", "(record on)")
_switch_action("session-record", "session_record", "Session recording on or off; toggles without an argument.",
               "(session-record)")
_switch_action("arrangement-overdub", "arrangement_overdub", "Arrangement overdub on or off.",
               "(arrangement-overdub on)")
_switch_action("automation-record", "session_automation_record", "Automation arm (session automation recording) "
                                                                  "on or off.", "(automation-record on)")
_switch_action("punch-in", "punch_in", "Arrangement punch-in on or off.", "(punch-in on)")
_switch_action("punch-out", "punch_out", "Arrangement punch-out on or off.", "(punch-out on)")
_switch_action("follow", "follow_song", "Follow (the arrangement view scrolls with the playhead) on or off.",
               "(follow on)", view=True)
_switch_action("draw-mode", "draw_mode", "Draw mode on or off.", "(draw-mode off)", view=True)
_switch_action("scale-mode", "scale_mode", "Scale awareness (Live 12) on or off.", "(scale-mode on)",
               min_live="12.0")


@action("play", "", family="transport", doc="Start the transport from the start marker (Live's play button).",
        example="(play)")
def play(ctx: ActionContext):
    ctx.call(ctx.song, "start_playing")


@action("continue", "", family="transport", doc="Continue playing from where the transport stopped.",
        example="(continue)")
def continue_(ctx: ActionContext):
    ctx.call(ctx.song, "continue_playing")


@action("stop", "target?", family="transport", timing="quantized",
        doc="Without a target, stop the transport. With a clip, stop that clip; with a track, stop its clips "
            "(both on Live's launch grid; after a bar wait, exactly on that bar).",
        example="(stop (track \"Drums\"))")
def stop(ctx: ActionContext, target=None):
    if target is None and ctx.focus() is None:
        # Live stops the transport at once, not on its grid: woken ahead of a bar line (for the
        # launches a bar wait hands to Live early), wait for the line itself.
        line = ctx.line_not_reached()
        if line is not None:
            return ctx.rerun_at(line)
        ctx.call(ctx.song, "stop_playing")
        return None
    objs = ctx.targets(target)
    for obj in objs:
        if kind_of(obj) not in ("clip", "slot", "track"):
            ctx.fail("can stop the transport, a clip or a track, not %s" % describe(target))
    return stop_on_grid(ctx, objs, "stop")


def stop_on_grid(ctx: ActionContext, objs, what):
    """Stop clips, slots or tracks' clips through Live's launch grid (see ctx.quantized_stop)."""
    def stop_now(quantized):
        for obj in objs:
            stop_object(ctx, obj, quantized, what)
    return ctx.quantized_stop(stop_now)


def stop_object(ctx: ActionContext, obj, quantized, what):
    """Stop a clip, slot or track's clips. Clip.stop has no unquantized form: the clip's track
    stops at once instead (a track plays one clip)."""
    kind = kind_of(obj)
    if kind == "track":
        ctx.call(obj, "stop_all_clips", quantized, what=what)
        return
    slot = obj.canonical_parent if kind == "clip" else obj
    if quantized:
        ctx.call(obj, "stop", what=what)
    else:
        ctx.call(slot.canonical_parent, "stop_all_clips", False, what=what)


NOW = Choice("timing", {"now": True})


@action("stop-all-clips", "now?", family="transport", timing="quantized", kinds={"now": NOW},
        doc="Stop every clip in the set, on Live's launch grid (after a bar wait, exactly on that bar); "
            "(stop-all-clips :now) stops them at once.",
        example="(stop-all-clips)")
def stop_all_clips(ctx: ActionContext, now=False):
    if now:
        return ctx.call(ctx.song, "stop_all_clips", False)
    return ctx.quantized_stop(lambda quantized: ctx.call(ctx.song, "stop_all_clips", quantized))


class _SongTempo(object):
    """The song tempo seen as a parameter, so tempo ramps use the same glide code as parameters."""

    min, max = 20.0, 999.0
    _live_ptr = ("tempo",)

    def __init__(self, song: Song):
        self.song = song

    @property
    def value(self):
        return self.song.tempo

    @value.setter
    def value(self, v):
        self.song.tempo = v

    @property
    def name(self):
        return "the tempo"

    canonical_parent = None


def _bpm(v):
    if isinstance(v, (By, Ramp)):
        return v
    if is_number(v):
        return v
    raise Bad("the tempo must be a number of BPM from 20 to 999, (by d) or (ramp bpm :bars n), got %s"
              % A.shown(v))


BPM = Custom("tempo", "a number of BPM from 20 to 999, (by d) or (ramp bpm :bars n)", _bpm,
             fits=lambda v: is_number(v) or isinstance(v, (By, Ramp)), hint="value")


@action("tempo", "bpm?", family="transport", kinds={"bpm": BPM},
        doc="Set the song tempo (20..999 BPM): a number, (by d), or a glide (ramp 140 :bars 8). Without an "
            "argument, answers the tempo.",
        example="(tempo (by 2))")
def tempo(ctx: ActionContext, bpm=None):
    if bpm is None:
        return ctx.song.tempo
    return ctx.set_param(_SongTempo(ctx.song), bpm, "the tempo")


@action("tap-tempo", "", family="transport", doc="Tap the tempo, as Live's Tap button.", example="(tap-tempo)")
def tap_tempo(ctx: ActionContext):
    ctx.call(ctx.song, "tap_tempo")


@action("signature", "numerator? denominator?", family="transport",
        doc="Set the song's time signature: (signature 6 8). Without arguments, answers [numerator denominator].",
        example="(signature 6 8)")
def signature(ctx: ActionContext, numerator=None, denominator=None):
    song = ctx.song
    if numerator is None:
        return Vector([song.signature_numerator, song.signature_denominator])
    ctx.write(song, "signature_numerator", numerator)
    if denominator is not None:
        ctx.write(song, "signature_denominator", denominator)
    return Vector([song.signature_numerator, song.signature_denominator])


_QUANT_NAMES = dict((v, k) for k, v in A.LAUNCH_QUANTIZE.items() if k not in ("quarter",))


LAUNCH_GRID = Custom("grid", "a launch grid like :bar, :beat, 1/16 or :none",
                     A.launch_quantize,
                     fits=lambda v: is_number(v) or type(v) is Keyword, values=list(A.LAUNCH_QUANTIZE))
NOTE_GRID = Custom("grid", "a grid like 1/16, :sixteenth or :none", lambda v: v,
                   fits=lambda v: is_number(v) or type(v) is Keyword, values=list(A.NOTE_GRID))


@action("quantize", "grid?", family="transport", kinds={"grid": LAUNCH_GRID},
        doc="Set Live's global launch quantization: :none :bar :2-bars :4-bars :8-bars :half :beat 1/8 1/16 ... "
            "Without an argument, answers it as a keyword.",
        example="(quantize :bar)")
def quantize(ctx: ActionContext, grid=None):
    if grid is None:
        return Keyword.of(_QUANT_NAMES.get(int(ctx.song.clip_trigger_quantization), "bar"))
    import Live
    q = live_enum(Live.Song.Quantization, grid)
    ctx.write(ctx.song, "clip_trigger_quantization", q)


_REC_Q = {"none": 0, "quarter": 1, "beat": 1, "eighth": 2, "eighth-triplet": 3, "sixteenth": 5,
          "sixteenth-triplet": 6, "thirty-second": 8}


def _record_grid(v):
    if type(v) is Keyword and v.name in _REC_Q:
        return _REC_Q[v.name]
    return A.note_grid(v)[0]


@action("record-quantize", "grid", family="transport",
        kinds={"grid": Custom("grid", "a grid like 1/16, :sixteenth or :none", _record_grid,
                              fits=lambda v: is_number(v) or type(v) is Keyword, values=list(_REC_Q))},
        doc="Set the MIDI record quantization: 1/4 1/8 1/16 1/32 (or :none).", example="(record-quantize 1/16)")
def record_quantize(ctx: ActionContext, grid):
    import Live
    ctx.write(ctx.song, "midi_recording_quantization", live_enum(Live.Song.RecordingQuantization, grid))


@action("undo", "", family="transport", doc="Undo the last change, as Cmd/Ctrl-Z.", example="(undo)")
def undo(ctx: ActionContext):
    ctx.call(ctx.song, "undo")


@action("redo", "", family="transport", doc="Redo what undo undid.", example="(redo)")
def redo(ctx: ActionContext):
    ctx.call(ctx.song, "redo")


def _cue_named(ctx: ActionContext, name):
    for cue in ctx.song.cue_points:
        if (cue.name or "").lower() == name.lower():
            return cue
    names = [c.name for c in ctx.song.cue_points]
    ctx.fail('there is no locator "%s"' % name,
             friend.joined(friend.did_you_mean(name, names, lambda n: '"%s"' % n),
                           "locators are: %s" % (", ".join('"%s"' % n for n in names) or "none")))


def _position(v):
    if isinstance(v, str):
        return v
    if not is_number(v) or v < 0:
        raise Bad("the position must be a number of beats of 0 or more or a locator name, got %s" % A.shown(v))
    return float(v)


@action("jump-to", "position", family="transport",
        kinds={"position": Custom("position", "a number of beats (0 or more) or a locator name", _position)},
        doc="Move the playhead to a beat (0 = the start; a bar is 4 beats in 4/4) or to a locator by name.",
        example="(jump-to 16)")
def jump_to(ctx: ActionContext, position):
    if isinstance(position, str):
        ctx.call(_cue_named(ctx, position), "jump")
        return None
    ctx.write(ctx.song, "current_song_time", position)


@action("jump-by", "beats", family="transport", doc="Move the playhead by a number of beats (negative: back).",
        example="(jump-by -4)")
def jump_by(ctx: ActionContext, beats):
    ctx.call(ctx.song, "jump_by", float(beats))


LOOP_OPTIONS = ((":start", Number("start", 0.0)), (":length", Number("length", above=0.0)),
                (":end", Number("end", 0.0)))


@action("loop", "target? state?", family="transport", options=LOOP_OPTIONS,
        kinds={"target": Target("clip")},
        doc="The arrangement loop: (loop) toggles it, (loop on) / (loop :off) switch it, (loop :start 16 :length 8) "
            "sets its region in beats. With a clip, the clip's loop: (loop C :start 0 :length 8), (loop C off).",
        example="(loop (clip 1 1) :start 0 :length 8)")
def loop(ctx: ActionContext, target=None, state=MISSING, start=None, length=None, end=None):
    opts = dict((k, v) for k, v in (("start", start), ("length", length), ("end", end)) if v is not None)
    if target is None:
        song = ctx.song
        if "start" in opts:
            ctx.write(song, "loop_start", float(opts["start"]))
        if "length" in opts:
            ctx.write(song, "loop_length", float(opts["length"]))
        if state is not MISSING or not opts:
            return song_switch(ctx, song, "loop", state)
        ctx.write(song, "loop", True)
        return True
    return clip_loop_region(ctx, target, state, opts)


def clip_loop_region(ctx: ActionContext, target, state, opts):
    result = None
    for clip in ctx.clips(target):
        if opts:
            start = float(opts.get("start", clip.loop_start))
            if "length" in opts:
                end = start + float(opts["length"])
            else:
                end = float(opts.get("end", clip.loop_end))
            if end <= start:
                ctx.fail("the loop end must come after its start (%s..%s); give a longer :length"
                         % (start, end))
            ctx.write(clip, "looping", True)
            # Move the end first when the loop moves right, so start < end holds at every step.
            if start >= clip.loop_end:
                ctx.write(clip, "loop_end", end)
                ctx.write(clip, "loop_start", start)
            else:
                ctx.write(clip, "loop_start", start)
                ctx.write(clip, "loop_end", end)
            result = True
        if state is not MISSING or not opts:
            result = switch_value(bool(clip.looping), state)
            ctx.write(clip, "looping", result)
    return result


@action("loop-start", "beats?", family="transport",
        doc="Set where the arrangement loop starts, in beats; without an argument, answer it.",
        example="(loop-start 32)")
def loop_start(ctx: ActionContext, beats=None):
    if beats is None:
        return ctx.song.loop_start
    ctx.write(ctx.song, "loop_start", float(beats))


def _length(v):
    if isinstance(v, By):
        return v
    if not is_number(v) or v <= 0:
        raise Bad("the length must be a number of beats above 0 or (by d), got %s" % A.shown(v))
    return v


@action("loop-length", "beats?", family="transport",
        kinds={"beats": Custom("length", "a number of beats above 0 or (by d)", _length, hint="value")},
        doc="Set the arrangement loop's length in beats; without an argument, answer it.", example="(loop-length 16)")
def loop_length(ctx: ActionContext, beats=None):
    if beats is None:
        return ctx.song.loop_length
    if isinstance(beats, By):
        beats = ctx.song.loop_length + beats.delta
        if beats <= 0:
            ctx.fail("the loop would be %s beats long; it must stay above 0" % A.shown(beats))
    ctx.write(ctx.song, "loop_length", float(beats))


@action("back-to-arrangement", "", family="transport",
        doc="Let the arrangement take over again from session clips (Live's Back to Arrangement button).",
        example="(back-to-arrangement)")
def back_to_arrangement(ctx: ActionContext):
    ctx.write(ctx.song, "back_to_arranger", False)


@action("capture-midi", "", family="transport", doc="Capture the MIDI you just played (Live's Capture button).",
        example="(capture-midi)")
def capture_midi(ctx: ActionContext):
    ctx.call(ctx.song, "capture_midi")


@action("groove-amount", "amount?", family="transport", kinds={"amount": Number("amount", 0.0, 1.3)},
        doc="Set the global groove amount (0..1.3, 1.0 is 100%); without an argument, answer it.",
        example="(groove-amount 0.5)")
def groove_amount(ctx: ActionContext, amount=None):
    if amount is None:
        return ctx.song.groove_amount
    ctx.write(ctx.song, "groove_amount", float(amount))


@action("swing", "amount?", family="transport",
        doc="Set the swing amount used by quantizing (0..1); without an argument, answer it.",
        example="(swing 0.25)")
def swing(ctx: ActionContext, amount=None):
    if amount is None:
        return ctx.song.swing_amount
    ctx.write(ctx.song, "swing_amount", float(amount))


NOTE_NAMES = ["c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b"]
_FLATS = {"db": 1, "eb": 3, "gb": 6, "ab": 8, "bb": 10}


def root_number(value):
    if is_number(value) and int(value) == value:
        return int(value) % 12
    text = value.name if type(value) is Keyword else value
    if isinstance(text, str) and text.lower() in NOTE_NAMES:
        return NOTE_NAMES.index(text.lower())
    if isinstance(text, str) and text.lower() in _FLATS:
        return _FLATS[text.lower()]
    raise Bad("the root note must be a note like \"D\", \"F#\" or \"Bb\" (or 0..11), got %s" % A.shown(value))


ROOT = Custom("root note", 'a note like "D", "F#" or "Bb"', root_number)


@action("scale", "name?", family="transport", options=((":root", ROOT),),
        kinds={"name": Text("scale name", '"Minor"')},
        doc="Set the song's scale: (scale \"Minor\" :root \"D\"). Without arguments, answers "
            "{:root \"D\" :name \"Minor\"}.",
        example="(scale \"Dorian\" :root \"A\")")
def scale(ctx: ActionContext, name=None, root=None):
    song = ctx.song
    if name is None and root is None:
        return A.to_map([("root", NOTE_NAMES[song.root_note].upper()), ("name", song.scale_name)])
    if root is not None:
        ctx.write(song, "root_note", root)
    if name is not None:
        ctx.write(song, "scale_name", name)


@action("create-locator", "name? beat?", family="transport", kinds={"beat": Number("beat", 0.0)},
        doc="Add a locator at the playhead (or at a beat, moving the playhead there) and name it.",
        example="(create-locator \"Drop\" 64)")
def create_locator(ctx: ActionContext, name=None, beat=None):
    song = ctx.song
    if beat is not None:
        ctx.write(song, "current_song_time", float(beat))
    if not song.is_cue_point_selected():
        ctx.call(song, "set_or_delete_cue")
    if name is not None:
        now = song.current_song_time
        for cue in song.cue_points:
            if abs(cue.time - now) < 1e-6:
                ctx.write(cue, "name", name)
    return None


@action("delete-locator", "name", family="transport",
        doc="Delete the locator with this name (the playhead moves to it, as when deleting in Live).",
        example="(delete-locator \"Drop\")")
def delete_locator(ctx: ActionContext, name):
    cue = _cue_named(ctx, name)
    ctx.write(ctx.song, "current_song_time", cue.time)
    if ctx.song.is_cue_point_selected():
        ctx.call(ctx.song, "set_or_delete_cue")


def _which(v):
    if type(v) is Keyword:
        if v.name in ("next", "prev", "previous"):
            return v.name
        raise Bad("the locator must be a name in quotes, :next or :prev, got %s" % A.shown(v),
                  friend.did_you_mean(v.name, ["next", "prev"], lambda w: ":" + w))
    if isinstance(v, str):
        return v
    raise Bad("the locator must be a name in quotes, :next or :prev, got %s" % A.shown(v))


@action("jump-to-locator", "which", family="transport",
        kinds={"which": Custom("locator", 'a name in quotes, :next or :prev', _which, values=["next", "prev"])},
        doc="Jump to a locator by name, or :next / :prev.", example="(jump-to-locator \"Chorus\")")
def jump_to_locator(ctx: ActionContext, which):
    if which in ("next", "prev", "previous"):
        ctx.call(ctx.song, "jump_to_next_cue" if which == "next" else "jump_to_prev_cue")
        return None
    ctx.call(_cue_named(ctx, which), "jump")


@action("next-locator", "", family="transport", doc="Jump to the next locator.", example="(next-locator)")
def next_locator(ctx: ActionContext):
    ctx.call(ctx.song, "jump_to_next_cue")


@action("previous-locator", "", family="transport", doc="Jump to the previous locator.",
        example="(previous-locator)")
def previous_locator(ctx: ActionContext):
    ctx.call(ctx.song, "jump_to_prev_cue")


@action("re-enable-automation", "", family="transport",
        doc="Re-enable all automation that was overridden by hand.", example="(re-enable-automation)")
def re_enable_automation(ctx: ActionContext):
    ctx.call(ctx.song, "re_enable_automation")


@action("play-selection", "", family="transport", doc="Play the arrangement selection.", example="(play-selection)")
def play_selection(ctx: ActionContext):
    ctx.call(ctx.song, "play_selection")


@action("song-data", "key value?", family="transport", kinds={"key": Text("key", '"cue"', words=True)},
        doc="Store text in the Live Set (saved with it) under a key, or read it back: (song-data \"cue\" \"verse\").",
        example="(song-data \"last-macro\" \"setup\")")
def song_data(ctx: ActionContext, key, value=None):
    if value is None:
        return ctx.song.get_data(key, None)
    ctx.call(ctx.song, "set_data", key, value)
    return value


