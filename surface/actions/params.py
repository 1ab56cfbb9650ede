"""Executable signatures: an action's signature string becomes typed parameter specs that parse,
check and convert its arguments (after Protocol0's @action and AbletonOSC's property tables).

    spec = Spec("volume", "target? level?", kinds={"level": Level(0.0, 1.0, "level")})
    spec.bind(args)   -> {"target": ..., "level": ...}   (python names; absent optionals left out)

Words: ``name`` required, ``name?`` optional, ``name*`` the rest. A word's kind comes from the
action's ``kinds`` or else from KINDS by the word. Options are keywords with a value
(``:quantize :bar``) or flags (``:relative``). One spec gives the run-time errors, ``lmac check``'s
knowledge (``Spec.problems`` on literal forms), the reference and the editor's completion and
signature help. Optional parameters are filled by what fits: ``(volume 0.5)`` is the focus's level,
``(volume (track 1))`` asks for track 1's level.
"""
from __future__ import annotations

from typing import Optional

from ...interpreter import friend
from ...interpreter.values import Builtin, Keyword, Lambda, LmacError, Map, Symbol
from ..selectors import Handle, Selector
from ..value_forms import By, Ramp, Scaled

MISSING = object()
TOGGLE = "toggle"


class Bad(Exception):
    """One argument is wrong: ``problem`` says what, ``fix`` how to fix it (or None)."""

    def __init__(self, problem, fix=None):
        Exception.__init__(self, problem)
        self.problem = problem
        self.fix = fix
        self.arg = None      # the argument at fault, when one is (lmac check underlines it)

    def at(self, arg):
        if self.arg is None:
            self.arg = arg
        return self


class Unknown(object):
    """A form ``lmac check`` cannot evaluate (a variable, a call). ``hint`` narrows what it can be:
    "selector" (track, clip, all ...), "value" (by, ramp, random ...), "fn", or None (anything)."""

    __slots__ = ("form", "hint")

    def __init__(self, form, hint=None):
        self.form = form
        self.hint = hint


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _fmt(x):
    if isinstance(x, float):
        return ("%.2f" % x).rstrip("0").rstrip(".") if x != int(x) else "%.1f" % x
    return str(x)


def _got(value):
    return friend.shown(value)


# ---- kinds ---------------------------------------------------------------------------------------
class Kind(object):
    """What one parameter takes. ``fits(v, strict)`` lets optional parameters be skipped when an
    argument clearly belongs to the next one; ``convert`` checks and converts (raising Bad)."""

    what = "a value"
    hint: Optional[str] = None   # the Unknown hint that strictly fits
    # fits() looks only at an argument's type (and a keyword's name): binding plans can be kept
    # per shape of the arguments (Spec.bind).
    shape_only = True

    def fits(self, v, strict):
        if isinstance(v, Unknown):
            return v.hint is None or v.hint == self.hint or not strict
        return self.fits_value(v, strict)

    def fits_value(self, v, strict):
        return True

    def convert(self, v):
        return v

    def check(self, v):
        """convert for real values, nothing for Unknown (the static checker's path)."""
        if isinstance(v, Unknown):
            return v
        return self.convert(v)

    def doc(self):
        return self.what

    def values(self):
        """Keyword words this kind accepts (completion), without colons."""
        return []


class AnyValue(Kind):
    def __init__(self, what="any value"):
        self.what = what


