"""The one library search path (surface/library_path.py) as the Remote Script's loader uses it:
stdlib_macros/, <User Library>/lmac/lib/, the --library-path folders, LMAC_LIBRARY_PATH; plain
names only; a library's docstrings answer (doc ...); a top-level wait gets the shared message."""
import os

import pytest

from lmac.interpreter.clock import TestClock
from lmac.interpreter.session import Session
from lmac.interpreter.values import LmacError
from lmac.surface.components import prepare_session
from lmac.surface.library_loader import LibraryLoader
from lmac.surface.library_path import (ENV_VAR, STDLIB, find_library, is_library_name, library_dirs,
                                       surface_dirs)
from lmac.surface.load_rules import TOP_LEVEL_WAIT

LIB = '(library "mine")\n(defn shout (x) "Say x loudly." (str x "!"))\n(defn plain (x) x)\n'


def folder(tmp_path, name, files):
    d = tmp_path / name
    d.mkdir()
    for f, text in files.items():
        (d / f).write_text(text)
    return str(d)


def session_with_loader(**loader_options):
    session = Session(clock=TestClock())
    prepare_session(session)      # bind, led, ... and a first loader; ours replaces its builtins
    loader = LibraryLoader(session, **loader_options)
    return session, loader


def test_search_order_stdlib_user_library_then_given_folders_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(tmp_path / "env1"), "", str(tmp_path / "env2")]))
    ul = str(tmp_path / "UL")
    assert library_dirs(ul, [str(tmp_path / "given")]) == [
        STDLIB, os.path.join(ul, "lmac", "lib"), str(tmp_path / "given"),
        str(tmp_path / "env1"), str(tmp_path / "env2")]
    assert surface_dirs(ul, [str(tmp_path / "given")])[:2] == [
        os.path.join(STDLIB, "surfaces"), os.path.join(ul, "lmac", "surfaces")]
    monkeypatch.delenv(ENV_VAR)
    assert library_dirs(None) == [STDLIB]


def test_first_folder_with_the_file_wins(tmp_path):
    a = folder(tmp_path, "a", {"mine.lmac": "(def from-a 1)"})
    b = folder(tmp_path, "b", {"mine.lmac": "(def from-b 1)", "other.lmac": ""})
    assert find_library("import", "mine", [a, b]) == os.path.join(a, "mine.lmac")
    assert find_library("import", "other.lmac", [a, b]) == os.path.join(b, "other.lmac")


@pytest.mark.parametrize("name", ["../init", "/etc/passwd", "a/b", "..", "x\\y", "", "C:evil"])
def test_import_names_are_plain_names_never_paths(tmp_path, name):
    assert not is_library_name(name)
    with pytest.raises(LmacError) as e:
        find_library("import", name, [str(tmp_path)])
    assert "is not a library name" in str(e.value)


def test_a_link_out_of_a_library_folder_is_not_a_library(tmp_path):
    outside = folder(tmp_path, "outside", {"secret.lmac": "(def s 1)"})
    libs = folder(tmp_path, "libs", {})
    try:
        os.symlink(os.path.join(outside, "secret.lmac"), os.path.join(libs, "secret.lmac"))
    except (OSError, NotImplementedError):
        pytest.skip("this file system has no symbolic links")
    with pytest.raises(LmacError) as e:
        find_library("import", "secret", [libs])
    assert 'no library "secret"' in str(e.value)


def test_not_found_says_where_it_looked_and_how_to_add_a_folder(tmp_path):
    d = folder(tmp_path, "d", {})
    with pytest.raises(LmacError) as e:
        find_library("import", "nope", [STDLIB, d])
    text = str(e.value)
    assert 'import: no library "nope" in %s or %s' % (STDLIB, d) in text
    assert "--library-path DIR" in text


def test_loader_imports_from_a_given_folder_and_its_docstrings_answer_doc(tmp_path):
    d = folder(tmp_path, "mylibs", {"mine.lmac": LIB})
    session, _loader = session_with_loader(library_path=[d])
    assert session.eval('(do (import "mine" :as m) (m/shout "hey"))') == "hey!"
    assert session.eval("(doc 'm/shout)") == "Say x loudly."
    assert session.eval("(doc 'm/plain)") is None
    assert session.eval('(do (import "mine") (doc (quote shout)))') == "Say x loudly."


def test_loader_without_the_folder_refuses_the_import(tmp_path):
    folder(tmp_path, "mylibs", {"mine.lmac": LIB})
    session, _loader = session_with_loader()
    with pytest.raises(LmacError) as e:
        session.eval('(import "mine")')
    assert 'no library "mine"' in str(e.value)


def test_loader_reads_the_environment_variable(tmp_path, monkeypatch):
    d = folder(tmp_path, "envlibs", {"mine.lmac": LIB})
    monkeypatch.setenv(ENV_VAR, d)
    session, _loader = session_with_loader()
    assert session.eval('(do (import "mine" :as m) (m/shout 1))') == "1!"


def test_defn_doc_after_params_only_when_the_body_goes_on():
    session = Session(clock=TestClock())
    assert session.eval('(do (defn f (x) "Doubles." (* 2 x)) (list (f 2) (doc (quote f))))') == [4, "Doubles."]
    # A text alone in the body is what the function returns, not its doc.
    assert session.eval('(do (defn g () "value") (list (g) (doc (quote g))))') == ["value", None]
    assert session.eval('(do (defn h "Before." (x) x) (doc (quote h)))') == "Before."


def test_loading_a_file_as_init_with_a_top_level_wait_fails_with_the_shared_message(tmp_path):
    init = tmp_path / "my-init.lmac"
    init.write_text("(def before 1)\n(wait-bars 1)\n(def after 2)\n")
    reports = []
    session, loader = session_with_loader(init_file=str(init), report=reports.append)
    assert loader.load() is False
    assert loader.last_error.message == TOP_LEVEL_WAIT
    assert (loader.last_error.pos.line, loader.last_error.pos.col) == (2, 1)
    assert reports and reports[0].startswith("%s:2:1: %s" % (init, TOP_LEVEL_WAIT))
    assert session.globals.get("before") == 1 and "after" not in session.globals   # as in Live


def test_a_wait_inside_a_called_function_is_reported_at_the_top_level_call(tmp_path):
    d = folder(tmp_path, "libs", {"slowlib.lmac": '(defn later ()\n  (wait-bars 1))\n'})
    init = tmp_path / "my-init.lmac"
    init.write_text('(import "slowlib" :as s)\n(let (x 1)\n  (s/later))\n')
    session, loader = session_with_loader(init_file=str(init), library_path=[d])
    assert loader.load() is False
    assert loader.last_error.message == TOP_LEVEL_WAIT
    assert (str(loader.last_error.pos.file), loader.last_error.pos.line, loader.last_error.pos.col) == (
        str(init), 3, 3)


def test_loading_another_file_as_init_keeps_no_last_good_copy_in_the_user_library(tmp_path):
    ul = tmp_path / "UL"
    (ul / "lmac" / "lib").mkdir(parents=True)
    other = tmp_path / "gig.lmac"
    other.write_text("(def loaded 1)\n")
    session, loader = session_with_loader(user_library=str(ul), init_file=str(other))
    assert loader.load() is True and session.globals["loaded"] == 1
    assert sorted(os.listdir(str(ul / "lmac"))) == ["lib"]     # a dry run writes nothing there
