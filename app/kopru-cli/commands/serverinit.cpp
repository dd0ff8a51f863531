// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli server-init URL
#include "app/kopru-cli/commands/commands.h"
#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/schema.h"
#include "models/db/serverupgrade.h"

namespace kopru::cli {

Syntax serverInitSyntax()
{
    Syntax syntax;
    syntax.positional = { { tr("URL"),
        tr("The empty server database: postgresql://user[:password]@host[:port]/database[?sslmode=require]. A Köprü "
           "database of an older version is upgraded instead.") } };
    return syntax;
}

int runServerInit(const Arguments &args, Io &io)
{
    const QString url = args.positionalArguments().constFirst();
    // A Köprü database of an older version is upgraded (kopru-cli upgrade)
    // rather than refused as not empty.
    bool older = false;
    if (auto opened = Connection::open(url, Connection::Access::ReadOnly)) {
        const auto state = ServerUpgrade::check(opened.value()->db());
        older = state && !state.value().upToDate();
    }
    if (older)
        return upgradeServerDatabase(url, io);
    auto report = DatabaseTransfer::initialiseServer(url);
    if (!report)
        return fail(io, Usage, report.message());
    io.out << tr("created the national office's database on %1 (schema version %2) with 81 provinces, 25 pilot fields "
                 "and 15 centres")
                  .arg(report->target)
                  .arg(Schema::kCurrentVersion)
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
