#!/usr/bin/env bash
# Every test: the in-Live tests on Python 3.11 and 3.7 (Live 12.1+ and Live 11/12.0), the dev-side
# tests on 3.11. Installs what it needs, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

PY311=${PY311:-python3}
echo "== installing lmac and its dev dependencies for $($PY311 --version)"
$PY311 -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v -e "Running pip as the 'root'" -e "is ignored: it is neither" || true

py37() { PYENV_VERSION=3.7.16 python "$@"; }
have37=1
if ! py37 --version 2>/dev/null | grep -q "3\.7"; then have37=0; fi

status=0
echo "== in-Live and dev-side tests on $($PY311 --version)"
$PY311 -m pytest -q tests || status=1

if [ "$have37" = 1 ]; then
  echo "== in-Live tests on $(py37 --version) (Live 11 and 12.0)"
  py37 -m pip install -q --disable-pip-version-check "lark==1.1.9" "pytest>=7,<8" 2>&1 | grep -v -e "Running pip as the 'root'" -e "is ignored: it is neither" || true
  py37 -m pytest -q -p no:cacheprovider tests/inlive || status=1
else
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! NO PYTHON 3.7 FOUND (PYENV_VERSION=3.7.16 python): the in-Live code was NOT"
  echo "!! tested on the interpreter of Live 11 and 12.0. Set LMAC_ALLOW_NO_PY37=1 to"
  echo "!! accept that knowingly."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  [ "${LMAC_ALLOW_NO_PY37:-0}" = 1 ] || status=1
fi
exit $status
