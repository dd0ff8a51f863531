#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Is every C++ source formatted as the project's .clang-format says? Runs
# clang-format (Debian 12: clang-format-14) in dry-run mode over the sources
# of models/, views/, app/, tests/ and bench/ and lists what it would change.
#
# Usage: check_format.sh SOURCE_DIR
# Exit: 0 formatted; 1 files to reformat (listed, with the command that fixes them);
#       77 skipped (clang-format 14 not installed).
# To reformat: clang-format -i $(git ls-files '*.cpp' '*.h')
set -uo pipefail
other=

src=${1:?usage: check_format.sh SOURCE_DIR}
cd "$src" || exit 1

# The tree is formatted with clang-format 14 (Debian 12's); other major versions
# format some constructs differently, so they are not used to judge it.
format=
for candidate in clang-format-14 clang-format; do
  command -v "$candidate" >/dev/null 2>&1 || continue
  version=$("$candidate" --version | sed -n 's/.*clang-format version \([0-9]*\)\..*/\1/p')
  if [ "$version" = 14 ]; then
    format=$candidate
    break
  fi
  other="$candidate ($version)"
done
if [ -z "$format" ]; then
  echo "SKIP: clang-format 14 not found${other:+ (found $other)}; Debian 12: apt-get install clang-format, see .ci/deps.sh."
  exit 77
fi
[ -f .clang-format ] || { echo "FAIL: $src/.clang-format not found"; exit 1; }

mapfile -t files < <(find models views app tests bench -type f \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || { echo "FAIL: no C++ sources under $src"; exit 1; }

# One run over all files; every place to change is reported as
# "FILE:LINE:COL: error: code should be clang-formatted [-Wclang-format-violations]".
report=$("$format" --style=file --dry-run --Werror "${files[@]}" 2>&1)
status=$?
mapfile -t bad < <(printf '%s\n' "$report" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: .*clang-format-violations.*/\1/p' | uniq)
if [ $status -ne 0 ] && [ ${#bad[@]} -eq 0 ]; then
  echo "FAIL: $format stopped with status $status:"
  printf '%s\n' "$report" | head -20
  exit 1
fi
if [ ${#bad[@]} -gt 0 ]; then
  echo "FAIL: ${#bad[@]} of ${#files[@]} files are not formatted as .clang-format says ($("$format" --version)):"
  printf '  %s\n' "${bad[@]}"
  echo "Fix with: $format -i FILE... (from $src)"
  exit 1
fi
echo "OK: ${#files[@]} files formatted as .clang-format says ($("$format" --version))."
