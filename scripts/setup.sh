#!/usr/bin/env bash
# Installs what a fresh Debian machine with the Swift toolchain lacks for building, testing and
# running peersurvey. Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain is not on PATH; install it from https://swift.org/install first." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: not root and no sudo; packages cannot be installed automatically." >&2
  fi
fi

# System packages: SQLite headers for GRDB, ReadStat for .sav/.dta, tmux for the screen tests,
# Python for the cross-checks (JSON Schema validation of the bundled instruments).
packages=(libsqlite3-dev libreadstat-dev pkg-config tmux python3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python modules used by the tests. Debian's packages first; pip only for a python3 (pyenv,
# venv) that cannot see them.
# (jsonschema and pyyaml validate the bundled instruments against the schema; pandas is the
# independent cross-check of the descriptive statistics.)
if ! python3 -c "import jsonschema, yaml, pandas" 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    python3-jsonschema python3-yaml python3-pandas >/dev/null 2>&1 || true
fi
if ! python3 -c "import jsonschema, yaml, pandas" 2>/dev/null; then
  echo "setup: installing the Python modules jsonschema, pyyaml and pandas with pip" >&2
  python3 -m pip install --quiet jsonschema pyyaml pandas 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages jsonschema pyyaml pandas
fi
