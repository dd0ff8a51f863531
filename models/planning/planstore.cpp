// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planstore.h"

#include "models/db/sql.h"
#include "models/planning/planner.h"
#include "models/planning/planreason.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>
#include <numeric>
#include <vector>

namespace kopru::PlanStore {

Status store(
    QSqlDatabase db, const PlanInstance &in, PlanResult &result, const PlanOptions &options, const QElapsedTimer &sinceStart)
{
    const PlanScope &sc = options.scope;
    if (Status s = Sql::exec(db,
            // Only this database's own proposals: another's placements stay (docs/exchange.md, "Owners").
            QStringLiteral(
                "DELETE FROM placement WHERE status = 'proposed' AND locked = 0 AND owner_centre_id IS NOT DISTINCT FROM "
                "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'centre_id') AND teacher_id IN "
                "(SELECT id FROM teacher WHERE (? = 0 OR field_id = ?) AND (? = 0 OR centre_id = ?) AND (? = 0 OR "
                "province_id = ?))"),
            { sc.fieldId, sc.fieldId, sc.centreId, sc.centreId, sc.provinceId, sc.provinceId });
        !s)
        return s;

    const QJsonObject parameters {
        { QStringLiteral("weights"), options.weights.toJson() },
        { QStringLiteral("scope"),
            QJsonObject { { QStringLiteral("field"), sc.fieldId }, { QStringLiteral("centre"), sc.centreId },
                { QStringLiteral("province"), sc.provinceId } } },
        { QStringLiteral("lexicographic"), result.lexicographic },
        { QStringLiteral("kept"), result.kept },
        { QStringLiteral("coveredNeed"), double(result.coveredNeed) },
        { QStringLiteral("km"), double(result.km) },
        { QStringLiteral("solver"), QStringLiteral("LEMON NetworkSimplex") },
    };
    QSqlQuery run(db);
    if (Status s = Sql::prepare(run,
            QStringLiteral("INSERT INTO plan_run(parameters, objective, placed, unplaced, duration_ms) VALUES (?, ?, ?, ?, ?)"));
        !s)
        return s;
    if (Status s = Sql::run(run,
            { QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), qint64(result.objective),
                result.placed, result.unplaced, result.durationMs });
        !s)
        return s;
    const int runId = run.lastInsertId().toInt();

    QSqlQuery insert(db);
    if (Status s = Sql::prepare(insert,
            QStringLiteral("INSERT INTO placement(teacher_id, session_id, status, locked, score, reason, plan_run_id) "
                           "VALUES (?, ?, 'proposed', 0, ?, ?, ?)"));
        !s)
        return s;
    // The reasons (a JSON document each) on every core, then the rows in order.
    std::vector<int> order(result.assignments.size());
    std::iota(order.begin(), order.end(), 0);
    const std::vector<QString> reasons = QtConcurrent::blockingMapped<std::vector<QString>>(order, [&](int i) {
        const PlanAssignment &a = result.assignments[std::size_t(i)];
        return PlanReason::encode(
            PlanReason::explain(in, in.teachers[std::size_t(a.teacher)], in.sessions[std::size_t(a.session)], a.km));
    });
    for (std::size_t i = 0; i < result.assignments.size(); ++i) {
        const PlanAssignment &a = result.assignments[i];
        if (Status s = Sql::run(insert, { a.teacherId, a.sessionId, PlanReason::score(a.coveredNeed, a.km), reasons[i], runId });
            !s)
            return s;
    }
    insert.finish();
    const double durationMs = double(sinceStart.nsecsElapsed()) / 1e6;
    if (Status s = Sql::exec(db, QStringLiteral("UPDATE plan_run SET duration_ms = ? WHERE id = ?"), { durationMs, runId }); !s)
        return s;
    result.planRunId = runId;
    result.durationMs = durationMs;
    return {};
}

} // namespace kopru::PlanStore
