// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli init DB
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/exchange/databaserole.h"

namespace kopru::cli {

Syntax initSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database file to create (it must not exist or be empty).")) };
    syntax.options = {
        { QStringLiteral("role"), tr("What the database is in the national programme (default: national)."),
            QStringLiteral("national|centre:ID") },
    };
    return syntax;
}

int runInit(const Arguments &args, Io &io)
{
    auto role = DatabaseRole::parse(
        args.isSet(QStringLiteral("role")) ? args.value(QStringLiteral("role")) : QStringLiteral("national"));
    if (!role)
        return fail(io, Usage, role.message());
    auto db = Database::create(args.positionalArguments().constFirst(), [&role](QSqlDatabase c) { return role->write(c); });
    if (!db)
        return fail(io, Usage, db.message());
    io.out << tr("created %1 (schema version %2) with 81 provinces, 25 pilot fields and 15 centres")
                  .arg(db.value()->path())
                  .arg(db.value()->schemaVersion())
           << Qt::endl;
    io.out << tr("role: %1").arg(role->displayName()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
