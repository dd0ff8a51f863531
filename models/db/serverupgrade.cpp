// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverupgrade.h"

#include "models/db/servernotify.h"
#include "models/db/serverroles.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <algorithm>

namespace kopru::ServerUpgrade {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ServerUpgrade)
};

using SqlDialect::Backend;

Expected<Report> state(QSqlDatabase db, int targetVersion)
{
    if (SqlDialect::backendOf(db) != Backend::Postgres)
        return Error { Text::tr("not a server database"), {}, 0, 0 };
    auto version = SqlDialect::schemaVersion(db);
    if (!version)
        return version.error();
    auto rules = ServerRoles::installedVersion(db);
    if (!rules)
        return rules.error();
    Report report;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT pg_get_userbyid(relowner), current_user, pg_has_role(relowner, 'USAGE') FROM pg_class "
                               "WHERE oid = 'kopru_schema'::regclass"))
        || !q.next())
        return Sql::errorOf(q);
    report.owner = q.value(0).toString();
    report.user = q.value(1).toString();
    report.mayUpgrade = q.value(2).toBool();
    report.fromVersion = version.value();
    report.toVersion = std::max(version.value(), targetVersion);
    report.fromRules = rules.value();
    report.toRules = std::max(rules.value(), ServerRoles::kRulesVersion);
    if (report.fromVersion > targetVersion)
        return Error { Text::tr("the server database has schema version %1, newer than this program's %2: use the newer Köprü "
                                "that upgraded it (nothing was changed)")
                           .arg(report.fromVersion)
                           .arg(targetVersion),
            {}, 0, 0 };
    return report;
}

// The server's statements of the steps after `fromVersion`.
Expected<QStringList> translatedSteps(const std::vector<Schema::Step> &steps, int fromVersion)
{
    QStringList statements;
    for (const Schema::Step &step : steps) {
        if (step.toVersion <= fromVersion)
            continue;
        if (step.rebuildsTables || step.finish)
            return Error { Text::tr("schema step %1 rebuilds tables or runs program code and cannot run on a server database; "
                                    "server databases begin at version %2")
                               .arg(step.toVersion)
                               .arg(Schema::kProgrammeVersion),
                {}, 0, 0 };
        for (const char *sql : step.statements) {
            auto translated = SqlDialect::translateMigration(Backend::Postgres, QString::fromUtf8(sql));
            if (!translated)
                return Error { Text::tr("schema step %1: %2").arg(step.toVersion).arg(translated.error().message), {}, 0, 0 };
            statements << translated.value();
        }
    }
    return statements;
}

} // namespace

Expected<Report> check(QSqlDatabase db)
{
    return state(db, Schema::kCurrentVersion);
}

Expected<Report> run(QSqlDatabase db, const std::vector<Schema::Step> &steps)
{
    if (steps.empty())
        return Error { Text::tr("no schema steps"), {}, 0, 0 };
    const int target = steps.back().toVersion;
    auto report = state(db, target);
    if (!report || report->upToDate())
        return report;
    if (report->fromRules > ServerRoles::kRulesVersion)
        return Error { Text::tr("the server database has the roles and rules of version %1, newer than this program's %2: use "
                                "the newer Köprü that installed them (nothing was changed)")
                           .arg(report->fromRules)
                           .arg(ServerRoles::kRulesVersion),
            {}, 0, 0 };
    if (!report->mayUpgrade)
        return Error { Text::tr("only the owner of the Köprü database on the server (%1) may upgrade it from schema version %2 "
                                "to %3, not %4: ask them to run kopru-cli upgrade")
                           .arg(report->owner)
                           .arg(report->fromVersion)
                           .arg(report->toVersion)
                           .arg(report->user),
            {}, 0, 0 };
    // Everything is translated before anything is changed.
    auto statements = translatedSteps(steps, report->fromVersion);
    if (!statements)
        return statements.error();
    Transaction tx(db);
    if (!tx.began())
        return tx.began().error();
    // One upgrade at a time: a second one waits here, then finds the new version.
    if (Status s = Sql::exec(db, QStringLiteral("LOCK TABLE kopru_schema IN EXCLUSIVE MODE")); !s)
        return s.error();
    auto locked = SqlDialect::schemaVersion(db);
    if (!locked)
        return locked.error();
    if (locked.value() != report->fromVersion)
        return Error { Text::tr("another upgrade brought the database to schema version %1 meanwhile; nothing was changed")
                           .arg(locked.value()),
            {}, 0, 0 };
    for (const QString &statement : statements.value())
        if (Status s = Sql::exec(db, statement); !s)
            return Error {
                Text::tr("the upgrade failed, nothing was changed: %1 — %2").arg(s.message(), statement.simplified().left(200)),
                {}, 0, 0
            };
    for (const QString &statement : SqlDialect::setSchemaVersion(Backend::Postgres, target, Schema::kApplicationId))
        if (Status s = Sql::exec(db, statement); !s)
            return s.error();
    if (Status s = ServerRoles::install(db); !s)
        return Error { Text::tr("the upgrade failed setting up the roles, nothing was changed: %1").arg(s.message()), {}, 0, 0 };
    // Tables a step added need their change notifications (docs/server.md).
    if (Status s = ServerNotify::install(db); !s)
        return Error {
            Text::tr("the upgrade failed, nothing was changed: %1 — %2").arg(s.message(), QStringLiteral("ServerNotify")), {}, 0,
            0
        };
    if (Status s = tx.commit(); !s)
        return s.error();
    return report;
}

} // namespace kopru::ServerUpgrade
