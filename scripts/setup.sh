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
# Python for the cross-checks (JSON Schema validation of the bundled instruments), and the tools
# the export tests open the exports with as a user would: PSPP (runs the .sps, reads the .sav),
# ReadStat's command line, xmllint (validates the DDI codebook against its XSD), and R with readr
# and haven (runs the exported R script). GLPK is the linear-programming solver of the disclosure
# audit; zlib's headers are for ZIPFoundation (XLSForm import).
packages=(libsqlite3-dev libreadstat-dev libglpk-dev pkg-config tmux python3 pspp readstat
  libxml2-utils r-base-core r-cran-readr r-cran-haven zlib1g-dev)
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
# independent cross-check of the descriptive statistics; pyreadstat reads the .sav and .dta
# exports; frictionless validates the datapackage.json; SciPy's linprog is the independent
# attacker of the disclosure tests.)
if ! python3 -c "import jsonschema, yaml, pandas, scipy" 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    python3-jsonschema python3-yaml python3-pandas python3-scipy >/dev/null 2>&1 || true
fi
python_modules=(jsonschema:jsonschema yaml:pyyaml pandas:pandas pyreadstat:pyreadstat frictionless:frictionless
  scipy:scipy)
pip_missing=()
for entry in "${python_modules[@]}"; do
  python3 -c "import ${entry%%:*}" 2>/dev/null || pip_missing+=("${entry#*:}")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "setup: installing the Python modules ${pip_missing[*]} with pip" >&2
  python3 -m pip install --quiet "${pip_missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${pip_missing[@]}"
fi
# pip may put the frictionless command in a directory that is not on PATH; the tests call it
# as `python3 -m frictionless`, which needs no PATH.
