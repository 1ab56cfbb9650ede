"""The limits that keep one macro from freezing Live, and the meter builtins charge their work to.

The machine looks at the clock every CHECK_EVERY calls. A builtin whose work grows with its
data (copying a long list, building text) charges that work here; once enough has piled up it
looks at the clock itself and, past the running slice's deadline, raises the OVER flag, which
the machine reads at its next call or recur and ends the slice. docs/guarantees.md lists these
limits for users: keep the two in step.
"""
from __future__ import annotations

from time import perf_counter

from .values import LmacError

# Tasks and frames are Python objects the garbage collector walks: a full collection takes time
# in proportion to them, so these two also bound the pauses lmac can add (see guarantees.md).
MAX_TASKS = 10000           # live tasks at once (spawn, par, race, bindings)
MAX_DEPTH = 20000           # saved frames of one task: non-tail recursion depth
MAX_ITEMS = 10000           # items in a list, vector or map a builtin builds
MAX_FORM = 10000            # parts of a form compiled at run time (eval, a macro's expansion)
MAX_READ_CHARS = 4000       # text read-string reads in one call
MAX_CHARS = 1000000         # characters in a text a builtin builds (str, join, printing)
MAX_INT_BITS = 4096         # integers: about 1233 decimal digits
MAX_PRINT_DEPTH = 1000      # nesting levels printed; deeper parts print as #<...>

# How much charged work (about one item copied or 64 characters) passes between two looks at
# the clock: small enough that the look comes well within a millisecond, large enough that
# the look costs nothing next to the work.
LOOK_EVERY = 4000

TASK_COST = 2000            # starting a task, in the same units (tens of microseconds)
# A printed line (formatting it, handing it to the output): microseconds each, so a loop of
# short printlns looks at the clock every few lines, not every CHECK_EVERY recurs.
LINE_COST = LOOK_EVERY // 8

# A macro that has computed this long (in its slices) since it last waited is reported once:
# it never freezes Live, but a loop without a wait is usually a mistake (see runaway.py).
RUNAWAY_REPORT_S = 10.0

DEADLINE = [float("inf")]   # perf_counter deadline of the slice running now
OVER = [False]              # set once charged work has run past DEADLINE
_work = [0]


def charge(units):
    """Count ``units`` of work done by a builtin; look at the clock when enough has piled up."""
    total = _work[0] + units
    if total < LOOK_EVERY:
        _work[0] = total
        return
    _work[0] = 0
    if perf_counter() >= DEADLINE[0]:
        OVER[0] = True


def check_items(n, who):
    """A builtin is about to build ``n`` items: refuse past the limit, else charge them."""
    if n > MAX_ITEMS:
        raise LmacError("%s would build more than %d items; lmac keeps collections to that size "
                        "so no macro can hold Live's thread" % (who, MAX_ITEMS))
    if n > 64:
        charge(n)
    return n


def check_chars(n, who):
    """A builtin is about to build a text of ``n`` characters."""
    if n > MAX_CHARS:
        raise LmacError("%s would make a text of more than %d characters; lmac keeps texts to "
                        "that size" % (who, MAX_CHARS))
    if n > 4096:
        charge(n >> 6)
    return n


def check_int(x, who):
    """An integer result must stay within MAX_INT_BITS."""
    if type(x) is int and x.bit_length() > MAX_INT_BITS:
        raise LmacError("%s: the result has more than %d digits; lmac integers stay below 10^%d "
                        "(use decimals, e.g. 1.0, for bigger magnitudes)"
                        % (who, MAX_INT_DIGITS, MAX_INT_DIGITS))
    return x


MAX_INT_DIGITS = int(MAX_INT_BITS * 0.30103)   # decimal digits of the largest integer


def check_form_size(form, who, pos=None):
    """Compiling takes time in proportion to a form's parts; data can nest a large collection
    many times over (a vector of 10 000 references to one 10 000-item vector), so count the
    parts, stopping at the limit, before compiling a form built at run time."""
    left = MAX_FORM
    stack = [form]
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            left -= len(x)
            stack.extend(x)
        elif isinstance(x, dict):
            left -= 2 * len(x)
            stack.extend(x.keys())
            stack.extend(x.values())
        else:
            continue
        if left < 0:
            raise LmacError("%s: the code has more than %d parts; lmac compiles at most that many "
                            "at once" % (who, MAX_FORM), pos)
