// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

// Who may see and do what on a server database, enforced by PostgreSQL
// itself (docs/server.md, "Roles"). Group roles (NOLOGIN, shared by every
// database of the server, made when missing):
//  - kopru_national: reads and writes everything (national office staff);
//  - kopru_centre_N: reads the catalogue, partners, sessions and plans;
//    sees, and changes, only the teachers of centre N (their personal data
//    and need ratings) and their placements — row-level security, so
//    hand-written SQL sees no more than Köprü does;
//  - kopru_viewer: reads statistics and plans, never a teacher's national
//    ID, e-mail address or phone number (column privileges), writes nothing.
// People log in with their own roles, made members of one of these
// (GRANT kopru_centre_3 TO ayse). The database's owner (who ran server-init
// or copy) is not limited.
namespace kopru::ServerRoles {

// The statements that make the roles (when missing), grant them and set the
// policies on the current database; `centres` are the centres' ids.
QStringList statements(const QList<int> &centres);

} // namespace kopru::ServerRoles
