// SPDX-License-Identifier: GPL-3.0-or-later
// The optimiser's instance: each teacher's needs as read from the ratings,
// with one survey round and with several (the latest round counts), with
// dense competency ids (read packed, one column a rating) and with sparse ones
// (read in four columns), nationally and for one field.
#include "models/db/sql.h"
#include "models/domain/nationalid.h"
#include "models/planning/planinstance.h"
#include "tests/common/testutil.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kopru;

namespace {

using Needs = std::vector<std::int8_t>;

// Two teachers of field 1 and one of field 2; field 1 has three competencies
// with the given ids (ordered by id, as the instance indexes them), field 2 one.
void fill(QSqlDatabase db, const std::array<int, 3> &ids)
{
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Okul', 6)")));
    for (int c : ids)
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (?, 1, ?, 'Yeterlik')"),
            { c, QStringLiteral("C%1").arg(c) }));
    QVERIFY(
        Sql::exec(db, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (99, 2, 'D', 'Yeterlik')")));
    for (int t = 1; t <= 3; ++t)
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, province_id) "
                           "VALUES (?, ?, 'Ad', 'Soyad', ?, 1, 6)"),
            { t, NationalId::withCheckDigits(QString::number(100000000 + t)), t == 3 ? 2 : 1 }));
    const auto rate = [&db](int teacher, int competency, const QVariant &need) {
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (?, ?, ?)"),
            { teacher, competency, need }));
    };
    rate(1, ids[0], 3);
    rate(1, ids[1], 1);
    rate(1, ids[2], QVariant());
    rate(2, ids[0], 5);
    rate(2, ids[1], 2);
    rate(3, 99, 4);
}

// A teacher's needs as the optimiser uses them: a need of 1 covers nothing,
// like no rating (the packed read leaves a 1 out, the general one keeps it).
Needs needsOf(const PlanInstance &in, int teacherId)
{
    for (const PlanTeacher &t : in.teachers)
        if (t.id == teacherId) {
            Needs needs = t.needs;
            for (std::int8_t &n : needs)
                n = n == 1 ? 0 : n;
            return needs;
        }
    return { -1 };
}

} // namespace

class TestPlanInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

private slots:
    void needsFromRatings_data()
    {
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("c");
        QTest::newRow("dense ids") << 11 << 12 << 13;
        QTest::newRow("sparse ids") << 7 << 40 << 1999999999;
    }

    void needsFromRatings()
    {
        QFETCH(int, a);
        QFETCH(int, b);
        QFETCH(int, c);
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("i%1.kopru").arg(++m_n)));
        QVERIFY(db);
        const QSqlDatabase conn = db->connection();
        fill(conn, { a, b, c });
        if (QTest::currentTestFailed())
            return;

        // One round: a need of 1 and "not applicable" count 0.
        for (int field : { 0, 1 }) {
            PlanScope scope;
            scope.fieldId = field;
            auto in = PlanInstance::load(conn, scope);
            QVERIFY2(in, qPrintable(in.message()));
            QCOMPARE(needsOf(in.value(), 1), (Needs { 3, 0, 0 }));
            QCOMPARE(needsOf(in.value(), 2), (Needs { 5, 2, 0 }));
            QCOMPARE(needsOf(in.value(), 3), field == 0 ? (Needs { 4 }) : (Needs { -1 }));
        }

        // A second round: its "not applicable" and its lower need replace the first round's.
        QVERIFY(Sql::exec(conn,
            QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (1, ?, 2, NULL)"), { a }));
        QVERIFY(Sql::exec(
            conn, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (2, ?, 2, 4)"), { a }));
        QVERIFY(Sql::exec(
            conn, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (2, ?, 2, 1)"), { b }));
        for (int field : { 0, 1 }) {
            PlanScope scope;
            scope.fieldId = field;
            auto in = PlanInstance::load(conn, scope);
            QVERIFY2(in, qPrintable(in.message()));
            QCOMPARE(needsOf(in.value(), 1), (Needs { 0, 0, 0 }));
            QCOMPARE(needsOf(in.value(), 2), (Needs { 4, 0, 0 }));
            QCOMPARE(needsOf(in.value(), 3), field == 0 ? (Needs { 4 }) : (Needs { -1 }));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanInstance)
#include "tst_planinstance.moc"
