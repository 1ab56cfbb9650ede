"""Python 3.7, the interpreter of Live 11 and 12.0: $PY37 (tests/run.sh sets it), else pyenv's
newest 3.7.* (tests run the installed Remote Script on it with `python -S`, so it needs no libraries)."""
import glob
import os
import re


def find_py37():
    if os.environ.get("PY37"):
        return os.environ["PY37"]
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    found = glob.glob(os.path.join(root, "versions", "3.7.*", "bin", "python"))
    found.sort(key=lambda path: [int(n) for n in re.findall(r"\d+", os.path.basename(os.path.dirname(os.path.dirname(path))))])
    return found[-1] if found else "python3.7"


PY37 = find_py37()
