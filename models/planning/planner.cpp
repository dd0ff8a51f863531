// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planner.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/planning/flownetwork.h"
#include "models/planning/planstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSaveFile>
#include <map>
#include <optional>

namespace kopru {

Q_LOGGING_CATEGORY(lcPlanner, "kopru.planner", QtInfoMsg)

namespace {

// Whether the weights are provably lexicographic on this instance, field by
// field (fields share no teacher and no session).
bool lexicographic(const PlanInstance &in, const PlanWeights &w)
{
    struct FieldBound
    {
        std::int64_t teachers = 0, places = 0, maxKm = 0, maxNeed = 0;
    };
    std::map<int, FieldBound> fields;
    std::vector<char> teacherSeen(in.teachers.size(), 0), sessionSeen(in.sessions.size(), 0);
    for (const PlanCandidate &c : in.candidates) {
        FieldBound &b = fields[in.teachers[std::size_t(c.teacher)].field];
        if (!teacherSeen[std::size_t(c.teacher)]++)
            ++b.teachers;
        if (!sessionSeen[std::size_t(c.session)]++)
            b.places += in.sessions[std::size_t(c.session)].free;
        b.maxKm = std::max<std::int64_t>(b.maxKm, c.km);
        b.maxNeed = std::max<std::int64_t>(b.maxNeed, c.coveredNeed);
    }
    for (const auto &[field, b] : fields)
        if (!w.lexicographicFor(std::min(b.teachers, b.places), b.maxKm, b.maxNeed))
            return false;
    return true;
}

} // namespace

Expected<PlanResult> Planner::solve(const PlanInstance &in, const PlanWeights &weights, const QString &dimacsPath)
{
    if (Status s = weights.validate(); !s)
        return s.error();
    // Fields share no teacher and no session: one network per field, solved
    // separately (smaller networks solve faster); the optimum of the whole
    // is the sum, and the DIMACS file holds their union with one source and sink.
    std::map<int, std::vector<int>> candidatesOfField;
    for (std::size_t k = 0; k < in.candidates.size(); ++k)
        candidatesOfField[in.sessions[std::size_t(in.candidates[k].session)].field].push_back(int(k));

    PlanResult r;
    r.lexicographic = lexicographic(in, weights);
    std::vector<FlowNetwork> networks;
    for (const auto &[field, ks] : candidatesOfField) {
        std::vector<int> candidateArc;
        networks.push_back(FlowNetwork::forPlan(in, ks, weights, &candidateArc));
        auto solution = solveMinCostFlow(networks.back());
        if (!solution)
            return solution.error();
        r.objective += solution->cost;
        for (std::size_t i = 0; i < ks.size(); ++i) {
            if (solution->flow[std::size_t(candidateArc[i])] <= 0)
                continue;
            const PlanCandidate &c = in.candidates[std::size_t(ks[i])];
            r.assignments.push_back({ in.teachers[std::size_t(c.teacher)].id, in.sessions[std::size_t(c.session)].id, ks[i] });
            r.coveredNeed += c.coveredNeed;
            r.km += c.km;
        }
    }
    if (!dimacsPath.isEmpty()) {
        const FlowNetwork whole = FlowNetwork::united(networks);
        QSaveFile file(dimacsPath);
        const QString comment
            = QStringLiteral("Kopru placement network: node 1 source, node 2 sink; %1 fields solved separately\n"
                             "weights place=%2 need=%3 distance=%4; optimal cost %5")
                  .arg(networks.size())
                  .arg(weights.place)
                  .arg(weights.need)
                  .arg(weights.distance)
                  .arg(qint64(r.objective));
        if (!file.open(QIODevice::WriteOnly) || !whole.writeDimacs(file, comment) || !file.commit())
            return Error { QCoreApplication::translate("Planner", "cannot write the DIMACS file: %1").arg(file.errorString()),
                dimacsPath, 0, 0 };
    }
    r.placed = int(r.assignments.size());
    r.unplaced = int(in.teachers.size()) - r.placed;
    r.kept = in.keptInScope;
    return r;
}

Expected<PlanResult> Planner::run(
    QSqlDatabase db, const PlanOptions &options, const Progress &progress, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const Error cancelError { QCoreApplication::translate("Planner", "the optimiser run was cancelled; nothing was changed"), {},
        0, 0 };
    // Errors of reading or writing the database name its file.
    const auto fromDatabase = [&db](Error e) {
        if (e.file.isEmpty())
            e.file = Sql::fileOf(db);
        return e;
    };
    if (progress)
        progress(0);
    // A run that stores its plan reads, solves and writes in one write
    // transaction: the plan is stored over exactly the state it was computed
    // from (another writer waits, or is told the database is busy).
    std::optional<Transaction> tx;
    if (options.store) {
        tx.emplace(db);
        if (!tx->began())
            return fromDatabase(tx->began().error());
    }
    auto instance = PlanInstance::load(db, options.scope);
    if (!instance)
        return fromDatabase(instance.error());
    qCDebug(lcPlanner) << "instance loaded" << timer.elapsed() << "ms:" << instance->teachers.size() << "teachers,"
                       << instance->sessions.size() << "sessions," << instance->candidates.size() << "pairs";
    if (cancelled())
        return cancelError;
    if (progress)
        progress(40);
    auto result = solve(instance.value(), options.weights, options.dimacsPath);
    if (!result)
        return result.error();
    qCDebug(lcPlanner) << "solved" << timer.elapsed() << "ms";
    if (cancelled())
        return cancelError;
    if (progress)
        progress(80);
    result->durationMs = double(timer.nsecsElapsed()) / 1e6;
    if (options.store) {
        if (Status s = PlanStore::store(db, instance.value(), result.value(), options, timer); !s)
            return fromDatabase(s.error());
        if (Status s = tx->commit(); !s)
            return fromDatabase(s.error());
    }
    if (progress)
        progress(100);
    return result;
}

} // namespace kopru
