// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/domain/nationalid.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/overview/overviewmodel.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QSet>

using namespace kopru;
using Grouping = OverviewModel::Grouping;

namespace {

struct Counts
{
    int teachers = 0, surveyed = 0, partners = 0, places = 0, placed = 0;
};

Counts rowCounts(const OverviewModel &m, int row)
{
    auto v = [&](int column) { return m.data(m.index(row, column)).toInt(); };
    return { v(OverviewModel::Teachers), v(OverviewModel::Surveyed), v(OverviewModel::Partners), v(OverviewModel::Places),
        v(OverviewModel::Placed) };
}

} // namespace

class TestOverviewModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_small; // the hand-made data set below
    std::unique_ptr<Database> m_demo; // a small generated one

    int fieldId(const QString &code)
    {
        return test::scalar(m_small->connection(), QStringLiteral("SELECT id FROM field WHERE code = '%1'").arg(code)).toInt();
    }

    // Five teachers, two competencies, four partners, three sessions, four
    // placements; the expected counts in the tests follow from this by hand.
    void fillSmall()
    {
        const QSqlDatabase db = m_small->connection();
        const int ins = fieldId(QStringLiteral("INS")), bil = fieldId(QStringLiteral("BIL")),
                  tes = fieldId(QStringLiteral("TES"));
        auto exec = [&](const QString &sql, std::initializer_list<QVariant> b) {
            Status s = Sql::exec(db, sql, b);
            if (!s)
                qWarning("%s", qPrintable(s.message()));
            return s.ok();
        };
        QVERIFY(exec(QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Test MTAL', 6)"), {}));
        const QString teacher
            = QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id) "
                             "VALUES (?, ?, 'Ad', 'Soyad', ?, 6, ?)");
        const QVariant noCentre(QMetaType::fromType<int>());
        const std::tuple<int, int, QVariant> teachers[]
            = { { 1, ins, 3 }, { 2, ins, 3 }, { 3, ins, noCentre }, { 4, bil, 9 }, { 5, tes, 3 } };
        for (const auto &[id, field, centre] : teachers)
            QVERIFY(exec(teacher, { id, NationalId::withCheckDigits(QStringLiteral("10000000%1").arg(id)), field, centre }));
        QVERIFY(exec(QStringLiteral(
                         "INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, ?, 'C1', 'Kalıp'), (3, ?, 'C3', 'Ağ')"),
            { ins, bil }));
        QVERIFY(exec(
            QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 4), (2, 1, NULL), (4, 3, 2)"),
            {}));
        QVERIFY(exec(
            QStringLiteral(
                "INSERT INTO partner(id, name, province_id) VALUES (1, 'P1', 6), (2, 'P2', 6), (3, 'P3', 34), (4, 'P4', 35)"),
            {}));
        QVERIFY(exec(QStringLiteral("INSERT INTO partner_competency(partner_id, competency_id) VALUES (2, 1)"), {}));
        QVERIFY(
            exec(QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) VALUES "
                                "(1, 1, ?, '2027-06-14', '2027-06-25', 3), (2, 1, ?, '2027-09-06', '2027-09-17', 2), "
                                "(3, 3, ?, '2027-06-14', '2027-06-25', 4)"),
                { ins, ins, bil }));
        QVERIFY(exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status) VALUES "
                                    "(1, 1, 'proposed'), (2, 2, 'cancelled'), (4, 3, 'confirmed'), (3, 1, 'completed')"),
            {}));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_small = test::newDatabase(m_dir.filePath(QStringLiteral("small.kopru")));
        QVERIFY(m_small);
        fillSmall();
        m_demo = test::newDatabase(m_dir.filePath(QStringLiteral("demo.kopru")));
        QVERIFY(m_demo);
        DemoGenerator::Options options;
        options.teachers = 300;
        options.partners = 60;
        options.minPlaces = 100;
        auto summary = DemoGenerator::generate(m_demo->connection(), options);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        // Some placements, one of them cancelled, so that "placed" is not trivially zero.
        QVERIFY(Sql::exec(m_demo->connection(),
            QStringLiteral(
                "INSERT INTO placement(teacher_id, session_id, status) SELECT t.id, (SELECT s.id FROM training_session s "
                "WHERE s.field_id = t.field_id ORDER BY s.id LIMIT 1), CASE WHEN t.id % 7 = 0 THEN 'cancelled' ELSE 'proposed' "
                "END "
                "FROM teacher t WHERE t.id % 3 = 0 AND EXISTS (SELECT 1 FROM training_session s WHERE s.field_id = "
                "t.field_id) AND NOT EXISTS (SELECT 1 FROM placement x WHERE x.teacher_id = t.id)")));
    }

    void passesTheModelTester_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::newRow("by field") << int(Grouping::ByField);
        QTest::newRow("by centre") << int(Grouping::ByCentre);
    }
    void passesTheModelTester()
    {
        QFETCH(int, grouping);
        OverviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload(m_demo->connection(), Grouping(grouping)).ok());
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.reload(m_small->connection(), Grouping(grouping)).ok());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void countsPerField_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("teachers");
        QTest::addColumn<int>("surveyed");
        QTest::addColumn<int>("partners");
        QTest::addColumn<int>("places");
        QTest::addColumn<int>("placed");
        // P2 counts for INS through its competency alone; T2's only rating is "not applicable";
        // T2's placement is cancelled; T3 (no centre) is placed.
        QTest::newRow("INS") << "INS" << 3 << 1 << 2 << 5 << 2;
        QTest::newRow("BIL") << "BIL" << 1 << 1 << 1 << 4 << 1;
        QTest::newRow("TES") << "TES" << 1 << 0 << 0 << 0 << 0;
        QTest::newRow("YEN, empty") << "YEN" << 0 << 0 << 0 << 0 << 0;
    }
    void countsPerField()
    {
        QFETCH(QString, code);
        OverviewModel model;
        QVERIFY(model.reload(m_small->connection(), Grouping::ByField).ok());
        QCOMPARE(model.rowCount(), 25);
        const int row = model.rowOfKey(code);
        QVERIFY(row >= 0);
        const Counts c = rowCounts(model, row);
        QTEST(c.teachers, "teachers");
        QTEST(c.surveyed, "surveyed");
        QTEST(c.partners, "partners");
        QTEST(c.places, "places");
        QTEST(c.placed, "placed");
    }

    void countsPerCentre_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("teachers");
        QTest::addColumn<int>("surveyed");
        QTest::addColumn<int>("partners");
        QTest::addColumn<int>("places");
        QTest::addColumn<int>("placed");
        // Centre 3 (Mimar Sinan) coordinates INS and TES; BIL is shared by centres 2 and 9.
        QTest::newRow("Mimar Sinan") << "3" << 3 << 1 << 2 << 5 << 1;
        QTest::newRow("Gazi, shared field, no teachers") << "2" << 0 << 0 << 1 << 4 << 0;
        QTest::newRow("Denizyıldızları") << "9" << 1 << 1 << 1 << 4 << 1;
        QTest::newRow("no centre") << "0" << 1 << 0 << 0 << 0 << 1;
    }
    void countsPerCentre()
    {
        QFETCH(QString, key);
        OverviewModel model;
        QVERIFY(model.reload(m_small->connection(), Grouping::ByCentre).ok());
        QCOMPARE(model.rowCount(), 16); // 15 centres + teachers without a centre
        const int row = model.rowOfKey(key);
        QVERIFY(row >= 0);
        const Counts c = rowCounts(model, row);
        QTEST(c.teachers, "teachers");
        QTEST(c.surveyed, "surveyed");
        QTEST(c.partners, "partners");
        QTEST(c.places, "places");
        QTEST(c.placed, "placed");
    }

    void totalsCoverTheWholeDatabase_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::newRow("by field") << int(Grouping::ByField);
        QTest::newRow("by centre") << int(Grouping::ByCentre);
    }
    void totalsCoverTheWholeDatabase()
    {
        QFETCH(int, grouping);
        OverviewModel model;
        QVERIFY(model.reload(m_small->connection(), Grouping(grouping)).ok());
        const OverviewModel::Totals t = model.totals();
        QCOMPARE(t.teachers, 5);
        QCOMPARE(t.surveyed, 2);
        QCOMPARE(t.partners, 4); // P4 offers nothing yet still is a partner
        QCOMPARE(t.places, 9); // not 13: BIL's session counts at two centres in the rows
        QCOMPARE(t.placed, 3);
    }

    void fieldNamesFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("name");
        QTest::newRow("tr") << "tr" << QStringLiteral("İnşaat Teknolojisi");
        QTest::newRow("en") << "en" << QStringLiteral("Construction Technology");
    }
    void fieldNamesFollowTheLanguage()
    {
        QFETCH(QString, language);
        OverviewModel model;
        model.setNameLanguage(language);
        QVERIFY(model.reload(m_small->connection(), Grouping::ByField).ok());
        const int row = model.rowOfKey(QStringLiteral("INS"));
        QTEST(model.data(model.index(row, OverviewModel::Name)).toString(), "name");
        QCOMPARE(model.data(model.index(row, OverviewModel::Coordination)).toString(), QStringLiteral("Mimar Sinan MTAL"));
        const int bil = model.rowOfKey(QStringLiteral("BIL"));
        QCOMPARE(model.data(model.index(bil, OverviewModel::Coordination)).toString(),
            QStringLiteral("Gazi MTAL; Denizyıldızları MTAL"));
    }

    void sortsNamesTheTurkishWay()
    {
        OverviewModel model;
        model.setNameLanguage(QStringLiteral("tr"));
        QVERIFY(model.reload(m_small->connection(), Grouping::ByField).ok());
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(OverviewModel::Name);
        QStringList names;
        for (int r = 0; r < proxy.rowCount(); ++r)
            names << proxy.index(r, OverviewModel::Name).data().toString();
        // Ç between C and D, İ between I and K; code-point order would put them after Z.
        const auto pos = [&names](const char *name) { return names.indexOf(QString::fromUtf8(name)); };
        QVERIFY(pos("Bilişim Teknolojileri") < pos("Çocuk Gelişimi ve Eğitimi"));
        QVERIFY(pos("Çocuk Gelişimi ve Eğitimi") < pos("Denizcilik"));
        QVERIFY(pos("Gıda Teknolojisi") < pos("İnşaat Teknolojisi"));
        QVERIFY(pos("İnşaat Teknolojisi") < pos("Kimya Teknolojisi"));
        QCOMPARE(names.last(), QStringLiteral("Yiyecek İçecek Hizmetleri"));
        // Numbers sort as numbers: INS (3 teachers) last when ascending.
        proxy.sort(OverviewModel::Teachers);
        QCOMPARE(proxy.index(proxy.rowCount() - 1, OverviewModel::Teachers).data().toInt(), 3);
        QCOMPARE(proxy.index(0, OverviewModel::Teachers).data().toInt(), 0);
    }

    // The generated data set, counted row by row in C++ rather than with GROUP BY.
    void demoCountsMatchAnIndependentCount()
    {
        const QSqlDatabase db = m_demo->connection();
        QHash<int, QString> codeOfField;
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT id, code FROM field")));
        while (q.next())
            codeOfField.insert(q.value(0).toInt(), q.value(1).toString());
        QHash<QString, Counts> expected;
        QHash<int, int> fieldOfTeacher;
        QVERIFY(q.exec(QStringLiteral("SELECT id, field_id FROM teacher")));
        while (q.next()) {
            fieldOfTeacher.insert(q.value(0).toInt(), q.value(1).toInt());
            ++expected[codeOfField.value(q.value(1).toInt())].teachers;
        }
        QSet<int> surveyed;
        QVERIFY(q.exec(QStringLiteral("SELECT teacher_id, need FROM need_rating")));
        while (q.next())
            if (!q.value(1).isNull())
                surveyed.insert(q.value(0).toInt());
        for (int t : std::as_const(surveyed))
            ++expected[codeOfField.value(fieldOfTeacher.value(t))].surveyed;
        QHash<int, QSet<int>> partnersOfField;
        QHash<int, int> fieldOfSession;
        QVERIFY(q.exec(QStringLiteral("SELECT id, partner_id, field_id, capacity FROM training_session")));
        while (q.next()) {
            fieldOfSession.insert(q.value(0).toInt(), q.value(2).toInt());
            partnersOfField[q.value(2).toInt()].insert(q.value(1).toInt());
            expected[codeOfField.value(q.value(2).toInt())].places += q.value(3).toInt();
        }
        QVERIFY(q.exec(QStringLiteral(
            "SELECT pc.partner_id, c.field_id FROM partner_competency pc, competency c WHERE c.id = pc.competency_id")));
        while (q.next())
            partnersOfField[q.value(1).toInt()].insert(q.value(0).toInt());
        for (auto it = partnersOfField.cbegin(); it != partnersOfField.cend(); ++it)
            expected[codeOfField.value(it.key())].partners = int(it.value().size());
        int placedTotal = 0;
        QVERIFY(q.exec(QStringLiteral("SELECT session_id, status FROM placement")));
        while (q.next())
            if (q.value(1).toString() != QLatin1String("cancelled")) {
                ++expected[codeOfField.value(fieldOfSession.value(q.value(0).toInt()))].placed;
                ++placedTotal;
            }
        QVERIFY(placedTotal > 0);

        OverviewModel model;
        QVERIFY(model.reload(db, Grouping::ByField).ok());
        QCOMPARE(model.rowCount(), codeOfField.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString code = model.data(model.index(row, 0), OverviewModel::KeyRole).toString();
            const Counts c = rowCounts(model, row), e = expected.value(code);
            QCOMPARE(c.teachers, e.teachers);
            QCOMPARE(c.surveyed, e.surveyed);
            QCOMPARE(c.partners, e.partners);
            QCOMPARE(c.places, e.places);
            QCOMPARE(c.placed, e.placed);
        }
        QCOMPARE(model.totals().teachers, fieldOfTeacher.size());
        QCOMPARE(model.totals().surveyed, int(surveyed.size()));
        QCOMPARE(model.totals().placed, placedTotal);
    }

    void cleanupTestCase()
    {
        m_small.reset();
        m_demo.reset();
    }
};

QTEST_GUILESS_MAIN(TestOverviewModel)
#include "tst_overviewmodel.moc"
