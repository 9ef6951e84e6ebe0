#!/usr/bin/env bash
# Runs every test. Installs what is missing first, so it works on a fresh Debian/Ubuntu machine.
#   scripts/test.sh            everything (what CI runs)
#   scripts/test.sh --quick    the Swift test suite only
# Steps: lint (swift-format) → Swift tests (unit, real data, CLI end to end) → the API documentation with no DocC
# warnings (scripts/docs.sh) → the README's library example and the DocC tutorial, built in a
# package that depends on this one (scripts/readme-example.sh) → scripts/e2e.sh (release plan on the
# sample: byte-identical reruns, RFC 7946, real QGIS, compare, notebook) → the test suite under
# AddressSanitizer and ThreadSanitizer → a bounded fuzz run of every parser (SHURAKU_FUZZ_SECONDS,
# default 10 s per target).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
ensure_core_deps
start=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - start )) s)"; }

step "lint"
scripts/lint.sh

step "python helpers"
# Tests/tools/maxp_milp.py (the exact max-p reference of the planner tests) needs highspy; bridges_nx.py needs networkx.
apt_install python3-venv
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q -r Tests/tools/requirements.txt

step "swift test"
swift test

[ "${1:-}" = "--quick" ] && exit 0

step "documentation"
scripts/docs.sh
step "README library example"
scripts/readme-example.sh

step "end to end"
scripts/e2e.sh

# Under the sanitizers, leave out the size check of the core scores and the exact-MILP comparison
# (a Python process; minutes under ASan): the plain run above has checked them.
sanitizer_skip='CoreScoreTests/scale|MostCountMILPTests'
step "AddressSanitizer"
LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp SWIFT_BACKTRACE=enable=no swift test --scratch-path .build-asan --sanitize=address --disable-xctest -Xswiftc -use-ld=lld --skip "$sanitizer_skip"
step "ThreadSanitizer"
SWIFT_BACKTRACE=enable=no swift test --scratch-path .build-tsan --sanitize=thread --disable-xctest -Xswiftc -use-ld=lld --skip "$sanitizer_skip"

step "fuzz"
scripts/fuzz.sh "${SHURAKU_FUZZ_SECONDS:-10}"
step "all tests passed"
