"""A table of mistakes a musician makes and the exact message each gets, inside Live (virtual
Live, the same code as real Live). Every message has the one shape of interpreter/friend.py:
``NAME: what is wrong; how to fix`` (a did-you-mean, the usage, or what there is). The file and
position are added in front (checked in test_messages_are_located).

To change a wording, change it here on purpose: the table is the contract (after Fennel's
test/failures.fnl)."""
import pytest

from lmac.interpreter.values import LmacError
from test_family_support import Env

MISTAKES = [
    ("(volume (track 1) 2.0)",
     "volume: the level must be a number from 0.0 to 1.0, got 2.0; usage: (volume target? level?)"),
    ("(volume (track 1) \"loud\")",
     "volume: the level must be a number from 0.0 to 1.0, (by d), (ramp v :bars n) or :reset, got \"loud\"; usage: (volume target? level?)"),
    ("(volume (track 1) :rest)",
     "volume: the level must be a number from 0.0 to 1.0, (by d), (ramp v :bars n) or :reset, got :rest; did you mean :reset? usage: (volume target? level?)"),
    ("(volume 1 2 3)",
     "volume: expects at most 2 arguments, got 3; usage: (volume target? level?)"),
    ("(pan (track 1) 1.5)",
     "pan: the pan position must be a number from -1.0 to 1.0, got 1.5; usage: (pan target? position?)"),
    ("(send (track 1) \"A\" 1.2)",
     "send: the send level must be a number from 0.0 to 1.0, got 1.2; usage: (send target? send level?)"),
    ("(send)",
     "send: missing the send; usage: (send target? send level?)"),
    ("(send (track 1) \"C\" 0.5)",
     "send: there is no send \"C\"; the set has 2 return tracks: A Reverb, B Delay"),
    ("(send (track \"Bas\") \"A\" 0.3)",
     "send: (track \"Bas\") matched no track; did you mean \"Bass\"? tracks are: Rhythm, Drums, Bass, Keys, Vox"),
    ("(crossfade-assign (track 1) :c)",
     "crossfade-assign: the crossfader side must be :a, :none, :off or :b, got :c; usage: (crossfade-assign target? side)"),
    ("(crossfade-assign)",
     "crossfade-assign: missing the crossfader side; usage: (crossfade-assign target? side)"),
    ("(crossfader 3)",
     "crossfader: the crossfader position must be a number from -1.0 to 1.0, got 3; usage: (crossfader position?)"),
    ("(panning-mode (track 1) :splitt)",
     "panning-mode: the panning mode must be :stereo, :split or :split-stereo, got :splitt; did you mean :split? usage: (panning-mode target? mode)"),
    ("(split-pan (track 1) -2 0)",
     "split-pan: the left position must be a number from -1.0 to 1.0, got -2; usage: (split-pan target? left right)"),
    ("(fire (clip 1 1) :quantise :bar)",
     "fire: does not know the option :quantise; did you mean :quantize? usage: (fire clip? :quantize grid)"),
    ("(fire (clip 1 1) :quantize :bra)",
     "fire: :quantize must be a launch grid like :bar, :beat, 1/16 or :none, got :bra; did you mean :bar? usage: (fire clip? :quantize grid)"),
    ("(fire (clip 1 1) :quantize)",
     "fire: :quantize needs a value (a launch grid like :bar, :beat, 1/16 or :none); usage: (fire clip? :quantize grid)"),
    ("(fire (clip 1 1) :quantize 1/5)",
     "fire: :quantize must be a launch grid like :bar, :beat, 1/16 or :none, got 0.2; usage: (fire clip? :quantize grid)"),
    ("(launch-scene (scene \"Chorsu\"))",
     "launch-scene: (scene \"Chorsu\") matched no scene; did you mean \"Chorus\"? scenes are: Intro, Verse, Chorus, Outro"),
    ("(launch-scene (scene 99))",
     "launch-scene: (scene 99) matched no scene; scenes are: Intro, Verse, Chorus, Outro"),
    ("(launch-scene (scene 1) :quantize :sometimes)",
     "launch-scene: :quantize must be a launch grid like :bar, :beat, 1/16 or :none, got :sometimes; usage: (launch-scene scene? :quantize grid)"),
    ("(arm (track \"Vox2\"))",
     "arm: (track \"Vox2\") matched no track; did you mean \"Vox\"? tracks are: Rhythm, Drums, Bass, Keys, Vox"),
    ("(arm (track 42))",
     "arm: (track 42) matched no track; tracks are: Rhythm, Drums, Bass, Keys, Vox"),
    ("(arm :all)",
     "arm: the target must be a track like (track 1), got :all; write all without the colon; usage: (arm target?)"),
    ("(arm (track 1) (track 2))",
     "arm: expects at most 1 argument, got 2; usage: (arm target?)"),
    ("(add-note (clip \"Keys\" 1) 60 0)",
     "add-note: missing the duration; usage: (add-note clip? pitch start duration velocity?)"),
    ("(volume (track \"Keys\") (by 0.5) 2)",
     "volume: expects at most 2 arguments, got 3; usage: (volume target? level?)"),
    ("(set-param (param \"Nope\") 0.5)",
     "set-param: (param \"Nope\") matched no parameter; name it as Live's device shows it, e.g. (param (device \"Compressor\") \"Threshold\")"),
    ("(chain-mute (device (track \"Rhythm\") 1) 1)",
     "chain-mute: (device (track \"Rhythm\") 1) matched no device; devices in the set: 909 Core Kit, Glue Compressor, Operator, Saturator, Wavetable, Chorus-Ensemble, EQ Eight, Compressor, Reverb, Delay, Limiter"),
    ("(jump-to-locator \"Chorsu\")",
     "jump-to-locator: there is no locator \"Chorsu\"; did you mean \"Chorus\"? locators are: \"Intro\", \"Verse\", \"Chorus\", \"Outro\""),
    ("(fire (clip \"Verze\"))",
     "fire: (clip \"Verze\") matched no clip; clips are: Kick + Hats, Beat, Bass A, Bass B, Pad, Pad Out, Hook"),
    ("(mute (tracks \"Synth*\"))",
     "mute: (tracks \"Synth*\") matched no track; tracks are: Rhythm, Drums, Bass, Keys, Vox"),
    ("(tempo \"fast\")",
     "tempo: the tempo must be a number of BPM from 20 to 999, (by d) or (ramp bpm :bars n), got \"fast\"; usage: (tempo bpm?)"),
    ("(tempo 1 2)",
     "tempo: expects at most 1 argument, got 2; usage: (tempo bpm?)"),
    ("(signature 7 5)",
     "signature: the denominator must be 1, 2, 4, 8 or 16, got 5; usage: (signature numerator? denominator?)"),
    ("(signature 0 4)",
     "signature: the numerator must be a whole number from 1 to 99, got 0; usage: (signature numerator? denominator?)"),
    ("(metronome :maybe)",
     "metronome: the state must be on, off or :toggle, got :maybe; usage: (metronome state?)"),
    ("(metronome on off)",
     "metronome: expects at most 1 argument, got 2; usage: (metronome state?)"),
    ("(quantize :bars)",
     "quantize: the grid must be a launch grid like :bar, :beat, 1/16 or :none, got :bars; did you mean :bar? usage: (quantize grid?)"),
    ("(record-quantize 1/5)",
     "record-quantize: the grid must be 1/4, 1/8, 1/16 or 1/32 (or :sixteenth ...), got 0.2; usage: (record-quantize grid)"),
    ("(jump-to -4)",
     "jump-to: the position must be a number of beats of 0 or more or a locator name, got -4; usage: (jump-to position)"),
    ("(jump-to-locator :nxt)",
     "jump-to-locator: the locator must be a name in quotes, :next or :prev, got :nxt; did you mean :next? usage: (jump-to-locator which)"),
    ("(jump-to-locator \"Nowhere\")",
     "jump-to-locator: there is no locator \"Nowhere\"; locators are: \"Intro\", \"Verse\", \"Chorus\", \"Outro\""),
    ("(loop :start -1)",
     "loop: :start must be a number of 0.0 or more, got -1; usage: (loop target? state? :start n :length n :end n)"),
    ("(loop :length 0)",
     "loop: :length must be a number above 0.0, got 0; usage: (loop target? state? :start n :length n :end n)"),
    ("(loop-length 0)",
     "loop-length: the length must be a number of beats above 0 or (by d), got 0; usage: (loop-length beats?)"),
    ("(groove-amount 2)",
     "groove-amount: the amount must be a number from 0.0 to 1.3, got 2; usage: (groove-amount amount?)"),
    ("(scale \"Minor\" :root \"H\")",
     "scale: :root must be a note like \"D\", \"F#\" or \"Bb\" (or 0..11), got \"H\"; usage: (scale name? :root note)"),
    ("(scale \"Minor\" :rot \"D\")",
     "scale: does not know the option :rot; did you mean :root? usage: (scale name? :root note)"),
    ("(create-track :synth)",
     "create-track: the kind of track must be :midi or :audio, got :synth; usage: (create-track kind? position?)"),
    ("(create-track midi 99)",
     "create-track: the position must be from 1 to 6, got 99; 6 is the end"),
    ("(create-scene 0)",
     "create-scene: the position must be a whole number of 1 or more, got 0; usage: (create-scene position?)"),
    ("(name (track 1) \"A\" \"B\")",
     "name: expects at most 2 arguments, got 3; usage: (name target? new-name?)"),
    ("(color (track 1) :redd)",
     "color: the colour must be a colour like :red, a palette number 0..69 or an RGB number, got :redd; did you mean :red? usage: (color target? colour?)"),
    ("(color (track 1) -5)",
     "color: the colour must be a colour like :red, a palette number 0..69 or an RGB number up to 0xFFFFFF, got -5; usage: (color target? colour?)"),
    ("(monitor (track \"Vox\") :on)",
     "monitor: the monitoring mode must be :in, :auto or :off, got :on; usage: (monitor target? mode)"),
    ("(stop-clips (track 1) :later)",
     "stop-clips: the timing must be :now, got :later; usage: (stop-clips target? now?)"),
    ("(implicit-arm (track 1) :maybe)",
     "implicit-arm: the state must be on or off, got :maybe; usage: (implicit-arm target? state?)"),
    ("(create-clip (clip \"Drums\" 1) 2)",
     "create-clip: Drums already has a clip in that slot; pick an empty slot, e.g. (clip \"Drums\" 4)"),
    ("(create-clip (clip \"Vox\" 3) 1)",
     "create-clip: Vox already has a clip in that slot; pick an empty slot, e.g. (clip \"Vox\" 1)"),
    ("(create-clip (clip \"Drums\" 4) 0)",
     "create-clip: the length in bars must be a number above 0.0, got 0; usage: (create-clip slot? bars?)"),
    ("(clip-loop (clip \"Drums\" 1) :length 0)",
     "clip-loop: :length must be a number above 0.0, got 0; usage: (clip-loop clip? length? :start n :length n :end n :on on/off)"),
    ("(clip-loop (clip \"Drums\" 1) :lenght 4)",
     "clip-loop: does not know the option :lenght; did you mean :length? usage: (clip-loop clip? length? :start n :length n :end n :on on/off)"),
    ("(launch-mode (clip \"Keys\" 1) :gated)",
     "launch-mode: the launch mode must be :trigger, :gate, :toggle or :repeat, got :gated; did you mean :gate? usage: (launch-mode clip? mode)"),
    ("(launch-quantize (clip \"Keys\" 1) :bra)",
     "launch-quantize: the grid must be a launch grid like :bar, :beat, 1/16 or :none, got :bra; did you mean :bar? usage: (launch-quantize clip? grid)"),
    ("(warp-mode (clip \"Keys\" 1) :complex)",
     "warp-mode: Pad is a MIDI clip; use it on audio clips"),
    ("(warp-mode (clip 5 1) :complx)",
     "warp-mode: the warp mode must be :beats, :tones, :texture, :repitch, :complex or :complex-pro, got :complx; did you mean :complex? usage: (warp-mode clip? mode)"),
    ("(detune (clip \"Keys\" 1) 60)",
     "detune: the detune must be a number from -50 to 50, got 60; usage: (detune clip? cents)"),
    ("(transpose (clip \"Keys\" 1) 1.5)",
     "transpose: the number of semitones must be a whole number from -127 to 127, got 1.5; usage: (transpose clip? semitones)"),
    ("(quantize-clip (clip \"Keys\" 1) 1/5)",
     "quantize-clip: the grid must be 1/4, 1/8, 1/16 or 1/32 (or :sixteenth ...), got 0.2; usage: (quantize-clip clip? grid strength?)"),
    ("(add-note (clip \"Keys\" 1) 200 0 1)",
     "add-note: the pitch must be a whole number from 0 to 127, got 200; usage: (add-note clip? pitch start duration velocity?)"),
    ("(add-note (clip \"Keys\" 1) 60 0)",
     "add-note: missing the duration; usage: (add-note clip? pitch start duration velocity?)"),
    ("(add-notes (clip \"Keys\" 1) 60)",
     "add-notes: the notes must be a vector like [[60 0 1 100] [64 1 1 90]], got 60; usage: (add-notes clip? notes)"),
    ("(velocity (clip \"Keys\" 1) 200)",
     "velocity: the velocity must be a number from 1 to 127 or (by d), got 200; usage: (velocity clip? velocity :pitch v)"),
    ("(delete-notes (clip \"Keys\" 1) :pitch 300)",
     "delete-notes: :pitch must be a pitch from 0 to 127 like 36 or a range like [36 48], got 300; usage: (delete-notes clip? :pitch v)"),
    ("(delete-notes (clip \"Keys\" 1) :ptich 36)",
     "delete-notes: does not know the option :ptich; did you mean :pitch? usage: (delete-notes clip? :pitch v)"),
    ("(note-probability (clip \"Keys\" 1) 2)",
     "note-probability: the chance must be a number from 0.0 to 1.0, got 2; usage: (note-probability clip? chance :pitch v)"),
    ("(add-device \"Compresor\")",
     "add-device: Live refused to insert device on track \"Drums\": 'Compresor' is not a native Live device; "
     "give the name as Live's browser shows it, like \"Compressor\" or \"Auto Filter\""),
    ("(add-device 5)",
     "add-device: the device name must be a device name in quotes like \"Compressor\", got 5; usage: (add-device target? name :at position)"),
    ("(add-device \"Compressor\" :at 0)",
     "add-device: :at must be a whole number of 1 or more, got 0; usage: (add-device target? name :at position)"),
    ("(set-param (device (track \"Bass\") \"Operator\") \"Volumee\" 0.5)",
     "set-param: Operator has no parameter \"Volumee\"; did you mean \"Volume\"?"),
    ("(macro (device (track \"Bass\") \"Operator\") 1 0.5)",
     "macro: Operator is not a rack; give an Instrument, Audio Effect, MIDI Effect or Drum Rack, e.g. (device \"Drum Rack\")"),
    ("(macro (device \"Glue Compressor\") 17 0.5)",
     "macro: the macro number must be a whole number from 1 to 16, got 17; usage: (macro rack? n value)"),
    ("(chain-mute 5)",
     "chain-mute: Glue Compressor is not a rack; give an Instrument, Audio Effect, MIDI Effect or Drum Rack, e.g. (device \"Drum Rack\")"),
    ("(move-device (device (track \"Bass\") \"Saturator\") 9)",
     "move-device: the position must be from 1 to 2, got 9; Bass holds 2 devices"),
    ("(device-on (device (track \"Bass\") \"Compresor\"))",
     "device-on: (device (track \"Bass\") \"Compresor\") matched no device; did you mean \"Compressor\"? devices in the set: 909 Core Kit, Glue Compressor, Operator, Saturator, Wavetable, Chorus-Ensemble, EQ Eight, Compressor, Reverb, Delay, Limiter"),
    ("(show :mixer)",
     "show: the view must be :session, :arrangement, :arranger, :detail, :browser, :clip, :device or :devices, got :mixer; usage: (show view)"),
    ("(scroll :session :sideways)",
     "scroll: the direction must be :up, :down, :left or :right, got :sideways; usage: (scroll view direction)"),
    ("(next-track 1.5)",
     "next-track: the number of steps must be a whole number, got 1.5; usage: (next-track n?)"),
    ("(recall \"chorus\")",
     "recall: there is no snapshot \"chorus\"; snapshots: none yet"),
    ("(recall \"verse\" :bars 0)",
     "recall: :bars must be a number above 0.0, got 0; usage: (recall name :bars n :ms milliseconds)"),
    ("(send-cc 17 1 1)",
     "send-cc: the MIDI channel must be a whole number from 1 to 16, got 17; usage: (send-cc channel cc value)"),
    ("(send-note 1 128 1)",
     "send-note: the note number must be a whole number from 0 to 127, got 128; usage: (send-note channel note velocity)"),
    ("(send-midi 144)",
     "send-midi: the bytes must be a vector like [176 7 100], got 144; usage: (send-midi bytes)"),
    ("(note 36 :channel 2)",
     "note: does not know the option :channel; its options are :ch; usage: (note number :ch channel)"),
    ("(note 36 :ch 17)",
     "note: :ch must be a MIDI channel 1..16 or :any, got 17; usage: (note number :ch channel)"),
    ("(cc 21 :relative :relative-signed-bit)",
     "cc: choose one encoder mode, got :relative :relative-signed-bit; keep the one your controller sends"),
    ("(pads 36)",
     "pads: needs at least two notes, got 1; usage: (pads 36 37 38)"),
    ("(scene-tempo (scene 1) 5)",
     "scene-tempo: the tempo must be a number of BPM from 20 to 999 or :off, got 5; usage: (scene-tempo scene? bpm)"),
    ("(clip-signature (clip \"Keys\" 1) 3 5)",
     "clip-signature: the denominator must be 1, 2, 4, 8 or 16, got 5; usage: (clip-signature clip? numerator denominator)"),
    ("(track 1.5)",
     "track: the track must be a number like 1 or a name like \"Bass\", got 1.5; usage: (track number-or-name)"),
    ("(track :bass)",
     "track: the track must be a number like 1 or a name like \"Bass\", got :bass; usage: (track number-or-name)"),
    ("(where 5)",
     "where: the test must be a function like (fn (t) ...), got 5; usage: (where pred)"),
    ("(track-data (track 1) 5 \"x\")",
     "track-data: the key must be a key in quotes like \"role\", got 5; usage: (track-data target key value?)"),
]


