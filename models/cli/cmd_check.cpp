// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/db/integritycheck.h"

#include <QCoreApplication>

namespace kopru::cli {

int runCheck(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, {}, {}, &error) || args.positional().size() != 1)
        return fail(io, Usage, error.isEmpty() ? QCoreApplication::translate("cli", "usage: kopru-cli check DB") : error);
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positional().first(), options);
    if (!db)
        return fail(io, Usage, db.message());
    const IntegrityReport report = checkIntegrity(db.value()->connection());
    io.out << QCoreApplication::translate("cli", "%1: schema version %2").arg(db.value()->path()).arg(db.value()->schemaVersion())
           << Qt::endl;
    for (const auto &[table, rows] : report.counts)
        io.out << QStringLiteral("  %1 %2").arg(table, -20).arg(rows, 9) << Qt::endl;
    for (const QString &problem : report.problems)
        io.err << db.value()->path() << ": " << problem << Qt::endl;
    io.out << (report.ok()
            ? QCoreApplication::translate("cli", "check passed: no problems found")
            : QCoreApplication::translate("cli", "check failed: %n problem(s)", nullptr, int(report.problems.size())))
           << Qt::endl;
    return report.ok() ? Success : Refused;
}

} // namespace kopru::cli
