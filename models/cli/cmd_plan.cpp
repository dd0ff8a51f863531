// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli plan DB [--json] [--dimacs FILE]: run the optimiser on the whole
// database, store the plan, print what it did.
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/planning/planner.h"
#include "models/safety/backupmanager.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace kopru::cli {

int runPlan(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, { QStringLiteral("--dimacs") }, { QStringLiteral("--json") }, &error) || args.positional().size() != 1)
        return fail(io, Usage,
            error.isEmpty() ? QCoreApplication::translate("cli", "usage: kopru-cli plan DB [--json] [--dimacs FILE]") : error);
    auto db = Database::open(args.positional().first());
    if (!db)
        return fail(io, Usage, db.message());
    if (db.value()->isReadOnly())
        return fail(io, Usage,
            QCoreApplication::translate("cli", "%1: the database is read-only; the plan cannot be stored")
                .arg(db.value()->path()));

    if (Status s = BackupManager().backupBeforeChange(*db.value(), QStringLiteral("plan")); !s)
        return fail(io, Usage, s.message());
    PlanOptions options;
    options.dimacsPath = args.value(QStringLiteral("--dimacs"));
    auto result = Planner::run(db.value()->connection(), options);
    if (!result)
        return fail(io, result.error().file.isEmpty() ? Refused : Usage, result.message());
    const PlanResult &r = result.value();

    if (args.has(QStringLiteral("--json"))) {
        const QJsonObject o {
            { QStringLiteral("placed"), r.placed },
            { QStringLiteral("unplaced"), r.unplaced },
            { QStringLiteral("kept"), r.kept },
            { QStringLiteral("objective"), double(r.objective) },
            { QStringLiteral("coveredNeed"), double(r.coveredNeed) },
            { QStringLiteral("distanceKm"), double(r.km) },
            { QStringLiteral("lexicographic"), r.lexicographic },
            { QStringLiteral("durationMs"), r.durationMs },
            { QStringLiteral("planRunId"), r.planRunId },
        };
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        io.out.flush();
        return Success;
    }
    io.out << QCoreApplication::translate("cli", "placed: %1").arg(r.placed) << Qt::endl
           << QCoreApplication::translate("cli", "unplaced: %1").arg(r.unplaced) << Qt::endl
           << QCoreApplication::translate("cli", "kept (locked or confirmed): %1").arg(r.kept) << Qt::endl
           << QCoreApplication::translate("cli", "objective: %1 (covered need %2, distance %3 km)")
                  .arg(qint64(r.objective))
                  .arg(qint64(r.coveredNeed))
                  .arg(qint64(r.km))
           << Qt::endl
           << QCoreApplication::translate("cli", "time: %1 ms").arg(r.durationMs, 0, 'f', 1) << Qt::endl;
    if (!r.lexicographic)
        io.err << QCoreApplication::translate(
            "cli", "warning: the weights do not keep the order of the objectives exactly on this data (see docs/optimiser.md)")
               << Qt::endl;
    return Success;
}

} // namespace kopru::cli
