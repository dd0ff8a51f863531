// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planner.h"

#include "models/db/bulkwritescope.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"
#include "models/planning/flownetwork.h"
#include "models/planning/planfield.h"
#include "models/planning/plansnapshot.h"
#include "models/planning/planstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>

namespace kopru {

Q_LOGGING_CATEGORY(lcPlanner, "kopru.planner", QtInfoMsg)

namespace {

struct FieldBound
{
    std::int64_t teachers = 0, places = 0, maxKm = 0, maxNeed = 0;
};

// Whether the weights are provably lexicographic on this instance, field by
// field (fields share no teacher and no session).
bool lexicographic(const std::map<int, FieldBound> &fields, const PlanWeights &w)
{
    for (const auto &[field, b] : fields)
        if (!w.lexicographicFor(std::min(b.teachers, b.places), b.maxKm, b.maxNeed))
            return false;
    return true;
}

Status writeDimacs(const QString &path, const PlanWeights &weights, std::int64_t objective, int fields,
    const std::function<bool(QTextStream &)> &write)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        QTextStream ts(&file);
        const QString comment
            = QStringLiteral("Kopru placement network: node 1 source, node 2 sink; %1 fields solved separately\n"
                             "weights place=%2 need=%3 distance=%4; optimal cost %5")
                  .arg(fields)
                  .arg(weights.place)
                  .arg(weights.need)
                  .arg(weights.distance)
                  .arg(qint64(objective));
        for (const QString &line : comment.split(QLatin1Char('\n')))
            ts << "c " << line << '\n';
        if (write(ts)) {
            ts.flush();
            if (ts.status() == QTextStream::Ok && file.commit())
                return {};
        }
    }
    return Error { QCoreApplication::translate("Planner", "cannot write the DIMACS file: %1").arg(file.errorString()), path, 0,
        0 };
}

// The full formulation: every eligible pair an arc, the maximum flow fixes the
// number placed (FlowNetwork::forPlan). Quadratic; the reference of the tests.
Expected<PlanResult> solveFull(const PlanInstance &in, const PlanWeights &weights, const QString &dimacsPath)
{
    const std::vector<PlanCandidate> pool = PlanInstance::allCandidates(in);
    std::map<int, std::vector<int>> candidatesOfField;
    for (std::size_t k = 0; k < pool.size(); ++k)
        candidatesOfField[in.sessions[std::size_t(pool[k].session)].field].push_back(int(k));

    PlanResult r;
    std::map<int, FieldBound> bounds;
    std::vector<char> teacherSeen(in.teachers.size(), 0), sessionSeen(in.sessions.size(), 0);
    for (const PlanCandidate &c : pool) {
        FieldBound &b = bounds[in.teachers[std::size_t(c.teacher)].field];
        if (!teacherSeen[std::size_t(c.teacher)]++)
            ++b.teachers;
        if (!sessionSeen[std::size_t(c.session)]++)
            b.places += in.sessions[std::size_t(c.session)].free;
        b.maxKm = std::max<std::int64_t>(b.maxKm, c.km);
        b.maxNeed = std::max<std::int64_t>(b.maxNeed, c.coveredNeed);
    }
    r.lexicographic = lexicographic(bounds, weights);
    r.pairs = r.arcsSolved = std::int64_t(pool.size());
    std::vector<FlowNetwork> networks;
    for (const auto &[field, ks] : candidatesOfField) {
        std::vector<int> candidateArc;
        networks.push_back(FlowNetwork::forPlan(in, pool, ks, weights, &candidateArc));
        auto solution = solveMinCostFlow(networks.back());
        if (!solution)
            return solution.error();
        ++r.rounds;
        r.objective += solution->cost;
        for (std::size_t i = 0; i < ks.size(); ++i) {
            if (solution->flow[std::size_t(candidateArc[i])] <= 0)
                continue;
            const PlanCandidate &c = pool[std::size_t(ks[i])];
            r.assignments.push_back({ in.teachers[std::size_t(c.teacher)].id, in.sessions[std::size_t(c.session)].id, c.teacher,
                c.session, c.coveredNeed, c.km });
            r.coveredNeed += c.coveredNeed;
            r.km += c.km;
        }
    }
    if (!dimacsPath.isEmpty()) {
        const FlowNetwork whole = FlowNetwork::united(networks);
        if (Status s = writeDimacs(dimacsPath, weights, r.objective, int(networks.size()),
                [&whole](QTextStream &ts) {
                    ts.flush();
                    return whole.writeDimacs(*ts.device());
                });
            !s)
            return s.error();
    }
    return r;
}

