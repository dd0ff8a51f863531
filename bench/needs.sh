#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Field switching on the needs-analysis page, on the national demo data set.
# bench_needs prints, for all 25 fields (3 rounds): the statistics alone and a
# whole switch on the page (statistics, model resets, charts, painting), beside
# a full scan of all 320,000 ratings measured in the same run on the same
# connection; the switch also by phase, by tab shown, first visit of a field
# (data read) apart from revisits (data cached by the page), and tab switches.
# Then sqlite3's own CLI runs per-field aggregate queries (reference: the SQL
# alone, without Qt). Wall and CPU time are both shown, with the load average:
# on a shared machine the CPU time is the fairer figure.
# Usage: bench/needs.sh [BUILD_DIR]   (default: build; uses $KOPRU_DB if set)
# Goal (docs/specification.md): switching fields without a visible pause (< 100 ms).
set -eu
BUILD=${1:-build}
CLI="$BUILD/app/kopru-cli"
BENCH="$BUILD/bench/bench_needs"
[ -x "$BENCH" ] || { echo "bench_needs not found in $BUILD/bench (build the target bench_needs first)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
DB=${KOPRU_DB:-}
if [ -z "$DB" ]; then
    DB="$WORK/national.kopru"
    "$CLI" demo "$DB" >/dev/null
fi
echo "== needs analysis: field switching (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$BENCH" "$DB" 2>/dev/null
echo "   (load after: $(cut -d' ' -f1-3 /proc/loadavg))"

if command -v sqlite3 >/dev/null; then
    echo "== reference: per-field queries in the sqlite3 CLI (all 25 fields)"
    # The 3 aggregate queries the page ran until FieldData (GROUP BY sorts).
    {
        echo ".timer on"
        for f in $(sqlite3 "$DB" "SELECT id FROM field ORDER BY id"); do
            echo "SELECT count(*) FROM (SELECT r.competency_id, r.need, count(*) FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = $f AND r.round = 1 GROUP BY r.competency_id, r.need);"
            echo "SELECT count(DISTINCT r.teacher_id) FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = $f AND r.round = 1;"
            echo "SELECT count(*) FROM (SELECT t.province_id, r.competency_id, r.need, count(*) FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = $f AND r.round = 1 GROUP BY t.province_id, r.competency_id, r.need);"
        done
    } | sqlite3 "$DB" 2>&1 | awk '/Run Time/ { real += $4; user += $6; sys += $8; n++ }
        END { printf "sqlite3 CLI, the former 3 aggregate queries per field: wall %.1f ms, cpu %.1f ms per field\n", 1000 * real / (n / 3), 1000 * (user + sys) / (n / 3) }'
    # What FieldData::load reads now: the latest round, then that round's ratings in one pass.
    {
        echo ".timer on"
        for f in $(sqlite3 "$DB" "SELECT id FROM field ORDER BY id"); do
            echo "SELECT max(r.round) FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = $f;"
            echo "SELECT count(*), sum(x) FROM (SELECT r.teacher_id, r.competency_id, ifnull(r.need, 0) AS x FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = $f AND r.round = 1);"
        done
    } | sqlite3 "$DB" 2>&1 | awk '/Run Time/ { real += $4; user += $6; sys += $8; n++ }
        END { printf "sqlite3 CLI, the 2 rating queries of FieldData per field: wall %.1f ms, cpu %.1f ms per field\n", 1000 * real / (n / 2), 1000 * (user + sys) / (n / 2) }'
fi
