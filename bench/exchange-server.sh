#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The exchange on a file and on a server in the same run (docs/exchange.md,
# "On a server database"): the demo national office and its 15 centres from
# one seed; every centre packs everything (--full) for the national office.
# A: a copy of the national .kopru file receives the 15 packages (15 kopru-cli
#    receive runs, each one transaction after a backup).
# B: a copy of the same database on a throwaway PostgreSQL cluster
#    (.ci/pg-cluster.sh, kopru-cli copy, not timed) receives the same 15.
# Then the national office packs everything for centre 1, from the file and
# from the server. The results are compared: the row count of every table,
# and the content hash of the two national packages.
# Usage: bench/exchange-server.sh [BUILD_DIR] [N]
#   N: teachers of the demo (default: the demo's own size); RUNS=N pairs (default 3).
set -eu
BUILD=${1:-build}
N=${2:-}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$(cd "$BUILD" && pwd)/app/kopru-cli"
[ -x "$CLI" ] || { echo "bench/exchange-server.sh: kopru-cli not found in $BUILD/app (build it first)" >&2; exit 2; }
for tool in psql sqlite3; do
    command -v "$tool" > /dev/null || { echo "bench/exchange-server.sh: $tool not found" >&2; exit 2; }
done
WORK=$(mktemp -d)
export KOPRU_PG_STATE="$WORK/pg.state"
cleanup() {
    bash "$ROOT/.ci/pg-cluster.sh" stop > /dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="kopru.*.debug=false"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$WORK/runtime" "$WORK/pkg" && chmod 700 "$WORK/runtime"

started=$(bash "$ROOT/.ci/pg-cluster.sh" start | tail -1) || { echo "bench/exchange-server.sh: the cluster did not start" >&2; exit 2; }
ADMIN=${started#KOPRU_TEST_PG_URL=}
url() { echo "${ADMIN%/*}/$1"; }
now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

opts=""
[ -z "$N" ] || opts="--teachers $N --partners $((N * 3 / 16))"
# shellcheck disable=SC2086
"$CLI" demo "$WORK/national.kopru" --role national $opts > /dev/null
i=1
while [ "$i" -le 15 ]; do
    # shellcheck disable=SC2086
    "$CLI" demo "$WORK/c$i.kopru" --role "centre:$i" $opts > /dev/null
    "$CLI" pack "$WORK/c$i.kopru" --to national --out "$WORK/pkg/c$i.kopru-pkg" --full > /dev/null 2>&1
    i=$((i + 1))
done
ROWS=$(for p in "$WORK"/pkg/*.kopru-pkg; do
    sqlite3 "$p" "SELECT coalesce(sum(CAST(value AS INTEGER)), 0) FROM manifest WHERE key LIKE 'rows.%'"
done | awk '{ s += $1 } END { print s }')
TEACHERS=$(sqlite3 "$WORK/national.kopru" "SELECT count(*) FROM teacher")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); national office: $TEACHERS teachers; 15 full packages: $ROWS rows"

receiveAll() { # DB: receives the 15 packages; prints the seconds
    t0=$(now)
    for p in "$WORK"/pkg/*.kopru-pkg; do
        "$CLI" receive "$1" "$p" > /dev/null 2>> "$WORK/receive.err" || { echo "receive $p failed: $(tail -1 "$WORK/receive.err")" >&2; exit 1; }
    done
    echo "$(now) $t0" | awk '{ printf "%.2f\n", $1 - $2 }'
}
run=1
: > "$WORK/a" && : > "$WORK/b"
while [ "$run" -le "$RUNS" ]; do
    cp "$WORK/national.kopru" "$WORK/run.kopru"
    rm -f "$WORK/run.kopru-wal" "$WORK/run.kopru-shm"
    receiveAll "$WORK/run.kopru" >> "$WORK/a"
    psql -q -d "$ADMIN" -c "DROP DATABASE IF EXISTS bench_exchange WITH (FORCE)" -c "CREATE DATABASE bench_exchange" > /dev/null
    "$CLI" copy "$WORK/national.kopru" "$(url bench_exchange)" > /dev/null
    receiveAll "$(url bench_exchange)" >> "$WORK/b"
    run=$((run + 1))
done
echo "| 15 full centre packages received ($ROWS rows) | file | server |"
echo "|---|---|---|"
echo "| runs (s) | $(tr '\n' ' ' < "$WORK/a") | $(tr '\n' ' ' < "$WORK/b") |"
echo "| median (s) | $(median < "$WORK/a") | $(median < "$WORK/b") |"

# The same content: every table's row count.
DIFF=0
for t in $(sqlite3 "$WORK/run.kopru" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
    f=$(sqlite3 "$WORK/run.kopru" "SELECT count(*) FROM \"$t\"")
    s=$(psql -At -d "$(url bench_exchange)" -c "SELECT count(*) FROM \"$t\"")
    [ "$f" = "$s" ] || { echo "rows of $t differ: file $f, server $s"; DIFF=1; }
done
[ "$DIFF" = 0 ] && echo "after receiving: every table has the same number of rows on the file and on the server"

# The national office packs everything for centre 1.
t0=$(now)
"$CLI" pack "$WORK/run.kopru" --to 1 --full --out "$WORK/n-file.kopru-pkg" > /dev/null
PF=$(echo "$(now) $t0" | awk '{ printf "%.2f", $1 - $2 }')
t0=$(now)
"$CLI" pack "$(url bench_exchange)" --to 1 --full --out "$WORK/n-server.kopru-pkg" > /dev/null
PS=$(echo "$(now) $t0" | awk '{ printf "%.2f", $1 - $2 }')
sha() { sqlite3 "$1" "SELECT value FROM manifest WHERE key = 'content_sha256'"; }
NR=$(sqlite3 "$WORK/n-file.kopru-pkg" "SELECT coalesce(sum(CAST(value AS INTEGER)), 0) FROM manifest WHERE key LIKE 'rows.%'")
[ "$(sha "$WORK/n-file.kopru-pkg")" = "$(sha "$WORK/n-server.kopru-pkg")" ] && SAME="same content hash" || SAME="content hashes DIFFER"
echo "| national package for centre 1 ($NR rows) | $PF s | $PS s | $SAME |"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
