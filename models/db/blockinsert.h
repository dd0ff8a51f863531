// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <initializer_list>
#include <vector>

namespace kopru {

// New rows of one table written many to a statement: one INSERT of kRows
// rows prepared once, what is left at the end one by one. The demo writes
// hundreds of thousands of small rows (attendance days, evaluation answers,
// the competencies of partners and sessions) and a plan tens of thousands of
// proposals, whose ids nobody needs back; one statement each cost more in
// Qt's driver and in SQLite's set-up of a statement than storing the row
// (docs/benchmarks.md, "How cost grows"). Runs inside the caller's write
// transaction; call finish() before reading the table or relying on its
// triggers' work. Plain multi-row VALUES: the same on SQLite and PostgreSQL.
class BlockInsert final
{
public:
    static constexpr int kRows = 64;

    BlockInsert(QSqlDatabase db, QString table, QStringList columns);
    Status prepare();
    // One value per column, in the order of the columns.
    Status add(std::initializer_list<QVariant> row);
    Status finish();

private:
    Status flush(QSqlQuery &q, int rows);

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    QSqlQuery m_block, m_single;
    std::vector<QVariant> m_pending;
};

} // namespace kopru