class Target(Kind):
    """A selector resolved by the action when it runs: (track 1), all, selected, a handle; loosely
    also a number or a name ((arm 1), (arm "Bass"))."""

    hint = "selector"

    EXAMPLES = {"target": "a track like (track 1)", "track": "a track like (track 1)",
                "clip": "a clip like (clip 1 2)", "scene": "a scene like (scene 2)",
                "device": 'a device like (device "Compressor")', "rack": 'a rack like (device "Drum Rack")',
                "param": 'a parameter like (param "Cutoff")'}

    def __init__(self, noun="track"):
        self.noun = noun
        self.what = self.EXAMPLES.get(noun, "a " + noun)

    def fits_value(self, v, strict):
        if isinstance(v, (bool, float, Keyword, Map)):
            return False
        if v is None or isinstance(v, (int, str)):
            return not strict        # (arm 1), (arm "Bass"): only when nothing else takes it
        if isinstance(v, (list, tuple)):
            return all(self.fits_value(x, strict) for x in v)
        return not isinstance(v, (Lambda, Builtin)) or _bare_selector(v)

    def convert(self, v):
        if v is None or self.fits_value(v, False):
            return v
        fix = None
        if type(v) is Keyword and _selector_word(v.name):
            fix = "write %s without the colon" % v.name
        raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)), fix)

    def doc(self):
        return "%s, a selector or a handle" % self.what


def _selector_word(name):
    from ..selectors import BARE_ALL, WORDS
    return name in BARE_ALL or any(name == w for w, _v, _d in WORDS)


def _bare_selector(v):
    from ..selectors import bare_builtin_kind
    return bare_builtin_kind(v) is not None


class Number(Kind):
    """A number, optionally whole and in a range; ``unit`` names it in messages."""

    def __init__(self, noun, lo=None, hi=None, integer=False, above=None):
        self.noun = noun
        self.lo, self.hi, self.integer, self.above = lo, hi, integer, above
        number = "a whole number" if integer else "a number"
        if lo is not None and hi is not None:
            self.what = "%s from %s to %s" % (number, _fmt(lo), _fmt(hi))
        elif lo is not None:
            self.what = "%s of %s or more" % (number, _fmt(lo))
        elif above is not None:
            self.what = "%s above %s" % (number, _fmt(above))
        else:
            self.what = number
        self.hint = "value"

    def fits_value(self, v, strict):
        return is_number(v) or not strict

    def convert(self, v):
        if not is_number(v) or (self.integer and int(v) != v):
            raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))
        if (self.lo is not None and v < self.lo - 1e-9) or (self.hi is not None and v > self.hi + 1e-9) \
                or (self.above is not None and v <= self.above):
            raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))
        return int(v) if self.integer else v

    def doc(self):
        return self.what


class Level(Kind):
    """A parameter value form: a number in range, (by d), (random lo hi), (ramp v :bars n), :reset,
    :min, :max, on/off. ``lo``/``hi`` None: the range is the parameter's own (checked when it runs)."""

    hint = "value"
    WORDS = ("reset", "min", "max", "on", "off")

    def __init__(self, lo=None, hi=None, noun="value"):
        self.lo, self.hi, self.noun = lo, hi, noun
        rng = "a number from %s to %s" % (_fmt(lo), _fmt(hi)) if lo is not None else "a number"
        self.what = rng

    def fits_value(self, v, strict):
        return is_number(v) or isinstance(v, (By, Ramp, Scaled, bool)) or \
            (type(v) is Keyword and v.name in self.WORDS) or not strict

    def convert(self, v):
        if type(v) is float or type(v) is int:    # the usual case: a number in the range
            if self.lo is None or self.lo - 1e-9 <= v <= self.hi + 1e-9:
                return v      # (without a range here, the parameter's own is checked when it runs)
        if isinstance(v, (By, Ramp, Scaled, bool)):
            return v
        if type(v) is Keyword:
            if v.name in self.WORDS:
                return v
            raise Bad("the %s must be %s, (by d), (ramp v :bars n) or :reset, got %s"
                      % (self.noun, self.what, _got(v)),
                      friend.did_you_mean(v.name, self.WORDS, lambda w: ":" + w))
        if not is_number(v):
            raise Bad("the %s must be %s, (by d), (ramp v :bars n) or :reset, got %s"
                      % (self.noun, self.what, _got(v)))
        if self.lo is not None and not self.lo - 1e-9 <= v <= self.hi + 1e-9:
            raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))
        return v

    def values(self):
        return list(self.WORDS)

    def doc(self):
        return "%s, (by d), (random lo hi), (ramp v :bars n) or :reset" % self.what


