// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cli/cliargs.h"
#include "models/db/database.h"

#include <QCoreApplication>

namespace kopru::cli {

int runBackup(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, {}, {}, &error) || args.positional().size() != 2)
        return fail(io, Usage, error.isEmpty() ? QCoreApplication::translate("cli", "usage: kopru-cli backup DB OUT") : error);
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positional().at(0), options);
    if (!db)
        return fail(io, Usage, db.message());
    if (Status s = db.value()->backupTo(args.positional().at(1)); !s)
        return fail(io, Usage, s.message());
    io.out << QCoreApplication::translate("cli", "backup written to %1").arg(args.positional().at(1)) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
