#!/usr/bin/env bash
# One-command set-up: installs what is missing, builds Shuraku (release) and plans the bundled
# 能登町 sample into out/noto/ (open out/noto/plan.gpkg in QGIS, or out/noto/map.svg in a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
ensure_core_deps
swift build -c release --product shuraku
bin=$(swift build -c release --show-bin-path)/shuraku
"$bin" plan --scenario geodata/scenarios/noto-30min-1000.json --out out/noto
echo "shuraku is at $bin; the sample plan is in out/noto/" >&2
