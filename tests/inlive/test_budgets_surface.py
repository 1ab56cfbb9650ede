"""Budgets on the surface side (issue 9): Live actions, target lookups, loading files, pinning,
reloads and shared libraries. Time is a fake clock that only moves when Live is called, so each
assertion is about the scheduler's own accounting (how far past the budget a tick ran, as a
ratio), never about how fast this machine happens to be."""
from __future__ import annotations

import os

import pytest

from test_family_support import Env
from lmac.interpreter.values import Keyword, LmacError

ACTION_COST_MS = 1.0   # what each Live call costs on the fake clock


class FakeTime(object):
    """perf_counter for the interpreter: advances only by what Live calls cost."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def spend(self, ms):
        self.now += ms / 1000.0


@pytest.fixture
def fake_time(monkeypatch):
    from lmac.interpreter import machine, scheduler, session
    from lmac.surface import live_session
    clock = FakeTime()
    for module in (machine, scheduler, session, live_session):
        monkeypatch.setattr(module, "perf_counter", clock, raising=False)
    monkeypatch.setattr(live_session, "thread_time", clock, raising=False)   # lmac's own work
    return clock


def charging_env(fake_time):
    """An Env whose every Live write or call costs ACTION_COST_MS of fake time."""
    env = Env()
    env.session.live.adapter.on_write = lambda: fake_time.spend(ACTION_COST_MS)
    return env


def tick_ms(env, fake_time):
    """Run one scheduler tick; return how much fake time it took."""
    start = fake_time.now
    env.session.tick()
    return (fake_time.now - start) * 1000.0


# ---- 1. Live actions count toward the deadline -------------------------------------------------
def test_a_loop_of_live_actions_ends_its_tick_within_the_budget(fake_time):
    env = charging_env(fake_time)
    budget = env.session.scheduler.budget_ms
    task = env.session.spawn("(loop () (duplicate-track (track 1)) (recur))", file="hostile.lmac")
    worst = max(tick_ms(env, fake_time) for _ in range(5))
    assert not task.finished                      # it goes on, a slice per tick
    assert worst / budget <= 1.0 + ACTION_COST_MS / budget   # budget + one action at most
    assert len(env.song.tracks) > 10              # and it did make progress over the ticks
    task.cancel()


def test_an_action_keeps_its_value_when_the_slice_ends_after_it(fake_time):
    env = charging_env(fake_time)
    env.session.scheduler.budget_ms = 0.5         # every action overruns this slice
    before = len(env.song.tracks)
    value = env.run("(let (t (create-track midi)) (name t \"Fresh\") (name t))")
    assert value == "Fresh"
    assert len(env.song.tracks) == before + 1


def test_an_led_or_predicate_that_overruns_is_stopped_not_left_holding_the_tick(fake_time):
    env = charging_env(fake_time)
    from lmac.interpreter.values import LmacError
    fn = env.session.eval("(fn () (loop () (duplicate-track (track 1)) (recur)))")
    start = fake_time.now
    with pytest.raises(LmacError) as e:
        env.session.run_nested(fn, [], what="led", budget_s=0.005)
    assert "led took longer than 5 ms and was stopped" in str(e.value)
    assert (fake_time.now - start) * 1000.0 <= 5.0 + ACTION_COST_MS


# ---- 2. Target lookups are linear ------------------------------------------------------------
class _CountingEq(object):
    """Counts comparisons between virtual Live objects (what a list membership test does)."""

    def __init__(self, monkeypatch):
        from lmac.surface.virtual_live.Live.LomObject import LomObject
        self.count = 0
        original = LomObject.__eq__

        def counted(obj, other):
            if other is not None:
                self.count += 1
            return original(obj, other)
        monkeypatch.setattr(LomObject, "__eq__", counted)


def _env_with_tracks(n):
    env = Env()
    song = env.song
    while len(song.tracks) < n:
        song.create_midi_track(len(song.tracks))
    return env


def test_for_each_resolves_its_targets_in_linear_time(monkeypatch):
    counts = {}
    for n in (200, 400):
        env = _env_with_tracks(n)
        counter = _CountingEq(monkeypatch)
        items = env.run("(%for-each-items all)")
        assert len(items) == n
        counts[n] = counter.count
    # Quadratic lookups compared each target with all before it (about n*n/2 comparisons).
    assert counts[400] <= 2 * counts[200] + 400, counts


def test_library_definitions_are_listed_in_linear_time():
    from lmac.interpreter.values import List, Symbol
    from lmac.surface.namespaces import top_level_definitions

    compared = [0]

    class Name(str):
        def __eq__(self, other):
            compared[0] += 1
            return str.__eq__(self, other)
        __hash__ = str.__hash__

    def forms(n):
        return [List([Symbol("def"), Symbol(Name("x%d" % i)), 1]) for i in range(n)]

    counts = {}
    for n in (1000, 2000):
        compared[0] = 0
        assert len(top_level_definitions(forms(n))) == n
        counts[n] = compared[0]
    assert counts[2000] <= 2 * counts[1000] + 2000, counts


# ---- 7. Smaller: values print in lmac terms; lines count as an editor counts them -------------
PYTHON_WORDS = ("object at 0x", "<class", "<lmac.", "Selector", "Handle object", "Lambda object")


def test_values_made_from_any_value_print_in_lmac_terms_never_python_internals():
    """Every simple builtin, given host values (selectors, handles, tasks, value forms, functions),
    returns something that prints in lmac's words or fails with an lmac error."""
    from lmac.interpreter.compiler import call_builtin
    from lmac.interpreter.printer import pr_str
    from lmac.interpreter.values import Builtin, LmacError
    env = Env()
    session = env.session
    values = [session.eval(src) for src in (
        "(track 1)", "(scene 1)", "selected", "(first (%for-each-items all))", "(spawn (wait 1000))",
        "(ramp 0.5 :bars 1)", "(by 0.1)", "(fn (x) x)", "+", "(clip-starts (clip 2 1))")]
    leaks = []
    for name, fn in sorted(session.globals.items()):
        if type(fn) is not Builtin or fn.control or fn.meta is not None or not fn.simple:
            continue
        for value in values:
            for args in ([value], ["x", value], [value, 1]):
                lo, hi = fn.arity
                if len(args) < lo or (hi is not None and len(args) > hi):
                    continue
                try:
                    text = pr_str(call_builtin(fn, args, None))
                except LmacError as e:
                    text = str(e)
                if any(w in text for w in PYTHON_WORDS):
                    leaks.append("(%s %s) -> %s" % (name, " ".join(pr_str(a) for a in args), text[:80]))
    assert leaks == []
    assert pr_str(env.run("(keyword (track 1))")) == ":(track 1)"     # lmac's words, as str gives


