#!/usr/bin/env bash
# Creates bench/peers/.venv with spopt and PuLP (PuLP ships the CBC solver binary).
# Used only for the comparison in BENCHMARKS.md; `swift test` never needs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet spopt pulp
"$here/.venv/bin/python" -c "import spopt, pulp; print('spopt', spopt.__version__, 'pulp', pulp.__version__)"
