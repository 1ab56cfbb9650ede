"""The REPL server inside the Remote Script: `lmac repl --connect` talks to the running Live.

A TCP socket on 127.0.0.1 (an ephemeral port), non-blocking and polled only from the script's
tick. The port and a random token are written to a file only the user can read (mode 0600):
<User Library>/lmac/.repl, or <temp dir>/lmac-<uid>.repl when the User Library is unknown.

Protocol. The client's first line is the token, as it is in the file (at most MAX_TOKEN_LINE
bytes; compared in constant time before anything else is parsed). The server answers
{"ok": true} and the connection is signed in, or {"ok": false, "error": "wrong token"} and
closes it. A connection that has not signed in within AUTH_TIMEOUT_MS is closed. Then one JSON
object per line (optionally with "id", echoed back); answers come in the order of the requests:
    {"eval": "(+ 1 2)"}                       -> {"ok": true, "value": "3", "output": ""}
    {"eval": "(foo"}                          -> {"ok": false, "error": "<repl>:1:1: ...", "incomplete": true}
    {"complete": "wait-"}                     -> {"ok": true, "completions": ["wait-bars", ...]}
    {"pin": "(note 40)", "form": "(play)"}    -> {"ok": true, "value": "(bind (note 40) (play))"}
    ("pin" must be a trigger form; the line is appended to <User Library>/lmac/init.lmac, which the
    library loader reloads, so the pad works at once.)

Nothing a client sends can hold Live's tick: each poll reads at most MAX_READ_PER_CONNECTION bytes
from a connection and MAX_READ_PER_TICK in all, and spends at most POLL_BUDGET_S reading, parsing
and printing. An eval is read a slice at a time (READ_TOKENS_PER_TICK), runs as a scheduler task
(the tick's shared budget; a macro that waits answers when it finishes) and its value is printed a
slice at a time (PRINT_CHARS_PER_TICK), cut at MAX_VALUE characters; its println output is cut at
MAX_OUTPUT. A connection holds at most MAX_PENDING unanswered requests and MAX_OUTBUF unsent bytes:
past either, the server reads no more from it until its client catches up. Limits on what a client
holds: MAX_MESSAGE bytes per line, MAX_CONNECTIONS signed-in connections, MAX_WAITING connections
that have not signed in yet (the oldest is closed first).
"""
from __future__ import annotations

import errno
import hmac
import json
import os
import socket
from collections import deque
from time import perf_counter
from typing import Any, Dict

from ..grammar.reader import read_all
from ..grammar.stepped import SteppedRead
from ..interpreter.machine import FAILED, Task
from ..interpreter.print_pieces import iter_pr
from ..interpreter.session import OUTPUT_KEY, _flatten_toplevel
from ..interpreter.values import Keyword, List, LmacError, LmacSyntaxError, Symbol
from .user_library import pin_binding, repl_file

MAX_TOKEN_LINE = 128           # bytes of the first line (the token is 32 hex digits)
MAX_MESSAGE = 64 * 1024        # bytes in one request line (the compiler is not sliced: keep forms small)
MAX_READ_PER_CONNECTION = 16 * 1024   # bytes read from one connection per tick
MAX_READ_PER_TICK = 64 * 1024  # bytes read from all connections per tick
MAX_PENDING = 8                # requests of one connection not answered yet
MAX_OUTBUF = 256 * 1024        # unsent answer bytes of one connection
MAX_VALUE = 64 * 1024          # characters of a printed value in an answer
MAX_OUTPUT = 64 * 1024         # characters of println output kept per request
MAX_PIN_TEXT = 2048            # characters of a pinned trigger or form (read in one go)
MAX_CONNECTIONS = 4            # signed-in connections
MAX_WAITING = 8                # connections that have not sent the token yet
MAX_ACCEPT_PER_TICK = 16
AUTH_TIMEOUT_MS = 2000.0       # to send the token after connecting
POLL_BUDGET_S = 0.002          # reading, parsing and printing per tick (evaluation has the scheduler's)
MIN_POLL_S = 0.00025           # ... at least, when the tick's macros used up its budget
TICK_SLACK_S = 0.00025         # a poll may end this far past the tick's budget
TICK_AGE_S = 0.05              # a tick older than this is not the one the poll belongs to
READ_TOKENS_PER_TICK = 512     # lmac tokens read per tick (about 2 ms on a slow machine)
PRINT_CHARS_PER_TICK = 16 * 1024
WORK_KEYS = ("accepted", "bytes_read", "json_bytes", "tokens_read", "chars_printed", "answers", "poll_ms")


