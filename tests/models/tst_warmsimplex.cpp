// SPDX-License-Identifier: GPL-3.0-or-later
// The warm-started network simplex (issue #16) against LEMON's: on random
// networks to which arcs are added in rounds, each warm re-solve has the
// optimum LEMON finds on the whole network from scratch, its flow meets the
// supplies and capacities, and its potentials prove it optimal
// (complementary slackness on every arc).
#include "models/demo/random.h"
#include "models/planning/flownetwork.h"
#include "models/planning/warmsimplex.h"

#include <QTest>

using namespace kopru;

class TestWarmSimplex : public QObject
{
    Q_OBJECT

private:
    // Checks the warm solution against the network: conservation, bounds and
    // reduced costs (≥ 0 at flow 0, ≤ 0 at capacity, 0 in between).
    static void checkOptimal(const WarmSimplex &ws, const FlowNetwork &n)
    {
        std::vector<std::int64_t> balance(std::size_t(n.nodes), 0);
        for (std::size_t e = 0; e < n.arcs.size(); ++e) {
            const FlowNetwork::Arc &a = n.arcs[e];
            const std::int64_t f = ws.flow(int(e));
            QVERIFY2(f >= 0 && f <= a.capacity, qPrintable(QStringLiteral("arc %1 flow %2").arg(e).arg(f)));
            balance[std::size_t(a.from)] += f;
            balance[std::size_t(a.to)] -= f;
            const std::int64_t reduced = a.cost + ws.potential(a.from) - ws.potential(a.to);
            if (f < a.capacity)
                QVERIFY2(reduced >= 0, qPrintable(QStringLiteral("arc %1 below capacity, reduced cost %2").arg(e).arg(reduced)));
            if (f > 0)
                QVERIFY2(reduced <= 0, qPrintable(QStringLiteral("arc %1 with flow, reduced cost %2").arg(e).arg(reduced)));
        }
        for (int v = 0; v < n.nodes; ++v)
            QCOMPARE(balance[std::size_t(v)], n.supply[std::size_t(v)]);
    }

private slots:
    void warmReSolvesEqualColdSolves_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 400; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void warmReSolvesEqualColdSolves()
    {
        QFETCH(int, seed);
        Random rng { std::uint64_t(seed) };
        FlowNetwork n;
        n.nodes = rng.between(2, 14);
        n.supply.assign(std::size_t(n.nodes), 0);
        for (int k = rng.between(0, 4); k > 0; --k) {
            const int a = rng.between(0, n.nodes - 1), b = rng.between(0, n.nodes - 1), amount = rng.between(0, 4);
            n.supply[std::size_t(a)] += amount;
            n.supply[std::size_t(b)] -= amount;
        }
        // Small costs, and now and then costs of the planner's magnitude.
        const std::int64_t maxCost = rng.chance(0.2) ? 400002200001LL : rng.between(1, 60);
        WarmSimplex ws(n.supply, maxCost);
        int solvedOptimal = 0;
        for (int round = rng.between(1, 5); round > 0; --round) {
            for (int k = rng.between(0, 3 * n.nodes); k > 0; --k) {
                const int from = rng.between(0, n.nodes - 1), to = rng.between(0, n.nodes - 1);
                if (from == to)
                    continue;
                const FlowNetwork::Arc a { from, to, 0, rng.between(0, 5),
                    std::int64_t(rng.between(-1000000, 1000000)) * maxCost / 1000000 };
                QCOMPARE(ws.addArc(a.from, a.to, a.capacity, a.cost), int(n.arcs.size()));
                n.arcs.push_back(a);
            }
            auto cold = solveMinCostFlow(n);
            const bool warm = ws.solve();
            QCOMPARE(warm, bool(cold));
            if (!cold)
                continue;
            QCOMPARE(ws.totalCost(), cold->cost);
            checkOptimal(ws, n);
            ++solvedOptimal;
        }
        Q_UNUSED(solvedOptimal)
    }

    // A placement-like network (source → teachers → sessions → sink and a
    // costly bypass) grown in rounds: the warm re-solves need far fewer
    // pivots than solving afresh, with the same optimum.
    void warmStartSavesPivots()
    {
        Random rng(7);
        const int teachers = 300, sessions = 60;
        FlowNetwork n;
        n.nodes = 2 + teachers + sessions;
        n.supply.assign(std::size_t(n.nodes), 0);
        n.supply[0] = teachers;
        n.supply[1] = -teachers;
        const std::int64_t bypass = 1000000;
        for (int t = 0; t < teachers; ++t)
            n.arcs.push_back({ 0, 2 + t, 0, 1, 0 });
        for (int s = 0; s < sessions; ++s)
            n.arcs.push_back({ 2 + teachers + s, 1, 0, rng.between(1, 4), 0 });
        n.arcs.push_back({ 0, 1, 0, teachers, bypass });
        WarmSimplex ws(n.supply, bypass);
        for (const FlowNetwork::Arc &a : n.arcs)
            ws.addArc(a.from, a.to, a.capacity, a.cost);
        std::int64_t warmPivots = 0, coldPivots = 0;
        for (int round = 0; round < 6; ++round) {
            for (int t = 0; t < teachers; ++t) {
                const FlowNetwork::Arc a { 2 + t, 2 + teachers + rng.between(0, sessions - 1), 0, 1, -rng.between(0, 5000) };
                ws.addArc(a.from, a.to, a.capacity, a.cost);
                n.arcs.push_back(a);
            }
            const std::int64_t before = ws.pivots();
            QVERIFY(ws.solve());
            if (round > 0)
                warmPivots += ws.pivots() - before;
            WarmSimplex cold(n.supply, bypass);
            for (const FlowNetwork::Arc &a : n.arcs)
                cold.addArc(a.from, a.to, a.capacity, a.cost);
            QVERIFY(cold.solve());
            if (round > 0)
                coldPivots += cold.pivots();
            QCOMPARE(ws.totalCost(), cold.totalCost());
            auto lemon = solveMinCostFlow(n);
            QVERIFY(lemon);
            QCOMPARE(ws.totalCost(), lemon->cost);
            checkOptimal(ws, n);
        }
        qInfo("pivots of rounds 2-6: warm %lld, from scratch %lld", qint64(warmPivots), qint64(coldPivots));
        QVERIFY(warmPivots < coldPivots);
    }
};

QTEST_GUILESS_MAIN(TestWarmSimplex)
#include "tst_warmsimplex.moc"
