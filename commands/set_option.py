"""--set for run, repl and check: your own Live set (.als, as Live saves it) or a virtual Live set
(JSON). Loading errors become one line for the musician instead of a traceback."""
from __future__ import annotations

import os

SET_HELP = ("your Live set (MySong.als, only read) or a virtual Live set (JSON); "
            "default: the demo set")


def load_problem(path, live_version="12.3"):
    """None when the set loads, else the error line to print."""
    from lmac.surface.virtual_live import install_live_module, load_set
    use_fast_xml()
    try:
        install_live_module()
        load_set(path, live_version)
    except Exception as e:  # noqa: BLE001 - any loading failure is reported, never a traceback
        return set_error(path, e)
    return None


def set_error(path, error):
    from lmac.surface.virtual_live.als import AlsError
    if isinstance(error, AlsError):
        return "error: %s" % error
    if isinstance(error, OSError):
        return "error: %s: cannot read the set (%s)" % (path, error.strerror or error)
    if isinstance(error, ValueError) and not str(error).startswith(os.fspath(path)):
        return "error: %s: not a set lmac can load: %s" % (path, error)
    return "error: %s: %s" % (path, error)


def label(path):
    return os.path.basename(path)


def check_against_set(files, path):
    """(findings, None) for selectors in files that name nothing in the set, or ([], error line)."""
    from lmac.editor_support.set_names import SetNames, set_findings
    from lmac.surface.virtual_live import install_live_module, load_set
    use_fast_xml()
    try:
        install_live_module()
        song = load_set(path).get_document()
    except Exception as e:  # noqa: BLE001 - reported as one line
        return [], set_error(path, e)
    return set_findings(files, SetNames(song, label(path))), None


def use_fast_xml():
    """Hand lxml to the set reader when it is installed (the dev extras): public .als sets load
    about twice as fast. Without it the standard library reads the same sets."""
    try:
        from lxml import etree
    except ImportError:
        return False
    from lmac.surface.virtual_live.als import use_lxml
    use_lxml(etree)
    return True