// The fields still being solved, waited for when the solve returns early (an
// error) before what their tasks use goes away; the tasks left then only see
// `stop` and return.
struct FieldsSolving
{
    QFuture<void> future;
    ~FieldsSolving() { future.waitForFinished(); }
};

// Field by field, in parallel: each field's exact optimum (PlanField::solve,
// by pricing on the big ones); the full network is written, never held, for --dimacs.
// The fields are solved on the thread pool while this thread takes their
// results in order and hands each to `found` (Planner::run stores them
// meanwhile: at 100,000 teachers storing is a third of the solving's CPU).
Expected<PlanResult> solveByField(const PlanInstance &in, const PlanWeights &weights, const QString &dimacsPath,
    PlanFormulation how, const Planner::Found &found)
{
    const PlanDates dates = PlanDates::of(in);
    std::map<int, std::pair<std::vector<int>, std::vector<int>>> members; // field → (teachers, sessions with free places)
    for (std::size_t s = 0; s < in.sessions.size(); ++s)
        if (in.sessions[s].free > 0)
            members[in.sessions[s].field].second.push_back(int(s));
    for (std::size_t t = 0; t < in.teachers.size(); ++t) {
        const auto f = members.find(in.teachers[t].field);
        if (f != members.end())
            f->second.first.push_back(int(t));
    }
    std::vector<PlanField> fields;
    fields.reserve(members.size());
    for (auto &[field, m] : members)
        if (!m.first.empty())
            fields.emplace_back(in, dates, field, std::move(m.first), std::move(m.second));
    std::vector<std::optional<Expected<FieldResult>>> solved(fields.size());
    std::vector<int> order(fields.size());
    std::iota(order.begin(), order.end(), 0);
    std::mutex mutex;
    std::condition_variable done;
    std::atomic_bool stop { false }; // the rest is not wanted: an error came first
    // A pool of the run's own: this thread waits for the fields rather than
    // solving some (it stores them), and the global pool may be busy with
    // something else (the GUI's background backup).
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    FieldsSolving solving { QtConcurrent::map(&pool, order, [&](int i) {
        // Every task leaves a result, or this thread would wait for it for ever.
        Expected<FieldResult> one = FieldResult {};
        try {
            if (!stop)
                one = fields[std::size_t(i)].solve(weights, how);
        } catch (const std::bad_alloc &) {
            one = Error { QCoreApplication::translate("Planner", "the placement network does not fit in memory"), {}, 0, 0 };
        }
        const std::lock_guard<std::mutex> lock(mutex);
        solved[std::size_t(i)].emplace(std::move(one));
        done.notify_all();
    }) };

    PlanResult r;
    std::map<int, FieldBound> bounds;
    int networks = 0;
    std::int64_t nodes = 2, arcs = 0, supply = 0;
    for (std::size_t i = 0; i < solved.size(); ++i) {
        {
            std::unique_lock<std::mutex> lock(mutex);
            done.wait(lock, [&] { return solved[i].has_value(); });
        }
        auto &one = solved[i];
        if (!*one) {
            stop = true;
            return one->error();
        }
        const FieldResult &f = one->value();
        const std::size_t from = r.assignments.size();
        if (f.pairs > 0) {
            ++networks;
            bounds[f.field] = { f.teachers, f.places, f.maxKm, f.maxNeed };
            r.objective += f.cost;
            r.pairs += f.pairs;
            r.arcsSolved += f.arcs;
            r.rounds += f.rounds;
            for (const FieldPlacement &p : f.placements) {
                r.assignments.push_back({ in.teachers[std::size_t(p.teacher)].id, in.sessions[std::size_t(p.session)].id,
                    p.teacher, p.session, p.coveredNeed, p.km });
                r.coveredNeed += p.coveredNeed;
                r.km += p.km;
            }
            nodes += f.teachers + f.sessions;
            arcs += f.teachers + f.pairs + f.sessions + (weights.maximizePlaced ? 0 : 1);
            supply += weights.maximizePlaced ? std::int64_t(f.placements.size()) : f.teachers;
        }
        if (found)
            if (Status s = found(r.assignments, from, double(i + 1) / double(solved.size())); !s) {
                stop = true;
                return s.error();
            }
    }
    r.lexicographic = lexicographic(bounds, weights);
    if (!dimacsPath.isEmpty()) {
        // The full network as FlowNetwork::united(forPlan(...)) writes it; with
        // maximizePlaced the supply is the most teachers that can be placed,
        // which the solution places (docs/optimiser.md).
        if (Status s = writeDimacs(dimacsPath, weights, r.objective, networks,
                [&](QTextStream &ts) {
                    ts << "p min " << qint64(nodes) << ' ' << qint64(arcs) << '\n';
                    if (supply != 0)
                        ts << "n 1 " << qint64(supply) << "\nn 2 " << qint64(-supply) << '\n';
                    std::int64_t next = 3;
                    for (std::size_t i = 0; i < fields.size(); ++i)
                        if (solved[i]->value().pairs > 0)
                            next = fields[i].writeDimacsArcs(ts, next, weights);
                    return ts.status() == QTextStream::Ok;
                });
            !s)
            return s.error();
    }
    return r;
}