class Text(Kind):
    def __init__(self, noun, example='"Bass"', words=False):
        self.noun = noun
        self.what = "a %s in quotes like %s" % (noun, example)
        self.words = words   # also a symbol or keyword, as its name
        self.hint = None

    def fits_value(self, v, strict):
        return isinstance(v, str) or (self.words and type(v) in (Symbol, Keyword)) or not strict

    def convert(self, v):
        if isinstance(v, str):
            return v
        if self.words and type(v) in (Symbol, Keyword):
            return v.name
        raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))

    def doc(self):
        return self.what


class Choice(Kind):
    """A keyword (or its name as text or symbol) from a table {name: value}; numbers too when
    ``numbers`` maps them."""

    def __init__(self, noun, table, numbers=None, default_fix=None):
        self.noun = noun
        self.table = dict(table)
        self.numbers = numbers or {}
        self.what = friend.or_list([":" + k for k in self.table] + [_fmt(n) for n in self.numbers])

    def fits_value(self, v, strict):
        if type(v) is Keyword:
            return True
        if is_number(v):
            return bool(self.numbers) or not strict
        return isinstance(v, str) or type(v) is Symbol or not strict

    def convert(self, v):
        name = v.name if type(v) in (Keyword, Symbol) else v
        if isinstance(name, str) and name.lower() in self.table:
            return self.table[name.lower()]
        if is_number(v):
            for n, value in self.numbers.items():
                if abs(v - n) < 1e-9:
                    return value
        fix = friend.did_you_mean(name, list(self.table), lambda w: ":" + w) if isinstance(name, str) else None
        raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)), fix)

    def values(self):
        return list(self.table)

    def doc(self):
        return self.what


class Switch(Choice):
    """on/off: true/false, on/off, :on/:off, 1/0; ``toggle`` also :toggle (answered as TOGGLE)."""

    def __init__(self, noun="state", toggle=True):
        table: dict = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}
        if toggle:
            table["toggle"] = TOGGLE
        Choice.__init__(self, noun, table, {1: True, 0: False})
        self.what = "on, off or :toggle" if toggle else "on or off"

    def fits_value(self, v, strict):
        return isinstance(v, bool) or Choice.fits_value(self, v, strict)

    def convert(self, v):
        if v is True or v is False:
            return v
        return Choice.convert(self, v)

    def values(self):
        return ["on", "off"] + (["toggle"] if TOGGLE in self.table.values() else [])


class Fn(Kind):
    hint = "fn"

    def __init__(self, noun="function"):
        self.noun = noun
        self.what = "a function like (fn (t) ...)"

    def fits_value(self, v, strict):
        return isinstance(v, (Lambda, Builtin)) or not strict

    def convert(self, v):
        if isinstance(v, (Lambda, Builtin)):
            return v
        raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))


class Items(Kind):
    """A vector or list of values."""

    def __init__(self, noun, example="[60 62 64]"):
        self.noun = noun
        self.what = "a vector like %s" % example

    def fits_value(self, v, strict):
        return (isinstance(v, (list, tuple)) and not isinstance(v, str)) or not strict

    def convert(self, v):
        if isinstance(v, (list, tuple)):
            return list(v)
        raise Bad("the %s must be %s, got %s" % (self.noun, self.what, _got(v)))


class Custom(Kind):
    """A kind whose check lives with its family: ``convert(v)`` raises Bad; ``fits(v)`` says what
    it takes when parameters are sorted out."""

    def __init__(self, noun, what, convert, fits=None, values=(), hint=None):
        self.noun = noun
        self.what = what
        self._convert = convert
        self._fits = fits
        self._values = list(values)
        self.hint = hint
        self.shape_only = fits is None     # its own fits may look at the value itself

    def fits_value(self, v, strict):
        return self._fits(v) if (self._fits and strict) else True

    def convert(self, v):
        return self._convert(v)

    def values(self):
        return list(self._values)

    def doc(self):
        return self.what


