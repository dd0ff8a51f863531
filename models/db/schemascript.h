// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/sqldialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// The current schema as the statements that create it, for either backend:
// read from an SQLite database the migrations built (sqlite_master), so that
// a server database gets exactly the tables, columns, indexes and triggers
// the migrations give a file, translated by SqlDialect. Tables come parents
// first (every table after the tables its foreign keys name), which is also
// the order in which rows are copied.
class SchemaScript final
{
public:
    struct Table
    {
        QString name;
        QString sql; // SQLite's CREATE TABLE
        QStringList columns; // in their order
        QStringList key; // primary key columns
        bool hasIdentity = false; // `id INTEGER PRIMARY KEY`
    };

    // The schema of the current version: the migrations run in a temporary
    // file (removed again).
    static Expected<SchemaScript> current();
    // The schema of the SQLite database `db`.
    static Expected<SchemaScript> read(QSqlDatabase db);

    const std::vector<Table> &tables() const { return m_tables; }
    const Table *table(const QString &name) const;
    QStringList tableNames() const;

    // The statements that create the tables (and what they need) on an
    // empty database of `backend`.
    Expected<QStringList> createTables(SqlDialect::Backend backend) const;
    // The indexes and triggers, created after the rows are in.
    Expected<QStringList> createIndexesAndTriggers(SqlDialect::Backend backend) const;

private:
    std::vector<Table> m_tables;
    QStringList m_indexes;
    QStringList m_triggers;
};

} // namespace kopru
