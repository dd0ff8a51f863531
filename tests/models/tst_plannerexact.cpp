// SPDX-License-Identifier: GPL-3.0-or-later
// The optimiser by pricing (issue #16) against the full formulation: on many
// random instances (seeds, both objective modes, several weightings, locked
// and confirmed placements, availability windows, full sessions) the same
// optimum, the same number placed and a plan that keeps every hard rule; the
// DIMACS file still describes the full instance (byte for byte the full
// formulation's file) and glpsol confirms its optimum.
#include "models/demo/demogenerator.h"
#include "models/demo/random.h"
#include "models/planning/planinstance.h"
#include "models/planning/planner.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThreadPool>
#include <map>
#include <set>

using namespace kopru;
using kopru::test::scalar;

namespace {

// Re-plans of a demo database: some placements locked, confirmed or
// completed, availability windows, sessions made full or bigger.
void perturb(QSqlDatabase db, std::uint64_t seed)
{
    Random rng(seed * 7919 + 1);
    QVERIFY(Planner::run(db, {}));
    QVERIFY(Sql::exec(db, QStringLiteral("UPDATE placement SET locked = 1 WHERE id % ? = 0"), { rng.between(3, 9) }));
    QVERIFY(Sql::exec(db, QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE id % ? = 1"), { rng.between(4, 11) }));
    QVERIFY(Sql::exec(db, QStringLiteral("UPDATE placement SET status = 'completed' WHERE id % 13 = 2")));
    // Availability windows on a share of the teachers (open ends too).
    const int share = rng.between(2, 6);
    QVERIFY(Sql::exec(db,
        QStringLiteral("UPDATE teacher SET available_from = '2027-06-01', available_to = '2027-08-31' WHERE id % ? = 0"),
        { share }));
    QVERIFY(Sql::exec(db,
        QStringLiteral("UPDATE teacher SET available_from = '2027-07-15', available_to = NULL WHERE id % ? = 1"), { share + 1 }));
    // Capacity: scarce (some sessions full by their kept placements) or plenty.
    if (rng.chance(0.5))
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE training_session SET capacity = capacity * 4 WHERE id % 3 = 0")));
    else
        QVERIFY(Sql::exec(db,
            QStringLiteral("UPDATE training_session SET capacity = 1 WHERE id IN (SELECT session_id FROM placement WHERE "
                           "locked = 1 OR status <> 'proposed')")));
    if (rng.chance(0.3))
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE partner SET active = 0 WHERE id % 5 = 0")));
}

QString glpsolPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("glpsol"));
}

std::vector<PlanWeights> weightings()
{
    PlanWeights byWeight;
    byWeight.maximizePlaced = false;
    PlanWeights flat { 1, 1, 1 }; // not lexicographic: trade-offs between the objectives
    PlanWeights flatByWeight = flat;
    flatByWeight.maximizePlaced = false;
    PlanWeights distanceFirst { 5, 1, 1000 };
    distanceFirst.maximizePlaced = false;
    PlanWeights noDistance { 1, 3, 0 };
    return { PlanWeights {}, byWeight, flat, flatByWeight, distanceFirst, noDistance };
}

// Every hard rule of the plan, independently of the solver's sums.
void checkPlan(const PlanInstance &in, const PlanResult &r, const PlanWeights &w)
{
    std::set<int> teachers;
    std::map<int, int> used;
    std::int64_t need = 0, km = 0, cost = 0;
    for (const PlanAssignment &a : r.assignments) {
        const PlanTeacher &t = in.teachers[std::size_t(a.teacher)];
        const PlanSession &s = in.sessions[std::size_t(a.session)];
        QCOMPARE(a.teacherId, t.id);
        QCOMPARE(a.sessionId, s.id);
        QVERIFY(teachers.insert(t.id).second);
        QVERIFY(PlanInstance::eligible(t, s));
        QVERIFY(++used[a.session] <= s.free);
        QCOMPARE(a.coveredNeed, PlanInstance::coveredNeed(t, s));
        QCOMPARE(a.km, PlanInstance::roundedKm(t.province, s.province));
        need += a.coveredNeed;
        km += a.km;
        cost += w.pairCost(a.coveredNeed, a.km);
    }
    QCOMPARE(r.coveredNeed, need);
    QCOMPARE(r.km, km);
    QCOMPARE(r.objective, cost);
    QCOMPARE(r.placed, int(r.assignments.size()));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPlannerExact : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("x%1.kopru").arg(++m_n)); }

    std::unique_ptr<Database> randomDatabase(std::uint64_t seed, int teachers)
    {
        auto db = test::newDatabase(newPath());
        if (!db)
            return nullptr;
        Random rng(seed);
        DemoGenerator::Options demo;
        demo.teachers = teachers;
        demo.partners = std::max(8, teachers * rng.between(8, 30) / 100);
        demo.minPlaces = teachers / rng.between(2, 4);
        demo.seed = seed;
        demo.programme = false; // the perturbations above make the placements
        if (!DemoGenerator::generate(db->connection(), demo))
            return nullptr;
        return db;
    }

