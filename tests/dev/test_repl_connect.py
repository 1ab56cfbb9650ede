"""`lmac repl --connect` end to end: LmacScript runs in virtual Live (its REPL server polled only
from the script's tick), the client talks to it from a thread or a subprocess while this thread
ticks the host (virtual Live's objects belong to the thread that created them)."""
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import types

import pytest

from lmac.commands.connect import RemoteRepl, ReplClient, ReplClientError, read_repl_file, run_lines
from lmac.surface import repl_server
from lmac.surface.remote_script import LmacScript
from lmac.surface.virtual_live import DEMO_SET, VirtualClock, VirtualHost

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_TICKS = 100000          # 10 ms each: a bound, never reached when things work


@pytest.fixture(autouse=True)
def patient_sign_in(monkeypatch):
    """Virtual time runs far ahead of the client threads here (a tick costs microseconds), so the
    sign-in timeout, meant for seconds of real time, would close a client the OS paused briefly."""
    monkeypatch.setattr(repl_server, "AUTH_TIMEOUT_MS", 1e9)


def start_live(tmp_path, playing=True):
    """LmacScript in virtual Live with a fresh User Library (no init.lmac yet)."""
    ul = str(tmp_path / "UL")

    def create_instance(c_instance):
        return LmacScript(c_instance, clock_factory=VirtualClock, surface_options={"user_library": ul})
    host = VirtualHost(types.SimpleNamespace(create_instance=create_instance), set_path=DEMO_SET)
    if playing:
        host.song.start_playing()
    host.ul = ul
    host.repl_path = os.path.join(ul, "lmac", ".repl")
    return host


def talk(host, fn):
    """Run fn() in a thread while this thread ticks virtual Live."""
    result = {}

    def run():
        try:
            result["value"] = fn()
        except BaseException as e:  # re-raised below, in the test's thread
            result["error"] = e
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ticks = 0
    while thread.is_alive() and ticks < MAX_TICKS:
        host.advance_ms(10)
        ticks += 1
    thread.join(10)
    assert not thread.is_alive(), "the client did not finish within %d ticks" % MAX_TICKS
    if "error" in result:
        raise result["error"]
    return result.get("value")


def session_lines(host, lines, path=None):
    """Feed lines to a RemoteRepl connected to host; returns (output lines, exit status)."""
    out = io.StringIO()

    def client():
        c = ReplClient.from_file(path or host.repl_path, timeout=30)
        try:
            return run_lines(c, lines, out)
        finally:
            c.close()
    status = talk(host, client)
    return out.getvalue().splitlines(), status


def test_results_actions_and_positioned_errors(tmp_path):
    host = start_live(tmp_path)
    tracks = len(host.song.tracks)
    lines, status = session_lines(host, [
        "(+ 1 2) 7 (str \"a\" 1)\n",
        "(create-track midi)\n",
        "(+ 1 2) (nope)\n",
        "(let (a 1]\n",
        "(defn twice (x)\n", "  (* 2 (car x)))\n", "(twice 3)\n",
        "(println \"hi\")\n",
    ])
    assert status == 0
    assert lines[:3] == ["3", "7", '"a1"']
    lines = lines[1:]
    assert re.match(r'#<track "\d+-MIDI">$', lines[2])
    assert len(host.song.tracks) == tracks + 1
    assert lines[3:5] == ["3", "error: <repl>:1:10: 'nope' not found; did you mean 'note'?"]
    assert lines[5] == "error: <repl>:1:10: expected ) to close the list opened at 1:6, found ]"
    assert lines[6] == "#<fn twice>"
    assert lines[7].startswith("error: <repl>:2:") and "car" in lines[7]   # line 2 of its entry
    assert lines[8:] == ["hi", "nil"]


def test_a_waiting_macro_does_not_block_live(tmp_path):
    """A macro that waits answers when it finishes; meanwhile Live ticks and another connection
    is answered (here it is what lets the waiting macro go on)."""
    host = start_live(tmp_path)
    _, port, token = read_repl_file(host.repl_path)
    seen = {}

    def clients():
        waiting = ReplClient("127.0.0.1", port, token, timeout=30)
        quick = ReplClient("127.0.0.1", port, token, timeout=30)
        try:
            assert quick.eval("(do (def started (atom false)) (def gate (atom false)))")["ok"]
            waiting.sock.sendall((json.dumps({"id": 1, "eval": (
                "(do (reset! started true) (wait-until (fn () @gate)) (wait-bars 1) :late)")}) + "\n").encode())
            for _ in range(100000):
                if quick.eval("@started")["value"] == "true":
                    break
            seen["start_ms"] = host.now_ms
            seen["quick"] = quick.eval("(do (reset! gate true) :opened)")
            seen["late"] = waiting._read_reply(30)
            seen["late_ms"] = host.now_ms
        finally:
            waiting.close()
            quick.close()
    talk(host, clients)
    assert seen["quick"]["value"] == ":opened"
    assert seen["late"] == {"ok": True, "value": ":late", "output": "", "id": 1}
    assert seen["late_ms"] - seen["start_ms"] >= 4 * 60000.0 / host.song.tempo - 20


