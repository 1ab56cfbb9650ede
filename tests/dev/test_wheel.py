"""lmac as users install it: the wheel and the sdist built from this checkout (`python -m build`
builds the wheel from the sdist, so both must be whole), the wheel installed with its
dependencies into a fresh venv in a temporary folder outside the checkout, and the README's
commands run there. The wheel must hold every module and runtime file of the checkout (a
subpackage left out once broke run, eval, repl, docs and install) and no tests or caches."""
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from lmac import cli

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNTIME_FILES = re.compile(r"^(stdlib_macros/.*\.lmac|examples/.*\.lmac|grammar/[^/]*\.lark|"
                           r"surface/virtual_live/sets/[^/]*\.json)$")
NOT_SHIPPED = ("tests/", "setup.py")


def checkout_files():
    """The checkout's own files (tracked, or new and not ignored), relative to the root."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                         cwd=ROOT, capture_output=True, check=True)
    return {p for p in out.stdout.decode("utf-8").split("\0")
            if p and os.path.isfile(os.path.join(ROOT, p))}


def checkout_modules():
    return {p for p in checkout_files() if p.endswith(".py") and not p.startswith(NOT_SHIPPED)}


def run(cmd, cwd, env, stdin=None, timeout=300):
    return subprocess.run(cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=timeout)


def in_checkout(argv):
    """The same command run from this checkout (in this process): (exit status, stdout)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(argv)
    return status, out.getvalue()


def without_ms(text):
    return re.sub(r"(?m)^(\s*\d+\.\d+\.\d+)\s+\d+ ms  ", r"\1 ms  ", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import importlib.util
    assert importlib.util.find_spec("build"), "the wheel is built with `build`: pip install -e \".[dev]\""
    dist = tmp_path_factory.mktemp("dist")
    out = run([sys.executable, "-m", "build", "--outdir", str(dist), ROOT], cwd=str(dist), env=os.environ.copy())
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    wheels = [f for f in os.listdir(str(dist)) if f.endswith(".whl")]
    sdists = [f for f in os.listdir(str(dist)) if f.endswith(".tar.gz")]
    assert len(wheels) == 1 and len(sdists) == 1, os.listdir(str(dist))
    return os.path.join(str(dist), wheels[0])


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory):
    """A fresh venv outside the checkout with the wheel installed; commands run from `home`."""
    home = tmp_path_factory.mktemp("user")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    out = run([sys.executable, "-m", "venv", str(home / "venv")], cwd=str(home), env=env)
    assert out.returncode == 0, out.stderr
    bin_dir = str(home / "venv" / "bin")
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(home / "venv")
    env["LMAC_CACHE_DIR"] = str(home / "cache")     # uninstall removes lmac's cache: not the real one
    out = run([os.path.join(bin_dir, "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", built],
              cwd=str(home), env=env)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return str(home), env, bin_dir


def lmac(venv, *args, stdin=None):
    home, env, bin_dir = venv
    return run([os.path.join(bin_dir, "lmac")] + list(args), cwd=home, env=env, stdin=stdin)


def test_wheel_holds_every_module_and_runtime_file_and_no_tests(built):
    with zipfile.ZipFile(built) as wheel:
        names = wheel.namelist()
    shipped = {n[len("lmac/"):] for n in names if n.startswith("lmac/")}
    assert {n for n in shipped if n.endswith(".py")} == checkout_modules()
    runtime = {p for p in checkout_files() if RUNTIME_FILES.match(p)}
    assert len(runtime) > 20 and runtime <= shipped
    assert not [n for n in names if "tests/" in n or "__pycache__" in n or n.endswith((".pyc", ".pyo"))]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_installed_package_is_the_wheel_not_the_checkout(venv):
    home, env, bin_dir = venv
    out = run([os.path.join(bin_dir, "python"), "-c",
               "import lmac, lmac.editor_support.lsp_server, lmac.editor_support.terminal_repl; print(lmac.__file__)"],
              cwd=home, env=env)
    assert out.returncode == 0, out.stderr      # the REPL editor and language server have their libraries
    assert out.stdout.strip().startswith(os.path.join(home, "venv")) and ROOT not in out.stdout


def test_version_and_eval(venv):
    from lmac import __version__
    out = lmac(venv, "--version")
    assert (out.returncode, out.stdout) == (0, "lmac %s\n" % __version__)
    out = lmac(venv, "eval", "(+ 1 2)")
    assert (out.returncode, out.stdout) == (0, "3\n"), out.stderr


def test_run_and_check_print_what_the_checkout_prints(venv):
    home = venv[0]
    example = os.path.join(home, "first-macro.lmac")
    shutil.copyfile(os.path.join(ROOT, "examples", "first-macro.lmac"), example)
    broken = os.path.join(home, "broken.lmac")
    shutil.copyfile(os.path.join(ROOT, "tests", "dev", "fixtures", "broken.lmac"), broken)
    for argv in (["run", example], ["check", example], ["check", broken]):
        out = lmac(venv, *argv)
        expected_status, expected_out = in_checkout(argv)
        # Macros run in slices of real time (4 ms a tick), so on a loaded machine a line may land
        # a tick later in one of the two runs: compare the timelines without their ms stamps.
        assert (out.returncode, without_ms(out.stdout)) == (expected_status, without_ms(expected_out)), \
            (argv, out.stderr)
    assert "final set" in lmac(venv, "run", example).stdout
    assert lmac(venv, "check", broken).returncode != 0


def test_repl_over_a_pipe(venv):
    out = lmac(venv, "repl", stdin="(+ 1 2)\n(str \"a\" 1)\n")
    assert (out.returncode, out.stdout.splitlines()[-2:]) == (0, ["3", '"a1"']), out.stderr


def test_install_uninstall_install_into_a_user_library(venv):
    ul = os.path.join(venv[0], "User Library")
    os.makedirs(ul)
    package = os.path.join(ul, "Remote Scripts", "lmac")
    out = lmac(venv, "install", "--user-library", ul)
    assert out.returncode == 0, out.stderr
    assert "lark 1.1.9" in out.stdout
    for rel in ("__init__.py", "surface/bindings/__init__.py", "surface/actions/families/__init__.py",
                "stdlib_macros/prelude.lmac", "lark/__init__.py", ".lmac-manifest.json"):
        assert os.path.isfile(os.path.join(package, rel)), rel
    init = os.path.join(ul, "lmac", "init.lmac")
    with open(init, "a", encoding="utf-8") as f:
        f.write("; mine\n")
    out = lmac(venv, "uninstall", "--user-library", ul)
    assert out.returncode == 0, out.stderr
    assert not os.path.exists(package) and open(init, encoding="utf-8").read().endswith("; mine\n")
    out = lmac(venv, "install", "--user-library", ul)
    assert out.returncode == 0 and "kept your" in out.stdout, out.stderr
    assert os.path.isfile(os.path.join(package, "lark", "__init__.py"))


def test_developer_commands_without_the_dev_extra_say_what_to_install(venv):
    out = lmac(venv, "conformance")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and "pip install ableton-live-stubs" in out.stderr


def test_docs_write_needs_a_path_outside_a_checkout(venv):
    out = lmac(venv, "docs", "--write")
    assert out.returncode == 2 and "not a checkout" in out.stderr
    target = os.path.join(venv[0], "reference.md")
    out = lmac(venv, "docs", "--write", target)
    assert out.returncode == 0, out.stderr
    assert open(target, encoding="utf-8").read() == in_checkout(["docs"])[1]
