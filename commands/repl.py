"""lmac repl: read forms, print one readable result per form (or `error: file:line:col: ...`),
go on. On a terminal it is an editor (prompt_toolkit: multi-line forms, highlighting, history,
completion); otherwise it reads standard input line by line. Both understand the REPL commands
`:doc NAME`, `:tasks`, `:cancel N`, `:reload`, `:state`, `:help`.

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
    (":help", "this list"),
]


def add_arguments(p):
    p.add_argument("files", nargs="*", metavar="FILE", help=".lmac files to load first (:reload loads them again)")


def run(args):
    from lmac.commands.session_factory import make_session
    repl = Repl(make_session, files=getattr(args, "files", []) or [])
    for text in repl.startup_messages:
        sys.stdout.write(text)
    if sys.stdin.isatty() and sys.stdout.isatty():
        from lmac.editor_support.terminal_repl import run_terminal
        return run_terminal(repl)
    return repl.run_lines(sys.stdin, sys.stdout)


def read_eval_print_lines(session, lines, out, file="<repl>"):
    """Evaluate each complete form as soon as its last line arrives; an unfinished form waits for
    more lines (the reader says "incomplete"); a syntax error is reported and the buffer dropped."""
    return Repl(session=session, file=file).run_lines(lines, out)


class Repl(object):
    """The REPL without a terminal: ``feed(line)`` returns the text to print."""

    def __init__(self, session_factory=None, session=None, file="<repl>", files=()):
        self.session_factory = session_factory
        self.file = file
        self.files = list(files)
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
                return self.command(line.strip())
        self.buffer += line
        from lmac.grammar.reader import read_all
        try:
            # Pad with the lines already consumed so positions are those of the whole input.
            forms = read_all("\n" * (self.start_line - 1) + self.buffer, self.file)
        except LmacSyntaxError as e:
            if e.incomplete:
                return ""
            self.buffer = ""
            return _error_text(e)
        self.buffer = ""
        return "".join(self.eval_form(form) for form in forms)

    def feed_text(self, text):
        """A whole entry of several lines (the terminal REPL's input)."""
        return "".join(self.feed(line) for line in text.split("\n"))

    def finish(self):
        """At the end of input: report a form left open. Returns (text, exit status)."""
        if not self.buffer.strip():
            return "", 0
        from lmac.grammar.reader import read_all
        try:
            read_all("\n" * (self.start_line - 1) + self.buffer, self.file)
        except LmacSyntaxError as e:
            self.buffer = ""
            return _error_text(e), 1
        self.buffer = ""
        return "", 0

    def eval_form(self, form):
        try:
            value = self.session.eval([form], file=self.file)
        except LmacError as e:
            return _error_text(e)
        return self.session.describe(value) + "\n"

    def run_lines(self, lines, out):
        for line in lines:
            text = self.feed(line)
            if text:
                out.write(text)
            out.flush()
        text, status = self.finish()
        if text:
            out.write(text)
            out.flush()
        return status

    # ---- commands -------------------------------------------------------------------------------
    _COMMANDS = ("doc", "tasks", "cancel", "reload", "state", "help")

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
        return describe_state(self.session)

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


def _error_text(error):
    return "error: " + error.located() + "\n"


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


def find_song(session):
    """The Live song behind a session, wherever the surface keeps it (None for the pure one)."""
    for path in ("song", "live.song", "surface.song", "context.song", "host.song",
                 "application.song", "app.song"):
        obj = session
        for part in path.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                break
        if callable(obj) and not hasattr(obj, "tracks"):
            try:
                obj = obj()
            except Exception:
                obj = None
        if obj is not None and hasattr(obj, "tracks"):
            return obj
    return None


def describe_state(session):
    song = find_song(session)
    if song is None:
        return "no Live set in this session (the pure language only)\n"
    lines = []
    try:
        sig = "%s/%s" % (song.signature_numerator, song.signature_denominator)
    except Exception:
        sig = "?"
    lines.append("tempo %.2f  %s  %s  song time %.2f beats" % (
        _get(song, "tempo", 0.0), sig, "playing" if _get(song, "is_playing", False) else "stopped",
        _get(song, "current_song_time", 0.0)))
    for i, track in enumerate(_get(song, "tracks", []) or []):
        lines.append("  " + _track_line(i + 1, track))
    for track in _get(song, "return_tracks", []) or []:
        lines.append("  " + _track_line("ret", track))
    master = _get(song, "master_track", None)
    if master is not None:
        lines.append("  " + _track_line("main", master))
    scenes = _get(song, "scenes", []) or []
    lines.append("%d scene%s" % (len(scenes), "" if len(scenes) == 1 else "s"))
    return "\n".join(lines) + "\n"


def _track_line(label, track):
    kind = "midi" if _get(track, "has_midi_input", False) else "audio"
    flags = [f for f, attr in (("armed", "arm"), ("muted", "mute"), ("solo", "solo"))
             if _safe_flag(track, attr)]
    devices = [_get(d, "name", "?") for d in (_get(track, "devices", []) or [])]
    playing = ""
    index = _get(track, "playing_slot_index", -1)
    slots = _get(track, "clip_slots", []) or []
    if isinstance(index, int) and 0 <= index < len(slots):
        clip = _get(slots[index], "clip", None)
        playing = " playing %r (scene %d)" % (_get(clip, "name", ""), index + 1)
    vol = _get(_get(_get(track, "mixer_device", None), "volume", None), "value", None)
    return "%s %r %s%s%s%s%s" % (
        label, _get(track, "name", "?"), kind if label not in ("ret", "main") else "",
        " vol %.2f" % vol if isinstance(vol, (int, float)) else "",
        " [" + " ".join(flags) + "]" if flags else "",
        " devices: " + ", ".join(devices) if devices else "", playing)


def _safe_flag(track, attr):
    try:
        return bool(getattr(track, attr))
    except Exception:  # the main track has no arm; Live raises rather than saying False
        return False


def _get(obj, attr, default):
    if obj is None:
        return default
    try:
        return getattr(obj, attr)
    except Exception:
        return default


__all__ = ["Repl", "read_eval_print_lines", "describe_name", "describe_state", "find_song"]

