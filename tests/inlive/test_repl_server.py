"""The REPL socket server polled from the script's tick, end to end with a client thread."""
import io
import json
import os
import socket
import stat
import sys
import threading

import pytest

from lmac.surface import repl_server
from test_bindings import make_host

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(autouse=True)
def patient_sign_in(monkeypatch):
    """Virtual time runs far ahead of the client threads here (a tick costs microseconds), so the
    sign-in timeout, meant for seconds of real time, would close a client the OS paused briefly."""
    monkeypatch.setattr(repl_server, "AUTH_TIMEOUT_MS", 1e9)


def talk(host, fn, max_ticks=200000):
    """Run fn() in a thread while virtual Live ticks (the server is only polled from the tick)."""
    result = {}

    def run():
        try:
            result["value"] = fn()
        except Exception as e:  # pragma: no cover - reported below
            result["error"] = e
    thread = threading.Thread(target=run)
    thread.start()
    ticks = 0
    while thread.is_alive() and ticks < max_ticks:
        host.advance_ms(10)
        ticks += 1
    thread.join(5)
    if "error" in result:
        raise result["error"]
    return result.get("value")


def repl_info(host):
    path = os.path.join(host.ul, "lmac", ".repl")
    with open(path) as f:
        return path, json.load(f)


class Client(object):
    """A raw protocol client: the token line first (unless None), then JSON lines."""

    def __init__(self, port, token=None, rcvbuf=None):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(20)
        self.sock.connect(("127.0.0.1", port))
        self.buf = b""
        self.signed_in = None
        if token is not None:
            self.sock.sendall(token.encode() + b"\n")
            self.signed_in = self.read()

    def send(self, *objs):
        self.sock.sendall(b"".join((json.dumps(o) + "\n").encode() for o in objs))

    def read(self):
        """The next answer, or None when the server closed the connection."""
        while b"\n" not in self.buf:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return None
            if not data:
                return None
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line.decode())

    def close(self):
        self.sock.close()


def send_lines(port, lines, token):
    client = Client(port, token)
    if not client.signed_in or not client.signed_in.get("ok"):
        return [client.signed_in] if client.signed_in else [], "closed"
    out = []
    for obj in lines:
        try:
            client.send(obj)
        except OSError:
            return out, "closed"
        reply = client.read()
        if reply is None:
            return out, "closed"
        out.append(reply)
    client.close()
    return out, "open"


def test_eval_errors_completion_and_waiting_macros(tmp_path):
    host = make_host(tmp_path, "", repl=True)
    path, info = repl_info(host)
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    token = info["token"]
    replies, _ = talk(host, lambda: send_lines(info["port"], [
        {"eval": "(+ 1 2)"},
        {"eval": "(set-tempo! 99) (tempo?)"},
        {"eval": "(car 1)"},
        {"eval": "(+ 1"},
        {"eval": "(do (wait 500) (println \"hi\") :late)"},
        {"complete": "set-te"},
    ], token))
    assert replies[0] == {"ok": True, "value": "3", "output": ""}
    assert replies[1]["value"] == "99.0" and host.song.tempo == 99
    assert replies[2]["ok"] is False and replies[2]["error"].startswith("<repl>:1:")
    assert replies[3]["incomplete"] is True
    assert replies[4]["value"] == ":late" and replies[4]["output"] == "hi\n"   # printed after a wait
    assert replies[5]["completions"] == ["set-tempo!"]


def test_wrong_token_closes_the_connection(tmp_path):
    host = make_host(tmp_path, "", repl=True)
    _, info = repl_info(host)
    replies, state = talk(host, lambda: send_lines(info["port"], [{"eval": "(set-tempo! 10)"}], "nope"))
    assert replies == [{"ok": False, "error": "wrong token"}]    # nothing about where the token is
    assert state == "closed" and host.song.tempo == 120


def test_pin_writes_init_and_the_reload_binds_it(tmp_path):
    host = make_host(tmp_path, "", repl=True)
    _, info = repl_info(host)
    replies, _ = talk(host, lambda: send_lines(info["port"], [
        {"pin": "(note 40)", "form": "(set-tempo! 77)"}], info["token"]))
    assert replies[0] == {"ok": True, "value": "(bind (note 40) (set-tempo! 77))"}
    host.advance_ms(600)
    host.send_midi_in((0x90, 40, 127))
    assert host.song.tempo == 77


