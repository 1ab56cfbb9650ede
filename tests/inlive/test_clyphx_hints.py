"""ClyphX pasted by habit gets a hint that says how lmac writes it (issue 12), in the reader's
errors and in unknown-name errors; lmac's own mistakes keep their plain messages."""
import pytest

from lmac.interpreter.clock import TestClock
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError


@pytest.fixture
def s():
    return Session(clock=TestClock())


@pytest.mark.parametrize("source, message", [
    ("[] 1/ARM ; METRO ON", "1/ARM is not a number (write a number like 3, -0.5 or 1/16, or a name that starts "
                            "with a letter). This looks like ClyphX: in lmac write (arm (track 1))."),
    ("METRO ON", "'METRO' not found. This looks like ClyphX: in lmac write (metronome on)."),
    ("(BPM 120)", "'BPM' not found. This looks like ClyphX: in lmac write (tempo 120)."),
    ("SEL/MUTE", "'SEL/MUTE' not found. This looks like ClyphX: in lmac write (mute selected)."),
    ("MST/VOL", "'MST/VOL' not found. This looks like ClyphX: in lmac write (volume master 0.8)."),
    ("A/SEND", "'A/SEND' not found. This looks like ClyphX: in lmac write (send (return \"A\") \"A\" 0.5)."),
    ("WAITS 4B", "4B is not a number (write a number like 3, -0.5 or 1/16, or a name that starts with a "
                 "letter). This looks like ClyphX: in lmac write (wait-beats 4)."),
    ("(oops)", "'oops' not found"),
    ("(FOO)", "'FOO' not found"),
    ("1abc", "1abc is not a number (write a number like 3, -0.5 or 1/16, or a name that starts with a letter)"),
])
def test_clyphx_written_by_habit_gets_a_hint(s, source, message):
    with pytest.raises(LmacError) as info:
        s.eval(source)
    assert info.value.message == message
