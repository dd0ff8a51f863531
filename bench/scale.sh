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
# Wall and CPU (user + system) seconds: on a shared machine the wall clock also
# counts waiting for a core, the CPU time does not.
#
# usage: bench/scale.sh [BUILD_DIR] [N ...]      (default sizes 8000 32000 100000)
# Environment: CAP_DEMO, CAP_PLAN, CAP_DIMACS, CAP_GLPK (seconds; defaults 240 180 90 120);
#   DB_DIR: a folder keeping the demo databases (sN.kopru) between runs: an
#   existing one is copied instead of built again (the demo column then says so).
set -eu

BUILD=${1:-build}
[ $# -gt 0 ] && shift
SIZES=${*:-8000 32000 100000}
CLI="$BUILD/app/kopru-cli"
[ -x "$CLI" ] || { echo "bench/scale.sh: $CLI not found (build the kopru-cli target)" >&2; exit 2; }
CAP_DEMO=${CAP_DEMO:-240}
CAP_PLAN=${CAP_PLAN:-180}
CAP_DIMACS=${CAP_DIMACS:-90}
CAP_GLPK=${CAP_GLPK:-120}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_LOGGING_RULES="kopru.*.debug=false"
# Automatic backups of the commands go to the scratch folder.
export XDG_DATA_HOME="$WORK/data"

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
    rm -f "$DB"*
done
