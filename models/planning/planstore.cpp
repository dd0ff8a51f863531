// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planstore.h"

#include "models/db/blockinsert.h"
#include "models/db/schemamacros.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/globalid.h"
#include "models/planning/planner.h"
#include "models/planning/planreason.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <vector>

namespace kopru::PlanStore {

// QT_LOGGING_RULES="kopru.planner.store.debug=true": where storing spends its time.
Q_LOGGING_CATEGORY(lcPlanStore, "kopru.planner.store", QtInfoMsg)

namespace {

// The placements a run replaces: the scope's proposed, unlocked placements
// of this database itself (another's placements stay, docs/exchange.md,
// "Owners"). Six bindings: the scope's field, centre and province, twice each.
const QString kReplaceable = QStringLiteral(
    "status = 'proposed' AND locked = 0 AND owner_centre_id IS NOT DISTINCT FROM "
    "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'centre_id') AND teacher_id IN "
    "(SELECT id FROM teacher WHERE (? = 0 OR field_id = ?) AND (? = 0 OR centre_id = ?) AND (? = 0 OR province_id = ?))");

QVariantList scopeBindings(const PlanScope &sc)
{
    return { sc.fieldId, sc.fieldId, sc.centreId, sc.centreId, sc.provinceId, sc.provinceId };
}

Status execWith(QSqlDatabase db, const QString &sql, const QVariantList &bindings)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s;
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
    return q.exec() ? Status() : Status(Sql::errorOf(q));
}

// A replaceable placement as it stands before the run stores.
struct Standing
{
    qint64 id = 0;
    int sessionId = 0;
    double score = 0;
    QString reason;
    bool decided = false; // has a plan decision (approved/rejected by the national office)
    bool kept = false;
};

// Scores are stored rounded to 3 decimals; a backend may keep them as a
// 4-byte float, so two scores count as equal within a tenth of that step.
bool sameScore(double a, double b)
{
    return std::abs(a - b) < 1e-4;
}

} // namespace

struct Writer::State
{
    State(QSqlDatabase database, const PlanInstance &instance, const PlanOptions &opts)
        : db(database)
        , in(instance)
        , options(opts)
        , remove(database)
    { }

    QSqlDatabase db;
    const PlanInstance &in;
    const PlanOptions &options;
    std::unordered_map<int, Standing> standing; // by teacher id (one proposal per teacher)
    std::size_t kept = 0, deleted = 0, inserted = 0;
    int runId = 0;
    std::optional<BlockInsert> insert; // made by begin(), which knows the values every new proposal shares
    QSqlQuery remove;
    qint64 explainNs = 0, writeNs = 0;
};

Writer::Writer(QSqlDatabase db, const PlanInstance &instance, const PlanOptions &options)
    : d(std::make_unique<State>(db, instance, options))
{ }

Writer::~Writer() = default;

// Storing only what changed (issue #16): a re-plan usually proposes most
// teachers the session they already have. Deleting and inserting those rows
// again costs a trigger run each (a tombstone on delete, the owner and
// restore triggers on insert; ~1 s per 30,000 rows each way) and sends every
// one of them through the exchange again as a deletion plus a new record.
// So a replaceable placement that the new plan proposes again unchanged —
// same teacher, session, score and reason — and that carries no plan
// decision stays as it is (its uid and version too); only its plan_run_id
// moves to this run, which fires no trigger (it is no content column).
// Every other one is deleted (right before its teacher's new placement is
// inserted, or at the end) and the new placements inserted. The end state is
// the same plan: the scope's proposed, unlocked placements are exactly the
// new assignments with their scores, reasons and this run's id.
Status Writer::begin()
{
    QElapsedTimer timer;
    timer.start();
    if (Status s = Sql::forEachRow(d->db,
            QStringLiteral("SELECT p.id, p.teacher_id, p.session_id, p.score, p.reason, d.placement_id IS NOT NULL "
                           "FROM placement p LEFT JOIN plan_decision d ON d.placement_id = p.id WHERE ")
                + kReplaceable,
            scopeBindings(d->options.scope),
            [this](const QSqlQuery &q) {
                d->standing[q.value(1).toInt()] = { q.value(0).toLongLong(), q.value(2).toInt(), q.value(3).toDouble(),
                    q.value(4).toString(), q.value(5).toBool() };
            });
        !s)
        return s;
    // The run's row first, for the proposals to refer to; finish() writes its figures.
    QSqlQuery run(d->db);
    if (Status s = Sql::prepare(run,
            QStringLiteral("INSERT INTO plan_run(parameters, objective, placed, unplaced, duration_ms) VALUES (?, ?, ?, ?, ?)"));
        !s)
        return s;
    if (Status s = Sql::run(run, { QStringLiteral("{}"), 0, 0, 0, 0 }); !s)
        return s;
    d->runId = run.lastInsertId().toInt();

    // The new proposals' owner and where they are made: what the owner
    // trigger (KOPRU_OWNER_TRIGGER) would write into each row, evaluated once
    // from the same definitions and given with the row, and each one's global
    // id drawn here (GlobalId::random, as the column's default would). The
    // trigger then does not run, and SQLite does not build the id from five
    // randomblob() calls: the two were most of the cost of storing a plan
    // (31,367 proposals at 100,000 teachers: 1.4 s, issue #16).
    QVariant owner, label;
    if (Status s = Sql::forEachRow(d->db,
            QStringLiteral("SELECT " KOPRU_LOCAL_OWNER ", %1").arg(SqlDialect::changeLabel(SqlDialect::backendOf(d->db))),
            [&](const QSqlQuery &q) {
                owner = q.value(0);
                label = q.value(1);
            });
        !s)
        return s;
    // Many rows to a statement: one INSERT each cost SQLite a statement's
    // set-up (its statement journal, the triggers' frames) and Qt's driver a
    // round of bindings, about as much again as storing the row.
    // What every new proposal shares is given once (BlockInsert's shared columns).
    d->insert.emplace(d->db, QStringLiteral("placement"),
        QStringList { QStringLiteral("teacher_id"), QStringLiteral("session_id"), QStringLiteral("score"),
            QStringLiteral("reason"), QStringLiteral("uid") },
        BlockInsert::Shared { { QStringLiteral("status"), QStringLiteral("proposed") }, { QStringLiteral("locked"), 0 },
            { QStringLiteral("plan_run_id"), d->runId }, { QStringLiteral("owner_centre_id"), owner },
            { QStringLiteral("modified_by"), label } });
    if (Status s = d->insert->prepare(); !s)
        return s;
    if (Status s = Sql::prepare(d->remove, QStringLiteral("DELETE FROM placement WHERE id = ?")); !s)
        return s;
    qCDebug(lcPlanStore) << "read" << d->standing.size() << "standing placements" << timer.elapsed() << "ms";
    return {};
}

