// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <initializer_list>
#include <utility>
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
// triggers' work. Multi-row VALUES, the same on SQLite and PostgreSQL (but
// for the shared columns, below).
//
// Columns whose value is the same in every row (a plan's run id, owner and
// label) can be given once as `shared`. On SQLite they are then bound once a
// statement, not once a row: Qt's driver spends about a microsecond on every
// bound value (it formats and looks up a name for each), which was a fifth
// of storing a plan's proposals (issue #16, docs/benchmarks.md). Elsewhere
// they are bound with each row as before (a server would type the columns
// of a VALUES list in a FROM clause as text).
class BlockInsert final
{
public:
    static constexpr int kRows = 64;
    using Shared = QList<std::pair<QString, QVariant>>;

    BlockInsert(QSqlDatabase db, QString table, QStringList columns, Shared shared = {});
    Status prepare();
    // One value per column, in the order of the columns (the shared ones not).
    Status add(std::initializer_list<QVariant> row);
    Status finish();

private:
    Status flush(QSqlQuery &q, int rows);
    int perRow() const;

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    Shared m_shared;
    bool m_sharedOnce = false; // bound once a statement (SQLite), else with each row
    QSqlQuery m_block, m_single;
    std::vector<QVariant> m_pending;
};

} // namespace kopru
