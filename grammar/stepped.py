"""Read text a slice at a time, so a long text never holds Live's main thread in one go.

    reading = SteppedRead(text, "<repl>")
    while not reading.step(deadline, max_tokens=512):   # False: more to read, call again later
        ...                                               # (the next tick)
    forms = reading.forms                                 # LmacSyntaxError raised by step()

Same syntax, values, positions and errors as ``reader.read_all`` (the same lark parser, driven
token by token through its interactive interface). Between steps other reads may run: the parser's
form builder is told which file it builds for at the start of every step.
"""
from time import perf_counter

from ..interpreter.values import Pos
from .reader import _Reader, _SyntaxProblem, _explain_unexpected, _fail, _prepare

CHECK_EVERY = 16    # tokens between looks at the clock


class SteppedRead(object):
    def __init__(self, text, file="<input>"):
        text = _prepare(text)   # as read_all: no byte-order mark; a lone \r ends a line
        self.text = text
        self.file = file
        self.forms = None
        self.tokens = 0          # tokens read so far (work accounting for callers and tests)
        self._reader = _Reader.get()
        self._parser = self._reader._parser.parse_interactive(text)
        self._tokens = self._parser.iter_parse()
        self._last = None

    @property
    def done(self):
        return self.forms is not None

    def step(self, deadline, max_tokens=512):
        """Read up to ``max_tokens`` tokens or until ``deadline`` (perf_counter); True when done."""
        if self.forms is not None:
            return True
        reader = self._reader
        lark = reader._lark
        with reader._lock:
            reader._builder.file = self.file
            try:
                return self._advance(deadline, max_tokens)
            except _SyntaxProblem as p:
                problem = p
            except lark.UnexpectedToken as e:
                problem = _explain_unexpected(e, lark.Token)
            except lark.UnexpectedCharacters as e:
                problem = _SyntaxProblem("unexpected character %r" % self.text[e.pos_in_stream],
                                         e.line, e.column)
        return _fail(problem.message, self.text, Pos(self.file, problem.line, problem.col),
                     incomplete=problem.incomplete, expected=problem.expected)

    def _advance(self, deadline, max_tokens):
        count = 0
        for token in self._tokens:
            self._last = token
            count += 1
            self.tokens += 1
            if count >= max_tokens or (count % CHECK_EVERY == 0 and perf_counter() >= deadline):
                return False    # this token is fed when the next step resumes the generator
        self.forms = self._parser.feed_eof(self._last)
        return True
