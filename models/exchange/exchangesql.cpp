// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/exchangesql.h"

#include "models/db/sqldialect.h"

namespace kopru::ExchangeSql {

Expected<QString> text(const QSqlDatabase &db, const QString &sql)
{
    return SqlDialect::translateQuery(SqlDialect::backendOf(db), sql);
}

Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    auto translated = text(db, sql);
    if (!translated)
        return translated.error();
    return Sql::exec(db, translated.value(), bindings);
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    auto translated = SqlDialect::translateQuery(SqlDialect::backendOf(query.driver()), sql);
    if (!translated)
        return translated.error();
    return Sql::prepare(query, translated.value());
}

Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    auto translated = text(db, sql);
    if (!translated)
        return translated.error();
    return Sql::scalar(db, translated.value(), bindings);
}

} // namespace kopru::ExchangeSql
