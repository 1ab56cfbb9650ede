"""Live 12 stock devices for virtual Live: the one table of browser entries and their parameters.

Each device: name (as in the browser), class_name (Device.class_name), kind (instrument /
audio_effect / midi_effect), folder (the browser root and, for effects, Live 12's category folder),
params. A param is (name, min, max, default[, unit]) or (name, [value items], default_index) for a
quantized one. Every device gets "Device On" as parameters[0]; racks get their macros.
Presets (e.g. drum kits) name the device they load.
"""

OFF_ON = ["Off", "On"]


def _eq8_bands():
    params = []
    freqs = [30, 100, 250, 500, 1000, 2500, 6000, 12000]
    for band in range(1, 9):
        params += [("%d Filter On A" % band, OFF_ON, 1 if band in (1, 8) else 0),
                   ("%d Filter Type A" % band, ["Low Cut 48", "Low Cut 12", "Low Shelf", "Bell", "Notch",
                                                "High Shelf", "High Cut 12", "High Cut 48"], 3),
                   ("%d Frequency A" % band, 10.0, 22000.0, float(freqs[band - 1]), "Hz"),
                   ("%d Gain A" % band, -15.0, 15.0, 0.0, "dB"),
                   ("%d Resonance A" % band, 0.1, 18.0, 0.71)]
    return params


def _macros():
    return [("Macro %d" % i, 0.0, 127.0, 0.0) for i in range(1, 17)] + [("Chain Selector", 0.0, 127.0, 0.0)]


# A drum kit preset's pads from C1 (note 36) up, in General MIDI's drum order (closed hat on 42,
# open hat on 46): each pad one chain holding a Simpler and its sample.
KIT_SOUNDS = ("Kick", "Rim", "Snare", "Clap", "Snare 2", "Low Tom", "Closed Hat", "Floor Tom",
              "Pedal Hat", "Mid Tom", "Open Hat", "Perc", "High Tom", "Crash", "Cowbell", "Ride")
SAMPLE_LENGTH = 22050       # samples (half a second at 44.1 kHz): virtual Live has no audio files


def _kit(model):
    return [(36 + i, "%s %s" % (sound, model), "%s %s.wav" % (sound, model)) for i, sound in enumerate(KIT_SOUNDS)]


