// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

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
class RatingInserter final
{
public:
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
    Status flushBlock();
    Status flushSingly();
    Status write(QSqlQuery &q, bool packed);

    QSqlDatabase m_db;
    QSqlQuery m_single, m_block, m_packedBlock;
    std::vector<Row> m_pending;
    bool m_packable = true; // every pending row fits pack()
    struct Index
    {
        QString name, sql;
    };
    std::vector<Index> m_dropped;
};

} // namespace kopru
