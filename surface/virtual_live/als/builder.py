"""Live-like sets written from a short description, for tests and benchmarks (no real set is
shipped). The XML follows what Live 9, 10, 11 and 12 write, with the differences between them:

- Live 9/10: colours as <ColorIndex> (tracks at palette index + 140), scenes as <SceneNames>,
  notes without ids; Live 9 clip slots without Id attributes.
- Live 11+: <Color>, <Scenes> with tempo and signature, notes with NoteId, Probability, VelocityDeviation.
- Live 12: the master track is <MainTrack>; notes leave out attributes at their default (as 12.3).

Every parameter has the shape Live writes (LomId, ArrangerAutomation, Manual, ranges, targets), so a
generated set is as dense as a real one of the same size.
"""
import gzip
from xml.sax.saxutils import quoteattr

MINOR_VERSIONS = {9: "9.5_327", 10: "10.0_377", 11: "11.0_11300", 12: "12.0_12049"}
_LIVE12_SCALES = ["Major", "Minor", "Dorian", "Mixolydian", "Lydian", "Phrygian", "Locrian"]


class _Ids(object):
    def __init__(self):
        self.next = 100

    def __call__(self):
        self.next += 1
        return self.next


def _v(tag, value):
    if isinstance(value, bool):
        value = "true" if value else "false"
    return "<%s Value=%s />" % (tag, quoteattr(str(value)))


def _el(tag, *parts):
    """<tag>parts</tag>."""
    return "<%s>%s</%s>" % (tag, "".join(parts), tag)


def _param(tag, value, ids, low=0.0, high=1.0):
    """A parameter the way Live writes one."""
    return ("<%s><LomId Value=\"0\" /><ArrangerAutomation><Events /></ArrangerAutomation>%s"
            "<MidiControllerRange><Min Value=\"%s\" /><Max Value=\"%s\" /></MidiControllerRange>"
            "<AutomationTarget Id=\"%d\"><LockEnvelope Value=\"0\" /></AutomationTarget>"
            "<ModulationTarget Id=\"%d\"><LockEnvelope Value=\"0\" /></ModulationTarget></%s>"
            % (tag, _v("Manual", value), low, high, ids(), ids(), tag))