@pytest.mark.parametrize("breaks", ["\f\n", "\v\n", "\u2028\n", "\x1c\n", "\x85\n", "\r", "\r\n"])
def test_syntax_errors_point_at_the_line_an_editor_shows(breaks):
    from lmac.grammar.reader import read_all, split_lines
    from lmac.interpreter.values import LmacSyntaxError
    # Three lines as an editor shows them; the form left open is on the third.
    text = "(def a 1) ; one" + breaks + "(def b 2)" + breaks + "  (def c"
    editor_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert len(editor_lines) == 3 and split_lines(text) == editor_lines
    with pytest.raises(LmacSyntaxError) as e:
        read_all(text, "odd.lmac")
    assert (e.value.pos.line, e.value.pos.col) == (3, 3)
    assert e.value.source_line == "  (def c"


def test_delete_track_all_deletes_all_that_live_allows_and_says_which_stays():
    env = Env()
    assert any(t.is_foldable for t in env.song.tracks)       # a group: its tracks go with it
    env.run("(delete-track all)")
    assert [t.name for t in env.song.tracks] == ["Keys"]
    assert env.messages[-1] == 'delete-track: Live keeps at least one audio or MIDI track, so track "Keys" stays'
    env.run("(delete-track returns)")
    assert list(env.song.return_tracks) == []
    from lmac.interpreter.values import LmacError
    with pytest.raises(LmacError) as e:            # nothing of what was asked can be done
        env.run('(delete-track (track "Keys"))')
    assert 'Live keeps at least one audio or MIDI track, and track "Keys" is the last one' in str(e.value)


