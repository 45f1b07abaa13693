#!/usr/bin/env bash
# Install the Debian 12 packages Cofactor needs to build, run and test,
# and generate the locales of its translations (the tests run the app
# with each language's number and date formats).
#
# Safe to run again: it changes nothing when everything is there.  It
# needs root for the changes: as another user it uses sudo where there
# is one, and otherwise says what to run as root and stops.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream xvfb xauth dbus-x11 at-spi2-core
  adwaita-icon-theme fonts-cantarell librsvg2-common libgtk-4-bin
  dbus-daemon python3-dogtail python3-pyatspi gir1.2-atspi-2.0
  libxml2-utils locales
  python3
  flatpak-builder
  clang libclang-rt-14-dev
)

# One per language in po/LINGUAS
locales=(de_DE.UTF-8 es_ES.UTF-8 fr_FR.UTF-8 it_IT.UTF-8 nl_NL.UTF-8 pt_BR.UTF-8)

script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

# "de_DE.UTF-8" is listed by locale -a as "de_DE.utf8"
normalize () {
  tr -d '-' | tr '[:upper:]' '[:lower:]'
}

missing_locales () {
  local installed
  installed="$(locale -a 2>/dev/null | normalize)"
  for l in "${locales[@]}"; do
    if ! grep -qxF "$(printf '%s' "$l" | normalize)" <<<"$installed"; then
      printf '%s\n' "$l"
    fi
  done
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
mapfile -t missing_loc < <(missing_locales)

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_loc[@]} -eq 0 ]; then
  exit 0
fi

[ ${#missing[@]} -eq 0 ] || echo "setup: Debian packages to install: ${missing[*]}" >&2
[ ${#missing_loc[@]} -eq 0 ] || echo "setup: locales to generate: ${missing_loc[*]}" >&2

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo bash "$script"
  fi
  cat >&2 <<EOF
setup: this needs root, and sudo is not installed.  Run this as root
(su asks for the root password), then run your command again:

    su -c 'bash $script'

It installs the missing packages with apt-get and generates the missing
locales (enables them in /etc/locale.gen and runs locale-gen).
EOF
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

mapfile -t missing_loc < <(missing_locales)
if [ ${#missing_loc[@]} -gt 0 ]; then
  touch /etc/locale.gen
  for l in "${missing_loc[@]}"; do
    # Debian's file lists every locale commented out
    if grep -qx "# *$l UTF-8" /etc/locale.gen; then
      sed -i "s/^# *\($l UTF-8\)\$/\1/" /etc/locale.gen
    elif ! grep -qx "$l UTF-8" /etc/locale.gen; then
      echo "$l UTF-8" >>/etc/locale.gen
    fi
  done
  # Generates only what is not there yet, and keeps every other locale
  locale-gen --keep-existing
  mapfile -t missing_loc < <(missing_locales)
  if [ ${#missing_loc[@]} -gt 0 ]; then
    echo "setup: locale-gen did not make ${missing_loc[*]} (is /usr/share/i18n/locales there?)" >&2
    exit 1
  fi
fi
