// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace kopru {

// Who owns what a row holds (docs/exchange.md, "Owners").
struct RowOwnership
{
    QVariant owner; // owner_centre_id (NULL = the national office)
    QVariant centre; // a teacher's centre_id: the owner of what the centre records
};

// The rule that only a record's owner changes it, for every write path of
// this database (table edits, adding, deleting, ratings, imports, plans): a
// centre changes what it owns — its partners, sessions, placements, schools,
// the teachers it registered and what it records about its teachers — and
// proposes corrections of the rest; the national office changes what it owns
// and never what a centre owns. Each check returns an empty string when the
// change is allowed, else the translated reason (naming the owner).
class Ownership final
{
public:
    explicit Ownership(DatabaseRole role)
        : m_role(role)
    { }
    static Expected<Ownership> of(QSqlDatabase db);

    const DatabaseRole &role() const { return m_role; }

    // Changing `column` (empty: the whole row) of a row of `table`.
    QString editProblem(const QString &table, const QString &column, const RowOwnership &row) const;
    // Adding a row to `table` (it becomes this database's).
    QString insertProblem(const QString &table) const;
    QString deleteProblem(const QString &table, const RowOwnership &row) const { return editProblem(table, {}, row); }

    // The ownership of the rows of `table` (id → ownership); empty for a
    // table whose rows have none of their own.
    static Expected<QHash<int, RowOwnership>> rowsOf(QSqlDatabase db, const QString &table);
    static Expected<RowOwnership> rowOf(QSqlDatabase db, const QString &table, qint64 id);

    // The checks above against the database, as a Status for the writers.
    static Status checkEdit(QSqlDatabase db, const QString &table, const QString &column, qint64 id);
    static Status checkInsert(QSqlDatabase db, const QString &table);
    static Status checkDelete(QSqlDatabase db, const QString &table, qint64 id);

    // Whether a teacher's column is what its centre records (availability, notes).
    static bool isTeacherRecordColumn(const QString &column);

private:
    QString ownedBy(const QVariant &owner) const;
    DatabaseRole m_role;
};

} // namespace kopru
