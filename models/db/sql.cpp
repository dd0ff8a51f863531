// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/sql.h"

#include <QSqlError>

namespace kopru::Sql {

Error errorOf(const QSqlQuery &query)
{
    QString text = query.lastError().databaseText();
    if (text.isEmpty())
        text = query.lastError().text();
    return Error{text, {}, 0, 0};
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorOf(query);
    return {};
}

Status run(QSqlQuery &query, std::initializer_list<QVariant> bindings)
{
    int i = 0;
    for (const QVariant &v : bindings)
        query.bindValue(i++, v);
    if (!query.exec())
        return errorOf(query);
    return {};
}

Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    if (bindings.size() == 0) {
        if (!q.exec(sql))
            return errorOf(q);
        return {};
    }
    if (Status s = prepare(q, sql); !s)
        return s;
    return run(q, bindings);
}

Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    if (Status s = prepare(q, sql); !s)
        return s.error();
    if (Status s = run(q, bindings); !s)
        return s.error();
    return q.next() ? q.value(0) : QVariant();
}

} // namespace kopru::Sql
