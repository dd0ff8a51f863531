// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/schema.h"

#include <QSqlDatabase>
#include <vector>

// Schema upgrades of a server database (docs/server.md, "Upgrades"): the
// migration steps it lacks, translated by SqlDialect::translateMigration, and
// the roles and owner rules of this program (ServerRoles), all in one
// transaction — PostgreSQL's DDL is transactional, so a step that fails
// leaves the database at its old version with its rows as they were.
namespace kopru::ServerUpgrade {

struct Report
{
    QString owner; // the role that owns the schema (who may upgrade)
    QString user; // the role connected
    bool mayUpgrade = false; // whether `user` may (the owner, a member of it, a superuser)
    int fromVersion = 0;
    int toVersion = 0;
    int fromRules = 0;
    int toRules = 0;
    bool upToDate() const { return fromVersion == toVersion && fromRules == toRules; }
};

// What the server database `db` has and what this program would bring;
// an error for a schema newer than the program's. (Newer roles and rules with
// this program's schema are kept as they are: nothing to do.)
Expected<Report> check(QSqlDatabase db);

// Brings `db` to the last of `steps` (normally every step, Schema::steps();
// tests pass others) and to this program's rules. Only the schema's owner (or
// a role it is a member of, or a superuser) may; anyone else is refused,
// naming the owner. A step that cannot run on a server (it rebuilds tables or
// runs program code) is refused before anything is changed.
Expected<Report> run(QSqlDatabase db, const std::vector<Schema::Step> &steps);
inline Expected<Report> run(QSqlDatabase db)
{
    return run(db, Schema::steps());
}

} // namespace kopru::ServerUpgrade
