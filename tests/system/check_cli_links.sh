#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Does kopru-cli stay a console program? It must not load Qt Widgets, nor the
# libraries built on it (Qt Charts, Qt Print Support): the command line paints
# its PDFs with the document engine in models/ (QtGui only). Lists the shared
# libraries the dynamic loader resolves for the program (ldd: direct and
# indirect ones) and fails on any of those.
#
# Usage: check_cli_links.sh PROGRAM
# Exit: 0 none loaded; 1 one is (listed); 77 skipped (no ldd: not an ELF system).
set -uo pipefail
program=${1:?usage: check_cli_links.sh PROGRAM}
if ! command -v ldd >/dev/null 2>&1; then
  echo "SKIP: ldd not found (not a glibc system)"
  exit 77
fi
libraries=$(ldd "$program") || { echo "ldd failed on $program"; exit 1; }
echo "$program loads $(echo "$libraries" | wc -l) shared libraries"
forbidden=$(echo "$libraries" | grep -Ei 'libQt[0-9]*(Widgets|Charts|PrintSupport|OpenGLWidgets)')
if [ -n "$forbidden" ]; then
  echo "FAIL: $program loads widget libraries:"
  echo "$forbidden"
  exit 1
fi
echo "OK: no Qt Widgets, Qt Charts or Qt Print Support"
exit 0
