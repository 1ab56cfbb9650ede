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
    missing). Both texts must read as exactly one form; returns the line appended."""
    from ..grammar.reader import read_all
    from ..interpreter.values import LmacError
    for what, text in (("trigger", trigger_text), ("form", form_text)):
        forms = read_all(text, "<pin>")
        if len(forms) != 1:
            raise LmacError(":pin needs exactly one %s, got %d forms in %r" % (what, len(forms), text))
    line = "(bind %s %s)" % (trigger_text.strip(), form_text.strip())
    path = init_path(user_library)
    if not os.path.isdir(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path))
    existing = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            existing = f.read()
    with open(path, "a", encoding="utf-8") as f:
        if existing and not existing.endswith("\n"):
            f.write("\n")
        f.write("; pinned from the REPL\n" + line + "\n")
    return line
