"""lmac sets convert X.als -o X.json: your Live set as a virtual Live set (the JSON set format of
surface/virtual_live/sets.py), to read, edit or keep beside your macros. The .als is only read; an
existing output file is never overwritten unless --force says so."""
from __future__ import annotations

import json
import os
import sys


def add_arguments(p):
    sub = p.add_subparsers(dest="sets_command", metavar="ACTION")
    convert = sub.add_parser("convert", help="write a Live set (.als) as a virtual Live set (JSON)",
                             description="write a Live set (.als) as a virtual Live set (JSON)")
    convert.add_argument("source", metavar="SET.als", help="your Live set (only read)")
    convert.add_argument("-o", "--output", metavar="OUT.json",
                         help="where to write (default: SET.json beside the set)")
    convert.add_argument("--force", action="store_true", help="replace OUT.json if it exists")
    convert.add_argument("--live", default="12.3",
                         help="the Live version virtual Live simulates while checking the set")


def run(args):
    if getattr(args, "sets_command", None) != "convert":
        print("usage: lmac sets convert SET.als [-o OUT.json] [--force]", file=sys.stderr)
        return 2
    return convert(args.source, args.output or os.path.splitext(args.source)[0] + ".json", args.force, args.live)


def convert(source, output, force=False, live_version="12.3"):
    from lmac.commands.set_option import set_error, use_fast_xml
    use_fast_xml()
    from lmac.surface.virtual_live import install_live_module, load_set, save_set
    if os.path.abspath(output) == os.path.abspath(source):
        print("error: %s: the output would replace the set itself; pick another -o" % output, file=sys.stderr)
        return 1
    if os.path.exists(output) and not force:
        print("error: %s already exists; pass --force to replace it, or pick another -o" % output, file=sys.stderr)
        return 1
    try:
        install_live_module()
        data_in = source
        notes = []
        if source.lower().endswith(".als"):
            from lmac.surface.virtual_live.als import read_als
            data_in = read_als(source)
            notes = data_in["source"]["notes"]
        # Through virtual Live, so the JSON is a set it accepts and exactly what `--set X.als` runs on.
        data = save_set(load_set(data_in, live_version).get_document())
    except Exception as e:  # noqa: BLE001 - one line for the musician
        print(set_error(source, e), file=sys.stderr)
        return 1
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        _write(output, text, force)
    except FileExistsError:
        print("error: %s already exists; pass --force to replace it, or pick another -o" % output, file=sys.stderr)
        return 1
    except OSError as e:
        print("error: %s: cannot write (%s)" % (output, e.strerror or e), file=sys.stderr)
        return 1
    tracks = _count(data["tracks"])
    print("wrote %s: %d track%s, %d return%s, %d scene%s, tempo %g" % (
        output, tracks, "" if tracks == 1 else "s", len(data["returns"]), "" if len(data["returns"]) == 1 else "s",
        len(data["scenes"]), "" if len(data["scenes"]) == 1 else "s", data["tempo"]))
    for note in notes:
        print("note: " + note, file=sys.stderr)
    return 0


def _write(output, text, force):
    """Create output, never replacing a file unless force (then through a temporary file, so a
    failed write leaves the old one whole)."""
    if not force:
        with open(output, "x", encoding="utf-8") as handle:
            handle.write(text)
        return
    import tempfile
    fd, tmp = tempfile.mkstemp(prefix=".lmac-", suffix=".json", dir=os.path.dirname(os.path.abspath(output)))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise


def _count(tracks):
    return sum(1 + _count(t.get("children", [])) for t in tracks)
