// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

// How a server database tells its clients that rows changed (docs/server.md,
// "Several users at once"): after every INSERT, UPDATE, DELETE or TRUNCATE
// statement on a Köprü table, a statement-level trigger sends
// pg_notify('kopru_changes', payload) — delivered to every listening session
// when the transaction commits. The payload is the table's name, followed by
// ':' and the changed rows' ids (comma-separated) when the statement changed
// few rows of a table with an `id` column: "teacher:12,15" or "need_rating".
// PostgreSQL only; SQLite files have no other sessions to tell.
namespace kopru::ServerNotify {

// The channel the triggers notify on.
QString channel();
// At most this many ids in one payload; a statement that changed more rows
// names only the table (well below PostgreSQL's 8000-byte payload limit).
constexpr int kMaxIds = 100;

// Tables of the current schema that have no notify trigger yet (all of
// them on a server database made before the triggers existed).
Expected<QStringList> missingTables(QSqlDatabase db);
// Creates (or replaces) the trigger functions and the triggers on every
// table of the current schema; run by server-init and copy, and as the
// upgrade of an older server database. Needs the tables' owner; inside the
// caller's transaction.
Status install(QSqlDatabase db);

// One notification's payload, read.
struct Change
{
    QString table;
    QList<int> ids; // empty: any rows of the table
};
// The change a payload describes; nullopt when it is not one of ours.
std::optional<Change> parse(const QString &payload);

} // namespace kopru::ServerNotify
