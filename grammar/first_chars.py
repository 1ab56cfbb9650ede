"""Can a match of this regex start with this character? Read from the regex itself (Python's own
regex parser), so the fast reader can try only the tokens of lmac.lark that may start where it is.

    may_start(regex_source, char, flags=0) -> bool

The answer may say yes where the truth is no (anything this does not know answers yes), never the
other way round: a token that may start with a character is always among those tried there.
"""
import re

try:
    try:                                    # Python 3.11+
        from re import _constants as _ops
        from re import _parser as _regex_parser
    except ImportError:                     # Python 3.7-3.10
        import sre_constants as _ops        # type: ignore
        import sre_parse as _regex_parser   # type: ignore
    _CATEGORIES = {_ops.CATEGORY_SPACE: r"\s", _ops.CATEGORY_NOT_SPACE: r"\S",
                   _ops.CATEGORY_DIGIT: r"\d", _ops.CATEGORY_NOT_DIGIT: r"\D",
                   _ops.CATEGORY_WORD: r"\w", _ops.CATEGORY_NOT_WORD: r"\W"}
    _ZERO_WIDTH = {_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT}   # skipped: they only narrow a match
    _REPEATS = {_ops.MAX_REPEAT, _ops.MIN_REPEAT}
    _REPEATS.update(getattr(_ops, name) for name in ("POSSESSIVE_REPEAT",) if hasattr(_ops, name))
    _ATOMIC = getattr(_ops, "ATOMIC_GROUP", None)
except (ImportError, AttributeError):       # a Python whose regex parser moved: always yes
    _regex_parser = None

_YES = (True, True)    # what an unknown piece answers: may start with it, may be empty
_parsed = {}           # (source, flags) -> the parsed regex (the grammar's few terminals)


def may_start(source, char, flags=0):
    """True when some match of ``source`` may begin with ``char`` (or may be empty)."""
    if flags & re.IGNORECASE or _regex_parser is None:
        return True
    try:
        parsed = _parsed.get((source, flags))
        if parsed is None:   # parsing is most of the cost: once per regex, not per character
            parsed = _parsed[(source, flags)] = _regex_parser.parse(source, flags)
        state = getattr(parsed, "state", None) or getattr(parsed, "pattern", None)   # 3.11 / 3.7
        if state.flags & re.IGNORECASE:       # a global (?i) inside the source
            return True
        starts, empty = _sequence(parsed.data, char)
    except Exception:   # a regex this does not understand: say yes, never a wrong no
        return True
    return starts or empty


def _sequence(items, char):
    """(may start with char, may match the empty string) for pieces matched one after another."""
    for op, arg in items:
        starts, empty = _piece(op, arg, char)
        if starts:
            return True, True
        if not empty:
            return False, False
    return False, True


def _piece(op, arg, char):
    if op is _ops.LITERAL:
        return chr(arg) == char, False
    if op is _ops.NOT_LITERAL:
        return chr(arg) != char, False
    if op is _ops.IN:
        return _in_set(arg, char), False
    if op is _ops.ANY:
        return True, False
    if op in _ZERO_WIDTH:
        return False, True
    if op is _ops.SUBPATTERN:
        _group, add_flags, _del_flags, inner = arg
        if add_flags & re.IGNORECASE:
            return _YES
        return _sequence(inner.data, char)
    if op is _ops.BRANCH:
        starts = empty = False
        for alternative in arg[1]:
            s, e = _sequence(alternative.data, char)
            starts, empty = starts or s, empty or e
        return starts, empty
    if op in _REPEATS:
        low, _high, inner = arg
        starts, empty = _sequence(inner.data, char)
        return starts, empty or low == 0
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(arg.data, char)
    return _YES


def _in_set(items, char):
    negate, hit = False, False
    for op, arg in items:
        if op is _ops.NEGATE:
            negate = True
        elif op is _ops.LITERAL:
            hit = hit or chr(arg) == char
        elif op is _ops.RANGE:
            hit = hit or arg[0] <= ord(char) <= arg[1]
        elif op is _ops.CATEGORY and arg in _CATEGORIES:
            hit = hit or re.match(_CATEGORIES[arg], char) is not None
        else:
            return True    # an item this does not know: under a negation no answer is safe
    return hit != negate