// The teachers of the instance the run did not place, with their reasons:
// the classification Unplaced::reasons() makes from the database after the
// run, made here from the instance in memory (the sessions' free places are
// those before the run, as a reload would have them).
Status listUnplaced(QSqlDatabase db, const PlanInstance &in, PlanResult &r)
{
    std::vector<char> placed(in.teachers.size(), 0);
    for (const PlanAssignment &a : r.assignments)
        placed[std::size_t(a.teacher)] = 1;
    r.unplacedTeachers = Unplaced::classify(in, placed);
    return Unplaced::nameFields(db, r.unplacedTeachers);
}

} // namespace

Expected<PlanResult> Planner::solve(
    const PlanInstance &in, const PlanWeights &weights, const QString &dimacsPath, PlanFormulation how, const Found &found)
{
    if (Status s = weights.validate(); !s)
        return s.error();
    Expected<PlanResult> result
        = how == PlanFormulation::Full ? solveFull(in, weights, dimacsPath) : solveByField(in, weights, dimacsPath, how, found);
    if (!result)
        return result;
    PlanResult &r = result.value();
    if (how == PlanFormulation::Full && found)
        if (Status s = found(r.assignments, 0, 1.0); !s)
            return s.error();
    r.placed = int(r.assignments.size());
    r.unplaced = int(in.teachers.size()) - r.placed;
    r.kept = in.keptInScope;
    return result;
}

