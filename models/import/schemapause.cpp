// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/schemapause.h"

#include "models/db/sql.h"

#include <QSqlQuery>
#include <algorithm>

namespace kopru {

namespace {

QString quoted(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

Status SchemaPause::drop(const QString &type, const QString &table, const QStringList &names)
{
    std::vector<Object> found;
    if (Status s = Sql::forEachRow(m_db,
            QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL "
                           "ORDER BY name"),
            { type, table },
            [&](const QSqlQuery &q) {
                const QString name = q.value(0).toString();
                if (names.isEmpty() || names.contains(name))
                    found.push_back({ type, name, q.value(1).toString() });
            });
        !s)
        return s;
    for (Object &o : found) {
        if (Status s = Sql::exec(m_db, QStringLiteral("DROP %1 %2").arg(type.toUpper(), quoted(o.name))); !s)
            return s;
        m_dropped.push_back(std::move(o));
    }
    return {};
}

bool SchemaPause::holds(const QString &name) const
{
    return std::any_of(m_dropped.cbegin(), m_dropped.cend(), [&](const Object &o) { return o.name == name; });
}

Status SchemaPause::restore(const QString &type)
{
    for (auto it = m_dropped.begin(); it != m_dropped.end();) {
        if (!type.isEmpty() && it->type != type) {
            ++it;
            continue;
        }
        if (Status s = Sql::exec(m_db, it->sql); !s)
            return s;
        it = m_dropped.erase(it);
    }
    return {};
}

} // namespace kopru
