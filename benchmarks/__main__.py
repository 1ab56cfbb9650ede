"""python -m lmac.benchmarks [--json] [--only core parse ...]: every benchmark, measured in one run.

Each module in BENCHMARKS has ``measure() -> dict``; figures are ratios or costs from this run,
so they stay meaningful on a noisy machine. Speed is never asserted in tests."""
from __future__ import annotations

import argparse
import importlib
import json
import sys

BENCHMARKS = ["core", "parse", "ready", "virtual_hour", "timing", "startup", "scaling", "als_load",
              "repl_hostile", "actions", "hostile"]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m lmac.benchmarks")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)
    results = {}
    for name in args.only or BENCHMARKS:
        try:
            module = importlib.import_module("lmac.benchmarks." + name)
        except ImportError as e:
            if name in (args.only or ()):
                raise
            print("# skipped %s: %s" % (name, e), file=sys.stderr)
            continue
        results.update(module.measure())
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
    else:
        width = max(len(k) for k in results) if results else 0
        for key in sorted(results):
            value = results[key]
            shown = "%.3f" % value if isinstance(value, float) else str(value)
            print("%s  %s" % (key.ljust(width), shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
