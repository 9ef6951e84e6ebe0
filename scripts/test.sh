#!/usr/bin/env bash
# Runs every test: the Swift test suite (unit, real-data and end-to-end CLI tests).
# Installs what is missing first, so it works on a fresh Debian/Ubuntu machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
ensure_core_deps
swift test