class Flag(Kind):
    """An option that stands alone (:relative): its value is True when given."""

    what = "nothing (it stands alone)"


# ---- the default kind of each signature word ----------------------------------------------------
KINDS = {
    "target": Target("target"), "tracks": Target("track"), "clip": Target("clip"),
    "slot": Target("clip"), "scene": Target("scene"), "device": Target("device"),
    "rack": Target("rack"), "param": Target("param"),
    "level": Level(0.0, 1.0, "level"),
    "position": Level(-1.0, 1.0, "pan position"),
    "left": Level(-1.0, 1.0, "left position"), "right": Level(-1.0, 1.0, "right position"),
    "beats": Number("number of beats"),
    "amount": Number("amount", 0.0, 1.0),
    "state": Switch("state"), "on": Switch("state", toggle=False),
    "numerator": Number("numerator", 1, 99, integer=True),
    "denominator": Choice("denominator", {}, {1: 1, 2: 2, 4: 4, 8: 8, 16: 16}),
    "semitones": Number("number of semitones", -127, 127),
    "channel": Number("MIDI channel", 1, 16, integer=True),
    "velocity": Number("velocity", 1, 127),
    "n": Number("number", 1, integer=True),
    "name": Text("name"), "new-name": Text("name"), "text": AnyValue("text"),
    "values": AnyValue("values"), "value": AnyValue("value"), "key": Text("key", '"cue"'),
    "pattern": Text("pattern", '"Drum*"'),
    "pred": Fn("test"), "handler": Fn("handler"), "event": AnyValue("an event like :startup"),
    "chain": Custom("chain", 'a chain number or name like "Kick"', lambda v: _number_or_name("chain", v)),
    "strength": Number("strength", 0.0, 1.0),
}


def _number_or_name(noun, v):
    if (is_number(v) and int(v) == v) or isinstance(v, str):
        return v
    raise Bad('the %s must be a %s number or name like "Kick", got %s' % (noun, noun, _got(v)))


# ---- parameters and the spec ---------------------------------------------------------------------
class Param(object):
    __slots__ = ("name", "optional", "rest", "kind")

    def __init__(self, word, kind=None):
        self.rest = word.endswith("*")
        self.optional = word.endswith("?") or self.rest
        self.name = word.rstrip("?*")
        self.kind = kind

    @property
    def py(self):
        return self.name.replace("-", "_").replace("?", "")

    def __repr__(self):
        return self.name + ("*" if self.rest else "?" if self.optional else "")


class Option(object):
    __slots__ = ("name", "kind")

    def __init__(self, name, kind):
        self.name = name
        self.kind = kind

    @property
    def flag(self):
        return isinstance(self.kind, Flag)

    @property
    def py(self):
        return self.name.replace("-", "_")

    def word(self):
        return ":" + self.name if self.flag else ":%s %s" % (self.name, _value_word(self))


def _value_word(option):
    """The placeholder after an option in a signature: ':quantize grid', ':bars n'."""
    word = getattr(option.kind, "noun", "v").split()[-1]
    if word != option.name:
        return word
    return "n" if isinstance(option.kind, Number) else "on/off" if isinstance(option.kind, Switch) else "v"