def test_delete_scene_all_deletes_all_that_live_allows_and_says_which_stays():
    env = Env()
    first = env.song.scenes[0].name
    env.run("(delete-scene all)")
    assert [s.name for s in env.song.scenes] == [first]
    assert env.messages[-1] == 'delete-scene: Live keeps at least one scene, so scene "%s" stays' % first


def test_a_refusal_halfway_through_a_deletion_says_how_far_it_got(monkeypatch):
    from lmac.interpreter.values import LmacError
    env = Env()
    song = env.song
    original = type(song).delete_scene
    calls = []

    def refuse_second(self, index):
        calls.append(index)
        if len(calls) == 2:
            raise RuntimeError("the scene is busy")
        return original(self, index)
    monkeypatch.setattr(type(song), "delete_scene", refuse_second)
    with pytest.raises(LmacError) as e:
        env.run("(delete-scene all)")
    assert "the scene is busy" in str(e.value) and "(1 scene was deleted before that)" in str(e.value)


# ---- 6. A shared library cannot replace the core's names, whatever form it uses ----------------
def live_host(tmp_path, init_text):
    """The real Remote Script (every action) on virtual Live, with a User Library at tmp_path."""
    from lmac.commands.run import start_host
    ul = tmp_path / "UL"
    (ul / "lmac" / "lib").mkdir(parents=True)
    (ul / "lmac" / "init.lmac").write_text(init_text)
    host, _ = start_host(surface_options={"user_library": str(ul)})
    host.ul = str(ul)
    return host


def _host_with_library(tmp_path, library_text, init_text='(import "sneaky")'):
    host = live_host(tmp_path, "")
    _write(os.path.join(host.ul, "lmac", "lib", "sneaky.lmac"), library_text)
    _write(os.path.join(host.ul, "lmac", "init.lmac"), init_text, bump=1)
    host.advance_ms(600)
    return host


def _write(path, text, bump=0):
    with open(path, "w") as f:
        f.write(text)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1000000000))


def _log(host):
    return [line for _, line in host.log if "lmac:" in line]


@pytest.mark.parametrize("library_text, name", [
    ('(library "sneaky")\n(when true (def + (fn (& xs) 0)))', "+"),
    ('(library "sneaky")\n(eval \'(defn arm (& xs) nil))', "arm"),
    ('(library "sneaky")\n(eval (read-string "(def + (fn (& xs) 0))"))', "+"),
    ('(library "sneaky")\n(defn later () (def arm (fn (& xs) nil)))', "arm"),
])
def test_a_library_cannot_replace_core_names_at_run_time(tmp_path, library_text, name):
    host = _host_with_library(tmp_path, library_text)
    session = host.script.session
    assert session.eval("(+ 1 2)") == 3
    assert type(session.globals[name]).__name__ == "Builtin"     # still lmac's own
    assert any('the library "sneaky" cannot define %s: lmac itself defines it' % name in l
               for l in _log(host)), _log(host)


@pytest.mark.parametrize("call, name, owner", [
    ('(defn later () (eval (read-string "(def arm (fn (& xs) :taken))")))', "arm", "lmac itself"),
    ("(defn later () (eval (list (quote def) (quote arm) 1)))", "arm", "lmac itself"),
    ("(defn later () (apply eval [(list (quote def) (quote arm) 1)]))", "arm", "lmac itself"),
    ("(defn later () (map eval [(list (quote def) (quote arm) 1)]))", "arm", "lmac itself"),
    ("(defn later () (map eval [(list (quote def) (quote hello) 1)]))", "hello",
     'the library "twin"'),
])
def test_a_definition_built_at_run_time_cannot_replace_lmacs_or_a_librarys_names(tmp_path, call, name, owner):
    """A shared library's function, called from the user's code long after the load, builds a
    def at run time and evals it (directly, through apply, through map): nothing says who wrote
    it, so it may not replace lmac's names or another library's."""
    host = live_host(tmp_path, "")
    _write(os.path.join(host.ul, "lmac", "lib", "twin.lmac"), '(library "twin")\n(defn hello () :hi)')
    _write(os.path.join(host.ul, "lmac", "lib", "sneaky.lmac"), '(library "sneaky")\n' + call)
    _write(os.path.join(host.ul, "lmac", "init.lmac"), '(import "twin")\n(import "sneaky")', bump=1)
    host.advance_ms(600)
    session = host.script.session
    with pytest.raises(LmacError) as e:
        session.eval("(later)")
    assert e.value.message.startswith("a definition built at run time cannot replace %s: %s defines it"
                                      % (name, owner)), e.value.message
    assert type(session.globals["arm"]).__name__ == "Builtin"     # still lmac's own
    assert session.eval("(hello)") == Keyword.of("hi")


