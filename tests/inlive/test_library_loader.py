"""init.lmac, (import ...), (library ...) headers, safe names, hot reload, pinning."""
import os

from lmac.surface.user_library import find_user_library, pin_binding

from test_bindings import lmac_log, make_host


def write(path, text, bump=0):
    with open(path, "w") as f:
        f.write(text)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1000000000))


def init_of(host):
    return os.path.join(host.ul, "lmac", "init.lmac")


def test_import_with_alias_and_library_header(tmp_path):
    host = make_host(tmp_path, '(import "mylib" :as mx)\n(bind (note 36) (hit! (mx/duck)))')
    assert any("no library \"mylib\"" in l for l in lmac_log(host))
    write(os.path.join(host.ul, "lmac", "lib", "mylib.lmac"),
          '(library "mylib" :version "1.2" :requires-live "11.0")\n(defn duck () 42)')
    write(init_of(host), '(import "mylib" :as mx)\n(import "mylib")\n(bind (note 36) (hit! (mx/duck)))', bump=1)
    host.advance_ms(600)
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == [[42]]


def test_library_that_needs_a_newer_live(tmp_path):
    host = make_host(tmp_path, '(import "future")')
    write(os.path.join(host.ul, "lmac", "lib", "future.lmac"), '(library "future" :requires-live "99.1")')
    write(init_of(host), '(import "future")', bump=1)
    host.advance_ms(600)
    assert any('the library "future" needs Live 99.1 or newer; this is Live 12.3' in l for l in lmac_log(host))


def test_import_names_cannot_leave_the_library_folders(tmp_path):
    for name in ("../init", "/etc/passwd", "a/b", "..", "x\\\\y"):
        host = make_host(tmp_path / str(abs(hash(name))), '(import "%s")' % name)
        assert any("is not a library name" in l for l in lmac_log(host)), name


def test_top_level_wait_is_an_error_not_a_hang(tmp_path):
    host = make_host(tmp_path, "(wait 100)")
    assert any("cannot wait" in l and "init.lmac:1:" in l for l in lmac_log(host))


def test_reload_swaps_bindings_and_a_broken_file_keeps_the_old_ones(tmp_path):
    host = make_host(tmp_path, "(bind (note 36) (hit! :v1))")
    loader = host.script.surface.loader
    write(init_of(host), "(bind (note 37) (hit! :v2))", bump=1)
    host.advance_ms(600)
    host.send_midi_in((0x90, 36, 127))          # no longer bound (nor forwarded)
    host.send_midi_in((0x90, 37, 127))
    assert [h[0].name for h in host.hits] == ["v2"]
    write(init_of(host), "(bind (note 38) (hit! :v3))\n(bind (note 39) (hit! :oops)", bump=2)
    host.advance_ms(600)
    errors = [l for l in lmac_log(host) if "init.lmac:2:" in l]
    assert errors and host.status_bar().startswith("lmac: ")
    host.send_midi_in((0x90, 37, 127))
    host.send_midi_in((0x90, 38, 127))
    assert [h[0].name for h in host.hits] == ["v2", "v2"]
    assert loader.failures == 1
    write(init_of(host), "(bind (note 38) (hit! :v3))", bump=3)
    host.advance_ms(600)
    host.send_midi_in((0x90, 38, 127))
    assert host.hits[-1][0].name == "v3"


def test_a_changed_library_reloads_too(tmp_path):
    host = make_host(tmp_path, "")
    lib = os.path.join(host.ul, "lmac", "lib", "pads.lmac")
    write(lib, "(bind (note 36) (hit! 1))")
    write(init_of(host), '(import "pads")', bump=1)
    host.advance_ms(600)
    write(lib, "(bind (note 36) (hit! 2))", bump=2)
    host.advance_ms(600)
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == [[2]]


def test_ten_reloads_then_disconnect_leave_nothing_behind(tmp_path):
    start = None
    host = make_host(tmp_path, "(led (note 36) :on)\n(bind (note 36) (hit!))")
    start = host.listener_count()
    builds = host.midi_map_builds
    for i in range(10):
        write(init_of(host), "(led (note 36) :on)\n(bind (note %d) (hit!))" % (36 + i), bump=i + 1)
        host.advance_ms(600)
    assert host.script.surface.loader.loads == 11
    assert host.midi_map_builds >= builds + 10
    assert host.listener_count() == start
    host.disconnect()
    assert host.listener_count() == 0
    assert host.script.session.scheduler._tickers == [] or not host.script.surface.connected


def test_pin_appends_a_binding_to_init(tmp_path):
    host = make_host(tmp_path, "; my init\n")
    line = pin_binding(host.ul, "(note 40)", "(hit! :pinned)")
    assert line == "(bind (note 40) (hit! :pinned))"
    assert open(init_of(host)).read().endswith(line + "\n")
    host.advance_ms(600)
    host.send_midi_in((0x90, 40, 127))
    assert host.hits[-1][0].name == "pinned"


def test_user_library_from_the_script_location(tmp_path, monkeypatch):
    monkeypatch.delenv("LMAC_USER_LIBRARY", raising=False)
    pkg = tmp_path / "UL" / "Remote Scripts" / "lmac"
    pkg.mkdir(parents=True)
    assert find_user_library(package_dir=str(pkg)) == str(tmp_path / "UL")
    assert find_user_library(package_dir=str(tmp_path)) is None
    monkeypatch.setenv("LMAC_USER_LIBRARY", str(tmp_path / "Elsewhere"))
    assert find_user_library(package_dir=str(pkg)) == str(tmp_path / "Elsewhere")
    assert find_user_library("/x/y", package_dir=str(pkg)) == "/x/y"


def test_libraries_keep_their_names_apart(tmp_path):
    host = make_host(tmp_path, "")
    lib = os.path.join(host.ul, "lmac", "lib")
    write(os.path.join(lib, "one.lmac"),
          '(library "one")\n(defn %helper () 1)\n(defn twice (x) (* 2 x (%helper)))\n'
          '(defmacro twice-m (x) `(twice ~x))')
    write(os.path.join(lib, "two.lmac"), '(library "two")\n(defn %helper () 100)\n(defn hundred () (%helper))')
    write(init_of(host), '(import "one" :as o)\n(import "two")\n'
                         '(bind (note 36) (hit! [(o/twice 3) (o/twice-m 4) (hundred)]))', bump=1)
    host.advance_ms(600)
    host.send_midi_in((0x90, 36, 127))
    assert host.hits == [[[6, 8, 100]]]
    globals_ = host.script.session.globals
    # With :as, only prefixed names; the %helpers of both libraries live under their own names.
    assert "twice" not in globals_ and "o/twice" in globals_
    assert "one/%helper" in globals_ and "two/%helper" in globals_ and "%helper" not in globals_


def test_a_library_cannot_replace_what_is_already_defined(tmp_path):
    host = make_host(tmp_path, "")
    write(os.path.join(host.ul, "lmac", "lib", "rude.lmac"), '(library "rude")\n(defn drop (n coll) nil)')
    write(init_of(host), '(import "rude")', bump=1)
    host.advance_ms(600)
    assert any('the library "rude" defines drop, which is already defined' in l for l in lmac_log(host))
    assert host.script.session.eval("(drop 1 [1 2])") == [2]
    write(init_of(host), '(import "rude" :as r)', bump=2)   # apart, it is fine
    host.advance_ms(600)
    assert host.script.session.eval("(r/drop 1 [1 2])") is None
