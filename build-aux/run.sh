#!/usr/bin/env bash
# Installs what is missing, builds Cofactor and starts it from the build
# directory.  Extra arguments go to the app (e.g. --demo).
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="${COFACTOR_BUILD_DIR:-$top/_build}"

bash "$top/build-aux/setup.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"

exec meson devenv -C "$build" "$build/src/ui/cofactor" "$@"
