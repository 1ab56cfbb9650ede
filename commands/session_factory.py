"""The session the dev-side commands evaluate in. Until the Live vocabulary is wired in, this is
the pure language on a deterministic clock (time advances as fast as the code waits)."""
from __future__ import annotations


def make_session():
    from lmac.interpreter.clock import TestClock
    from lmac.interpreter.session import Session
    return Session(clock=TestClock())
