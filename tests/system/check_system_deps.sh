#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Would a fresh machine build this? Checks, after configure and build, that everything
# the build took from the system belongs to a Debian package that .ci/deps.sh installs,
# directly or through Depends/Pre-Depends (Recommends do not count: deps.sh installs
# with --no-install-recommends, so a recommended package is absent on a fresh machine).
#
# What is checked:
#   - every CMake package config loaded (the *_DIR entries of CMakeCache.txt),
#   - every pkg-config module used (pkg_check_modules) and the modules it requires,
#   - every library in the cache and on the link lines of build.ninja,
#   - the shared libraries the built programs load (ldd),
#   - the compiler, the build program, pkg-config and the external tools the tests run
#     (KOPRU_TOOL_* entries of the cache).
#
# Usage: check_system_deps.sh BUILD_DIR DEPS_SCRIPT
# Exit: 0 all found; 1 something comes from elsewhere (listed); 77 skipped (not a dpkg system).
set -uo pipefail

build=${1:?usage: check_system_deps.sh BUILD_DIR DEPS_SCRIPT}
deps_script=${2:?usage: check_system_deps.sh BUILD_DIR DEPS_SCRIPT}
cache=$build/CMakeCache.txt

for tool in dpkg-query apt-cache ldd; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; this check needs a Debian-based system (dpkg/apt)."
    exit 77
  fi
done
[ -f "$cache" ] || { echo "FAIL: $cache not found (configure first)"; exit 1; }

