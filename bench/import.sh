#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import speed on the national data set (product.md §5: the 8,000 × 40 needs
# survey imports in under 2 s). Builds the demo database, writes its needs
# survey as a wide CSV with our exporter, removes the ratings, and times
# `kopru-cli import DB needs FILE` (320,000 ratings inserted, validated, one
# transaction) beside sqlite3's own `.import` of the same file into a plain
# table, measured in the same run. Also times re-importing the same file
# (everything compared, nothing written).
# Usage: bench/import.sh [BUILD_DIR]   (targets kopru-cli and bench_needscsv)
set -eu
build=${1:-build}
cli=$build/app/kopru-cli
exporter=$build/bench/bench_needscsv
for tool in "$cli" "$exporter"; do
    [ -x "$tool" ] || { echo "missing $tool: cmake --build $build --target kopru-cli bench_needscsv" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 not found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_LOGGING_RULES="kopru.*.debug=false"

# Wall and CPU (user + system) seconds of a command: "wall cpu".
timed() {
    out=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > "$out"
    awk '{printf "%.3f %.3f", $1, $2 + $3}' "$work/time.txt"
}

"$cli" demo "$work/national.kopru" >/dev/null
"$exporter" "$work/national.kopru" "$work/needs.csv"
rows=$(($(wc -l < "$work/needs.csv") - 1))
cols=$(head -1 "$work/needs.csv" | tr ';' '\n' | wc -l)
size=$(du -k "$work/needs.csv" | cut -f1)
sqlite3 "$work/national.kopru" "DELETE FROM need_rating;"

ours=$(timed "$work/ours.txt" "$cli" import "$work/national.kopru" needs "$work/needs.csv")
again=$(timed "$work/again.txt" "$cli" import "$work/national.kopru" needs "$work/needs.csv")
ref=$(timed "$work/ref.txt" sqlite3 "$work/reference.db" ".mode csv" ".separator ;" ".import '$work/needs.csv' needs")
refrows=$(sqlite3 "$work/reference.db" "SELECT count(*) FROM needs;")

show() { echo "$1" | awk '{printf "%7.3f s wall, %7.3f s CPU", $1, $2}'; }
echo "needs survey: $rows teachers x $cols columns, ${size} KiB CSV (UTF-8 BOM, ';'); load average: $(cut -d' ' -f1 /proc/loadavg)"
echo "kopru-cli import (new ratings):     $(show "$ours")  -> $(cat "$work/ours.txt")"
echo "kopru-cli import (same file again): $(show "$again")  -> $(cat "$work/again.txt")"
echo "sqlite3 .import, plain table:       $(show "$ref")  -> $refrows rows, no validation, no index"
echo "goal: import under 2 s"
