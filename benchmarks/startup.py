"""Start-up of the whole Remote Script, as Live starts it: a fresh Python, virtual Live already
running (its own set-up is not lmac's cost), then Live imports the lmac package and calls
create_instance(c_instance); script_start_ms is the time that call takes (imports, the parser,
the session with its prelude, the surface and init.lmac with an empty User Library), measured in
the child. script_start_ms: median of 5 runs with compiled modules and the parse cache warm, as
every start after the first in Live; script_start_first_ms: the first run (every module compiled).

    python -m lmac.benchmarks --only startup
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Virtual Live starts first (untimed); then the timed part is exactly what Live does.
_CHILD = r"""
import importlib.util, os, sys, time, types
root, user_library = sys.argv[1], sys.argv[2]
os.environ["LMAC_USER_LIBRARY"] = user_library
from importlib.machinery import PathFinder
spec = importlib.util.spec_from_file_location(
    "lmac", os.path.join(root, "__init__.py"), submodule_search_locations=[root])
package = importlib.util.module_from_spec(spec)
sys.modules["lmac"] = package
spec.loader.exec_module(package)
from lmac.surface.virtual_live.host import VirtualHost
timed = []

def create_instance(c_instance):
    start = time.perf_counter()
    script = package.create_instance(c_instance)
    timed.append((time.perf_counter() - start) * 1000.0)
    return script

host = VirtualHost(types.SimpleNamespace(create_instance=create_instance))
assert any("lmac: ready" in line for _, line in host.log), host.log
print(timed[0])
"""


def _run_child(user_library, pycache):
    # Live compiles a Remote Script once and keeps the .pyc files: so do we, in a folder of our own
    # (even where PYTHONDONTWRITEBYTECODE is set, and never inside the checkout).
    env = dict(os.environ, PYTHONPYCACHEPREFIX=pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", _CHILD, ROOT, user_library], check=True, env=env,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    return float(out.strip().splitlines()[-1])


def measure(runs=5):
    user_library = tempfile.mkdtemp(prefix="lmac-bench-ul-")
    pycache = tempfile.mkdtemp(prefix="lmac-bench-pyc-")
    try:
        cold = _run_child(user_library, pycache)     # compiles every module, fills the caches
        warm = [_run_child(user_library, pycache) for _ in range(runs)]
        return {"script_start_ms": round(statistics.median(warm), 1),
                "script_start_first_ms": round(cold, 1)}
    finally:
        shutil.rmtree(user_library, ignore_errors=True)
        shutil.rmtree(pycache, ignore_errors=True)


if __name__ == "__main__":
    print(measure())
