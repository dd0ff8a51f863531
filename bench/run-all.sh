#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark of docs/specification.md (speed goals) on the national demo data set and
# prints each figure beside a reference measured in the same run.
#
#   bash bench/run-all.sh                 (build dir: ./build, work dir: a new temp dir)
#   KOPRU_BUILD=build-rel KOPRU_BENCH_WORK=/tmp/kb bash bench/run-all.sh
#   KOPRU_BENCH_SKIP="plan.sh export.sh" RUNS=3 bash bench/run-all.sh   (skip some scripts)
#
# 1. builds kopru, kopru-cli and the bench_* programs (Release unless the build
#    dir is already configured),
# 2. builds the national demo database (kopru-cli demo: 8,000 teachers, 1,500 partners),
# 3. runs every other bench/*.sh (import.sh, plan.sh, export.sh, needs.sh, …) with
#    the build directory as first argument and KOPRU_BUILD, KOPRU_CLI, KOPRU_GUI,
#    KOPRU_DB (the national database, do not modify it: copy it first) and
#    KOPRU_BENCH_WORK (scratch folder) in the environment,
# 4. measures its own figures: GUI start (kopru --screenshot vs a bare Qt window
#    doing the same) and peak memory (/usr/bin/time -v) of plan, import, export
#    and the GUI.
# Results are recorded in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export KOPRU_BUILD=${KOPRU_BUILD:-$ROOT/build}
export KOPRU_BENCH_WORK=${KOPRU_BENCH_WORK:-$(mktemp -d /tmp/kopru-bench.XXXXXX)}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# Automatic backups of the commands go to the scratch folder, not the user's data folder.
export XDG_DATA_HOME=$KOPRU_BENCH_WORK/xdg-data
export XDG_CONFIG_HOME=$KOPRU_BENCH_WORK/xdg-config
export XDG_RUNTIME_DIR=$KOPRU_BENCH_WORK/xdg-runtime
mkdir -p "$KOPRU_BENCH_WORK" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"
JOBS=${JOBS:-2}
RUNS=${RUNS:-5}

