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
