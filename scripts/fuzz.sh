#!/usr/bin/env bash
# Fuzzes every parser Shuraku wrote itself with libFuzzer (+ AddressSanitizer), in parallel pairs.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 30 s, every target)
# Seeds come from Fuzz/corpus/<target>/ (kept in the repository); new inputs found go to a
# scratch corpus; a crash, leak or timeout fails the run and leaves the input in .build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario args speedtable tsplib cvrp pmed csv demand osmtags service facilities projections savedplan edited)

if ! log=$(swift build --scratch-path .build-fuzz -c release --product shuraku-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1); then
  echo "$log" | grep -E "error" | head -20; exit 1
fi
bin=$(swift build --scratch-path .build-fuzz -c release --show-bin-path)/shuraku-fuzz
art=.build-fuzz/artifacts
mkdir -p "$art"

run_one() {
  local t=$1 scratch=.build-fuzz/corpus/$1
  mkdir -p "$scratch"
  if SHURAKU_FUZZ_TARGET=$t SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=scripts/lsan.supp "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$art/$t-" -print_final_stats=1 "$scratch" "Fuzz/corpus/$t" >".build-fuzz/$t.log" 2>&1; then
    echo "fuzz $t: $(grep -E '^stat::number_of_executed_units' ".build-fuzz/$t.log" | awk '{print $2}') runs in ${seconds}s, no crash"
  else
    echo "fuzz $t: FAILED (see .build-fuzz/$t.log and $art/)"; tail -30 ".build-fuzz/$t.log"; return 1
  fi
}

status=0
i=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  i=$((i + 1))
  if [ $((i % 2)) -eq 0 ]; then for p in "${pids[@]}"; do wait "$p" || status=1; done; pids=(); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
