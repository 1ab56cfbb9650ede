"""What `lmac check` knows about an action call without running it, from the action's executable
signature (surface/actions/params.py): argument counts, keyword options and their values, literal
types, and, with a set, track/scene/clip names. The messages are the ones `lmac run` gives.

    problems_of_call(form, action)      -> [(form to underline, message), ...]
    static_value(form)                  -> the literal value, or params.Unknown for code
    SetNames.load(path).problems(form)  -> unknown names in (track "Bas"), (scene ...), (clip ...)
"""
from __future__ import annotations

from lmac.interpreter.values import Keyword, List, Map, Symbol, Vector
from lmac.surface.actions.params import Unknown

# Forms whose value is a selector, a value form or a function, whatever their arguments.
SELECTOR_HEADS = ("track", "tracks", "return", "scene", "scenes", "clip", "device", "param", "where",
                  "selected-track", "selected-scene", "selected-device")
VALUE_HEADS = ("by", "ramp", "random", "rand-int", "+", "-", "*", "/")
FN_HEADS = ("fn", "partial", "comp")


def _selector_words():
    from lmac.surface.selectors import BARE_ALL, WORDS
    return set(name for name, _value, _doc in WORDS) | set(BARE_ALL)


def _keyword_words():
    """Bare words that evaluate to keywords: on, off, midi, audio."""
    import sys
    from lmac.surface.actions import families
    words = {"on": Keyword.of("on"), "off": Keyword.of("off")}
    for name in families.LOADED:
        for word, value, _doc in getattr(sys.modules[families.__name__ + "." + name], "WORDS", ()):
            words[word] = value
    return words


_CACHE: dict = {}


def static_value(form, locals_=frozenset()):
    """A literal as the action would get it; code (names, calls) as Unknown with a hint."""
    t = type(form)
    if t in (int, float, str, bool) or form is None or t is Keyword:
        return form
    if t is Symbol:
        if form.name in locals_:
            return Unknown(form)
        if "selectors" not in _CACHE:
            _CACHE["selectors"] = _selector_words()
            _CACHE["keywords"] = _keyword_words()
        if form.name in _CACHE["keywords"]:
            return _CACHE["keywords"][form.name]
        if form.name in _CACHE["selectors"]:
            return Unknown(form, "selector")
        return Unknown(form)
    if t is List and form and type(form[0]) is Symbol:
        head = form[0].name
        if head in SELECTOR_HEADS:
            return Unknown(form, "selector")
        if head in VALUE_HEADS:
            return Unknown(form, "value")
        if head in FN_HEADS:
            return Unknown(form, "fn")
        if head == "quote" and len(form) == 2:
            return Unknown(form)
        return Unknown(form)
    if t is Vector:
        items = [static_value(x, locals_) for x in form]
        if any(isinstance(x, Unknown) for x in items):
            return Unknown(form)
        return Vector(items)
    if t is Map:
        return Unknown(form)
    return Unknown(form)


def problems_of_call(form, action, locals_=frozenset()):
    """Messages for one call (name arg...) of a registered action, as the run would say them.
    When code among the arguments leaves more than one way to read them, only what holds for
    every reading is reported (no false findings)."""
    spec = action.spec
    args = [static_value(a, locals_) for a in form[1:]]
    if any(type(a) is Unknown and type(a.form) is List and a.form and
           type(a.form[0]) is Symbol and a.form[0].name in ("splice-unquote",) for a in args):
        return []
    unknown = [a for a in args if isinstance(a, Unknown)]
    if unknown and not _unambiguous(spec, args):
        return []
    out = []
    for message, culprit in spec.problems(args):
        where = form
        for arg_form, value in zip(form[1:], args):
            if culprit is not None and value is culprit and getattr(arg_form, "pos", None) is not None:
                where = arg_form       # underline the argument at fault
                break
        out.append((where, message))
    return out


def _unambiguous(spec, args):
    """True when the arguments fill the parameters in one way only (so a type error is real)."""
    try:
        positional, _options = spec._split_options(list(args))
    except Exception:
        return True   # the option error is real whatever the code evaluates to
    found = spec.matches(positional)
    if len(found) <= 1:
        return True   # one reading, or none at all (wrong for every value)

    def shape(assignment):
        return [(p.name, tuple(id(x) for x in v) if p.rest else id(v)) for p, v in assignment]
    first = shape(found[0])
    return all(shape(other) == first for other in found[1:])


class SetNames(object):
    """Track, scene and clip names of a Live set, read by the loader `lmac run --set` uses."""

    def __init__(self, tracks, scenes, clips, returns):
        self.tracks, self.scenes, self.clips, self.returns = tracks, scenes, clips, returns

    @classmethod
    def load(cls, path):
        from lmac.surface.virtual_live import load_set
        song = load_set(path).get_document()
        tracks = [t.name for t in song.tracks]
        returns = [t.name for t in song.return_tracks]
        scenes = [s.name for s in song.scenes]
        clips = [slot.clip.name for t in song.tracks for slot in t.clip_slots if slot.has_clip]
        return cls(tracks, scenes, clips, returns)

    def problems(self, form, subject=None):
        """Unknown names in a selector call form, with the run's message (or [])."""
        if type(form) is not List or not form or type(form[0]) is not Symbol:
            return []
        head = form[0].name
        keys = [a for a in form[1:2] if isinstance(a, str)]
        if head == "clip" and len(form) == 3:
            keys = []       # (clip "Drums" 2): a track name and a scene number
            if isinstance(form[1], str):
                return self._check(form, subject, "track", form[1], self.tracks, "tracks",
                                   form_text='(track "%s")' % form[1])
            return []
        table = {"track": ("track", self.tracks, "tracks"), "tracks": ("track", self.tracks, "tracks"),
                 "scene": ("scene", self.scenes, "scenes"), "scenes": ("scene", self.scenes, "scenes"),
                 "clip": ("clip", self.clips, "clips"), "return": ("return", self.returns, "returns")}
        if head not in table:
            return []
        noun, names, plural = table[head]
        out = []
        for key in ([a for a in form[1:] if isinstance(a, str)] if head in ("tracks", "scenes") else keys):
            out += self._check(form, subject, noun, key, names, plural)
        return out

    def _check(self, form, subject, noun, key, names, plural, form_text=None):
        from lmac.surface.context import no_match_problem
        from lmac.interpreter.printer import pr_str
        if _matches(key, names) or (noun == "return" and len(key) == 1 and key.isalpha()
                                     and ord(key.lower()) - ord("a") < len(names)):
            return []
        text = form_text or pr_str(form)
        return [(form, no_match_problem(subject or form[0].name, text, noun, names, key))]


def _matches(key, names):
    import fnmatch
    low = key.lower()
    if any(c in low for c in "*?["):
        return any(fnmatch.fnmatchcase((n or "").lower(), low) for n in names)
    return any((n or "").lower() == low for n in names)
