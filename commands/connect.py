"""The client side of `lmac repl --connect`: talk to the REPL server inside the running Live.

The Remote Script writes its port and token to <User Library>/lmac/.repl (mode 0600; see
surface/repl_server.py). ``connect_repl(args)`` reads it (``args.repl_file``, or the User Library
from ``args.user_library`` / LMAC_USER_LIBRARY / Ableton's default), then reads forms from
standard input and prints one result per form: the readable value, or `error: file:line:col: ...`.
`:pin (note 40)` binds the last one-liner to that pad (and appends it to init.lmac).
"""
from __future__ import annotations

import json
import os
import socket
import sys

from lmac.interpreter.values import LmacSyntaxError


class ReplClientError(Exception):
    pass


def repl_file_for(args=None):
    from lmac.surface.user_library import default_user_library, find_user_library, repl_file
    explicit = getattr(args, "repl_file", None)
    if explicit:
        return explicit
    ul = find_user_library(getattr(args, "user_library", None), package_dir="/nonexistent") or default_user_library()
    return repl_file(ul)


def read_repl_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
    except (OSError, ValueError):
        raise ReplClientError("no running lmac found (%s is missing): is Live open with the lmac control "
                              "surface selected?" % path)
    return info.get("host", "127.0.0.1"), int(info["port"]), info["token"]


class ReplClient(object):
    """One connection: ``request(dict) -> dict`` (blocking, with a timeout)."""

    def __init__(self, host, port, token, timeout=30.0):
        self.token = token
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        self.next_id = 0

    @classmethod
    def from_file(cls, path, timeout=30.0):
        host, port, token = read_repl_file(path)
        try:
            return cls(host, port, token, timeout)
        except OSError as e:
            raise ReplClientError("lmac in Live does not answer on port %d (%s); restart the control surface"
                                  % (port, e))

    def request(self, message):
        self.next_id += 1
        message = dict(message, token=self.token, id=self.next_id)
        self.sock.sendall((json.dumps(message) + "\n").encode("utf-8"))
        while b"\n" not in self.buffer:
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                raise ReplClientError("no answer from Live (the macro may still be running)")
            if not data:
                raise ReplClientError("Live closed the connection")
            self.buffer += data
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line.decode("utf-8"))

    def eval(self, text):
        return self.request({"eval": text})

    def complete(self, prefix):
        return self.request({"complete": prefix}).get("completions", [])

    def pin(self, trigger_text, form_text):
        return self.request({"pin": trigger_text, "form": form_text})

    def close(self):
        self.sock.close()


def format_reply(reply):
    text = reply.get("output", "")
    if reply.get("ok"):
        return text + reply.get("value", "") + "\n"
    return text + "error: " + reply.get("error", "?") + "\n"


def _incomplete(text):
    from lmac.grammar.reader import read_all
    try:
        read_all(text, "<repl>")
    except LmacSyntaxError as e:
        return e.incomplete
    return False


def run_lines(client, lines, out):
    """Non-terminal mode: forms from ``lines``, one result per form written to ``out``."""
    buffer, last = "", None
    for line in lines:
        stripped = line.strip()
        if not buffer and stripped.startswith(":pin"):
            trigger = stripped[len(":pin"):].strip()
            if last is None or not trigger:
                out.write("error: :pin (note 40) binds the last form you evaluated to a pad\n")
            else:
                out.write(format_reply(client.pin(trigger, last)))
            continue
        buffer += line if line.endswith("\n") else line + "\n"
        if not buffer.strip() or _incomplete(buffer):
            continue
        text, buffer = buffer.strip(), ""
        reply = client.eval(text)
        out.write(format_reply(reply))
        if reply.get("ok"):
            last = text
        out.flush()
    return 0


def connect_repl(args):
    """Entry point for `lmac repl --connect` (called by commands/repl.py)."""
    try:
        client = ReplClient.from_file(repl_file_for(args))
    except ReplClientError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    try:
        return run_lines(client, sys.stdin, sys.stdout)
    except ReplClientError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    finally:
        client.close()
