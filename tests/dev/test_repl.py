"""The REPL without a terminal: the Repl class (lines in, text out), the :commands, the
non-terminal `lmac repl` over stdin, and the terminal pieces (completion, completeness)."""
import io
import os
import subprocess
import sys

from lmac.commands.repl import Repl, describe_name, read_eval_print_lines
from lmac.interpreter.clock import TestClock
from lmac.interpreter.session import Session

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pure():
    return Session(clock=TestClock(), output=lambda text: None)


def feed_all(repl, text):
    return "".join(repl.feed(line) for line in text.splitlines())


def test_one_result_per_form_and_positioned_errors():
    out = io.StringIO()
    status = read_eval_print_lines(pure(), io.StringIO(
        "(+ 1 2) (str \"a\" 1)\n(defn f (x)\n  (* x 2))\n(f 21)\n(nope)\n(let (a 1]\n(+ 1 1)\n"),
        out, file="in.lmac")
    assert status == 0
    assert out.getvalue().splitlines() == [
        "3", '"a1"', "#<fn f>", "42",
        "error: in.lmac:5:2: 'nope' not found",
        "error: in.lmac:6:10: expected ) to close the list opened at 6:6, found ]",
        "2"]


def test_unfinished_form_at_the_end():
    out = io.StringIO()
    assert read_eval_print_lines(pure(), io.StringIO("(+ 1 1)\n(+ 1\n"), out) == 1
    assert out.getvalue() == ("2\nerror: <repl>:2:1: expected ) to close the list opened at 2:1, "
                              "found the end of the input\n")


def test_waiting_forms_advance_virtual_time():
    repl = Repl(session=pure())
    assert feed_all(repl, "(seq (wait 5000) :done)") == ":done\n"


def test_doc_command():
    repl = Repl(session=pure())
    text = repl.feed(":doc wait-bars")
    assert text.startswith("(wait-bars") and "bars" in text
    assert "(map f & colls)" in repl.feed(":doc map")
    assert repl.feed(":doc nothing-like-this") == "'nothing-like-this' not found\n"
    repl.feed('(defn mine "Mine." (a) a)')
    assert "Mine." in repl.feed(":doc mine")
    assert repl.feed(":doc").startswith("error:")


def test_tasks_and_cancel():
    repl = Repl(session=pure())
    assert repl.feed(":tasks") == "no background tasks\n"
    handle = repl.feed("(spawn (wait 100000))")
    number = int(handle.split()[1])
    assert repl.feed(":tasks").split()[:1] == [str(number)]
    assert repl.feed(":cancel %d" % number) == "cancelled task %d\n" % number
    assert repl.feed(":tasks") == "no background tasks\n"
    assert repl.feed(":cancel 123456").startswith("error: no running task 123456")
    assert repl.feed(":cancel x").startswith("error:")


def test_keywords_still_evaluate_and_an_unknown_command_says_so():
    repl = Repl(session=pure())
    assert repl.feed(":bar") == ":bar\n; :bar is not a REPL command; :help lists them\n"
    assert repl.feed(":stat") == ":stat\n; :stat is not a REPL command (did you mean :state?); :help lists them\n"
    assert repl.feed("[:bar]") == "[:bar]\n"


def test_reload_makes_a_fresh_session_and_loads_files(tmp_path):
    lib = tmp_path / "mine.lmac"
    lib.write_text("(def answer 42)\n", encoding="utf-8")
    repl = Repl(session_factory=pure, files=[str(lib)])
    assert repl.startup_messages == ["loaded %s\n" % lib]
    repl.feed("(def extra 1)")
    lib.write_text("(def answer 43)\n", encoding="utf-8")
    assert repl.feed(":reload").endswith("reloaded: a fresh session\n")
    assert repl.feed("answer") == "43\n"
    assert repl.feed("extra") == "error: <repl>:4:1: 'extra' not found\n"


