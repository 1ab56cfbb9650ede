"""Static checks of lmac source, without running it: syntax errors, unknown names (with a "did
you mean"), wrong argument counts, and actions that need a newer Live.

    findings = Checker(live=(11, 3)).check_text(text, "set.lmac")
    for f in findings: print(f)   # set.lmac:3:5: error: 'arn' not found; did you mean 'arm'?

The walk understands the binding forms (def, defn, defmacro, fn, let, loop, if-let, when-let,
dotimes, doseq, for-each [t SEL], try/catch), skips quoted code (walking only the ~ parts of
quasiquotes), learns (import "lib" :as x), and does not look inside calls of macros the file
defines itself (their arguments may be any syntax).
"""
from __future__ import annotations

from dataclasses import dataclass

from lmac.grammar.reader import read_all
from lmac.interpreter.calls import arity_message
from lmac.interpreter.clyphx_hints import clyphx_hint
from lmac.interpreter.compiler import looks_like_bindings  # the compiler's own rule for `loop`
from lmac.interpreter.values import Keyword, List, LmacSyntaxError, Map, Symbol, Vector
from lmac.interpreter.vocabulary import Entry, definition_entry, param_arity

from lmac.surface.library_path import is_library_name, not_a_name_message, not_found_message
from lmac.surface.load_rules import TOP_LEVEL_WAIT

from .load_check import is_loaded_file, top_level_waits
from .names import (NEWEST_LIVE, SHADOWED_ACTIONS, known_names, library_definitions, library_dirs,
                    library_path, surface_dirs, version_text)


@dataclass
class Finding:
    file: str
    line: int
    col: int
    message: str
    kind: str = "error"    # syntax, unknown-name, arity, live-version, library

    severity = "error"

    def __str__(self):
        # file:line:col: error: message -- the layout compilers print, which editors' problem
        # matchers (VS Code's $gcc, Emacs compile mode, vim's errorformat) understand
        return "%s:%d:%d: %s: %s" % (self.file, self.line, self.col, self.severity, self.message)

    def as_json(self):
        return {"file": self.file, "line": self.line, "column": self.col,
                "severity": self.severity, "kind": self.kind, "message": self.message}


BINDING_PAIR_FORMS = ("if-let", "when-let", "dotimes", "doseq")


