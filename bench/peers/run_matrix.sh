#!/bin/sh
# Travel-time benchmark of BENCHMARKS.md ("Travel times (road network)"): shuraku-bench matrix
# beside scipy.sparse.csgraph.dijkstra(limit=) on the very same exported graph and sources.
#
#   bench/peers/run_matrix.sh            # all scenarios
#   bench/peers/run_matrix.sh noto       # one scenario: noto, noto-60, 100k-1000, 100k-10000, 1m-1000,
#                                        # 1m-10000, straight-plan, straight-japan
#
# Synthetic networks are generated into bench/data/ (gitignored) on first use.
set -eu
cd "$(dirname "$0")/../.."
bench/peers/.venv/bin/python -c "import numpy, scipy" 2>/dev/null || bench/peers/install-matrix-peer.sh
PY=bench/peers/.venv/bin/python
D=bench/data
mkdir -p "$D"
gen() {  # gen NAME NODES SETTLEMENTS
    [ -f "$D/synth-$1-roads.geojson" ] && return
    $PY "${SHURAKU_SHARED:-../shared}/tools/synth_roads.py" --nodes "$2" --seed 1 --settlements "$3" \
        --out "$D/synth-$1-roads.geojson" --settlements-out "$D/synth-$1-settlements.geojson"
}
swift build -c release --product shuraku-bench >/dev/null
BENCH=.build/release/shuraku-bench
NOTO=${SHURAKU_SHARED:-../shared}/geodata-real/noto-town-ishikawa
run() {  # run NAME ROADS SETTLEMENTS CUTOFF SOURCES
    echo "== $1 (cutoff $4 min, $5 sources)"
    for w in 2 1; do
        printf 'swift workers=%s: ' "$w"
        $BENCH matrix --roads "$2" --settlements "$3" --cutoff-min "$4" --sources "$5" --workers "$w" \
            --repeat "${REPEAT:-3}" --export-csr "$D/csr-$1"
    done
    printf 'scipy:           '
    $PY bench/peers/scipy_matrix.py "$D/csr-$1"
}
want() { [ -z "$1" ] || [ "$1" = "$2" ]; }
SEL=${1:-}
if want "$SEL" noto; then run noto "$NOTO/roads.geojson" "$NOTO/settlements.geojson" 30 195; fi
if want "$SEL" noto-60; then run noto-60 "$NOTO/roads.geojson" "$NOTO/settlements.geojson" 60 195; fi
for n in 1000 10000; do
    if want "$SEL" "100k-$n"; then gen 100k 100000 10000; run "100k-$n" "$D/synth-100k-roads.geojson" "$D/synth-100k-settlements.geojson" 30 "$n"; fi
done
for n in 1000 10000; do
    if want "$SEL" "1m-$n"; then gen 1m 1000000 50000; run "1m-$n" "$D/synth-1m-roads.geojson" "$D/synth-1m-settlements.geojson" 30 "$n"; fi
done
# Straight-line mode (no road layer): 2015 small areas, one prefecture as one plan (青森県,
# 4,386 points) and all 182,869 points in per-municipality groups.
J=${SHURAKU_SHARED:-../shared}/geodata-real/japan-small-areas-2015/small_area_points.csv
if want "$SEL" straight-plan; then
    echo "== straight-line, 青森県 as one plan (cutoff 30 min)"
    $BENCH matrix --settlements "$J" --filter pref_code=02 --cutoff-min 30 --repeat "${REPEAT:-3}"
fi
if want "$SEL" straight-japan; then
    echo "== straight-line, Japan per municipality (cutoff 30 min)"
    $BENCH matrix --settlements "$J" --group-field city_code --cutoff-min 30
fi