def test_the_users_own_definitions_still_replace_names_and_run_time_defs_still_make_new_ones(tmp_path):
    host = _host_with_library(tmp_path, '(library "sneaky")\n(defn helper () 1)')
    session = host.script.session
    assert session.eval("(eval (list (quote def) (quote mine) 2)) mine") == 2
    assert session.eval("(map eval [(list (quote def) (quote mine) 3)]) mine") == 3
    assert session.eval("(eval (quote (def arm (fn () :mine)))) (arm)") == Keyword.of("mine")


def test_a_library_may_still_define_its_own_names_at_run_time_and_reload(tmp_path):
    text = '(library "sneaky")\n(when true (def counter (atom 0)))\n(defn bump () (def last-bump 1))'
    host = _host_with_library(tmp_path, text)
    session = host.script.session
    assert session.eval("(bump)") == 1 and session.eval("last-bump") == 1
    _write(os.path.join(host.ul, "lmac", "init.lmac"), '(import "sneaky") ; again', bump=2)
    host.advance_ms(600)
    assert not [l for l in _log(host) if "cannot define" in l], _log(host)
    assert host.script.surface.loader.loads == 3


# ---- 3. Loading is spread over ticks, with a size limit -----------------------------------------
class AutoTime(FakeTime):
    """A fake perf_counter where each look at the clock costs a little: work between two looks
    is free, so how far a tick overruns shows how often the code looks, deterministically."""

    STEP_MS = 0.02

    def __call__(self):
        self.now += self.STEP_MS / 1000.0
        return self.now


@pytest.fixture
def auto_time(monkeypatch):
    from lmac.grammar import stepped
    from lmac.interpreter import machine, scheduler, session
    from lmac.surface import live_session, load_job
    clock = AutoTime()
    for module in (machine, scheduler, session, live_session, load_job, stepped):
        monkeypatch.setattr(module, "perf_counter", clock)
    monkeypatch.setattr(live_session, "thread_time", clock)
    return clock


def _ticks_until(host, done, limit=5000):
    """Tick the host's scheduler until done(); the fake time each tick took, in ms."""
    times = []
    while not done():
        t0 = perf_now()
        host.advance_ms(10)
        times.append((perf_now() - t0) * 1000.0)
        assert len(times) < limit, "not done after %d ticks" % limit
    return times


def perf_now():
    from lmac.interpreter import scheduler
    return scheduler.perf_counter.now


def test_a_file_of_30000_forms_loads_over_many_ticks_each_within_budget(tmp_path, auto_time):
    host = live_host(tmp_path, "(def loaded 0)")
    loader = host.script.surface.loader
    budget = host.script.session.scheduler.budget_ms
    _write(os.path.join(host.ul, "lmac", "init.lmac"), "(inc 1)\n" * 30000 + "(def loaded 30000)\n", bump=1)
    _ticks_until(host, lambda: loader._job is not None)  # the poll sees the change
    times = _ticks_until(host, lambda: loader._job is None)
    assert host.script.session.eval("loaded") == 30000 and loader.failures == 0
    assert len(times) > 20                               # reading and running were spread out
    assert max(times) / budget <= 1.0 + 1.0 / budget     # each tick within budget + 1 ms


