#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# How cost grows (issue #16): for 8,000 / 32,000 / 100,000 teachers
# (`kopru-cli demo DB --teachers N --partners N*3/16`) prints one table row per
# size: the demo build, the plan (wall, peak RSS from /usr/bin/time -v, placed,
# objective), and beside the plan its reference measured in the same run:
# `glpsol --mincost` on the `kopru-cli plan --dimacs` file (the full network,
# every eligible pair), each step under a time cap ("> CAP s" = did not finish).
# Every step is capped so that the whole script ends in under 15 minutes.
#
# A second table per size, after the plan: the GUI start on the overview and
# the teachers page (`kopru DB --page NAME --screenshot`, offscreen; reference:
# bench_barewindow, a bare Qt window doing the same), the needs page's field
# switch (bench_needs: mean CPU of a switch, painted; reference: a full scan of
# need_rating in the same process), sorting the teachers table (bench_tablesort;
# reference: std::stable_sort of the same texts), the needs survey import
# (bench_needscsv writes the survey as CSV, kopru-cli imports it into a copy
# without ratings; reference: sqlite3's .import of the same file), and the
# plan exported as XLSX and PDF. Last, "how cost grows": the log-log slope of
# each CPU figure between consecutive sizes (1 = linear, 2 = quadratic).
#
# Wall and CPU (user + system) seconds: on a shared machine the wall clock also
# counts waiting for a core, the CPU time does not.
#
# usage: bench/scale.sh [BUILD_DIR] [N ...]      (default sizes 8000 32000 100000)
# Environment: CAP_DEMO, CAP_PLAN, CAP_DIMACS, CAP_GLPK (seconds; defaults 240 180 90 120);
#   DB_DIR: a folder keeping the demo databases (sN.kopru) between runs: an
#   existing one is copied instead of built again (the demo column then says so).
#   PLAN_ONLY=1: only the first table (demo, plan, DIMACS and glpsol); only kopru-cli is needed.
set -eu

