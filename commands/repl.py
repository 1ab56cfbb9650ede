"""lmac repl: read forms, print one readable result per form (or `error: file:line:col: ...`),
go on. On a terminal it is an editor (prompt_toolkit: multi-line forms, highlighting, history,
completion); otherwise it reads standard input line by line. Both understand the REPL commands
`:doc NAME`, `:tasks`, `:cancel N`, `:reload`, `:state`, `:pin TRIGGER`, `:help`.
`lmac repl --connect` evaluates in the running Live instead (commands/connect.py).

The logic is ``Repl`` (lines in, text out), so it is tested without a terminal."""
from __future__ import annotations

import os
import sys

from lmac.interpreter.values import LmacError, LmacSyntaxError

COMMAND_HELP = [
    (":doc NAME", "the signature and documentation of a name"),
    (":tasks", "the macros running in the background"),
    (":cancel N", "stop background task N"),
    (":reload", "start a fresh session and load the files again"),
    (":state", "a summary of the set: tempo, tracks, devices, playing clips"),
    (":pin TRIG", "bind the last form to a pad, e.g. :pin (note 40); appended to init.lmac"),
    (":midi HEX", "play a controller message into lmac, e.g. :midi 90 24 7F (note 36 pressed)"),
    (":help", "this list"),
]


