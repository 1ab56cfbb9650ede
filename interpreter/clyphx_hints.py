"""Hints for ClyphX syntax pasted into lmac by habit: `METRO ON`, `1/ARM`, `SEL/MUTE`, `BPM 120`.

``clyphx_hint(word)`` returns "This looks like ClyphX: in lmac write (...)." for a word written the
ClyphX way (upper case action names, `track/ACTION`), else "". The reader adds it to "is not a
number" errors (`1/ARM` reads as a broken ratio) and the compiler to "'X' not found". The table is
a translation aid, not the vocabulary: docs/clyphx.md has the whole table.
"""
import re

# ClyphX action word -> the lmac form, with <T> where the track goes.
ACTIONS = {
    "ARM": "(arm <T>)", "MUTE": "(mute <T>)", "SOLO": "(solo <T>)", "MON": "(monitor <T> :in)",
    "SEL": "(select <T>)", "FOLD": "(fold <T>)", "NAME": '(name <T> "new name")', "DUPE": "(duplicate-track <T>)",
    "DEL": "(delete-track <T>)", "VOL": "(volume <T> 0.8)", "PAN": "(pan <T> 0)", "SEND": '(send <T> "A" 0.5)',
    "PLAY": "(fire (clip <T> 1))", "STOP": "(stop-clips <T>)", "XFADE": "(crossfade-assign <T> :a)",
    "DEV": '(device <T> "Compressor")', "CLIP": "(clip <T> 1)", "ADDCLIP": "(create-clip (clip <T> 1) 4)",
    "IN": '(input-routing <T> "Ext. In")', "OUT": '(output-routing <T> "Main")',
    "BPM": "(tempo 120)", "METRO": "(metronome on)", "OVER": "(overdub on)", "REC": "(record on)",
    "SIG": "(signature 6 8)", "GQ": "(quantize :bar)", "RQ": "(record-quantize 1/16)",
    "STOPALL": "(stop-all-clips)", "TAPBPM": "(tap-tempo)", "UNDO": "(undo)", "REDO": "(redo)",
    "SETSTOP": "(stop)", "SETCONT": "(continue)", "SETJUMP": "(jump-to 16)", "LOOP": "(loop on)",
    "SCENE": "(launch-scene 2)", "ADDMIDI": "(create-track midi)", "ADDAUDIO": "(create-track audio)",
    "ADDSCENE": "(create-scene)", "WAIT": "(wait 500), in milliseconds",
    "WAITS": "(wait-bars 1)", "SNAP": '(snapshot "name")', "MSG": '(message "text")',
}
# What comes before the slash in `track/ACTION`.
TARGETS = {"SEL": "selected", "MST": "master", "ALL": "all"}

_CLYPHX_WORD = re.compile(r"^(?:(?P<target>\d+|[A-Z]+|\"[^\"]*\")/)?(?P<action>[A-Z][A-Z0-9]*)$")


def _target(text):
    if not text:
        return "selected"
    if text.isdigit():
        return "(track %s)" % text
    if text.startswith('"'):
        return "(track %s)" % text
    if text in TARGETS:
        return TARGETS[text]
    if len(text) == 1 and text.isalpha():
        return '(return "%s")' % text
    return None


_BEATS = re.compile(r"^(\d+)B$")      # WAITS 4B: four beats


def clyphx_hint(word):
    """"This looks like ClyphX: ..." for a ClyphX-style word, else ""."""
    word = str(word)
    beats = _BEATS.match(word)
    if beats:
        return "This looks like ClyphX: in lmac write (wait-beats %s)." % beats.group(1)
    match = _CLYPHX_WORD.match(word)
    if not match:
        return ""
    action = ACTIONS.get(match.group("action"))
    target = _target(match.group("target"))
    if action is None or target is None:
        return ""
    return "This looks like ClyphX: in lmac write %s." % action.replace("<T>", target)
