// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/insertrowcommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/exchange/ownership.h"
#include "models/exchange/travellingtables.h"

#include <QSqlQuery>
#include <QStringList>

namespace kopru {

InsertRowCommand::InsertRowCommand(QSqlDatabase db, QString table, QVariantMap values, const QString &text)
    : DbCommand(std::move(db), text)
    , m_table(std::move(table))
    , m_values(std::move(values))
{ }

Status InsertRowCommand::apply()
{
    if (Status s = Ownership::checkInsert(database(), m_table); !s)
        return s;
    QVariantMap values = m_values;
    if (m_id > 0)
        values.insert(QStringLiteral("id"), m_id);
    if (m_uid.isValid())
        values.insert(QStringLiteral("uid"), m_uid);
    QStringList columns, marks;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isSqlIdentifier(it.key()))
            return Status::failure(QStringLiteral("invalid identifier"));
        columns << it.key();
        marks << QStringLiteral("?");
    }
    if (!isSqlIdentifier(m_table))
        return Status::failure(QStringLiteral("invalid identifier"));
    QSqlQuery q(database());
    if (Status s = Sql::prepare(q,
            QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                .arg(m_table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        !s)
        return s;
    int i = 0;
    for (const QVariant &v : std::as_const(values))
        q.bindValue(i++, v);
    if (Status s = Sql::run(q); !s)
        return s;
    m_id = q.lastInsertId().toInt();
    if (!m_uid.isValid() && TravellingTables::hasGlobalId(m_table)) {
        auto uid = Sql::scalar(database(), QStringLiteral("SELECT uid FROM %1 WHERE id = ?").arg(m_table), { m_id });
        if (!uid)
            return uid.error();
        m_uid = uid.value();
    }
    return {};
}

Status InsertRowCommand::revert()
{
    if (!isSqlIdentifier(m_table))
        return Status::failure(QStringLiteral("invalid identifier"));
    return Sql::exec(database(), QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_table), { m_id });
}

void InsertRowCommand::announce()
{
    ChangeNotifier::instance()->notify(m_table, { m_id });
}

} // namespace kopru
