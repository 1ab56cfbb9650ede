"""The fast way to read well-formed text: lark's own tokens, forms built on a stack, no parser.

    fast = FastReader.from_lexer(lark_basic_lexer)   # None when the grammar has what it can't do
    forms = fast.read(text, file)                     # Unsure raised: read it with lark
    reading = fast.start(text, file); reading.advance(max_tokens, deadline, clock)   # a slice

lmac.lark stays the one definition of the syntax, and reader.py's lark LALR parser the reference
reader. This path cuts the text with the terminals of the grammar lark loaded, in the order lark's
lexer tries them, joined into one regex as lark's lexer joins them, so both cut a text into the same
tokens. It then builds the values reader._FormBuilder builds, positions counted the same way (a
line ends at each \\n; the column is 1 + the characters since). What it does not do is report
errors: at any problem or anything unusual (an unclosed or stray bracket, a bad number, an odd map,
an unknown escape, a token it has no meaning for) it raises ``Unsure`` and the caller reads the
text with lark, so every error keeps lark's message, position, `incomplete` flag and `expected`.

Why: lark's parser makes a Token, a table step and a callback per token, most of a library's load.
tests/inlive/test_fast_reader.py checks that both readers agree on generated texts.
"""
import gc
import re

from ..interpreter.values import Keyword, List, Map, Pos, Symbol, Vector
from .first_chars import may_start
from .token_meaning import CLOSERS, CONSTANTS, ESCAPE_RE, ESCAPES, OPENERS, PREFIXES
from .token_meaning import too_many_digits

# What each token does here (the names are lmac.lark's terminals; anything else is UNSURE). The
# first three are the tokens that carry a position.
SYMBOL, OPEN, PREFIX, SKIP, CLOSE, INT, FLOAT, KEYWORD, STRING, CONSTANT, RATIO, UNSURE = range(12)
_ACTIONS = {"SYMBOL": SYMBOL, "INT": INT, "FLOAT": FLOAT, "KEYWORD": KEYWORD, "STRING": STRING,
            "CONSTANT": CONSTANT, "RATIO": RATIO}


class Unsure(Exception):
    """This text needs lark: it has an error, or something this reader does not handle.
    ``resume_at``: where the top-level form lark must read starts (what comes before it is whole
    forms, which lark reads the same way, so lark may skip them)."""

    def __init__(self, resume_at=0):
        Exception.__init__(self, resume_at)
        self.resume_at = resume_at


class FastReader(object):
    """lmac.lark's terminals, in the order lark's lexer tries them: one regex of them all (the one
    lark's lexer matches with) and, per ASCII character, one of those that may start with it (in
    the same order, so the first that matches is the same)."""

    def __init__(self, terminals, ignore, flags=0):
        self.terminals = terminals   # [(name, regex source)] in lark's order
        self.ignore = ignore
        self.flags = flags
        self.regex = re.compile(_joined(terminals), flags)   # raises re.error / AssertionError
        self._full = self._entry(terminals)
        self.by_char = {}            # ASCII char -> (match, actions, details), made on first use

    @classmethod
    def from_lexer(cls, lexer):
        """From lark's basic lexer of the loaded grammar; None when it does anything this reader
        would not copy (a callback changing token types, more groups than one regex holds)."""
        try:
            if lexer.scanner is None or lexer.callback:
                return None
            terminals = [(t.name, t.pattern.to_regexp()) for t in lexer.terminals]
            return cls(terminals, frozenset(lexer.ignore_types), lexer.g_regex_flags)
        except (AttributeError, AssertionError, re.error, OverflowError):
            return None

    def entry_for(self, char):
        """What to match where the text goes on with ``char``."""
        entry = self.by_char.get(char)
        if entry is not None:
            return entry
        if ord(char) >= 128:         # rare in code: not worth a table entry each
            return self._full
        candidates = [t for t in self.terminals if may_start(t[1], char, self.flags)]
        entry = self._entry(candidates) if candidates else self._full
        self.by_char[char] = entry
        return entry

    def _entry(self, terminals):
        regex = re.compile(_joined(terminals), self.flags)
        actions, details = [UNSURE] * (regex.groups + 1), [None] * (regex.groups + 1)
        for name, number in regex.groupindex.items():
            if name in self.ignore:
                actions[number] = SKIP
            elif name in OPENERS:
                actions[number], details[number] = OPEN, name
            elif name in CLOSERS:
                actions[number], details[number] = CLOSE, CLOSERS[name]
            elif name in PREFIXES:
                actions[number], details[number] = PREFIX, PREFIXES[name]
            else:
                actions[number] = _ACTIONS.get(name, UNSURE)
        return regex.match, actions, details

    def read(self, text, file):
        """All forms of ``text`` (already through reader._prepare); raises Unsure when lark must
        read it."""
        reading = FastReading(self, text, file)
        reading.advance()
        return reading.forms

    def start(self, text, file):
        return FastReading(self, text, file)


def _joined(terminals):
    # as lark's Scanner joins its terminals into one regex
    return u"|".join(u"(?P<%s>%s)" % (name, source) for name, source in terminals)


