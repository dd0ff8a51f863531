// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

// Small helpers so that every prepare/exec result is checked and values are
// always bound, never concatenated into SQL.
namespace kopru::Sql {

// Runs one statement with positional bindings.
Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
// Prepares `sql` into `query` (forward-only).
Status prepare(QSqlQuery &query, const QString &sql);
// Executes a prepared query after binding `bindings` positionally.
Status run(QSqlQuery &query, std::initializer_list<QVariant> bindings = {});
// The first column of the first row, or an invalid QVariant; errors as Error.
Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
// "?,?,?": `n` positional placeholders for an IN list; the values are bound,
// never written into the SQL.
QString marks(qsizetype n);
// Error from a failed query: SQLite's text, or for a storage failure (see
// below) a translated message that says what to do.
Error errorOf(const QSqlQuery &query);
Error errorOf(const QSqlError &error);
// A failure of the storage rather than of the data: another program holds
// the write lock (busy), a full disk, a damaged file, an I/O error, a
// read-only file. exec() and scalar() put the database's file into such an
// Error; it is never reported at a line of an input file.
bool isStorageFailure(const QSqlError &error);
// An error while writing what line `line` of an input file asked for: at that
// line for a refusal of the data (a constraint), without a line for a
// storage failure.
Error rowError(const QSqlQuery &query, int line);
// The file of a connection (also of one opened by URI).
QString fileOf(const QSqlDatabase &db);

// Runs `sql` with positional `bindings` and calls `row(query)` for each
// result row (forward only). The one loop over a query's rows.
template <typename RowFn> Status forEachRow(QSqlDatabase db, const QString &sql, const QVariantList &bindings, RowFn row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, sql); !s)
        return s;
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
    if (!q.exec())
        return errorOf(q);
    while (q.next())
        row(q);
    return {};
}

template <typename RowFn> Status forEachRow(QSqlDatabase db, const QString &sql, RowFn row)
{
    return forEachRow(db, sql, QVariantList(), row);
}

} // namespace kopru::Sql
