// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli check DB
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/db/integritycheck.h"

namespace kopru::cli {

Syntax checkSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to check (opened read-only).")) };
    return syntax;
}

int runCheck(const Arguments &args, Io &io)
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    const IntegrityReport report = checkIntegrity(db.value()->connection());
    io.out << tr("%1: schema version %2").arg(db.value()->path()).arg(db.value()->schemaVersion()) << Qt::endl;
    for (const auto &[table, rows] : report.counts)
        io.out << QStringLiteral("  %1 %2").arg(table, -20).arg(rows, 9) << Qt::endl;
    for (const QString &problem : report.problems)
        io.err << db.value()->path() << ": " << problem << Qt::endl;
    io.out << (report.ok() ? tr("check passed: no problems found")
                           : tr("check failed: %n problem(s)", nullptr, int(report.problems.size())))
           << Qt::endl;
    return report.ok() ? Success : Refused;
}

} // namespace kopru::cli