def test_a_file_too_big_to_load_is_refused_and_the_last_version_keeps_running(tmp_path):
    from lmac.surface.load_job import MAX_FILE_BYTES
    host = live_host(tmp_path, "(def version 1)")
    _write(os.path.join(host.ul, "lmac", "init.lmac"), "(def version 2)\n" + ";" * MAX_FILE_BYTES, bump=1)
    host.advance_ms(600)
    assert any("init.lmac is 257 KB; lmac loads files of up to 256 KB" in l for l in _log(host)), _log(host)
    assert host.script.session.eval("version") == 1


def test_a_load_that_runs_too_long_is_stopped_with_a_clear_error(tmp_path, auto_time):
    auto_time.STEP_MS = 1.0                              # a costly clock: 2 s are soon spent
    host = live_host(tmp_path, "(def version 1)")
    loader = host.script.surface.loader
    _write(os.path.join(host.ul, "lmac", "init.lmac"), "(def version 2)\n(loop () (recur))\n", bump=1)
    host.advance_ms(600)
    _ticks_until(host, lambda: loader._job is None)
    assert any("loading took longer than 2 s of lmac's time and was stopped" in l for l in _log(host))
    assert loader.failures == 1


# ---- 4. Nothing the user wrote is lost: :pin writes what reads back; start-up keeps the last good
def _init(host):
    return os.path.join(host.ul, "lmac", "init.lmac")


def test_pin_with_a_trailing_comment_writes_a_binding_that_loads(tmp_path):
    from lmac.surface.user_library import pin_binding
    host = live_host(tmp_path, "(def kicks (atom 0))\n; my notes, no newline at the end")
    pin_binding(host.ul, "(note 40) ; kick", "(swap! kicks inc) ; count it")
    host.advance_ms(600)
    assert host.script.surface.loader.failures == 0
    host.send_midi_in((0x90, 40, 127))
    assert host.script.session.eval("@kicks") == 1


def test_pin_into_a_broken_init_changes_nothing_and_says_why(tmp_path):
    from lmac.interpreter.values import LmacError
    from lmac.surface.user_library import pin_binding
    host = live_host(tmp_path, "")
    broken = b"(bind (note 36) (play)\r\n; where is my paren"
    with open(_init(host), "wb") as f:
        f.write(broken)
    with pytest.raises(LmacError) as e:
        pin_binding(host.ul, "(note 40)", "(stop)")
    assert "init.lmac has an error, so :pin changed nothing" in str(e.value)
    assert open(_init(host), "rb").read() == broken


def test_pin_refuses_and_restores_when_the_file_does_not_read_back(tmp_path, monkeypatch):
    from lmac.interpreter.values import LmacError
    from lmac.surface import user_library
    host = live_host(tmp_path, "(def a 1)\n")
    before = open(_init(host), "rb").read()
    from lmac.grammar import reader
    real_read_all = reader.read_all
    init_reads = []

    def flaky_read_all(text, file):   # the read-back sees something else than what was written
        forms = real_read_all(text, file)
        if file.endswith("init.lmac"):
            init_reads.append(file)
            if len(init_reads) == 2:
                return forms + forms
        return forms
    monkeypatch.setattr(reader, "read_all", flaky_read_all)
    with pytest.raises(LmacError) as e:
        user_library.pin_binding(host.ul, "(note 40)", "(stop)")
    assert ":pin changed nothing in init.lmac" in str(e.value)
    assert open(_init(host), "rb").read() == before


def test_start_up_with_a_broken_init_runs_the_last_version_that_loaded(tmp_path):
    from lmac.commands.run import start_host
    host = live_host(tmp_path, "(def kicks (atom 0))\n(bind (note 36) (swap! kicks inc))")
    host.disconnect()
    broken = "(def kicks (atom 0))\n(bind (note 36) (swap! kicks inc)\n"   # a parenthesis short
    with open(_init(host), "w") as f:
        f.write(broken)
    again, _ = start_host(surface_options={"user_library": host.ul})
    again.ul = host.ul
    log = _log(again)
    assert any("init.lmac:2:1: expected ) to close the list" in l for l in log), log
    assert any("running the last version of init.lmac that loaded" in l for l in log), log
    again.send_midi_in((0x90, 36, 127))
    assert again.script.session.eval("@kicks") == 1
    assert open(_init(again)).read() == broken                 # the user's file is untouched
    with open(_init(again), "w") as f:                          # the fix loads as usual
        f.write("(def kicks (atom 10))\n(bind (note 36) (swap! kicks inc))\n")
    st = os.stat(_init(again))
    os.utime(_init(again), ns=(st.st_atime_ns, st.st_mtime_ns + 2000000000))
    again.advance_ms(600)
    again.send_midi_in((0x90, 36, 127))
    assert again.script.session.eval("@kicks") == 11
    assert not again.script.surface.loader.running_last_good