def test_connect_client_runs_lines_against_the_script(tmp_path):
    if sys.version_info < (3, 8):
        return   # commands/ is dev-side (3.11); the server side is covered above on 3.7
    from lmac.commands.connect import ReplClient, run_lines
    host = make_host(tmp_path, "", repl=True)
    path, _ = repl_info(host)
    out = io.StringIO()

    def client():
        c = ReplClient.from_file(path, timeout=10)
        try:
            run_lines(c, ["(+ 1\n", " 2)\n", "(set-tempo! 101)\n", ":pin (note 41)\n", "(nope)\n"], out)
        finally:
            c.close()
    talk(host, client)
    lines = out.getvalue().splitlines()
    assert lines[0] == "3" and lines[1] == "nil"
    assert lines[2] == "(bind (note 41) (set-tempo! 101))"
    assert lines[3].startswith("error: <repl>:1:")


def test_disconnect_closes_the_socket_and_removes_the_file(tmp_path):
    host = make_host(tmp_path, "", repl=True)
    path, info = repl_info(host)
    host.disconnect()
    assert not os.path.exists(path)
    try:
        socket.create_connection(("127.0.0.1", info["port"]), timeout=2).close()
        refused = False
    except OSError:
        refused = True
    assert refused


def slow_server(tmp_path, monkeypatch):
    """A ReplServer on a pure session whose every request uses up the tick's reading budget (the
    budget's clock advances a second per request), as a slow request on a loaded machine does."""
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session
    from lmac.surface import repl_server
    server = repl_server.ReplServer(Session(clock=TestClock()), path=str(tmp_path / ".repl"))
    server.start()
    clock = [0.0]
    monkeypatch.setattr(repl_server, "perf_counter", lambda: clock[0])
    handle = server._handle

    def slow_handle(conn, line):
        handle(conn, line)
        clock[0] += 1.0          # past any POLL_BUDGET_S
    monkeypatch.setattr(server, "_handle", slow_handle)
    return server


def requests(server, ids):
    """The token line, then the requests."""
    return (server.token + "\n" + "".join(json.dumps({"id": i, "eval": "(+ %d 1)" % i}) + "\n"
                                          for i in ids)).encode()


def poll_until_answered(server, socks, counts, max_polls=2000):
    """Poll (one tick each, the scheduler running the evaluations after it) until each socket got
    its number of answers after the sign-in; the clients send nothing more meanwhile. Returns the
    answers per socket and the poll each one completed on."""
    import time
    received = [b""] * len(socks)
    done_at = [None] * len(socks)
    counts = [n + 1 for n in counts]        # the sign-in's {"ok": true} comes first
    for tick in range(max_polls):
        server.poll()
        server.session.tick()
        for i, sock in enumerate(socks):
            try:
                received[i] += sock.recv(65536)
            except (BlockingIOError, socket.error):
                pass
            if done_at[i] is None and received[i].count(b"\n") >= counts[i]:
                done_at[i] = tick
        if None not in done_at:
            break
        time.sleep(0.0005)           # lets loopback deliver; not a measurement
    answers = [[json.loads(l) for l in r.decode().splitlines()] for r in received]
    assert all(a[:1] == [{"ok": True}] for a in answers)
    return [a[1:] for a in answers], done_at


def test_requests_left_when_the_poll_budget_ran_out_are_answered_on_later_ticks(tmp_path, monkeypatch):
    """Two requests arrive in one read; the first uses up the tick's reading budget. The second
    waits in the buffer and must be answered on a later tick although the client sends nothing
    more (it is waiting for that answer). Once, under load, `lmac repl --connect` hung here."""
    server = slow_server(tmp_path, monkeypatch)
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        sock.sendall(requests(server, [1, 2]))
        sock.setblocking(False)
        (replies,), _ = poll_until_answered(server, [sock], [2])
    finally:
        sock.close()
        server.close()
    assert [(r["id"], r["value"]) for r in replies] == [(1, "2"), (2, "3")]


def test_a_busy_connection_does_not_starve_another(tmp_path, monkeypatch):
    """Each tick's budget goes to one request here; a client with 30 requests queued must not
    keep a second client waiting until all 30 are done: the connections take turns."""
    server = slow_server(tmp_path, monkeypatch)
    busy = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    other = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        busy.sendall(requests(server, range(1, 31)))
        other.sendall(requests(server, [100]))
        for _ in range(200):                 # both connected before the race begins
            server.poll()
            if len(server.connections) == 2:
                break
        busy.setblocking(False)
        other.setblocking(False)
        replies, done_at = poll_until_answered(server, [busy, other], [30, 1])
    finally:
        busy.close()
        other.close()
        server.close()
    assert [r["value"] for r in replies[0]] == [str(i + 1) for i in range(1, 31)]
    assert replies[1] == [{"ok": True, "value": "101", "output": "", "id": 100}]
    assert done_at[1] < 5 < done_at[0]
