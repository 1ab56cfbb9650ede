"""Start-up cost of the reader: a fresh Python imports lmac.grammar.reader and builds the parser.

ready_ms is measured inside the child (from its first line to the parser built, cache warm);
ready_process_ms is the whole child process, interpreter start-up included; ready_no_cache_ms is
ready_ms with lark building the parse table from the grammar (no pickled cache: what lmac does
when the user's cache folder fails its checks, grammar/parse_cache.py). Medians of 5 runs.

    python benchmarks/ready.py        (or: from lmac.benchmarks.ready import measure)
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Loads the checkout as package `lmac` whatever its folder is called (as tests/conftest.py does).
_CHILD = r"""
import time
_t0 = time.perf_counter()
import importlib.util, os, sys
root = sys.argv[1]
spec = importlib.util.spec_from_file_location(
    "lmac", os.path.join(root, "__init__.py"), submodule_search_locations=[root])
module = importlib.util.module_from_spec(spec)
sys.modules["lmac"] = module
spec.loader.exec_module(module)
from lmac.grammar import reader
from lmac.grammar.reader import prepare, read_one
if sys.argv[2:] == ["no-cache"]:
    reader._Reader._instance = reader._Reader(cache=None)
prepare()
assert read_one("(ok)")[0].name == "ok"
print((time.perf_counter() - _t0) * 1000.0)
"""


def _run_child(*options):
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, ROOT] + list(options), check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    return float(out.strip().splitlines()[-1]), (time.perf_counter() - start) * 1000.0


def measure(runs=5):
    _run_child()  # warm the parse-table cache (and the OS file cache)
    inside, whole = zip(*[_run_child() for _ in range(runs)])
    no_cache = [_run_child("no-cache")[0] for _ in range(runs)]
    return {"ready_ms": round(statistics.median(inside), 1),
            "ready_process_ms": round(statistics.median(whole), 1),
            "ready_no_cache_ms": round(statistics.median(no_cache), 1)}


if __name__ == "__main__":
    print(measure())