def test_reload_uses_the_session_hook():
    session = pure()
    calls = []
    session.reload = lambda: calls.append(1)
    repl = Repl(session=session)
    assert repl.feed(":reload") == "reloaded\n" and calls == [1]


def test_state_summarises_the_set():
    assert "no Live set" in Repl(session=pure()).feed(":state")
    from lmac.commands.session_factory import make_session
    repl = Repl(session_factory=make_session)
    repl.feed('(seq (create-track midi) (name selected "Riffs") (arm selected) (add-device "Operator"))')
    repl.feed("(tempo 124)")
    state = repl.feed(":state")
    assert state.startswith("tempo 124, 4/4, stopped\nsong time 0.00 beats, 4 scenes\n")
    assert '"Riffs" (midi) armed: Operator' in state
    assert '"Rhythm" (group)' in state


def test_completion_words_and_completeness():
    from lmac.editor_support.names import known_names
    repl = Repl(session=pure())
    repl.feed("(def my-own-thing 1)")
    words = set(repl.completions())
    assert set(known_names()) <= words and "my-own-thing" in words and ":doc" in words
    assert not repl.is_complete("(defn f (x)")
    assert repl.is_complete("(defn f (x) x)") and repl.is_complete(":tasks")
    assert repl.is_complete("(let (a 1]")  # an error is complete: it is reported, not continued


def test_terminal_completer():
    from prompt_toolkit.document import Document
    from lmac.editor_support.terminal_repl import LmacCompleter, history_path
    repl = Repl(session=pure())
    got = [c.text for c in LmacCompleter(repl).get_completions(Document("(wait-b"), None)]
    assert got == ["wait-bars", "wait-beats"]
    os.environ["LMAC_HISTORY"] = "/tmp/lmac-history-test"
    try:
        assert history_path() == "/tmp/lmac-history-test"
    finally:
        del os.environ["LMAC_HISTORY"]


def test_lmac_repl_over_stdin():
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "repl"], cwd=ROOT, timeout=120,
                         input="(+ 1 2)\n:doc first\n(first\n  [7 8])\n(oops)\n",
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "3"
    assert lines[1].startswith("(first")
    assert "7" in lines and "error: <repl>:5:2: 'oops' not found; did you mean 'loop'?" in lines


def test_pin_locally_writes_the_user_library(tmp_path, monkeypatch):
    monkeypatch.delenv("LMAC_USER_LIBRARY", raising=False)
    ul = tmp_path / "UL"
    repl = Repl(session=pure(), user_library=str(ul))
    assert repl.feed(":pin (note 40)").startswith("error: nothing to pin yet")
    assert repl.feed("(+ 1 2) (str \"a;b\" 1) ; a comment") == '3\n"a;b1"\n'
    assert repl.feed(":pin (play)").startswith("error: :pin '(play)' is not a trigger")
    assert repl.feed(":pin").startswith("error: :pin binds the last form")
    init = ul / "lmac" / "init.lmac"
    assert not init.exists()
    text = repl.feed(":pin (note 40 :ch 10)")
    assert text == '(bind (note 40 :ch 10) (str "a;b" 1))\n; appended to %s (Live loads it when lmac starts)\n' % init
    repl.feed("(nope)")                          # a failed form is not the last one
    repl.feed("(defn f (x)\n")
    repl.feed("  (* x 2)) ; doubles\n")
    repl.feed(":pin (cc 21)")
    assert init.read_text(encoding="utf-8").splitlines() == [
        "; pinned from the REPL", '(bind (note 40 :ch 10) (str "a;b" 1))',
        "; pinned from the REPL", "(bind (cc 21) (defn f (x) (* x 2)))"]


def test_pin_locally_needs_a_user_library(monkeypatch):
    monkeypatch.delenv("LMAC_USER_LIBRARY", raising=False)
    repl = Repl(session=pure())
    repl.feed("(+ 1 2)")
    assert "--user-library PATH or LMAC_USER_LIBRARY" in repl.feed(":pin (note 40)")


