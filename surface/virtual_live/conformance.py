"""Check virtual Live against the `ableton-live-stubs` package (the authority on Live's API).

For every public class and function of virtual Live's `Live` package: each public member must exist
in the stubs with the same kind (property or method), the same arguments (names, and which have
defaults) and the same listenability; a property must not be settable where Live's is not.
report() prints, per class, how many of the stubs' members virtual Live implements.

Run: python -m lmac.surface.virtual_live.conformance   (needs the stubs: Python 3.11 dev install)
"""
import ast
import inspect
import os
import sys

from .lom import LiveEnum, since

BUILTIN_OWNERS = (object, int, Exception, BaseException, LiveEnum)
# Boost.Python's enum machinery: every enum class has these, the stubs list none of them.
BOOST_ENUM_MEMBERS = ("values", "names", "name")
# Overloads Live has and the stubs' generator dropped, with their source: (module.class, method)
# -> arguments. ClipSlot.fire: the raw Boost docstring in Live 11.3 (live-api.md §6 ClipSlot).
OVERLOADS = {("ClipSlot.ClipSlot", "fire"): [("record_length", True), ("launch_quantization", True),
                                             ("force_legato", True)]}


def find_stubs_dir():
    for entry in sys.path:
        candidate = os.path.join(entry or ".", "Live-stubs")
        if os.path.isfile(os.path.join(candidate, "__init__.pyi")):
            return candidate
    raise RuntimeError("ableton-live-stubs is not installed (pip install ableton-live-stubs)")


# -- the stubs ----------------------------------------------------------------------------------
class StubClass(object):
    def __init__(self, module, qualname, bases):
        self.module = module
        self.qualname = qualname
        self.bases = bases
        self.props = {}      # name -> settable
        self.methods = {}    # name -> [(arg, has_default)]
        self.listen = set()
        self.enum = {}       # name -> value


def _args(func, skip_self=True):
    a = func.args
    names = [x.arg for x in a.posonlyargs + a.args]
    first_default = len(names) - len(a.defaults)
    spec = [(name, i >= first_default) for i, name in enumerate(names)]
    return spec[1:] if skip_self else spec


def _collect(module, node, prefix, classes, functions):
    for item in node.body:
        if isinstance(item, ast.ClassDef):
            qual = prefix + item.name
            cls = StubClass(module, qual, [ast.unparse(b).split("[")[0] for b in item.bases])
            classes[qual] = cls
            for m in item.body:
                if isinstance(m, ast.FunctionDef):
                    decorators = [ast.unparse(d) for d in m.decorator_list]
                    if "property" in decorators:
                        cls.props.setdefault(m.name, False)
                    elif any(d.endswith(".setter") for d in decorators):
                        cls.props[m.name] = True
                    elif m.name.startswith("add_") and m.name.endswith("_listener"):
                        cls.listen.add(m.name[4:-len("_listener")])
                        cls.methods[m.name] = _args(m)
                    elif "overload" not in decorators:
                        cls.methods[m.name] = _args(m)
                elif isinstance(m, (ast.Assign, ast.AnnAssign)) and m.value is not None:
                    target = m.targets[0] if isinstance(m, ast.Assign) else m.target
                    try:
                        cls.enum[ast.unparse(target)] = ast.literal_eval(m.value)
                    except ValueError:
                        pass
            _collect(module, ast.Module(body=[x for x in item.body if isinstance(x, ast.ClassDef)], type_ignores=[]),
                     qual + ".", classes, functions)
        elif isinstance(item, ast.FunctionDef) and prefix == "":
            functions[item.name] = _args(item, skip_self=False)


def parse_stubs(stubs_dir=None):
    """{module: (classes {qualname: StubClass}, functions {name: args})}"""
    stubs_dir = stubs_dir or find_stubs_dir()
    out = {}
    for filename in sorted(os.listdir(stubs_dir)):
        if filename.endswith(".pyi") and filename != "__init__.pyi":
            module = filename[:-4]
            with open(os.path.join(stubs_dir, filename)) as handle:
                tree = ast.parse(handle.read())
            classes, functions = {}, {}
            _collect(module, tree, "", classes, functions)
            out[module] = (classes, functions)
    return out


def _stub_lineage(stubs, cls):
    """The stub class and its stub bases (resolved by name, same module first)."""
    seen, todo, out = set(), [cls], []
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        out.append(current)
        for base in current.bases:
            todo.append(_resolve(stubs, current.module, base, current.qualname))
    return out


def _resolve(stubs, module, name, context):
    classes = stubs[module][0]
    outer = context.rsplit(".", 1)[0] if "." in context else ""
    for candidate in ([outer + "." + name] if outer else []) + [name]:
        if candidate in classes:
            return classes[candidate]
    for mod, (classes, _functions) in stubs.items():
        if name in classes:
            return classes[name]
    return None


def _stub_view(stubs, cls):
    props, methods, listen, enum = {}, {}, set(), {}
    for c in reversed(_stub_lineage(stubs, cls)):
        props.update(c.props)
        methods.update(c.methods)
        listen |= c.listen
        enum.update(c.enum)
    return props, methods, listen, enum


