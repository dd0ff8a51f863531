// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

// A package's tables on a server database, which cannot attach the package
// file (docs/exchange.md, "On a server database"): temporary tables
// pkg_<table> of the server session, one per package table, typed as the
// columns they are read from or written to in the database, plus the
// package's row number `rowid`; dropped at the end of the transaction. Rows
// travel between them and the package file (its own SQLite connection) in
// multi-row INSERTs of bound values.
namespace kopru::PackageStaging {

// Where the staged tables are for the exchange's SQL: "temp.pkg_".
QString prefix();
// Creates the (empty) staged tables in the caller's transaction on `db`;
// named `tablePrefix` + the package table (HeldRows stages the rows of the
// review list the same way on a server: "temp.held_").
Status create(QSqlDatabase db, const QString &tablePrefix = prefix());
// Copies every package table of `file` (schema main) into the staged tables
// of `db`; `progress` gets 0…100.
Status fill(QSqlDatabase file, QSqlDatabase db, const std::function<void(int)> &progress = {});
// Copies the staged tables of `db` into the package tables of `file`
// (schema main, made by TravellingTables::packageSchema).
Status drain(QSqlDatabase db, QSqlDatabase file);

// The package file on a connection of its own (`readOnly` for one received),
// named by the returned connection name; closeFile() removes it.
Expected<QString> openFile(const QString &path, bool readOnly);
void closeFile(const QString &connectionName);

} // namespace kopru::PackageStaging
