"""Read lmac source text into forms (lmac values with source positions).

    read_all(text, file="<input>") -> list of top-level forms
    read_one(text, file="<input>") -> the single form in text
    prepare()                         -> build the parser ahead of the first read

The syntax lives in ``lmac.lark``. Lark's LALR parser reduces each rule straight into a value
through ``_FormBuilder`` (no parse tree, no recursion), so 10 000 nested lists read fine. Errors
raise ``LmacSyntaxError``; ``incomplete`` is true only when the input ended inside an open form or
string, which the REPL uses to ask for another line.

Two paths, one syntax: well-formed text is read by grammar/fast_reader.py, which cuts tokens with
the terminals of this same lark grammar (about 5x faster on a large library); any text it is not
sure of (every error) is read by lark's parser from the top-level form where the fast reader
stopped, so errors are always lark's.
"""
import os
import re
import threading

from ..interpreter.budget import MAX_INT_DIGITS
from ..interpreter.clyphx_hints import clyphx_hint
from ..interpreter.values import Keyword, List, LmacSyntaxError, Map, Pos, Symbol, Vector
from .fast_reader import FastReader, Unsure
from .lark_loader import import_lark
from .parse_cache import safe_cache_file
from .token_meaning import CLOSERS as _CLOSERS, CONSTANTS as _CONSTANTS, ESCAPE_RE as _ESCAPE_RE
from .token_meaning import ESCAPES as _ESCAPES, OPENERS as _OPENERS, PREFIXES as _PREFIXES
from .token_meaning import too_many_digits

GRAMMAR_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lmac.lark")


def read_all(text, file="<input>"):
    """All top-level forms of ``text``, each List/Vector/Map/Symbol carrying its ``pos``."""
    return _Reader.get().read(text, file)


def read_one(text, file="<input>"):
    """The one form in ``text``; an error if there is none or more than one."""
    forms = read_all(text, file)
    if len(forms) == 1:
        return forms[0]
    if not forms:
        return _fail("expected a form, found nothing", text, Pos(file, 1, 1))
    extra = forms[1]
    where = getattr(extra, "pos", None)
    return _fail("expected one form, found more" + (" (the second starts at %d:%d)" % (
        where.line, where.col) if where else ""), text, where or Pos(file, 1, 1))


def prepare():
    """Build the parser now (from the cache when possible), so the first read is fast."""
    _Reader.get()


def _fail(message, text, pos, incomplete=False, expected=None):
    raise LmacSyntaxError(message, pos, incomplete=incomplete,
                          source_line=_line_of(text, pos.line), expected=expected)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A lone \r outside strings (strings keep theirs: "\r" must read back as it printed).
_LONE_CR = re.compile(r'(;[^\n\r]*)|("(?:[^"\\]|\\.)*")|\r(?!\n)')


def split_lines(text):
    """The lines of ``text`` as an editor shows them: only \n, \r\n and a lone \r end a line.
    (str.splitlines also breaks at form feeds, \v, U+2028 and more, which editors show inside a
    line; counting those made errors point at the wrong line.) The reader counts the same way."""
    return _LINE_BREAK.split(text)


def _line_of(text, line):
    # text is as the parser saw it (_prepare): every line break outside strings is a \n now
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


def _describe(token):
    """A token in the words an error message uses."""
    if token.type == "$END":
        return "the end of the input"
    return token.value


class _SyntaxProblem(Exception):
    """Raised inside the parse, where the text is not at hand; turned into LmacSyntaxError."""

    def __init__(self, message, line, col, incomplete=False, expected=None):
        Exception.__init__(self, message)
        self.message, self.line, self.col = message, line, col
        self.incomplete = incomplete
        self.expected = expected or []


