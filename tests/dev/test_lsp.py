"""`lmac lsp` end to end: a subprocess speaking LSP (JSON-RPC with Content-Length framing) over
stdio; initialize, open a broken document, receive its diagnostics, complete, hover, shut down."""
import json
import os
import queue
import subprocess
import sys
import threading

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIMEOUT_S = 30


class Client(object):
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "lmac.cli", "lsp"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message):
        data = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == self.next_id and "method" not in m)

    def wait_for(self, test):
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT_S)
            except queue.Empty:
                raise AssertionError("no answer from lmac lsp within %d s; stderr: %s"
                                     % (TIMEOUT_S, self._stderr()))
            if test(message):
                return message

    def _stderr(self):
        self.proc.kill()
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=TIMEOUT_S)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()


@pytest.fixture
def client():
    c = Client()
    yield c
    c.close()


BROKEN = '(defn twice (x) (* 2 x))\n(twice 1 2)\n(prn (mapp inc [1]))\n'
URI = "file:///tmp/lmac-lsp-test/set.lmac"


def test_diagnostics_completion_hover_shutdown(client):
    init = client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = init["result"]["capabilities"]
    assert caps["hoverProvider"] and "completionProvider" in caps
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "lmac", "version": 1, "text": BROKEN}})
    diag = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert diag["params"]["uri"] == URI
    found = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"])
                   for d in diag["params"]["diagnostics"])
    assert found == [(1, 0, "twice expects 1 argument, got 2"),
                     (2, 6, "'mapp' not found; did you mean 'map'?")]
    mapp = [d for d in diag["params"]["diagnostics"] if "mapp" in d["message"]][0]
    assert mapp["range"]["end"] == {"line": 2, "character": 10}

    # A fix clears the diagnostics.
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": URI, "version": 2},
        "contentChanges": [{"text": "(defn twice (x) (* 2 x))\n(twice 1)\n"}]})
    diag = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"].get("version") == 2)
    assert diag["params"]["diagnostics"] == []

    comp = client.request("textDocument/completion", {
        "textDocument": {"uri": URI}, "position": {"line": 1, "character": 2}})
    result = comp["result"]
    labels = {item["label"] for item in (result["items"] if isinstance(result, dict) else result)}
    from lmac.editor_support.names import known_names, library_files
    assert set(known_names()) <= labels          # every action, builtin, macro
    assert {"defn", "wait-bars", "map", "twice"} <= labels   # twice: this document's own
    assert set(library_files()) <= labels

    hov = client.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 2}})
    value = hov["result"]["contents"]["value"]
    assert "(defn name & more)" in value and "(defn name (params) body...)" in value

    hov = client.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 1, "character": 3}})
    assert "(twice x)" in hov["result"]["contents"]["value"]

    assert client.request("shutdown", None)["result"] is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT_S) == 0


def test_hover_shows_registered_actions(client):
    """Hover text for an action comes from the registry (if any action is registered yet)."""
    from lmac.editor_support.names import known_names
    actions = [e for e in known_names().values() if e.kind == "action"]
    if not actions:
        pytest.fail("no actions registered: surface/actions/families did not load")
    action = actions[0]
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "lmac", "version": 1, "text": "(%s)\n" % action.name}})
    client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    hov = client.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}})
    value = hov["result"]["contents"]["value"]
    assert action.signature in value and action.doc.split("\n")[0] in value
