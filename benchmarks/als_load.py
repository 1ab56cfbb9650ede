"""How fast your own Live set loads for a dry run (`--set MySong.als`): seconds per 10 MB of the
set's XML (what Live gzips into the .als), from the file on disk to a running virtual Live.

The set is generated (surface/virtual_live/als/builder.py): 64 tracks in groups, each with a rack
of devices whose parameters have the full shape Live writes, 16 clips of 64 notes, two returns,
16 scenes. Measured with lxml when it is installed (the dev install) and with the standard library
alone (what Live and Python 3.7 have); each figure is the best of five loads, taken in turns, in
CPU seconds of this process.

    python -m lmac.benchmarks --only als_load
"""
import os
import shutil
import tempfile
import time

TRACKS, CLIPS, NOTES, REPEATS = 64, 16, 64, 5


def build_large_set(path, live_major=12):
    from lmac.surface.virtual_live.als.builder import SetBuilder, write_als
    b = SetBuilder(live_major)
    params = [("Threshold", 0.5), ("Ratio", 4.0), ("Attack", 10.0), ("Release", 100.0), ("Knee", 6.0),
              ("DryWet", 1.0), ("Gain", 0.0), ("Model", 1), ("LookAhead", 1), ("ExpansionRatio", 1.15)] * 3
    tracks = []
    for i in range(TRACKS):
        if i % 8 == 0:
            tracks.append({"kind": "group", "name": "Group %d" % (i // 8), "id": 10000 + i})
        rack = b.rack("AudioEffectGroupDevice", "AudioEffectBranch",
                      [("Chain %d" % c, [b.device("Compressor2", params), b.device("Eq8")], False, False)
                       for c in range(3)], macros={0: 64.0})
        clips = [{"slot": s, "name": "Clip %d" % s, "loop_end": 16.0,
                  "notes": [(36 + n % 24, n * 0.25, 0.25, 100, True) for n in range(NOTES)]} for s in range(CLIPS)]
        tracks.append({"kind": "midi", "name": "Track %d" % i, "group": 10000 + i - i % 8, "sends": [0.5, 0.25],
                       "devices": [b.device("Operator", params), rack], "clips": clips})
    tracks += [{"kind": "return", "name": "A", "sends": [0.0003, 0.0003]},
               {"kind": "return", "name": "B", "sends": [0.0003, 0.0003]}]
    xml = b.build({"tempo": 124.0, "tracks": tracks, "scenes": [{"name": "S%d" % i} for i in range(CLIPS)],
                   "locators": [("L%d" % i, i * 16.0) for i in range(32)]})
    write_als(path, xml)
    return len(xml.encode("utf-8"))


def _load_s(path):
    """CPU seconds of this process for one load: on a shared machine the wall clock also counts the
    time other processes hold the cores; loading is single-threaded, so on an idle machine the two agree."""
    from lmac.surface.virtual_live import load_set
    start = time.process_time()
    load_set(path)
    return time.process_time() - start


def measure():
    from lmac.commands.set_option import use_fast_xml
    from lmac.surface.virtual_live import install_live_module
    from lmac.surface.virtual_live.als import reader
    install_live_module()
    use_fast_xml()
    folder = tempfile.mkdtemp(prefix="lmac-als-bench-")
    saved = reader._lxml
    try:
        path = os.path.join(folder, "Large.als")
        xml_bytes = build_large_set(path)
        per_10mb = 10e6 / xml_bytes
        best = {"lxml": None, "stdlib": None}
        for _ in range(REPEATS):    # alternating, so both see the same load on a shared machine
            for backend in ("stdlib", "lxml") if saved is not None else ("stdlib",):
                reader._lxml = saved if backend == "lxml" else None
                took = _load_s(path)
                best[backend] = took if best[backend] is None else min(best[backend], took)
        stdlib = round(best["stdlib"] * per_10mb, 3)
        return {"als_bench_set_mb": round(xml_bytes / 1e6, 1),
                "als_bench_compressed_mb": round(os.path.getsize(path) / 1e6, 2),
                "als_load_s_per_10mb_stdlib": stdlib,
                "als_load_s_per_10mb": round(best["lxml"] * per_10mb, 3) if best["lxml"] is not None else stdlib}
    finally:
        reader._lxml = saved
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    print(measure())
