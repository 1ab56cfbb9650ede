"""Live.MidiMap: forwarding MIDI to the script and mapping MIDI to parameters, inside build_midi_map."""
from ..lom import LiveEnum, enum_members
from ..midi import CC, NOTE, PITCHBEND, check_channel, check_number
from ..world import current_world


class MapMode(LiveEnum):
    pass


enum_members(MapMode, "absolute relative_signed_bit relative_binary_offset relative_two_compliment "
             "relative_signed_bit2 absolute_14_bit relative_smooth_signed_bit relative_smooth_binary_offset "
             "relative_smooth_two_compliment relative_smooth_signed_bit2")


class CCFeedbackRule(object):
    def __init__(self):
        self.cc_no = 0
        self.cc_value_map = ()
        self.channel = 0
        self.delay_in_ms = 0.0
        self.enabled = True


class NoteFeedbackRule(object):
    def __init__(self):
        self.channel = 0
        self.delay_in_ms = 0.0
        self.enabled = True
        self.note_no = 0
        self.vel_map = ()


class PitchBendFeedbackRule(object):
    def __init__(self):
        self.channel = 0
        self.delay_in_ms = 0.0
        self.enabled = True
        self.value_pair_map = ()


def _state(midi_map_handle):
    state = current_world().midi_maps.get(midi_map_handle)
    if state is None:
        raise RuntimeError("Invalid midi map handle: it is only valid inside build_midi_map")
    return state


def forward_midi_cc(script_handle, midi_map_handle, midi_channel, controller_number, should_consume_event=True):
    check_channel(midi_channel)
    check_number(controller_number)
    _state(midi_map_handle).forwarded[(CC, int(midi_channel), int(controller_number))] = bool(should_consume_event)
    return True


def forward_midi_note(script_handle, midi_map_handle, midi_channel, note, should_consume_event=True):
    check_channel(midi_channel)
    check_number(note)
    _state(midi_map_handle).forwarded[(NOTE, int(midi_channel), int(note))] = bool(should_consume_event)
    return True


def forward_midi_pitchbend(script_handle, midi_map_handle, midi_channel):
    check_channel(midi_channel)
    _state(midi_map_handle).forwarded[(PITCHBEND, int(midi_channel))] = True
    return True


def _map(midi_map_handle, key, parameter, map_mode):
    if parameter is None or parameter._dead:
        raise RuntimeError("Cannot map a deleted parameter")
    _state(midi_map_handle).mappings[key] = (parameter, map_mode)
    return True


def map_midi_cc(midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover,
                sensitivity=1.0):
    check_channel(midi_channel)
    check_number(controller_number)
    return _map(midi_map_handle, (CC, int(midi_channel), int(controller_number)), parameter, map_mode)


def map_midi_cc_with_feedback_map(midi_map_handle, parameter, midi_channel, controller_number, map_mode,
                                  feedback_rule, avoid_takeover, sensitivity=1.0):
    return map_midi_cc(midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover,
                       sensitivity)


def map_midi_note(midi_map_handle, device_parameter, midi_channel, note):
    check_channel(midi_channel)
    check_number(note)
    return _map(midi_map_handle, (NOTE, int(midi_channel), int(note)), device_parameter, MapMode.absolute)


def map_midi_note_with_feedback_map(midi_map_handle, device_parameter, midi_channel, note, feedback_rule):
    return map_midi_note(midi_map_handle, device_parameter, midi_channel, note)


def map_midi_pitchbend(midi_map_handle, device_parameter, midi_channel, needs_takeover):
    check_channel(midi_channel)
    return _map(midi_map_handle, (PITCHBEND, int(midi_channel)), device_parameter, MapMode.absolute)


def map_midi_pitchbend_with_feedback_map(midi_map_handle, device_parameter, midi_channel, feedback_rule,
                                         needs_takeover):
    return map_midi_pitchbend(midi_map_handle, device_parameter, midi_channel, needs_takeover)


def send_feedback_for_parameter(midi_map_handle, device_parameter):
    _state(midi_map_handle)


__all__ = ["CCFeedbackRule", "MapMode", "NoteFeedbackRule", "PitchBendFeedbackRule", "forward_midi_cc",
           "forward_midi_note", "forward_midi_pitchbend", "map_midi_cc", "map_midi_cc_with_feedback_map",
           "map_midi_note", "map_midi_note_with_feedback_map", "map_midi_pitchbend",
           "map_midi_pitchbend_with_feedback_map", "send_feedback_for_parameter"]
