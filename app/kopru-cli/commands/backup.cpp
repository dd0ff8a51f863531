// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli backup DB OUT
// Reads only: it runs while the GUI or another kopru-cli has the database
// (their lock does not stop it) and copies a consistent state.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/db/databasefile.h"
#include "models/db/serverurl.h"

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
    const QString path = args.positionalArguments().constFirst();
    const QString out = args.positionalArguments().at(1);
    if (ServerUrl::isServerUrl(path))
        return refuseServerBackups(io, path);
    // Checked without changing anything first: a file that is refused —
    // damaged included — is left as it was, with nothing beside it.
    if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::Header); !s)
        return fail(io, Usage, s.message());
    if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck); !s)
        return refuseDamaged(io, path, s.error());
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(path, options);
    if (!db)
        return fail(io, Usage, db.message());
    if (Status s = db.value()->backupTo(out, Database::SourceCheck::CheckedByCaller); !s)
        return fail(io, Usage, s.message());
    io.out << tr("backup written to %1").arg(out) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
