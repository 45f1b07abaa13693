#!/usr/bin/env bash
# Measures Cofactor's start-up, import, insights and logging against
# their references and prints the figures (it is not a pass/fail test):
#
#   build-aux/measure-performance.sh [-n RUNS] [--no-gui] [--no-cli] [--instructions]
#
# Start-up: a GTK 4 hello world (a label in a window), a libadwaita hello
# world (header bar and label), Cofactor on an empty profile, Cofactor
# --demo and Cofactor on the ten-year diary below (imported once, a copy
# of it for each start) are started in turn, RUNS times (default 7) under one
# Xvfb display; for each, the median time from exec to the end of the
# window's first painted frame, its ratio to the libadwaita hello world
# (of the medians, and paired: the median of each round's ratio to the
# hello world of the same round), the processor time it had used by that frame (less disturbed by other
# work on a busy machine than the wall time), and the median peak memory
# (RSS, measured a second after that frame so that work put off until
# then counts).  The programs report the frame
# through COFACTOR_FIRST_FRAME_FD (see tests/perf/perf-launch.c).
#
# On a generated ten-year diary (src/tools/cofactor-gen-diary, the same
# file every time): the wall time and peak memory of `cofactor-cli
# import`, the insights of 365 days and of ten years inside the process
# (tests/perf/bench-insights.c), and the fdatasync/fsync calls each of
# 300 `cofactor-cli log` makes on that diary (strace).
#
# With --instructions (needs valgrind), it also counts the instructions
# the main thread of the libadwaita hello world and of Cofactor executes
# up to the first frame, under callgrind, three times each.  Unlike the
# times, that count hardly moves with the load of the machine, so it
# shows changes of a few per cent that the times cannot.
#
# Uses the build in _build (or $COFACTOR_BUILD_DIR); GSK_RENDERER defaults
# to cairo, as in the UI tests (under Xvfb GL is software rendering).
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="${COFACTOR_BUILD_DIR:-$top/_build}"
runs=7
gui=1
cli=1
instructions=0
while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    --no-gui) gui=0; shift ;;
    --no-cli) cli=0; shift ;;
    --instructions) instructions=1; shift ;;
    *) echo "usage: $0 [-n RUNS] [--no-gui] [--no-cli] [--instructions]" >&2; exit 2 ;;
  esac
done

if [ "${_COFACTOR_IN_XVFB:-}" != 1 ]; then
  meson compile -C "$build" >/dev/null
  if [ $gui = 1 ]; then
    export _COFACTOR_IN_XVFB=1
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" -n "$runs" \
      $([ $cli = 1 ] || echo --no-cli) $([ $instructions = 0 ] || echo --instructions)
  fi
fi

perf="$build/tests/perf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# command_of NAME: sets cmd to the command line of a measured program
command_of () {
  case $1 in
    gtk-hello) cmd=("$perf/hello-gtk") ;;
    adw-hello) cmd=("$perf/hello-adw") ;;
    cofactor) cmd=("$build/src/ui/cofactor") ;;
    cofactor-demo) cmd=("$build/src/ui/cofactor" --demo) ;;
    cofactor-10y) cmd=("$build/src/ui/cofactor") ;;
  esac
}

# ten_year_diary: sets diary to the generated ten-year diary (JSON),
# made once in the build directory
ten_year_diary () {
  local data="$build/perf-data"
  diary="$data/diary-10y.json"
  mkdir -p "$data"
  [ -f "$diary" ] || "$build/src/tools/cofactor-gen-diary" "$build/data/foods/foods.db" 3650 "$diary" >/dev/null
}

