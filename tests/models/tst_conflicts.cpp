// SPDX-License-Identifier: GPL-3.0-or-later
// Conflicts::detect on a planned demo: the over-capacity conflicts are
// exactly the sessions holding more placements that are not cancelled than
// places, each named with its count and capacity; cancelled placements never
// count; a plan that keeps the rules has no conflict at all.
#include "models/db/sql.h"
#include "models/demo/demogenerator.h"
#include "models/planning/conflictmodel.h"
#include "models/planning/conflicts.h"
#include "models/planning/planner.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <random>
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

    // After an edit of a few placements, the conflicts the scope holds read
    // again and the rest kept (ConflictModel::reloadWithin) are exactly what
    // the whole check finds, in its order: moves into full sessions and out
    // of them, into another field's session, outside a teacher's dates.
    void anEditsScopeGivesWhatTheWholeCheckGives()
    {
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload(c()));
        const auto texts = [](const std::vector<PlanConflict> &list) {
            QStringList out;
            for (const PlanConflict &p : list)
                out << QStringLiteral("%1|%2|%3|%4|%5")
                           .arg(p.kind)
                           .arg(p.sessionId)
                           .arg(p.teacherId)
                           .arg(p.placementId)
                           .arg(p.description);
            return out;
        };
        std::vector<int> placements, sessions;
        QVERIFY(Sql::forEachRow(c(), QStringLiteral("SELECT id FROM placement WHERE status <> 'cancelled' ORDER BY id"),
            [&](const QSqlQuery &q) { placements.push_back(q.value(0).toInt()); }));
        QVERIFY(Sql::forEachRow(c(), QStringLiteral("SELECT id FROM training_session ORDER BY id"),
            [&](const QSqlQuery &q) { sessions.push_back(q.value(0).toInt()); }));
        QVERIFY(placements.size() > 20 && sessions.size() > 5);
        std::mt19937 rng(7);
        int withConflicts = 0;
        for (int edit = 0; edit < 60; ++edit) {
            const int id = placements[rng() % placements.size()];
            const QVariant teacher = scalar(c(), QStringLiteral("SELECT teacher_id FROM placement WHERE id = %1").arg(id));
            ConflictScope scope;
            scope.placements = { id };
            scope.teachers = { teacher.toInt() };
            scope.sessions = { scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt() };
            switch (edit % 3) {
            case 0: { // to any session, of any field, full or not
                const int to = sessions[rng() % sessions.size()];
                QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET session_id = ? WHERE id = ?"), { to, id }));
                scope.sessions << to;
                break;
            }
            case 1: // the teacher no longer available then (an edit of the teacher, the placement's scope)
                QVERIFY(Sql::exec(c(),
                    QStringLiteral("UPDATE teacher SET available_from = NULL, available_to = (SELECT date(start_date, '-1 day') "
                                   "FROM training_session s "
                                   "JOIN placement x ON x.session_id = s.id WHERE x.id = ?) WHERE id = ?"),
                    { id, teacher }));
                break;
            default: // cancelled, then its session is one fewer
                QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = ?"), { id }));
                QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'proposed' WHERE id = ?"), { id }));
                break;
            }
            QVERIFY(model.reloadWithin(c(), scope));
            auto whole = Conflicts::detect(c());
            QVERIFY2(whole, qPrintable(whole.message()));
            QCOMPARE(texts(model.conflicts()), texts(whole.value()));
            withConflicts += whole->empty() ? 0 : 1;
        }
        QVERIFY(withConflicts > 30);
        QVERIFY(texts(model.conflicts()).join(QLatin1Char('\n')).contains(QStringLiteral("capacity")));
    }
};

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
