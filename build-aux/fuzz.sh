#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang (AddressSanitizer,
# UndefinedBehaviorSanitizer) in their own build directory, runs each for
# SECONDS (default 60) on a copy of its seed corpus, and prints how many
# inputs each ran.  Fails if any harness finds a crash, a leak or
# undefined behaviour; the input is then left as crash-* (or leak-*) in
# the current folder.  See fuzz/README.md.
#
#   build-aux/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="${COFACTOR_FUZZ_BUILD_DIR:-$top/_build-fuzz}"
seconds="${1:-60}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(import amount date)

if ! command -v clang >/dev/null; then
  echo "fuzz.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2
  exit 77
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dgui=disabled -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C "$build" >/dev/null

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

total=0
status=0
for name in "${harnesses[@]}"; do
  corpus="$work/$name"
  mkdir -p "$corpus"
  cp "$top/fuzz/corpus/$name/"* "$corpus/"
  extra=()
  [ -f "$top/fuzz/$name.dict" ] && extra+=("-dict=$top/fuzz/$name.dict")
  log="$work/$name.log"
  rc=0
  "$build/fuzz/fuzz-$name" "${extra[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  runs=${runs:-0}
  total=$((total + runs))
  if [ $rc -ne 0 ]; then
    echo "fuzz-$name: FAILED after $runs inputs (exit $rc)"
    grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$log" | head -n 20 || true
    status=1
  else
    echo "fuzz-$name: $runs inputs in ${seconds} s, no crash ($(ls "$corpus" | wc -l) in the corpus)"
  fi
done
echo "fuzzers: $total inputs in total"
exit $status