def add_arguments(p):
    p.add_argument("files", nargs="*", metavar="FILE", help=".lmac files to load first (:reload loads them again)")
    p.add_argument("--connect", action="store_true",
                   help="evaluate in the running Live (the lmac control surface) instead of virtual Live")
    p.add_argument("--repl-file", metavar="PATH",
                   help="with --connect: the port/token file (default <User Library>/lmac/.repl)")
    p.add_argument("--user-library", metavar="PATH",
                   help="your User Library: where :pin writes lmac/init.lmac (default $LMAC_USER_LIBRARY)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="with --connect: how long to wait for a macro's answer (default 60)")
    p.add_argument("--set", metavar="SET", help="your Live set (MySong.als, only read) or a virtual Live set "
                                                "(JSON) to evaluate against; default: the demo set")
    from lmac.commands import cpu_limit
    cpu_limit.add_argument(p)


def run(args):
    if getattr(args, "connect", False):
        if getattr(args, "files", None):
            print("error: --connect evaluates in Live, which loads its own init.lmac; drop the FILE arguments",
                  file=sys.stderr)
            return 2
        if getattr(args, "max_cpu_seconds", None) is not None:
            print("error: --max-cpu-seconds is for virtual Live; in Live, put (set-max-cpu-seconds! S) "
                  "in init.lmac (or type it here)", file=sys.stderr)
            return 2
        from lmac.commands.connect import connect_repl
        return connect_repl(args)
    from lmac.commands.repl_host import make_hosted_session
    make_session = make_hosted_session
    set_path = getattr(args, "set", None)
    if set_path:
        from functools import partial
        from lmac.commands.set_option import load_problem
        problem = load_problem(set_path)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        make_session = partial(make_hosted_session, set_path)
    make_session = _with_cpu_limit(make_session, args)
    repl = Repl(make_session, files=getattr(args, "files", []) or [],
                user_library=getattr(args, "user_library", None))
    for text in repl.startup_messages:
        sys.stdout.write(text)
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            from lmac.editor_support.terminal_repl import run_terminal
        except ImportError as e:   # an lmac installed without its dependencies: the line REPL still works
            print("note: %s, so this is the plain line REPL (pip install prompt_toolkit pygments for "
                  "editing, history and completion)" % e, file=sys.stderr)
        else:
            return run_terminal(repl)
    return repl.run_lines(sys.stdin, sys.stdout)


def _with_cpu_limit(make_session, args):
    """Sessions that stop a form computing --max-cpu-seconds without waiting (a loop with no
    wait would otherwise never give the prompt back)."""
    from lmac.commands import cpu_limit

    def make():
        session = make_session()
        cpu_limit.apply(session, args)
        return session
    return make


def read_eval_print_lines(session, lines, out, file="<repl>"):
    """Evaluate each complete form as soon as its last line arrives; an unfinished form waits for
    more lines (the reader says "incomplete"); a syntax error is reported and the buffer dropped."""
    return Repl(session=session, file=file).run_lines(lines, out)


class Repl(object):
    """The REPL without a terminal: ``feed(line)`` returns the text to print."""

    banner = "lmac repl on virtual Live. :help lists the commands; Ctrl-D quits."
    closed = False          # True once the REPL cannot go on (the connected Live went away)
    unknown_command = None  # a hint for `:word` that is no command (the keyword still prints)

    def __init__(self, session_factory=None, session=None, file="<repl>", files=(), user_library=None):
        self.session_factory = session_factory
        self.file = file
        self.files = list(files)
        self.user_library = user_library
        self.last_form_text = None     # what :pin binds: the source of the last form that ran
        self.buffer = ""
        self.start_line = 1
        self.line_no = 0
        self.startup_messages = []
        self.session = session if session is not None else self._new_session()

    def _new_session(self):
        if self.session_factory is None:
            from lmac.commands.session_factory import make_session
            self.session_factory = make_session
        session = self.session_factory()
        self.startup_messages = [self._load(session, path) for path in self.files]
        self.startup_messages = [m for m in self.startup_messages if m]
        return session

    def _load(self, session, path):
        try:
            with open(path, encoding="utf-8") as f:
                session.eval(f.read(), file=path)
        except OSError as e:
            return "error: cannot read %s: %s\n" % (path, e.strerror)
        except LmacError as e:
            return "error: " + e.located() + "\n"
        return "loaded %s\n" % path

    # ---- input ----------------------------------------------------------------------------------
    @property
    def pending(self):
        """Is a form still open (the prompt should ask for more)?"""
        return bool(self.buffer.strip())

    def is_complete(self, text):
        """Would ``text`` (a whole entry) run now? False while a form is still open."""
        if text.strip().startswith(":") and self._command_word(text.strip()):
            return True
        try:
            from lmac.grammar.reader import read_all
            read_all(text, self.file)
        except LmacSyntaxError as e:
            return not e.incomplete
        return True

    def feed(self, line):
        """One line of input (with or without its newline); returns the text to print."""
        self.line_no += 1
        if not line.endswith("\n"):
            line += "\n"
        if not self.buffer.strip():
            self.start_line = self.line_no
            command = self._command_word(line.strip())
            if command:
                self.buffer = ""
                return self.command(line.strip()) + self.news()
            self.unknown_command = _unknown_command(line.strip(), self._COMMANDS)
        self.buffer += line
        from lmac.grammar.reader import read_all
        # Pad with the lines already consumed so positions are those of the whole input.
        text = "\n" * (self.entry_line() - 1) + self.buffer
        try:
            forms = read_all(text, self.file)
        except LmacSyntaxError as e:
            if e.incomplete:
                return ""
            self.buffer = ""
            return _error_text(e)
        self.buffer = ""
        out = []
        for form, source in zip(forms, form_texts(text, forms)):
            out.append(self.eval_form(form, source))
            if self.closed:
                break
        hint, self.unknown_command = self.unknown_command, None
        return "".join(out) + (hint or "") + self.news()

    def news(self):
        """What Live showed meanwhile (status bar, LEDs), when the session is a hosted Live."""
        news = getattr(self.session, "news", None)
        lines = news() if callable(news) else []
        return "".join("; %s\n" % line for line in lines)

    def entry_line(self):
        """The line number the current entry starts at, in the positions errors report."""
        return self.start_line

    def feed_text(self, text):
        """A whole entry of several lines (the terminal REPL's input)."""
        return "".join(self.feed(line) for line in text.split("\n"))

    def finish(self):
        """At the end of input: report a form left open. Returns (text, exit status)."""
        if not self.buffer.strip():
            return "", 0
        from lmac.grammar.reader import read_all
        try:
            read_all("\n" * (self.entry_line() - 1) + self.buffer, self.file)
        except LmacSyntaxError as e:
            self.buffer = ""
            return _error_text(e), 1
        self.buffer = ""
        return "", 0

    def eval_form(self, form, source=None):
        try:
            value = self.session.eval([form], file=self.file)
        except LmacError as e:
            return _error_text(e)
        self.last_form_text = one_line(source, form)
        return self.session.describe(value) + "\n"

    def run_lines(self, lines, out):
        for line in lines:
            text = self.feed(line)
            if text:
                out.write(text)
            out.flush()
            if self.closed:
                return 1
        text, status = self.finish()
        if text:
            out.write(text)
            out.flush()
        return status

    # ---- commands -------------------------------------------------------------------------------
    _COMMANDS = ("doc", "tasks", "cancel", "reload", "state", "pin", "midi", "help")

    def _command_word(self, text):
        if not text.startswith(":"):
            return None
        word = text[1:].split(None, 1)[0] if len(text) > 1 else ""
        return word if word in self._COMMANDS else None

    def command(self, text):
        word = self._command_word(text)
        arg = text.split(None, 1)[1].strip() if len(text.split(None, 1)) > 1 else ""
        return getattr(self, "cmd_" + word)(arg)

    def cmd_help(self, arg):
        return "".join("%-10s %s\n" % pair for pair in COMMAND_HELP)

    def cmd_doc(self, arg):
        if not arg:
            return "error: :doc expects a name, e.g. :doc arm\n"
        return describe_name(arg, self.session) + "\n"

    def cmd_tasks(self, arg):
        tasks = [t for t in self.session.scheduler.tasks.values() if not t.finished]
        if not tasks:
            return "no background tasks\n"
        return "".join("%d  %s  %s\n" % (t.id, t.name or "task", t.status)
                       for t in sorted(tasks, key=lambda t: t.id))

    def cmd_cancel(self, arg):
        try:
            number = int(arg)
        except ValueError:
            return "error: :cancel expects a task number (see :tasks)\n"
        task = self.session.scheduler.tasks.get(number)
        if task is None or task.finished:
            return "error: no running task %d (see :tasks)\n" % number
        task.cancel()
        return "cancelled task %d\n" % number

    def cmd_reload(self, arg):
        hook = getattr(self.session, "reload", None)
        if callable(hook):
            try:
                hook()
            except LmacError as e:
                return _error_text(e)
            return "reloaded\n"
        self.session = self._new_session()
        return "".join(self.startup_messages) + "reloaded: a fresh session\n"

    def cmd_state(self, arg):
        catch_up = getattr(self.session, "catch_up", None)
        if callable(catch_up):
            catch_up()
        return describe_state(self.session)

    def cmd_midi(self, arg):
        send = getattr(self.session, "send_midi_in", None)
        if not callable(send):
            return "error: :midi needs the Remote Script (lmac repl on virtual Live)\n"
        try:
            data = tuple(int(part, 16) for part in arg.split())
        except ValueError:
            data = ()
        if not data or any(b > 255 for b in data) or data[0] < 0x80:
            return "error: :midi expects a message in hex starting with a status byte, e.g. :midi 90 24 7F\n"
        send(data)
        return "sent %s\n" % " ".join("%02X" % b for b in data)

    def pin_problem(self, trigger_text):
        """Why `:pin TRIGGER` cannot go ahead (an error line), or None."""
        from lmac.surface.repl_server import trigger_problem
        if not trigger_text:
            return "error: :pin binds the last form to a pad: :pin (note 40)\n"
        problem = trigger_problem(trigger_text)
        if problem:
            return "error: :pin " + problem + "\n"
        if self.last_form_text is None:
            return "error: nothing to pin yet: run a one-liner first, then :pin %s\n" % trigger_text
        return None

    def cmd_pin(self, arg):
        """Locally (virtual Live) :pin writes the User Library's init.lmac for the real Live to load."""
        from lmac.surface.user_library import find_user_library, init_path, pin_binding
        problem = self.pin_problem(arg)
        if problem:
            return problem
        user_library = find_user_library(self.user_library, package_dir=os.devnull)
        if not user_library:
            return ("error: :pin writes <User Library>/lmac/init.lmac: say where your User Library is with "
                    "--user-library PATH or LMAC_USER_LIBRARY\n")
        try:
            line = pin_binding(user_library, arg, self.last_form_text)
        except LmacError as e:
            return _error_text(e)
        except OSError as e:
            return "error: could not write %s: %s\n" % (init_path(user_library), e.strerror or e)
        return "%s\n; appended to %s (Live loads it when lmac starts)\n" % (line, init_path(user_library))

    # ---- completion -----------------------------------------------------------------------------
    def completions(self):
        """Every name worth completing: the vocabulary, actions, the session's own definitions
        and the REPL commands."""
        from lmac.editor_support.names import known_names, library_files
        words = set(known_names())
        words.update(self.session.globals)
        words.update('"%s"' % lib for lib in library_files())
        words.update(":" + c for c in self._COMMANDS)
        return sorted(words)


def _unknown_command(text, commands):
    """A hint for a line `:word` that is no REPL command: the keyword is still evaluated (it is
    lmac), but `:stat` is more likely a mistyped command than a keyword the user wants echoed."""
    import difflib
    import re
    match = re.match(r"^:([a-z][a-z-]*)$", text)
    if not match or match.group(1) in commands:
        return None
    word = match.group(1)
    close = difflib.get_close_matches(word, commands, n=1)
    hint = " (did you mean :%s?)" % close[0] if close else ""
    return "; :%s is not a REPL command%s; :help lists them\n" % (word, hint)


def _error_text(error):
    return "error: " + error.located() + "\n"


def _printed(form):
    from lmac.interpreter.printer import pr_str
    return pr_str(form)


_DELIMITERS = " \t\r\n,;()[]{}\"'`~@"
_CLOSE = {"(": ")", "[": "]", "{": "}"}


def _skip_blank(text, i):
    """Past whitespace, commas and comments."""
    while i < len(text):
        if text[i] in " \t\r\n,":
            i += 1
        elif text[i] == ";":
            while i < len(text) and text[i] != "\n":
                i += 1
        else:
            return i
    return i


def _string_end(text, i):
    i += 1
    while i < len(text) and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return min(i + 1, len(text))


def form_end(text, i):
    """Where the form starting at ``i`` ends, for text that reads without error (lmac.lark)."""
    while text.startswith(("~@", "'", "`", "~", "@"), i):   # reader macros prefix a form
        i = _skip_blank(text, i + (2 if text.startswith("~@", i) else 1))
    if i >= len(text):
        return i
    if text[i] == '"':
        return _string_end(text, i)
    if text[i] not in _CLOSE:
        while i < len(text) and text[i] not in _DELIMITERS:
            i += 1
        return i
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            i = _string_end(text, i)
            continue
        if ch == ";":
            i = _skip_blank(text, i)
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def form_texts(text, forms):
    """The source of each form read from ``text``, in order (what the REPL sends to Live and
    :pin writes back). Positioned forms start where the reader says; the rest (numbers, strings)
    where the previous form ended."""
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    out = []
    cursor = 0
    for form in forms:
        pos = getattr(form, "pos", None)
        if pos is not None and pos.line - 1 < len(line_starts):
            start = line_starts[pos.line - 1] + pos.col - 1
        else:
            start = _skip_blank(text, cursor)
        cursor = form_end(text, start)
        out.append(text[start:cursor])
    return out


def one_line(source, form):
    """What :pin writes for a form: its source when that is one line reading as the form alone,
    else the form printed (one line, comments dropped)."""
    from lmac.grammar.reader import read_all
    if source and ";" not in source and "\n" not in source:
        try:
            if len(read_all(source, "<pin>")) == 1:
                return source
        except LmacSyntaxError:
            pass
    return _printed(form)


def describe_name(name, session=None):
    """The :doc text (also the language server's hover): signature, doc, family, Live version."""
    from lmac.editor_support.names import known_names, version_text
    from lmac.interpreter.vocabulary import entry_for_value
    entry = known_names().get(name)
    if entry is None and session is not None and name in session.globals:
        entry = entry_for_value(name, session.globals[name], session.docs.get(name))
    if entry is None:
        return "'%s' not found" % name
    lines = [entry.signature]
    doc = entry.doc or (session.docs.get(name) if session is not None else "") or ""
    if doc:
        lines.append(doc)
    extra = []
    if entry.kind:
        extra.append(entry.kind if not entry.family else "%s action (%s)" % (entry.family, entry.kind))
    if entry.min_live and tuple(entry.min_live) > (11, 0):
        extra.append("needs Live %s" % version_text(entry.min_live))
    if extra:
        lines.append("[" + ", ".join(extra) + "]")
    if entry.example:
        lines.append("example: " + entry.example)
    return "\n".join(lines)


def describe_state(session):
    """:state: the set at a glance, in the words of `lmac run`'s final summary."""
    live = getattr(session, "live", None)
    if live is None:
        return "no Live set in this session (the pure language only)\n"
    from lmac.surface.timeline import Timeline
    song = live.song
    lines = Timeline(song, live.clock).summary()
    lines.insert(1, "song time %.2f beats, %d scenes" % (song.current_song_time, len(song.scenes)))
    return "\n".join(lines) + "\n"


__all__ = ["Repl", "read_eval_print_lines", "describe_name", "describe_state", "form_texts", "one_line"]

