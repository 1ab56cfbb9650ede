"""The REPL socket holds against careless and hostile local clients: nothing a client sends can
hold Live's tick or grow without bound, and the user's own client always gets in.

Virtual Live ticks in this thread (the server is polled only from the tick); clients talk from
another thread with real sockets. Work per tick is the server's own accounting (``server.work``
after each poll, ``server.most`` over all polls), never wall time."""
import json
import socket
import threading

import pytest

from lmac.surface import repl_server as rs
from test_bindings import make_host
from test_repl_server import Client, repl_info

TICK_MS = 100          # the testbed script ticks from update_display (every 100 virtual ms)
SIGN_IN_MS = rs.AUTH_TIMEOUT_MS


@pytest.fixture(autouse=True)
def patient_sign_in(monkeypatch):
    """Virtual time runs far ahead of the client threads here (a tick costs microseconds), so the
    sign-in timeout, meant for seconds of real time, would close a client the OS paused briefly."""
    monkeypatch.setattr(rs, "AUTH_TIMEOUT_MS", 1e9)


def start(tmp_path, init=""):
    host = make_host(tmp_path, init, repl=True)
    server = host.script.surface.repl
    _, info = repl_info(host)
    return host, server, info["port"], info["token"]


def talk(host, server, fn, max_ticks=20000):
    """Run fn() in a thread while virtual Live ticks; returns (its value, server.work of each poll)."""
    result, works = {}, []

    def run():
        try:
            result["value"] = fn()
        except BaseException as e:   # re-raised in the test's thread
            result["error"] = e
    thread = threading.Thread(target=run)
    thread.daemon = True
    thread.start()
    polls = server.polls
    for _ in range(max_ticks):
        if not thread.is_alive():
            break
        host.advance_ms(TICK_MS)
        if server.polls != polls:
            polls = server.polls
            works.append(dict(server.work))
    thread.join(10)
    assert not thread.is_alive(), "the client did not finish"
    if "error" in result:
        raise result["error"]
    return result.get("value"), works


def test_idle_connections_without_token_cannot_lock_out_the_user(tmp_path):
    host, server, port, token = start(tmp_path)
    idle = []

    def user():
        for _ in range(3 * rs.MAX_WAITING):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        client = Client(port, token)
        client.send({"eval": "(+ 40 2)"})
        return client.signed_in, client.read()
    (signed_in, answer), _ = talk(host, server, user)
    assert signed_in == {"ok": True} and answer["value"] == "42"
    waiting = [c for c in server.connections if not c.signed_in]
    assert len(waiting) <= rs.MAX_WAITING
    for sock in idle:
        sock.close()


def test_connections_that_never_send_the_token_are_closed_after_the_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(rs, "AUTH_TIMEOUT_MS", SIGN_IN_MS)
    host, server, port, token = start(tmp_path)
    idle = socket.create_connection(("127.0.0.1", port), timeout=10)
    host.advance_ms(TICK_MS)
    assert len(server.connections) == 1
    host.advance_ms(SIGN_IN_MS - 2 * TICK_MS)
    assert len(server.connections) == 1
    host.advance_ms(4 * TICK_MS)
    assert server.connections == []
    assert idle.recv(10) == b""          # the server closed it
    idle.close()


