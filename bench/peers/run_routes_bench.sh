#!/usr/bin/env bash
# Runs shuraku-bench tsp/cvrp on the shared instances and OR-Tools (GLS) with the same time
# per instance, and prints the BENCHMARKS.md table rows. Needs: swift build -c release
# --product shuraku-bench, and bench/peers/setup_routes_peer.sh once.
# usage: bench/peers/run_routes_bench.sh [tsp|cvrp|all] [SEED] [PEER_MS]
# PEER_MS, if given, is a fixed OR-Tools time limit instead of "the same time as ours".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${SHURAKU_SHARED:-$root/../shared}"
bench="$root/.build/release/shuraku-bench"
py="$root/bench/peers/.venv/bin/python"
which="${1:-all}"
seed="${2:-1}"
peer_ms="${3:-}"

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

row() {  # kind file optimum-lookup
    local kind="$1" file="$2" name
    name="$(basename "$file")"; name="${name%.*}"
    local ours cost opt gap ms peer pcost pgap
    ours="$("$bench" "$kind" "$file" --seed "$seed")"
    cost="$(echo "$ours" | field cost)"; opt="$(echo "$ours" | field optimum)"
    gap="$(echo "$ours" | field gap)"; ms="$(echo "$ours" | field ms)"
    # OR-Tools gets the same wall time as ours took (at least 1 s: its search needs a start).
    local limit=$(( ms > 1000 ? ms : 1000 ))
    if [[ -n "$peer_ms" ]]; then limit="$peer_ms"; fi
    peer="$("$py" "$root/bench/peers/ortools_routes.py" "$kind" "$file" --time-limit-ms "$limit")"
    pcost="$(echo "$peer" | field cost)"
    pgap="$(awk -v c="$pcost" -v o="$opt" 'BEGIN { if (c == "none") print "–"; else printf "%.2f%%", 100 * (c - o) / o }')"
    echo "| $name | $opt | $cost | $gap | $ms | $pcost | $pgap | $limit |"
}

echo "| instance | optimum | ours cost | ours gap | ours ms | OR-Tools cost | OR-Tools gap | OR-Tools limit ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
if [[ "$which" == tsp || "$which" == all ]]; then
    for f in eil51 berlin52 st70 eil76 kroA100 ch150 kroA200 a280 pcb442 rat783; do
        row tsp "$shared/bench/tsplib/$f.tsp"
    done
fi
if [[ "$which" == cvrp || "$which" == all ]]; then
    for f in X-n101-k25 X-n110-k13 X-n120-k6 X-n143-k7 X-n157-k13 X-n200-k36; do
        row cvrp "$shared/bench/cvrp/$f.vrp"
    done
fi
