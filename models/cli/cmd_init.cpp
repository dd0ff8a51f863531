// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cli/cliargs.h"
#include "models/db/database.h"

#include <QCoreApplication>

namespace kopru::cli {

int runInit(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, {}, {}, &error) || args.positional().size() != 1)
        return fail(io, Usage, error.isEmpty() ? QCoreApplication::translate("cli", "usage: kopru-cli init DB") : error);
    auto db = Database::create(args.positional().first());
    if (!db)
        return fail(io, Usage, db.message());
    io.out << QCoreApplication::translate(
        "cli", "created %1 (schema version %2) with 81 provinces, 25 pilot fields and 15 centres")
                  .arg(db.value()->path())
                  .arg(db.value()->schemaVersion())
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