private slots:
    void sameOptimumAsFullFormulation_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("teachers");
        for (quint64 seed = 1; seed <= 16; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed << int(60 + (seed * 37) % 340);
    }
    void sameOptimumAsFullFormulation()
    {
        QFETCH(quint64, seed);
        QFETCH(int, teachers);
        auto db = randomDatabase(seed, teachers);
        QVERIFY(db);
        for (int replan = 0; replan < 2; ++replan) {
            if (replan == 1) {
                perturb(db->connection(), seed);
                if (QTest::currentTestFailed())
                    return;
            }
            auto in = PlanInstance::load(db->connection(), {});
            QVERIFY2(in, qPrintable(in.message()));
            QVERIFY(!in->teachers.empty());
            for (const PlanWeights &w : weightings()) {
                auto priced = Planner::solve(in.value(), w, {}, PlanFormulation::Pricing);
                auto full = Planner::solve(in.value(), w, {}, PlanFormulation::Full);
                QVERIFY2(priced, qPrintable(priced.message()));
                QVERIFY2(full, qPrintable(full.message()));
                QCOMPARE(priced->objective, full->objective);
                QCOMPARE(priced->placed, full->placed);
                QCOMPARE(priced->unplaced, full->unplaced);
                QCOMPARE(priced->pairs, full->pairs);
                QCOMPARE(priced->lexicographic, full->lexicographic);
                if (full->lexicographic && w.distance > 0) {
                    // Lexicographic weights that count distance: need and km are determined too.
                    QCOMPARE(priced->coveredNeed, full->coveredNeed);
                    QCOMPARE(priced->km, full->km);
                }
                checkPlan(in.value(), priced.value(), w);
                checkPlan(in.value(), full.value(), w);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void oneFieldScopeSameAsFull()
    {
        auto db = randomDatabase(99, 400);
        QVERIFY(db);
        perturb(db->connection(), 99);
        const int field = scalar(db->connection(), QStringLiteral("SELECT field_id FROM teacher ORDER BY id LIMIT 1")).toInt();
        PlanScope scope;
        scope.fieldId = field;
        auto in = PlanInstance::load(db->connection(), scope);
        QVERIFY(in);
        auto priced = Planner::solve(in.value(), {}, {}, PlanFormulation::Pricing);
        auto full = Planner::solve(in.value(), {}, {}, PlanFormulation::Full);
        QVERIFY(priced && full);
        QCOMPARE(priced->objective, full->objective);
        QCOMPARE(priced->placed, full->placed);
    }

    // The pricing solves on a fraction of the pairs: the national demo set.
    void pricingSolvesOnFewArcs()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        DemoGenerator::Options plain;
        plain.programme = false; // an empty plan: every pair priced
        QVERIFY(DemoGenerator::generate(db->connection(), plain));
        auto in = PlanInstance::load(db->connection(), {});
        QVERIFY(in);
        QVERIFY(in->candidates.empty()); // the instance holds no pairs
        auto priced = Planner::solve(in.value(), {}, {}, PlanFormulation::Pricing);
        QVERIFY2(priced, qPrintable(priced.message()));
        QVERIFY(priced->pairs > 400000);
        QVERIFY2(priced->arcsSolved * 2 < priced->pairs,
            qPrintable(QStringLiteral("%1 arcs solved of %2 pairs").arg(priced->arcsSolved).arg(priced->pairs)));
        QVERIFY(priced->rounds >= 25);
        auto full = Planner::solve(in.value(), {}, {}, PlanFormulation::Full);
        QVERIFY(full);
        QCOMPARE(priced->objective, full->objective);
        QCOMPARE(priced->placed, full->placed);
        QCOMPARE(full->arcsSolved, full->pairs);
    }

    // The same plan whatever the number of threads solving the fields, run after
    // run; more teachers than places (most teachers compete for a session's
    // places: the first candidates come from both sides, docs/optimiser.md).
    void deterministicAcrossThreadCounts()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        DemoGenerator::Options demo;
        demo.teachers = 3000;
        demo.partners = 300;
        demo.minPlaces = 1000;
        demo.seed = 5;
        demo.programme = false; // perturb() makes the placements
        QVERIFY(DemoGenerator::generate(db->connection(), demo));
        perturb(db->connection(), 5);
        auto in = PlanInstance::load(db->connection(), {});
        QVERIFY(in);
        const auto plan = [&in](int threads, const PlanWeights &w) {
            QThreadPool::globalInstance()->setMaxThreadCount(threads);
            auto r = Planner::solve(in.value(), w, {}, PlanFormulation::Pricing);
            std::vector<std::pair<int, int>> pairs;
            if (r)
                for (const PlanAssignment &a : r->assignments)
                    pairs.emplace_back(a.teacherId, a.sessionId);
            return std::make_pair(r ? r->objective : 0, pairs);
        };
        const int threads = QThreadPool::globalInstance()->maxThreadCount();
        for (const PlanWeights &w : { weightings()[0], weightings()[1] }) {
            const auto one = plan(1, w);
            const auto four = plan(4, w);
            const auto again = plan(4, w);
            QThreadPool::globalInstance()->setMaxThreadCount(threads);
            QVERIFY(!one.second.empty());
            QVERIFY(one == four);
            QVERIFY(four == again);
            auto full = Planner::solve(in.value(), w, {}, PlanFormulation::Full);
            QVERIFY(full);
            QCOMPARE(one.first, full->objective);
        }
    }

    // The DIMACS file describes the full instance: the same file as the full formulation writes.
    void dimacsIsTheFullNetwork_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<bool>("maximizePlaced");
        for (quint64 seed = 21; seed <= 24; ++seed) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1, max flow").arg(seed))) << seed << true;
            QTest::newRow(qPrintable(QStringLiteral("seed %1, by weight").arg(seed))) << seed << false;
        }
    }
    void dimacsIsTheFullNetwork()
    {
        QFETCH(quint64, seed);
        QFETCH(bool, maximizePlaced);
        auto db = randomDatabase(seed, 400);
        QVERIFY(db);
        perturb(db->connection(), seed);
        auto in = PlanInstance::load(db->connection(), {});
        QVERIFY(in);
        PlanWeights w;
        w.maximizePlaced = maximizePlaced;
        const QString a = m_dir.filePath(QStringLiteral("priced.dimacs")), b = m_dir.filePath(QStringLiteral("full.dimacs"));
        auto priced = Planner::solve(in.value(), w, a, PlanFormulation::Pricing);
        auto full = Planner::solve(in.value(), w, b, PlanFormulation::Full);
        QVERIFY2(priced && full, qPrintable(priced.message() + full.message()));
        const QByteArray pricedFile = readAll(a), fullFile = readAll(b);
        QVERIFY(pricedFile.contains("\na "));
        // The header's arc count is the file's, and holds every eligible pair.
        const QRegularExpressionMatch header
            = QRegularExpression(QStringLiteral("^p min (\\d+) (\\d+)$"), QRegularExpression::MultilineOption)
                  .match(QString::fromLatin1(pricedFile));
        QVERIFY(header.hasMatch());
        QCOMPARE(header.captured(2).toLongLong(), qint64(pricedFile.count("\na ")));
        QVERIFY(header.captured(2).toLongLong() > priced->pairs);
        QCOMPARE(pricedFile, fullFile);
    }

    void glpsolConfirmsThePricedOptimum()
    {
        const QString glpsol = glpsolPath();
        if (glpsol.isEmpty())
            QSKIP("glpsol (GLPK, Debian package glpk-utils) is not installed: the DIMACS check against an external solver is "
                  "skipped");
        auto db = randomDatabase(5, 600);
        QVERIFY(db);
        perturb(db->connection(), 5);
        PlanOptions options;
        options.dimacsPath = m_dir.filePath(QStringLiteral("check.dimacs"));
        options.store = false;
        options.formulation = PlanFormulation::Pricing;
        auto result = Planner::run(db->connection(), options);
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(result->arcsSolved < result->pairs);
        const QString out = m_dir.filePath(QStringLiteral("check.sol"));
        QProcess p;
        p.start(glpsol, { QStringLiteral("--mincost"), options.dimacsPath, QStringLiteral("-w"), out });
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
        const QString solution = QString::fromUtf8(readAll(out));
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("^s bas \\d+ \\d+ f f (\\S+)$"), QRegularExpression::MultilineOption)
                  .match(solution);
        QVERIFY2(m.hasMatch(), qPrintable(solution.left(400)));
        QCOMPARE(qint64(std::llround(m.captured(1).toDouble())), qint64(result->objective));
    }
};

QTEST_GUILESS_MAIN(TestPlannerExact)
#include "tst_plannerexact.moc"
