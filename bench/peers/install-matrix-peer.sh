#!/bin/sh
# Installs the Python peers used in BENCHMARKS.md ("Travel times (road network)") into
# bench/peers/.venv (gitignored): numpy for the synthetic network generator, scipy for
# scipy.sparse.csgraph.dijkstra. Never needed by `swift build` / `swift test`.
set -eu
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet numpy scipy
.venv/bin/python -c "import numpy, scipy; print('numpy', numpy.__version__, 'scipy', scipy.__version__)"