BUILD=${1:-build}
[ $# -gt 0 ] && shift
SIZES=${*:-8000 32000 100000}
CLI="$BUILD/app/kopru-cli"
GUI="$BUILD/app/kopru"
[ -x "$CLI" ] || { echo "bench/scale.sh: $CLI not found (build the kopru-cli target)" >&2; exit 2; }
PLAN_ONLY=${PLAN_ONLY:-0}
[ "$PLAN_ONLY" = 1 ] || for tool in "$GUI" "$BUILD/bench/bench_barewindow" "$BUILD/bench/bench_needs" \
    "$BUILD/bench/bench_tablesort" "$BUILD/bench/bench_needscsv"; do
    [ -x "$tool" ] || { echo "bench/scale.sh: $tool not found (cmake --build $BUILD)" >&2; exit 2; }
done
CAP_STEP=${CAP_STEP:-240}
CAP_DEMO=${CAP_DEMO:-240}
CAP_PLAN=${CAP_PLAN:-180}
CAP_DIMACS=${CAP_DIMACS:-90}
CAP_GLPK=${CAP_GLPK:-120}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_LOGGING_RULES="kopru.*.debug=false"
# Automatic backups of the commands go to the scratch folder; the GUI runs offscreen.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/runtime"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK/runtime" && chmod 700 "$WORK/runtime"

# timed NAME CAP command...: runs the command under `timeout CAP` and GNU time;
# sets T_WALL (s), T_CPU (s), T_RSS (MB), T_OK (1 = finished with exit 0); stdout in $WORK/NAME.out
timed() {
    name=$1 cap=$2
    shift 2
    T_OK=1
    /usr/bin/time -v -o "$WORK/$name.time" timeout "$cap" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || T_OK=0
    T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$WORK/$name.time")
    T_CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/$name.time")
    T_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
}
json() { sed -n "s/^ *\"$1\": *\([^,]*\),*$/\1/p" "$2"; }

# second N DB: the second table's row for the planned database DB.
BARE=""
second() {
    n=$1 db=$2
    if [ -z "$BARE" ]; then
        timed bare "$CAP_STEP" "$BUILD/bench/bench_barewindow" "$WORK/bare.png"
        BARE="$T_WALL s / $T_CPU s / $T_RSS MB"
    fi
    timed guiov "$CAP_STEP" "$GUI" "$db" --page overview --screenshot "$WORK/ov.png"
    GOV="$T_WALL s / $T_CPU s / $T_RSS MB"
    echo "$n gui-overview $T_CPU" >> "$WORK/cpu.txt"
    timed guite "$CAP_STEP" "$GUI" "$db" --page teachers --screenshot "$WORK/te.png"
    GTE="$T_WALL s / $T_CPU s / $T_RSS MB"
    echo "$n gui-teachers $T_CPU" >> "$WORK/cpu.txt"
    timed needs "$CAP_STEP" "$BUILD/bench/bench_needs" "$db"
    SWITCH=$(sed -n 's/^kopru: field switch on the page, painted.*cpu mean *\([0-9.]*\) ms.*/\1 ms/p' "$WORK/needs.out")
    SCAN=$(sed -n 's/^reference: full scan.*cpu mean *\([0-9.]*\) ms.*/\1 ms/p' "$WORK/needs.out")
    timed sort "$CAP_STEP" "$BUILD/bench/bench_tablesort" "$db"
    SORT=$(sed -n 's/^round 3 sort by Last name: .*, \([0-9.]*\) ms CPU/\1 ms/p' "$WORK/sort.out")
    REFSORT=$(sed -n 's/^reference std::stable_sort of column 1 texts: .*, \([0-9.]*\) ms CPU/\1 ms/p' "$WORK/sort.out")
    timed csv "$CAP_STEP" "$BUILD/bench/bench_needscsv" "$db" "$WORK/needs.csv"
    cp "$db" "$WORK/imp.kopru"
    # The same start as bench/import.sh: no ratings, and no tombstones of the deleted ones.
    sqlite3 "$WORK/imp.kopru" "DELETE FROM need_rating;"
    sqlite3 "$WORK/imp.kopru" "DELETE FROM tombstone WHERE table_name = 'need_rating';"
    sync # the copy's and the deletions' write-back is this script's cost, not the import's
    timed import "$CAP_STEP" "$CLI" import "$WORK/imp.kopru" needs "$WORK/needs.csv"
    if [ "$T_OK" = 1 ]; then IMP="$T_WALL s / $T_CPU s / $T_RSS MB"; echo "$n import $T_CPU" >> "$WORK/cpu.txt"; else IMP="> $CAP_STEP s"; fi
    rm -f "$WORK/ref.db"
    timed sqlimport "$CAP_STEP" sqlite3 "$WORK/ref.db" ".mode csv" ".separator ;" ".import '$WORK/needs.csv' needs"
    REFIMP="$T_WALL s / $T_CPU s"
    rm -f "$WORK/imp.kopru"* "$WORK/ref.db" "$WORK/needs.csv"
    timed xlsx "$CAP_STEP" "$CLI" export "$db" plan --format xlsx --out "$WORK/plan.xlsx"
    XLSX="$T_WALL s / $T_CPU s / $T_RSS MB"
    echo "$n export-xlsx $T_CPU" >> "$WORK/cpu.txt"
    timed pdf "$CAP_STEP" "$CLI" export "$db" plan --format pdf --out "$WORK/plan.pdf"
    PDF="$T_WALL s / $T_CPU s / $T_RSS MB"
    echo "$n export-pdf $T_CPU" >> "$WORK/cpu.txt"
    rm -f "$WORK/plan.xlsx" "$WORK/plan.pdf"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$GOV" "$GTE" "$BARE" "$SWITCH" "$SCAN" \
        "$SORT" "$REFSORT" "$IMP" "$REFIMP" "$XLSX" "$PDF" >> "$WORK/second.txt"
}
: > "$WORK/second.txt"
: > "$WORK/cpu.txt"

printf '%s\n' "load average before: $(cut -d' ' -f1-3 /proc/loadavg); caps: demo $CAP_DEMO s, plan $CAP_PLAN s, DIMACS $CAP_DIMACS s, glpsol $CAP_GLPK s"
printf '| teachers | partners | demo build (wall / CPU) | plan wall / CPU | plan peak RSS | placed | objective | full network (arcs) | glpsol --mincost wall | glpsol objective | agree |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for N in $SIZES; do
    P=$((N * 3 / 16))
    DB="$WORK/s$N.kopru"
    if [ -n "${DB_DIR:-}" ] && [ -f "$DB_DIR/s$N.kopru" ]; then
        cp "$DB_DIR/s$N.kopru" "$DB"; T_OK=1; DEMO="built earlier"
    else
        timed demo "$CAP_DEMO" "$CLI" demo "$DB" --teachers "$N" --partners "$P"
        DEMO="$T_WALL s / $T_CPU s"
        [ "$T_OK" = 1 ] && [ -n "${DB_DIR:-}" ] && cp "$DB" "$DB_DIR/s$N.kopru"
    fi
    if [ "$T_OK" = 1 ]; then :; else
        printf '| %s | %s | did not finish in %s s | | | | | | | | |\n' "$N" "$P" "$CAP_DEMO"; continue
    fi
    cp "$DB" "$WORK/copy.kopru"
    # The two copies just made are still being written back to the disk; the
    # plan's first fsync (its lock file) would wait for that (0.27 s at
    # 100,000 teachers), which is this script's cost, not the plan's.
    sync
    timed plan "$CAP_PLAN" "$CLI" plan "$DB" --json
    if [ "$T_OK" = 1 ]; then
        PLAN="$T_WALL s / $T_CPU s"; RSS="$T_RSS MB"; PLACED=$(json placed "$WORK/plan.out"); OURS=$(json objective "$WORK/plan.out")
    else
        PLAN="> $CAP_PLAN s"; RSS="≥ $T_RSS MB"; PLACED="—"; OURS="—"
    fi
    # The reference: the full network written by plan --dimacs (on the copy), then glpsol.
    timed dimacs "$CAP_DIMACS" "$CLI" plan "$WORK/copy.kopru" --json --dimacs "$WORK/plan.dimacs"
    ARCS="—"; GLPK="—"; GOBJ="—"; AGREE="—"
    if [ "$T_OK" = 1 ]; then
        ARCS=$(sed -n 's/^p min [0-9]* \([0-9]*\)$/\1/p' "$WORK/plan.dimacs")
        timed glpk "$CAP_GLPK" glpsol --mincost "$WORK/plan.dimacs" -w "$WORK/glpk.sol"
        if [ "$T_OK" = 1 ]; then
            GLPK="$T_WALL s / $T_CPU s ($T_RSS MB)"
            GOBJ=$(awk '/^s bas/ { printf "%.0f", $7 }' "$WORK/glpk.sol")
            [ "$GOBJ" = "$OURS" ] && AGREE=yes || AGREE=no
        else
            GLPK="did not finish in $CAP_GLPK s"
        fi
    else
        GLPK="DIMACS file not written in $CAP_DIMACS s"
    fi
    rm -f "$WORK/plan.dimacs" "$WORK/glpk.sol" "$WORK/copy.kopru"*
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
        "$N" "$P" "$DEMO" "$PLAN" "$RSS" "$PLACED" "$OURS" "$ARCS" "$GLPK" "$GOBJ" "$AGREE"
    echo "$N plan $(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/plan.time")" >> "$WORK/cpu.txt"
    [ "$PLAN_ONLY" = 1 ] || second "$N" "$DB"
    rm -f "$DB"*
