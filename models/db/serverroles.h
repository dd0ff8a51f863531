// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
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
//
// On top of that (rules version 2) the exchange's owner rules
// (models/exchange/ownership.h) hold for a centre role's writes: it changes
// or deletes only rows its centre owns (owner_centre_id); of a teacher of its
// centre owned by someone else only what the centre records (availability,
// notes); need ratings (the national office's) not at all. A trigger refuses
// anything else, whatever SQL the centre writes.
//
// Rules version 3: need_rating's two insert row triggers are replaced by one
// set-based statement-level trigger (ServerRatingTriggers) — the same checks
// and bookkeeping, a fraction of the cost for a national survey's import.
//
// Rules version 4: the triggers record who made a change by login as well as
// place ('national:ayse', ServerLabels), so that a refused edit names the
// person, not only the national office.
namespace kopru::ServerRoles {

// The version of the rules below; kept on the server in kopru_server_rules
// (a database without that table has version 1: roles and row security only;
// 2: owner rules; 3: need ratings' insert triggers set-based; 4: changes
// recorded with the login).
constexpr int kRulesVersion = 4;

// The statements that make the roles (when missing), grant them and set the
// policies on the current database; `centres` are the centres' ids. They may
// run again on a database that has them (an upgrade does).
QStringList statements(const QList<int> &centres);
// The owner rules on the writes of centre roles (rules version 2).
QStringList ownerRules();

// Installs the roles, policies and owner rules of this version on the
// current database (inside the caller's transaction) and records the version.
Status install(QSqlDatabase db);
// The rules version the server database `db` has.
Expected<int> installedVersion(QSqlDatabase db);

} // namespace kopru::ServerRoles