mapfile -t wanted < <(bash "$deps_script" --list)
[ ${#wanted[@]} -gt 0 ] || { echo "FAIL: $deps_script --list printed no packages"; exit 1; }

# The packages a fresh machine gets: deps.sh's list and everything it Depends on.
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
            --no-replaces --no-enhances "${wanted[@]}" 2>/dev/null |
          grep -v '^ ' | sed -e 's/:any$//' -e 's/^<\(.*\)>$/\1/' | sort -u)
# Packages that are "Essential: yes" are on every Debian system.
essential=$(dpkg-query -W -f='${Package} ${Essential}\n' 2>/dev/null | awk '$2=="yes"{print $1}')
closure=$(printf '%s\n%s\n' "$closure" "$essential" | sort -u)

declare -A why   # file -> where the build used it
add() { [ -n "$1" ] && [ -e "$1" ] && why["$1"]="${why[$1]:+${why[$1]}; }$2"; }

# 1. CMake package configs.
while IFS='=' read -r key dir; do
  name=${key%%_DIR:PATH}
  for f in "$dir"/*Config.cmake "$dir"/*-config.cmake; do
    [ -f "$f" ] && add "$f" "CMake config (${name}_DIR)"
  done
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$cache")

# 2. Libraries of the pkg-config modules (what their imported targets link) and the
#    tools the build and the tests run. (Other libraries in the cache were only found
#    by a CMake module, e.g. FindOpenGL's GLU, and are checked below if linked.)
while IFS='=' read -r key path; do
  add "$path" "${key%%:FILEPATH}"
done < <(grep -E '^pkgcfg_lib_[A-Za-z0-9_]+:FILEPATH=/' "$cache")
for key in CMAKE_CXX_COMPILER CMAKE_MAKE_PROGRAM PKG_CONFIG_EXECUTABLE; do
  path=$(sed -n "s/^${key}:FILEPATH=//p" "$cache")
  add "$path" "$key"
done
while IFS='=' read -r key path; do
  add "$path" "${key%%:FILEPATH} (a tool the tests run)"
done < <(grep -E '^KOPRU_TOOL_[A-Za-z0-9_]+:FILEPATH=/' "$cache")

# 3. pkg-config modules (and what they require).
declare -A seen_pc
pc_walk() {
  local m=$1
  [ -n "${seen_pc[$m]:-}" ] && return
  seen_pc[$m]=1
  local pc
  pc=$(pkg-config --path "$m" 2>/dev/null) && add "$pc" "pkg-config module $m"
  local r
  for r in $(pkg-config --print-requires --print-requires-private "$m" 2>/dev/null | awk '{print $1}'); do
    pc_walk "$r"
  done
}
while IFS= read -r line; do
  for m in $(echo "${line#*=}" | tr ';' '\n' | grep -vE '^(REQUIRED|QUIET|IMPORTED_TARGET|GLOBAL|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH)$' | sed 's/[<>=].*//'); do
    pc_walk "$m"
  done
done < <(grep -E '^__pkg_config_arguments_[A-Za-z0-9_]+:INTERNAL=' "$cache")

# 4. Libraries on the link lines.
if [ -f "$build/build.ninja" ]; then
  for lib in $(grep -oE '/usr/[^ ]+\.(so|a)(\.[0-9.]+)?' "$build/build.ninja" | sort -u); do
    add "$lib" "linked (build.ninja)"
  done
fi

# 5. Shared libraries the built programs load (one ldd and one awk for all of them:
#    a process per program made this step take minutes on a loaded machine).
programs=()
while IFS= read -r -d '' exe; do
  magic=
  IFS= read -r -n 4 magic <"$exe" 2>/dev/null || true
  [ "$magic" = $'\x7fELF' ] && programs+=("$exe")
done < <(find "$build" -maxdepth 3 -type f -perm -u+x ! -name '*.so*' ! -name '*.sh' -print0 2>/dev/null)
if [ ${#programs[@]} -gt 0 ]; then
  while read -r lib program; do
    add "$lib" "loaded by $program"
  done < <(ldd "${programs[@]}" 2>/dev/null |
           awk '/^[^\t ].*:$/ {prog=$0; sub(/:$/, "", prog); n=split(prog, parts, "/"); prog=parts[n]; next}
                $2=="=>" && $3 ~ /^\// && !seen[$3]++ {print $3, prog}')
fi

[ ${#why[@]} -gt 0 ] || { echo "FAIL: found nothing to check in $build"; exit 1; }

# Which package owns each file? dpkg knows the path it installed, which may differ from
# the one found (/lib vs /usr/lib on merged-/usr systems, symlinks, alternatives), so
# every spelling is asked, all in one dpkg-query call.
candidates() {
  local f=$1 r
  r=$(readlink -f "$f")
  printf '%s\n' "$f" "${f#/usr}" "/usr$f" "$r" "${r#/usr}" "/usr$r" | grep '^/' | awk '!seen[$0]++'
}
declare -A pkg_of
while IFS= read -r line; do
  pkgs=${line%%: /*}
  path=${line#*: }
  pkg_of[$path]=$(echo "${pkgs%%,*}" | cut -d: -f1)
done < <(for f in "${!why[@]}"; do candidates "$f"; done | sort -u |
         xargs -d '\n' dpkg-query -S 2>/dev/null | grep -v '^diversion')
owner() {
  local c
  for c in $(candidates "$1"); do
    [ -n "${pkg_of[$c]:-}" ] && { echo "${pkg_of[$c]}"; return; }
  done
}

fail=0
checked=0
declare -A bad_pkg
for f in "${!why[@]}"; do
  checked=$((checked + 1))
  p=$(owner "$f")
  if [ -z "$p" ]; then
    echo "NOT FROM A PACKAGE: $f (${why[$f]})"
    fail=1
  elif ! grep -qx "$p" <<<"$closure"; then
    bad_pkg[$p]="${bad_pkg[$p]:-}
    $f (${why[$f]})"
    fail=1
  fi
done
for p in "${!bad_pkg[@]}"; do
  echo "MISSING FROM $deps_script: package $p (not installed by it, nor through Depends) provides:${bad_pkg[$p]}"
done
if [ $fail -ne 0 ]; then
  echo "FAIL: a fresh machine that runs $deps_script would not have the files above."
  exit 1
fi
echo "OK: $checked files the build used all come from the ${#wanted[@]} packages of $deps_script and their Depends."