done
if [ "$PLAN_ONLY" != 1 ]; then
printf '\n| teachers | GUI start, overview (wall / CPU / peak) | GUI start, teachers | bare Qt window | needs field switch (CPU mean) | full scan of need_rating (CPU) | sort teachers by last name (CPU) | std::stable_sort of the names (CPU) | needs import (wall / CPU / peak) | sqlite3 .import (wall / CPU) | export XLSX (wall / CPU / peak) | export PDF (wall / CPU / peak) |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
cat "$WORK/second.txt"
fi
# How cost grows: the slope of log(CPU) over log(teachers) between consecutive sizes.
printf '\n| figure (CPU) | sizes | exponent |\n|---|---|---|\n'
awk '{ v[$2, $1] = $3; if (!($1 in seen)) { seen[$1] = 1; sizes[++n] = $1 }; if (!($2 in kinds)) { kinds[$2] = 1; order[++k] = $2 } }
     END { for (j = 1; j <= k; j++) for (i = 2; i <= n; i++) {
               a = v[order[j], sizes[i - 1]]; b = v[order[j], sizes[i]]
               if (a > 0 && b > 0) printf "| %s | %s → %s | %.2f |\n", order[j], sizes[i - 1], sizes[i], log(b / a) / log(sizes[i] / sizes[i - 1])
           } }' "$WORK/cpu.txt"