AE = "audio_effects"
DEVICES = [
    # -- instruments -------------------------------------------------------------------------
    dict(name="Analog", class_name="UltraAnalog", kind="instrument", folder=["instruments"], params=[
        ("OSC1 Shape", ["Sine", "Saw", "Rectangle", "White Noise"], 1), ("OSC1 Octave", -3.0, 3.0, 0.0),
        ("F1 Freq", 30.0, 18500.0, 18500.0, "Hz"), ("F1 Resonance", 0.0, 1.25, 0.0),
        ("AEG1 Attack", 0.0, 1.0, 0.0), ("AEG1 Release", 0.0, 1.0, 0.3), ("Volume", -36.0, 6.0, -12.0, "dB")]),
    dict(name="Collision", class_name="Collision", kind="instrument", folder=["instruments"], params=[
        ("Res 1 Type", ["Beam", "Marimba", "String", "Membrane", "Plate", "Pipe", "Tube"], 0),
        ("Res 1 Decay", 0.0, 1.0, 0.5), ("Volume", -36.0, 6.0, -12.0, "dB")]),
    dict(name="Drift", class_name="Drift", kind="instrument", folder=["instruments"], params=[
        ("Osc 1 Wave", ["Sine", "Triangle", "Shark Tooth", "Saturated", "Saw", "Pulse", "Rectangle"], 4),
        ("Osc 1 Shape", 0.0, 1.0, 0.0), ("Osc 2 Wave", ["Sine", "Triangle", "Saturated", "Saw", "Rectangle"], 3),
        ("Osc 2 Detune", -1.0, 1.0, 0.0), ("LP Freq", 20.0, 20000.0, 20000.0, "Hz"), ("LP Reso", 0.0, 1.0, 0.0),
        ("Env 1 Attack", 0.0, 1.0, 0.0), ("Env 1 Decay", 0.0, 1.0, 0.5), ("Env 1 Sustain", 0.0, 1.0, 1.0),
        ("Env 1 Release", 0.0, 1.0, 0.2), ("Voice Mode", ["Poly", "Mono", "Stereo", "Unison"], 0),
        ("Volume", -36.0, 0.0, -7.0, "dB")]),
    dict(name="Electric", class_name="LoungeLizard", kind="instrument", folder=["instruments"], params=[
        ("M Stiffness", 0.0, 1.0, 0.5), ("F Tine Color", 0.0, 1.0, 0.5), ("Volume", -36.0, 6.0, -12.0, "dB")]),
    dict(name="Meld", class_name="InstrumentMeld", kind="instrument", folder=["instruments"], params=[
        ("A Osc Type", ["Basic Shapes", "Dual Basic Shapes", "Noise Loop", "Sub Osc", "Swarm Sine", "Bitgrunge"], 0),
        ("A Osc Tone", 0.0, 1.0, 0.5), ("A Filter Freq", 20.0, 20000.0, 20000.0, "Hz"),
        ("A Filter Q", 0.0, 1.0, 0.3), ("A Amp Attack", 0.0, 1.0, 0.0), ("A Amp Release", 0.0, 1.0, 0.3),
        ("Macro 1", 0.0, 1.0, 0.0), ("Macro 2", 0.0, 1.0, 0.0), ("Volume", -36.0, 0.0, -12.0, "dB")]),
    dict(name="Operator", class_name="Operator", kind="instrument", folder=["instruments"], params=[
        ("Algorithm", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], 0),
        ("Oscillator", ["A", "B", "C", "D"], 0),
        ("A Coarse", 0.0, 48.0, 1.0), ("A Fine", 0.0, 1000.0, 0.0), ("A Level", -70.0, 0.0, 0.0, "dB"),
        ("Ae Attack", 0.0, 20000.0, 0.0, "ms"), ("Ae Decay", 0.0, 20000.0, 600.0, "ms"),
        ("Ae Sustain", -70.0, 0.0, 0.0, "dB"), ("Ae Release", 0.0, 20000.0, 50.0, "ms"),
        ("B Level", -70.0, 0.0, -70.0, "dB"), ("C Level", -70.0, 0.0, -70.0, "dB"), ("D Level", -70.0, 0.0, -70.0, "dB"),
        ("Filter On", OFF_ON, 0), ("Filter Freq", 30.0, 18500.0, 18500.0, "Hz"), ("Filter Res", 0.0, 1.25, 0.7),
        ("Tone", 0.0, 1.0, 0.7), ("Volume", -36.0, 0.0, -12.0, "dB")]),
    dict(name="Sampler", class_name="MultiSampler", kind="instrument", folder=["instruments"], params=[
        ("Filter Type", ["Lowpass", "Highpass", "Bandpass", "Notch", "Morph"], 0),
        ("Filter Freq", 30.0, 22000.0, 22000.0, "Hz"), ("Filter Res", 0.0, 1.25, 0.0),
        ("Ve Attack", 0.0, 20000.0, 0.1, "ms"), ("Ve Release", 0.0, 60000.0, 50.0, "ms"),
        ("Transpose", -48.0, 48.0, 0.0, "st"), ("Volume", -36.0, 36.0, -12.0, "dB")]),
    # Simpler's playback mode is SimplerDevice.playback_mode, not a parameter (Push's scripts wrap
    # the property to show it as one).
    dict(name="Simpler", class_name="OriginalSimpler", kind="instrument", folder=["instruments"],
         lom_class="SimplerDevice", params=[
        ("Snap", OFF_ON, 1),
        ("Filter Type", ["Lowpass", "Highpass", "Bandpass", "Notch", "Morph"], 0),
        ("Filter Freq", 30.0, 22000.0, 22000.0, "Hz"), ("Filter Res", 0.0, 1.25, 0.0),
        ("Ve Attack", 0.0, 20000.0, 0.1, "ms"), ("Ve Decay", 0.0, 60000.0, 600.0, "ms"),
        ("Ve Sustain", 0.0, 1.0, 1.0), ("Ve Release", 0.0, 60000.0, 50.0, "ms"),
        ("Transpose", -48.0, 48.0, 0.0, "st"), ("Volume", -36.0, 36.0, -12.0, "dB")]),
    dict(name="Tension", class_name="StringStudio", kind="instrument", folder=["instruments"], params=[
        ("Exc Type", ["Bow", "Hammer", "Hammer (bouncing)", "Plectrum"], 1), ("Volume", -36.0, 6.0, -12.0, "dB")]),
    dict(name="Wavetable", class_name="InstrumentVector", kind="instrument", folder=["instruments"], params=[
        ("Osc 1 On", OFF_ON, 1), ("Osc 1 Pos", 0.0, 1.0, 0.0), ("Osc 1 Gain", 0.0, 1.0, 0.5),
        ("Osc 2 On", OFF_ON, 0), ("Osc 2 Pos", 0.0, 1.0, 0.0),
        ("Filter 1 On", OFF_ON, 1), ("Filter 1 Freq", 20.0, 20000.0, 20000.0, "Hz"), ("Filter 1 Res", 0.0, 1.25, 0.0),
        ("Amp Attack", 0.0, 1.0, 0.0), ("Amp Decay", 0.0, 1.0, 0.5), ("Amp Sustain", 0.0, 1.0, 1.0),
        ("Amp Release", 0.0, 1.0, 0.3), ("Volume", -36.0, 6.0, -12.0, "dB")]),
    dict(name="Impulse", class_name="InstrumentImpulse", kind="instrument", folder=["instruments"], params=[
        ("Global Volume", -36.0, 0.0, -6.0, "dB"), ("Global Transpose", -24.0, 24.0, 0.0, "st")]),
    dict(name="Instrument Rack", class_name="InstrumentGroupDevice", kind="instrument", folder=["instruments"],
         rack=True, params=_macros()),
    dict(name="Drum Rack", class_name="DrumGroupDevice", kind="instrument", folder=["drums"], rack=True,
         drum_pads=True, also_in=["instruments"], params=_macros()),
    dict(name="606 Core Kit", preset_of="Drum Rack", folder=["drums"], pads=_kit("606")),
    dict(name="808 Core Kit", preset_of="Drum Rack", folder=["drums"], pads=_kit("808")),
    dict(name="909 Core Kit", preset_of="Drum Rack", folder=["drums"], pads=_kit("909")),
    # -- audio effects -----------------------------------------------------------------------
    dict(name="Audio Effect Rack", class_name="AudioEffectGroupDevice", kind="audio_effect", folder=[AE],
         rack=True, params=_macros()),
    dict(name="Compressor", class_name="Compressor2", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Threshold", -70.0, 6.0, 0.0, "dB"), ("Ratio", 1.0, 100.0, 4.0), ("Expansion Ratio", 1.0, 2.0, 1.15),
        ("Attack", 0.01, 1000.0, 2.0, "ms"), ("Release", 1.0, 3000.0, 50.0, "ms"), ("Auto Release On/Off", OFF_ON, 0),
        ("Output Gain", -36.0, 36.0, 0.0, "dB"), ("Makeup", OFF_ON, 0), ("Dry/Wet", 0.0, 1.0, 1.0, "%"),
        ("Model", ["Peak", "RMS", "Expand"], 0), ("Knee", 0.0, 18.0, 6.0, "dB"), ("LookAhead", ["0 ms", "1 ms", "10 ms"], 0),
        ("S/C On", OFF_ON, 0)]),
    dict(name="Glue Compressor", class_name="GlueCompressor", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Attack", ["0.01", "0.1", "0.3", "1", "3", "10", "30"], 3), ("Release", ["0.1", "0.2", "0.4", "0.6", "0.8", "1.2", "Auto"], 2),
        ("Ratio", ["2", "4", "10"], 0), ("Threshold", -40.0, 0.0, 0.0, "dB"), ("Makeup", 0.0, 20.0, 0.0, "dB"),
        ("Range", -60.0, 0.0, -60.0, "dB"), ("Dry/Wet", 0.0, 1.0, 1.0, "%"), ("Soft Clip", OFF_ON, 0)]),
    dict(name="Gate", class_name="Gate", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Threshold", -70.0, 0.0, -40.0, "dB"), ("Return", 0.0, 24.0, 3.0, "dB"), ("Attack", 0.02, 150.0, 0.1, "ms"),
        ("Hold", 0.02, 5000.0, 10.0, "ms"), ("Release", 1.0, 5000.0, 130.0, "ms"), ("Floor", -70.0, 0.0, -70.0, "dB"),
        ("Flip", OFF_ON, 0)]),
    dict(name="Limiter", class_name="Limiter", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Gain", -24.0, 24.0, 0.0, "dB"), ("Ceiling", -24.0, 0.0, -0.3, "dB"), ("Release", 0.01, 3000.0, 300.0, "ms"),
        ("Auto Release", OFF_ON, 1), ("Lookahead", ["1.5 ms", "3 ms", "6 ms"], 1), ("Link Channels", OFF_ON, 1)]),
    dict(name="Multiband Dynamics", class_name="MultibandDynamics", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Master Output", -24.0, 24.0, 0.0, "dB"), ("Amount", 0.0, 1.0, 1.0, "%"), ("Time Scaling", 0.1, 10.0, 1.0, "%"),
        ("Low-Mid Crossover", 50.0, 18000.0, 120.0, "Hz"), ("Mid-High Crossover", 50.0, 18000.0, 2500.0, "Hz"),
        ("Above Threshold (Low)", -80.0, 0.0, -20.0, "dB"), ("Above Ratio (Low)", 0.0, 100.0, 1.0),
        ("Above Threshold (Mid)", -80.0, 0.0, -20.0, "dB"), ("Above Ratio (Mid)", 0.0, 100.0, 1.0),
        ("Above Threshold (High)", -80.0, 0.0, -20.0, "dB"), ("Above Ratio (High)", 0.0, 100.0, 1.0)]),
    dict(name="Drum Buss", class_name="DrumBuss", kind="audio_effect", folder=[AE, "Dynamics"], params=[
        ("Drive", 0.0, 1.0, 0.2, "%"), ("Crunch", 0.0, 1.0, 0.0, "%"), ("Boom Amt", 0.0, 1.0, 0.0, "%"),
        ("Transients", -1.0, 1.0, 0.0, "%"), ("Output Gain", -36.0, 36.0, 0.0, "dB"), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="EQ Eight", class_name="Eq8", kind="audio_effect", folder=[AE, "EQ & Filters"], params=_eq8_bands() + [
        ("Output Gain", -12.0, 12.0, 0.0, "dB"), ("Scale", -2.0, 2.0, 1.0), ("Adaptive Q", OFF_ON, 1)]),
    dict(name="EQ Three", class_name="FilterEQ3", kind="audio_effect", folder=[AE, "EQ & Filters"], params=[
        ("GainLo", 0.0, 1.0, 0.85), ("GainMid", 0.0, 1.0, 0.85), ("GainHi", 0.0, 1.0, 0.85),
        ("LowOn", OFF_ON, 1), ("MidOn", OFF_ON, 1), ("HighOn", OFF_ON, 1),
        ("FreqLo", 50.0, 5000.0, 250.0, "Hz"), ("FreqHi", 200.0, 18000.0, 2500.0, "Hz")]),
    dict(name="Channel EQ", class_name="ChannelEq", kind="audio_effect", folder=[AE, "EQ & Filters"], params=[
        ("Highpass On", OFF_ON, 0), ("Low Gain", -15.0, 15.0, 0.0, "dB"), ("Mid Gain", -12.0, 12.0, 0.0, "dB"),
        ("Mid Freq", 120.0, 7500.0, 1500.0, "Hz"), ("High Gain", -15.0, 15.0, 0.0, "dB"), ("Output", -15.0, 15.0, 0.0, "dB")]),
    dict(name="Auto Filter", class_name="AutoFilter", kind="audio_effect", folder=[AE, "EQ & Filters"], params=[
        ("Filter Type", ["Lowpass", "Highpass", "Bandpass", "Notch", "Morph"], 0),
        ("Frequency", 20.0, 20000.0, 20000.0, "Hz"), ("Resonance", 0.0, 1.25, 0.0),
        ("Env. Modulation", -127.0, 127.0, 0.0), ("LFO Amount", 0.0, 30.0, 0.0), ("LFO Sync", OFF_ON, 0),
        ("LFO Frequency", 0.01, 10.0, 1.0, "Hz"), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Delay", class_name="Delay", kind="audio_effect", folder=[AE, "Delay & Loop"], params=[
        ("L Sync", OFF_ON, 1), ("L Sync Enum", ["1", "2", "3", "4", "5", "6", "8", "16"], 2), ("L Time", 1.0, 5000.0, 250.0, "ms"),
        ("R Sync", OFF_ON, 1), ("R Sync Enum", ["1", "2", "3", "4", "5", "6", "8", "16"], 3), ("R Time", 1.0, 5000.0, 250.0, "ms"),
        ("Link", OFF_ON, 1), ("Ping Pong", OFF_ON, 0), ("Feedback", 0.0, 0.95, 0.5, "%"),
        ("Filter On", OFF_ON, 1), ("Filter Freq", 50.0, 18000.0, 1000.0, "Hz"), ("Filter Width", 0.5, 9.0, 8.0),
        ("Freeze", OFF_ON, 0), ("Dry/Wet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Echo", class_name="Echo", kind="audio_effect", folder=[AE, "Delay & Loop"], params=[
        ("L Sync", OFF_ON, 1), ("L Division", ["1/64", "1/32", "1/16", "1/8", "1/4", "1/2", "1", "2"], 2),
        ("L Time", 1.0, 5000.0, 250.0, "ms"), ("Channel Mode", ["Stereo", "Ping Pong", "Mid/Side"], 0),
        ("Feedback", 0.0, 1.0, 0.5, "%"), ("Input Gain", -12.0, 12.0, 0.0, "dB"), ("Reverb Level", 0.0, 1.0, 0.0, "%"),
        ("Mod Depth", 0.0, 1.0, 0.0, "%"), ("Dry Wet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Grain Delay", class_name="GrainDelay", kind="audio_effect", folder=[AE, "Delay & Loop"], params=[
        ("Frequency", 1.0, 150.0, 60.0, "Hz"), ("Pitch", -36.0, 12.0, 0.0, "st"), ("Feedback", 0.0, 0.95, 0.0, "%"),
        ("DryWet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Beat Repeat", class_name="BeatRepeat", kind="audio_effect", folder=[AE, "Delay & Loop"], params=[
        ("Repeat", OFF_ON, 0), ("Chance", 0.0, 1.0, 1.0, "%"), ("Grid", ["1/32", "1/16", "1/8", "1/4", "1/2", "1 Bar"], 1),
        ("Volume", -36.0, 0.0, 0.0, "dB")]),
    dict(name="Reverb", class_name="Reverb", kind="audio_effect", folder=[AE, "Reverb & Resonance"], params=[
        ("PreDelay", 0.5, 250.0, 2.5, "ms"), ("In Filter Freq", 50.0, 18000.0, 8000.0, "Hz"),
        ("ER Spin On", OFF_ON, 1), ("Room Size", 0.22, 500.0, 100.0), ("Decay Time", 200.0, 60000.0, 1200.0, "ms"),
        ("Freeze On", OFF_ON, 0), ("Stereo Image", 0.0, 120.0, 100.0), ("Diffusion", 0.0, 1.0, 0.6, "%"),
        ("Reflect Level", -30.0, 6.0, 0.0, "dB"), ("Diffuse Level", -30.0, 6.0, 0.0, "dB"),
        ("Dry/Wet", 0.0, 1.0, 0.25, "%")]),
    dict(name="Hybrid Reverb", class_name="Hybrid", kind="audio_effect", folder=[AE, "Reverb & Resonance"], params=[
        ("Send Gain", -36.0, 6.0, 0.0, "dB"), ("Predelay", 0.5, 250.0, 10.0, "ms"), ("Blend", 0.0, 1.0, 0.5, "%"),
        ("Algo Decay", 0.1, 60.0, 2.0, "s"), ("Dry/Wet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Corpus", class_name="Corpus", kind="audio_effect", folder=[AE, "Reverb & Resonance"], params=[
        ("Resonance Type", ["Beam", "Marimba", "String", "Membrane", "Plate", "Pipe", "Tube"], 0),
        ("Decay", 0.0, 1.0, 0.5, "%"), ("Dry Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Chorus-Ensemble", class_name="Chorus2", kind="audio_effect", folder=[AE, "Modulation"], params=[
        ("Mode", ["Classic", "Ensemble", "Vibrato"], 0), ("Rate", 0.01, 20.0, 0.8, "Hz"), ("Amount", 0.0, 1.0, 0.5, "%"),
        ("Feedback", -1.0, 1.0, 0.0, "%"), ("Width", 0.0, 2.0, 1.0, "%"), ("Output", -36.0, 12.0, 0.0, "dB"),
        ("Dry Wet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Phaser-Flanger", class_name="PhaserNew", kind="audio_effect", folder=[AE, "Modulation"], params=[
        ("Mode", ["Phaser", "Flanger", "Doubler"], 0), ("Center Freq", 50.0, 18000.0, 1000.0, "Hz"),
        ("Feedback", -1.0, 1.0, 0.0, "%"), ("Mod Rate", 0.01, 40.0, 0.5, "Hz"), ("Amount", 0.0, 1.0, 0.5, "%"),
        ("Output Gain", -36.0, 12.0, 0.0, "dB"), ("Dry/Wet", 0.0, 1.0, 0.5, "%")]),
    dict(name="Auto Pan", class_name="AutoPan", kind="audio_effect", folder=[AE, "Modulation"], params=[
        ("Amount", 0.0, 1.0, 0.5, "%"), ("Frequency", 0.01, 10.0, 1.0, "Hz"), ("Phase", 0.0, 360.0, 180.0),
        ("Shape", 0.0, 1.0, 0.0, "%")]),
    dict(name="Saturator", class_name="Saturator", kind="audio_effect", folder=[AE, "Drive & Color"], params=[
        ("Drive", -36.0, 36.0, 0.0, "dB"), ("Type", ["Analog Clip", "Soft Sine", "Medium Curve", "Hard Curve",
                                                     "Sinoid Fold", "Digital Clip", "Bass Shaper", "Waveshaper"], 0),
        ("Color", OFF_ON, 0), ("Output", -36.0, 0.0, 0.0, "dB"), ("Soft Clip", OFF_ON, 0), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Overdrive", class_name="Overdrive", kind="audio_effect", folder=[AE, "Drive & Color"], params=[
        ("Drive", 0.0, 1.0, 0.5, "%"), ("Tone", 0.0, 1.0, 0.5, "%"), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Redux", class_name="Redux2", kind="audio_effect", folder=[AE, "Drive & Color"], params=[
        ("Sample Rate", 30.0, 40000.0, 40000.0, "Hz"), ("Bit Depth", 1.0, 16.0, 16.0), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Roar", class_name="Roar", kind="audio_effect", folder=[AE, "Drive & Color"], params=[
        ("Input Gain", -24.0, 24.0, 0.0, "dB"), ("Stage 1 Shaper Amount", 0.0, 1.0, 0.3, "%"),
        ("Output Gain", -24.0, 24.0, 0.0, "dB"), ("Dry/Wet", 0.0, 1.0, 1.0, "%")]),
    dict(name="Looper", class_name="Looper", kind="audio_effect", folder=[AE, "Delay & Loop"],
         lom_class="LooperDevice", looper=True, params=[
        ("State", ["Stop", "Record", "Play", "Overdub"], 0), ("Speed", -36.0, 36.0, 0.0, "st"),
        ("Reverse", OFF_ON, 0), ("Feedback", 0.0, 1.0, 1.0, "%"),
        ("Quantization", ["None", "Global", "1/16", "1/8", "1/4", "1/2", "1 Bar", "2 Bars", "4 Bars", "8 Bars"], 1)]),
    dict(name="Utility", class_name="StereoGain", kind="audio_effect", folder=[AE, "Utilities"], params=[
        ("Left Inv", OFF_ON, 0), ("Right Inv", OFF_ON, 0), ("Channel Mode", ["Left", "Stereo", "Right", "Swap"], 1),
        ("Stereo Width", 0.0, 4.0, 1.0, "%"), ("Mono", OFF_ON, 0), ("Balance", -1.0, 1.0, 0.0),
        ("Gain", -35.0, 35.0, 0.0, "dB"), ("Mute", OFF_ON, 0), ("DC Filter", OFF_ON, 0), ("Bass Mono", OFF_ON, 0)]),
    dict(name="Tuner", class_name="Tuner", kind="audio_effect", folder=[AE, "Utilities"], params=[]),
    dict(name="Spectrum", class_name="SpectrumAnalyzer", kind="audio_effect", folder=[AE, "Utilities"], params=[]),
    # -- MIDI effects --------------------------------------------------------------------------
    dict(name="MIDI Effect Rack", class_name="MidiEffectGroupDevice", kind="midi_effect", folder=["midi_effects"],
         rack=True, params=_macros()),
    dict(name="Arpeggiator", class_name="MidiArpeggiator", kind="midi_effect", folder=["midi_effects"], params=[
        ("Style", ["Up", "Down", "UpDown", "DownUp", "Up & Down", "Down & Up", "Converge", "Diverge", "Con & Diverge",
                   "Pinky Up", "Pinky UpDown", "Thumb Up", "Thumb UpDown", "Play Order", "Chord Trigger", "Random",
                   "Random Other", "Random Once"], 0),
        ("Synced Rate", ["1/1", "1/2", "1/3", "1/4", "1/6", "1/8", "1/12", "1/16", "1/24", "1/32", "1/48", "1/64"], 7),
        ("Gate", 0.01, 2.0, 0.5, "%"), ("Steps", 0.0, 8.0, 0.0), ("Distance", -24.0, 24.0, 12.0, "st"),
        ("Hold On", OFF_ON, 0), ("Vel. On", OFF_ON, 0)]),
    dict(name="Chord", class_name="MidiChord", kind="midi_effect", folder=["midi_effects"], params=[
        ("Shift1", -36.0, 36.0, 0.0, "st"), ("Shift2", -36.0, 36.0, 0.0, "st"), ("Shift3", -36.0, 36.0, 0.0, "st"),
        ("Shift4", -36.0, 36.0, 0.0, "st"), ("Shift5", -36.0, 36.0, 0.0, "st"), ("Shift6", -36.0, 36.0, 0.0, "st")]),
    dict(name="Note Length", class_name="MidiNoteLength", kind="midi_effect", folder=["midi_effects"], params=[
        ("Trigger Mode", ["Note On", "Note Off"], 0), ("Sync On", OFF_ON, 1), ("Time Length", 0.001, 10.0, 0.5, "s"),
        ("Gate", 0.0, 2.0, 1.0, "%")]),
    dict(name="Pitch", class_name="MidiPitcher", kind="midi_effect", folder=["midi_effects"], params=[
        ("Pitch", -128.0, 128.0, 0.0, "st"), ("Range", 0.0, 127.0, 127.0), ("Lowest", 0.0, 127.0, 0.0)]),
    dict(name="Random", class_name="MidiRandom", kind="midi_effect", folder=["midi_effects"], params=[
        ("Chance", 0.0, 1.0, 0.0, "%"), ("Choices", 1.0, 24.0, 1.0), ("Scale", 1.0, 24.0, 1.0),
        ("Mode", ["Rand", "Alt"], 0), ("Sign", ["Add", "Sub", "Bi"], 0)]),
    dict(name="Scale", class_name="MidiScale", kind="midi_effect", folder=["midi_effects"], params=[
        ("Base", ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"], 0), ("Transpose", -36.0, 36.0, 0.0, "st"),
        ("Range", 1.0, 127.0, 127.0), ("Lowest", 0.0, 127.0, 0.0), ("Fold", OFF_ON, 0)]),
    dict(name="Velocity", class_name="MidiVelocity", kind="midi_effect", folder=["midi_effects"], params=[
        ("Drive", -64.0, 64.0, 0.0), ("Compand", -64.0, 64.0, 0.0), ("Random", 0.0, 64.0, 0.0),
        ("Out Hi", 1.0, 127.0, 127.0), ("Out Low", 1.0, 127.0, 1.0), ("Mode", ["Clip", "Gate", "Fixed"], 0)]),
]

_BY_NAME = dict((d["name"], d) for d in DEVICES)


def find_device(name):
    """The table entry for a browser name; a preset resolves to the device it loads."""
    entry = _BY_NAME.get(name)
    return entry


def device_spec(name):
    entry = _BY_NAME.get(name)
    if entry is None:
        return None
    if "preset_of" in entry:
        return _BY_NAME[entry["preset_of"]]
    return entry


def all_params(entry):
    """The device's parameters as the LOM lists them: "Device On" first."""
    return [("Device On", OFF_ON, 1)] + list(entry["params"])