def _no_work() -> Dict[str, float]:
    return dict.fromkeys(WORK_KEYS, 0)


def new_token():
    return "".join("%02x" % b for b in bytearray(os.urandom(16)))


def write_private(path, text):
    """Write a file only the current user can read (created 0600; never world-readable)."""
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder)
    if os.path.lexists(path):
        os.remove(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


class _Connection(object):
    def __init__(self, sock, opened_ms):
        self.sock = sock
        self.opened_ms = opened_ms
        self.signed_in = False
        self.inbuf = bytearray()
        self.outbuf = bytearray()
        self.pending: deque = deque()     # _Request, answered in order
        self.closing = False       # answer what is pending, then close


class _Capture(object):
    """A REPL request's println output, cut at MAX_OUTPUT. After the answer is sent, output of the
    tasks it spawned goes where other output goes (Log.txt)."""

    def __init__(self, fallback):
        self.parts = []
        self.size = 0
        self.cut = False
        self.closed = False
        self.fallback = fallback

    def __call__(self, text):
        if self.closed:
            self.fallback(text)
            return
        room = MAX_OUTPUT - self.size
        if len(text) > room:
            self.cut = True
            text = text[:room]
        if text:
            self.parts.append(text)
            self.size += len(text)

    def text(self):
        self.closed = True
        out = "".join(self.parts)
        return out + ("\n... (output cut at %d characters)\n" % MAX_OUTPUT if self.cut else "")


class _Request(object):
    """One request: its answer when known, else an eval being read, run or printed."""

    def __init__(self, rid, answer=None):
        self.rid = rid
        self.answer = answer       # the reply dict, once known
        self.reading = None        # SteppedRead while the text is read
        self.task = None           # the evaluation, run by the scheduler
        self.capture = None
        self.printing = None       # iter_pr pieces of the value
        self.printed = []
        self.printed_size = 0


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
        self._requested_port = port
        self._turn = 0                  # which connection reads first this tick (fairness)
        # Work accounting: this tick's and the most seen in one tick, per WORK_KEYS.
        self.work = _no_work()
        self.most = _no_work()
        self.polls = 0

    # ---- life cycle --------------------------------------------------------------------------
    def start(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((self.host, self._requested_port))
            sock.listen(64)
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
    def _deadline(self, start):
        """POLL_BUDGET_S, cut to what the macros left of this tick's budget (but never below
        MIN_POLL_S, so the socket always moves): the whole tick stays near its budget."""
        scheduler = self.session.scheduler
        if start - scheduler.tick_started > TICK_AGE_S:     # polled outside a tick
            return start + POLL_BUDGET_S
        left = scheduler.tick_deadline + TICK_SLACK_S - start
        return start + max(MIN_POLL_S, min(POLL_BUDGET_S, left))

    def poll(self, now_ms=None):
        if self.listener is None:
            return
        if now_ms is None:
            now_ms = self.session.clock.now_ms()
        start = perf_counter()
        deadline = self._deadline(start)
        self.work = work = _no_work()
        self.polls += 1
        self._accept(now_ms)
        conns = self.connections
        if conns:
            self._turn = (self._turn + 1) % len(conns)
            conns = conns[self._turn:] + conns[:self._turn]
        for conn in conns:
            self._read(conn)
            self._take_lines(conn, deadline)
            self._advance(conn, deadline)
            self._write(conn)
        self._close_waiting(now_ms)
        work["poll_ms"] = (perf_counter() - start) * 1000.0
        for key in WORK_KEYS:
            if work[key] > self.most[key]:
                self.most[key] = work[key]

    def _accept(self, now_ms):
        for _ in range(MAX_ACCEPT_PER_TICK):
            try:
                sock, addr = self.listener.accept()
            except (BlockingIOError, socket.error) as e:
                if not _would_block(e):
                    self.report("REPL server: %s" % e)
                return
            sock.setblocking(False)
            self.connections.append(_Connection(sock, now_ms))
            self.work["accepted"] += 1

    def _close_waiting(self, now_ms):
        """Close connections that did not sign in in time, and the oldest beyond MAX_WAITING."""
        waiting = [c for c in self.connections if not c.signed_in and not c.closing]
        for conn in waiting:
            if now_ms - conn.opened_ms > AUTH_TIMEOUT_MS:
                self._drop(conn)
        waiting = [c for c in waiting if c in self.connections]
        for conn in waiting[:max(0, len(waiting) - MAX_WAITING)]:
            self._drop(conn)

    def _read(self, conn):
        if conn.closing or len(conn.pending) >= MAX_PENDING or len(conn.outbuf) > MAX_OUTBUF:
            return   # the client must read its answers first
        limit = MAX_MESSAGE if conn.signed_in else MAX_TOKEN_LINE
        room = min(MAX_READ_PER_CONNECTION, MAX_READ_PER_TICK - self.work["bytes_read"],
                   limit + 1 - len(conn.inbuf))
        if room <= 0:
            return
        try:
            data = conn.sock.recv(room)
        except (BlockingIOError, socket.error) as e:
            if not _would_block(e):
                self._drop(conn)
            return
        if not data:
            # The client hung up: nobody waits for its entries any more, so one that runs away
            # (an endless loop) stops when the REPL is closed.
            conn.closing = True
            self._cancel(conn)
            return
        self.work["bytes_read"] += len(data)
        conn.inbuf += data

    def _take_lines(self, conn, deadline):
        """Sign in with the first line; start the requests of the lines after it, in order."""
        while not conn.closing and len(conn.pending) < MAX_PENDING and len(conn.outbuf) <= MAX_OUTBUF:
            end = conn.inbuf.find(b"\n")
            limit = MAX_MESSAGE if conn.signed_in else MAX_TOKEN_LINE
            if end < 0 and len(conn.inbuf) <= limit:
                return
            if end < 0 or end > limit:
                self._refuse(conn, "wrong token" if not conn.signed_in else
                             "request too long (over %d bytes)" % MAX_MESSAGE)
                return
            if conn.signed_in and perf_counter() > deadline:
                return   # parsed next tick
            line = bytes(conn.inbuf[:end])
            del conn.inbuf[:end + 1]
            if not conn.signed_in:
                self._sign_in(conn, line.strip())
                continue
            if line.strip():
                self.work["json_bytes"] += len(line)
                self._handle(conn, line)

    def _sign_in(self, conn, token):
        if not hmac.compare_digest(token, self.token.encode("ascii")):
            self._refuse(conn, "wrong token")
            return
        if sum(1 for c in self.connections if c.signed_in) >= MAX_CONNECTIONS:
            self._refuse(conn, "too many REPL connections (at most %d): close one" % MAX_CONNECTIONS)
            return
        conn.signed_in = True
        self._reply(conn, {"ok": True})

    def _refuse(self, conn, error):
        """Answer what is pending, then this error, then close."""
        conn.pending.append(_Request(None, {"ok": False, "error": error}))
        conn.inbuf = bytearray()
        conn.closing = True

    def _advance(self, conn, deadline):
        """Read the eval that is next in line, start it, and answer the finished requests in order."""
        for req in conn.pending:
            if req.reading is not None:
                if not self._read_some(req, deadline):
                    break
        while conn.pending and len(conn.outbuf) <= MAX_OUTBUF:
            req = conn.pending[0]
            if req.answer is None and not self._finish(req, deadline):
                return
            conn.pending.popleft()
            if req.rid is not None:
                req.answer["id"] = req.rid
            self._reply(conn, req.answer)
            self.work["answers"] += 1

    def _write(self, conn):
        if conn.outbuf:
            try:
                sent = conn.sock.send(conn.outbuf[:MAX_OUTBUF])
                del conn.outbuf[:sent]
            except (BlockingIOError, socket.error) as e:
                if not _would_block(e):
                    self._drop(conn)
                    return
        if conn.closing and not conn.outbuf and not conn.pending:
            self._drop(conn)

    def _drop(self, conn):
        self._cancel(conn)
        try:
            conn.sock.close()
        except Exception:
            pass
        if conn in self.connections:
            self.connections.remove(conn)

    def _cancel(self, conn):
        for req in conn.pending:
            if req.task is not None and not req.task.finished:
                req.task.cancel()
            req.reading = None
            if req.answer is None:
                req.answer = {"ok": False, "error": "cancelled: the REPL closed the connection"}
            if req.capture is not None:
                req.capture.closed = True

    def _reply(self, conn, obj):
        conn.outbuf += (json.dumps(obj) + "\n").encode("utf-8")

    # ---- requests ----------------------------------------------------------------------------
    def _handle(self, conn, line):
        try:
            msg = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):
            msg = None
        if not isinstance(msg, dict):
            conn.pending.append(_Request(None, {"ok": False, "error": "a request is one JSON object per line"}))
            return
        rid = msg.get("id")
        if not isinstance(rid, (int, str)) or isinstance(rid, bool):
            rid = None
        req = _Request(rid)
        conn.pending.append(req)
        if "eval" in msg:
            text = msg["eval"]
            if not isinstance(text, str):
                req.answer = {"ok": False, "error": "eval expects text"}
            else:
                req.reading = SteppedRead(text, "<repl>")
        elif "complete" in msg:
            prefix = str(msg["complete"])[:200]
            names = sorted(n for n in self.session.globals if n.startswith(prefix) and not n.startswith("%"))
            req.answer = {"ok": True, "completions": names[:200]}
        elif "pin" in msg:
            req.answer = self._pin(msg.get("pin"), msg.get("form"))
        else:
            req.answer = {"ok": False, "error": "unknown request: use eval, complete or pin"}

    def _read_some(self, req, deadline):
        """Read a slice of an eval's text; once read, its task starts. True when it is read."""
        allowance = READ_TOKENS_PER_TICK - self.work["tokens_read"]
        if allowance <= 0 or perf_counter() > deadline:
            return False
        reading = req.reading
        before = reading.tokens
        try:
            done = reading.step(deadline, allowance)
        except LmacSyntaxError as e:
            req.reading = None
            req.answer = {"ok": False, "error": e.located(), "incomplete": bool(e.incomplete)}
            return True
        finally:
            self.work["tokens_read"] += reading.tokens - before
        if not done:
            return False
        forms, req.reading = reading.forms, None
        session = self.session
        req.capture = _Capture(session.output)
        dyn = dict(self.dyn)
        dyn[OUTPUT_KEY] = req.capture
        req.task = session.scheduler.add(Task(session, forms=_flatten_toplevel(forms), name="repl", dyn=dyn))
        return True

    def _finish(self, req, deadline):
        """Make the answer of a finished eval, printing its value a slice at a time; True when made."""
        task = req.task
        if task is None or not task.finished:
            return False
        if task.status == FAILED:
            error: Any = task.error   # set whenever the status is FAILED (its trace is kept short)
            req.answer = {"ok": False, "error": error.located(), "trace": error.format()}
        elif task.status == "cancelled":
            req.answer = {"ok": False, "error": "cancelled"}
        else:
            value = self._print_some(req, deadline)
            if value is None:
                return False
            req.answer = {"ok": True, "value": value}
        req.answer["output"] = req.capture.text()
        return True

    def _print_some(self, req, deadline):
        """The value's text once printed (cut at MAX_VALUE), else None: more next tick."""
        if req.printing is None:
            req.printing = iter_pr(req.task.value, cut=MAX_VALUE)
        work = self.work
        try:
            while work["chars_printed"] < PRINT_CHARS_PER_TICK and perf_counter() <= deadline:
                piece = next(req.printing, None)
                if piece is None:
                    return "".join(req.printed)
                piece = piece[:MAX_VALUE - req.printed_size]
                req.printed.append(piece)
                req.printed_size += len(piece)
                work["chars_printed"] += len(piece) + 1
                if req.printed_size >= MAX_VALUE:
                    return "".join(req.printed) + " ... (cut at %d characters)" % MAX_VALUE
        except Exception as e:   # a value lmac cannot print must not stop the server
            return "#<a value that cannot be printed: %s>" % type(e).__name__
        return None

    def _pin(self, trigger_text, form_text):
        if not isinstance(trigger_text, str) or not isinstance(form_text, str):
            return {"ok": False, "error": "pin expects \"pin\": \"(note 40)\" and \"form\""}
        if len(trigger_text) > MAX_PIN_TEXT or len(form_text) > MAX_PIN_TEXT:
            return {"ok": False, "error": "pin: the trigger and the form may have at most %d characters each"
                    % MAX_PIN_TEXT}
        if not self.user_library:
            return {"ok": False, "error": "the User Library is unknown, so there is no init.lmac"}
        problem = trigger_problem(trigger_text)
        if problem:
            return {"ok": False, "error": problem}
        try:
            line = pin_binding(self.user_library, trigger_text, form_text)
            if self.on_pin is not None:
                self.on_pin(trigger_text, form_text)
        except LmacError as e:
            return {"ok": False, "error": e.located()}
        except (IOError, OSError) as e:
            return {"ok": False, "error": "could not write init.lmac: %s" % e}
        return {"ok": True, "value": line}


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
    from .bindings.actions import through_spec   # the trigger words' own signatures
    return through_spec(form[0].name)(*args)


def _would_block(error):
    return isinstance(error, BlockingIOError) or getattr(error, "errno", None) in (
        errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "WSAEWOULDBLOCK", -1))
