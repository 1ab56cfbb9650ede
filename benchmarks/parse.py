"""How fast the reader reads a realistic lmac file: lines per second, positions included.

    python benchmarks/parse.py        (or: from lmac.benchmarks.parse import measure)

read_all reads well-formed text with the fast reader (grammar/fast_reader.py) and anything else
with lark's parser, the reference; ``parse_fast_vs_lark`` is read_all's time over lark's alone on
the same text in this run. Timed both ways too: the hostile texts (10 000-deep nesting, a 1 MB
string, one line of 100 000 atoms; ``parse_hostile_vs_lark`` is the worst read_all/lark ratio of
the three) and a file whose only error is at its end (``parse_error_at_end_vs_lark``: the fast
reader reads up to the error, lark reads from the form that holds it).
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


def hostile_sources():
    depth = 10000
    return {"deep_nesting": "(" * depth + "x" + ")" * depth,
            "string_1mb": '(println "' + "la la\n" * 175000 + '")',
            "line_of_100000_atoms": "(" + " ".join("a%d" % i for i in range(100000)) + ")"}


def measure(runs=15):
    load_lmac()
    from lmac.benchmarks.best import best_seconds
    from lmac.grammar.reader import _Reader, read_all
    from lmac.interpreter.values import LmacSyntaxError
    lark = _Reader.get().read_with_lark
    text = realistic_source(1000)
    n_lines = text.count("\n")
    read_all(text, "bench.lmac")  # build the parser first: start-up is measured in ready.py
    best = best_seconds(lambda: read_all(text, "bench.lmac"), runs)
    best_lark = best_seconds(lambda: lark(text, "bench.lmac"), max(3, runs // 3))
    out = {"parse_lines_per_s": round(n_lines / best),
           "parse_ms_per_1000_lines": round(best * 1e6 / n_lines, 2),
           "parse_lark_ms_per_1000_lines": round(best_lark * 1e6 / n_lines, 2),
           "parse_fast_vs_lark": round(best / best_lark, 3)}
    ratios = []
    for name, hostile in sorted(hostile_sources().items()):
        ms = best_seconds(lambda: read_all(hostile, "hostile.lmac"), 3) * 1000
        ms_lark = best_seconds(lambda: lark(hostile, "hostile.lmac"), 3) * 1000
        out["parse_%s_ms" % name] = round(ms, 2)
        ratios.append(ms / ms_lark)
    out["parse_hostile_vs_lark"] = round(max(ratios), 3)

    def error_at_end(read):
        try:
            read(text + ")", "bench.lmac")
        except LmacSyntaxError:
            return
        raise AssertionError("the stray ) was not an error")
    out["parse_error_at_end_vs_lark"] = round(best_seconds(lambda: error_at_end(read_all), 3)
                                              / best_seconds(lambda: error_at_end(lark), 3), 3)
    return out


if __name__ == "__main__":
    print(measure())
