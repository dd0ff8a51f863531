#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import speed on the national data set (docs/specification.md: the 8,000 × 40 needs
# survey imports in under 2 s). Builds the demo database, writes its needs
# survey as a wide CSV with our exporter, removes the ratings, and times
# `kopru-cli import DB needs FILE` (320,000 ratings validated and inserted in
# one transaction, after the automatic backup) beside sqlite3's own `.import`
# of the same file into a plain table, measured in the same run. Also times
# re-importing the same file (everything compared, nothing written; the
# database has changed, so it is backed up again).
# Each figure is the median of RUNS runs (default 3), each on a fresh copy of
# the database; wall and CPU (user + system) seconds, and the load average
# (1 min) before the first run. Automatic backups go to a scratch folder.
# Usage: bench/import.sh [BUILD_DIR]   (targets kopru-cli and bench_needscsv)
#   TEACHERS=N: the demo with N teachers (and N*3/16 partners) instead of its
#   own size, e.g. TEACHERS=80000 for the national roll-out's 3.2 million
#   ratings (issue #16: under 10 s and 500 MB peak).
set -eu
build=${1:-build}
runs=${RUNS:-3}
cli=$build/app/kopru-cli
exporter=$build/bench/bench_needscsv
for tool in "$cli" "$exporter"; do
    [ -x "$tool" ] || { echo "missing $tool: cmake --build $build --target kopru-cli bench_needscsv" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 not found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_LOGGING_RULES="kopru.*.debug=false"
export XDG_DATA_HOME="$work/data"

# Wall and CPU seconds of a command: "wall cpu".
timed() {
    out=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$out"
    awk '{printf "%.3f %.3f %.0f\n", $1, $2 + $3, $4 / 1024}' "$work/time.txt"
}
# Median of column $1 of the lines on stdin.
median() { cut -d' ' -f"$1" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
show() { printf '%7.3f s wall, %7.3f s CPU, %5d MB peak' "$(median 1 < "$1")" "$(median 2 < "$1")" "$(median 3 < "$1")"; }

if [ -n "${TEACHERS:-}" ]; then
    "$cli" demo "$work/national.kopru" --teachers "$TEACHERS" --partners $((TEACHERS * 3 / 16)) >/dev/null
else
    "$cli" demo "$work/national.kopru" >/dev/null
fi
"$exporter" "$work/national.kopru" "$work/needs.csv"
rows=$(($(wc -l < "$work/needs.csv") - 1))
cols=$(head -1 "$work/needs.csv" | tr ';' '\n' | wc -l)
size=$(du -k "$work/needs.csv" | cut -f1)
# A database before its survey: no ratings, and no tombstones of deleted ones
# (with them, every imported rating would be a restored one; docs/exchange.md).
sqlite3 "$work/national.kopru" "DELETE FROM need_rating;"
sqlite3 "$work/national.kopru" "SELECT name FROM sqlite_master WHERE name = 'tombstone'" | grep -q tombstone &&
    sqlite3 "$work/national.kopru" "DELETE FROM tombstone WHERE table_name = 'need_rating';"

load=$(cut -d' ' -f1 /proc/loadavg)
: > "$work/ours.all"; : > "$work/again.all"; : > "$work/ref.all"
i=0
while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    rm -f "$work/run.kopru" "$work/run.kopru-wal" "$work/run.kopru-shm" "$work/reference.db"
    cp "$work/national.kopru" "$work/run.kopru"
    sync # the copy's write-back is this script's cost, not the import's
    timed "$work/ours.txt" "$cli" import "$work/run.kopru" needs "$work/needs.csv" >> "$work/ours.all"
    timed "$work/again.txt" "$cli" import "$work/run.kopru" needs "$work/needs.csv" >> "$work/again.all"
    timed "$work/ref.txt" sqlite3 "$work/reference.db" ".mode csv" ".separator ;" ".import '$work/needs.csv' needs" >> "$work/ref.all"
done
refrows=$(sqlite3 "$work/reference.db" "SELECT count(*) FROM needs;")

echo "needs survey: $rows teachers x $cols columns, ${size} KiB CSV (UTF-8 BOM, ';'); load average: $load; median of $runs runs"
echo "kopru-cli import (new ratings):     $(show "$work/ours.all")  -> $(cat "$work/ours.txt")"
echo "kopru-cli import (same file again): $(show "$work/again.all")  -> $(cat "$work/again.txt")"
echo "sqlite3 .import, plain table:       $(show "$work/ref.all")  -> $refrows rows, no validation, no index"
echo "goal: import under 2 s (8,000 teachers); under 10 s and 500 MB (80,000 teachers)"
