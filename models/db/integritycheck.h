// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QStringList>

namespace kopru {

// Integrity of a Köprü database: SQLite's own page check, foreign keys and the
// domain rules the schema cannot express (national-ID checksums, ratings in the
// teacher's field, placements over capacity or across fields).
struct IntegrityReport
{
    QStringList problems; // translated, one per finding
    QList<QPair<QString, qint64>> counts; // table → rows, in schema order
    bool ok() const { return problems.isEmpty(); }
};

IntegrityReport checkIntegrity(QSqlDatabase db, bool quick = false);

// The tables of the schema in dependency order (reference data first).
QStringList schemaTables();

} // namespace kopru
