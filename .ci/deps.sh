#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Köprü's build and test dependencies on Debian 12 or Ubuntu 24.04.
#
#   bash .ci/deps.sh          install the packages that are missing
#   bash .ci/deps.sh --list   print the package names, one per line (installs nothing)
#
# Packages are installed with --no-install-recommends, so every package the build
# needs is named here: nothing may arrive only as a "Recommends" of another one
# (Qt6Charts needs Qt6OpenGL's CMake files, which qt6-base-dev only recommends).
# tests/system/check_system_deps.sh (a ctest test) checks that every CMake package
# config, pkg-config module and library the build uses comes from these packages
# or from their Depends.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite libqt6sql6-psql
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  libxlsxwriter-dev libminizip-dev zlib1g-dev liblemon-dev qtkeychain-qt6-dev
  sqlite3 glpk-utils poppler-utils unzip postgresql
  clang-format
)

# Qt 6.4 is the oldest Qt Köprü builds with (Debian 12 and Ubuntu 24.04 ship 6.4.2;
# Ubuntu 22.04 ships 6.2, too old: install Qt 6.4+ from qt.io there, see README).
min_qt=6.4

die() {
  echo "deps.sh: $*" >&2
  exit 1
}

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1 ||
  die "apt-get was not found. This set-up script is for Debian 12 and Ubuntu 24.04.
On another system install the packages listed in .ci/deps.sh (or their equivalents:
Qt ${min_qt}+ with Charts, Sql/SQLite, Tools; libxlsxwriter, minizip, LEMON) and build with CMake
as the README shows; on Windows see docs/windows.md."

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 ||
    die "these packages are missing and installing them needs root (sudo was not found): ${missing[*]}"
  SUDO=(sudo)
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq ||
  die "apt-get update failed: check the network and /etc/apt/sources.list, then run this again."

# Name every package apt does not know before installing anything.
unknown=()
for p in "${missing[@]}"; do
  apt-cache show "$p" >/dev/null 2>&1 || unknown+=("$p")
done
[ ${#unknown[@]} -eq 0 ] ||
  die "apt does not know these packages: ${unknown[*]}
Köprü's set-up supports Debian 12 (bookworm) and Ubuntu 24.04 (noble); on other releases the
names may differ: install their equivalents by hand (see README)."

qt_candidate=$(apt-cache policy qt6-base-dev 2>/dev/null | sed -n 's/^ *Candidate: *//p')
if [ -n "$qt_candidate" ] && [ "$qt_candidate" != "(none)" ] &&
   dpkg --compare-versions "$qt_candidate" lt "$min_qt"; then
  die "this system offers Qt $qt_candidate, Köprü needs Qt $min_qt or newer (Ubuntu 22.04 ships 6.2).
Install Qt $min_qt+ from qt.io and pass its folder to CMake (-DCMAKE_PREFIX_PATH=…), see README."
fi

"${SUDO[@]}" apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" ||
  die "apt-get could not install: ${missing[*]} (see apt-get's message above)."

still=()
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || still+=("$p")
done
[ ${#still[@]} -eq 0 ] || die "these packages are still not installed: ${still[*]}"