def test_wrong_token_closes_the_connection(tmp_path):
    host = start_live(tmp_path)
    stale = str(tmp_path / "stale.repl")
    _, port, _ = read_repl_file(host.repl_path)
    with open(stale, "w") as f:
        json.dump({"port": port, "token": "0" * 32}, f)
    os.chmod(stale, 0o600)
    tracks = len(host.song.tracks)
    with pytest.raises(ReplClientError) as info:       # refused when it signs in, before any form
        session_lines(host, ["(create-track midi)\n", "(+ 1 2)\n"], path=stale)
    assert str(info.value).startswith("Live refused the token in %s and closed the connection" % stale)
    assert len(host.song.tracks) == tracks


def test_a_message_over_the_limit_is_rejected(tmp_path):
    host = start_live(tmp_path)
    _, port, token = read_repl_file(host.repl_path)
    got = {}

    def clients():
        # The client refuses to send it, and the connection goes on.
        c = ReplClient.from_file(host.repl_path, timeout=30)
        repl = RemoteRepl(c)
        got["client"] = repl.feed('(count "%s")' % ("a" * repl_server.MAX_MESSAGE))
        got["after"] = repl.feed("(+ 1 1)")
        c.close()
        # The server answers a signed-in raw request that never ends and closes the connection.
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(token.encode() + b"\n")
        data = b""
        try:
            sock.sendall(b"x" * (repl_server.MAX_MESSAGE + 1))
        except OSError:
            pass          # closed by the server as soon as the line is over the limit
        while True:
            try:
                chunk = sock.recv(4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        sock.close()
        got["server"] = data
    talk(host, clients)
    assert got["client"].startswith("error: too long to send to Live")
    assert got["after"] == "2\n"
    signed_in, reply = [json.loads(line) for line in got["server"].decode().splitlines()]
    assert signed_in == {"ok": True}
    assert reply["ok"] is False and reply["error"].startswith("request too long")


def test_a_long_line_that_arrives_whole_is_rejected_too(tmp_path, monkeypatch):
    host = start_live(tmp_path)
    monkeypatch.setattr(repl_server, "MAX_MESSAGE", 200)

    def client():
        c = ReplClient.from_file(host.repl_path, timeout=30)
        c.max_message = 10 ** 6          # let it through the client's own check
        try:
            c.eval("(create-track midi) ; " + "x" * 300)
        except ReplClientError as e:
            return str(e)
        finally:
            c.close()
    tracks = len(host.song.tracks)
    assert "request too long" in talk(host, client)
    assert len(host.song.tracks) == tracks


def test_pin_appends_to_init_and_the_pad_runs_the_form(tmp_path):
    host = start_live(tmp_path)
    init = os.path.join(host.ul, "lmac", "init.lmac")
    assert not os.path.exists(init)
    lines, status = session_lines(host, [
        ":pin (note 40)\n",                 # nothing evaluated yet
        "(create-track midi)\n",
        ":pin (play)\n",                    # not a trigger
        ":pin (note 400)\n",                # not a note number
        ":pin (note 40)\n",
    ])
    assert status == 0
    assert lines[0].startswith("error: nothing to pin yet")
    assert lines[2].startswith("error: :pin '(play)' is not a trigger")
    assert lines[3].startswith("error: :pin note: the note number must be a whole number from 0 to 127, got 400")
    assert lines[4] == "(bind (note 40) (create-track midi))"
    with open(init, encoding="utf-8") as f:
        assert f.read().splitlines()[-1] == "(bind (note 40) (create-track midi))"
    host.advance_ms(600)                    # the loader sees init.lmac appear and loads it
    tracks = len(host.song.tracks)
    host.send_midi_in((0x90, 40, 127))
    host.advance_ms(20)
    assert len(host.song.tracks) == tracks + 1


def test_doc_and_completion_ask_live(tmp_path):
    host = start_live(tmp_path)
    got = {}

    def client():
        c = ReplClient.from_file(host.repl_path, timeout=30)
        repl = RemoteRepl(c)
        repl.feed('(defn my-macro "Mine." () 1)')
        got["doc"] = repl.feed(":doc my-macro")
        got["vocab"] = repl.feed(":doc wait-bars")
        got["complete"] = repl.remote_completions("my-")
        got["local-only"] = repl.feed(":tasks")
        c.close()
    talk(host, client)
    assert got["doc"] == "my-macro\nMine.\n"
    assert got["vocab"].startswith("(wait-bars")
    assert got["complete"] == ["my-macro"]
    assert got["local-only"].startswith("error: :tasks works in the local REPL only")


def test_terminal_completer_merges_live_names(tmp_path):
    from prompt_toolkit.document import Document
    from lmac.editor_support.terminal_repl import LmacCompleter
    host = start_live(tmp_path)

    def client():
        c = ReplClient.from_file(host.repl_path, timeout=30)
        repl = RemoteRepl(c)
        repl.feed("(def wait-for-me 1)")
        words = [x.text for x in LmacCompleter(repl).get_completions(Document("(wait-f"), None)]
        c.close()
        return words
    assert talk(host, client) == ["wait-for", "wait-for-me"]


def test_missing_repl_file_says_so(tmp_path):
    path = str(tmp_path / "nowhere" / ".repl")
    with pytest.raises(ReplClientError) as info:
        ReplClient.from_file(path)
    assert str(info.value) == "is lmac running in Live? (no %s)" % path
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "repl", "--connect", "--repl-file", path],
                         cwd=ROOT, input="(+ 1 2)\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip() == "error: is lmac running in Live? (no %s)" % path