class Spec(object):
    def __init__(self, name, words, kinds=None, options=None):
        kinds = kinds or {}
        self.name = name
        self.params = []
        for word in words.split():
            bare = word.rstrip("?*")
            kind = kinds.get(bare) or KINDS.get(bare)
            if kind is None:
                raise ValueError("action %r: parameter %r has no kind (give kinds={%r: ...})"
                                 % (name, bare, bare))
            self.params.append(Param(word, kind))
        for i, p in enumerate(self.params):
            if p.rest and i != len(self.params) - 1:
                raise ValueError("action %r: only the last parameter may be a rest (*)" % name)
        self.options = []
        for opt in (options or ()):
            if isinstance(opt, tuple):
                oname, kind = opt
            else:
                oname, kind = opt, None
            oname = oname.lstrip(":")
            kind = kind or kinds.get(oname) or KINDS.get(oname)
            if kind is None:
                raise ValueError("action %r: option :%s has no kind" % (name, oname))
            self.options.append(Option(oname, kind))
        self.by_option = dict((o.name, o) for o in self.options)
        kinds_all = [p.kind for p in self.params] + [o.kind for o in self.options]
        # shape of the arguments -> how they bind (see bind); None: this spec cannot keep plans
        self._plans: Optional[dict] = {} if all(k.shape_only for k in kinds_all) else None

    # ---- what the docs and editors show ----------------------------------------------------
    def signature(self):
        words = [self.name] + [repr(p) for p in self.params] + [o.word() for o in self.options]
        return "(" + " ".join(words) + ")"

    def usage(self):
        return "usage: " + self.signature()

    @property
    def arity(self):
        lo = sum(1 for p in self.params if not p.optional)
        if any(p.rest for p in self.params) or self.options:
            return (lo, None)
        return (lo, len(self.params))

    # ---- binding ---------------------------------------------------------------------------
    def bind(self, args):
        """{python name: converted value} for the action function; raises LmacError.

        Which parameter each argument fills depends only on the arguments' shape (their types,
        and a keyword's name), so the assignment worked out for one call is kept as a plan and
        the next call of that shape only converts: an action in a loop binds in a few steps."""
        plans = self._plans
        key = None
        if plans is not None:
            if len(args) == 1:      # one argument (the usual case): the key is its type or keyword
                t = type(args[0])
                key = args[0] if t is Keyword else t if t in _SHAPE_TYPES else None
            else:
                key = _shape(args)
            if key is not None:
                fast = plans.get(key)
                if fast is not None:
                    try:
                        return fast(args)
                    except (Bad, LmacError):
                        pass            # a value that does not convert: the full way says which
        try:
            plan = self._plan(list(args))
            out = _run_plan(plan, args)
            if key is not None and plans is not None and len(plans) < MAX_PLANS:
                plans[key] = _binder(plan)
            return out
        except Bad as e:
            raise LmacError(friend.message(self.name, e.problem, friend.joined(e.fix, self.usage())))

    def problems(self, args):
        """[(message, argument at fault or None)] for the static checker: args are literal values
        or Unknown forms. The message is the one bind raises when the action runs."""
        try:
            self._bind(list(args))
        except Bad as e:
            return [(friend.message(self.name, e.problem, friend.joined(e.fix, self.usage())), e.arg)]
        return []

    def _bind(self, args):
        return _run_plan(self._plan(args), args)

    def _plan(self, args):
        """How args bind, as steps (python name, kind, argument index or indices, how): options
        first, in the order given, then the positional parameters. Raises Bad when they do not."""
        positional, given = self._split_options(args)
        steps = []
        for oname, index in given.items():
            option = self.by_option[oname]
            steps.append((option.py, option.kind, index, _FLAG if option.flag else _OPTION, oname))
        assignment = self._match([args[i] for i in positional])
        at = 0
        for param, value in assignment:
            if param.rest:
                steps.append((param.py, param, positional[at:at + len(value)], _REST, None))
                at += len(value)
            else:
                steps.append((param.py, param, positional[at], _PARAM, None))
                at += 1
        return steps

    def _split_options(self, args):
        """(indices of positional arguments, {option name: index of its value, or None})."""
        if not self.options:
            return list(range(len(args))), {}
        positional: list = []
        given: dict = {}
        i = 0
        while i < len(args):
            a = args[i]
            option = self.by_option.get(a.name) if type(a) is Keyword else None
            if option is None or not self._option_here(args, i):
                positional.append(i)
                i += 1
                continue
            if option.flag:
                given[option.name] = None
                i += 1
                continue
            if i + 1 >= len(args):
                raise Bad(":%s needs a value (%s)" % (option.name, option.kind.what)).at(a)
            given[option.name] = i + 1
            i += 2
        return positional, given

    def _option_here(self, args, i):
        """A keyword that names an option is that option, unless a positional switch takes it
        ((clip-loop C :on) is the on switch when :on is not followed by a value)."""
        option = self.by_option[args[i].name]
        if option.flag or i + 1 < len(args):
            return True
        return not any(p.kind.fits(args[i], True) for p in self.params)

    def _match(self, args):
        found = _assign(self.params, 0, args, 0, True)
        if found is not None:
            return found
        short = _missing(self.params, args)
        if short is not None:    # every argument fits, one that is needed is not there
            raise Bad("missing the %s" % _noun(short))
        found = _assign(self.params, 0, args, 0, False)
        if found is not None:
            return found
        self._explain(args)

    def matches(self, args):
        """Every way the positional args can fill the parameters (strict first); for the checker."""
        out: list = []
        for strict in (True, False):
            _all_assignments(self.params, 0, args, 0, strict, [], out)
            if out:
                return out
        return out

    def _explain(self, args):
        lo, hi = self.arity[0], len([p for p in self.params if not p.rest])
        has_rest = any(p.rest for p in self.params)
        if not has_rest and len(args) > hi:
            for a in args:
                if type(a) is Keyword and not any(p.kind.fits(a, True) for p in self.params):
                    return self._unknown_keyword(a)
            raise Bad("expects %s, got %d" % (_at_most(hi), len(args)))
        if len(args) < lo:
            missing = [p for p in self.params if not p.optional]
            have = len(args)
            need = missing[min(have, len(missing) - 1)]
            raise Bad("missing the %s" % _noun(need))
        # the count is right, some argument does not fit: convert in order to say which
        for p, a in _assign(self.params, 0, args, 0, None) or []:
            for v in (a if p.rest else [a]):
                _convert(p, v)
        raise Bad("these arguments do not fit: %s" % " ".join(_got(a) for a in args))

    def _unknown_keyword(self, a):
        if self.options:
            raise Bad("does not know the option %s" % _got(a),
                      friend.did_you_mean(a.name, [o.name for o in self.options], lambda w: ":" + w)
                      or "its options are %s" % friend.keyword_list([o.name for o in self.options])).at(a)
        raise Bad("takes no options, got %s" % _got(a)).at(a)


