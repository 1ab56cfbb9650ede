"""The REPL socket under hostile and careless local clients: how much of a tick it takes.

LmacScript runs in virtual Live (REPL on, an empty User Library); another process opens 20 idle
connections without the token, sends a 1 MB line without signing in, a 60 KB entry of 2000
forms, an entry whose value prints to 1.2 MB, an entry printing 100 000 lines, and 1000
requests in one write that it never reads. The host ticks until all is sent, then 600 times more
(10 ms of virtual time each). CPU time of this thread (time.thread_time, so other processes on a loaded machine do not
count) per REPL poll and per whole tick (the poll plus the macros the entries started):

    repl_hostile_poll_cpu_ms       the worst poll (its budget: repl_server.POLL_BUDGET_S)
    repl_hostile_poll_cpu_p99_ms   the 99th percentile poll
    repl_hostile_tick_cpu_ms       the worst whole tick: macros, then the poll (the scheduler's
                                   budget is 4 ms; the poll gets what is left, at least 0.5 ms),
                                   garbage collections apart
    repl_hostile_worst_gc_ms       the longest collection time inside one tick

    python -m lmac.benchmarks --only repl_hostile
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import types

CLIENT = r"""
import json, socket, sys, time
port, token = int(sys.argv[1]), sys.argv[2]
def connect():
    return socket.create_connection(("127.0.0.1", port))
def signed():
    s = connect(); s.sendall(token.encode() + b"\n"); return s
def send(s, *objs):
    s.sendall(b"".join((json.dumps(o) + "\n").encode() for o in objs))
idle = [connect() for _ in range(20)]
unsigned = connect()
try:
    unsigned.sendall((json.dumps({"token": token, "eval": "x" * (1 << 20)}) + "\n").encode())
except OSError:
    pass
clients = [signed() for _ in range(4)]     # kept open: a closed connection's entries are dropped
send(clients[0], {"eval": "(+ 1 2) " * 2000})
send(clients[1], {"eval": "(vec (range 200000))"})
send(clients[2], {"eval": "(dotimes (i 100000) (println i))"})
send(clients[3], *[{"eval": "(+ 1 2)", "id": i} for i in range(1000)])
print("sent", flush=True)
time.sleep(60)
"""


def measure(ticks=600):
    from lmac.surface.remote_script import LmacScript
    from lmac.surface.virtual_live import VirtualClock, VirtualHost
    user_library = tempfile.mkdtemp(prefix="lmac-bench-repl-")
    try:
        def create_instance(c_instance):
            return LmacScript(c_instance, clock_factory=VirtualClock,
                              surface_options={"user_library": user_library})
        host = VirtualHost(types.SimpleNamespace(create_instance=create_instance))
        server = host.script.surface.repl
        script = host.script
        polls, ticks_cpu = [], []
        _poll, _tick = server.poll, script.tick     # the whole tick: macros, then the poll

        # Garbage collections apart, as the scheduler's own tick accounting does (their length
        # depends on every object in the process, not on the tick's work): reported on their own.
        from lmac.interpreter import scheduler as scheduler_module
        host.script.session.scheduler.stats.measure_cpu()
        gc_spent, gcs = scheduler_module._gc_spent, []

        def timed_poll(now_ms=None):
            start, gc_before = time.thread_time(), gc_spent[0]
            _poll(now_ms)
            polls.append((time.thread_time() - start) * 1000.0 - (gc_spent[0] - gc_before) * 1000.0)

        def timed_tick(*args):
            start, gc_before = time.thread_time(), gc_spent[0]
            _tick(*args)
            gc_ms = (gc_spent[0] - gc_before) * 1000.0
            gcs.append(gc_ms)
            ticks_cpu.append((time.thread_time() - start) * 1000.0 - gc_ms)
        server.poll, script.tick = timed_poll, timed_tick
        with open(os.path.join(user_library, "lmac", ".repl")) as f:
            info = json.load(f)
        client = subprocess.Popen([sys.executable, "-c", CLIENT, str(info["port"]), info["token"]],
                                  stdout=subprocess.PIPE, universal_newlines=True)
        sent = threading.Event()
        threading.Thread(target=lambda: (client.stdout.readline(), sent.set()), daemon=True).start()
        try:
            # Tick while the client starts and sends (the server reads only as it ticks), then more.
            while not sent.is_set() and client.poll() is None:
                host.advance_ms(10)
            for _ in range(ticks):
                host.advance_ms(10)
        finally:
            client.kill()
            client.wait()
            host.disconnect()
        polls.sort()
        return {"repl_hostile_poll_cpu_ms": round(polls[-1], 2),
                "repl_hostile_poll_cpu_p99_ms": round(polls[int(len(polls) * 0.99)], 2),
                "repl_hostile_tick_cpu_ms": round(max(ticks_cpu), 2),
                "repl_hostile_worst_gc_ms": round(max(gcs), 2)}
    finally:
        shutil.rmtree(user_library, ignore_errors=True)


if __name__ == "__main__":
    print(measure())
