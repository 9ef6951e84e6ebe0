#!/usr/bin/env bash
# Runs spopt's PMedian on pmed1..pmed40, one process per instance: CBC gets CAP seconds
# (default 120), and the whole instance (reading, shortest paths, model building, solving) is
# killed after HARD seconds (default 180). Output: one line per instance, as pmedian_spopt.py
# prints it, or "NAME status=killed s=HARD".
# usage: bench/peers/run-pmedian-peer.sh [PMED_DIR] > results.txt
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-$here/../../../shared/bench/pmed}"
cap="${CAP:-120}"
hard="${HARD:-180}"
for k in $(seq 1 40); do
    if ! timeout "$hard" "$here/.venv/bin/python" "$here/pmedian_spopt.py" --cap "$cap" "$dir/pmed$k.txt"; then
        echo "pmed$k status=killed s=$hard"
    fi
done
