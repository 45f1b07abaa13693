#!/usr/bin/env bash
# Installs what is missing, builds Cofactor and runs the whole test
# suite (under Xvfb for the UI tests).  Ends with "N passed, N failed".
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="${COFACTOR_BUILD_DIR:-$top/_build}"

bash "$top/build-aux/setup.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"

status=0
meson test -C "$build" --print-errorlogs --num-processes 2 || status=$?

python3 "$top/build-aux/test-summary.py" "$build/meson-logs/testlog.json"
exit $status
