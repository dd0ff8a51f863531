#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Exchange speed and size (docs/exchange.md): the demo national office and its
# 15 centres from one seed; every centre packs everything (--full) for the
# national office; then a copy of the national database receives all 15
# packages (15 kopru-cli receive runs, each in one transaction after a backup).
# Reference in the same run: sqlite3 copying the same rows from the same 15
# packages into a copy of the same database through ATTACH (no checks, no
# merge: the floor of reading and writing those rows).
# Usage: bench/exchange.sh [BUILD_DIR]   (default: build)   RUNS=N (default 3)
# Goals (issue #13): all 15 centres' full packages received in under 10 s; one
# centre's package under 10 MB.
set -eu
BUILD=${1:-build}
RUNS=${RUNS:-3}
CLI="$(cd "$BUILD" && pwd)/app/kopru-cli"
[ -x "$CLI" ] || { echo "kopru-cli not found in $BUILD/app (build it first)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
# receive makes an automatic backup: keep it (and any settings) in the scratch folder.
export XDG_DATA_HOME="$WORK/xdg-data" XDG_CONFIG_HOME="$WORK/xdg-config" XDG_RUNTIME_DIR="$WORK/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" "$WORK/pkg"
chmod 0700 "$XDG_RUNTIME_DIR"

echo "== demo: national office and 15 centres (seed 1)"
"$CLI" demo "$WORK/national.kopru" --role national >/dev/null
i=1
while [ "$i" -le 15 ]; do
    "$CLI" demo "$WORK/c$i.kopru" --role "centre:$i" >/dev/null
    "$CLI" pack "$WORK/c$i.kopru" --to national --out "$WORK/pkg/c$i.kopru-pkg" --full >/dev/null 2>&1
    i=$((i + 1))
done
rows=0
for p in "$WORK"/pkg/*.kopru-pkg; do
    rows=$((rows + $(sqlite3 "$p" "SELECT coalesce(sum(CAST(value AS INTEGER)), 0) FROM manifest WHERE key LIKE 'rows.%'")))
done
largest=$(ls -l "$WORK"/pkg/*.kopru-pkg | awk '{ if ($5 > m) m = $5 } END { print m }')
total=$(ls -l "$WORK"/pkg/*.kopru-pkg | awk '{ s += $5 } END { print s }')
echo "15 full packages: $rows rows, $((total / 1024)) KB in all, largest $((largest / 1024)) KB (goal < 10240 KB)"

# A: a fresh copy of the national database receives the 15 packages.
cat >"$WORK/receive.sh" <<EOF
set -e
cp "$WORK/national.kopru" "$WORK/run.kopru"
rm -f "$WORK/run.kopru-wal" "$WORK/run.kopru-shm"
for p in "$WORK"/pkg/*.kopru-pkg; do "$CLI" receive "$WORK/run.kopru" "\$p" >/dev/null; done
EOF
# B: sqlite3 copies every table of the same packages into a fresh copy.
cat >"$WORK/reference.sh" <<EOF
set -e
cp "$WORK/national.kopru" "$WORK/ref.kopru"
n=0
for p in "$WORK"/pkg/*.kopru-pkg; do
    n=\$((n + 1))
    sql="ATTACH '\$p' AS p; BEGIN;"
    for t in \$(sqlite3 "\$p" "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'manifest'"); do
        sql="\$sql CREATE TABLE main.x\${n}_\$t AS SELECT * FROM p.\$t;"
    done
    sqlite3 "$WORK/ref.kopru" "\$sql COMMIT;"
done
EOF
sh "$WORK/receive.sh"
echo "check: $(sqlite3 "$WORK/run.kopru" "SELECT count(*) FROM exchange_package WHERE direction = 'received'") packages logged, \
$(sqlite3 "$WORK/run.kopru" "SELECT count(*) FROM teacher") teachers, $(sqlite3 "$WORK/run.kopru" "SELECT count(*) FROM placement") placements, \
foreign_key_check rows: $(sqlite3 "$WORK/run.kopru" "PRAGMA foreign_key_check" | wc -l)"
echo "== A: kopru-cli receive of the 15 packages   B: sqlite3 ATTACH copy of the same rows (load $(cut -d' ' -f1-3 /proc/loadavg))"
# Pairs A then B, RUNS times, each timed by /usr/bin/time; the median wall time of each.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: >"$WORK/a.times"
: >"$WORK/b.times"
r=1
while [ "$r" -le "$RUNS" ]; do
    /usr/bin/time -f %e -a -o "$WORK/a.times" sh "$WORK/receive.sh"
    /usr/bin/time -f %e -a -o "$WORK/b.times" sh "$WORK/reference.sh"
    r=$((r + 1))
done
echo "A receive: median $(median <"$WORK/a.times") s wall over $RUNS runs (goal < 10 s)"
echo "B sqlite3 ATTACH reference: median $(median <"$WORK/b.times") s wall over $RUNS runs"
