"""Bindings: controller input declared in lmac (LANGUAGE.md section 6).

triggers.py   (note 36) (cc 21 :relative) (pitch-bend) (pads ...) (chord ...)
table.py      the declared bindings, LEDs, parameter maps, layers and surface profile of one load
dispatch.py   gestures, layers, sequences and chords: messages -> runs (no Live)
component.py  BindingsComponent: build_midi_map, receive_midi, tick (holds, LEDs), disconnect
builtins.py   the builtins behind the macros in stdlib_macros/bindings.lmac
testbed.py    a minimal Remote Script with the components attached (tests, dry runs)
"""
