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
//
// The placement rules are plan conflicts, not damage: a coordinator reaches
// them through the program itself (a teacher moved into a full session after
// its question, a session's capacity lowered, a placed teacher's field
// changed), and the planning page lists them. They are kept apart, so that
// opening such a file neither calls it damaged nor skips its backup;
// `kopru-cli check` reports both and fails on either.
struct IntegrityReport
{
    QStringList problems; // translated, one per finding: damage, or data Köprü never writes
    QStringList conflicts; // translated: the plan's conflicts (see above)
    QList<QPair<QString, qint64>> counts; // table → rows, in schema order
    bool ok() const { return problems.isEmpty(); }
};

IntegrityReport checkIntegrity(QSqlDatabase db, bool quick = false);

// The tables of the schema in dependency order (reference data first).
QStringList schemaTables();

} // namespace kopru
