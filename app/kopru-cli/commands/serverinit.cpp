// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli server-init URL
#include "app/kopru-cli/commands/commands.h"
#include "models/db/databasetransfer.h"
#include "models/db/schema.h"

namespace kopru::cli {

Syntax serverInitSyntax()
{
    Syntax syntax;
    syntax.positional = { { tr("URL"),
        tr("The empty server database: postgresql://user[:password]@host[:port]/database[?sslmode=require].") } };
    return syntax;
}

int runServerInit(const Arguments &args, Io &io)
{
    auto report = DatabaseTransfer::initialiseServer(args.positionalArguments().constFirst());
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