MAX_PLANS = 64      # binding plans kept per action (shapes seen); past it, bind works each out
_FLAG, _OPTION, _PARAM, _REST = range(4)
# argument types whose type alone decides how they fit
_SHAPE_TYPES = frozenset((int, float, bool, str, type(None), Symbol, Map, By, Ramp, Scaled, Handle,
                          Selector))


def _shape(args):
    """A key for how args bind: their types, a keyword itself; None when some argument's fit
    depends on more than its type (a list, a function, a form the checker could not evaluate)."""
    key = []
    for a in args:
        t = type(a)
        if t is Keyword:
            key.append(a)
        elif t in _SHAPE_TYPES:
            key.append(t)
        else:
            return None
    return tuple(key)


def _binder(plan):
    """The plan as a function of the arguments that only converts values (a wrong value raises
    Bad or LmacError; bind then goes the full way, which says which argument and how)."""
    if any(how == _REST for _py, _what, _index, how, _oname in plan):
        return lambda args: _run_plan(plan, args, "convert")
    flags = dict((py, True) for py, _what, _index, how, _oname in plan if how == _FLAG)
    steps = [(py, (what.kind if how == _PARAM else what).convert, index)
             for py, what, index, how, _oname in plan if how != _FLAG]
    if len(steps) == 1 and not flags:
        (py, convert, index), = steps

        def one(args):
            return {py: convert(args[index])}
        return one

    def each(args):
        out = dict(flags)
        for py, convert, index in steps:
            out[py] = convert(args[index])
        return out
    return each


