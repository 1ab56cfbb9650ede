"""One Live-like set per Live major version, written by the builder, covering each element the .als
reader takes in. Shared by the .als tests (tests/inlive and tests/dev)."""
from lmac.surface.virtual_live.als.builder import SetBuilder, write_als

SIX_EIGHT = 5 + 99 * 3      # Live's signature number for 6/8
THREE_FOUR = 2 + 99 * 2     # 3/4
MIN_SEND = 0.0003162277571  # -70 dB: Live's "-inf" send


def describe(b):
    """The set: four scenes, a group with two tracks, an audio track, two returns, devices of each kind."""
    eq8_band3 = "<Bands.2><ParameterA>%s%s%s</ParameterA></Bands.2>" % (
        _manual("IsOn", "true"), _manual("Mode", 3), _manual("Gain", 4.5))
    synth_rack = b.rack("InstrumentGroupDevice", "InstrumentBranch",
                        [("Pad", [b.device("Operator")], False, False),
                         ("Sub", [b.plugin("Serum", "vst3"), b.device("Compressor2")], True, False)],
                        macros={0: 64.0, 2: 100.0}, macro_names={0: "Cutoff"}, user_name="Keys Rack")
    drum_rack = b.rack("DrumGroupDevice", "DrumBranch", [("Kick", [b.device("OriginalSimpler")], False, True)])
    fx_rack = b.rack("AudioEffectGroupDevice", "AudioEffectBranch",
                     [("Wide", [b.device("StereoGain", [("StereoSeparation", 2.0)])], False, False)])
    tracks = [
        {"kind": "group", "name": "Drums", "id": 50, "color": 14, "volume": 0.5, "fold": True},
        {"kind": "midi", "name": "Kick", "group": 50, "color": 1, "arm": True, "devices": [drum_rack],
         "clips": [{"slot": 0, "name": "Four", "color": 5, "loop_end": 4.0, "launch_quantization": 5,
                    "notes": [(36, 0.0, 0.25, 127, True), (36, 1.0, 0.25, 100, True), (36, 2.0, 0.25, 90, False)]}]},
        {"kind": "audio", "name": "Loop", "group": 50, "mute": True, "sends": [1.0, MIN_SEND],
         "devices": [b.device("Compressor2", [("Threshold", 0.1778279410), ("Ratio", 8.0), ("Gain", 3.0)],
                              user_name="Glue It"), fx_rack],
         "clips": [{"slot": 1, "name": "Break", "audio": "break.wav", "loop_on": False, "loop_end": 8.0,
                    "hidden_loop_start": 0.0, "hidden_loop_end": 4.0, "launch_mode": 1}]},
        {"kind": "midi", "name": "Keys", "solo": True, "pan": -0.5, "color": 9, "sends": [MIN_SEND, 0.5],
         "devices": [b.device("MidiArpeggiator"), synth_rack, b.plugin("ValhallaRoom", "vst"),
                     b.device("Eq8", [("GlobalGain", 2.0)], inner=eq8_band3), b.device("Reverb", on=False),
                     b.device("FutureDevice2031")],
         "clips": [{"slot": 0, "name": "Chords", "loop_start": 4.0, "loop_end": 12.0, "start_relative": 2.0,
                    "out_marker": 10.0, "legato": True, "velocity_amount": 0.5, "disabled": True,
                    "notes": [(60, 0.0, 1.0, 100, True, 0.5, 10.0, 30.0), (64, 0.0, 1.0, 90, True)]},
                   {"slot": 3, "name": "Lead", "loop_end": 2.0, "notes": [(72, 0.5, 0.5, 80, True)]}]},
        {"kind": "midi", "name": "Plug Synth", "devices": [b.plugin("Diva", "au"), b.device("MxDeviceAudioEffect", user_name="Convolver"),
                                                            b.max_device("MxDeviceMidiEffect", "euclid seq 1.1.amxd")]},
        {"kind": "return", "name": "A-Verb", "devices": [b.device("Reverb")], "sends": [MIN_SEND, MIN_SEND]},
        {"kind": "return", "name": "B-Echo", "devices": [b.device("Delay")], "volume": 0.25, "sends": [MIN_SEND, MIN_SEND]},
    ]
    if b.major <= 10:   # Live 9/10 scenes carry tempo and signature in their names
        scenes = [{"name": "Intro"}, {"name": "Drop 140 BPM"}, {"name": "Waltz 3/4", "color": 3}, {"name": ""}]
    else:
        scenes = [{"name": "Intro"}, {"name": "Drop", "tempo": 140.0}, {"name": "Waltz", "signature_id": THREE_FOUR, "color": 3},
                  {"name": ""}]
    return {"tempo": 128.0, "signature_id": SIX_EIGHT, "tracks": tracks, "scenes": scenes,
            "locators": [("Verse", 32.0), ("Intro", 0.0)], "loop": True, "loop_start": 8.0, "loop_length": 32.0,
            "main": {"volume": 0.5, "devices": [b.device("Limiter")]}, "global_quantization": 5, "scale": (2, "Dorian"),
            "extra": "<SomethingLive13Writes><Deep Value=\"1\" /></SomethingLive13Writes>"}


def _manual(tag, value):
    return "<%s><Manual Value=\"%s\" /></%s>" % (tag, value, tag)


def write_set(path, live_major, compress=True):
    b = SetBuilder(live_major)
    return write_als(str(path), b.build(describe(b)), compress)
