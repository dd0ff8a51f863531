// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/columnmapping.h"
#include "models/import/importkind.h"
#include "models/import/importreport.h"
#include "models/io/sourcetable.h"

#include <QSqlDatabase>

namespace kopru {

// Imports a table of one kind into a database: maps the columns, validates
// every row (all refusals are collected, each with file, line and column),
// decides per row insert/update/skip, and, unless it is a dry run or anything
// was refused, writes everything in one transaction (all or nothing).
class Importer
{
public:
    static ImportReport run(QSqlDatabase db, ImportKind kind, const SourceTable &table, const ImportOptions &options);

    // The automatic mapping for a table (with the database's competency codes
    // for needs) plus the overrides; for previews.
    static ColumnMapping mapping(
        QSqlDatabase db, ImportKind kind, const QStringList &header, const QHash<int, QString> &overrides);

private:
    static void runInto(
        ImportReport &report, QSqlDatabase db, ImportKind kind, const SourceTable &table, const ImportOptions &options);
};

} // namespace kopru
