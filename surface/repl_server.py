"""The REPL server inside the Remote Script: `lmac repl --connect` talks to the running Live.

A TCP socket on 127.0.0.1 (an ephemeral port), non-blocking and polled only from the script's
tick: each poll reads at most MAX_READ_PER_POLL bytes per connection and stops after
POLL_BUDGET_S; a message longer than MAX_MESSAGE closes its connection. The port and a random
token are written to a file only the user can read (mode 0600): <User Library>/lmac/.repl, or
<temp dir>/lmac-<uid>.repl when the User Library is unknown. A message with a wrong token gets an
error and its connection is closed.

Protocol: one JSON object per line, each carrying "token" (and optionally "id", echoed back).
    {"eval": "(+ 1 2)"}                       -> {"ok": true, "value": "3", "output": ""}
    {"eval": "(foo"}                          -> {"ok": false, "error": "<repl>:1:1: ...", "incomplete": true}
    {"complete": "wait-"}                     -> {"ok": true, "completions": ["wait-bars", ...]}
    {"pin": "(note 40)", "form": "(play)"}    -> {"ok": true, "value": "(bind (note 40) (play))"}
    ("pin" must be a trigger form; the line is appended to <User Library>/lmac/init.lmac, which the
    library loader reloads, so the pad works at once.)
A macro that waits answers when it finishes; the connection's later requests queue behind it.
"""
from __future__ import annotations

import errno
import hmac
import json
import os
import socket
from time import perf_counter
from typing import Any

from ..interpreter.machine import FAILED, Task
from ..interpreter.printer import pr_str
from ..grammar.reader import read_all
from ..interpreter.values import Keyword, List, LmacError, LmacSyntaxError, Symbol
from .user_library import pin_binding, repl_file

MAX_MESSAGE = 1 << 20          # bytes in one request line
MAX_READ_PER_POLL = 1 << 16    # bytes read from one connection per tick
POLL_BUDGET_S = 0.003          # time spent reading and answering per tick (evaluation has its own)
MAX_CONNECTIONS = 8


def new_token():
    return "".join("%02x" % b for b in bytearray(os.urandom(16)))


