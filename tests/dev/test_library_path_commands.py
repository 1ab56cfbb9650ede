"""One library search path for every command (run, eval, repl, check, lsp's checker): a library in a
folder given with --library-path (or LMAC_LIBRARY_PATH) is found by all of them, a library merely
beside the file by none (Live would not find it either); (doc 'alias/fn) answers everywhere; and
init.lmac (or --as-init) is checked and run as Live loads it, a top-level wait flagged with the
loader's own message."""
import os
import subprocess
import sys
from functools import partial

import pytest

from lmac.cli import main
from lmac.editor_support.names import use_library_path
from lmac.surface.load_rules import TOP_LEVEL_WAIT

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIB = ('(library "mytools")\n'
       '(defn shout (x)\n  "Say x loudly: (shout \\"hey\\")."\n  (str x "!"))\n'
       '(defn intro (t)\n  "Arm t, a bar later set the tempo to 110."\n  (arm t) (wait-bars 1) (tempo 110))\n')
MAIN = '(import "mytools" :as mt)\n(println (mt/shout "hey"))\n(println (doc (quote mt/shout)))\n'


@pytest.fixture(autouse=True)
def no_library_path_left_over(monkeypatch):
    monkeypatch.delenv("LMAC_LIBRARY_PATH", raising=False)
    monkeypatch.delenv("LMAC_USER_LIBRARY", raising=False)
    yield
    use_library_path([])        # check and lsp set it for the process


def project(tmp_path, main_text=MAIN, lib_beside=False):
    """tmp/libs/mytools.lmac and tmp/song/main.lmac (also mytools.lmac beside it when lib_beside)."""
    libs, song = tmp_path / "libs", tmp_path / "song"
    libs.mkdir()
    song.mkdir()
    (libs / "mytools.lmac").write_text(LIB)
    if lib_beside:
        (song / "mytools.lmac").write_text(LIB)
    (song / "main.lmac").write_text(main_text)
    return str(libs), str(song / "main.lmac")


