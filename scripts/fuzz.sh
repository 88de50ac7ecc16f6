#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of server/fuzz with clang 16 (libFuzzer + ASan + UBSan) in build-fuzz,
# runs each for FUZZ_SECONDS (default 60), merges the inputs that reach new code into server/fuzz/corpus/<target>/,
# and prints a summary: runs, coverage, new corpus files, crashes. Exits non-zero when a target crashed.
# Usage: scripts/fuzz.sh [target...]        (default: every target; see docs/fuzzing.md)
#   FUZZ_SECONDS=600 make fuzz              longer runs
#   FUZZ_MERGE=0 scripts/fuzz.sh datetime   leave the checked-in corpus as it is
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-60}
merge=${FUZZ_MERGE:-1}
all_targets=(http_request json_fields attachments csv_import datetime placement_instance)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [ -f "server/fuzz/$t.cpp" ] || { echo "unknown fuzz target: $t (one of: ${all_targets[*]})" >&2; exit 2; }
done

scripts/install-deps.sh fuzz

if [ ! -f build-fuzz/build.ninja ]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-16 \
    -DKAKEHASHI_FUZZ=ON -DKAKEHASHI_TESTS=OFF
fi
echo '*' >build-fuzz/.gitignore  # a build tree never shows up in git status
echo "==> building ${targets[*]/#/fuzz_}"
cmake --build build-fuzz -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

run_dir="build-fuzz/runs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
# halt_on_error and abort_on_error: the first report ends the run and leaves the input in artifacts/.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/server/fuzz/lsan.supp:print_suppressions=0"

summary=()
crashed=0
for t in "${targets[@]}"; do
  corpus="server/fuzz/corpus/$t"
  found="build-fuzz/corpus/$t"  # everything found so far: the next run goes on from there
  work="$run_dir/$t"
  mkdir -p "$found" "$work/artifacts" "$corpus"
  echo "==> fuzzing $t for ${seconds}s (log: $work/fuzz.log)"
  started=$(date +%s)
  # New inputs go to the first directory ($found); the checked-in corpus is only read.
  status=0
  "./build-fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$found" "$corpus" >"$work/fuzz.log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))
  artifacts=$(find "$work/artifacts" -type f | wc -l)
  added=0
  if [ "$merge" = 1 ] && [ "$status" -eq 0 ]; then
    # Only inputs that reach code the corpus does not: a set cover over edges (not hit counts), which keeps the
    # checked-in corpus at tens of small files; everything else stays in $found.
    before=$(find "$corpus" -type f | wc -l)
    "./build-fuzz/fuzz_$t" -set_cover_merge=1 -use_counters=0 -use_value_profile=0 "$corpus" "$found" \
      >"$work/merge.log" 2>&1 || { echo "merge failed, see $work/merge.log"; status=1; }
    added=$(( $(find "$corpus" -type f | wc -l) - before ))
  fi
  runs=$(grep -ho 'stat::number_of_executed_units: [0-9]*' "$work/fuzz.log" | tail -1 | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/fuzz.log" | tail -1)
  line=$(printf '%-13s %5ss  runs %-9s %-22s corpus +%-3s crashes %s' "$t" "$elapsed" "${runs:-?}" "${cov:-cov: ?}" "$added" "$artifacts")
  if [ "$status" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
    crashed=1
    line+="  <-- FAILED (exit $status): $work/fuzz.log, inputs in $work/artifacts/"
    grep -m3 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|invariant failed' "$work/fuzz.log" || true
  fi
  summary+=("$line")
done

echo "==> fuzzing summary (${seconds}s per target; logs in $run_dir)"
printf '%s\n' "${summary[@]}"
if [ "$crashed" -ne 0 ]; then
  echo "A target crashed: reproduce with ./build-fuzz/fuzz_<target> <input>; see docs/fuzzing.md."
  exit 1
fi
[ "$merge" = 1 ] && git status --short server/fuzz/corpus | sed 's/^/new corpus file: /' || true
