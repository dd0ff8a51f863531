// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli backup DB OUT
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"

namespace kopru::cli {

Syntax backupSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to copy (others may be writing to it).")),
        { tr("OUT"), tr("The copy to write (it must not exist).") } };
    return syntax;
}

int runBackup(const Arguments &args, Io &io)
{
    const QString out = args.positionalArguments().at(1);
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    if (Status s = db.value()->backupTo(out); !s)
        return fail(io, Usage, s.message());
    io.out << tr("backup written to %1").arg(out) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
