#!/usr/bin/env bash
# Creates bench/peers/.venv (gitignored) with OR-Tools for the TSP / CVRP comparisons.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet -r "$here/requirements-routes.txt"
"$here/.venv/bin/python" -c "import ortools; print('ortools', ortools.__version__)"