Expected<PlanResult> Planner::run(
    QSqlDatabase db, const PlanOptions &options, const Progress &progress, const std::atomic_bool *cancel, bool *changedMeanwhile)
{
    if (changedMeanwhile)
        *changedMeanwhile = false;
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
    // A run that stores its plan never stores it over a change made since
    // it read its instance. On a file by default it holds the write lock
    // from reading to storing (other writers wait, so nothing can change).
    // On a server, or with options.readSnapshot, it reads from one snapshot
    // with the versions of the placements (PlanSnapshot), lets others write
    // while it solves, and compares the versions in the transaction that
    // stores: a change of a placement meanwhile is refused.
    // Storing writes tens of thousands of placements (53,293 at 100,000
    // teachers): with a page cache that holds them (BulkWriteScope) instead of
    // spilling the open transaction's pages to the WAL again and again.
    const bool snapshotOnly
        = options.store && (options.readSnapshot || SqlDialect::backendOf(db) == SqlDialect::Backend::Postgres);
    std::optional<BulkWriteScope> bulk;
    std::optional<Transaction> tx;
    if (options.store) {
        bulk.emplace(db);
        tx.emplace(db, snapshotOnly ? Transaction::Mode::Read : Transaction::Mode::Write);
        if (!tx->began())
            return fromDatabase(tx->began().error());
        qCDebug(lcPlanner) << "began the transaction" << timer.elapsed() << "ms";
    }
    auto instance = PlanInstance::load(db, options.scope);
    if (!instance)
        return fromDatabase(instance.error());
    std::optional<PlanSnapshot> snapshot; // only when others may write meanwhile
    if (snapshotOnly) {
        auto read = PlanSnapshot::read(db);
        if (!read)
            return fromDatabase(read.error());
        snapshot.emplace(std::move(read.value()));
        if (Status s = tx->commit(); !s)
            return fromDatabase(s.error());
        tx.reset();
    }
    qCDebug(lcPlanner) << "instance loaded" << timer.elapsed() << "ms:" << instance->teachers.size() << "teachers,"
                       << instance->sessions.size() << "sessions";
    if (cancelled())
        return cancelError;
    if (progress)
        progress(40);
    // On a file the run holds the write lock already: each field's placements
    // are stored as soon as they are known, while the next fields are solved.
    std::optional<PlanStore::Writer> writer;
    Status storing; // the error of storing meanwhile, if any
    bool cancelledMeanwhile = false;
    if (options.store && !snapshotOnly) {
        writer.emplace(db, instance.value(), options);
        if (Status s = writer->begin(); !s)
            return fromDatabase(s.error());
    }
    // Each field solved moves the progress on (40 → 80 %) and is stored.
    int reported = 40;
    const Found solvedMore = [&](const std::vector<PlanAssignment> &assignments, std::size_t from, double share) {
        cancelledMeanwhile = cancelled();
        if (cancelledMeanwhile)
            storing = cancelError;
        else if (writer)
            storing = writer->add(assignments, from);
        if (progress && storing) {
            reported = 40 + int(40 * share);
            progress(reported);
        }
        return storing;
    };
    auto result = solve(instance.value(), options.weights, options.dimacsPath, options.formulation, solvedMore);
    if (cancelledMeanwhile)
        return cancelError;
    if (!storing)
        return fromDatabase(storing.error());
    if (!result)
        return result.error();
    qCDebug(lcPlanner) << "solved" << timer.elapsed() << "ms:" << result->pairs << "eligible pairs," << result->arcsSolved
                       << "solved as arcs," << result->rounds << "network simplex runs";
    if (cancelled())
        return cancelError;
    if (progress && reported < 80) // the last field has said 80 % already
        progress(80);
    if (options.listUnplaced)
        if (Status s = listUnplaced(db, instance.value(), result.value()); !s)
            return fromDatabase(s.error());
    result->durationMs = double(timer.nsecsElapsed()) / 1e6;
    if (options.store) {
        if (cancelled())
            return cancelError;
        if (!tx) {
            tx.emplace(db);
            if (!tx->began())
                return fromDatabase(tx->began().error());
        }
        // Changed placements: a refusal of the data (no file), nothing written.
        if (Status s = snapshot ? snapshot->verify(db) : Status(); !s) {
            if (changedMeanwhile)
                *changedMeanwhile = true;
            return s.error();
        }
        if (Status s = writer ? writer->finish(result.value(), timer)
                              : PlanStore::store(db, instance.value(), result.value(), options, timer);
            !s)
            return fromDatabase(s.error());
        qCDebug(lcPlanner) << "stored" << timer.elapsed() << "ms";
        // The plan is in the open transaction, seen by nobody else; it is
        // committed only when the hook (kopru-cli's backup of the state
        // before) succeeded, else rolled back: nothing changed.
        if (options.beforeCommit)
            if (Status s = options.beforeCommit(); !s)
                return s.error();
        if (Status s = tx->commit(); !s)
            return fromDatabase(s.error());
        qCDebug(lcPlanner) << "committed" << timer.elapsed() << "ms";
    }
    if (progress)
        progress(100);
    return result;
}

} // namespace kopru
