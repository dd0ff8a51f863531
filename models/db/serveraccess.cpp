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
