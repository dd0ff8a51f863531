// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applysummary.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/travellingtables.h"

#include <QSqlDatabase>

namespace kopru {

// What one application of package rows works on: the database, who it is,
// who sent the rows and where they are (an attached package, "pkg.", or
// rows held in the review list copied to temporary tables, "temp.held_").
struct ApplyContext
{
    QSqlDatabase db;
    DatabaseRole me;
    DatabaseRole sender;
    QString source = QStringLiteral("pkg.");
    ApplySummary *summary = nullptr;
    QString src(const QString &table) const { return source + table; }
};

// Set-based application of one package table (docs/exchange.md, "Applying a
// package", step 4): the rows are classified in a temporary table
// temp.x_<name> (new, updated, unchanged, conflict, refused …, see
// applytable.cpp) with one statement per rule, then written with one
// INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE excluded.version > version
// (or UPDATE … FROM for a part of a row). Runs inside the caller's
// transaction; the temporary tables stay until dropTemporaryTables().
namespace ApplyTable {

Status apply(const ApplyContext &ctx, const TravellingTable &table);
// Replaces the lists of the parents that apply() wrote.
Status applyList(const ApplyContext &ctx, const TravellingList &list);
// Rows of `table` in the package that name a school another school of this
// database already is (same name, province and district): they are made to
// name that one (schools made in two places are one school).
Status mapSameSchools(const ApplyContext &ctx);
Status dropTemporaryTables(QSqlDatabase db);

} // namespace ApplyTable

} // namespace kopru
