"""`lmac check --set MySong.als`: selectors that name nothing in your set. `(track "Bas")` reads
fine and fails on stage; with the set at hand the checker can say so before the show.

Each selector form with literal arguments ((track "Bass"), (tracks "Drum*"), (return "A"),
(scene "Drop"), (clip "Verse"), (clip "Keys" 2), (device "Compressor"), (param "Threshold")) is
resolved the way the running macro resolves it (surface/selectors.py) against the set loaded into
virtual Live. Device and parameter names depend on the focus when the macro runs, so they are
looked for on every track (parameters also in rack chains, where the selected device may be).
"""
from __future__ import annotations

import difflib
import types

from lmac.grammar.reader import read_all
from lmac.interpreter.values import List, LmacSyntaxError, Map, Symbol, Vector

from .checker import Finding

WORDS = {"track": "track", "tracks": "track", "return": "return track", "scene": "scene", "scenes": "scene",
         "clip": "clip", "device": "device", "param": "parameter"}
QUOTING = ("quote", "quasiquote")


class SetNames(object):
    """The set's objects, and resolution of selector forms against them."""

    def __init__(self, song, set_label):
        from lmac.surface import selectors
        self.song = song
        self.label = set_label
        self.selectors = selectors
        self.ctx = types.SimpleNamespace(song=song)

    def names_of(self, word):
        song = self.song
        if word in ("track", "tracks"):
            return [t.name for t in song.tracks]
        if word == "return":
            return [t.name for t in song.return_tracks]
        if word in ("scene", "scenes"):
            return [s.name for s in song.scenes if s.name]
        if word == "clip":
            return [s.clip.name for t in song.tracks for s in t.clip_slots if s.has_clip and s.clip.name]
        if word == "device":
            return [d.name for t in self._all_tracks() for d in t.devices]
        if word == "param":
            return sorted(set(p.name for d in self._all_devices() for p in d.parameters))
        return []

    def _all_devices(self):
        out = []

        def walk(devices):
            for d in devices:
                out.append(d)
                for chain in getattr(d, "chains", None) or []:
                    walk(chain.devices)
        for t in self._all_tracks():
            walk(t.devices)
        return out

    def _all_tracks(self):
        return list(self.song.tracks) + list(self.song.return_tracks) + [self.song.master_track]

    def problem(self, word, args):
        """Why this selector names nothing in the set, or None (also None when it cannot tell)."""
        if not args or not all(isinstance(a, (str, int)) and not isinstance(a, bool) for a in args):
            return None
        if word in ("device", "param"):
            if len(args) != 1 or not isinstance(args[0], str):
                return None      # (device (track 1) 2), (param D 3): the main checker's business
            # (device "X") looks at tracks' own device lists; (param "X") also at the selected
            # device, which may sit in a rack chain
            pool = [d for t in self._all_tracks() for d in t.devices] if word == "device" else \
                [p for d in self._all_devices() for p in d.parameters]
            if any(self.selectors._name_match(x, args[0]) for x in pool):
                return None
            if word == "device" and any(self.selectors._name_match(d, args[0]) for d in self._all_devices()):
                return ("%s has \"%s\" only inside a rack chain; (device ...) looks at a track's own devices"
                        % (self.label, args[0]))
            return self._message(word, args[0])
        if word == "clip" and len(args) == 1 and not isinstance(args[0], str):
            return None      # (clip 2): the focus track's slot, known only when it runs
        make = {"track": self.selectors.track, "tracks": self.selectors.tracks, "return": self.selectors.return_,
                "scene": self.selectors.scene, "scenes": self.selectors.scenes, "clip": self.selectors.clip}[word]
        if word in ("tracks", "scenes") and len(args) == 2 and all(isinstance(a, int) for a in args):
            return None      # a range: empty ranges are the action's business
        try:
            found = make(*args).resolve(self.ctx, "any")
        except Exception:    # e.g. wrong argument kinds: the main checker's business
            return None
        if found:
            return None
        key = next((a for a in args if isinstance(a, str)), args[0]) if word != "clip" or len(args) == 1 else args[-1]
        return self._message(word, key)

    def _message(self, word, key):
        what = WORDS[word]
        if isinstance(key, int):
            count = len(self.names_of(word)) if word != "clip" else len(self.song.scenes)
            return "%s has no %s %d (it has %d)" % (self.label, what, key, count)
        names = self.names_of(word)
        text = "%s has no %s named \"%s\"" % (self.label, what, key)
        close = difflib.get_close_matches(key.lower(), dict((n.lower(), n) for n in names), n=1, cutoff=0.6)
        if close:
            lookup = dict((n.lower(), n) for n in names)
            text += "; did you mean \"%s\"?" % lookup[close[0]]
        elif names:
            shown = ", ".join('"%s"' % n for n in names[:8]) + (", ..." if len(names) > 8 else "")
            text += " (its %ss: %s)" % (what, shown)
        return text


def set_findings(paths, set_names):
    findings = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                forms = read_all(f.read(), path)
        except (OSError, LmacSyntaxError):
            continue          # the main checker reports those
        for form in forms:
            _walk(form, set_names, path, findings)
    return findings


def _walk(form, set_names, path, findings):
    if isinstance(form, List) and form:
        head = form[0]
        if isinstance(head, Symbol) and head.name in QUOTING:
            return
        if isinstance(head, Symbol) and head.name in WORDS:
            message = set_names.problem(head.name, list(form[1:]))
            if message:
                pos = getattr(form, "pos", None)
                findings.append(Finding(path, pos.line if pos else 1, pos.col if pos else 1, message, "set-name"))
    if isinstance(form, (List, Vector)):
        for item in form:
            _walk(item, set_names, path, findings)
    elif isinstance(form, Map):
        for k, v in form.items():
            _walk(k, set_names, path, findings)
            _walk(v, set_names, path, findings)