Status Writer::add(const std::vector<PlanAssignment> &assignments, std::size_t from, Cores cores)
{
    Q_ASSERT(d->insert); // begin() succeeded
    QElapsedTimer timer;
    timer.start();
    // The reasons (a JSON document each), then the rows in order.
    const PlanInstance &in = d->in;
    const auto explain = [&](std::size_t i) {
        const PlanAssignment &a = assignments[i];
        return PlanReason::encode(
            PlanReason::explain(in, in.teachers[std::size_t(a.teacher)], in.sessions[std::size_t(a.session)], a.km));
    };
    std::vector<QString> reasons;
    if (cores == Cores::All) {
        std::vector<std::size_t> order(assignments.size() - from);
        std::iota(order.begin(), order.end(), from);
        reasons = QtConcurrent::blockingMapped<std::vector<QString>>(order, explain);
    } else {
        reasons.reserve(assignments.size() - from);
        for (std::size_t i = from; i < assignments.size(); ++i)
            reasons.push_back(explain(i));
    }
    d->explainNs += timer.nsecsElapsed();
    for (std::size_t i = from; i < assignments.size(); ++i) {
        const PlanAssignment &a = assignments[i];
        const QString &reason = reasons[i - from];
        const double score = PlanReason::score(a.coveredNeed, a.km);
        if (const auto now = d->standing.find(a.teacherId); now != d->standing.end()) {
            Standing &p = now->second;
            if (!p.decided && p.sessionId == a.sessionId && sameScore(p.score, score) && p.reason == reason) {
                p.kept = true;
                ++d->kept;
                continue;
            }
            // One proposal per teacher: the old one goes before the new one comes.
            if (Status s = Sql::run(d->remove, { p.id }); !s)
                return s;
            d->standing.erase(now);
            ++d->deleted;
        }
        if (Status s = d->insert->add({ a.teacherId, a.sessionId, score, reason, GlobalId::random() }); !s)
            return s;
        ++d->inserted;
    }
    d->writeNs += timer.nsecsElapsed();
    return {};
}

Status Writer::finish(PlanResult &result, const QElapsedTimer &sinceStart)
{
    QElapsedTimer timer;
    timer.start();
    if (Status s = d->insert ? d->insert->finish() : Status(); !s)
        return s;
    // The standing proposals of teachers the new plan does not place.
    for (const auto &[teacher, p] : d->standing) {
        if (p.kept)
            continue;
        if (Status s = Sql::run(d->remove, { p.id }); !s)
            return s;
        ++d->deleted;
    }
    // What is left of the replaceable placements now is this run's and the
    // kept ones; those move to this run.
    if (d->kept > 0)
        if (Status s = execWith(d->db,
                QStringLiteral("UPDATE placement SET plan_run_id = ? WHERE plan_run_id IS DISTINCT FROM ? AND ") + kReplaceable,
                QVariantList { d->runId, d->runId } + scopeBindings(d->options.scope));
            !s)
            return s;
    const PlanOptions &options = d->options;
    const PlanScope &sc = options.scope;
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
    const double durationMs = double(sinceStart.nsecsElapsed()) / 1e6;
    if (Status s = Sql::exec(d->db,
            QStringLiteral("UPDATE plan_run SET parameters = ?, objective = ?, placed = ?, unplaced = ?, duration_ms = ? "
                           "WHERE id = ?"),
            { QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), qint64(result.objective),
                result.placed, result.unplaced, durationMs, d->runId });
        !s)
        return s;
    qCDebug(lcPlanStore) << "explained" << d->explainNs / 1000000 << "ms; kept" << d->kept << "deleted" << d->deleted
                         << "inserted" << d->inserted << "in" << (d->writeNs - d->explainNs) / 1000000 << "ms; finished in"
                         << timer.elapsed() << "ms";
    result.planRunId = d->runId;
    result.durationMs = durationMs;
    return {};
}

Status store(
    QSqlDatabase db, const PlanInstance &in, PlanResult &result, const PlanOptions &options, const QElapsedTimer &sinceStart)
{
    Writer writer(db, in, options);
    if (Status s = writer.begin(); !s)
        return s;
    if (Status s = writer.add(result.assignments, 0, Writer::Cores::All); !s)
        return s;
    return writer.finish(result, sinceStart);
}

} // namespace kopru::PlanStore
