// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli init DB
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"

namespace kopru::cli {

Syntax initSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database file to create (it must not exist or be empty).")) };
    return syntax;
}

int runInit(const Arguments &args, Io &io)
{
    auto db = Database::create(args.positionalArguments().constFirst());
    if (!db)
        return fail(io, Usage, db.message());
    io.out << tr("created %1 (schema version %2) with 81 provinces, 25 pilot fields and 15 centres")
                  .arg(db.value()->path())
                  .arg(db.value()->schemaVersion())
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