class FastReading(object):
    """One text read a slice at a time; its state lives here between slices."""

    def __init__(self, reader, text, file):
        self.reader = reader
        self.text = text
        self.file = file
        self.forms = None        # the forms once done
        self.tokens = 0          # tokens read (not counting separators and comments, as lark)
        self._pos = 0            # where the next token starts
        self._line, self._line_start, self._counted = 1, 0, 0   # newlines counted up to _counted
        self._items = []         # the forms of the innermost open bracket (or the top level)
        self._pending = None     # reader macros waiting for their form at this level, or None
        self._stack = []         # per open bracket: (outer items, outer pending, opener, pos)

    def advance(self, max_tokens=None, deadline=None, clock=None, check_every=16):
        """Read to the end (True; ``forms`` is set), or stop after ``max_tokens`` tokens or once
        ``clock()`` (looked at every ``check_every`` tokens) passes ``deadline`` (False; call
        again to go on). Raises Unsure when lark must read the text."""
        if self.forms is not None:
            return True
        text, file = self.text, self.file
        by_char, entry_for = self.reader.by_char.get, self.reader.entry_for
        n = len(text)
        pos, line, line_start, counted = self._pos, self._line, self._line_start, self._counted
        items, pending, stack = self._items, self._pending, self._stack
        tokens = self.tokens
        start = pos
        new_pos = tuple.__new__   # Pos(file, line, col) without namedtuple's Python-level __new__
        skip, symbol, open_, prefix, close, integer, decimal, keyword, string, constant, ratio = (
            SKIP, SYMBOL, OPEN, PREFIX, CLOSE, INT, FLOAT, KEYWORD, STRING, CONSTANT, RATIO)
        stop = tokens + max(1, max_tokens) if max_tokens is not None else None   # as lark: >= 1
        limit = _next_limit(tokens, stop, deadline, check_every)   # when to stop and look
        # Reading makes no reference cycles, so the cycle collector has nothing to find here; left
        # on, its full passes over the growing forms made a large file's read grow faster than
        # its length (a quarter of a 16 000-line read). Refcounting still frees as usual.
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            while pos < n:
                char = text[pos]
                match, actions, details = by_char(char) or entry_for(char)
                start = pos
                m = match(text, pos)
                if m is None:
                    raise Unsure()
                pos = m.end()
                group = m.lastindex
                action = actions[group]
                if action == skip:
                    continue
                if action <= prefix:
                    # a positioned token: count the newlines since the last one
                    nl = text.rfind("\n", counted, start)
                    if nl >= 0:
                        line += text.count("\n", counted, nl + 1)
                        line_start = nl + 1
                    counted = start
                    where = new_pos(Pos, (file, line, start - line_start + 1))
                    if action == open_:
                        stack.append((items, pending, details[group], where, start))
                        items, pending = [], None
                        value = _NOTHING
                    elif action == prefix:
                        if pending is None:
                            pending = []
                        pending.append((details[group], where, start))
                        value = _NOTHING
                    else:
                        value = Symbol(text[start:pos], where)
                elif action == close:
                    if not stack or pending:
                        raise Unsure()
                    outer_items, outer_pending, opener, where, _ = stack[-1]
                    if opener != details[group]:
                        raise Unsure()
                    value = _collection(opener, items, where)
                    stack.pop()   # only now: at a problem, the stack says where the form began
                    items, pending = outer_items, outer_pending
                elif action == integer:
                    value = _integer(text[start:pos])
                elif action == decimal:
                    value = float(text[start:pos])
                elif action == keyword:
                    value = Keyword.of(text[start + 1:pos])
                elif action == string:
                    value = text[start + 1:pos - 1]
                    if "\\" in value:
                        value = ESCAPE_RE.sub(_unescape, value)
                elif action == constant:
                    value = CONSTANTS[text[start:pos]]
                elif action == ratio:
                    value = _ratio(text[start:pos])
                else:
                    raise Unsure()
                if value is not _NOTHING:
                    while pending:   # reader macros wrap the form, the innermost first
                        head, at, _ = pending.pop()
                        value = List([Symbol(head, at), value], at)
                    items.append(value)
                tokens += 1
                if tokens == limit:
                    if tokens == stop or clock() >= deadline:
                        return False
                    limit = _next_limit(tokens, stop, deadline, check_every)
            if stack or pending:
                raise Unsure()
            self.forms = items
            return True
        except Unsure:
            raise Unsure(_top_level_start(stack, pending, start))
        finally:
            if collecting:
                gc.enable()
            self._pos, self._line, self._line_start, self._counted = pos, line, line_start, counted
            self._items, self._pending, self.tokens = items, pending, tokens


_NOTHING = object()   # a token that makes no value by itself (an opener, a reader macro)


def _top_level_start(stack, pending, start):
    """Where the top-level form being read when a problem came up starts (its first reader macro
    or bracket, else the token at ``start``)."""
    if stack:
        _items, outer_pending, _opener, _where, opened_at = stack[0]
        return outer_pending[0][2] if outer_pending else opened_at
    if pending:
        return pending[0][2]
    return start


def _next_limit(tokens, stop, deadline, check_every):
    """The token count at which to stop and look (the clock or max_tokens); -1 for never."""
    look = tokens + check_every if deadline is not None else None
    if stop is None:
        return -1 if look is None else look
    return stop if look is None else min(stop, look)


def _collection(opener, items, where):
    if opener == "LPAR":
        return List(items, where)
    if opener == "LSQB":
        return Vector(items, where)
    if len(items) % 2:
        raise Unsure()
    result = Map((), where)
    for i in range(0, len(items), 2):   # as reader._FormBuilder.map: a repeated key is an error
        key = items[i]
        try:
            if key in result:
                raise Unsure()
            result[key] = items[i + 1]
        except TypeError:
            raise Unsure()
    return result


def _integer(text):
    if too_many_digits(text):
        raise Unsure()
    return int(text)


def _ratio(text):
    num, den = text.split("/")
    num, den = _integer(num), _integer(den)
    if den == 0:
        raise Unsure()
    try:
        return num / den
    except OverflowError:
        raise Unsure()


def _unescape(match):
    char = match.group(1)
    if char in ESCAPES:
        return ESCAPES[char]
    raise Unsure()
