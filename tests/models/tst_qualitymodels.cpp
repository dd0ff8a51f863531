// SPDX-License-Identifier: GPL-3.0-or-later
// The item models of the Quality page (issue #15): QualityTableModel and
// CompetencyChangeModel on a demo database with its completed first
// programme. The figures themselves are checked against the raw rows in
// tst_quality; here: every cell shows what the indicators say, counts made
// in the test with SQL agree, numbers sort and export as numbers, rates show
// one decimal in the UI language's format, and each column's header names its
// indicator's definition and EQAVET indicator.
#include "models/demo/demogenerator.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/quality/competencychangemodel.h"
#include "models/quality/qualitytablemodel.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <cmath>

using namespace kopru;
using quality::CompetencyChangeModel;
using quality::Grouping;
using quality::QualityTableModel;

class TestQualityModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
    {
        return m.data(m.index(row, column), role).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("demo.kopru")));
        QVERIFY(m_db);
        DemoGenerator::Options options;
        options.teachers = 1200;
        options.partners = 250;
        options.minPlaces = 500;
        auto made = DemoGenerator::generate(m_db->connection(), options);
        QVERIFY2(made, qPrintable(made.message()));
        QVERIFY(made->placements > 20);
    }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void tableFollowsTheIndicatorsPerGroup_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::newRow("total") << int(Grouping::Total);
        QTest::newRow("centre") << int(Grouping::Centre);
        QTest::newRow("field") << int(Grouping::Field);
        QTest::newRow("province") << int(Grouping::Province);
    }

    void tableFollowsTheIndicatorsPerGroup()
    {
        QFETCH(int, grouping);
        QualityTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.reload(m_db->connection(), Grouping(grouping)));
        auto computed = quality::computeQualityIndicators(m_db->connection(), Grouping(grouping));
        QVERIFY(computed);
        QCOMPARE(model.rowCount(), 1 + int(computed->groups.size()));
        QCOMPARE(model.columnCount(), int(QualityTableModel::ColumnCount));
        if (grouping != int(Grouping::Total))
            QVERIFY(computed->groups.size() > 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const quality::GroupFigures &g = row == 0 ? computed->total : computed->groups[std::size_t(row - 1)];
            QCOMPARE(model.data(model.index(row, 0), QualityTableModel::KeyRole).toString(), g.key);
            auto number = [&](int column) { return model.data(model.index(row, column), Qt::EditRole); };
            QCOMPARE(number(QualityTableModel::Surveyed).toInt(), g.surveyed);
            QCOMPARE(number(QualityTableModel::Placed).toInt(), g.placed);
            QCOMPARE(number(QualityTableModel::Completed).toInt(), g.completed);
            QCOMPARE(number(QualityTableModel::Cancelled).toInt(), g.cancelled);
            QCOMPARE(number(QualityTableModel::PartnersActive).toInt(), g.partnersActive);
            int reasons = 0;
            for (int c = QualityTableModel::Illness; c <= QualityTableModel::NotRecorded; ++c)
                reasons += number(c).toInt();
            QCOMPARE(reasons, g.cancelled);
            QCOMPARE(number(QualityTableModel::Withdrew).toInt(), g.dropoutReasons.at(QStringLiteral("withdrew")));
            const std::pair<int, double> rates[] = { { QualityTableModel::Participation, g.participationRate() },
                { QualityTableModel::Completion, g.completionRate() }, { QualityTableModel::Hours, g.hoursRate() },
                { QualityTableModel::RepeatRate, g.repeatRate() }, { QualityTableModel::Coverage, g.coverageRate() } };
            for (const auto &[column, rate] : rates) {
                if (std::isnan(rate)) {
                    QVERIFY(!number(column).isValid());
                    QCOMPARE(cell(model, row, column), QStringLiteral("–"));
                } else {
                    QVERIFY(std::abs(number(column).toDouble() - rate * 100.0) <= 0.05 + 1e-9);
                    // One decimal, always.
                    QCOMPARE(cell(model, row, column), QString::number(number(column).toDouble(), 'f', 1));
                }
            }
            if (!std::isnan(g.training.mean()))
                QVERIFY(std::abs(number(QualityTableModel::TrainingMean).toDouble() - g.training.mean()) <= 0.005 + 1e-9);
            if (!std::isnan(g.needChange.change))
                QCOMPARE(number(QualityTableModel::NeedChange).toDouble(), std::round(g.needChange.change * 100.0) / 100.0);
        }
    }

    // Counts made here with SQL agree with the table (per centre).
    void centreCountsAgreeWithTheRows()
    {
        QualityTableModel model;
        QVERIFY(model.reload(m_db->connection(), Grouping::Centre));
        const QSqlDatabase c = m_db->connection();
        int rowsSeen = 0;
        for (int row = 1; row < model.rowCount(); ++row) {
            const QString key = model.data(model.index(row, 0), QualityTableModel::KeyRole).toString();
            const QString where = key == QLatin1String("none") ? QStringLiteral("t.centre_id IS NULL")
                                                               : QStringLiteral("t.centre_id = %1").arg(key.toInt());
            const int completed = test::scalar(c,
                QStringLiteral("SELECT count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                               "WHERE p.status = 'completed' AND ")
                    + where)
                                      .toInt();
            const int cancelled = test::scalar(c,
                QStringLiteral("SELECT count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                               "WHERE p.status = 'cancelled' AND ")
                    + where)
                                      .toInt();
            QCOMPARE(model.data(model.index(row, QualityTableModel::Completed), Qt::EditRole).toInt(), completed);
            QCOMPARE(model.data(model.index(row, QualityTableModel::Cancelled), Qt::EditRole).toInt(), cancelled);
            if (completed + cancelled > 0) {
                ++rowsSeen;
                QCOMPARE(model.data(model.index(row, QualityTableModel::Completion), Qt::EditRole).toDouble(),
                    std::round(1000.0 * completed / (completed + cancelled)) / 10.0);
            }
        }
        QVERIFY(rowsSeen > 1);
        const int all = test::scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'")).toInt();
        QCOMPARE(model.data(model.index(0, QualityTableModel::Completed), Qt::EditRole).toInt(), all);
    }

    void turkishNumbersAndHeaders()
    {
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        QualityTableModel model;
        QVERIFY(model.reload(m_db->connection(), Grouping::Total));
        const double completion = model.data(model.index(0, QualityTableModel::Completion), Qt::EditRole).toDouble();
        QVERIFY(completion > 50 && completion < 100);
        const QString shown = cell(model, 0, QualityTableModel::Completion);
        QCOMPARE(shown, QString::number(completion, 'f', 1).replace(QLatin1Char('.'), QLatin1Char(',')));
        const QString change = cell(model, 0, QualityTableModel::NeedChange);
        QVERIFY2(change.startsWith(QLatin1Char('-')) && change.contains(QLatin1Char(',')), qPrintable(change));
        QVERIFY(cell(model, 0, QualityTableModel::NeedChangeCi).startsWith(QLatin1Char('[')));
        // Each indicator column names its definition; the EQAVET indicator where one corresponds.
        for (int column = 1; column < model.columnCount(); ++column) {
            const QString tip = model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(tip.size() > 30, qPrintable(QString::number(column)));
            QVERIFY(!QualityTableModel::indicatorOf(column).isEmpty());
        }
        QVERIFY(model.headerData(QualityTableModel::Completion, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("EQAVET")));
        QVERIFY(model.headerData(QualityTableModel::Completion, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("4a")));
        QVERIFY(!model.headerData(QualityTableModel::PartnersActive, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("EQAVET")));
    }

    // Sorting through the one proxy is numeric; the whole programme stays first when sorted by name.
    void sortsNumericallyThroughTheTurkishProxy()
    {
        QualityTableModel model;
        QVERIFY(model.reload(m_db->connection(), Grouping::Province));
        TurkishFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(QualityTableModel::Surveyed, Qt::DescendingOrder);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, QualityTableModel::Surveyed).data(Qt::EditRole).toInt()
                >= proxy.index(row, QualityTableModel::Surveyed).data(Qt::EditRole).toInt());
        proxy.sort(QualityTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(QualityTableModel::KeyRole).toString(), QStringLiteral("total"));
        proxy.setSearchText(QStringLiteral("izmir"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("İzmir"));
    }

    void competencyChangesOfAGroup()
    {
        auto computed = quality::computeQualityIndicators(m_db->connection(), Grouping::Total);
        QVERIFY(computed);
        const quality::GroupFigures &total = computed->total;
        QVERIFY(!total.competencyChanges.empty());
        CompetencyChangeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroup(total);
        QCOMPARE(model.rowCount(), int(total.competencyChanges.size()));
        int fell = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const quality::CompetencyChange &c = total.competencyChanges[std::size_t(row)];
            QCOMPARE(cell(model, row, CompetencyChangeModel::Code), c.code);
            auto number = [&](int column) { return model.data(model.index(row, column), Qt::EditRole); };
            if (!std::isnan(c.change.change)) {
                QCOMPARE(number(CompetencyChangeModel::Change).toDouble(), std::round(c.change.change * 100.0) / 100.0);
                QVERIFY(std::abs(number(CompetencyChangeModel::After).toDouble()
                            - number(CompetencyChangeModel::Before).toDouble() - number(CompetencyChangeModel::Change).toDouble())
                    <= 0.011);
                fell += c.change.change < 0 ? 1 : 0;
            }
            if (!std::isnan(c.change.ciLow))
                QVERIFY(number(CompetencyChangeModel::CiLow).toDouble() <= number(CompetencyChangeModel::CiHigh).toDouble());
            QCOMPARE(number(CompetencyChangeModel::Answers).toInt(),
                c.change.paired ? c.change.n : c.change.nBefore + c.change.nAfter);
        }
        QVERIFY(fell > model.rowCount() / 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQualityModels)
#include "tst_qualitymodels.moc"
