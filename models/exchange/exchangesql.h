// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/sql.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

// The exchange's statements are written once, in SQLite's SQL with the
// schemas `main.` and `temp.` (and `pkg.` for an attached package); these
// run them through SqlDialect::translateQuery for the connection's backend,
// so that a package is packed and applied on a server database with the
// same SQL as on a file. Same contracts as the functions of Sql.
namespace kopru::ExchangeSql {

Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
Status prepare(QSqlQuery &query, const QString &sql);
Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
// `sql` for the backend of `db` (an error: no translation).
Expected<QString> text(const QSqlDatabase &db, const QString &sql);

template <typename RowFn> Status forEachRow(QSqlDatabase db, const QString &sql, const QVariantList &bindings, RowFn row)
{
    auto translated = text(db, sql);
    if (!translated)
        return translated.error();
    return Sql::forEachRow(db, translated.value(), bindings, row);
}

template <typename RowFn> Status forEachRow(QSqlDatabase db, const QString &sql, RowFn row)
{
    return forEachRow(db, sql, QVariantList(), row);
}

} // namespace kopru::ExchangeSql