def test_nothing_is_parsed_before_the_token_line(tmp_path):
    host, server, port, token = start(tmp_path)
    huge = (json.dumps({"token": token, "eval": "(set-tempo! 10) " + "x" * (1 << 20)}) + "\n").encode()

    def attacker():
        sock = socket.create_connection(("127.0.0.1", port), timeout=20)
        try:
            sock.sendall(huge)
        except OSError:
            pass    # the server closes the connection long before 1 MB arrives
        data = b""
        while True:
            try:
                chunk = sock.recv(4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        sock.close()
        return data
    data, works = talk(host, server, attacker)
    assert json.loads(data.decode().splitlines()[0]) == {"ok": False, "error": "wrong token"}
    assert sum(w["bytes_read"] for w in works) <= rs.MAX_TOKEN_LINE + 1
    assert server.most["json_bytes"] == 0 and host.song.tempo == 120
    assert host.ul not in data.decode() and ".repl" not in data.decode()


def test_a_long_eval_is_read_run_and_printed_a_slice_per_tick(tmp_path):
    host, server, port, token = start(tmp_path)
    n = 8000                      # about 40 KB of text, under MAX_MESSAGE
    # A value that prints past MAX_VALUE within lmac's 10 000-item collection limit.
    text = ("(count [" + " ".join(str(i) for i in range(n)) + "]) "
            "(vec (concat (range 10) (map (fn (i) (* i 1000000)) (range 10 9000))))")

    def user():
        client = Client(port, token)
        client.send({"eval": text, "id": 7})
        return client.read()
    answer, works = talk(host, server, user)
    assert answer["ok"] and answer["id"] == 7
    value = answer["value"]
    assert value.startswith("[0 1 2 ") and value.endswith(" ... (cut at %d characters)" % rs.MAX_VALUE)
    assert len(value) <= rs.MAX_VALUE + 40
    reading = [w["tokens_read"] for w in works if w["tokens_read"]]
    printing = [w["chars_printed"] for w in works if w["chars_printed"]]
    assert sum(reading) > n and len(reading) >= n // rs.READ_TOKENS_PER_TICK
    assert max(reading) <= rs.READ_TOKENS_PER_TICK
    assert len(printing) >= rs.MAX_VALUE // rs.PRINT_CHARS_PER_TICK
    assert max(printing) <= rs.PRINT_CHARS_PER_TICK + 16
    assert max(w["bytes_read"] for w in works) <= rs.MAX_READ_PER_CONNECTION


def test_an_endless_eval_runs_as_a_scheduled_task_and_live_goes_on(tmp_path):
    host, server, port, token = start(tmp_path)
    scheduler = host.script.session.scheduler
    seen = {}

    def user():
        looping = Client(port, token)
        looping.send({"eval": "(loop () (recur))"})
        other = Client(port, token)
        other.send({"eval": "(do (set-tempo! 97) (+ 1 2))"})
        seen["other"] = other.read()
        other.close()
        seen["looping"] = looping
    talk(host, server, user)
    assert seen["other"]["value"] == "3" and host.song.tempo == 97
    # The loop is the scheduler's: it runs in the tick's shared time slice, ticks go on.
    [task] = [t for t in scheduler.tasks.values() if t.name == "repl"]
    host.advance_ms(10 * TICK_MS)
    assert not task.finished and task.id in scheduler.tasks
    seen["looping"].close()
    host.advance_ms(2 * TICK_MS)            # the REPL closed: what it still waited for stops
    assert task.status == "cancelled" and server.connections == []


def test_each_requests_output_is_capped(tmp_path):
    host, server, port, token = start(tmp_path)

    def user():
        client = Client(port, token)
        client.send({"eval": '(dotimes (i 3000) (println "%s")) :done' % ("y" * 60)})
        return client.read()
    answer, _ = talk(host, server, user)
    assert answer["value"] == ":done"
    assert answer["output"].startswith("y" * 60 + "\n")
    assert answer["output"].endswith("... (output cut at %d characters)\n" % rs.MAX_OUTPUT)
    assert len(answer["output"]) <= rs.MAX_OUTPUT + 60


def test_requests_sent_together_are_all_answered_in_order(tmp_path):
    host, server, port, token = start(tmp_path)

    def user():
        client = Client(port, token)
        client.send(*[{"eval": "(do (wait %d) %d)" % ((20 - i) * 10, i), "id": i} for i in range(20)])
        client.send({"complete": "set-te", "id": "last"})
        return [client.read() for _ in range(21)]
    answers, works = talk(host, server, user)
    assert [a["id"] for a in answers] == list(range(20)) + ["last"]
    assert [a.get("value") for a in answers[:20]] == [str(i) for i in range(20)]
    assert answers[20]["completions"] == ["set-tempo!"]
    assert max(w["answers"] for w in works) <= rs.MAX_PENDING


def test_a_client_that_does_not_read_cannot_grow_the_server_buffers(tmp_path):
    host, server, port, token = start(tmp_path)
    size, count = 18890, 30          # 570 KB of answers, more than MAX_OUTBUF
    big = "(apply str (range 5000))"     # "0123...4999": 18890 characters
    sizes = []

    def watch():
        for conn in server.connections:
            if not sizes:       # small kernel buffers, so unsent answers stay in the server's
                conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
            sizes.append((len(conn.outbuf), len(conn.pending), len(conn.inbuf)))
    stop = threading.Event()
    result = []

    def user():
        client = Client(port, token, rcvbuf=4096)
        client.send(*[{"eval": big, "id": i} for i in range(count)])
        stop.wait(60)             # read nothing until the host says so
        result.append([client.read() for _ in range(count)])

    thread = threading.Thread(target=user)
    thread.daemon = True
    thread.start()
    for _ in range(300):          # 30 virtual seconds of a client that reads nothing
        host.advance_ms(TICK_MS)
        watch()
    stop.set()
    for _ in range(20000):
        if not thread.is_alive():
            break
        host.advance_ms(TICK_MS)
        watch()
    thread.join(10)
    answers = result[0]
    assert [a["id"] for a in answers] == list(range(count))      # nothing lost, in order
    assert all(len(a["value"]) == size + 2 for a in answers)
    most_unsent = max(s[0] for s in sizes)
    assert rs.MAX_OUTBUF // 2 < most_unsent <= rs.MAX_OUTBUF + 2 * size   # the cap is what held it
    assert max(s[1] for s in sizes) <= rs.MAX_PENDING
    assert max(s[2] for s in sizes) <= rs.MAX_MESSAGE + rs.MAX_READ_PER_CONNECTION


def test_too_many_signed_in_connections_are_refused_clearly(tmp_path):
    host, server, port, token = start(tmp_path)

    def users():
        clients = [Client(port, token) for _ in range(rs.MAX_CONNECTIONS + 1)]
        answers = [c.signed_in for c in clients]
        for c in clients:
            c.close()
        return answers
    answers, _ = talk(host, server, users)
    assert answers[:-1] == [{"ok": True}] * rs.MAX_CONNECTIONS
    assert answers[-1]["ok"] is False and "too many REPL connections" in answers[-1]["error"]


def test_a_pinned_form_is_read_in_one_go_so_its_length_is_limited(tmp_path):
    host, server, port, token = start(tmp_path)

    def user():
        client = Client(port, token)
        client.send({"pin": "(note 40)", "form": "(+ %s)" % ("1 " * rs.MAX_PIN_TEXT)})
        return client.read()
    answer, _ = talk(host, server, user)
    assert answer["ok"] is False and "at most %d characters" % rs.MAX_PIN_TEXT in answer["error"]
    with open("%s/lmac/init.lmac" % host.ul) as f:
        assert f.read() == ""               # nothing written



def test_the_poll_gets_what_the_macros_left_of_the_tick(tmp_path):
    """A tick's macros and its REPL poll share the tick: after macros that used up their budget,
    the poll takes its minimum, so the whole tick stays near the budget; after an idle tick it
    takes its own budget; polled outside any tick, its own budget too."""
    from time import perf_counter
    host, server, _port, _token = start(tmp_path)
    scheduler = server.session.scheduler
    now = perf_counter()
    scheduler.tick_started, scheduler.tick_deadline = now - 0.0039, now + 0.0001   # 3.9 of 4 ms used
    assert server._deadline(now) - now == pytest.approx(0.0001 + rs.TICK_SLACK_S)
    scheduler.tick_started, scheduler.tick_deadline = now - 0.0045, now - 0.0005   # past it
    assert server._deadline(now) - now == pytest.approx(rs.MIN_POLL_S)
    scheduler.tick_started, scheduler.tick_deadline = now, now + 0.004              # an idle tick
    assert server._deadline(now) - now == pytest.approx(rs.POLL_BUDGET_S)
    scheduler.tick_started, scheduler.tick_deadline = now - 1.0, now - 0.996        # long ago
    assert server._deadline(now) - now == pytest.approx(rs.POLL_BUDGET_S)
