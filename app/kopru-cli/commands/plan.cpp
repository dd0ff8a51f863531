// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli plan DB [--json] [--dimacs FILE]: run the optimiser on the whole
// database, store the plan, print what it did.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/io/jsontext.h"
#include "models/planning/planner.h"
#include "models/safety/backupmanager.h"
#include "models/safety/backupmeanwhile.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <map>
#include <optional>

namespace kopru::cli {

// QT_LOGGING_RULES="kopru.cli.plan.debug=true": where the command's time goes.
Q_LOGGING_CATEGORY(lcPlanCommand, "kopru.cli.plan", QtInfoMsg)

namespace {

// The plan as one JSON document: its figures, and who was left out and why
// (the reason's key, the teacher's id and field; no personal data). The list
// (46,707 teachers at 100,000) is written straight, as QJsonDocument's
// indented format writes it: a QJsonObject a teacher and the document's
// text took 0.35 s after the plan was stored (issue #16). tst_planner_cli
// checks that the output is what QJsonDocument writes for it.
void writePlanJson(Io &io, const PlanResult &r)
{
    std::map<UnplacedTeacher::Reason, std::pair<QString, QString>> reasons; // key and text, each once
    QJsonObject byReason;
    for (const UnplacedTeacher &t : r.unplacedTeachers) {
        auto it = reasons.find(t.reason);
        if (it == reasons.end())
            it = reasons.emplace(t.reason, std::make_pair(Unplaced::reasonKey(t.reason), Unplaced::reasonText(t.reason))).first;
        byReason.insert(it->second.first, byReason.value(it->second.first).toInt() + 1);
    }
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
        { QStringLiteral("unplacedByReason"), byReason },
    };
    // Its keys sort before "unplacedTeachers", which QJsonDocument would write last.
    QString text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    text.chop(3); // "\n}\n"
    text.reserve(text.size() + qsizetype(r.unplacedTeachers.size()) * 200);
    text += QLatin1String(",\n    \"unplacedTeachers\": [");
    bool first = true;
    for (const UnplacedTeacher &t : r.unplacedTeachers) {
        const auto &[key, reasonText] = reasons.at(t.reason);
        text += first ? QLatin1String("\n        {\n            \"field\": ")
                      : QLatin1String(",\n        {\n            \"field\": ");
        first = false;
        JsonText::appendQuoted(text, t.fieldCode);
        text += QLatin1String(",\n            \"reason\": ");
        JsonText::appendQuoted(text, key);
        text += QLatin1String(",\n            \"reasonText\": ");
        JsonText::appendQuoted(text, reasonText);
        text += QLatin1String(",\n            \"teacherId\": ") + QString::number(t.teacherId) + QLatin1String("\n        }");
    }
    text += QLatin1String("\n    ]\n}\n");
    io.out << text;
    io.out.flush();
}

} // namespace

Syntax planSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to plan (a backup is taken first).")) };
    syntax.options = {
        { QStringLiteral("json"), tr("Write one JSON document instead of lines.") },
        { QStringLiteral("dimacs"), tr("Also write the flow network in DIMACS format (to check with glpsol)."), tr("FILE") },
    };
    return syntax;
}

int runPlan(const Arguments &args, Io &io)
{
    // The database's lock and the backup of an older file before its upgrade.
    // The read-only check of a file (quick_check) is left to the automatic
    // backup below (OpenCheck::ByBackup): it runs on its own thread while
    // the plan is read, solved and stored, and nothing is committed before it
    // proved the file sound (BackupManager::backupProvingSound; issue #16: the
    // open check read the 200 MB file once more, 1.5 s of 7 on the main thread).
    QElapsedTimer timer;
    timer.start();
    BackupManager backups;
    int code = Usage;
    const QString path = args.positionalArguments().constFirst();
    auto session = openToWrite(path, backups, io, &code, Place::FileOrServer, OpenCheck::ByBackup);
    if (!session)
        return code;
    const Database &db = *session->db;
    qCDebug(lcPlanCommand) << "opened" << timer.restart() << "ms";
    // The automatic backup runs on its own connection in a second thread
    // while this one reads the instance, solves and stores the plan in its
    // open transaction (as the import does): it reads the last committed
    // state, the state before the run. The plan is committed only after the
    // backup is made and verified; if it failed, the transaction is rolled
    // back, nothing changed, and its error is what is reported (as if it had
    // run first); a damaged file is refused as openToWrite refuses it.
    bool damaged = false;
    std::optional<BackupMeanwhile> backup;
    if (db.isServer())
        backup.emplace(backupBeforeChange(backups, db, QStringLiteral("plan"), io)); // says why there is none
    else
        backup.emplace([&db, &damaged, manager = backups]() mutable {
            return manager.backupProvingSound(db, QStringLiteral("plan"), &damaged);
        });
    PlanOptions options;
    options.dimacsPath = args.value(QStringLiteral("dimacs"));
    options.beforeCommit = [&backup] { return backup->wait(); };
    options.listUnplaced = args.isSet(QStringLiteral("json"));
    auto result = Planner::run(db.connection(), options);
    if (Status s = backup->wait(); !s)
        return damaged ? refuseDamaged(io, path, s.error()) : fail(io, Usage, s.message());
    if (!result)
        return fail(io, result.error().file.isEmpty() ? Refused : Usage, result.message());
    const PlanResult &r = result.value();
    qCDebug(lcPlanCommand) << "planned and stored" << timer.restart() << "ms";

    if (args.isSet(QStringLiteral("json"))) {
        writePlanJson(io, r);
        return Success;
    }
    io.out << tr("placed: %1").arg(r.placed) << Qt::endl
           << tr("unplaced: %1").arg(r.unplaced) << Qt::endl
           << tr("kept (locked or confirmed): %1").arg(r.kept) << Qt::endl
           << tr("objective: %1 (covered need %2, distance %3 km)")
                  .arg(qint64(r.objective))
                  .arg(qint64(r.coveredNeed))
                  .arg(qint64(r.km))
           << Qt::endl
           << tr("time: %1 ms").arg(r.durationMs, 0, 'f', 1) << Qt::endl;
    if (!r.lexicographic)
        io.err << tr("warning: the weights do not keep the order of the objectives exactly on this data (see docs/optimiser.md)")
               << Qt::endl;
    return Success;
}

} // namespace kopru::cli
