"""The client side of `lmac repl --connect`: the REPL, evaluating in the running Live.

The Remote Script writes its port and token to <User Library>/lmac/.repl (mode 0600; see
surface/repl_server.py). ``connect_repl(args)`` reads it (``args.repl_file``, or the User Library
from ``args.user_library`` / LMAC_USER_LIBRARY / Ableton's default), signs in by sending the token
as its first line (Live answers {"ok": true} or closes the connection), then works like the local
REPL: on a terminal the prompt_toolkit editor (completion asks Live for its names too), otherwise
one result per form per line, or `error: file:line:col: message`. Each form is sent alone, padded
so that errors give its line and column within the entry (an entry: the lines of one input that
complete its forms), as Live reads each entry as a fresh `<repl>` text. `:pin (note 40)` binds the last form to
that pad through the server, which appends it to init.lmac (reloaded by the script at once).

``RemoteRepl`` is commands/repl.py's ``Repl`` with evaluation, :doc and :pin sent to Live.
"""
from __future__ import annotations

import json
import os
import socket
import stat
import sys

from lmac.commands.repl import Repl, describe_name

DEFAULT_TIMEOUT = 60.0
COMPLETE_TIMEOUT = 2.0     # Tab must not hang when Live is busy


class ReplClientError(Exception):
    """The connection cannot go on (no Live, wrong token, closed)."""


class ReplTimeout(ReplClientError):
    """No answer in time; the connection stays usable (the late answer is skipped)."""


class ReplRefused(ReplClientError):
    """The client would not send this request (too long); the connection stays usable."""


def repl_file_for(args=None):
    from lmac.surface.user_library import default_user_library, find_user_library, repl_file
    explicit = getattr(args, "repl_file", None)
    if explicit:
        return explicit
    ul = find_user_library(getattr(args, "user_library", None), package_dir="/nonexistent") or default_user_library()
    candidates = [repl_file(ul)] if ul else []
    # A script that could not tell its User Library (e.g. Live moved it in Preferences) writes
    # the file to the temp folder instead.
    candidates.append(repl_file(None))
    return next((c for c in candidates if os.path.exists(c)), candidates[0])


def read_repl_file(path):
    _check_private(path)
    try:
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
        return str(info.get("host", "127.0.0.1")), int(info["port"]), str(info["token"])
    except OSError:
        raise ReplClientError("is lmac running in Live? (no %s)" % path)
    except (ValueError, KeyError, TypeError):
        raise ReplClientError("%s is not an lmac REPL file (restart the lmac control surface in Live)" % path)


def _check_private(path):
    """The file the script writes is the user's own and closed to others (0600); anything else
    (say a file another user left in the shared temp folder) could send this REPL elsewhere."""
    try:
        info = os.lstat(path)
    except OSError:
        return   # read_repl_file says that lmac is not running
    if not hasattr(os, "getuid"):
        return
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ReplClientError("%s is not private to you (a link, another owner, or readable by others): "
                              "lmac will not use it; delete it and restart the lmac control surface" % path)


class ReplClient(object):
    """One connection: ``request(dict) -> dict``, blocking up to ``timeout`` seconds."""

    def __init__(self, host, port, token, timeout=DEFAULT_TIMEOUT, path=None):
        from lmac.surface.repl_server import MAX_MESSAGE
        self.token = token
        self.timeout = timeout
        self.path = path or "the REPL file"
        self.max_message = MAX_MESSAGE
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        self.next_id = 0
        self.port = port
        self._sign_in()

    def _sign_in(self):
        """The token is the first line; Live answers {"ok": true} or closes the connection."""
        try:
            self.sock.sendall((self.token + "\n").encode("utf-8"))
            reply = self._read_reply(self.timeout)
        except socket.timeout:
            self.close()
            raise ReplClientError("Live did not answer within %g s (is it busy?)" % self.timeout)
        except (OSError, ReplClientError):
            reply = {"ok": False}
        if reply.get("ok"):
            return
        self.close()
        error = reply.get("error")
        if error == "a request is one JSON object per line":   # a server from before the sign-in line
            raise ReplClientError("Live runs an older lmac that does not know this client: run "
                                  "`lmac install`, then restart Live")
        if error and error != "wrong token":
            raise ReplClientError("Live refused the connection: %s" % error)
        raise ReplClientError("Live refused the token in %s and closed the connection: the file is from "
                              "an earlier start of lmac (or another Live); try again" % self.path)

    @classmethod
    def from_file(cls, path, timeout=DEFAULT_TIMEOUT):
        host, port, token = read_repl_file(path)
        try:
            return cls(host, port, token, timeout, path)
        except ReplClientError:
            raise
        except OSError as e:
            raise ReplClientError("is lmac running in Live? (nothing answers on port %d from %s: %s)"
                                  % (port, path, e.strerror or e))

    def request(self, message, timeout=None):
        self.next_id += 1
        rid = self.next_id
        data = (json.dumps(dict(message, id=rid)) + "\n").encode("utf-8")
        if len(data) > self.max_message:
            raise ReplRefused("too long to send to Live (%d bytes; the limit is %d)" % (len(data), self.max_message))
        wait = self.timeout if timeout is None else timeout
        self.sock.settimeout(wait)
        try:
            self.sock.sendall(data)
            while True:
                reply = self._read_reply(wait)
                # A reply to an earlier request that timed out is late: skip it.
                if reply.get("id") in (None, rid):
                    break
        except socket.timeout:
            raise ReplTimeout("no answer from Live within %g s (the macro may still be running there; "
                              "its result will not be shown)" % wait)
        except OSError as e:
            raise ReplClientError("Live closed the connection (%s)" % (e.strerror or e))
        if not reply.get("ok") and str(reply.get("error", "")).startswith("request too long"):
            raise ReplClientError("Live closed the connection: %s" % reply["error"])
        return reply

    def _read_reply(self, wait):
        while b"\n" not in self.buffer:
            data = self.sock.recv(65536)
            if not data:
                raise ReplClientError("Live closed the connection (lmac stopped or Live quit)")
            self.buffer += data
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            reply = json.loads(line.decode("utf-8"))
        except ValueError:
            raise ReplClientError("Live answered something that is not lmac's protocol: %r" % line[:80])
        if not isinstance(reply, dict):
            raise ReplClientError("Live answered something that is not lmac's protocol: %r" % line[:80])
        return reply

    def eval(self, text):
        return self.request({"eval": text})

    def complete(self, prefix, timeout=COMPLETE_TIMEOUT):
        return self.request({"complete": prefix}, timeout=timeout).get("completions", [])

    def pin(self, trigger_text, form_text):
        return self.request({"pin": trigger_text, "form": form_text})

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def format_reply(reply):
    text = reply.get("output", "")
    if reply.get("ok"):
        return text + reply.get("value", "") + "\n"
    return text + "error: " + reply.get("error", "?") + "\n"


