#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Export speed on the national demo data set: kopru-cli export of the plan to
# XLSX, PDF and CSV, beside LibreOffice converting the same CSV to XLSX and
# PDF (soffice --headless --convert-to) in the same run.
# Usage: bench/export.sh [BUILD_DIR]   (default: build)
# Goal (product.md §5): XLSX and PDF of the national plan in under 2 s each.
set -eu
BUILD=${1:-build}
CLI="$BUILD/app/kopru-cli"
BENCH="$BUILD/bench/bench_export"
[ -x "$CLI" ] || { echo "kopru-cli not found in $BUILD/app (build it first)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/national.kopru"
export QT_QPA_PLATFORM=offscreen

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }
# Runs a command and prints "<wall s> wall, <cpu s> cpu".
timed() {
    t0=$(now)
    /usr/bin/time -f '%U %S' -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out"; return 1; }
    t1=$(now)
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/time")
    echo "$(elapsed "$t0" "$t1") s wall, $cpu s cpu"
}

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
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times grow with load; cpu times do not)"

echo
echo "== kopru-cli export plan (whole process: start, read, write)"
for f in csv xlsx pdf; do
    printf '%-6s %s\n' "$f" "$(timed "$CLI" export "$DB" plan --format "$f" --out "$WORK/plan.$f")"
done
printf '%-6s %s\n' "ics" "$(timed "$CLI" export "$DB" schedule --format ics --out "$WORK/schedule.ics")"
echo "sizes: $(ls -l "$WORK"/plan.csv "$WORK"/plan.xlsx "$WORK"/plan.pdf | awk '{ printf "%s %d KB  ", $NF, $5 / 1024 }' | sed "s|$WORK/||g")"
echo "pdf pages: $(pdfinfo "$WORK/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"

if [ -x "$BENCH" ]; then
    echo
    echo "== phases (bench_export, in one process)"
    mkdir -p "$WORK/phases"
    "$BENCH" "$DB" "$WORK/phases" 2>/dev/null
fi

echo
echo "== reference: LibreOffice converting the same CSV"
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$WORK/lo" "$WORK/lo-profile"
    # Warm-up run so that the profile is created outside the measurement.
    soffice -env:UserInstallation=file://"$WORK/lo-profile" --headless --convert-to xlsx --outdir "$WORK/lo" "$WORK/plan.csv" >/dev/null 2>&1 || true
    rm -f "$WORK/lo/"*
    for f in xlsx pdf; do
        printf '%-6s %s\n' "$f" "$(timed soffice -env:UserInstallation=file://"$WORK/lo-profile" --headless \
            --infilter="CSV:59,34,76,1" --convert-to "$f" --outdir "$WORK/lo" "$WORK/plan.csv")"
    done
    echo "sizes: $(ls -l "$WORK"/lo/plan.* 2>/dev/null | awk '{ printf "%s %d KB  ", $NF, $5 / 1024 }' | sed "s|$WORK/lo/||g")"
    echo "pdf pages: $(pdfinfo "$WORK/lo/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
else
    echo "reference unavailable: soffice not installed (Debian: apt-get install libreoffice-calc-nogui)"
fi
