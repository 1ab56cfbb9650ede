"""Transport and global actions: play, stop, tempo, metronome, loop, locators, undo, ...

Switches ((metronome), (metronome on), (metronome :off)) toggle without an argument. Positions are
in beats (quarter notes, 0 = the start of the song) unless the name says bars.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ....interpreter.printer import describe
from ....interpreter.values import Keyword, Vector
from ...adapter import kind_of, live_enum
from ...value_forms import By, Ramp
from ..registry import action
from . import _args as A

if TYPE_CHECKING:
    from Live.Song import Song
    from ...context import ActionContext

ON_OFF = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}


def switch_value(ctx: ActionContext, current, args):
    """The new state of a switch from its optional argument: none or :toggle flips it."""
    if not args:
        return not current
    value = args[0]
    if type(value) is Keyword and value.name == "toggle":
        return not current
    return A.switch(ctx.action, value)


def song_switch(ctx: ActionContext, obj, attr, args):
    if len(args) > 1:
        ctx.fail("expects at most one argument (on, off or :toggle), got %d" % len(args))
    new = switch_value(ctx, bool(getattr(obj, attr)), args)
    ctx.write(obj, attr, new)
    return new


def _switch_action(name, attr, doc, example, view=False, min_live="11.0"):
    @action(name, "state?", family="transport", doc=doc, example=example, min_live=min_live)
    def run(ctx: ActionContext, *args):
        return song_switch(ctx, ctx.song.view if view else ctx.song, attr, args)
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


@action("stop-all-clips", "now?", family="transport", timing="quantized",
        doc="Stop every clip in the set, on Live's launch grid (after a bar wait, exactly on that bar); "
            "(stop-all-clips :now) stops them at once.",
        example="(stop-all-clips)")
def stop_all_clips(ctx: ActionContext, now=None):
    if type(now) is Keyword and now.name == "now":
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


@action("tempo", "bpm?", family="transport",
        doc="Set the song tempo (20..999 BPM): a number, (by d), or a glide (ramp 140 :bars 8). Without an "
            "argument, answers the tempo.",
        example="(tempo (by 2))")
def tempo(ctx: ActionContext, bpm=None):
    if bpm is None:
        return ctx.song.tempo
    if isinstance(bpm, (By, Ramp)) or A.is_number(bpm):
        return ctx.set_param(_SongTempo(ctx.song), bpm, "the tempo")
    ctx.fail("expects a tempo in BPM (20..999), (by d) or (ramp bpm :bars n), got %s" % describe(bpm))


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
    n = A.integer("signature", numerator, "a numerator (1..99)")
    A.in_range("signature", n, 1, 99, "a numerator")
    ctx.write(song, "signature_numerator", n)
    if denominator is not None:
        d = A.integer("signature", denominator, "a denominator (1, 2, 4, 8 or 16)")
        if d not in (1, 2, 4, 8, 16):
            ctx.fail("expects a denominator of 1, 2, 4, 8 or 16, got %s" % d)
        ctx.write(song, "signature_denominator", d)
    return Vector([song.signature_numerator, song.signature_denominator])


_QUANT_NAMES = dict((v, k) for k, v in A.LAUNCH_QUANTIZE.items() if k not in ("quarter",))


@action("quantize", "grid?", family="transport",
        doc="Set Live's global launch quantization: :none :bar :2-bars :4-bars :8-bars :half :beat 1/8 1/16 ... "
            "Without an argument, answers it as a keyword.",
        example="(quantize :bar)")
def quantize(ctx: ActionContext, grid=None):
    if grid is None:
        return Keyword.of(_QUANT_NAMES.get(int(ctx.song.clip_trigger_quantization), "bar"))
    import Live
    q = live_enum(Live.Song.Quantization, A.launch_quantize("quantize", grid))
    ctx.write(ctx.song, "clip_trigger_quantization", q)


_REC_Q = {"none": 0, "quarter": 1, "beat": 1, "eighth": 2, "eighth-triplet": 3, "sixteenth": 5,
          "sixteenth-triplet": 6, "thirty-second": 8}


@action("record-quantize", "grid", family="transport",
        doc="Set the MIDI record quantization: 1/4 1/8 1/16 1/32 (or :none).", example="(record-quantize 1/16)")
def record_quantize(ctx: ActionContext, grid):
    if type(grid) is Keyword and grid.name in _REC_Q:
        q = _REC_Q[grid.name]
    else:
        q = A.note_grid("record-quantize", grid)[0]
    import Live
    ctx.write(ctx.song, "midi_recording_quantization", live_enum(Live.Song.RecordingQuantization, q))


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
    names = ", ".join('"%s"' % c.name for c in ctx.song.cue_points) or "none"
    ctx.fail('found no locator "%s"; locators are: %s' % (name, names))


@action("jump-to", "position", family="transport",
        doc="Move the playhead to a beat (0 = the start; a bar is 4 beats in 4/4) or to a locator by name.",
        example="(jump-to 16)")
def jump_to(ctx: ActionContext, position):
    if isinstance(position, str):
        ctx.call(_cue_named(ctx, position), "jump")
        return None
    beats = A.number("jump-to", position, "a position in beats or a locator name")
    if beats < 0:
        ctx.fail("expects a position of 0 or more beats, got %s" % describe(position))
    ctx.write(ctx.song, "current_song_time", float(beats))


@action("jump-by", "beats", family="transport", doc="Move the playhead by a number of beats (negative: back).",
        example="(jump-by -4)")
def jump_by(ctx: ActionContext, beats):
    ctx.call(ctx.song, "jump_by", float(A.number("jump-by", beats, "a number of beats")))


@action("loop", "target? state-or-options*", family="transport",
        doc="The arrangement loop: (loop) toggles it, (loop on) / (loop :off) switch it, (loop :start 16 :length 8) "
            "sets its region in beats. With a clip, the clip's loop: (loop C :start 0 :length 8), (loop C off).",
        example="(loop (clip 1 1) :start 0 :length 8)")
def loop(ctx: ActionContext, *args):
    target = None
    if args and not (type(args[0]) is Keyword or A.is_number(args[0]) or isinstance(args[0], bool)):
        target, args = args[0], args[1:]
    rest, opts = A.split_options("loop", args, ("start", "length", "end"))
    if target is None:
        song = ctx.song
        if "start" in opts:
            ctx.write(song, "loop_start", float(A.number("loop", opts["start"], "a start in beats")))
        if "length" in opts:
            ctx.write(song, "loop_length", float(A.positive("loop", opts["length"], "a length in beats")))
        if rest or not opts:
            return song_switch(ctx, song, "loop", rest)
        ctx.write(song, "loop", True)
        return True
    result = None
    for clip in ctx.clips(target):
        if "start" in opts or "length" in opts or "end" in opts:
            start = float(A.number("loop", opts.get("start", clip.loop_start), "a start in beats"))
            if "length" in opts:
                end = start + float(A.positive("loop", opts["length"], "a length in beats"))
            else:
                end = float(A.number("loop", opts.get("end", clip.loop_end), "an end in beats"))
            if end <= start:
                ctx.fail("expects the loop end after its start (%s..%s)" % (start, end))
            ctx.write(clip, "looping", True)
            # Move the end first when the loop moves right, so start < end holds at every step.
            if start >= clip.loop_end:
                ctx.write(clip, "loop_end", end)
                ctx.write(clip, "loop_start", start)
            else:
                ctx.write(clip, "loop_start", start)
                ctx.write(clip, "loop_end", end)
            result = True
        if rest or not opts:
            result = switch_value(ctx, bool(clip.looping), rest)
            ctx.write(clip, "looping", result)
    return result


@action("loop-start", "beats?", family="transport",
        doc="Set where the arrangement loop starts, in beats; without an argument, answer it.",
        example="(loop-start 32)")
def loop_start(ctx: ActionContext, beats=None):
    if beats is None:
        return ctx.song.loop_start
    ctx.write(ctx.song, "loop_start", float(A.number("loop-start", beats, "a position in beats")))


@action("loop-length", "beats?", family="transport",
        doc="Set the arrangement loop's length in beats; without an argument, answer it.", example="(loop-length 16)")
def loop_length(ctx: ActionContext, beats=None):
    if beats is None:
        return ctx.song.loop_length
    if isinstance(beats, By):
        beats = ctx.song.loop_length + beats.delta
    ctx.write(ctx.song, "loop_length", float(A.positive("loop-length", beats, "a length in beats")))


@action("back-to-arrangement", "", family="transport",
        doc="Let the arrangement take over again from session clips (Live's Back to Arrangement button).",
        example="(back-to-arrangement)")
def back_to_arrangement(ctx: ActionContext):
    ctx.write(ctx.song, "back_to_arranger", False)


@action("capture-midi", "", family="transport", doc="Capture the MIDI you just played (Live's Capture button).",
        example="(capture-midi)")
def capture_midi(ctx: ActionContext):
    ctx.call(ctx.song, "capture_midi")


@action("groove-amount", "amount?", family="transport",
        doc="Set the global groove amount (0..1.3, 1.0 is 100%); without an argument, answer it.",
        example="(groove-amount 0.5)")
def groove_amount(ctx: ActionContext, amount=None):
    if amount is None:
        return ctx.song.groove_amount
    ctx.write(ctx.song, "groove_amount", float(A.in_range("groove-amount", amount, 0.0, 1.3, "an amount")))


@action("swing", "amount?", family="transport",
        doc="Set the swing amount used by quantizing (0..1); without an argument, answer it.",
        example="(swing 0.25)")
def swing(ctx: ActionContext, amount=None):
    if amount is None:
        return ctx.song.swing_amount
    ctx.write(ctx.song, "swing_amount", float(A.in_range("swing", amount, 0.0, 1.0, "an amount")))


NOTE_NAMES = ["c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b"]
_FLATS = {"db": 1, "eb": 3, "gb": 6, "ab": 8, "bb": 10}


def root_number(action_name, value):
    if A.is_number(value):
        return A.integer(action_name, value, "a root note 0..11") % 12
    text = A.text(action_name, value, "a root note like \"D\" or \"F#\"").lower()
    if text in NOTE_NAMES:
        return NOTE_NAMES.index(text)
    if text in _FLATS:
        return _FLATS[text]
    A.fail(action_name, "expects a root note like \"D\", \"F#\" or \"Bb\", got %s" % describe(value))


@action("scale", "name? options*", family="transport",
        doc="Set the song's scale: (scale \"Minor\" :root \"D\"). Without arguments, answers "
            "{:root \"D\" :name \"Minor\"}.",
        example="(scale \"Dorian\" :root \"A\")")
def scale(ctx: ActionContext, *args):
    song = ctx.song
    rest, opts = A.split_options("scale", args, ("root",))
    if not rest and not opts:
        return A.to_map([("root", NOTE_NAMES[song.root_note].upper()), ("name", song.scale_name)])
    if "root" in opts:
        ctx.write(song, "root_note", root_number("scale", opts["root"]))
    if rest:
        ctx.write(song, "scale_name", A.text("scale", rest[0], "a scale name like \"Minor\""))


@action("create-locator", "name? beat?", family="transport",
        doc="Add a locator at the playhead (or at a beat, moving the playhead there) and name it.",
        example="(create-locator \"Drop\" 64)")
def create_locator(ctx: ActionContext, name=None, beat=None):
    song = ctx.song
    if beat is not None:
        ctx.write(song, "current_song_time", float(A.number("create-locator", beat, "a position in beats")))
    if not song.is_cue_point_selected():
        ctx.call(song, "set_or_delete_cue")
    if name is not None:
        now = song.current_song_time
        for cue in song.cue_points:
            if abs(cue.time - now) < 1e-6:
                ctx.write(cue, "name", A.text("create-locator", name))
    return None


@action("delete-locator", "name", family="transport",
        doc="Delete the locator with this name (the playhead moves to it, as when deleting in Live).",
        example="(delete-locator \"Drop\")")
def delete_locator(ctx: ActionContext, name):
    cue = _cue_named(ctx, A.text("delete-locator", name))
    ctx.write(ctx.song, "current_song_time", cue.time)
    if ctx.song.is_cue_point_selected():
        ctx.call(ctx.song, "set_or_delete_cue")


@action("jump-to-locator", "which", family="transport",
        doc="Jump to a locator by name, or :next / :prev.", example="(jump-to-locator \"Chorus\")")
def jump_to_locator(ctx: ActionContext, which):
    if type(which) is Keyword and which.name in ("next", "prev", "previous"):
        ctx.call(ctx.song, "jump_to_next_cue" if which.name == "next" else "jump_to_prev_cue")
        return None
    ctx.call(_cue_named(ctx, A.text("jump-to-locator", which)), "jump")


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


@action("song-data", "key value?", family="transport",
        doc="Store text in the Live Set (saved with it) under a key, or read it back: (song-data \"cue\" \"verse\").",
        example="(song-data \"last-macro\" \"setup\")")
def song_data(ctx: ActionContext, key, value=None):
    key = A.text("song-data", key)
    if value is None:
        return ctx.song.get_data(key, None)
    ctx.call(ctx.song, "set_data", key, value)
    return value


