// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serveraccess.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

namespace kopru::ServerAccess {

Expected<bool> mayWrite(QSqlDatabase db)
{
    if (SqlDialect::backendOf(db) == SqlDialect::Backend::Sqlite)
        return true;
    // Every writing role may insert placements (ServerRoles); a viewer may not.
    auto may = Sql::scalar(db, QStringLiteral("SELECT has_table_privilege('placement', 'INSERT')"));
    if (!may)
        return may.error();
    return may->toBool();
}

Expected<QStringList> hiddenColumns(QSqlDatabase db, const QString &table)
{
    QStringList hidden;
    if (SqlDialect::backendOf(db) == SqlDialect::Backend::Sqlite)
        return hidden;
    const Status s = Sql::forEachRow(db,
        // pg_attribute, not information_schema.columns: that one lists only the columns one may use.
        QStringLiteral("SELECT attname FROM pg_attribute WHERE attrelid = CAST(? AS TEXT)::regclass AND attnum > 0 "
                       "AND NOT attisdropped AND NOT has_column_privilege(attrelid, attnum, 'SELECT') ORDER BY attnum"),
        { table }, [&hidden](const QSqlQuery &q) { hidden << q.value(0).toString(); });
    if (!s)
        return s.error();
    return hidden;
}

Expected<QString> userName(QSqlDatabase db)
{
    if (SqlDialect::backendOf(db) == SqlDialect::Backend::Sqlite)
        return QString();
    auto name = Sql::scalar(db, QStringLiteral("SELECT current_user"));
    if (!name)
        return name.error();
    return name->toString();
}

} // namespace kopru::ServerAccess