class SetBuilder(object):
    """build(description) -> XML text. A description is a dict:
    tempo, signature_id, tracks (dicts: kind midi/audio/group/return, name, color, volume (gain),
    pan, sends (gains), mute, solo, arm, group (the Id of its group), id, fold, devices (XML strings
    from device()), clips ({slot, name, color, loop_start, loop_end, loop_on, start_relative,
    out_marker, launch_mode, launch_quantization, legato, velocity_amount, disabled, notes: [(pitch,
    time, duration, velocity, enabled[, probability, velocity_deviation, off_velocity])], audio}),
    main (volume, devices), scenes ({name, color, tempo, signature_id}), locators ((name, time)),
    scale ((root, name)),
    extra (XML added to LiveSet, e.g. elements a newer Live writes)."""

    def __init__(self, live_major):
        if live_major not in MINOR_VERSIONS:
            raise ValueError("Live %r: the builder writes Live 9 to 12" % (live_major,))
        self.major = live_major
        self.ids = _Ids()

    # -- pieces -----------------------------------------------------------------------------------
    def color(self, index, track=False):
        if self.major <= 10:
            return _v("ColorIndex", index + 140 if track and index >= 0 else index)
        return _v("Color", index)

    def device(self, xml_class, params=(), user_name="", on=True, inner=""):
        """A device element: params are (XML tag, value) pairs; inner is raw XML (branches, plug-in info)."""
        body = [_v("LomId", 0), _param("On", on, self.ids), _v("UserName", user_name), _v("Annotation", "")]
        body += [_param(tag, value, self.ids) for tag, value in params]
        return "<%s Id=\"%d\">%s%s</%s>" % (xml_class, self.ids(), "".join(body), inner, xml_class)

    def max_device(self, xml_class, patch_file):
        """A Max for Live device: Live 9/10 name the patch file, Live 11+ give its path."""
        ref = _v("Name", patch_file) if self.major <= 10 else "%s%s" % (
            _v("RelativePath", "Presets/" + patch_file), _v("Path", "/Users/me/Presets/" + patch_file))
        return self.device(xml_class, inner="<PatchSlot><Value><MxPatchRef><FileRef>%s</FileRef></MxPatchRef>"
                                            "</Value></PatchSlot>" % ref)

    def plugin(self, name, fmt="vst"):
        if fmt == "au":
            info, tag = _el("AuPluginInfo", _v("Name", name), _v("Manufacturer", "Maker")), "AuPluginDevice"
        elif fmt == "vst3":
            info, tag = _el("Vst3PluginInfo", _v("Name", name), _v("DeviceType", 1)), "PluginDevice"
        else:
            info, tag = _el("VstPluginInfo", _v("PlugName", name), _v("UniqueId", 1)), "PluginDevice"
        return self.device(tag, inner="<PluginDesc>%s</PluginDesc><ParameterList />" % info)

    def rack(self, xml_class, branch_class, chains, macros=None, macro_names=None, user_name=""):
        """A rack: chains are (name, [device XML], muted, soloed); macros {index: value}."""
        chain_tag = {"InstrumentBranch": "MidiToAudioDeviceChain", "DrumBranch": "MidiToAudioDeviceChain",
                     "AudioEffectBranch": "AudioToAudioDeviceChain", "MidiEffectBranch": "MidiToMidiDeviceChain"}
        branches = []
        for name, devices, muted, soloed in chains:
            branches.append(
                "<%s Id=\"%d\"><LomId Value=\"0\" /><Name>%s%s</Name>%s<DeviceChain><%s><Devices>%s</Devices></%s>"
                "</DeviceChain>%s<MixerDevice>%s%s</MixerDevice></%s>"
                % (branch_class, self.ids(), _v("EffectiveName", name), _v("UserName", name), _v("IsSelected", False),
                   chain_tag[branch_class], "".join(devices), chain_tag[branch_class], _v("IsSoloed", soloed),
                   _param("Speaker", not muted, self.ids), _param("Volume", 1.0, self.ids), branch_class))
        macro_xml = []
        count = 16 if self.major >= 11 else 8
        for i in range(count):
            macro_xml.append(_param("MacroControls.%d" % i, (macros or {}).get(i, 0.0), self.ids, 0, 127))
            macro_xml.append(_v("MacroDisplayNames.%d" % i, (macro_names or {}).get(i, "Macro %d" % (i + 1))))
        inner = "<Branches>%s</Branches>%s" % ("".join(branches), "".join(macro_xml))
        return self.device(xml_class, user_name=user_name, inner=inner)

    def _notes(self, notes):
        by_pitch = {}
        for note in notes:
            by_pitch.setdefault(note[0], []).append(note)
        key_tracks = []
        note_id = 1
        for i, pitch in enumerate(sorted(by_pitch)):
            events = []
            for note in by_pitch[pitch]:
                _, time, duration, velocity, enabled = note[:5]
                attrs = "Time=\"%s\" Duration=\"%s\" Velocity=\"%s\"" % (time, duration, velocity)
                tail = list(note[5:]) + [1.0, 0.0, 64.0][len(note) - 5:]
                if self.major == 11:
                    attrs += (" VelocityDeviation=\"%s\" OffVelocity=\"%s\" Probability=\"%s\" IsEnabled=\"%s\""
                              " NoteId=\"%d\"" % (tail[1], tail[2], tail[0], "true" if enabled else "false", note_id))
                elif self.major >= 12:   # as Live 12.3 writes them: attributes at their default left out
                    attrs += "".join(" %s=\"%s\"" % (k, v) for k, v, default in (
                        ("VelocityDeviation", tail[1], 0.0), ("OffVelocity", tail[2], None),
                        ("Probability", tail[0], 1.0), ("IsEnabled", "true" if enabled else "false", "true"))
                        if v != default) + " NoteId=\"%d\"" % note_id
                else:
                    attrs += " OffVelocity=\"%s\" IsEnabled=\"%s\"" % (tail[2], "true" if enabled else "false")
                note_id += 1
                events.append("<MidiNoteEvent %s />" % attrs)
            key_tracks.append("<KeyTrack Id=\"%d\">%s%s</KeyTrack>" % (i, _el("Notes", *events), _v("MidiKey", pitch)))
        extra = "<PerNoteEventStore><EventLists /></PerNoteEventStore><NoteIdGenerator>%s</NoteIdGenerator>" % _v(
            "NextId", note_id) if self.major >= 11 else ""
        return "<Notes><KeyTracks>%s</KeyTracks>%s</Notes>" % ("".join(key_tracks), extra)

    def clip(self, spec):
        is_midi = "audio" not in spec
        loop_start, loop_end = spec.get("loop_start", 0.0), spec.get("loop_end", 4.0)
        loop = ("<Loop>%s%s%s%s%s%s%s</Loop>" % (
            _v("LoopStart", loop_start), _v("LoopEnd", loop_end), _v("StartRelative", spec.get("start_relative", 0.0)),
            _v("LoopOn", spec.get("loop_on", True)), _v("OutMarker", spec.get("out_marker", loop_end)),
            _v("HiddenLoopStart", spec.get("hidden_loop_start", loop_start)),
            _v("HiddenLoopEnd", spec.get("hidden_loop_end", loop_end))))
        body = [_v("LomId", 0), "<WarpMarkers />", _v("CurrentStart", loop_start), _v("CurrentEnd", loop_end), loop,
                _v("Name", spec.get("name", "")), _v("Annotation", ""), self.color(spec.get("color", 0)),
                _v("LaunchMode", spec.get("launch_mode", 0)),
                _v("LaunchQuantisation", spec.get("launch_quantization", 0)),
                "<TimeSignature><TimeSignatures /></TimeSignature><Envelopes><Envelopes /></Envelopes>",
                _v("Legato", spec.get("legato", False)), _v("Ram", False), _v("Disabled", spec.get("disabled", False)),
                _v("VelocityAmount", spec.get("velocity_amount", 0.0)), _v("IsWarped", True)]
        if is_midi:
            body.append(self._notes(spec.get("notes", [])))
            return "<MidiClip Id=\"%d\" Time=\"0\">%s</MidiClip>" % (self.ids(), "".join(body))
        if self.major >= 11:
            ref = _el("FileRef", _v("RelativePath", "Samples/" + spec["audio"]),
                      _v("Path", "/Music/Samples/" + spec["audio"]))
        else:
            ref = "<FileRef><RelativePath /><Name Value=%s /></FileRef>" % quoteattr(spec["audio"])
        body.append("<SampleRef>%s%s</SampleRef>" % (ref, _v("DefaultSampleRate", 44100)))
        return "<AudioClip Id=\"%d\" Time=\"0\">%s</AudioClip>" % (self.ids(), "".join(body))

    def _mixer(self, spec, with_sends=True, tempo=None, signature_id=None):
        sends = ""
        if with_sends:
            sends = "<Sends>%s</Sends>" % "".join(
                "<TrackSendHolder Id=\"%d\">%s%s</TrackSendHolder>"
                % (i, _param("Send", gain, self.ids), _v("Active", True))
                for i, gain in enumerate(spec.get("sends", [])))
        parts = [_v("LomId", 0), _param("On", True, self.ids), sends,
                 _param("Speaker", not spec.get("mute", False), self.ids),
                 _v("SoloSink", spec.get("solo", False)), _param("Pan", spec.get("pan", 0.0), self.ids, -1, 1),
                 _param("Volume", spec.get("volume", 1.0), self.ids, 0.0003162277571, 1.99526)]
        if tempo is not None:
            parts.append(_param("Tempo", tempo, self.ids, 60, 200))
            parts.append("<TimeSignature><LomId Value=\"0\" />%s</TimeSignature>" % _v("Manual", signature_id))
        return "<Mixer>%s</Mixer>" % "".join(parts)

    def track(self, spec, scene_count):
        tag = {"midi": "MidiTrack", "audio": "AudioTrack", "group": "GroupTrack", "return": "ReturnTrack"}[spec["kind"]]
        name = "<Name>%s%s%s</Name>" % (_v("EffectiveName", spec.get("name", "")), _v("UserName", spec.get("name", "")),
                                         _v("Annotation", ""))
        head = [_v("LomId", 0), name, self.color(spec.get("color", 0), track=True),
                _v("TrackGroupId", spec.get("group", -1)), _v("TrackUnfolded", not spec.get("fold", False))]
        if self.major >= 12:
            head.append(_v("LinkedTrackGroupId", -1))
        slots = ""
        if spec["kind"] in ("midi", "audio"):
            by_slot = dict((c["slot"], c) for c in spec.get("clips", []))
            items = []
            for i in range(scene_count):
                clip = self.clip(by_slot[i]) if i in by_slot else ""
                slot_id = "" if self.major == 9 else " Id=\"%d\"" % i
                items.append("<ClipSlot%s><LomId Value=\"0\" /><ClipSlot><Value>%s</Value></ClipSlot>%s</ClipSlot>"
                             % (slot_id, clip, _v("HasStop", True)))
            slots = ("<MainSequencer><ClipSlotList>%s</ClipSlotList>%s<Recorder>%s%s</Recorder></MainSequencer>"
                     % ("".join(items), _v("MonitoringEnum", 1), _v("IsArmed", spec.get("arm", False)),
                        _v("TakeCounter", 0)))
        chain = ("<DeviceChain><AutomationLanes><AutomationLanes /></AutomationLanes>%s%s"
                 "<DeviceChain><Devices>%s</Devices></DeviceChain></DeviceChain>"
                 % (self._mixer(spec), slots, "".join(spec.get("devices", []))))
        return "<%s Id=\"%s\">%s%s</%s>" % (tag, spec.get("id", self.ids()), "".join(head), chain, tag)

    def scenes(self, scenes):
        if self.major <= 10:
            return "<SceneNames>%s</SceneNames>" % "".join(
                "<Scene Id=\"%d\" Value=%s>%s%s</Scene>" % (i, quoteattr(s.get("name", "")), _v("Annotation", ""),
                                                          self.color(s.get("color", 0)))
                for i, s in enumerate(scenes))
        return "<Scenes>%s</Scenes>" % "".join(
            "<Scene Id=\"%d\"><FollowAction />%s%s%s%s%s%s%s</Scene>" % (
                i, _v("Name", s.get("name", "")), _v("Annotation", ""), self.color(s.get("color", -1)),
                _v("Tempo", s.get("tempo", 120)), _v("IsTempoEnabled", "tempo" in s),
                _v("TimeSignatureId", s.get("signature_id", 201)), _v("IsTimeSignatureEnabled", "signature_id" in s))
            for i, s in enumerate(scenes))

    # -- the whole set ----------------------------------------------------------------------------
    def build(self, d):
        scenes = d.get("scenes") or [{"name": ""} for _ in range(8)]
        tracks = "".join(self.track(t, len(scenes)) for t in d.get("tracks", []))
        main = d.get("main", {})
        main_tag = "MainTrack" if self.major >= 12 else "MasterTrack"
        mixer = self._mixer(main, False, d.get("tempo", 120.0), d.get("signature_id", 201))
        main_xml = _el(main_tag, _v("LomId", 0), self.color(main.get("color", 0), track=True),
                       _el("DeviceChain", mixer, _el("DeviceChain", _el("Devices", *main.get("devices", [])))))
        locators = "<Locators><Locators>%s</Locators></Locators>" % "".join(
            "<Locator Id=\"%d\"><LomId Value=\"0\" />%s%s%s%s</Locator>" % (
                i, _v("Time", time), _v("Name", name), _v("Annotation", ""), _v("IsSongStart", False))
            for i, (name, time) in enumerate(d.get("locators", [])))
        transport = _el("Transport", _v("LoopOn", d.get("loop", False)), _v("LoopStart", d.get("loop_start", 0)),
                        _v("LoopLength", d.get("loop_length", 16)))
        root, scale = d.get("scale", (0, "Major"))
        if self.major >= 12:   # Live 12: the scale by its number in Live's list
            scale_xml = _el("ScaleInformation", _v("Root", root), _v("Name", _LIVE12_SCALES.index(scale)))
        else:
            scale_xml = _el("ScaleInformation", _v("RootNote", root), _v("Name", scale))
        quantization = _v("GlobalQuantisation", d.get("global_quantization", 4))
        live_set = _el("LiveSet", _v("OverwriteProtectionNumber", 2816), _el("Tracks", tracks), main_xml,
                       _el("PreHearTrack", _v("LomId", 0)), self.scenes(scenes), transport, quantization, scale_xml,
                       locators, d.get("extra", ""))
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Ableton MajorVersion=\"5\" MinorVersion=\"%s\" "
                "SchemaChangeCount=\"3\" Creator=\"Ableton Live %d.0\" Revision=\"\">%s</Ableton>\n"
                % (MINOR_VERSIONS[self.major], self.major, live_set))


def write_als(path, xml_text, compress=True):
    """Write a built set as Live does (gzip-compressed XML)."""
    data = xml_text.encode("utf-8")
    if compress:
        with gzip.open(path, "wb", compresslevel=6) as out:
            out.write(data)
    else:
        with open(path, "wb") as out:
            out.write(data)
    return path