class Checker(object):
    def __init__(self, live=NEWEST_LIVE, names=None, as_init=False):
        self.live = tuple(live)
        self.names = names if names is not None else known_names()
        self.as_init = as_init   # every file is one Live loads (init.lmac, a library): no top-level waits

    # ---- entry points -----------------------------------------------------------------------
    def check_file(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            return [Finding(path, 1, 1, "cannot read the file: %s" % e.strerror, "io")]
        return self.check_text(text, path)

    def check_text(self, text, file="<input>", defined=None):
        """Findings for ``text``. ``defined``: name -> Entry defined elsewhere (e.g. earlier
        examples of the same page, or a REPL session's own definitions)."""
        try:
            forms = read_all(text, file)
        except LmacSyntaxError as e:
            pos = e.pos
            return [Finding(file, pos.line if pos else 1, pos.col if pos else 1, e.message, "syntax")]
        run = _Run(self, file)
        if defined:
            run.defs.update(defined)
        run.check(forms)
        if self.as_init or is_loaded_file(file, forms):
            for call, _name in top_level_waits(forms, library_path):
                run.report(call, TOP_LEVEL_WAIT, "top-level-wait")
        run.findings.sort(key=lambda f: (f.line, f.col))
        return run.findings


class _Run(object):
    """One check of one file: the file's own definitions and imports, then the walk."""

    def __init__(self, checker, file):
        self.checker = checker
        self.file = file
        self.findings = []
        self.defs = {}           # name -> Entry defined in this file
        self.macros = set()      # macros this file defines (their arguments are not checked)
        self.aliases = {}        # alias -> definitions (None: library unknown, accept any name)

    # ---- pass 1: what the file defines and imports --------------------------------------------
    def check(self, forms):
        for form in forms:
            self._collect(form)
        for form in forms:
            try:
                self.walk(form, frozenset())
            except RecursionError:
                self.report(form, "this form is nested too deeply to check", "depth")

    def _collect(self, form):
        stack = [form]
        while stack:
            f = stack.pop()
            if type(f) is not List or not f:
                if type(f) in (Vector, Map):
                    stack.extend(f if type(f) is Vector else list(f.keys()) + list(f.values()))
                continue
            head = _head(f)
            if head in ("quote", "quasiquote"):
                continue
            if head in ("import", "use-surface"):  # use-surface: a surface built on another
                self._collect_import(f)
                continue
            entry = definition_entry(f)
            if entry is not None:
                self.defs[entry.name] = entry
                if head == "defmacro":
                    self.macros.add(entry.name)
            stack.extend(f)

    def _collect_import(self, form):
        if len(form) < 2 or not isinstance(form[1], str):
            return
        lib = form[1]
        alias = None
        for i in range(2, len(form) - 1):
            if form[i] == Keyword.of("as") and type(form[i + 1]) is Symbol:
                alias = form[i + 1].name
        kind = _head(form)   # import or use-surface
        if not is_library_name(lib):
            # As inside Live: a library is found by name in the library folders; a path in an
            # import is never opened (checking a file must not read whatever it names).
            self.report(form, not_a_name_message(kind, lib), "library")
            return
        defs = library_definitions(lib, form=kind)
        if defs is None:
            dirs = surface_dirs() if kind == "use-surface" else library_dirs()
            self.report(form, not_found_message(kind, lib, dirs), "library")
        if alias:
            self.aliases[alias] = defs
        elif defs:
            for name, entry in defs.items():
                self.defs.setdefault(name, entry)

    # ---- pass 2: the walk ---------------------------------------------------------------------
    def walk(self, form, scope):
        t = type(form)
        if t is Symbol:
            self.check_symbol(form, scope)
        elif t is List:
            self.walk_list(form, scope)
        elif t is Vector:
            for x in form:
                self.walk(x, scope)
        elif t is Map:
            for k, v in form.items():
                self.walk(k, scope)
                self.walk(v, scope)

    def walk_all(self, forms, scope):
        for f in forms:
            self.walk(f, scope)

    def walk_list(self, form, scope):
        if not form:
            return
        head = form[0]
        if type(head) is not Symbol:
            self.walk_all(form, scope)
            return
        name = head.name
        if name in scope:
            self.walk_all(form[1:], scope)
            return
        special = _SPECIAL.get(name)
        if special is not None and (name != "loop" or looks_like_bindings(form)):
            if name not in self.defs or name in ("def", "defn", "defmacro", "fn", "let", "quote"):
                special(self, form, scope)
                return
        entry = self.lookup(name)
        if special is not None and name in SHADOWED_ACTIONS:
            entry = SHADOWED_ACTIONS[name]  # (loop C :start 0): the action, not the special form
        if entry is None:
            self.check_symbol(head, scope)
            self.walk_all(form[1:], scope)
            return
        action = self.registered_action(name, entry)
        if action is not None:
            self.check_action(form, action, scope)
        else:
            self.check_arity(form, entry)
        self.check_live(head, entry)
        if name in self.macros:
            return  # its own syntax; the macro decides what its arguments mean
        self.walk_all(form[1:], scope)

    # ---- names --------------------------------------------------------------------------------
    def lookup(self, name):
        entry = self.defs.get(name)
        if entry is not None:
            return entry
        entry = self.checker.names.get(name)
        if entry is not None:
            return entry
        if "/" in name and len(name) > 1:
            alias, _, rest = name.partition("/")
            if alias in self.aliases:
                defs = self.aliases[alias]
                if defs is None:
                    return Entry(name, "function")
                return defs.get(rest)
        return None

    def check_symbol(self, sym, scope):
        name = sym.name
        if name in scope or self.lookup(name) is not None:
            if self.lookup(name) is not None and name not in scope:
                self.check_live(sym, self.lookup(name))
            return
        message = "'%s' not found" % name
        guess = self.suggest(name, scope)
        hint = clyphx_hint(name)          # METRO, SEL/ARM: how lmac says it, as Live itself would
        if hint:
            message += ". " + hint
        elif guess:
            message += "; did you mean '%s'?" % guess
        self.report(sym, message, "unknown-name")

    def suggest(self, name, scope):
        if "/" in name and name.partition("/")[0] in self.aliases:
            alias, _, rest = name.partition("/")
            pool = [alias + "/" + n for n in (self.aliases[alias] or {})]
        else:
            pool = list(scope) + list(self.defs) + list(self.checker.names)
        from lmac.interpreter.friend import closest_name
        return closest_name(name, pool)     # the run suggests the same way

    def check_arity(self, form, entry):
        arity = entry.arity
        if not arity:
            return
        lo, hi = arity
        n = len(form) - 1
        if n >= lo and (hi is None or n <= hi):
            return
        self.report(form, arity_message(entry.name, arity, n), "arity")   # as the machine says it

    def registered_action(self, name, entry):
        """The registry's action behind a name (None when the file defines the name itself)."""
        if entry is None or entry.kind != "action" or name in self.defs:
            return None
        from lmac.surface.actions.registry import REGISTRY
        return REGISTRY.get(name)

    def check_action(self, form, action, scope):
        """Arity, keyword options and their values, literal types: the action's own signature."""
        from .action_check import problems_of_call
        for where, message in problems_of_call(form, action, scope):
            self.report(where, message, "action")


    def check_live(self, where, entry):
        need = entry.min_live
        if need and tuple(need) > self.checker.live:
            self.report(where, "%s needs Live %s or newer (checking for Live %s)"
                        % (entry.name, version_text(need), version_text(self.checker.live)),
                        "live-version")

    def report(self, form, message, kind):
        pos = getattr(form, "pos", None)
        line, col = (pos.line, pos.col) if pos is not None else (1, 1)
        self.findings.append(Finding(self.file, line, col, message, kind))

    # ---- binding forms ----------------------------------------------------------------------
    def sp_quote(self, form, scope):
        pass

    def sp_quasiquote(self, form, scope):
        for x in form[1:]:
            self.walk_quasi(x, scope)

    def walk_quasi(self, form, scope):
        t = type(form)
        if t is List and form and _head(form) in ("unquote", "splice-unquote"):
            self.walk_all(form[1:], scope)
        elif t in (List, Vector):
            for x in form:
                self.walk_quasi(x, scope)
        elif t is Map:
            for k, v in form.items():
                self.walk_quasi(k, scope)
                self.walk_quasi(v, scope)

    def sp_def(self, form, scope):
        if len(form) != 3 or type(form[1]) is not Symbol:
            self.report(form, "def expects a name and one value, e.g. (def x 1)", "arity")
        self.walk_all(form[2:], scope)

    def sp_defn(self, form, scope):
        what = form[0].name
        if len(form) < 3 or type(form[1]) is not Symbol:
            self.report(form, "%s expects a name, parameters and a body, e.g. (%s f (x) ...)"
                        % (what, what), "arity")
            return
        rest = list(form[2:])
        if rest and isinstance(rest[0], str):
            rest.pop(0)
        if not rest or type(rest[0]) not in (List, Vector):
            self.report(form, "%s %s expects a parameter list, e.g. (%s %s (x) ...)"
                        % (what, form[1].name, what, form[1].name), "arity")
            self.walk_all(rest, scope)
            return
        inner = scope | {form[1].name} | self.params(rest[0])
        self.walk_all(rest[1:], inner)

    def sp_fn(self, form, scope):
        rest = list(form[1:])
        inner = scope
        if rest and type(rest[0]) is Symbol:
            inner = inner | {rest.pop(0).name}
        if not rest or type(rest[0]) not in (List, Vector):
            self.report(form, "fn expects a parameter list, e.g. (fn (x) ...)", "arity")
            self.walk_all(rest, inner)
            return
        self.walk_all(rest[1:], inner | self.params(rest[0]))

    def params(self, params):
        names = set()
        for p in params:
            if type(p) is Symbol:
                if p.name != "&":
                    names.add(p.name)
            else:
                self.report(params, "parameters are names, not %r" % (p,), "syntax")
        return frozenset(names)

    def sp_let(self, form, scope):
        if len(form) < 2 or type(form[1]) not in (List, Vector):
            self.report(form, "%s expects bindings, e.g. (%s (a 1 b 2) ...)"
                        % (form[0].name, form[0].name), "syntax")
            self.walk_all(form[1:], scope)
            return
        pairs = form[1]
        if len(pairs) % 2:
            self.report(pairs, "%s bindings come in pairs of a name and a value; %d forms is odd"
                        % (form[0].name, len(pairs)), "syntax")
        inner = scope
        for i in range(0, len(pairs) - 1, 2):
            self.walk(pairs[i + 1], inner)  # sequential: a value sees the names before it
            if type(pairs[i]) is Symbol:
                inner = inner | {pairs[i].name}
            else:
                self.report(pairs, "%s binds names, not %r" % (form[0].name, pairs[i]), "syntax")
        self.walk_all(form[2:], inner)

    def sp_binding_pair(self, form, scope):
        """(if-let (x expr) ...), (dotimes (i n) ...), (doseq (x coll) ...)."""
        b = form[1] if len(form) > 1 else None
        if type(b) not in (List, Vector) or len(b) != 2 or type(b[0]) is not Symbol:
            self.report(form, "%s expects (name value) first, e.g. (%s (x ...) ...)"
                        % (form[0].name, form[0].name), "syntax")
            self.walk_all(form[1:], scope)
            return
        self.walk(b[1], scope)
        self.walk_all(form[2:], scope | {b[0].name})

    def sp_try(self, form, scope):
        body = list(form[1:])
        if body and _head(body[-1]) == "catch":
            handler = body.pop()
            if len(handler) >= 2 and type(handler[1]) is Symbol:
                self.walk_all(handler[2:], scope | {handler[1].name})
            else:
                self.report(handler, "catch expects a name for the error, e.g. (catch e (log e))",
                            "syntax")
        self.walk_all(body, scope)

    def sp_case(self, form, scope):
        if len(form) < 2:
            self.report(form, "case expects a value and clauses", "arity")
            return
        self.walk(form[1], scope)
        clauses = form[2:]
        for i in range(1, len(clauses), 2):  # tests are constants; results are code
            self.walk(clauses[i], scope)
        if len(clauses) % 2:
            self.walk(clauses[-1], scope)

    def sp_thread(self, form, scope):
        self.walk_all(form[1:2], scope)
        for step in form[2:]:
            if type(step) is List and step and type(step[0]) is Symbol:
                self.check_symbol(step[0], scope)  # the argument count changes: not checked
                self.walk_all(step[1:], scope)
            else:
                self.walk(step, scope)

    def sp_for_each(self, form, scope):
        if len(form) > 1 and type(form[1]) is Vector and len(form[1]) == 2 \
                and type(form[1][0]) is Symbol:
            self.walk(form[1][1], scope)
            self.walk_all(form[2:], scope | {form[1][0].name})
        else:
            self.walk_all(form[1:], scope)

    def sp_import(self, form, scope):
        pass  # learned in pass 1

    def sp_library(self, form, scope):
        pass


_SPECIAL = {
    "quote": _Run.sp_quote, "quasiquote": _Run.sp_quasiquote,
    "def": _Run.sp_def, "defn": _Run.sp_defn, "defmacro": _Run.sp_defn, "fn": _Run.sp_fn,
    "let": _Run.sp_let, "loop": _Run.sp_let, "try": _Run.sp_try, "case": _Run.sp_case,
    "->": _Run.sp_thread, "->>": _Run.sp_thread, "for-each": _Run.sp_for_each,
    "import": _Run.sp_import, "library": _Run.sp_library,
}
for _name in BINDING_PAIR_FORMS:
    _SPECIAL[_name] = _Run.sp_binding_pair


def _head(form):
    if type(form) is List and form and type(form[0]) is Symbol:
        return form[0].name
    return None


def lmac_files(paths):
    """The files named, and every .lmac file inside the folders named (what check and fmt take)."""
    import os
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, names in os.walk(p):
                files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".lmac"))
        else:
            files.append(p)
    return files


def check_paths(paths, live=NEWEST_LIVE, as_init=False):
    """(findings, files checked) for files and folders (folders: every .lmac inside). ``as_init``:
    check every file as one Live loads (init.lmac and libraries always are)."""
    checker = Checker(live=live, as_init=as_init)
    findings, files = [], lmac_files(paths)
    for f in files:
        findings.extend(checker.check_file(f))
    return findings, files


__all__ = ["Checker", "Finding", "check_paths", "param_arity"]