def write_private(path, text):
    """Write a file only the current user can read (created 0600; never world-readable)."""
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder)
    if os.path.exists(path):
        os.remove(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


class _Connection(object):
    def __init__(self, sock):
        self.sock = sock
        self.inbuf = b""
        self.outbuf = b""
        self.pending = []          # (request id, Task, captured output) in order
        self.closing = False


class ReplServer(object):
    def __init__(self, session, user_library=None, path=None, dyn=None, report=None, on_pin=None,
                 host="127.0.0.1", port=0):
        self.session = session
        self.user_library = user_library
        self.path = path or repl_file(user_library)
        self.dyn = dict(dyn or {})
        self.report = report or (lambda text: None)
        self.on_pin = on_pin            # fn(trigger_text, form_text): activate the pinned binding
        self.host = host
        self.token = new_token()
        self.listener: Any = None
        self.port = None
        self.connections = []
        self._turn = 0                  # which connection the next poll serves first
        self._requested_port = port

    # ---- life cycle --------------------------------------------------------------------------
    def start(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((self.host, self._requested_port))
            sock.listen(MAX_CONNECTIONS)
            sock.setblocking(False)
        except Exception:
            sock.close()
            raise
        self.listener = sock
        self.port = sock.getsockname()[1]
        write_private(self.path, json.dumps({"port": self.port, "token": self.token, "host": self.host}))
        return self.port

    def close(self):
        for conn in list(self.connections):
            self._drop(conn)
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        try:
            with open(self.path) as f:
                mine = json.load(f).get("token") == self.token
            if mine:
                os.remove(self.path)
        except (IOError, OSError, ValueError):
            pass

    # ---- the tick ----------------------------------------------------------------------------
    def poll(self, now_ms=None):
        if self.listener is None:
            return
        deadline = perf_counter() + POLL_BUDGET_S
        self._accept()
        # Connections take turns at going first, so a busy one cannot use every tick's budget.
        self._turn = (self._turn + 1) % max(1, len(self.connections))
        for conn in self.connections[self._turn:] + self.connections[:self._turn]:
            if perf_counter() > deadline:
                break
            self._read(conn, deadline)
            self._answer_finished(conn)
            self._write(conn)

    def _accept(self):
        while len(self.connections) < MAX_CONNECTIONS:
            try:
                sock, addr = self.listener.accept()
            except (BlockingIOError, socket.error) as e:
                if _would_block(e):
                    return
                self.report("REPL server: %s" % e)
                return
            sock.setblocking(False)
            self.connections.append(_Connection(sock))

    def _read(self, conn, deadline):
        if conn.closing:
            return
        try:
            data = conn.sock.recv(MAX_READ_PER_POLL)
        except (BlockingIOError, socket.error) as e:
            if not _would_block(e):
                self._drop(conn)
                return
            data = None   # nothing new; lines an earlier tick had no time for still wait below
        if data is not None and not data:
            conn.closing = True
            if not conn.pending and not conn.outbuf:
                self._drop(conn)
            return
        conn.inbuf += data or b""
        while b"\n" in conn.inbuf and not conn.closing and perf_counter() <= deadline:
            line, conn.inbuf = conn.inbuf.split(b"\n", 1)
            if len(line) > MAX_MESSAGE:   # the whole line may arrive in the read that crosses the limit
                self._reply(conn, {"ok": False, "error": "request too long (over %d bytes)" % MAX_MESSAGE})
                conn.closing = True
                return
            if line.strip():
                self._handle(conn, line)
        if len(conn.inbuf) > MAX_MESSAGE:
            self._reply(conn, {"ok": False, "error": "request too long (over %d bytes)" % MAX_MESSAGE})
            conn.closing = True

    def _write(self, conn):
        if conn.outbuf:
            try:
                sent = conn.sock.send(conn.outbuf)
                conn.outbuf = conn.outbuf[sent:]
            except (BlockingIOError, socket.error) as e:
                if not _would_block(e):
                    self._drop(conn)
                    return
        if conn.closing and not conn.outbuf and not conn.pending:
            self._drop(conn)

    def _drop(self, conn):
        try:
            conn.sock.close()
        except Exception:
            pass
        if conn in self.connections:
            self.connections.remove(conn)

    def _reply(self, conn, obj):
        conn.outbuf += (json.dumps(obj) + "\n").encode("utf-8")

    # ---- requests ----------------------------------------------------------------------------
    def _handle(self, conn, line):
        try:
            msg = json.loads(line.decode("utf-8"))
        except ValueError:
            self._reply(conn, {"ok": False, "error": "a request is one JSON object per line"})
            return
        if not isinstance(msg, dict):
            self._reply(conn, {"ok": False, "error": "a request is one JSON object per line"})
            return
        token = msg.get("token")
        if not isinstance(token, str) or not hmac.compare_digest(token.encode("utf-8"), self.token.encode("utf-8")):
            self._reply(conn, {"ok": False, "error": "wrong token: read it from %s" % self.path})
            conn.closing = True
            conn.pending = []
            return
        rid = msg.get("id")
        if "eval" in msg:
            self._eval(conn, rid, msg["eval"])
        elif "complete" in msg:
            prefix = str(msg["complete"])
            names = sorted(n for n in self.session.globals if n.startswith(prefix) and not n.startswith("%"))
            self._queue_reply(conn, rid, {"ok": True, "completions": names[:200]})
        elif "pin" in msg:
            self._pin(conn, rid, msg.get("pin"), msg.get("form"))
        else:
            self._queue_reply(conn, rid, {"ok": False, "error": "unknown request: use eval, complete or pin"})

    def _queue_reply(self, conn, rid, obj):
        if rid is not None:
            obj["id"] = rid
        if conn.pending:   # answers keep the order of the requests
            conn.pending.append((rid, obj, None))
        else:
            self._reply(conn, obj)

    def _eval(self, conn, rid, text):
        if not isinstance(text, str):
            self._queue_reply(conn, rid, {"ok": False, "error": "eval expects text"})
            return
        session = self.session
        captured: list = []
        saved = session.output
        session.output = captured.append
        try:
            from ..interpreter.session import _flatten_toplevel
            task = Task(session, forms=_flatten_toplevel(session.read(text, "<repl>")), name="repl", dyn=self.dyn)
            session.scheduler.run_now(task)
        except LmacSyntaxError as e:
            self._queue_reply(conn, rid, {"ok": False, "error": e.located(), "incomplete": bool(e.incomplete)})
            return
        except LmacError as e:
            self._queue_reply(conn, rid, {"ok": False, "error": e.located()})
            return
        finally:
            session.output = saved
        conn.pending.append((rid, task, "".join(captured)))
        self._answer_finished(conn)

    def _answer_finished(self, conn):
        while conn.pending:
            rid, task, output = conn.pending[0]
            if not isinstance(task, Task):     # a queued plain answer
                conn.pending.pop(0)
                self._reply(conn, task)
                continue
            if not task.finished:
                return
            conn.pending.pop(0)
            if task.status == FAILED:
                error: Any = task.error   # set whenever the status is FAILED
                obj = {"ok": False, "error": error.located(), "trace": error.format()}
            elif task.status == "cancelled":
                obj = {"ok": False, "error": "cancelled"}
            else:
                obj = {"ok": True, "value": pr_str(task.value)}
            obj["output"] = output or ""
            if rid is not None:
                obj["id"] = rid
            self._reply(conn, obj)

    def _pin(self, conn, rid, trigger_text, form_text):
        if not isinstance(trigger_text, str) or not isinstance(form_text, str):
            self._queue_reply(conn, rid, {"ok": False, "error": "pin expects \"pin\": \"(note 40)\" and \"form\""})
            return
        if not self.user_library:
            self._queue_reply(conn, rid, {"ok": False, "error": "the User Library is unknown, so there is no init.lmac"})
            return
        problem = trigger_problem(trigger_text)
        if problem:
            self._queue_reply(conn, rid, {"ok": False, "error": problem})
            return
        try:
            line = pin_binding(self.user_library, trigger_text, form_text)
            if self.on_pin is not None:
                self.on_pin(trigger_text, form_text)
        except LmacError as e:
            self._queue_reply(conn, rid, {"ok": False, "error": e.located()})
            return
        except (IOError, OSError) as e:
            self._queue_reply(conn, rid, {"ok": False, "error": "could not write init.lmac: %s" % e})
            return
        self._queue_reply(conn, rid, {"ok": True, "value": line})


TRIGGER_FORMS = ("note", "cc", "pitch-bend", "pads", "chord")


def trigger_problem(text):
    """Why ``text`` is not a trigger form like (note 40), (cc 21 :relative) or (chord (note 36)
    (note 40)); None when it is. Literal arguments are checked as the binding would check them."""
    from .bindings import triggers
    try:
        forms = read_all(text, "<pin>")
    except LmacSyntaxError as e:
        return e.located()
    if len(forms) != 1 or not _is_trigger_form(forms[0]):
        return "%r is not a trigger: pin to a pad or knob like (note 40), (cc 21) or (chord (note 36) (note 40))" \
            % text.strip()
    try:
        _literal_trigger(forms[0], triggers)
    except LmacError as e:
        return e.message
    except _NotLiteral:
        pass     # computed arguments: the binding checks them when init.lmac loads
    return None


class _NotLiteral(Exception):
    pass


def _is_trigger_form(form):
    return isinstance(form, List) and len(form) > 0 and isinstance(form[0], Symbol) \
        and form[0].name in TRIGGER_FORMS


def _literal_trigger(form, triggers):
    args = []
    for arg in form[1:]:
        if _is_trigger_form(arg):
            args.append(_literal_trigger(arg, triggers))
        elif isinstance(arg, (int, float, str, Keyword)) or arg is None:
            args.append(arg)
        else:
            raise _NotLiteral()
    return getattr(triggers, form[0].name.replace("-", "_"))(*args)


def _would_block(error):
    return isinstance(error, BlockingIOError) or getattr(error, "errno", None) in (
        errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "WSAEWOULDBLOCK", -1))
