// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli role DB [--set national|centre:ID]
// Exit 0: the role is shown (or set). Exit 1: the role cannot change any more
// (packages were exchanged). Exit 2: usage, unreadable database, --set on a
// server database (always the national office's).
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/db/serveraccess.h"
#include "models/db/serverurl.h"
#include "models/exchange/databaserole.h"
#include "models/safety/backupmanager.h"

namespace kopru::cli {

Syntax roleSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database.")) };
    syntax.options = {
        { QStringLiteral("set"),
            tr("Makes the database the national office's or a centre's (once, before its first package): what it made is then "
               "its own."),
            QStringLiteral("national|centre:ID") },
    };
    return syntax;
}

namespace {

// A server database is the national office's (server-init makes it so, copy
// keeps a national file's role): its role is shown, never set. What a person
// may do there is their server role's (docs/server.md, "Roles").
int showServerRole(const QString &url, bool set, Io &io)
{
    if (set)
        return fail(io, Usage,
            tr("%1: this is a server database, always the national office's: its role cannot be set. What each person may "
               "do comes from their server role (kopru_national, kopru_centre_N, kopru_viewer; docs/server.md)")
                .arg(shownUrl(url)));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(url, options);
    if (!db)
        return fail(io, Usage, db.message());
    const Database &database = *db.value();
    auto role = DatabaseRole::read(database.connection());
    if (!role)
        return fail(io, Usage, role.message());
    auto user = ServerAccess::userName(database.connection());
    if (!user)
        return fail(io, Usage, user.message());
    auto mayWrite = ServerAccess::mayWrite(database.connection());
    if (!mayWrite)
        return fail(io, Usage, mayWrite.message());
    io.out << tr("%1: %2 (database %3)").arg(database.path(), role->displayName(), database.databaseId()) << Qt::endl
           << (mayWrite.value() ? tr("login %1: may read and write (within its server role)") : tr("login %1: may only read"))
                  .arg(user.value())
           << Qt::endl;
    return Success;
}

} // namespace

int runRole(const Arguments &args, Io &io)
{
    const QString path = args.positionalArguments().constFirst();
    if (ServerUrl::isServerUrl(path))
        return showServerRole(path, args.isSet(QStringLiteral("set")), io);
    // Through the checked, locked path of every writing command: setting the
    // role writes, and a database made before the exchange is upgraded first.
    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(path, backups, io, &code);
    if (!session)
        return code;
    const Database &database = *session->db;
    QSqlDatabase c = database.connection();
    if (args.isSet(QStringLiteral("set"))) {
        auto role = DatabaseRole::parse(args.value(QStringLiteral("set")));
        if (!role)
            return fail(io, Usage, role.message());
        if (Status s = DatabaseRole::assign(c, role.value()); !s)
            return fail(io, Refused, s.message());
    }
    auto role = DatabaseRole::read(c);
    if (!role)
        return fail(io, Usage, role.message());
    io.out << tr("%1: %2 (database %3)").arg(database.path(), role->displayName(), database.databaseId()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