class RemoteRepl(Repl):
    """The REPL whose forms run in Live: ``feed(line)`` sends each complete form to the server."""

    REMOTE_COMMANDS = ("doc", "pin", "help")

    def __init__(self, client, file="<repl>"):
        self.client = client
        self.session_factory = None
        self.session = None
        self.file = file
        self.files = []
        self.user_library = None
        self.last_form_text = None
        self.buffer = ""
        self.start_line = 1
        self.line_no = 0
        self.startup_messages = []
        self.closed = False
        self.banner = ("lmac repl connected to Live (port %s). :help lists the commands; Ctrl-D quits."
                       % getattr(client, "port", "?"))

    def entry_line(self):
        """Live reads each entry as a fresh <repl> text: positions count from its first line."""
        return 1

    def _send(self, fn, *args):
        """Call the client; a broken connection becomes the REPL's last line."""
        try:
            return fn(*args), None
        except (ReplTimeout, ReplRefused) as e:
            return None, "error: %s\n" % e
        except ReplClientError as e:
            self.closed = True
            return None, "error: %s\n" % e

    def eval_form(self, form, source=None):
        from lmac.commands.repl import one_line
        from lmac.interpreter.printer import pr_str
        text = source or pr_str(form)
        pos = getattr(form, "pos", None)
        # The form keeps its line and column within the entry in the text sent.
        padded = text if pos is None else "\n" * (pos.line - 1) + " " * (pos.col - 1) + text
        reply, problem = self._send(self.client.eval, padded)
        if problem:
            return problem
        if reply.get("ok"):
            self.last_form_text = one_line(source, form)
        return format_reply(reply)

    def cmd_pin(self, arg):
        problem = self.pin_problem(arg)
        if problem:
            return problem
        reply, problem = self._send(self.client.pin, arg, self.last_form_text)
        return problem or format_reply(reply)

    def cmd_doc(self, arg):
        if not arg:
            return "error: :doc expects a name, e.g. :doc arm\n"
        text = describe_name(arg)
        if not text.endswith("not found"):
            return text + "\n"
        # Not in the vocabulary: maybe the set's init.lmac or a library defined it.
        reply, problem = self._send(self.client.eval, "(doc %s)" % json.dumps(arg))
        if problem:
            return problem
        if reply.get("ok") and reply.get("value") not in (None, "nil"):
            try:
                doc = json.loads(reply["value"])
            except ValueError:
                doc = reply["value"]
            return "%s\n%s\n" % (arg, doc)
        return text + "\n"

    def command(self, text):
        word = self._command_word(text)
        if word not in self.REMOTE_COMMANDS:
            return "error: :%s works in the local REPL only (without --connect)\n" % word
        return Repl.command(self, text)

    def cmd_help(self, arg):
        from lmac.commands.repl import COMMAND_HELP
        return "".join("%-10s %s\n" % (name, what) for name, what in COMMAND_HELP
                       if name[1:].split()[0] in self.REMOTE_COMMANDS)

    def completions(self):
        from lmac.editor_support.names import known_names, library_files
        words = set(known_names())
        words.update('"%s"' % lib for lib in library_files())
        words.update(":" + c for c in self.REMOTE_COMMANDS)
        return sorted(words)

    def remote_completions(self, prefix):
        """What Live's session knows that starts with prefix (init.lmac's definitions too)."""
        if self.closed:
            return []
        try:
            return list(self.client.complete(prefix))
        except ReplClientError:
            return []


def run_lines(client, lines, out):
    """Non-terminal mode: forms from ``lines``, one result per form written to ``out``; returns
    the exit status (1 when the connection broke or a form was left open)."""
    return RemoteRepl(client).run_lines(lines, out)


def connect_repl(args):
    """Entry point for `lmac repl --connect` (called by commands/repl.py)."""
    timeout = getattr(args, "timeout", None) or DEFAULT_TIMEOUT
    try:
        client = ReplClient.from_file(repl_file_for(args), timeout=timeout)
    except ReplClientError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    try:
        repl = RemoteRepl(client)
        if sys.stdin.isatty() and sys.stdout.isatty():
            from lmac.editor_support.terminal_repl import run_terminal
            return run_terminal(repl)
        return repl.run_lines(sys.stdin, sys.stdout)
    finally:
        client.close()


__all__ = ["ReplClient", "ReplClientError", "RemoteRepl", "run_lines", "connect_repl", "read_repl_file",
           "repl_file_for", "format_reply"]
