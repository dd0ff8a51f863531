// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli role DB [--set national|centre:ID]
// Exit 0: the role is shown (or set). Exit 1: the role cannot change any more
// (packages were exchanged). Exit 2: usage, unreadable database.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
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

int runRole(const Arguments &args, Io &io)
{
    // Through the checked, locked path of every writing command: setting the
    // role writes, and a database made before the exchange is upgraded first.
    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(args.positionalArguments().constFirst(), backups, io, &code);
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
