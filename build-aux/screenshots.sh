#!/usr/bin/env bash
# Starts Cofactor under Xvfb with the --demo profile and writes
# screenshots of each view, light and dark, plus the add-food dialog and
# a narrow (360 px) window, into a folder (default data/screenshots).
# With --language LL (a language of po/LINGUAS, or "all" for each of
# them) it shoots the diary in that language and its locale's formats
# instead: diary-LL.png (today) and diary-narrow-LL.png (360 px, two days
# back).
#
#   build-aux/screenshots.sh [--language LL|all] [OUTPUT_DIR]
#
# Needs a build in _build (build-aux/run.sh or test.sh makes one) and
# installs xvfb, xdotool and imagemagick if they are missing.
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="${COFACTOR_BUILD_DIR:-$top/_build}"
language=""
if [ "${1:-}" = --language ]; then
  language=${2:?"--language needs a language, e.g. de, or all"}
  shift 2
fi
out="$(realpath -m "${1:-$top/data/screenshots}")"
if [ "$language" = all ]; then
  for l in $(grep -v '^#' "$top/po/LINGUAS"); do
    "$0" --language "$l" "$out"
  done
  exit 0
fi

missing=()
for p in xvfb xauth xdotool imagemagick; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "screenshots: run this as root first (su -c '...'), then again:" >&2
      echo "    apt-get install --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "${_COFACTOR_IN_XVFB:-}" != 1 ]; then
  export _COFACTOR_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" ${language:+--language "$language"} "$out"
fi

# The language's messages, and its locale's numbers and dates (the
# set-up generates these locales)
lang_env=()
if [ -n "$language" ]; then
  case $language in
    *_*) locale_name=$language.UTF-8 ;;
    *) locale_name=${language}_$(echo "$language" | tr '[:lower:]' '[:upper:]').UTF-8 ;;
  esac
  lang_env=(LANGUAGE="$language" LANG="$locale_name" LC_ALL=)
fi

mkdir -p "$out"
export GSK_RENDERER=cairo GTK_A11Y=none ADW_DISABLE_PORTAL=1
# Nothing of this machine's GTK configuration (gtk.css, settings.ini)
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT

# shoot SCHEME WIDTH HEIGHT NAME:KEYS...
shoot () {
  local scheme=$1 width=$2 height=$3; shift 3
  # The binary itself, not through "meson devenv", so that killing it
  # ends the app.  --demo keeps its settings in memory, from the
  # defaults, so the window is resized once shown (Xvfb has no window
  # manager to refuse it)
  env "${lang_env[@]}" GSETTINGS_BACKEND=memory XDG_CONFIG_HOME="$config" ADW_DEBUG_COLOR_SCHEME=$scheme \
    GSETTINGS_SCHEMA_DIR="$build/data" COFACTOR_LOCALEDIR="$build/po" \
    "$build/src/ui/cofactor" --demo >/dev/null 2>&1 &
  local pid=$!
  local wid=""
  for _ in $(seq 50); do
    wid=$(xdotool search --onlyvisible --name '^Cofactor$' 2>/dev/null | head -n1) && [ -n "$wid" ] && break
    sleep 0.2
  done
  [ -n "$wid" ] || { echo "screenshots: the window did not appear" >&2; kill $pid; return 1; }
  xdotool windowsize --sync "$wid" "$width" "$height"
  sleep 1.5
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  if [ "$WIDTH" != "$width" ] || [ "$HEIGHT" != "$height" ]; then
    echo "screenshots: asked for ${width}x${height}, the window is ${WIDTH}x${HEIGHT}" >&2
    kill $pid
    return 1
  fi
  for shot in "$@"; do
    local name=${shot%%:*} keys=${shot#*:}
    for k in $keys; do
      case $k in
        type:*) xdotool type --delay 50 "${k#type:}" ;;
        sleep:*) sleep "${k#sleep:}" ;;
        click:*) xdotool mousemove $(echo "${k#click:}" | tr , " ") click 1 ;;
        *) xdotool key --window "$wid" "$k" ;;
      esac
      sleep 0.5
    done
    sleep 1
    import -window root -crop "${width}x${height}+0+0" +repage "$out/$name.png"
    echo "$out/$name.png"
  done
  kill $pid
  wait $pid 2>/dev/null || true
}

if [ -n "$language" ]; then
  shoot default 1000 700 "diary-$language:alt+1"
  # Two days back: the date in the locale's words, and the Today button
  shoot default 360 700 "diary-narrow-$language:alt+1 alt+Left alt+Left"
  exit 0
fi

# foods: "Richest in Vitamin K2", the first order after "Best match"
shoot default 1000 700 diary:alt+1 "foods:alt+2 sleep:1 click:450,154 sleep:1 Down Return sleep:1" \
  "food-detail:ctrl+f type:natto Return" \
  insights:alt+3 "diary-add:alt+1 ctrl+n"
shoot default 1000 700 "preferences:sleep:1 ctrl+comma sleep:2"
shoot prefer-dark 1000 700 diary-dark:alt+1 foods-dark:alt+2 "food-detail-dark:ctrl+f type:kale Return" \
  insights-dark:alt+3
shoot default 360 700 diary-narrow:alt+1
