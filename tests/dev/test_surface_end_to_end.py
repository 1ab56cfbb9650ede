"""The whole path through the virtual host with the installed copy: install, load LmacScript with
the surface components, MIDI in, macros, set changes, LED MIDI out, hot reload (ten times), a
broken file that keeps the old bindings, the REPL socket, and disconnect releasing everything."""
import json
import os
import subprocess
import sys

from lmac.commands.install import install

CHILD = r"""
import json, os, socket, sys, threading, time
sys.path.insert(0, sys.argv[1])
from lmac.surface.virtual_live import VirtualHost
from lmac.surface.bindings.testbed import LiveScriptModule, configure
configure(repl=True)
host = VirtualHost(LiveScriptModule)   # LmacScript on virtual ms, with the components attached
init = sys.argv[2]
report = {"start_tracks": len(host.song.tracks)}

def write(text, n):
    with open(init, "w") as f:
        f.write(text)
    st = os.stat(init)
    os.utime(init, ns=(st.st_atime_ns, st.st_mtime_ns + n * 10**9))

host.advance_ms(200)
host.send_midi_in((0x90, 36, 127))          # v1: a new MIDI track, tempo 131
host.send_midi_in((0x80, 36, 0))
host.advance_ms(200)
report["after_press"] = [len(host.song.tracks), host.song.tempo]
report["led_after_press"] = [list(m) for _, m in host.midi_out]
listeners = host.listener_count()     # the new track brought its own listeners (trigger events)
for i in range(10):
    write("(bind (note 37) (tempo %d))\n(led (note 37) :on)\n" % (100 + i), i + 1)
    host.advance_ms(600)
host.send_midi_in((0x90, 37, 127))
report["after_reloads"] = host.song.tempo
write("(bind (note 37) (tempo 50))\n(bind (note 38) (oops", 20)   # broken: the old bindings stay
host.advance_ms(600)
host.send_midi_in((0x90, 37, 127))
report["after_broken"] = host.song.tempo
report["broken_log"] = [l for _, l in host.log if "init.lmac:2:" in l]
report["status"] = host.status_bar()

info = json.load(open(os.path.join(os.path.dirname(init), ".repl")))
answer = {}
def client():
    s = socket.create_connection(("127.0.0.1", info["port"]), timeout=10)
    s.sendall((json.dumps({"token": info["token"], "eval": "(tempo)"}) + "\n").encode())
    buf = b""
    while b"\n" not in buf:
        buf += s.recv(4096)
    answer.update(json.loads(buf.decode()))
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
host.disconnect()
report["listeners_after"] = host.listener_count()
report["repl_file_left"] = os.path.exists(os.path.join(os.path.dirname(init), ".repl"))
report["midi_out_tail"] = [list(m) for _, m in host.midi_out[-1:]]
print(json.dumps(report))
"""


def test_install_load_press_reload_disconnect(tmp_path):
    ul = str(tmp_path)
    install(ul)
    init = os.path.join(ul, "lmac", "init.lmac")
    with open(init, "w") as f:
        f.write("(bind (note 36) (create-track midi) (tempo 131))\n"
                "(led (note 36) (if (> (tempo) 130) :on :off))\n")
    out = subprocess.run([sys.executable, "-S", "-c", CHILD, os.path.join(ul, "Remote Scripts"), init],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["after_press"] == [r["start_tracks"] + 1, 131]
    assert r["led_after_press"][:2] == [[0x90, 36, 0], [0x90, 36, 127]]
    assert r["after_reloads"] == 109
    assert r["after_broken"] == 109 and r["broken_log"] and r["status"].startswith("lmac: ")
    assert r["repl"]["ok"] and float(r["repl"]["value"]) == 109, r["repl"]
    assert r["listeners_after_reloads"][0] == r["listeners_after_reloads"][1]
    assert r["listeners_after"] == 0 and not r["repl_file_left"]
    assert r["midi_out_tail"] == [[0x90, 37, 0]]      # the LED goes dark on disconnect