# ---- 5. A reload ends what the previous version started ---------------------------------------
def test_reloads_do_not_pile_up_handlers_or_spawned_tasks(tmp_path):
    text = ("(def runs (atom 0))\n(on :tempo-change (swap! runs inc))\n"
            "(spawn (loop () (wait 50) (recur)))\n")
    host = live_host(tmp_path, text)
    session = host.script.session
    for i in range(10):
        _write(_init(host), text + "; save %d\n" % i, bump=i + 1)
        host.advance_ms(600)
    assert host.script.surface.loader.loads == 11
    looping = [t for t in session.scheduler.tasks.values() if t.name == "spawn"]
    assert len(looping) == 1
    host.song.tempo = 100
    host.advance_ms(50)
    assert session.eval("@runs") == 1
    assert sum(len(h) for h in session.live.events.handlers.values()) == 1


def test_a_broken_reload_keeps_the_running_version_and_ends_what_it_started(tmp_path):
    host = live_host(tmp_path, "(def runs (atom 0))\n(on :tempo-change (swap! runs inc))\n")
    session = host.script.session
    _write(_init(host), "(on :tempo-change (swap! runs inc))\n(spawn (wait 100000))\n(oops", bump=1)
    host.advance_ms(600)
    assert host.script.surface.loader.failures == 1
    assert not [t for t in session.scheduler.tasks.values() if t.name == "spawn"]
    host.song.tempo = 100
    host.advance_ms(50)
    assert session.eval("@runs") == 1          # the old handler, and only it


def test_a_macro_that_spends_its_slice_is_still_one_undo_step(fake_time):
    """Actions charge the slice, so this run goes on over several ticks; one undo takes it back."""
    from lmac.commands.run import start_host
    from lmac.surface.virtual_live import save_set
    host, script = start_host(jitter_ms=0)
    script.live.adapter.on_write = lambda: fake_time.spend(ACTION_COST_MS)
    before = save_set(host.song)
    task = script.start_macro('(do (create-track midi) (for-each track (mute)) (tempo 99) '
                              '(name (track 1) "X") (create-scene))')
    ticks = 0
    while not task.finished:
        host.advance_ms(10)
        ticks += 1
    assert task.status == "done", task.error
    assert ticks > 1                                   # it did go on over ticks
    host.advance_ms(50)
    assert save_set(host.song) != before
    host.song.undo()
    assert save_set(host.song) == before


def test_time_the_system_gives_other_programs_does_not_spend_a_slice(fake_time, monkeypatch):
    """On a busy computer the OS may pause Live for a while in the middle of a macro: that is not
    lmac's work, so (where a fine thread clock tells them apart) the run goes on in one go."""
    from lmac.surface import live_session
    cpu = FakeTime()
    monkeypatch.setattr(live_session, "thread_time", cpu)
    env = Env()
    env.session.live.adapter.on_write = lambda: fake_time.spend(20.0)   # paused, not working
    task = env.session.spawn('(let (x 1) (tempo 99) (tempo 98) (tempo 97))')
    env.session.tick()
    assert task.status == "done"
    env.session.live.adapter.on_write = lambda: (fake_time.spend(3.0), cpu.spend(3.0))   # working
    task = env.session.spawn('(let (x 1) (tempo 99) (tempo 98) (tempo 97))')
    env.session.tick()
    assert task.status == "ready" and env.song.tempo == 98