@pytest.mark.parametrize("code,message", MISTAKES, ids=[c for c, _ in MISTAKES])
def test_mistake_gets_its_exact_message(code, message):
    with pytest.raises(LmacError) as e:
        Env().run(code)
    assert e.value.message == message


def test_the_table_covers_each_kind_of_mistake():
    messages = [m for _, m in MISTAKES]
    assert len(MISTAKES) >= 60
    assert sum("expects at most" in m or "missing the" in m for m in messages) >= 5        # arity
    assert sum("must be" in m for m in messages) >= 30                                     # types, ranges
    assert sum("does not know the option" in m for m in messages) >= 5                     # options
    assert sum(m.split("; ")[0].split(": ", 1)[1].startswith(":") for m in messages) >= 5  # option values
    assert sum("did you mean" in m for m in messages) >= 15                                # suggestions
    assert sum("matched no" in m for m in messages) >= 8                                   # selectors


def test_every_message_has_the_one_shape():
    for code, message in MISTAKES:
        name = code[1:].split()[0].rstrip(")")
        assert message.startswith(name + ": "), (code, message)
        assert "; " in message, ("no fix offered", code, message)


def test_messages_are_located():
    with pytest.raises(LmacError) as e:
        Env().run('(tempo 120)\n  (volume (track 1) 2.0)')
    assert str(e.value) == ("test.lmac:2:3: volume: the level must be a number from 0.0 to 1.0, got 2.0; "
                            "usage: (volume target? level?)")


def test_a_selector_that_matches_nothing_in_a_big_set_lists_a_few_names_and_the_count():
    """1000 tracks: the message names the first dozen and how many there are, not all of them."""
    from lmac.commands.session_factory import make_session
    from lmac.interpreter.values import LmacError
    session = make_session({"tracks": [{"kind": "midi", "name": "T%d" % i} for i in range(1000)],
                            "scenes": [{"name": ""}]}, output=lambda text: None)
    try:
        session.eval(session.read('(arm (track "Bass"))'))
    except LmacError as e:
        message = e.message
    assert message.endswith("tracks are: %s, ... (1000 in all)" % ", ".join("T%d" % i for i in range(12))), message
