// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/import/schemapause.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <vector>

namespace kopru {

// Writes many new need ratings fast: the import of a survey and the demo.
// Ratings go in blocks of many rows per statement, packed into one integer
// each where the numbers allow, and a bulk load rebuilds the table's indexes
// once at the end instead of inserting into them at random places (see the
// .cpp for the measurements behind each step). An error names the line of
// the rating that caused it. Runs inside the caller's write transaction; the
// caller should hold a BulkWriteScope.
//
// A bulk load also takes the row triggers of need_rating out of the way when
// doing their work itself gives the same database (docs/benchmarks.md, #16):
// need_rating_same_field (checked here against the fields read at begin();
// at the first rating it would refuse, the trigger is back before that
// rating is written, so that it refuses it with its own error) and
// need_rating_restored (only when no rating has a tombstone, so that it
// could not fire). Both are made again by finish() from their own SQL.
//
// On a connection whose foreign keys are off (an import of a survey turns
// them off for its transaction: checked row by row they cost more than the
// inserts they guard), every rating's teacher and competency are checked
// here against the ids read at begin(), and a rating of a missing one is
// refused at its line with the error the foreign key would give.
class RatingInserter final
{
public:
    // While one of these lives (in any thread), bulk loads keep the triggers
    // firing row by row as before: for the test that both ways give the
    // same database, and for measurements.
    class KeepTriggers final
    {
    public:
        KeepTriggers();
        ~KeepTriggers();
        KeepTriggers(const KeepTriggers &) = delete;
        KeepTriggers &operator=(const KeepTriggers &) = delete;
    };

    struct Row
    {
        qint64 teacher = 0;
        qint64 competency = 0;
        int round = 1;
        int need = 0; // 1..5; 0 = none (NULL)
        int proficiency = 0; // likewise
        int line = 0; // of the source file, for errors; 0: none
    };

    explicit RatingInserter(QSqlDatabase db);
    // Before the first add(): about `expected` new rows for a table that holds
    // `existing` rows now.
    Status begin(qint64 expected, qint64 existing);
    Status add(const Row &row);
    // Writes what is left and builds the indexes again.
    Status finish();

private:
    enum class Shape { Single, Plain, Packed, Json };

    Status pauseTriggers();
    Status loadFields();
    // Whether need_rating_same_field would let `row` in (when it is paused).
    bool sameField(const Row &row);
    // The field of a teacher (or competency), kNoField for none; a failed
    // look-up is kept in m_lookupFailure.
    qint64 fieldOf(bool teacher, qint64 id, bool *exists);
    // Whether the teacher and the competency of the row sameField() looked
    // at last exist (when the connection does not check its foreign keys).
    bool keysExist() const;
    Status flushBlock();
    Status flushSingly();
    Status write(QSqlQuery &q, Shape shape);

    QSqlDatabase m_db;
    QSqlQuery m_single, m_block, m_packedBlock, m_jsonBlock;
    bool m_json = false; // m_jsonBlock is prepared (SQLite with JSON)
    std::vector<Row> m_pending;
    bool m_packable = true; // every pending row fits pack()
    SchemaPause m_paused; // indexes and triggers dropped for a bulk load
    // Field of each teacher and competency (kNoField for NULL), while
    // need_rating_same_field is paused or the foreign keys are checked here.
    bool m_checkingField = false;
    bool m_checkingKeys = false;
    QHash<qint64, qint64> m_teacherField, m_competencyField;
    QSqlQuery m_fieldOfTeacher, m_fieldOfCompetency;
    Status m_lookupFailure;
    qint64 m_lastTeacher = -1, m_lastTeacherField = 0;
    bool m_lastTeacherExists = false, m_lastCompetencyExists = false;
};

} // namespace kopru
