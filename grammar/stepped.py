"""Read text a slice at a time, so a long text never holds Live's main thread in one go.

    reading = SteppedRead(text, "<repl>")
    while not reading.step(deadline, max_tokens=512):   # False: more to read, call again later
        ...                                               # (the next tick)
    forms = reading.forms                                 # LmacSyntaxError raised by step()

Same syntax, values, positions and errors as ``reader.read_all``, and the same two readers: the fast
one (grammar/fast_reader.py) first; when it is not sure (an error, anything unusual), the same lark
parser read_all falls back to, driven token by token through its interactive interface from the
top-level form where the fast reader stopped. Between steps other reads may run: the parser's form
builder is told which file it builds for at the start of every step.
"""
from time import perf_counter

from ..interpreter.values import Pos
from .fast_reader import Unsure
from .reader import _Reader, _SyntaxProblem, _explain_unexpected, _fail, _prepare, blank_before

CHECK_EVERY = 16    # tokens between looks at the clock


class SteppedRead(object):
    def __init__(self, text, file="<input>"):
        text = _prepare(text)   # as read_all: no byte-order mark; a lone \r ends a line
        self.text = text
        self.file = file
        self.forms = None
        self.tokens = 0          # tokens read so far, by both readers (work accounting)
        self._reader = _Reader.get()
        fast = self._reader._fast
        self._fast = fast.start(text, file) if fast is not None else None
        self._parser = None      # lark's, once the fast reader gave up
        if self._fast is None:
            self._start_lark()

    def _start_lark(self, resume_at=0):
        self._fast = None
        self._resumed_at = resume_at    # lark reads from there on (see reader.blank_before)
        self._parser = self._reader._parser.parse_interactive(blank_before(self.text, resume_at))
        self._tokens = self._parser.iter_parse()
        self._last = None

    @property
    def done(self):
        return self.forms is not None

    def step(self, deadline, max_tokens=512):
        """Read up to ``max_tokens`` tokens or until ``deadline`` (perf_counter); True when done."""
        if self.forms is not None:
            return True
        if self._fast is not None:
            before = self._fast.tokens
            try:
                done = self._fast.advance(max_tokens, deadline, perf_counter, CHECK_EVERY)
            except Unsure as unsure:
                done, resume_at = None, unsure.resume_at
            used = self._fast.tokens - before
            self.tokens += used
            if done is not None:
                if done:
                    self.forms = self._fast.forms
                return done
            self._start_lark(resume_at)   # lark reads the form that stopped it, says what is wrong
            max_tokens -= used
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
        forms = self._parser.feed_eof(self._last)
        if self._resumed_at:   # no problem after all from there on: lark reads the whole text
            self._start_lark(0)
            return False
        self.forms = forms
        return True
