"""lmac repl: read forms, print one readable result per form (or `error: ...`), go on."""
from __future__ import annotations

import sys

from lmac.interpreter.values import LmacError, LmacSyntaxError


def add_arguments(p):
    pass


def run(args):
    from lmac.commands.session_factory import make_session
    session = make_session()
    return read_eval_print_lines(session, sys.stdin, sys.stdout)


def read_eval_print_lines(session, lines, out, file="<repl>"):
    """Evaluate each complete form as soon as its last line arrives; an unfinished form waits for
    more lines (the reader says "incomplete"); a syntax error is reported and the buffer dropped."""
    from lmac.grammar.reader import read_all
    buffer, start_line, line_no = "", 1, 0
    for line in lines:
        line_no += 1
        if not buffer.strip():
            start_line = line_no
        buffer += line
        try:
            # Pad with the lines already consumed so positions are those of the whole input.
            forms = read_all("\n" * (start_line - 1) + buffer, file)
        except LmacSyntaxError as e:
            if e.incomplete:
                continue
            _print_error(out, e, start_line)
            buffer = ""
            continue
        buffer = ""
        for form in forms:
            try:
                value = session.eval([form], file=file)
                out.write(session.describe(value) + "\n")
            except LmacError as e:
                _print_error(out, e, start_line)
        out.flush()
    if buffer.strip():
        try:
            read_all("\n" * (start_line - 1) + buffer, file)
        except LmacSyntaxError as e:
            _print_error(out, e, start_line)
            return 1
    return 0


def _print_error(out, error, start_line):
    out.write("error: " + error.located() + "\n")