say() { printf '\n== %s\n' "$*"; }
ms_now() { date +%s%N | cut -c1-13; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
# "wall_ms cpu_ms" of one run of a command (output discarded); CPU = user + system,
# which a loaded machine does not inflate the way it inflates the wall clock
wall_cpu() {
    local log=$KOPRU_BENCH_WORK/wallcpu.log
    /usr/bin/time -f '%e %U %S' -o "$log" "$@" >/dev/null 2>&1 || true
    awk '{printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000}' "$log"
}
# median wall and CPU of RUNS runs: "wall_ms cpu_ms"
median_wall_cpu() {
    local runs=$KOPRU_BENCH_WORK/runs.txt
    : > "$runs"
    for _ in $(seq "$RUNS"); do wall_cpu "$@" >> "$runs"; done
    printf '%s %s' "$(cut -d' ' -f1 "$runs" | median)" "$(cut -d' ' -f2 "$runs" | median)"
}
# peak resident memory in MB of a command (its output is discarded)
peak_mb() {
    local log=$KOPRU_BENCH_WORK/time.log
    if /usr/bin/time -v "$@" >/dev/null 2>"$log"; then
        awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log"
    else
        printf 'failed(%s)' "$(tail -1 "$log" | cut -c1-60)"
    fi
}

say "build ($KOPRU_BUILD)"
if [ ! -f "$KOPRU_BUILD/CMakeCache.txt" ]; then
    cmake -S . -B "$KOPRU_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
bench_targets=$(for f in bench/bench_*.cpp; do basename "$f" .cpp; done)
# shellcheck disable=SC2086
cmake --build "$KOPRU_BUILD" -j"$JOBS" --target kopru kopru-cli $bench_targets
export KOPRU_CLI=$KOPRU_BUILD/app/kopru-cli
export KOPRU_GUI=$KOPRU_BUILD/app/kopru
BENCH_BIN=$KOPRU_BUILD/bench
"$KOPRU_CLI" --version
printf 'machine: %s, %s CPUs, %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"

say "national demo data set"
export KOPRU_DB=$KOPRU_BENCH_WORK/national.kopru
rm -f "$KOPRU_DB" "$KOPRU_DB-wal" "$KOPRU_DB-shm"
t0=$(ms_now)
"$KOPRU_CLI" demo "$KOPRU_DB" >/dev/null
echo "kopru-cli demo: $(( $(ms_now) - t0 )) ms, $(du -m "$KOPRU_DB" | cut -f1) MB"
"$KOPRU_CLI" check "$KOPRU_DB" | grep -E 'teacher |need_rating|partner |training_session|check' || true

status=0
for script in bench/*.sh; do
    [ "$(basename "$script")" = "run-all.sh" ] && continue
    say "$script"
    case " ${KOPRU_BENCH_SKIP:-} " in
        *" $(basename "$script") "*) echo "skipped (KOPRU_BENCH_SKIP)"; continue ;;
    esac
    if ! bash "$script" "$KOPRU_BUILD"; then
        echo "!! $script failed"
        status=1
    fi
done

say "GUI start: kopru DB --page NAME --screenshot (median of $RUNS) vs a bare Qt window doing the same"
echo "(all include the same 400 ms settle before the grab; CPU = user + system)"
read -r bare_wall bare_cpu <<<"$(median_wall_cpu "$BENCH_BIN/bench_barewindow" "$KOPRU_BENCH_WORK/bare.png")"
printf '%-40s wall %6s ms  CPU %6s ms\n' "bare Qt window (reference)" "$bare_wall" "$bare_cpu"
for page in overview needs placement; do
    read -r gui_wall gui_cpu <<<"$(median_wall_cpu "$KOPRU_GUI" "$KOPRU_DB" --page "$page" --screenshot "$KOPRU_BENCH_WORK/$page.png")"
    printf '%-40s wall %6s ms  CPU %6s ms   (Köprü itself: wall +%s ms, CPU +%s ms)\n' \
        "kopru, national db, page $page" "$gui_wall" "$gui_cpu" "$(( gui_wall - bare_wall ))" "$(( gui_cpu - bare_cpu ))"
done

say "peak memory (/usr/bin/time -v, maximum resident set size; goal < 300 MB)"
plan_db=$KOPRU_BENCH_WORK/peak-plan.kopru
import_db=$KOPRU_BENCH_WORK/peak-import.kopru
needs_csv=$KOPRU_BENCH_WORK/needs-wide.csv
"$KOPRU_CLI" backup "$KOPRU_DB" "$plan_db.tmp" >/dev/null && mv "$plan_db.tmp" "$plan_db"
"$KOPRU_CLI" backup "$KOPRU_DB" "$import_db.tmp" >/dev/null && mv "$import_db.tmp" "$import_db"
sqlite3 "$import_db" "DELETE FROM need_rating;" 2>/dev/null || echo "(sqlite3 missing: the import runs as an update)"
"$BENCH_BIN/bench_needscsv" "$KOPRU_DB" "$needs_csv"
printf '%-44s %8s MB\n' "bare Qt window (reference)" "$(peak_mb "$BENCH_BIN/bench_barewindow" "$KOPRU_BENCH_WORK/bare.png")"
printf '%-44s %8s MB\n' "sqlite3 .import of the needs CSV (reference)" \
    "$(peak_mb sqlite3 "$KOPRU_BENCH_WORK/ref.sqlite" -cmd '.mode csv' -cmd '.separator ;' ".import $needs_csv needs")"
printf '%-44s %8s MB\n' "kopru-cli import needs (320,000 ratings)" "$(peak_mb "$KOPRU_CLI" import "$import_db" needs "$needs_csv")"
printf '%-44s %8s MB\n' "kopru-cli plan" "$(peak_mb "$KOPRU_CLI" plan "$plan_db")"
printf '%-44s %8s MB\n' "kopru-cli export plan --format xlsx" \
    "$(peak_mb "$KOPRU_CLI" export "$plan_db" plan --format xlsx --out "$KOPRU_BENCH_WORK/plan.xlsx")"
printf '%-44s %8s MB\n' "kopru-cli export plan --format pdf" \
    "$(peak_mb "$KOPRU_CLI" export "$plan_db" plan --format pdf --out "$KOPRU_BENCH_WORK/plan.pdf")"
printf '%-44s %8s MB\n' "kopru --page overview --screenshot" \
    "$(peak_mb "$KOPRU_GUI" "$plan_db" --page overview --screenshot "$KOPRU_BENCH_WORK/overview.png")"
printf '%-44s %8s MB\n' "kopru --page needs --screenshot" \
    "$(peak_mb "$KOPRU_GUI" "$plan_db" --page needs --screenshot "$KOPRU_BENCH_WORK/needs.png")"

say "done (work folder: $KOPRU_BENCH_WORK)"
exit $status
