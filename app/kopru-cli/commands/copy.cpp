// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli copy SRC DST
#include "app/kopru-cli/commands/commands.h"
#include "models/db/databasetransfer.h"

namespace kopru::cli {

Syntax copySyntax()
{
    Syntax syntax;
    syntax.positional = { { tr("SRC"), tr("The database to copy: a .kopru file or a postgresql:// URL (read only).") },
        { tr("DST"), tr("Where to: a new file, or an empty server database (postgresql://user@host/database).") } };
    return syntax;
}

int runCopy(const Arguments &args, Io &io)
{
    auto report = DatabaseTransfer::copy(args.positionalArguments().at(0), args.positionalArguments().at(1));
    if (!report)
        return fail(io, Usage, report.message());
    qint64 total = 0;
    for (const auto &[table, rows] : report->tables) {
        io.out << QStringLiteral("  %1 %2").arg(table, -20).arg(rows, 9) << Qt::endl;
        total += rows;
    }
    io.out << tr("copied %1 to %2: %n table(s), %3 rows, the same count in every table", nullptr, int(report->tables.size()))
                  .arg(report->source, report->target)
                  .arg(total)
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