class _FormBuilder(object):
    """Lark calls these while it parses: one method per rule (children already values) or
    terminal (a Token). ``file`` is set per read, under the reader's lock."""

    file = "<input>"

    def _pos(self, token):
        return Pos(self.file, token.line, token.column)

    # -- collections ------------------------------------------------------------------------
    def start(self, forms):
        return forms

    def list(self, children):
        return List(children[1:-1], self._pos(children[0]))

    def vector(self, children):
        return Vector(children[1:-1], self._pos(children[0]))

    def map(self, children):
        opener, items = children[0], children[1:-1]
        if len(items) % 2:
            raise _SyntaxProblem(
                "a map needs key value pairs: %s has no value in the map opened at %d:%d"
                % (_short(items[-1]), opener.line, opener.column),
                children[-1].line, children[-1].column, expected=["a value"])
        result = Map((), self._pos(opener))
        for i in range(0, len(items), 2):
            key = items[i]
            try:
                if key in result:
                    raise _SyntaxProblem("the key %s appears twice in the map opened at %d:%d"
                                         % (_short(key), opener.line, opener.column),
                                         opener.line, opener.column)
                result[key] = items[i + 1]
            except TypeError:
                raise _SyntaxProblem("a %s cannot be a map key (map opened at %d:%d)"
                                     % (type(key).__name__.lower(), opener.line, opener.column),
                                     opener.line, opener.column)
        return result

    # -- reader macros: 'x -> (quote x) and friends, positioned at the macro character -------
    def prefixed(self, children):
        token, form = children
        pos = self._pos(token)
        return List([Symbol(_PREFIXES[token.type], pos), form], pos)

    # -- atoms --------------------------------------------------------------------------------
    def INT(self, token):
        return _integer(token.value, token)

    def FLOAT(self, token):
        return float(token.value)

    def RATIO(self, token):
        num, den = token.value.split("/")
        num, den = _integer(num, token), _integer(den, token)
        if den == 0:
            raise _SyntaxProblem("%s divides by zero" % token.value, token.line, token.column)
        try:
            return num / den
        except OverflowError:
            raise _SyntaxProblem("%s is too large for a decimal number (the largest is about "
                                 "1.8e308)" % _shorten(token.value), token.line, token.column)

    def CONSTANT(self, token):
        return _CONSTANTS[token.value]

    def KEYWORD(self, token):
        return Keyword.of(token.value[1:])

    def SYMBOL(self, token):
        return Symbol(token.value, Pos(self.file, token.line, token.column))

    def STRING(self, token):
        body = token.value[1:-1]
        if "\\" not in body:
            return body
        return _ESCAPE_RE.sub(lambda m: _unescape(m, token), body)

    def OPEN_STRING(self, token):
        raise _SyntaxProblem('unterminated string: expected " to close the string opened at %d:%d, '
                             "found the end of the input" % (token.line, token.column),
                             token.line, token.column, incomplete=True, expected=['"'])

    def BAD_NUMBER(self, token):
        text = token.value
        if text.lower().endswith("db") and _is_plain_number(text[:-2]):
            raise _SyntaxProblem("%s is not a number; for decibels write (db %s), e.g. (volume (track 1) "
                                 "(db %s))" % (text, text[:-2], text[:-2]), token.line, token.column)
        if text.endswith("%") and _is_plain_number(text[:-1]):
            raise _SyntaxProblem("%s is not a number; for a percentage write (percent %s)"
                                 % (text, text[:-1]), token.line, token.column)
        hint = clyphx_hint(token.value)
        raise _SyntaxProblem("%s is not a number (write a number like 3, -0.5 or 1/16, or a name "
                             "that starts with a letter)%s" % (token.value, ". " + hint if hint else ""),
                             token.line, token.column)

    def BAD_KEYWORD(self, token):
        raise _SyntaxProblem("expected a keyword name after :, like :bar", token.line, token.column,
                             expected=["a keyword name"])


def _integer(text, token):
    if too_many_digits(text):
        raise _SyntaxProblem("%s has more than %d digits, more than lmac integers hold; write a "
                             "decimal such as 1.5e300 instead" % (_shorten(text), MAX_INT_DIGITS),
                             token.line, token.column)
    return int(text)


def _shorten(text):
    return text if len(text) <= 24 else text[:12] + "..." + text[-8:]


def _unescape(match, token):
    char = match.group(1)
    if char in _ESCAPES:
        return _ESCAPES[char]
    # where the backslash is: count lines inside the string up to it
    before = token.value[:match.start() + 1]
    line = token.line + before.count("\n")
    col = (len(before) - before.rfind("\n")) if "\n" in before else token.column + len(before)
    raise _SyntaxProblem('unknown escape \\%s in a string (use \\" \\\\ \\n or \\t)' % char,
                         line, col, expected=['\\"', "\\\\", "\\n", "\\t"])


def _short(form):
    text = repr(form) if not isinstance(form, str) else '"%s"' % form
    return text if len(text) <= 30 else text[:27] + "..."