def cli(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_run_finds_a_library_in_a_library_path_folder_and_its_doc(capsys, tmp_path):
    libs, main_file = project(tmp_path)
    status, out, err = cli(capsys, "run", main_file, "--library-path", libs)
    assert status == 0, err
    assert "> hey!" in out
    assert '> Say x loudly: (shout "hey").' in out


def test_run_and_check_agree_a_library_beside_the_file_is_not_found(capsys, tmp_path):
    _libs, main_file = project(tmp_path, lib_beside=True)
    status, out, err = cli(capsys, "run", main_file)
    assert status == 1
    assert 'import: no library "mytools"' in err and "--library-path DIR" in err
    status, out, err = cli(capsys, "check", main_file)
    assert status == 1
    assert '%s:1:1: error: import: no library "mytools"' % main_file in out
    # With the folder on the path, both accept it.
    song = os.path.dirname(main_file)
    assert cli(capsys, "check", main_file, "--library-path", song)[0] == 0
    assert cli(capsys, "run", main_file, "--library-path", song)[0] == 0


def test_the_environment_variable_works_for_run_and_check(capsys, tmp_path, monkeypatch):
    libs, main_file = project(tmp_path)
    monkeypatch.setenv("LMAC_LIBRARY_PATH", libs)
    status, out, err = cli(capsys, "run", main_file)
    assert status == 0, err
    assert "> hey!" in out
    assert cli(capsys, "check", main_file)[0] == 0


def test_check_knows_the_library_functions_from_the_path(capsys, tmp_path):
    libs, main_file = project(tmp_path, main_text='(import "mytools" :as mt)\n(mt/shout 1 2)\n(mt/nope)\n')
    status, out, err = cli(capsys, "check", main_file, "--library-path", libs)
    assert status == 1
    lines = out.splitlines()
    assert any(":2:1:" in l and "shout expects 1 argument, got 2" in l for l in lines), out
    assert any(":3:" in l and "mt/nope" in l for l in lines), out


def test_eval_takes_the_library_path(capsys, tmp_path):
    libs, _ = project(tmp_path)
    status, out, err = cli(capsys, "eval", '(do (import "mytools" :as mt) (doc (quote mt/shout)))',
                           "--library-path", libs)
    assert status == 0, err
    assert out.strip() == '"Say x loudly: (shout \\"hey\\")."'
    status, out, err = cli(capsys, "eval", '(import "mytools")')
    assert status == 1 and 'no library "mytools"' in err


def test_a_missing_library_path_folder_is_a_command_line_error(capsys, tmp_path):
    status, out, err = cli(capsys, "eval", "(+ 1 2)", "--library-path", str(tmp_path / "nowhere"))
    assert status == 2 and "no such folder" in err


def test_repl_imports_from_the_library_path_and_doc_answers(tmp_path):
    from lmac.commands.repl import Repl
    from lmac.commands.repl_host import make_hosted_session
    libs, _ = project(tmp_path)
    repl = Repl(partial(make_hosted_session, library_path=[libs]))
    repl.feed('(import "mytools" :as mt)')
    assert repl.feed('(mt/shout "a")') == '"a!"\n'
    assert 'Say x loudly: (shout "hey").' in repl.feed(":doc mt/shout")
    assert 'Say x loudly' in repl.feed("(doc 'mt/shout)")


def test_lmac_repl_command_line_takes_the_library_path(tmp_path):
    libs, _ = project(tmp_path)
    env = dict(os.environ)
    env.pop("LMAC_LIBRARY_PATH", None)
    run = subprocess.run([sys.executable, "-m", "lmac.cli", "repl", "--library-path", libs], cwd=ROOT,
                         timeout=120, input='(import "mytools")\n(shout 1)\n', env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert '"1!"' in run.stdout.splitlines()


def test_the_language_servers_checker_searches_the_library_path(tmp_path):
    from lmac.editor_support.checker import Checker
    libs, main_file = project(tmp_path)
    with open(main_file) as f:
        text = f.read()
    assert [f.kind for f in Checker().check_text(text, main_file)] == ["library"]
    use_library_path([libs])
    assert Checker().check_text(text, main_file) == []


# ---- init.lmac as Live loads it -------------------------------------------------------------------
WAITING_INIT = '(import "mytools" :as mt)\n(tempo 100)\n(mt/intro (track \"Bass\"))\n(bind (note 36) (tempo 90))\n'


def test_top_level_wait_in_init_same_message_in_check_and_run(capsys, tmp_path):
    libs, _ = project(tmp_path)
    init = tmp_path / "init.lmac"
    init.write_text(WAITING_INIT)
    status, out, err = cli(capsys, "check", str(init), "--library-path", libs)
    assert status == 1
    assert out.splitlines() == ["%s:3:1: error: %s" % (init, TOP_LEVEL_WAIT)]
    status, out, err = cli(capsys, "run", str(init), "--library-path", libs)
    assert status == 1
    assert err.splitlines()[0] == "error: %s:3:1: %s" % (init, TOP_LEVEL_WAIT)
    # As in Live: the forms before the wait ran, the bindings were not installed.
    assert "tempo 122 -> 100" in out
    assert "! %s:3:1: %s" % (init, TOP_LEVEL_WAIT) in out


def test_as_init_flag_for_other_names_and_plain_files_may_wait(capsys, tmp_path):
    libs, _ = project(tmp_path)
    f = tmp_path / "gig.lmac"
    f.write_text(WAITING_INIT)
    assert cli(capsys, "check", str(f), "--library-path", libs)[0] == 0          # a script may wait
    assert cli(capsys, "run", str(f), "--library-path", libs)[0] == 0
    status, out, _ = cli(capsys, "check", "--as-init", str(f), "--library-path", libs)
    assert status == 1 and TOP_LEVEL_WAIT in out
    status, _, err = cli(capsys, "run", "--as-init", str(f), "--library-path", libs)
    assert status == 1 and TOP_LEVEL_WAIT in err


def test_check_follows_waits_through_the_files_own_functions_not_into_deferred_code(capsys, tmp_path):
    init = tmp_path / "init.lmac"
    init.write_text('(defn later () (wait-bars 1))\n'
                    '(defn outer () (when true (later)))\n'
                    '(spawn (later))\n'
                    '(bind (note 36) (later))\n'
                    '(on :play (wait-beats 1))\n'
                    '(def f (fn () (wait 10)))\n'
                    '(let (x 1) (outer))\n'
                    '(do (par (wait 1) (wait 2)))\n')
    status, out, _ = cli(capsys, "check", str(init))
    assert status == 1
    assert out.splitlines() == ["%s:7:12: error: %s" % (init, TOP_LEVEL_WAIT),
                                "%s:8:5: error: %s" % (init, TOP_LEVEL_WAIT)]


def test_run_as_init_installs_the_bindings_when_it_loads(capsys, tmp_path):
    init = tmp_path / "init.lmac"
    init.write_text("(tempo 100)\n(bind (note 36) (tempo 90))\n")
    status, out, err = cli(capsys, "run", str(init), "--midi", "100:90 24 7F")
    assert status == 0, err
    assert "tempo 100 -> 90" in out


def test_a_library_with_a_top_level_wait_fails_its_import_with_the_same_message(capsys, tmp_path):
    libs = tmp_path / "libs"
    libs.mkdir()
    (libs / "slow.lmac").write_text('(library "slow")\n(wait-bars 1)\n')
    user = tmp_path / "user.lmac"
    user.write_text('(import "slow")\n')
    status, out, _ = cli(capsys, "check", str(libs / "slow.lmac"))
    assert status == 1 and out.splitlines() == ["%s:2:1: error: %s" % (libs / "slow.lmac", TOP_LEVEL_WAIT)]
    status, _, err = cli(capsys, "run", str(user), "--library-path", str(libs))
    assert status == 1 and "%s:2:1: %s" % (libs / "slow.lmac", TOP_LEVEL_WAIT) in err


def test_repl_connect_refuses_a_library_path_live_would_not_use(capsys, tmp_path):
    status, out, err = cli(capsys, "repl", "--connect", "--library-path", str(tmp_path))
    assert status == 2 and "lmac/lib/" in err