# median FILE COLUMN: the median of a column of numbers; the lines of
# failed runs (dashes) are left out
median () {
  { grep -v '^-' "$1" || true; } | sort -g -k"$2","$2" |
    awk -v c="$2" '{ v[NR] = $c } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

if [ $gui = 1 ]; then
  export GSK_RENDERER="${GSK_RENDERER:-cairo}" GTK_A11Y=none ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1
  export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" COFACTOR_LOCALEDIR="$build/po"

  ten_year_diary
  mkdir -p "$work/ten-years"
  COFACTOR_DATA_DIR="$work/ten-years" COFACTOR_FOODS_DB="$build/data/foods/foods.db" LC_ALL=C.UTF-8 \
    "$build/src/cli/cofactor-cli" import "$diary" > /dev/null

  names=(gtk-hello adw-hello cofactor cofactor-demo cofactor-10y)
  # Each round starts with a different program, so none always comes
  # first after a pause
  for ((r = 0; r < runs; r++)); do
    for ((k = 0; k < ${#names[@]}; k++)); do
      name=${names[$(((r + k) % ${#names[@]}))]}
      profile="$work/profile-$name-$r"
      mkdir -p "$profile"
      [ "$name" != cofactor-10y ] || cp "$work/ten-years/cofactor.db" "$profile/"
      command_of "$name"
      # A failed start leaves a line of dashes, so that line r of each
      # file stays round r (see "paired" below)
      COFACTOR_DATA_DIR="$profile" XDG_DATA_HOME="$profile" TMPDIR="$profile" \
        "$perf/perf-launch" 1000 "${cmd[@]}" >> "$work/$name.txt" 2>> "$work/stderr.txt" ||
        { echo "- - -" >> "$work/$name.txt"; echo "measure-performance: $name failed, see below" >&2; }
    done
  done

  echo "Start-up under Xvfb ($runs interleaved runs each, GSK_RENDERER=$GSK_RENDERER)"
  adw_ms=$(median "$work/adw-hello.txt" 1)
  adw_rss=$(median "$work/adw-hello.txt" 2)
  adw_cpu=$(median "$work/adw-hello.txt" 3)
  printf '%-16s %12s %8s %8s %14s %8s %12s %8s\n' program "first frame" ratio paired "peak RSS" ratio "CPU to it" ratio
  for name in "${names[@]}"; do
    ms=$(median "$work/$name.txt" 1)
    rss=$(median "$work/$name.txt" 2)
    cpu=$(median "$work/$name.txt" 3)
    # Round by round against the libadwaita hello world started in the
    # same round, so that a change of the machine's load between rounds
    # falls on both
    paste -d' ' "$work/$name.txt" "$work/adw-hello.txt" | awk '$1 + 0 > 0 && $4 + 0 > 0 { print $1 / $4 }' \
      > "$work/$name-paired.txt"
    paired=$(median "$work/$name-paired.txt" 1)
    printf '%-16s %9s ms %7.2fx %7.2fx %10.1f MiB %7.2fx %9s ms %7.2fx\n' "$name" "$ms" \
      "$(echo "$ms / $adw_ms" | bc -l)" "$paired" "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss / $adw_rss" | bc -l)" \
      "$cpu" "$(echo "$cpu / $adw_cpu" | bc -l)"
  done
  echo "(ratios against adw-hello: of the medians, and \"paired\", the median of each round's ratio to the adw-hello of"
  echo " the same round; \"CPU to it\": processor time the program used until that frame, all its threads;"
  echo " each run's first frame: $(for n in "${names[@]}"; do printf '%s: %s; ' "$n" "$(cut -d' ' -f1 "$work/$n.txt" | tr '\n' ' ')"; done))"
  [ -s "$work/stderr.txt" ] && { echo "stderr of the programs:"; sort "$work/stderr.txt" | uniq -c | head -20; }
  echo

  if [ $instructions = 1 ]; then
    if ! command -v valgrind >/dev/null; then
      echo "--instructions: valgrind is not installed" >&2
    else
      # The program is ended as soon as it reports its first frame; the
      # main thread's counts are in the files ending in -01
      echo "Instructions of the main thread up to the first frame (callgrind, 3 runs each, millions)"
      adw_instr=
      for name in adw-hello cofactor cofactor-demo; do
        counts=()
        for ((r = 0; r < 3; r++)); do
          profile="$work/instr-$name-$r"
          mkdir -p "$profile"
          command_of "$name"
          COFACTOR_DATA_DIR="$profile" XDG_DATA_HOME="$profile" TMPDIR="$profile" \
            "$perf/perf-launch" 0 valgrind -q --tool=callgrind --separate-threads=yes \
            --callgrind-out-file="$profile/callgrind.out" "${cmd[@]}" > /dev/null 2>> "$work/stderr.txt" || true
          counts+=("$(sed -n 's/^summary: //p' "$profile"/callgrind.out-01 2>/dev/null | awk '{ printf "%.0f", $1 / 1e6 }')")
        done
        lowest=$(printf '%s\n' "${counts[@]}" | sort -n | head -n1)
        [ -n "$adw_instr" ] || adw_instr=$lowest
        printf '%-16s %6s M (runs: %s)  %5.2fx\n' "$name" "$lowest" "${counts[*]}" "$(echo "$lowest / $adw_instr" | bc -l)"
      done
      echo "(the lowest of the runs, and its ratio to adw-hello's lowest)"
      echo
    fi
  fi
fi

if [ $cli = 1 ]; then
  ten_year_diary
  n_entries=$(grep -c '"id":' "$diary" || true)
  export COFACTOR_FOODS_DB="$build/data/foods/foods.db" GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8

  echo "Ten-year diary: $n_entries entries, $(($(stat -c %s "$diary") / 1024 / 1024)) MiB of JSON"
  profile="$work/import"
  mkdir -p "$profile"
  COFACTOR_DATA_DIR="$profile" /usr/bin/time -f '%e %M' -o "$work/import-time.txt" \
    "$build/src/cli/cofactor-cli" import "$diary" > "$work/import.txt"
  read -r secs kib < "$work/import-time.txt"
  printf 'import:          %6.2f s, peak RSS %6.1f MiB  (%s)\n' "$secs" "$(echo "$kib / 1024" | bc -l)" \
    "$(tail -n1 "$work/import.txt")"

  # Ranges that end on a month's last day, and in the middle of a month
  # (the charts then sum the days outside whole months from the entries)
  for last in 2026-11-30 2026-11-15; do
    "$perf/bench-insights" "$profile/cofactor.db" "$build/data/foods/foods.db" "$last" "$runs" |
      while read -r key value; do
        printf '%-16s %7s ms (median of %s, in process, to %s)\n' "${key%_ms}:" "$value" "$runs" "$last"
      done
  done

  if command -v strace >/dev/null; then
    # A checkpoint syncs once per a few hundred logs: enough logs to meet one
    logs=300
    : > "$work/syncs.txt"
    for ((i = 0; i < logs; i++)); do
      COFACTOR_DATA_DIR="$profile" strace -f -qq -e trace=fdatasync,fsync -o "$work/strace.txt" \
        "$build/src/cli/cofactor-cli" log 2026-11-30 snacks usda:01009 30g > /dev/null
      grep -c 'sync(' "$work/strace.txt" >> "$work/syncs.txt" || true
    done
    printf 'log one entry:   fdatasync+fsync calls of `cofactor-cli log` on that diary, %d logs: mean %s; %s\n' "$logs" \
      "$(awk '{ s += $1 } END { printf "%.2f", s / NR }' "$work/syncs.txt")" \
      "$(sort -n "$work/syncs.txt" | uniq -c | awk '{ printf "%s%d calls in %d logs", (NR > 1 ? ", " : ""), $2, $1 }')"
  else
    echo "log one entry:   strace is missing, not measured"
  fi
fi
