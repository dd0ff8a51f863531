// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace kopru {

// The version of a row as an edit sees it, and the refusal of an edit whose
// row changed since (no lost update; docs/server.md, "Several users at once").
// The triggers of the travelling tables raise `version` on every real change
// (docs/exchange.md, "Versions and change marks") and record where and when:
// an edit carries the version the user saw and writes only while the row
// still has it, on SQLite and on PostgreSQL alike.
// What the user saw of a row: its version when the model loaded it (invalid
// for a table without versions), its global id (to find who deleted it) and
// how the row is named in messages ("Ayşe Işık").
struct SeenRow
{
    QVariant version;
    QVariant uid;
    QString subject;
};

namespace RowVersion {

// The SQL expression of a row's version in `table`, over its own columns:
// "version", for teachers "version + record_version" (the identity and the
// record columns are versioned apart; either rising is a change). Empty when
// the table has no version.
QString expression(const QString &table);

// The version of row `id` of `table` now; an invalid QVariant when there is
// no such row.
Expected<QVariant> read(QSqlDatabase db, const QString &table, int id);

// Within the caller's write transaction: whether row `id` of `table` is
// still at version `expected`, holding the row against every other writer
// until the transaction ends (SqlDialect::lockRowsClause), so that what the
// caller writes next cannot overwrite a change committed in between. False
// when the row changed or is gone (then refusal() says by whom).
Expected<bool> holds(QSqlDatabase db, const QString &table, int id, const QVariant &expected);

// The refusal of a change of `subject` (row `id` of `table`, global id `uid`
// when known) whose version is no longer the one the change was made from:
// who changed it and when ("“Ayşe Işık” was changed by the national office
// at 10:42 — reload to see the new value."), or who deleted it. Always a
// failure.
Status refusal(QSqlDatabase db, const QString &table, int id, const QVariant &uid, const QString &subject);

// The same refusal for a row whose who and when the caller read itself
// (`label` as the triggers write it, `utc` their time): "“subject” was
// changed by … at …".
Status changedBy(QSqlDatabase db, const QString &subject, const QString &label, const QString &utc);

// The refusal of a change of `subject` whose row has no record of who changed
// it (a need rating): changed or deleted meanwhile.
Status refusalWithoutAuthor(const QString &subject, bool deleted);

// The version this program's own last change of `row` ("table:id") through
// connection `db` left: what the next undo or redo of a change of that row
// expects (an undo raises the version too, so a command lower on the stack
// cannot expect the version it left itself). Invalid when none was kept.
void remember(const QSqlDatabase &db, const QString &row, const QVariant &version);
QVariant remembered(const QSqlDatabase &db, const QString &row);

// Where a change was made as the triggers record it, for people: on a file
// 'national' or 'centre:N' — "the national office", "centre Ankara 1"; on a
// server the place and the login ('national:ayse', SqlDialect::changeLabel)
// — "ayse (national office)". A label from a server that travelled in a
// package reads the same on a centre's file.
QString who(QSqlDatabase db, const QString &label);

// A UTC time as the triggers write it ("2026-03-01 07:42:00") in the user's
// time zone and locale, short: the time, and the date too when not today.
QString when(const QString &utc);

} // namespace RowVersion

} // namespace kopru