def _run_plan(plan, args, method="check"):
    """Convert each argument with its parameter's kind, as the plan says; raises Bad. method:
    "check" lets the static checker's Unknown forms through, "convert" is for values only."""
    out = {}
    for py, what, index, how, oname in plan:
        if how == _PARAM:
            value = args[index]
            try:
                out[py] = getattr(what.kind, method)(value)
            except Bad as e:
                raise e.at(value)
            except LmacError as e:   # a family's own check speaking in the old voice
                raise Bad(e.message).at(value)
        elif how == _FLAG:
            out[py] = True
        elif how == _OPTION:
            value = args[index]
            try:
                out[py] = what.check(value)
            except Bad as e:
                raise Bad(":%s %s" % (oname, _after_subject(e.problem, what)), e.fix).at(value)
        else:
            out[py] = [_convert(what, args[i]) for i in index]
    return out


def _convert(param, value):
    try:
        return param.kind.check(value)
    except Bad as e:
        raise e.at(value)
    except LmacError as e:   # a family's own check speaking in the old voice
        raise Bad(e.message).at(value)


def _after_subject(problem, kind):
    """'the grid must be ...' -> 'must be ...' after an option name."""
    noun = getattr(kind, "noun", None)
    if noun and problem.startswith("the %s " % noun):
        return problem[len("the %s " % noun):]
    return problem


def _noun(param):
    return getattr(param.kind, "noun", None) or param.name


def _at_most(n):
    if n == 0:
        return "no arguments"
    return "at most %d argument%s" % (n, "" if n == 1 else "s")


def _assign(params, pi, args, ai, strict):
    """The first assignment of args[ai:] to params[pi:] (optional params filled when their
    argument fits; strict None: whatever the kinds), as a list of (param, value); None if none."""
    if pi == len(params):
        return [] if ai == len(args) else None
    p = params[pi]
    if p.rest:
        rest = args[ai:]
        if strict is None or all(p.kind.fits(a, strict) for a in rest):
            return [(p, rest)]
        return None
    if ai < len(args) and (strict is None or p.kind.fits(args[ai], strict)):
        tail = _assign(params, pi + 1, args, ai + 1, strict)
        if tail is not None:
            return [(p, args[ai])] + tail
    if p.optional:
        return _assign(params, pi + 1, args, ai, strict)
    return None


def _missing(params, args):
    """The first required parameter left empty when the args fit the others strictly, else None."""
    pi = ai = 0
    missing = None
    while pi < len(params):
        p = params[pi]
        if p.rest:
            return missing if all(p.kind.fits(a, True) for a in args[ai:]) and missing else None
        if ai < len(args) and p.kind.fits(args[ai], True):
            ai += 1
        elif not p.optional and missing is None:
            missing = p
        pi += 1
    return missing if ai == len(args) else None


def _all_assignments(params, pi, args, ai, strict, acc, out, limit=16):
    if len(out) >= limit:
        return
    if pi == len(params):
        if ai == len(args):
            out.append(list(acc))
        return
    p = params[pi]
    if p.rest:
        rest = args[ai:]
        if all(p.kind.fits(a, strict) for a in rest):
            out.append(acc + [(p, rest)])
        return
    if ai < len(args) and p.kind.fits(args[ai], strict):
        _all_assignments(params, pi + 1, args, ai + 1, strict, acc + [(p, args[ai])], out, limit)
    if p.optional:
        _all_assignments(params, pi + 1, args, ai, strict, acc, out, limit)


def param_doc(param):
    """One line for the reference and signature help: what the parameter takes."""
    text = param.kind.doc()
    if param.rest:
        text = "any number of: " + text
    elif param.optional and isinstance(param.kind, Target):
        text += "; the focus when left out"
    elif param.optional:
        text += "; optional"
    return text


__all__ = ["Spec", "Param", "Option", "Kind", "Target", "Number", "Level", "Text", "Choice",
           "Switch", "Fn", "Items", "Custom", "Flag", "AnyValue", "Bad", "Unknown", "MISSING",
           "TOGGLE", "KINDS", "param_doc"]