# -- virtual Live -------------------------------------------------------------------------------
def _raw_member(cls, name):
    for owner in cls.__mro__:
        if name in vars(owner):
            raw = vars(owner)[name]
            return owner, (raw.inner if isinstance(raw, since) else raw)
    return None, None


def _virtual_args(func):
    params = list(inspect.signature(func).parameters.values())[1:]
    return [(p.name, p.default is not inspect.Parameter.empty) for p in params]


def virtual_classes():
    """[(module_name, qualname, class)] for virtual Live's public classes, nested ones included."""
    from . import Live
    out = []

    def walk(module_name, qual, cls):
        out.append((module_name, qual, cls))
        for name, value in sorted(vars(cls).items()):
            if inspect.isclass(value) and not name.startswith("_") and value.__qualname__.endswith(name):
                walk(module_name, qual + "." + name, value)

    for module_name in Live.MODULES:
        module = getattr(Live, module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value):
                walk(module_name, name, value)
    return out


def compare(stubs=None):
    """(problems, coverage): problems are strings; coverage is [(module.class, implemented, total)]."""
    from . import Live
    stubs = stubs or parse_stubs()
    problems, coverage = [], []
    for module_name, qual, cls in virtual_classes():
        where = "%s.%s" % (module_name, qual)
        stub = stubs.get(module_name, ({}, {}))[0].get(qual)
        if stub is None:
            problems.append("%s: no such class in Live" % where)
            continue
        props, methods, listen, enum = _stub_view(stubs, stub)
        implemented = 0
        for name in sorted(dir(cls)):
            if name.startswith("_"):
                continue
            owner, raw = _raw_member(cls, name)
            if owner is None or owner in BUILTIN_OWNERS:
                continue
            if issubclass(cls, LiveEnum) and name in BOOST_ENUM_MEMBERS:
                continue
            if inspect.isclass(raw):
                continue
            if isinstance(raw, int) and not isinstance(raw, bool):
                if enum.get(name) != int(raw):
                    problems.append("%s.%s = %r, Live has %r" % (where, name, int(raw), enum.get(name)))
                continue
            if isinstance(raw, property) or type(raw).__name__ == "member_descriptor":
                if name not in props:
                    problems.append("%s.%s: Live has no such property" % (where, name))
                    continue
                settable = type(raw).__name__ == "member_descriptor" or raw.fset is not None
                if settable and not props[name]:
                    problems.append("%s.%s: settable here, read-only in Live" % (where, name))
                if name in listen and not hasattr(cls, "add_%s_listener" % name):
                    problems.append("%s.%s: listenable in Live, not here" % (where, name))
                implemented += 1
                continue
            if callable(raw):
                if name not in methods:
                    problems.append("%s.%s(): Live has no such method" % (where, name))
                    continue
                if _virtual_args(raw) != methods[name] and _virtual_args(raw) != OVERLOADS.get((where, name)):
                    problems.append("%s.%s(): arguments %s, Live has %s" % (where, name, _virtual_args(raw),
                                                                             methods[name]))
                if not (name.startswith("add_") or name.startswith("remove_") or name.endswith("_has_listener")):
                    implemented += 1
                elif name.startswith("add_"):
                    implemented += 1 if name[4:-len("_listener")] not in props else 0
                continue
            problems.append("%s.%s: unexpected member %r" % (where, name, raw))
        listener_only = set(n[4:-len("_listener")] for n in methods if n.startswith("add_")) - set(props)
        plain = [n for n in methods if not (n.startswith("add_") or n.startswith("remove_") or
                                            n.endswith("_has_listener") or n.startswith("__"))]
        total = len(props) + len(plain) + len(listener_only) + len(enum)
        implemented += len([n for n in enum if n in vars(cls)])
        coverage.append((where, implemented, total))
    for module_name in Live.MODULES:
        module = getattr(Live, module_name)
        functions = stubs.get(module_name, ({}, {}))[1]
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value):
                if name not in functions:
                    problems.append("%s.%s(): Live has no such function" % (module_name, name))
                else:
                    args = [(p.name, p.default is not inspect.Parameter.empty)
                            for p in inspect.signature(value).parameters.values()]
                    if args != functions[name]:
                        problems.append("%s.%s(): arguments %s, Live has %s" % (module_name, name, args,
                                                                                 functions[name]))
    return problems, coverage


def report(out=None):
    """Print coverage per class and any conformance problem; returns the problems."""
    out = out or sys.stdout
    problems, coverage = compare()
    implemented = sum(c[1] for c in coverage)
    total = sum(c[2] for c in coverage)
    out.write("virtual Live vs ableton-live-stubs: %d of %d members of the classes it models\n" % (implemented, total))
    for where, done, of in coverage:
        out.write("  %-36s %4d / %-4d\n" % (where, done, of))
    if problems:
        out.write("%d conformance problem(s):\n" % len(problems))
        for problem in problems:
            out.write("  - %s\n" % problem)
    else:
        out.write("no conformance problems\n")
    return problems


def main():
    return 1 if report() else 0


if __name__ == "__main__":
    sys.exit(main())
