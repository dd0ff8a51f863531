#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Optimiser benchmark (docs/specification.md: the national demo set plans in under 1 s).
# Builds the national demo database, times `kopru-cli plan` (wall clock and
# the duration it reports) and GLPK's glpsol on the very DIMACS file the plan
# wrote, in the same run, and says whether the optimal costs agree.
#
# usage: bench/plan.sh [BUILD_DIR] [--exact]
#   BUILD_DIR  a configured and built tree (default: build); needs app/kopru-cli
#   --exact    also run `glpsol --exact` (rational arithmetic; slow on the national set)
# Environment: TEACHERS, PARTNERS (demo size; defaults 8000 and 1500).
set -eu

BUILD=${1:-build}
EXACT=${2:-}
CLI="$BUILD/app/kopru-cli"
[ -x "$CLI" ] || { echo "bench/plan.sh: $CLI not found (build the kopru-cli target)" >&2; exit 2; }
TEACHERS=${TEACHERS:-8000}
PARTNERS=${PARTNERS:-1500}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# CPU seconds (user + system) of a command, when GNU time is there: on a
# shared, loaded machine the wall clock also counts waiting for a core.
cpu() { # output-file command...
    out=$1; shift
    if [ -x /usr/bin/time ]; then /usr/bin/time -f "%U %S" -o "$WORK/cpu" "$@" > "$out"; awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$WORK/cpu"
    else "$@" > "$out"; echo "?"; fi
}
elapsed_ms() { echo "$1 $2" | awk '{ printf "%.0f", ($2 - $1) * 1000 }'; }
json() { sed -n "s/^ *\"$1\": *\([^,]*\),*$/\1/p" "$2"; }

echo "== demo data set: $TEACHERS teachers, $PARTNERS partners"
"$CLI" demo "$WORK/n.kopru" --teachers "$TEACHERS" --partners "$PARTNERS"
cp "$WORK/n.kopru" "$WORK/m.kopru"

echo "== kopru-cli plan (LEMON network simplex), first plan of the set"
t0=$(now); C=$(cpu "$WORK/plan1.json" "$CLI" plan "$WORK/n.kopru" --json); t1=$(now)
echo "   wall $(elapsed_ms "$t0" "$t1") ms, CPU $C ms (process start, load, solve, store), reported by kopru-cli $(json durationMs "$WORK/plan1.json") ms"
echo "   placed $(json placed "$WORK/plan1.json"), unplaced $(json unplaced "$WORK/plan1.json"), objective $(json objective "$WORK/plan1.json")"

echo "== kopru-cli plan again (re-planning over the stored plan)"
t0=$(now); C=$(cpu "$WORK/plan2.json" "$CLI" plan "$WORK/n.kopru" --json); t1=$(now)
echo "   wall $(elapsed_ms "$t0" "$t1") ms, CPU $C ms, reported $(json durationMs "$WORK/plan2.json") ms"

echo "== kopru-cli plan --dimacs (same instance as the first plan, written out)"
t0=$(now); "$CLI" plan "$WORK/m.kopru" --json --dimacs "$WORK/plan.dimacs" > "$WORK/plan3.json"; t1=$(now)
OURS=$(json objective "$WORK/plan3.json")
echo "   wall $(elapsed_ms "$t0" "$t1") ms including the DIMACS file ($(grep -c '^a ' "$WORK/plan.dimacs") arcs), objective $OURS"

if ! command -v glpsol > /dev/null; then
    echo "== glpsol not installed (Debian: glpk-utils): no reference measured"
    exit 0
fi

compare() { # label solution-file
    GLPK=$(awk '/^s bas/ { printf "%.0f", $7 }' "$2")
    DIFF=$(echo "$GLPK $OURS" | awk '{ d = $1 - $2; printf "%.0f", d }')
    if [ "$DIFF" = "0" ]; then AGREE=yes; else AGREE="no (glpsol is $DIFF above)"; fi
    echo "   $1 objective $GLPK; ours $OURS; optimal costs agree: $AGREE"
}

echo "== glpsol --mincost (GLPK simplex, floating point) on the same file"
t0=$(now); C=$(cpu "$WORK/glpk.log" glpsol --mincost "$WORK/plan.dimacs" -w "$WORK/glpk.sol"); t1=$(now)
echo "   wall $(elapsed_ms "$t0" "$t1") ms, CPU $C ms (read + solve)"
compare "glpsol" "$WORK/glpk.sol"

if [ "$EXACT" = "--exact" ]; then
    echo "== glpsol --mincost --exact (rational arithmetic) on the same file"
    t0=$(now); C=$(cpu "$WORK/exact.log" glpsol --mincost "$WORK/plan.dimacs" --exact -w "$WORK/exact.sol"); t1=$(now)
    echo "   wall $(elapsed_ms "$t0" "$t1") ms, CPU $C ms"
    compare "glpsol --exact" "$WORK/exact.sol"
fi
