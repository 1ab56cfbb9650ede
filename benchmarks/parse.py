"""How fast the reader reads a realistic lmac file: lines per second, positions included.

    python benchmarks/parse.py        (or: from lmac.benchmarks.parse import measure)
"""
import importlib.util
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_lmac():
    """Import lmac whether or not it is installed (the checkout folder may have any name)."""
    try:
        import lmac  # noqa: F401
    except ImportError:
        spec = importlib.util.spec_from_file_location(
            "lmac", os.path.join(ROOT, "__init__.py"), submodule_search_locations=[ROOT])
        module = importlib.util.module_from_spec(spec)
        sys.modules["lmac"] = module
        spec.loader.exec_module(module)


# One block of a typical user file: comments, defns, lets, strings, vectors, maps, reader macros.
_BLOCK = '''\
;; --- drums setup {i} ---------------------------------------------------
(defn setup-drums-{i} (name)
  "Arm the drum track, set its volume and launch the first clip."
  (let (t (track name)
        v 0.85)
    (arm t)
    (volume t v)
    (send t "A" 0.3) ; a little reverb
    (fire (clip name 1) :quantize 1/16)))

(def scenes-{i} [{{:name "Intro" :tempo 120}} {{:name "Verse" :tempo 124}}
                 {{:name "Chorus" :tempo 128 :colors [:red :green]}}])

(defmacro twice-{i} (& body)
  `(do ~@body ~@body))

(bind (note {note} :ch 10) :release
  (for-each [t (tracks "Drum*")]
    (when (armed? t)
      (wait-bars 1)
      (mute t))))

(defn fade-out-{i} (t)
  (loop (v 1.0)
    (when (> v 0)
      (volume t v)
      (wait-beats 1/4)
      (recur (- v 0.05)))))
(println "loaded block {i}" 'done @state -3 +2)
'''


def realistic_source(lines=1000):
    """An lmac file of about ``lines`` lines built from varied blocks."""
    out, i = [], 0
    while sum(chunk.count("\n") for chunk in out) < lines:
        out.append(_BLOCK.format(i=i, note=36 + i % 16))
        i += 1
    return "".join(out)


def measure(runs=15):
    load_lmac()
    from lmac.grammar.reader import read_all
    text = realistic_source(1000)
    n_lines = text.count("\n")
    read_all(text, "bench.lmac")  # build the parser first: start-up is measured in ready.py
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        read_all(text, "bench.lmac")
        best = min(best, time.perf_counter() - start)
    return {"parse_lines_per_s": round(n_lines / best), "parse_ms_per_1000_lines": round(best * 1e6 / n_lines, 2)}


if __name__ == "__main__":
    print(measure())