def test_a_big_library_imported_with_an_alias_loads_over_ticks_within_budget(tmp_path, auto_time):
    host = live_host(tmp_path, "")
    loader = host.script.surface.loader
    budget = host.script.session.scheduler.budget_ms
    lines = "".join("(defn %%h%d () %d)\n(defn f%d () (%%h%d))\n" % (i, i, i, i) for i in range(3000))
    _write(os.path.join(host.ul, "lmac", "lib", "big.lmac"), '(library "big")\n' + lines)
    _write(os.path.join(host.ul, "lmac", "init.lmac"), '(import "big" :as b)\n(def got (b/f2999))\n', bump=1)
    _ticks_until(host, lambda: loader._job is not None)
    times = _ticks_until(host, lambda: loader._job is None)
    assert host.script.session.eval("got") == 2999 and loader.failures == 0, _log(host)
    assert len(times) > 5 and max(times) / budget <= 1.0 + 1.0 / budget


def test_a_new_track_gets_one_listener_not_the_whole_set_again():
    """Each change of the track list used to re-attach every track's listener (500 tracks: 500
    removes and adds per tick of a duplicate-track loop); now only new tracks get one."""
    env = _env_with_tracks(300)
    events = env.session.live.events
    events._scan()
    attached = []
    track_cls = type(env.song.tracks[0])
    real_add = track_cls.add_playing_slot_index_listener

    def counting_add(track, callback):
        attached.append(track)
        return real_add(track, callback)
    track_cls.add_playing_slot_index_listener = counting_add
    try:
        env.run("(duplicate-track (track 5))")
        env.session.tick()
        env.session.tick()
    finally:
        track_cls.add_playing_slot_index_listener = real_add
    assert len(attached) == 1
    env.run("(delete-track (track 5))")
    env.session.tick()
    assert len(events._per_object) == len(env.song.tracks) + len(env.song.scenes)


# ---- Live's start-up: init.lmac loads over ticks too (the dry run loads it whole first) -----------
def live_start(tmp_path, init_text):
    """The Remote Script as Live starts it: create_instance returns before init.lmac has loaded."""
    from lmac.commands.run import start_host
    ul = tmp_path / "UL"
    (ul / "lmac" / "lib").mkdir(parents=True, exist_ok=True)
    (ul / "lmac" / "init.lmac").write_text(init_text)
    host, _ = start_host(surface_options={"user_library": str(ul), "load_at_once": False})
    host.ul = str(ul)
    return host


def test_a_big_init_at_start_up_loads_over_ticks_each_within_budget(tmp_path, auto_time):
    host = live_start(tmp_path, "(inc 1)\n" * 20000 + "(def loaded 20000)\n(bind (note 36) (def pressed true))\n")
    loader = host.script.surface.loader
    budget = host.script.session.scheduler.budget_ms
    assert loader._job is not None                       # Live's start did not wait for the file
    times = _ticks_until(host, lambda: loader._job is None)
    assert host.script.session.eval("loaded") == 20000 and loader.failures == 0
    assert len(times) > 20
    assert max(times) / budget <= 1.0 + 1.0 / budget     # each tick within budget + 1 ms
    host.advance_ms(200)                                 # Live rebuilds the MIDI map the script asked for
    host.send_midi_in((0x90, 36, 127))                   # the bindings are in force once it has loaded
    assert host.script.session.eval("pressed") is True


def test_a_broken_init_at_start_up_runs_the_last_good_version_over_ticks(tmp_path):
    host = live_start(tmp_path, "(def kicks (atom 0))\n(bind (note 36) (swap! kicks inc))")
    host.advance_ms(200)
    host.disconnect()
    broken = "(def kicks (atom 0))\n(bind (note 36) (swap! kicks inc)\n"   # a parenthesis short
    with open(_init(host), "w") as f:
        f.write(broken)
    again = live_start(tmp_path, broken)
    again.advance_ms(300)
    log = _log(again)
    assert any("init.lmac:2:1: expected ) to close the list" in l for l in log), log
    assert any("running the last version of init.lmac that loaded" in l for l in log), log
    again.send_midi_in((0x90, 36, 127))
    assert again.script.session.eval("@kicks") == 1
    assert open(_init(again)).read() == broken                 # the user's file is untouched
