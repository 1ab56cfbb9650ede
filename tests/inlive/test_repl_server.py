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
