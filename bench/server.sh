#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# File and server (issue #14): the same steps, in the same run, on a .kopru
# file and on a PostgreSQL database of a local throwaway cluster
# (.ci/pg-cluster.sh, started and stopped here; fsync as that script sets it):
#
#  - the national needs import: the demo's survey as one wide CSV (bench_needscsv)
#    into a copy without ratings (kopru-cli import DB needs FILE); beside it the
#    bare bulk load of the same file into a plain table (sqlite3 .import;
#    psql \copy on the server) as the reference;
#  - the plan (kopru-cli plan DB --json): wall, CPU and peak memory of the
#    client, placed and objective (they must agree);
#  - the needs page's field switch (bench_needs DB: wall and CPU mean of a
#    switch, painted), beside its full scan of need_rating (wall and CPU
#    mean; on a server the scan is the server's work, so only the wall time
#    shows it; both scans must count every rating).
#
# The server copy is made by kopru-cli copy (timed too). Wall and CPU seconds
# are the client's (/usr/bin/time); the server's own CPU is not in the CPU
# column, only in the wall time — on a shared 2-core machine both processes
# compete for the same cores.
#
# usage: bench/server.sh [BUILD_DIR] [TEACHERS]     (default build, 8000)
# Environment: KOPRU_DB, a national demo database to start from (copied, not
# changed; otherwise one is built with kopru-cli demo); CAP_STEP (seconds per
# step, default 300).
set -eu

BUILD=${1:-build}
N=${2:-8000}
P=$((N * 3 / 16))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$BUILD/app/kopru-cli"
for tool in "$CLI" "$BUILD/bench/bench_needscsv" "$BUILD/bench/bench_needs"; do
    [ -x "$tool" ] || { echo "bench/server.sh: $tool not found (build kopru-cli, bench_needscsv, bench_needs)" >&2; exit 2; }
done
for tool in psql sqlite3; do
    command -v "$tool" > /dev/null || { echo "bench/server.sh: $tool not found" >&2; exit 2; }
