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
    // The plan's conflicts fail the check too: it reports everything that is wrong.
    const QStringList findings = report.problems + report.conflicts;
    for (const QString &finding : findings)
        io.err << db.value()->path() << ": " << finding << Qt::endl;
    io.out << (findings.isEmpty() ? tr("check passed: no problems found")
                                  : tr("check failed: %n problem(s)", nullptr, int(findings.size())))
           << Qt::endl;
    return findings.isEmpty() ? Success : Refused;
}

} // namespace kopru::cli
