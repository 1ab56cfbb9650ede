"""The whole path through the real entry point: `lmac install` into a temp User Library, then the
installed package's root ``create_instance`` (-> LmacScript -> surface components) in a
VirtualHost, as Live loads it, on Python 3.11 and 3.7. MIDI in runs a macro that changes the set
and lights an LED; init.lmac is hot-reloaded ten times; a broken edit keeps the old bindings and
logs a positioned error; a fix recovers; the REPL socket answers; disconnect releases every
listener and the LEDs."""
import json
import os
import subprocess
import sys

import pytest

from lmac.commands.install import install

from python37 import PY37

# Runs in `python -S`: only the Remote Scripts folder of the temp User Library is importable.
CHILD = r"""
import json, os, socket, sys, threading
sys.path.insert(0, sys.argv[1])
import lmac                                   # the installed copy, as Live imports it
from lmac.surface.virtual_live import VirtualHost
init = sys.argv[2]
host = VirtualHost(lmac)                      # lmac.create_instance(c_instance): LmacScript, wall-clock LiveClock
script = host.script
# The script's clock is wall time here, so the loader's 500 ms stat interval would be wall time too;
# LibraryLoader.poll_ms is the seam: stat on every tick (set before the first tick).
script.surface.loader.poll_ms = 0
report = {"lmac": lmac.__file__, "class": type(script).__name__, "start_tracks": len(host.song.tracks),
          "python": list(sys.version_info[:2])}

def write(text, n):
    with open(init, "w") as f:
        f.write(text)
    st = os.stat(init)                         # a distinct mtime without sleeping
    os.utime(init, ns=(st.st_atime_ns, st.st_mtime_ns + n * 10**9))

def out_since(i):
    return [list(m) for _, m in host.midi_out[i:]]

host.advance_ms(200)
report["led_at_start"] = out_since(0)
mark = len(host.midi_out)
host.send_midi_in((0x90, 36, 127))            # v1: a new MIDI track, tempo 131
host.send_midi_in((0x80, 36, 0))
report["after_press_now"] = [len(host.song.tracks), host.song.tempo]   # inside receive_midi, no tick
host.advance_ms(200)
report["led_after_press"] = out_since(mark)
listeners = host.listener_count()             # the new track brought its own listeners
tempos = []
mark = len(host.midi_out)
for i in range(10):
    write("(bind (note 37) (tempo %d))\n(led (note 37) :on)\n" % (100 + i), i + 1)
    host.advance_ms(100)
    host.send_midi_in((0x90, 37, 127))
    host.send_midi_in((0x80, 37, 0))
    tempos.append(host.song.tempo)
report["tempos"] = tempos
report["led_after_reloads"] = out_since(mark)
report["old_pad_after_reload"] = host.send_midi_in((0x90, 36, 127))   # no longer forwarded
report["loads"] = [script.surface.loader.loads, script.surface.loader.failures]
write("(bind (note 37) (tempo 50))\n(bind (note 38) (oops", 20)   # broken: the old bindings stay
host.advance_ms(100)
host.send_midi_in((0x90, 37, 127))
report["after_broken"] = host.song.tempo
report["broken_log"] = [l for _, l in host.log if "init.lmac:2:" in l]
report["status"] = host.status_bar()
write("(bind (note 38) (tempo 77))\n(led (note 38) :on)\n", 21)       # the fix
host.advance_ms(100)
host.send_midi_in((0x90, 38, 127))
report["after_fix"] = host.song.tempo
report["loads_after_fix"] = [script.surface.loader.loads, script.surface.loader.failures]

info = json.load(open(os.path.join(os.path.dirname(init), ".repl")))
answer = {}
def client():
    s = socket.create_connection(("127.0.0.1", info["port"]), timeout=10)
    s.sendall((info["token"] + "\n" + json.dumps({"eval": "(tempo)"}) + "\n").encode())   # sign in, ask
    buf = b""
    while buf.count(b"\n") < 2:
        buf += s.recv(4096)
    answer.update(json.loads(buf.decode().splitlines()[1]))
    s.close()
t = threading.Thread(target=client)
t.start()
for _ in range(100000):
    if not t.is_alive():
        break
    host.advance_ms(10)
t.join(5)
report["repl"] = answer
report["listeners_after_reloads"] = [listeners, host.listener_count()]
mark = len(host.midi_out)
host.disconnect()
report["listeners_after"] = host.listener_count()
report["repl_file_left"] = os.path.exists(os.path.join(os.path.dirname(init), ".repl"))
report["midi_out_at_disconnect"] = out_since(mark)
report["script_errors"] = [l for _, l in host.log if "RemoteScriptError" in l]
print(json.dumps(report))
"""


@pytest.mark.parametrize("python", [sys.executable, PY37], ids=["py311", "py37"])
def test_install_load_press_reload_disconnect(tmp_path, python):
    ul = str(tmp_path)
    install(ul)
    init = os.path.join(ul, "lmac", "init.lmac")
    with open(init, "w") as f:
        f.write("(bind (note 36) (create-track midi) (tempo 131))\n"
                "(led (note 36) (if (> (tempo) 130) :on :off))\n")
    remote_scripts = os.path.join(ul, "Remote Scripts")
    out = subprocess.run([python, "-S", "-c", CHILD, remote_scripts, init],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["python"] == ([3, 7] if python == PY37 else list(sys.version_info[:2]))
    assert r["lmac"].startswith(os.path.join(remote_scripts, "lmac")) and r["class"] == "LmacScript"
    # MIDI in -> macro (at once, inside receive_midi) -> set change -> LED out on the next tick
    assert r["led_at_start"] == [[0x90, 36, 0]]
    assert r["after_press_now"] == [r["start_tracks"] + 1, 131]
    assert r["led_after_press"] == [[0x90, 36, 127]]
    # ten hot reloads, each one live at once; the pad no longer declared goes dark, once
    assert r["tempos"] == list(range(100, 110))
    assert r["led_after_reloads"] == [[0x90, 36, 0], [0x90, 37, 127]]
    assert r["old_pad_after_reload"] is False
    assert r["loads"] == [11, 0]
    # a broken edit: old bindings keep working, the error says where
    assert r["after_broken"] == 109
    assert any("init.lmac:2:" in l and "lmac:" in l for l in r["broken_log"]), r["broken_log"]
    assert r["status"].startswith("lmac: ") and "init.lmac:2:" in r["status"]
    assert r["after_fix"] == 77 and r["loads_after_fix"] == [12, 1]
    assert r["repl"]["ok"] and float(r["repl"]["value"]) == 77, r["repl"]
    # disconnect: listeners as before the reloads, then none; REPL file gone; LEDs dark
    assert r["listeners_after_reloads"][0] == r["listeners_after_reloads"][1]
    assert r["listeners_after"] == 0 and not r["repl_file_left"]
    assert r["midi_out_at_disconnect"] == [[0x90, 38, 0]]
    assert r["script_errors"] == []