def test_form_texts_and_one_line():
    from lmac.commands.repl import form_texts, one_line
    from lmac.grammar.reader import read_all
    text = "\n(+ 1 2)  42, \"a;\\\"b\" (f\n  'x \"(\" [1 {:a 2}]) ; note\n ~@ `(x) :k; c\n1/2"
    forms = read_all(text, "<t>")
    texts = form_texts(text, forms)
    assert texts == ["(+ 1 2)", "42", '"a;\\"b"', "(f\n  'x \"(\" [1 {:a 2}])", "~@ `(x)", ":k", "1/2"]
    assert [len(read_all(t, "<t>")) for t in texts] == [1] * 7
    assert [one_line(t, f) for t, f in zip(texts, forms)][2:4] == ['"a;\\"b"', '(f (quote x) "(" [1 {:a 2}])']


class FakeWall(object):
    """The REPL's wall clock, moved by the test (seconds)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def hosted(wall):
    from lmac.commands.repl_host import HostedSession
    return HostedSession(wall=wall, output=lambda text: None)


def test_bind_and_led_work_in_the_repl():
    """docs/bindings.md: in the REPL, bind and led change the bindings in force at once."""
    session = hosted(FakeWall())
    repl = Repl(session=session)
    assert repl.feed('(led (note 37) (if (armed? (track "Drums")) :red :off))') == "nil\n"
    assert repl.feed('(bind (note 37) (arm (track "Drums")))') == "nil\n"
    out = repl.feed(":midi 90 25 7F")
    assert out.startswith("sent 90 25 7F\n") and "; midi out: 90 25 " in out     # the LED lit
    assert repl.feed('(armed? (track "Drums"))') == "true\n"
    assert repl.feed("(bindings)") == '["bind (note 37 :ch 1)" "led (note 37 :ch 1)"]\n'
    assert repl.feed(":midi 25").startswith("error: :midi expects a message in hex")
    session.close()


def test_virtual_time_follows_the_wall_clock_between_inputs():
    wall = FakeWall()
    session = hosted(wall)
    repl = Repl(session=session)
    song = session.host.song
    repl.feed("(play)")
    wall.now += 0.5                                              # a beat into the song
    assert repl.feed('(fire (clip "Bass A"))') == "nil\n"
    assert repl.feed('(playing? (clip "Bass A"))') == "false\n"   # Live waits for the next bar
    wall.now += 2.5                                              # a bar at 122 BPM is ~1.97 s
    assert repl.feed('(playing? (clip "Bass A"))') == "true\n"
    beats = song.current_song_time
    assert repl.feed("(wait-bars 1)") == "nil\n"               # a wait answers at once...
    ahead = song.current_song_time
    assert ahead - beats >= 3.9
    wall.now += 0.5                                              # ...and the wall clock catches up
    repl.feed(":tasks")
    assert song.current_song_time == ahead
    session.close()


def test_repl_colours_come_from_the_terminal_palette():
    """Every token the lexer gives a REPL line is coloured with the terminal's own (ANSI) colours,
    readable on dark and light themes; nothing falls back to Pygments' fixed dark blue/green."""
    from prompt_toolkit.styles import Style
    from pygments.token import Whitespace

    from lmac.editor_support.lexer import LmacLexer
    from lmac.editor_support.terminal_repl import REPL_STYLE
    style = Style.from_dict(REPL_STYLE)
    sample = '(defn f (x) ; note\n  (when (armed? (track "Bass")) (volume 0.5) :bar nil 1/4 `(~x)))'
    coloured = set()
    for token, _ in LmacLexer().get_tokens(sample):
        if token in Whitespace:
            continue
        cls = "class:" + ".".join(["pygments"] + [part.lower() for part in token])
        colour = style.get_attrs_for_style_str(cls).color
        assert not colour or colour.startswith("ansi"), (token, colour)
        if colour:
            coloured.add(token)
    assert len(coloured) >= 6      # keywords, builtins, strings, numbers, comments, constants...
