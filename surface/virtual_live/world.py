"""One running virtual Live: its version, main thread, clock, undo history and notification state.

Every LOM object points at its World; ``current_world()`` is what ``Live.Application.get_application()``
and ``Live.Base.Timer`` use, like the single running Live they stand in for.
"""
import heapq
import random
import threading

from .undo import UndoHistory

NOTIFICATION_ERROR = ("Changes cannot be triggered by notifications. "
                      "You will need to defer your response.")
SUPPORTED_VERSIONS = ("11.3", "12.0", "12.1", "12.3")

_current = [None]


def current_world():
    world = _current[0]
    if world is None:
        raise RuntimeError("No virtual Live is running (load a set first)")
    return world


def parse_version(text):
    """'12.3' -> (12, 3); only the versions virtual Live simulates are accepted."""
    text = str(text)
    if text not in SUPPORTED_VERSIONS:
        raise ValueError("virtual Live simulates Live %s, not %r" % (", ".join(SUPPORTED_VERSIONS), text))
    major, minor = text.split(".")
    return (int(major), int(minor))


class EventQueue(object):
    """Timed callbacks on the virtual clock, ordered by (time, insertion order) so runs are repeatable."""

    def __init__(self):
        self._heap = []
        self._seq = 0

    def push(self, when_ms, callback):
        self._seq += 1
        entry = [when_ms, self._seq, callback]
        heapq.heappush(self._heap, entry)
        return entry

    @staticmethod
    def cancel(entry):
        entry[2] = None

    def next_time(self):
        heap = self._heap
        while heap and heap[0][2] is None:
            heapq.heappop(heap)
        return heap[0][0] if heap else float("inf")

    def pop(self):
        return heapq.heappop(self._heap)

    def pending(self):
        return [e for e in self._heap if e[2] is not None]


class World(object):
    def __init__(self, live_version="12.3", seed=0, timer_jitter_ms=0):
        self.version_text = str(live_version)
        self.version = parse_version(live_version)
        self.main_thread = threading.get_ident()
        self.notifying = 0
        self.listener_count = 0
        self.undo = UndoHistory()
        self.now_ms = 0.0
        self.queue = EventQueue()
        self.rng = random.Random(seed)
        self.timer_jitter_ms = timer_jitter_ms
        self.log_lines = []        # (ms, text): Base.log, listener and timer errors
        self.log_hook = None       # the host mirrors log lines into its own record
        self.midi_maps = {}        # handle -> MidiMapBuilder while build_midi_map runs
        self.application = None
        self.song = None
        _current[0] = self

    def make_current(self):
        _current[0] = self

    def at_least(self, version):
        return self.version >= version

    def log(self, text):
        self.log_lines.append((self.now_ms, text))
        if self.log_hook is not None:
            self.log_hook(text)

    def deliver(self, callbacks):
        """Call listeners with the notification guard up; an error in one is logged, the rest still run."""
        self.notifying += 1
        try:
            for callback in list(callbacks):
                try:
                    callback()
                except Exception as error:  # Live logs listener errors and carries on
                    self.log("RemoteScriptError: %s: %s" % (type(error).__name__, error))
        finally:
            self.notifying -= 1

    # -- the virtual clock -------------------------------------------------------------------
    def jitter(self):
        if not self.timer_jitter_ms:
            return 0.0
        return self.rng.uniform(0.0, float(self.timer_jitter_ms))

    def advance_to(self, target_ms):
        """Move virtual time to target_ms, jumping from event to event (timers, host ticks, launches)."""
        queue = self.queue
        transport = self.song._transport
        while True:
            t_queue = queue.next_time()
            t_song = transport.next_event_ms()
            if t_queue > target_ms and t_song > target_ms:
                break
            if t_song <= t_queue:
                transport.move_to(t_song)
                transport.fire_due()
            else:
                transport.move_to(t_queue)
                entry = queue.pop()
                callback = entry[2]
                if callback is not None:
                    callback()
        transport.move_to(target_ms)