def test_lmac_repl_connect_subprocess(tmp_path):
    """The real command, non-terminal: the subprocess talks while this thread ticks virtual Live."""
    host = start_live(tmp_path)
    tracks = len(host.song.tracks)
    env = dict(os.environ, LMAC_USER_LIBRARY=host.ul)
    proc = subprocess.Popen([sys.executable, "-m", "lmac.cli", "repl", "--connect", "--timeout", "60"],
                            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdin.write("(+ 1 2)\n(create-track midi)\n(do (wait-bars 1)\n  :late)\n(oops)\n:pin (note 41)\n")
    proc.stdin.close()
    deadline = time.monotonic() + 120     # a safety bound for a stuck subprocess, not a measurement
    while proc.poll() is None and time.monotonic() < deadline:
        host.advance_ms(10)
    if proc.poll() is None:
        proc.kill()
    out, err = proc.stdout.read(), proc.stderr.read()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert re.match(r'#<track "\d+-MIDI">$', lines[1])
    assert lines[:1] + lines[2:] == ["3", ":late",
                                "error: <repl>:1:2: 'oops' not found; did you mean 'loop'?",
                                "(bind (note 41) (do (wait-bars 1) :late))"]
    assert len(host.song.tracks) == tracks + 1


def test_terminal_mode_against_live(tmp_path, monkeypatch):
    """The prompt_toolkit REPL with --connect, typed through a pipe instead of a terminal."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from lmac.editor_support.terminal_repl import run_terminal
    monkeypatch.setenv("LMAC_HISTORY", str(tmp_path / "history"))
    host = start_live(tmp_path)
    printed = []
    monkeypatch.setattr("builtins.print", lambda *a, **k: printed.append(" ".join(str(x) for x in a)))

    def client():
        c = ReplClient.from_file(host.repl_path, timeout=30)
        try:
            with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
                pipe.send_text("(+ 1\r2)\r(create-track midi)\r:pin (note 42)\r\x04")
                return run_terminal(RemoteRepl(c))
        finally:
            c.close()
    tracks = len(host.song.tracks)
    assert talk(host, client) == 0
    assert printed[0].startswith("lmac repl connected to Live (port ")
    assert printed[1] == "3" and printed[3] == "(bind (note 42) (create-track midi))"
    assert len(host.song.tracks) == tracks + 1


def test_an_older_server_in_live_is_named_as_such(tmp_path):
    """A Live still running an lmac from before the sign-in line answers it as a bad request."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def old_server():
        conn, _ = listener.accept()
        conn.recv(1024)
        conn.sendall(b'{"ok": false, "error": "a request is one JSON object per line"}\n')
        conn.close()
    thread = threading.Thread(target=old_server, daemon=True)
    thread.start()
    with pytest.raises(ReplClientError) as info:
        ReplClient("127.0.0.1", listener.getsockname()[1], "0" * 32, timeout=10)
    thread.join(10)
    listener.close()
    assert "Live runs an older lmac" in str(info.value) and "lmac install" in str(info.value)


def test_a_repl_file_others_could_have_written_is_not_used(tmp_path):
    path = tmp_path / ".repl"
    path.write_text(json.dumps({"port": 1, "token": "0" * 32}))
    os.chmod(str(path), 0o644)
    with pytest.raises(ReplClientError) as info:
        read_repl_file(str(path))
    assert "is not private to you" in str(info.value)
    os.chmod(str(path), 0o600)
    assert read_repl_file(str(path)) == ("127.0.0.1", 1, "0" * 32)
    link = tmp_path / "link.repl"
    os.symlink(str(path), str(link))
    with pytest.raises(ReplClientError):
        read_repl_file(str(link))
