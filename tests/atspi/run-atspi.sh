#!/usr/bin/env bash
# Runs one end-to-end scenario of tests/atspi/scenarios.py against the
# app in the build directory, the way a person or a screen reader would
# drive it: under its own Xvfb display, its own D-Bus session bus and
# accessibility bus, through AT-SPI (dogtail and pyatspi).
#
#   run-atspi.sh APP SCENARIO
#
# Exits 77 (skipped) only where the packages it needs are not installed
# (build-aux/setup.sh installs them).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
app=${1:?"usage: run-atspi.sh APP SCENARIO"}
scenario=${2:?"usage: run-atspi.sh APP SCENARIO"}

skip () {
  echo "SKIP: $* (build-aux/setup.sh installs it)" >&2
  exit 77
}

# Debian's dogtail and pyatspi are there for the system's Python, which
# is not always the first python3 on PATH
python=""
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pyatspi, dogtail' >/dev/null 2>&1; then
    python=$(command -v "$p")
    break
  fi
done
[ -n "$python" ] || skip "python3-dogtail and python3-pyatspi are not installed"
command -v xvfb-run >/dev/null 2>&1 || skip "xvfb-run (xvfb) is not installed"
command -v dbus-run-session >/dev/null 2>&1 || skip "dbus-run-session (dbus-daemon) is not installed"
[ -x /usr/libexec/at-spi-bus-launcher ] || skip "at-spi-bus-launcher (at-spi2-core) is not installed"

# A profile of its own: nothing of the user's is read or written
tmp="$(mktemp -d "${TMPDIR:-/tmp}/cofactor-atspi-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" COFACTOR_DATA_DIR="$tmp/data/cofactor"

# GTK talks AT-SPI on the accessibility bus of this session; the UI
# tests' GTK_A11Y=none must not reach the app
export GTK_A11Y=atspi NO_AT_BRIDGE=0
export COFACTOR_ATSPI_APP="$app"
# The tests' G_DEBUG (fatal warnings) is for the app, not for this
# runner's Python, whose AT-SPI library warns about a vanished window
export COFACTOR_ATSPI_APP_G_DEBUG="${G_DEBUG:-}"
unset G_DEBUG
unset DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS

exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  dbus-run-session -- "$python" "$here/scenarios.py" "$scenario"
