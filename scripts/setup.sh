#!/usr/bin/env bash
# One-command set-up: installs what is missing, builds Shuraku (release) and runs it on the
# bundled 能登町 sample. Output: out/noto/ (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
ensure_core_deps
swift build -c release --product shuraku
bin=$(swift build -c release --show-bin-path)/shuraku
"$bin" inspect geodata/noto/settlements.geojson
echo "shuraku is at $bin" >&2
