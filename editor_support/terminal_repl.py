"""The terminal face of `lmac repl` (prompt_toolkit): an entry runs when its forms are complete
(Enter inside an open form adds a line), lmac highlighting, persistent history
(~/.lmac_history, or $LMAC_HISTORY) and completion of every known name (with `--connect`, also the
names Live's session defines). The evaluation itself is commands/repl.py's ``Repl`` or
commands/connect.py's ``RemoteRepl``."""
from __future__ import annotations

import os
import re

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.history import FileHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.styles import Style

from .lexer import LmacLexer

# A word as lmac reads it: anything up to a delimiter (so `wait-bars`, `armed?`, `mx/duck`).
_WORD = re.compile(r'[^\s,;()\[\]{}\'`~@]*$')


# Colours by the terminal's own palette (ANSI names), so they stay readable on dark and light
# backgrounds alike; prompt_toolkit's default Pygments colours (dark blue, dark green) vanish on
# dark terminals. Dotted classes cover their children (pygments.name covers pygments.name.builtin).
REPL_STYLE = {
    "pygments.keyword": "ansimagenta bold",
    "pygments.keyword.constant": "ansiyellow",
    "pygments.name.builtin": "ansicyan",
    "pygments.name.function": "ansibrightgreen bold",
    "pygments.name": "",
    "pygments.string": "ansigreen",
    "pygments.literal.string.symbol": "ansibrightcyan",
    "pygments.number": "ansiyellow",
    "pygments.literal.number": "ansiyellow",
    "pygments.comment": "ansibrightblack italic",
    "pygments.operator": "ansired",
    "pygments.punctuation": "",
}


def history_path():
    return os.environ.get("LMAC_HISTORY") or os.path.join(os.path.expanduser("~"), ".lmac_history")


class LmacCompleter(Completer):
    def __init__(self, repl):
        self.repl = repl
        self._words = None

    def words(self):
        if self._words is None:
            self._words = self.repl.completions()
        return self._words

    def get_completions(self, document, complete_event):
        before = document.text_before_cursor
        prefix = _WORD.search(before).group(0)
        if not prefix:
            return
        words = [w for w in self.words() if w.startswith(prefix)]
        remote = getattr(self.repl, "remote_completions", None)
        if remote is not None:   # --connect: what init.lmac and the libraries define in Live
            words = sorted(set(words).union(w for w in remote(prefix) if w.startswith(prefix)))
        for word in words:
            yield Completion(word, start_position=-len(prefix))


def key_bindings(repl):
    kb = KeyBindings()

    @kb.add("enter")
    def _(event):
        buf = event.current_buffer
        if repl.is_complete(buf.text):
            buf.validate_and_handle()
        else:
            buf.insert_text("\n")

    @kb.add("escape", "enter")  # Alt+Enter always adds a line
    def _(event):
        event.current_buffer.insert_text("\n")
    return kb


def run_terminal(repl):
    session = PromptSession(
        history=FileHistory(history_path()), lexer=PygmentsLexer(LmacLexer),
        completer=LmacCompleter(repl), multiline=True, key_bindings=key_bindings(repl),
        style=Style.from_dict(REPL_STYLE), include_default_pygments_style=False,
        prompt_continuation=lambda width, line, soft: "." * (width - 1) + " ",
        complete_while_typing=False)
    print(repl.banner)
    while True:
        try:
            text = session.prompt("lmac> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return 0
        try:
            out = repl.feed_text(text)
        except KeyboardInterrupt:   # stops waiting here; a macro started in Live keeps running
            out = "interrupted\n"
        extra, _status = repl.finish()  # an entry is whole: never carry a broken form over
        print((out + extra).rstrip("\n"))
        if repl.closed:
            return 1