done
CAP_STEP=${CAP_STEP:-300}
WORK=$(mktemp -d)
export KOPRU_PG_STATE="$WORK/pg.state"
cleanup() {
    bash "$ROOT/.ci/pg-cluster.sh" stop > /dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export QT_LOGGING_RULES="kopru.*.debug=false"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/runtime"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK/runtime" && chmod 700 "$WORK/runtime"

started=$(bash "$ROOT/.ci/pg-cluster.sh" start | tail -1) || { echo "bench/server.sh: the cluster did not start" >&2; exit 2; }
ADMIN=${started#KOPRU_TEST_PG_URL=}
# url NAME: the URL of database NAME on the cluster.
url() { echo "${ADMIN%/*}/$1"; }

# timed NAME command...: as bench/scale.sh: T_WALL, T_CPU (s), T_RSS (MB), T_OK; stdout in $WORK/NAME.out
timed() {
    name=$1
    shift
    T_OK=1
    /usr/bin/time -v -o "$WORK/$name.time" timeout "$CAP_STEP" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || T_OK=0
    T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$WORK/$name.time")
    T_CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/$name.time")
    T_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
}
figure() { if [ "$T_OK" = 1 ]; then echo "$T_WALL s / $T_CPU s / $T_RSS MB"; else echo "failed: $(tail -1 "$WORK/$1.err")"; fi; }
json() { sed -n "s/^ *\"$1\": *\([^,]*\),*$/\1/p" "$2"; }
# Wall and CPU means of a line of bench_needs: on a server the queries are the
# server's work, which only the wall time contains.
means() { sed -n "s/^$2.*wall mean *\([0-9.]*\) ms.*cpu mean *\([0-9.]*\) ms.*/\1 ms wall, \2 ms CPU/p" "$1"; }
switch() { means "$1" 'kopru: field switch on the page, painted'; }
scan() { means "$1" 'reference: full scan'; }
scanned() { sed -n 's/^reference scan read \([0-9]*\) ratings.*/\1/p' "$1"; }

DB="$WORK/national.kopru"
if [ -n "${KOPRU_DB:-}" ]; then
    cp "$KOPRU_DB" "$DB"
else
    timed demo "$CLI" demo "$DB" --teachers "$N" --partners "$P"
    [ "$T_OK" = 1 ] || { echo "bench/server.sh: the demo was not built: $(tail -1 "$WORK/demo.err")" >&2; exit 1; }
fi
"$BUILD/bench/bench_needscsv" "$DB" "$WORK/needs.csv" > /dev/null
TEACHERS=$(sqlite3 "$DB" "SELECT count(*) FROM teacher")
RATINGS=$(sqlite3 "$DB" "SELECT count(*) FROM need_rating")

# Two server databases: one for the import, one for the plan and the needs page.
psql -q -d "$ADMIN" -c "CREATE DATABASE bench_import" -c "CREATE DATABASE bench_plan" > /dev/null
timed copy "$CLI" copy "$DB" "$(url bench_plan)"
COPY=$(figure copy)
timed copy2 "$CLI" copy "$DB" "$(url bench_import)"

printf '%s\n' "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $TEACHERS teachers, $RATINGS need ratings; kopru-cli copy file → server: $COPY"
printf '| step | file (wall / CPU / peak) | server (wall / CPU / peak) | reference on the file | reference on the server | agree |\n'
printf '|---|---|---|---|---|---|\n'

# The needs import, into copies without ratings (and without the tombstones of the deleted ones).
cp "$DB" "$WORK/imp.kopru"
sqlite3 "$WORK/imp.kopru" "DELETE FROM need_rating; DELETE FROM tombstone WHERE table_name = 'need_rating';"
psql -q -d "$(url bench_import)" -c "DELETE FROM need_rating" -c "DELETE FROM tombstone WHERE table_name = 'need_rating'" > /dev/null
timed impfile "$CLI" import "$WORK/imp.kopru" needs "$WORK/needs.csv"
IMPFILE=$(figure impfile)
timed impserver "$CLI" import "$(url bench_import)" needs "$WORK/needs.csv"
IMPSERVER=$(figure impserver)
AFTERFILE=$(sqlite3 "$WORK/imp.kopru" "SELECT count(*) || '/' || sum(need) FROM need_rating")
AFTERSERVER=$(psql -At -d "$(url bench_import)" -c "SELECT count(*) || '/' || sum(need) FROM need_rating")
[ "$AFTERFILE" = "$AFTERSERVER" ] && AGREE="yes ($AFTERFILE ratings/sum)" || AGREE="no ($AFTERFILE vs $AFTERSERVER)"
# References: the same CSV bulk-loaded into a plain table of text columns.
tail -n +2 "$WORK/needs.csv" > "$WORK/rows.csv"
COLS=$(head -1 "$WORK/needs.csv" | tr -d '\r\357\273\277' | awk -F';' '{ for (i = 1; i <= NF; i++) printf "%sc%d text", (i > 1 ? ", " : ""), i }')
timed reffile sqlite3 "$WORK/ref.db" "CREATE TABLE needs($COLS);" ".mode csv" ".separator ;" ".import '$WORK/rows.csv' needs"
REFFILE="sqlite3 .import: $T_WALL s / $T_CPU s"
psql -q -d "$(url bench_import)" -c "CREATE TABLE bench_needs($COLS)" > /dev/null
timed refserver psql -q -d "$(url bench_import)" -c "\\copy bench_needs FROM '$WORK/rows.csv' WITH (FORMAT csv, DELIMITER ';')"
REFSERVER="psql \\copy: $T_WALL s / $T_CPU s"
printf '| needs import (%s ratings) | %s | %s | %s | %s | %s |\n' "$RATINGS" "$IMPFILE" "$IMPSERVER" "$REFFILE" "$REFSERVER" "$AGREE"
rm -f "$WORK/imp.kopru"* "$WORK/ref.db" "$WORK/rows.csv"

# The plan.
cp "$DB" "$WORK/plan.kopru"
timed planfile "$CLI" plan "$WORK/plan.kopru" --json
PLANFILE=$(figure planfile)
PF="$(json placed "$WORK/planfile.out") placed, objective $(json objective "$WORK/planfile.out")"
timed planserver "$CLI" plan "$(url bench_plan)" --json
PLANSERVER=$(figure planserver)
PS="$(json placed "$WORK/planserver.out") placed, objective $(json objective "$WORK/planserver.out")"
[ "$PF" = "$PS" ] && AGREE="yes ($PF)" || AGREE="no ($PF vs $PS)"
printf '| plan | %s | %s | | | %s |\n' "$PLANFILE" "$PLANSERVER" "$AGREE"

# The needs page's field switch, beside a full scan of need_rating on the
# same connection (both must read every rating of the demo).
timed needsfile "$BUILD/bench/bench_needs" "$WORK/plan.kopru"
NF=$(switch "$WORK/needsfile.out"); SF=$(scan "$WORK/needsfile.out"); CF=$(scanned "$WORK/needsfile.out")
[ "$T_OK" = 1 ] && [ -n "$NF" ] || NF="failed: $(tr '\n' ' ' < "$WORK/needsfile.out" | cut -c1-160)"
timed needsserver "$BUILD/bench/bench_needs" "$(url bench_plan)"
NS=$(switch "$WORK/needsserver.out"); SS=$(scan "$WORK/needsserver.out"); CS=$(scanned "$WORK/needsserver.out")
[ "$T_OK" = 1 ] && [ -n "$NS" ] || NS="failed: $(tr '\n' ' ' < "$WORK/needsserver.out" | cut -c1-160)"
[ "$CF" = "$RATINGS" ] && [ "$CS" = "$RATINGS" ] && AGREE="yes (both scans read $RATINGS ratings)" || AGREE="no (scans read ${CF:-nothing} and ${CS:-nothing} of $RATINGS)"
printf '| needs field switch (mean, painted) | %s | %s | full scan: %s | full scan: %s | %s |\n' "$NF" "$NS" "$SF" "$SS" "$AGREE"
