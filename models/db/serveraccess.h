// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QStringList>

// What the connected user may do on a server database (the roles of
// ServerRoles, enforced by the server); a file may always be written when its
// connection is writable.
namespace kopru::ServerAccess {

// Whether the connected role may change Köprü's data: national staff and
// centre coordinators may (placements at least), a viewer may not.
Expected<bool> mayWrite(QSqlDatabase db);
// The columns of `table` the connected role may not read (a viewer: a
// teacher's national ID, e-mail and phone); none on a file.
Expected<QStringList> hiddenColumns(QSqlDatabase db, const QString &table);
// The name the server knows the connected user by (empty for a file).
Expected<QString> userName(QSqlDatabase db);

} // namespace kopru::ServerAccess