class _Reader(object):
    """One lark LALR parser per process, built on first use (from the cache when possible)."""

    _instance = None
    _build_lock = threading.Lock()

    def __init__(self, cache="auto"):
        lark = import_lark()
        self._lark = lark
        self._builder = _FormBuilder()
        with open(GRAMMAR_PATH, encoding="utf-8") as f:
            grammar = f.read()
        options = dict(parser="lalr", lexer="basic", transformer=self._builder, start="start")
        if cache == "auto":
            cache = safe_cache_file()
        if cache:
            options["cache"] = cache
        self._parser = lark.Lark(grammar, **options)
        self._lock = threading.Lock()
        # the fast path for well-formed text, cutting tokens with this parser's own lexer rules
        self._fast = FastReader.from_lexer(getattr(self._parser.parser, "lexer", None))

    @classmethod
    def get(cls):
        if cls._instance is None:
            with cls._build_lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance

    def read(self, text, file):
        text = _prepare(text)
        if self._fast is None:
            return self._read_with_lark(text, file)
        try:
            return self._fast.read(text, file)
        except Unsure as unsure:
            return self._read_with_lark(text, file, unsure.resume_at)

    def read_with_lark(self, text, file):
        """The reference reader alone (the tests and benchmarks compare the fast one with it)."""
        return self._read_with_lark(_prepare(text), file)

    def _read_with_lark(self, text, file, resume_at=0):
        """Lark's reading of ``text``; from ``resume_at`` on when the fast reader read whole forms
        up to there (they are blanked out, see blank_before)."""
        lark = self._lark
        with self._lock:
            self._builder.file = file
            try:
                forms = self._parser.parse(blank_before(text, resume_at))
                problem = None
            except _SyntaxProblem as p:
                problem = p
            except lark.UnexpectedToken as e:
                problem = _explain_unexpected(e, lark.Token)
            except lark.UnexpectedCharacters as e:
                problem = _SyntaxProblem("unexpected character %r" % text[e.pos_in_stream],
                                         e.line, e.column)
        if problem is None:
            # from resume_at on it read without a problem after all: read the whole text
            return forms if resume_at == 0 else self._read_with_lark(text, file)
        return _fail(problem.message, text, Pos(file, problem.line, problem.col),
                     incomplete=problem.incomplete, expected=problem.expected)


def blank_before(text, end):
    """``text`` with everything before ``end`` turned into spaces, line breaks kept: lark reads
    only what follows, and positions (line, column) stay those of ``text``. Used where the fast
    reader gave up at ``end`` after whole top-level forms: lark's reading and errors from there on
    do not depend on them (only on the form being read)."""
    if not end:
        return text
    blank = "\n".join(" " * len(line) for line in text[:end].split("\n"))
    return blank + text[end:]


def _prepare(text):
    """What every read does first (read_all and grammar/stepped.py alike)."""
    if text.startswith("\ufeff"):  # a byte-order mark some editors write; not a symbol
        text = text[1:]
    if "\r" in text:   # a lone \r (old Mac files) ends a line too, for lark and for ; comments
        text = _LONE_CR.sub(lambda m: m.group(1) or m.group(2) or "\n", text)
    return text


def _explain_unexpected(error, token_class):
    """Turn lark's "unexpected token" into words, using the parser's stack to find the innermost
    open bracket. The grammar accepts any form anywhere, so only a closing bracket or the end of
    the input can be unexpected."""
    token = error.token
    stack = error.state.value_stack if error.state is not None else []
    at_end = token.type == "$END"
    line, col = token.line, token.column
    top = stack[-1] if stack else None
    if isinstance(top, token_class) and top.type in _PREFIXES:
        return _SyntaxProblem("expected a form after %s at %d:%d, found %s"
                              % (top.value, top.line, top.column, _describe(token)),
                              top.line if at_end else line, top.column if at_end else col,
                              incomplete=at_end, expected=["a form"])
    opener = None
    for value in reversed(stack):
        if isinstance(value, token_class) and value.type in _OPENERS:
            opener = value
            break
    if opener is None and token.type in _CLOSERS:  # a closing bracket with nothing open
        return _SyntaxProblem("unexpected %s: there is no open %s to close"
                              % (token.value, _OPENERS[_CLOSERS[token.type]][0]), line, col,
                              expected=["a form"])
    if opener is None:  # not expected from this grammar; still say where
        return _SyntaxProblem("unexpected %s" % _describe(token), line, col, incomplete=at_end)
    _, close, kind = _OPENERS[opener.type]
    message = "expected %s to close the %s opened at %d:%d, found %s" % (
        close, kind, opener.line, opener.column, _describe(token))
    if at_end:  # point at the bracket that is still open
        return _SyntaxProblem(message, opener.line, opener.column, incomplete=True, expected=[close])
    return _SyntaxProblem(message, line, col, expected=[close])


def _is_plain_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False
