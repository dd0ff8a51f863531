// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagesql.h"

#include <QStringList>

namespace kopru::PackageSql {

namespace {

// Primary key column of a local table (the one references hold).
QString idColumn(const QString &table)
{
    return table == QLatin1String("plan_decision") ? QStringLiteral("placement_id") : QStringLiteral("id");
}

} // namespace

QString ownerExpression(const TravellingTable &table, const QString &alias)
{
    switch (table.owner) {
    case OwnerRule::National:
        return QStringLiteral("NULL");
    case OwnerRule::RowOwner:
        return alias + QStringLiteral(".owner_centre_id");
    case OwnerRule::TeacherCentre:
        return alias + QStringLiteral(".centre_id");
    }
    return QStringLiteral("NULL");
}

QString selectLocal(const TravellingTable &table, const QString &where)
{
    // Every expression is named after its package column (a row read with
    // this query is a package row, also for ReviewStore::rowJson).
    QStringList exprs, joins;
    int n = 0;
    const auto add = [&](const PackageColumn &c) {
        if (c.isRef()) {
            const QString r = QStringLiteral("r%1").arg(n++);
            exprs << QStringLiteral("%1.uid AS %2").arg(r, c.name);
            joins << QStringLiteral("LEFT JOIN main.%1 %2 ON %2.%3 = t.%4").arg(c.refTable, r, idColumn(c.refTable), c.local);
        } else {
            exprs << QStringLiteral("t.%1 AS %2").arg(c.local, c.name);
        }
    };
    for (const PackageColumn &c : table.key)
        add(c);
    for (const PackageColumn &c : table.content)
        add(c);
    if (table.owner == OwnerRule::RowOwner)
        exprs << QStringLiteral("t.owner_centre_id AS owner_centre_id");
    exprs << QStringLiteral("t.%1 AS version").arg(table.version);
    if (!table.modifiedAt.isEmpty())
        exprs << QStringLiteral("t.%1 AS modified_at").arg(table.modifiedAt)
              << QStringLiteral("t.%1 AS modified_by").arg(table.modifiedBy);
    return QStringLiteral("SELECT %1 FROM main.%2 t %3 WHERE %4")
        .arg(exprs.join(QStringLiteral(", ")), table.local, joins.join(QLatin1Char(' ')), where);
}

QString copyLocal(const TravellingTable &table, const QString &prefix, const QString &where)
{
    return QStringLiteral("INSERT INTO %1%2(%3) ").arg(prefix, table.name, table.packageColumns().join(QStringLiteral(", ")))
        + selectLocal(table, where);
}

QString copyLocalList(const TravellingList &list, const QString &prefix)
{
    return QStringLiteral("INSERT INTO %1%2(%3, %4) SELECT p.uid, x.uid FROM main.%2 l JOIN main.%5 p ON p.id = l.%6 "
                          "JOIN main.%7 x ON x.id = l.%8 WHERE p.uid IN (SELECT uid FROM %1%5)")
        .arg(prefix, list.name, list.parentKey(), list.targetKey(), list.parent, list.parentColumn, list.target,
            list.targetColumn);
}

} // namespace kopru::PackageSql
