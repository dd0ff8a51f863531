// SPDX-License-Identifier: GPL-3.0-or-later
// Conflicts::detect on a planned demo: the over-capacity conflicts are
// exactly the sessions holding more placements that are not cancelled than
// places, each named with its count and capacity; cancelled placements never
// count; a plan that keeps the rules has no conflict at all.
#include "models/db/sql.h"
#include "models/demo/demogenerator.h"
#include "models/planning/conflicts.h"
#include "models/planning/planner.h"
#include "tests/common/testutil.h"

#include <set>

using namespace kopru;
using kopru::test::scalar;

class TestConflicts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QSqlDatabase c() const { return m_db->connection(); }

    std::set<int> overCapacitySessions()
    {
        std::set<int> sessions;
        auto found = Conflicts::detect(c());
        if (!found)
            return { -1 };
        for (const PlanConflict &p : found.value())
            if (p.kind == PlanConflict::OverCapacity)
                sessions.insert(p.sessionId);
        return sessions;
    }

private slots:
    void initTestCase()
    {
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("c.kopru")));
        QVERIFY(m_db);
        DemoGenerator::Options o;
        o.teachers = 300;
        o.partners = 60;
        o.minPlaces = 120;
        o.programme = false;
        auto made = DemoGenerator::generate(c(), o);
        QVERIFY2(made, qPrintable(made.message()));
        auto planned = Planner::run(c(), {});
        QVERIFY2(planned, qPrintable(planned.message()));
        QVERIFY(planned->placed > 20);
    }

    void aPlanHasNoConflicts()
    {
        auto found = Conflicts::detect(c());
        QVERIFY2(found, qPrintable(found.message()));
        QCOMPARE(int(found->size()), 0);
    }

    void overfullSessionsAreExactlyThoseOverCapacity()
    {
        // Two sessions that hold placements: one made too small, one exactly full.
        QSqlQuery q(c());
        QVERIFY(q.exec(QStringLiteral("SELECT session_id, count(*) FROM placement WHERE status <> 'cancelled' "
                                      "GROUP BY session_id HAVING count(*) >= 2 ORDER BY session_id LIMIT 2")));
        QVERIFY(q.next());
        const int over = q.value(0).toInt(), overCount = q.value(1).toInt();
        QVERIFY(q.next());
        const int full = q.value(0).toInt(), fullCount = q.value(1).toInt();
        q.finish();
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE training_session SET capacity = ? WHERE id = ?"), { overCount - 1, over }));
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE training_session SET capacity = ? WHERE id = ?"), { fullCount, full }));
        QCOMPARE(overCapacitySessions(), std::set<int>({ over }));

        // The description names the partner, the count and the capacity.
        auto found = Conflicts::detect(c());
        QVERIFY(found);
        const PlanConflict &p = found->front();
        QCOMPARE(p.kind, PlanConflict::OverCapacity);
        QCOMPARE(p.teacherId, 0);
        const QString partner = scalar(c(),
            QStringLiteral("SELECT p.name FROM training_session s JOIN partner p ON p.id = s.partner_id WHERE s.id = %1")
                .arg(over))
                                    .toString();
        QVERIFY2(p.description.contains(partner), qPrintable(p.description));
        QVERIFY2(p.description.contains(QStringLiteral("%1 teachers placed, capacity %2").arg(overCount).arg(overCount - 1)),
            qPrintable(p.description));

        // A cancelled placement does not count: cancelling one brings the session back to its capacity.
        const int cancelled = scalar(
            c(), QStringLiteral("SELECT min(id) FROM placement WHERE session_id = %1 AND status <> 'cancelled'").arg(over))
                                  .toInt();
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = ?"), { cancelled }));
        QCOMPARE(overCapacitySessions(), std::set<int>());
        // Both over again: the placement back, the full session one place smaller; in session order.
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'proposed' WHERE id = ?"), { cancelled }));
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE training_session SET capacity = ? WHERE id = ?"), { fullCount - 1, full }));
        QCOMPARE(overCapacitySessions(), std::set<int>({ over, full }));
        found = Conflicts::detect(c());
        QVERIFY(found);
        QCOMPARE(found->at(0).sessionId, std::min(over, full));
        QCOMPARE(found->at(1).sessionId, std::max(over, full));
    }
};

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
