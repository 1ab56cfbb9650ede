#!/usr/bin/env bash
# Every test: the in-Live tests on Python 3.11 and 3.7 (Live 12.1+ and Live 11/12.0), the dev-side
# tests on 3.11. Installs what it needs, so it works on a fresh machine and inside a venv alike:
# - Python 3.11: inside an activated venv, that venv; otherwise a venv of its own in .venv-test/
#   (Debian's Python refuses `pip install` outside a venv). PY311=/path/to/python picks the base.
# - Python 3.7: $PY37, else the newest of `pyenv root`/versions/3.7.*, else python3.7 on the PATH;
#   its test libraries go into .venv-test/py37. LMAC_ALLOW_NO_PY37=1 accepts a run without it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENVS=.venv-test

# pip's output without the noise; its failure stops the run with the whole log.
pip_install() {
  local py=$1 log
  shift
  log=$(mktemp)
  if ! "$py" -m pip install -q --disable-pip-version-check "$@" >"$log" 2>&1; then
    cat "$log"; rm -f "$log"
    echo "!! pip install $* failed for $py"
    exit 1
  fi
  grep -v -e "Running pip as the 'root'" -e "is ignored: it is neither" "$log" || true
  rm -f "$log"
}

python_is() {   # python_is PYTHON MIN MAX: is PYTHON's version in [MIN, MAX)?
  "$1" -c "import sys; sys.exit(not ($2) <= sys.version_info[:2] < ($3))" 2>/dev/null
}

pyenv_versions() {   # the pythons of pyenv's versions matching $1, newest last
  local root
  root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  ls -d "$root"/versions/$1/bin/python 2>/dev/null | sort -V || true
}

make_venv() {   # make_venv BASE_PYTHON DIR: create DIR once, with pip
  if [ ! -x "$2/bin/python" ]; then
    "$1" -m venv "$2" || { echo "!! $1 -m venv failed (on Debian: apt-get install python3-venv)"; exit 1; }
  fi
}

# ---- Python 3.11 ----------------------------------------------------------------------------------
if [ -z "${PY311:-}" ] && [ -n "${VIRTUAL_ENV:-}" ] && python_is python "3, 11" "4, 0"; then
  PY=python
else
  base=${PY311:-}
  if [ -z "$base" ]; then
    for candidate in python3 python3.11 $(pyenv_versions "3.1[1-9]*" | tac); do
      if python_is "$candidate" "3, 11" "4, 0"; then base=$candidate; break; fi
    done
  fi
  [ -n "$base" ] || { echo "!! no Python 3.11 or newer found: set PY311=/path/to/python3.11"; exit 1; }
  make_venv "$base" "$VENVS/py311"
  PY=$VENVS/py311/bin/python
fi
echo "== installing lmac and its dev dependencies for $($PY --version) ($PY)"
pip_install "$PY" -e ".[dev]"

# ---- Python 3.7 -----------------------------------------------------------------------------------
py37=""
if [ -n "${PY37:-}" ]; then
  python_is "$PY37" "3, 7" "3, 8" || { echo "!! PY37=$PY37 is not a Python 3.7"; exit 1; }
  py37=$PY37
else
  for candidate in $(pyenv_versions "3.7.*" | tac) python3.7; do
    if python_is "$candidate" "3, 7" "3, 8"; then py37=$candidate; break; fi
  done
fi
if [ -n "$py37" ]; then
  export PY37=$py37   # tests/dev run the installed Remote Script on it (python -S: no libraries)
fi

status=0
echo "== in-Live and dev-side tests on $($PY --version)"
"$PY" -m pytest -q tests || status=1

if [ -n "$py37" ]; then
  make_venv "$py37" "$VENVS/py37"
  echo "== in-Live tests on $($VENVS/py37/bin/python --version) (Live 11 and 12.0) from $py37"
  pip_install "$VENVS/py37/bin/python" "lark==1.1.9" "pytest>=7,<8" "hypothesis>=6"
  "$VENVS/py37/bin/python" -m pytest -q -p no:cacheprovider tests/inlive || status=1
else
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! NO PYTHON 3.7 FOUND (\$PY37, \`pyenv root\`/versions/3.7.*, python3.7): the"
  echo "!! in-Live code was NOT tested on the interpreter of Live 11 and 12.0. Install it"
  echo "!! (pyenv install 3.7) or set LMAC_ALLOW_NO_PY37=1 to accept that knowingly."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  [ "${LMAC_ALLOW_NO_PY37:-0}" = 1 ] || status=1
fi
exit $status
