"""--max-cpu-seconds for the commands that run lmac on virtual Live (eval, run, repl): a macro that
computes that long without waiting is stopped with an error, instead of spinning forever."""
from __future__ import annotations

import argparse

DEFAULT_MAX_CPU_S = 10.0


def _seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise argparse.ArgumentTypeError("expects a number of seconds above 0, e.g. 30, got %r" % text)
    return value


def add_argument(p):
    p.add_argument("--max-cpu-seconds", type=_seconds, default=None, metavar="S",
                   help="stop a macro that computes S seconds without waiting, e.g. a loop with "
                        "no wait in it (default %g; inside Live such a macro is only reported)"
                        % DEFAULT_MAX_CPU_S)


def apply(session, args):
    """Stop runaway macros of ``session`` at the limit the command line gave."""
    scheduler = session.scheduler
    given = getattr(args, "max_cpu_seconds", None)
    scheduler.max_cpu_s = DEFAULT_MAX_CPU_S if given is None else given
    scheduler.limit_hint = "--max-cpu-seconds"
