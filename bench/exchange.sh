#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Exchange speed and size (docs/exchange.md): the demo national office and its
# 15 centres from one seed; every centre packs everything (--full) for the
# national office; then a copy of the national database receives all 15
# packages (15 kopru-cli receive runs, each in one transaction after a backup).
# Reference in the same run: sqlite3 copying the same rows from the same 15
# packages into a copy of the same database through ATTACH (no checks, no
# merge: the floor of reading and writing those rows).
# Usage: bench/exchange.sh [BUILD_DIR] [N ...]   (default: build; the demo's size)
#   N: numbers of teachers (the demo gets N*3/16 partners), e.g. 8000 16000 32000,
#   to see how the cost grows: every size is measured the same way, and a last
#   table gives the growth exponent k (time ~ rows^k) between successive sizes
#   (1 = linear, 2 = quadratic).
#   RUNS=N: A/B pairs per size (default 3).
# Goals (issue #13): all 15 centres' full packages received in under 10 s (at
# the demo's size); one centre's package under 10 MB.
set -eu
BUILD=${1:-build}
[ $# -gt 0 ] && shift
SIZES=${*:-demo}
RUNS=${RUNS:-3}
CLI="$(cd "$BUILD" && pwd)/app/kopru-cli"
[ -x "$CLI" ] || { echo "kopru-cli not found in $BUILD/app (build it first)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
# receive makes an automatic backup: keep it (and any settings) in the scratch folder.
export XDG_DATA_HOME="$WORK/xdg-data" XDG_CONFIG_HOME="$WORK/xdg-config" XDG_RUNTIME_DIR="$WORK/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rowsOf() { sqlite3 "$1" "SELECT coalesce(sum(CAST(value AS INTEGER)), 0) FROM manifest WHERE key LIKE 'rows.%'"; }
: >"$WORK/summary"

# measure SIZE: the national office and 15 centres of SIZE teachers ("demo":
# the demo's own size), 15 full packages, then RUNS pairs of A and B.
measure() {
    size=$1
    D="$WORK/$size"
    mkdir -p "$D/pkg"
    opts=""
    [ "$size" = demo ] || opts="--teachers $size --partners $((size * 3 / 16))"
    echo "== demo $size: national office and 15 centres (seed 1)"
    # shellcheck disable=SC2086
    "$CLI" demo "$D/national.kopru" --role national $opts >/dev/null
    i=1
    while [ "$i" -le 15 ]; do
        # shellcheck disable=SC2086
        "$CLI" demo "$D/c$i.kopru" --role "centre:$i" $opts >/dev/null
        "$CLI" pack "$D/c$i.kopru" --to national --out "$D/pkg/c$i.kopru-pkg" --full >/dev/null 2>&1
        i=$((i + 1))
    done
    rows=0
    empty=0
    for p in "$D"/pkg/*.kopru-pkg; do
        n=$(rowsOf "$p")
        rows=$((rows + n))
        [ "$n" -gt 0 ] || empty=$((empty + 1))
    done
    largest=$(ls -l "$D"/pkg/*.kopru-pkg | awk '{ if ($5 > m) m = $5 } END { print m }')
    total=$(ls -l "$D"/pkg/*.kopru-pkg | awk '{ s += $5 } END { print s }')
    echo "15 full packages: $rows rows, $((total / 1024)) KB in all, largest $((largest / 1024)) KB" \
        "(goal < 10240 KB), packages without rows: $empty"

    # A: a fresh copy of the national database receives the 15 packages.
    {
        echo "set -e"
        echo "cp '$D/national.kopru' '$D/run.kopru'"
        echo "rm -f '$D/run.kopru-wal' '$D/run.kopru-shm'"
        echo "for p in '$D'/pkg/*.kopru-pkg; do '$CLI' receive '$D/run.kopru' \"\$p\" >/dev/null 2>&1; done"
    } >"$D/receive.sh"
    # B: sqlite3 copies every table of the same packages into a fresh copy.
    {
        echo "set -e"
        echo "cp '$D/national.kopru' '$D/ref.kopru'"
        echo "n=0"
        echo "for p in '$D'/pkg/*.kopru-pkg; do"
        echo "    n=\$((n + 1))"
        echo "    sql=\"ATTACH '\$p' AS p; BEGIN;\""
        echo "    for t in \$(sqlite3 \"\$p\" \"SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'manifest'\"); do"
        echo "        sql=\"\$sql CREATE TABLE main.x\${n}_\$t AS SELECT * FROM p.\$t;\""
        echo "    done"
        echo "    sqlite3 '$D/ref.kopru' \"\$sql COMMIT;\""
        echo "done"
    } >"$D/reference.sh"
    sh "$D/receive.sh"
    echo "check: $(sqlite3 "$D/run.kopru" "SELECT count(*) FROM exchange_package WHERE direction = 'received'") packages logged," \
        "$(sqlite3 "$D/run.kopru" "SELECT count(*) FROM teacher") teachers," \
        "$(sqlite3 "$D/run.kopru" "SELECT count(*) FROM placement") placements," \
        "foreign_key_check rows: $(sqlite3 "$D/run.kopru" "PRAGMA foreign_key_check" | wc -l)"
    echo "== A: kopru-cli receive of the 15 packages   B: sqlite3 ATTACH copy of the same rows" \
        "(load $(cut -d' ' -f1-3 /proc/loadavg))"
    # Pairs A then B, RUNS times, each timed by /usr/bin/time; the median wall time of each.
    : >"$D/a.times"
    : >"$D/b.times"
    r=1
    while [ "$r" -le "$RUNS" ]; do
        /usr/bin/time -f %e -a -o "$D/a.times" sh "$D/receive.sh"
        /usr/bin/time -f %e -a -o "$D/b.times" sh "$D/reference.sh"
        r=$((r + 1))
    done
    a=$(median <"$D/a.times")
    b=$(median <"$D/b.times")
    echo "A receive: median $a s wall over $RUNS runs (goal < 10 s at the demo's size)"
    echo "B sqlite3 ATTACH reference: median $b s wall over $RUNS runs"
    echo "$size $rows $((largest / 1024)) $a $b" >>"$WORK/summary"
    rm -rf "$D"
}

for size in $SIZES; do measure "$size"; done

echo "== how the cost grows (k: time ~ rows^k between successive sizes; 1 = linear, 2 = quadratic)"
awk 'BEGIN { printf "%-8s %10s %12s %8s %8s %6s %8s %8s\n", "size", "rows", "largest KB", "A s", "B s", "A/B", "k of A", "k of B" }
     { ka = "-"; kb = "-"
       if (NR > 1 && $2 > pr && pa > 0 && pb > 0) {
           ka = sprintf("%.2f", log($4 / pa) / log($2 / pr)); kb = sprintf("%.2f", log($5 / pb) / log($2 / pr)) }
       printf "%-8s %10d %12d %8.2f %8.2f %6.1f %8s %8s\n", $1, $2, $3, $4, $5, ($5 > 0 ? $4 / $5 : 0), ka, kb
       pr = $2; pa = $4; pb = $5 }' "$WORK/summary"
