"""Issue 12: `lmac eval`, `lmac run` and `lmac repl` stop a macro that computes --max-cpu-seconds
without waiting, with a clear message and (eval, run) a non-zero exit, instead of never returning.
Small limits keep the tests fast; each command runs in a subprocess whose timeout is only a
watchdog (a regression fails instead of hanging the suite). Nothing here asserts on wall time."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WATCHDOG_S = 120
LIMIT = ["--max-cpu-seconds", "0.2"]


def lmac(*argv, stdin=None):
    return subprocess.run([sys.executable, "-m", "lmac.cli"] + list(argv), cwd=ROOT, timeout=WATCHDOG_S,
                          input=stdin, capture_output=True, text=True)


def test_eval_stops_a_loop_that_never_waits_and_exits_1():
    run = lmac("eval", *LIMIT, "(loop () (recur))")
    assert run.returncode == 1 and run.stdout == ""
    first = run.stderr.splitlines()[0]
    assert first.startswith("error: <eval>:1:1: this macro (task ")
    assert ", started at <eval>:1:1) computed for " in first
    assert "without waiting and was stopped (the limit is 0.2 s, --max-cpu-seconds)" in first
    assert "give it a wait, e.g. (wait-ticks 1), or a way out" in first


def test_eval_under_the_limit_and_waiting_loops_still_answer():
    assert lmac("eval", *LIMIT, "(loop (i 0) (if (< i 1000) (recur (+ i 1)) i))").stdout == "1000\n"
    waiting = lmac("eval", *LIMIT, "(loop (i 0) (if (< i 3) (do (wait 100) (recur (+ i 1))) i))")
    assert (waiting.returncode, waiting.stdout) == (0, "3\n"), waiting.stderr


def test_eval_refuses_a_limit_that_is_no_positive_number():
    run = lmac("eval", "--max-cpu-seconds", "0", "1")
    assert run.returncode == 2
    assert "--max-cpu-seconds: expects a number of seconds above 0" in run.stderr


def test_the_option_and_its_default_are_in_the_help():
    for command in ("eval", "run", "repl"):
        text = " ".join(lmac(command, "--help").stdout.split())
        assert "--max-cpu-seconds S stop a macro that computes S seconds without waiting" in text, command
        assert "(default 10;" in text


def test_run_stops_the_runaway_with_a_message_on_stderr_and_exits_1(tmp_path):
    path = tmp_path / "spin.lmac"
    path.write_text('(message "start")\n(loop () (recur))\n(message "never")\n')
    run = lmac("run", *LIMIT, str(path))
    assert run.returncode == 1
    first = run.stderr.splitlines()[0]
    assert first.startswith("error: %s:2:1: this macro (task " % path)
    assert "computed for" in first and "and was stopped (the limit is 0.2 s, --max-cpu-seconds)" in first
    lines = run.stdout.splitlines()
    assert any(l.endswith("message: start") for l in lines)
    assert not any(l.endswith("message: never") for l in lines)
    assert any("  ! %s:2:1: this macro" % path in l for l in lines)    # in the timeline too


def test_run_stops_only_the_runaway_background_macro(tmp_path):
    path = tmp_path / "bg.lmac"
    path.write_text('(spawn (loop () (recur)))\n(wait-bars 1)\n(message "after a bar")\n')
    run = lmac("run", *LIMIT, str(path))
    assert run.returncode == 1
    assert run.stderr.startswith('error: %s:1:8: the macro "spawn" (task ' % path)
    assert any(l.endswith("message: after a bar") for l in run.stdout.splitlines())


def test_repl_stops_the_form_and_gives_the_prompt_back():
    run = lmac("repl", *LIMIT, stdin="(loop () (recur))\n(+ 1 2)\n(spawn (loop () (recur)))\n(wait 500)\n:tasks\n")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("error: <repl>:1:1: this macro (task ")
    assert "and was stopped (the limit is 0.2 s, --max-cpu-seconds)" in lines[0]
    assert lines[1] == "3"
    # The background loop is stopped too; the REPL shows what Live's status bar showed.
    assert any('status bar: lmac: <repl>:3:8: the macro "spawn"' in l and "was stopped" in l for l in lines)
    assert lines[-1] == "no background tasks"


def test_run_warns_below_a_higher_limit_then_stops(capsys, tmp_path, monkeypatch):
    """With --max-cpu-seconds above the report threshold, `lmac run` first warns (as Live's status
    bar would), then stops the macro at the limit. The threshold is lowered to keep this fast."""
    from lmac.cli import main
    import lmac.interpreter.scheduler as scheduler
    monkeypatch.setattr(scheduler, "RUNAWAY_REPORT_S", 0.05)
    path = tmp_path / "spin.lmac"
    path.write_text("(loop () (recur))\n")
    status = main(["run", "--max-cpu-seconds", "0.3", str(path)])
    out, err = capsys.readouterr()
    assert status == 1
    lines = err.splitlines()
    assert lines[0].startswith("warning: %s:1:1: this macro (task " % path)
    assert "has computed for" in lines[0] and "without waiting; it goes on" in lines[0]
    assert lines[1].startswith("error: %s:1:1: this macro (task " % path) and "was stopped" in lines[1]
    assert len([l for l in err.splitlines() if "without waiting" in l]) == 2     # warned once


def test_repl_connect_points_to_the_in_live_limit():
    run = lmac("repl", "--connect", "--max-cpu-seconds", "5")
    assert run.returncode == 2
    assert "in Live, put (set-max-cpu-seconds! S) in init.lmac" in run.stderr
