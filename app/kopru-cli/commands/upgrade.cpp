// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli upgrade DB
// Exit 0: the database has this program's schema (upgraded, or already).
// Exit 2: usage, unreadable or newer database, a server user who may not
// upgrade, a failed upgrade (nothing changed). Exit 3: the file is in use.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/db/databasefile.h"
#include "models/db/schema.h"
#include "models/db/serverupgrade.h"
#include "models/db/serverurl.h"
#include "models/safety/backupmanager.h"

namespace kopru::cli {

Syntax upgradeSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(
        tr("The database: a .kopru file (upgraded after an automatic backup, as every writing command does) or a "
           "postgresql:// URL (upgraded in one transaction by the database's owner).")) };
    return syntax;
}

int upgradeServerDatabase(const QString &url, Io &io)
{
    auto opened = Connection::open(url, Connection::Access::ReadWrite);
    if (!opened)
        return fail(io, Usage, opened.message());
    const QString shown = opened.value()->path();
    auto report = ServerUpgrade::run(opened.value()->db());
    if (!report)
        return fail(io, Usage, shown + QStringLiteral(": ") + report.message());
    if (report->upToDate())
        io.out << tr("%1: schema version %2, roles and rules version %3: up to date")
                      .arg(shown)
                      .arg(report->toVersion)
                      .arg(report->toRules)
               << Qt::endl;
    else if (report->fromVersion == report->toVersion)
        io.out << tr("%1: schema version %2 kept, roles and rules upgraded from version %3 to %4")
                      .arg(shown)
                      .arg(report->toVersion)
                      .arg(report->fromRules)
                      .arg(report->toRules)
               << Qt::endl;
    else
        io.out << tr("%1: upgraded from schema version %2 to %3, roles and rules from version %4 to %5")
                      .arg(shown)
                      .arg(report->fromVersion)
                      .arg(report->toVersion)
                      .arg(report->fromRules)
                      .arg(report->toRules)
               << Qt::endl;
    return Success;
}

int runUpgrade(const Arguments &args, Io &io)
{
    const QString location = args.positionalArguments().constFirst();
    if (ServerUrl::isServerUrl(location))
        return upgradeServerDatabase(location, io);
    const auto before = DatabaseFile::schemaVersion(location);
    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(location, backups, io, &code);
    if (!session)
        return code;
    if (before && before.value() < Schema::kCurrentVersion)
        io.out << tr("%1: upgraded from schema version %2 to %3 (a backup was made first)")
                      .arg(session->db->path())
                      .arg(before.value())
                      .arg(Schema::kCurrentVersion)
               << Qt::endl;
    else
        io.out << tr("%1: schema version %2: up to date").arg(session->db->path()).arg(Schema::kCurrentVersion) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
