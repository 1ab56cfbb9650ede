"""What a file Live loads (init.lmac, a library, a surface) may do at its top level, in the words
the loader, `lmac run` and `lmac check` all use.

A loaded file declares: its top-level forms run once, in order, at load time, and may not wait
(a wait would hold up the load, and Live's thread with it). Waiting code goes in a function or in
(spawn ...). The loader refuses a top-level wait when it reaches it, so the forms before it have
run; the file's bindings are not installed.
"""
from __future__ import annotations

TOP_LEVEL_WAIT = ("a file's top-level forms cannot wait; put waiting code inside (spawn ...) "
                  "or a function")


def wait_position(task):
    """Where a top-level wait is reported: at the top-level form of the loaded file that waits
    (the call in init.lmac), not at the wait deep inside a function it called, which may be in
    a library and is fine there. `lmac check` reports the same place."""
    if task.frames:
        code, pc = task.frames[0][0], task.frames[0][1]
        ops = code.ops if code is not None else ()
        if 0 < pc <= len(ops) and ops[pc - 1][1] is not None:
            return ops[pc - 1][1]
    return task._current_pos()
