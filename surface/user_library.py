"""Where the user's lmac files live: <User Library>/lmac/ (init.lmac, lib/, surfaces/, .repl).

Live has no API for the User Library path, so it is derived from where the script is installed
(<UL>/Remote Scripts/lmac/ -> <UL>), unless LMAC_USER_LIBRARY or an explicit argument says otherwise.
"""
from __future__ import annotations

import os
import sys

ENV_VAR = "LMAC_USER_LIBRARY"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

STARTER_INIT = """\
; init.lmac: loaded by lmac when Live starts, and again whenever you save it.
; Bind pads, define macros, import libraries. Examples (remove the ; to use them):
;
; (defn setup-drums ()
;   (create-track midi) (name selected "Drums") (add-device "Drum Rack"))
; (bind (note 36) (setup-drums))                 ; pad 36 (C1) on channel 1
; (bind (note 37) :hold (stop-all-clips))        ; hold pad 37 for half a second
; (bind (cc 21) (fn (v) (volume (track 1) v)))   ; a knob moves track 1's volume
; (led (note 36) (if (armed? (track 1)) :on :off))
; (import "mixing" :as mx)
"""


def find_user_library(override=None, package_dir=None):
    """The User Library folder, or None when it cannot be told (e.g. running from a checkout)."""
    if override:
        return os.path.abspath(os.path.expanduser(override))
    env = os.environ.get(ENV_VAR)
    if env:
        return os.path.abspath(os.path.expanduser(env))
    # The path Live loaded the script from first: a developer's symlink
    # <UL>/Remote Scripts/lmac -> checkout must still find <UL>; then the resolved path.
    here = os.path.abspath(package_dir or PACKAGE_DIR)
    for candidate in (here, os.path.realpath(here)):
        remote_scripts = os.path.dirname(candidate)
        if os.path.basename(remote_scripts).lower() == "remote scripts":
            return os.path.dirname(remote_scripts)
    return None


def default_user_library(platform=None, home=None):
    """Ableton's default User Library on macOS and Windows; None elsewhere (pass a path)."""
    platform = platform or sys.platform
    home = home or os.path.expanduser("~")
    if platform == "darwin":
        return os.path.join(home, "Music", "Ableton", "User Library")
    if platform.startswith("win"):
        return os.path.join(home, "Documents", "Ableton", "User Library")
    return None


def lmac_dir(user_library):
    return os.path.join(user_library, "lmac")


def init_path(user_library):
    return os.path.join(lmac_dir(user_library), "init.lmac")


def last_good_path(user_library):
    """lmac's own copy of init.lmac as it last loaded (start-up runs it when init.lmac fails)."""
    return os.path.join(lmac_dir(user_library), ".init.last-good.lmac")


def lib_dir(user_library):
    return os.path.join(lmac_dir(user_library), "lib")


def surfaces_dir(user_library):
    return os.path.join(lmac_dir(user_library), "surfaces")


def repl_file(user_library):
    """Where the Remote Script writes its REPL port and token (mode 0600)."""
    if user_library:
        return os.path.join(lmac_dir(user_library), ".repl")
    import tempfile
    uid = getattr(os, "getuid", lambda: 0)()
    return os.path.join(tempfile.gettempdir(), "lmac-%s.repl" % uid)


def pin_binding(user_library, trigger_text, form_text):
    """`:pin (note 40)` in the REPL: append (bind (note 40) FORM) to init.lmac (created if
    missing). Both texts must read as exactly one form; returns the binding as written.

    init.lmac is the user's work, so this writes only what it has read back: the new file must
    read as the old forms plus exactly this binding (a trailing `; comment` in either text, or a
    last line of the file that is a comment, cannot swallow the closing parenthesis). If the file
    already has an error, or the read-back differs, nothing is changed and the error says why."""
    from ..grammar.reader import read_all
    from ..interpreter.values import List, LmacError, LmacSyntaxError, Symbol
    parts = []
    for what, text in (("trigger", trigger_text), ("form", form_text)):
        forms = read_all(text, "<pin>")
        if len(forms) != 1:
            raise LmacError(":pin needs exactly one %s, got %d forms in %r" % (what, len(forms), text))
        text = text.strip()
        # A text that ends in a comment would swallow what follows it on the line: end the line.
        ends_in_comment = len(read_all(text + " pin-probe", "<pin>")) != 2
        parts.append(text + "\n " if ends_in_comment else text)
    line = "(bind %s %s)" % (parts[0], parts[1])
    path = init_path(user_library)
    if not os.path.isdir(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path))
    existing_bytes = b""
    if os.path.exists(path):
        with open(path, "rb") as f:
            existing_bytes = f.read()
    try:
        existing = existing_bytes.decode("utf-8")
        before = read_all(existing, path)
    except UnicodeDecodeError:
        raise LmacError("init.lmac is not UTF-8 text, so :pin changed nothing")
    except LmacSyntaxError as e:
        raise LmacError("init.lmac has an error, so :pin changed nothing; fix it first: %s" % e.located())
    newline = "\r\n" if b"\r\n" in existing_bytes else "\n"   # keep the file's own line ends
    addition = ("\n" if existing and not existing.endswith(("\n", "\r")) else "") + \
        "; pinned from the REPL\n" + line + "\n"
    # Binary appends and reads, so the file's bytes before ours stay exactly as they were.
    with open(path, "ab") as f:
        f.write(addition.replace("\n", newline).encode("utf-8"))
    problem = None
    try:
        with open(path, "rb") as f:
            after = read_all(f.read().decode("utf-8"), path)
        new = after[-1] if len(after) == len(before) + 1 else None
        if not (type(new) is List and len(new) == 3 and type(new[0]) is Symbol and new[0].name == "bind"):
            problem = "it did not read back as one (bind ...) after the forms already there"
    except (LmacSyntaxError, UnicodeDecodeError) as e:
        problem = "it did not read back: %s" % (e.located() if isinstance(e, LmacSyntaxError) else e)
    if problem is not None:
        with open(path, "r+b") as f:   # cut our lines off again: the file is as it was
            f.truncate(len(existing_bytes))
        raise LmacError(":pin changed nothing in init.lmac: %s" % problem)
    return line
