#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Export speed on the national demo data set: kopru-cli export of the plan to
# XLSX, PDF and CSV, beside LibreOffice converting the same CSV to XLSX and
# PDF (soffice --headless --convert-to) in the same run.
# Usage: bench/export.sh [BUILD_DIR]   (default: build)
#   RUNS=N   runs of each kopru-cli export, the median is shown (default 3;
#            LibreOffice runs once per format)
# Goal (docs/specification.md): XLSX and PDF of the national plan in under 2 s each.
set -eu
BUILD=${1:-build}
RUNS=${RUNS:-3}
CLI="$BUILD/app/kopru-cli"
BENCH="$BUILD/bench/bench_export"
[ -x "$CLI" ] || { echo "kopru-cli not found in $BUILD/app (build it first)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/national.kopru"
export QT_QPA_PLATFORM=offscreen
# kopru-cli plan makes an automatic backup: keep it (and any settings) in the scratch folder.
export XDG_DATA_HOME="$WORK/xdg-data" XDG_CONFIG_HOME="$WORK/xdg-config" XDG_RUNTIME_DIR="$WORK/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

now() { date +%s.%N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# Runs a command once; appends "<wall s> <cpu s>" (cpu = user + system) to $WORK/runs.
run_once() {
    t0=$(now)
    /usr/bin/time -f '%U %S' -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
    t1=$(now)
    awk -v t0="$t0" -v t1="$t1" '{ printf "%.2f %.2f\n", t1 - t0, $1 + $2 }' "$WORK/time" >>"$WORK/runs"
}
# Runs a command N times; prints "<median wall> <median cpu>".
timed_median() {
    n=$1
    shift
    : >"$WORK/runs"
    i=0
    while [ "$i" -lt "$n" ]; do
        run_once "$@" || return 1
        i=$((i + 1))
    done
    echo "$(cut -d' ' -f1 "$WORK/runs" | median) $(cut -d' ' -f2 "$WORK/runs" | median)"
}
show() { echo "$2" | awk -v what="$1" '{ printf "%-6s %s s wall, %s s cpu\n", what, $1, $2 }'; }

echo "== national demo data set"
"$CLI" demo "$DB" >/dev/null
if "$CLI" plan "$DB" >"$WORK/plan.txt" 2>&1; then
    echo "placements from kopru-cli plan: $(sqlite3 "$DB" "SELECT count(*) FROM placement WHERE status <> 'cancelled'")"
else
    echo "kopru-cli plan failed: filling placements with a simple SQL greedy instead"
    sqlite3 "$DB" "INSERT INTO placement(teacher_id, session_id)
        SELECT t.id, (SELECT s.id FROM training_session s WHERE s.field_id = t.field_id
                      AND (SELECT count(*) FROM placement p WHERE p.session_id = s.id) < s.capacity ORDER BY s.id LIMIT 1)
        FROM teacher t WHERE EXISTS (SELECT 1 FROM training_session s WHERE s.field_id = t.field_id) LIMIT 3000;
        DELETE FROM placement WHERE session_id IS NULL;"
    echo "placements (greedy): $(sqlite3 "$DB" "SELECT count(*) FROM placement")"
fi
LOAD_START=$(loadavg)
echo "machine load: $LOAD_START on $(nproc) cores (wall times grow with load; cpu times much less)"

echo
echo "== kopru-cli export plan (whole process: start, read, write; median of $RUNS runs)"
for f in csv xlsx pdf; do
    r=$(timed_median "$RUNS" "$CLI" export "$DB" plan --format "$f" --out "$WORK/plan.$f")
    eval "KOPRU_$f=\"\$r\""
    show "$f" "$r"
done
show ics "$(timed_median "$RUNS" "$CLI" export "$DB" schedule --format ics --out "$WORK/schedule.ics")"
echo "sizes: $(ls -l "$WORK"/plan.csv "$WORK"/plan.xlsx "$WORK"/plan.pdf | awk '{ printf "%s %d KB  ", $NF, $5 / 1024 }' | sed "s|$WORK/||g")"
echo "pdf pages: $(pdfinfo "$WORK/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"

if [ -x "$BENCH" ]; then
    echo
    echo "== phases (bench_export, in one process)"
    "$BENCH" "$DB" "$WORK/phases" 2>/dev/null
fi

echo
echo "== reference: LibreOffice converting the same CSV"
LO_xlsx="" LO_pdf=""
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$WORK/lo" "$WORK/lo-profile"
    # Warm-up run so that the profile is created outside the measurement.
    soffice -env:UserInstallation=file://"$WORK/lo-profile" --headless --convert-to xlsx --outdir "$WORK/lo" "$WORK/plan.csv" >/dev/null 2>&1 || true
    rm -f "$WORK/lo/"*
    for f in xlsx pdf; do
        r=$(timed_median 1 soffice -env:UserInstallation=file://"$WORK/lo-profile" --headless \
            --infilter="CSV:59,34,76,1" --convert-to "$f" --outdir "$WORK/lo" "$WORK/plan.csv") || r=""
        eval "LO_$f=\"\$r\""
        show "$f" "${r:-failed failed}"
    done
    echo "sizes: $(ls -l "$WORK"/lo/plan.* 2>/dev/null | awk '{ printf "%s %d KB  ", $NF, $5 / 1024 }' | sed "s|$WORK/lo/||g")"
    echo "pdf pages: $(pdfinfo "$WORK/lo/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
else
    echo "reference unavailable: soffice not installed (Debian: apt-get install libreoffice-calc-nogui)"
fi

echo
echo "== summary (load average $LOAD_START at the start, $(loadavg) at the end; goal: under 2 s each)"
printf '%-6s %-24s %-24s %s\n' format "kopru-cli (wall, cpu)" "LibreOffice (wall, cpu)" "LibreOffice / kopru-cli (wall, cpu)"
for f in xlsx pdf; do
    eval "k=\$KOPRU_$f; l=\$LO_$f"
    printf '%-6s %-24s %-24s %s\n' "$f" \
        "$(echo "$k" | awk '{ printf "%s s, %s s", $1, $2 }')" \
        "$(if [ -n "$l" ]; then echo "$l" | awk '{ printf "%s s, %s s", $1, $2 }'; else echo "n/a"; fi)" \
        "$(if [ -n "$l" ]; then echo "$k $l" | awk '{ if ($1 > 0 && $2 > 0) printf "%.1f×, %.1f×", $3 / $1, $4 / $2; else print "n/a" }'; else echo "n/a"; fi)"
done
