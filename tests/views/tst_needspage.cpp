// SPDX-License-Identifier: GPL-3.0-or-later
// The needs-analysis page: its models under QAbstractItemModelTester, charts
// that follow the models when the field or the filter changes, the survey
// round selector and its comparison of rounds 1 and 2, chart export.
#include "models/domain/nationalid.h"
#include "models/quality/competencychangemodel.h"
#include "models/stats/competencystatsmodel.h"
#include "models/stats/groupstatsmodel.h"
#include "tests/common/testutil.h"
#include "views/charts/chartpanel.h"
#include "views/needs/needspage.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QHorizontalPercentBarSeries>
#include <QImage>
#include <QLabel>
#include <QScatterSeries>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QValueAxis>
#include <QXYSeries>
#include <cmath>

using namespace kopru;

namespace {

// Two fields of different sizes: ELK with 3 competencies and 6 teachers in
// Ankara; BIL with 5 competencies, 5 teachers in Ankara and 2 in İzmir.
void fillFixture(QSqlDatabase db)
{
    const int elk = test::scalar(db, QStringLiteral("SELECT id FROM field WHERE code = 'ELK'")).toInt();
    const int bil = test::scalar(db, QStringLiteral("SELECT id FROM field WHERE code = 'BIL'")).toInt();
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Şirketi', 6)")));
    int competency = 0, teacher = 0;
    struct Spec
    {
        int field;
        int comps;
        int ankara;
        int izmir;
    };
    for (const Spec &s : { Spec { elk, 3, 6, 0 }, Spec { bil, 5, 5, 2 } }) {
        const int firstComp = competency + 1;
        for (int c = 0; c < s.comps; ++c) {
            ++competency;
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr, title_en) VALUES (?, ?, ?, ?, ?)"),
                { competency, s.field, QStringLiteral("K%1").arg(competency, 2, 10, QLatin1Char('0')),
                    QStringLiteral("Yeterlik ğüşiöç %1").arg(competency), QStringLiteral("Competency %1").arg(competency) }));
        }
        for (int t = 0; t < s.ankara + s.izmir; ++t) {
            ++teacher;
            const int province = t < s.ankara ? 6 : 35;
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                               "VALUES (?, ?, 'Ali', 'Şen', ?, ?)"),
                { teacher, NationalId::withCheckDigits(QStringLiteral("3000000%1").arg(teacher, 2, 10, QLatin1Char('0'))),
                    s.field, province }));
            for (int c = firstComp; c <= competency; ++c)
                QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (?, ?, ?)"),
                    { teacher, c, 1 + (teacher + 2 * c) % 5 }));
        }
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (?, 1, ?, '2027-06-14', '2027-06-25', 3)"),
            { s.field, s.field }));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"),
            { s.field, firstComp }));
    }
}

template <typename T> T *onlySeries(QChart *chart)
{
    const auto series = chart->series();
    return series.isEmpty() ? nullptr : qobject_cast<T *>(series.first());
}

int categoryCount(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical))
        if (auto *cat = qobject_cast<QBarCategoryAxis *>(axis))
            return int(cat->count());
    return -1;
}

// Everything a chart shows: title, bar sets (label and values), points, axes.
QStringList chartContents(QChart *chart)
{
    QStringList out { chart->title() };
    for (QAbstractSeries *series : chart->series()) {
        out << QStringLiteral("series %1 %2").arg(int(series->type())).arg(series->name());
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                QStringList values;
                for (int i = 0; i < set->count(); ++i)
                    values << QString::number(set->at(i));
                out << set->label() + QLatin1Char(':') + values.join(QLatin1Char(','));
            }
        }
        if (auto *xy = qobject_cast<QXYSeries *>(series)) {
            QStringList points;
            for (const QPointF &p : xy->points())
                points << QStringLiteral("%1/%2").arg(p.x()).arg(p.y());
            out << points.join(QLatin1Char(' '));
        }
    }
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *cat = qobject_cast<QBarCategoryAxis *>(axis))
            out << QStringLiteral("categories ") + cat->categories().join(QLatin1Char('|'));
        if (auto *value = qobject_cast<QValueAxis *>(axis))
            out << QStringLiteral("range %1–%2 %3").arg(value->min()).arg(value->max()).arg(value->titleText());
    }
    return out;
}

QStringList modelContents(const QAbstractItemModel *model)
{
    QStringList out;
    for (int c = 0; c < model->columnCount(); ++c)
        out << model->headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            out << model->index(r, c).data().toString();
    return out;
}

// What the page shows: the summary, every table and every chart (each brought up to date).
QStringList pageContents(NeedsPage &page)
{
    QStringList out { page.findChild<QLabel *>(QStringLiteral("needsSummary"))->text() };
    page.groupModel(); // the comparison is computed when asked for
    for (int i = 0; i < page.panelCount(); ++i) {
        out << modelContents(page.panel(i)->tableView()->model());
        out << chartContents(page.panel(i)->chart());
    }
    return out;
}

// A copy of the database at `path` (VACUUM INTO: consistent while open).
std::unique_ptr<Database> copyOf(Database *db, const QString &path)
{
    if (!Sql::exec(db->connection(), QStringLiteral("VACUUM INTO ?"), { path }))
        return nullptr;
    auto copy = Database::open(path);
    return copy ? std::move(copy.value()) : nullptr;
}

QTabWidget *tabsOf(NeedsPage &page)
{
    return page.findChild<QTabWidget *>(QStringLiteral("needsTabs"));
}

} // namespace

class TestNeedsPage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QUndoStack m_undo;

private slots:
    void initTestCase()
    {
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("page.kopru")));
        QVERIFY(m_db);
        fillFixture(m_db->connection());
    }

    void switchingFieldsUpdatesCharts_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("competencies");
        QTest::addColumn<int>("shownProvinces");
        QTest::addColumn<int>("provinces");
        QTest::newRow("ELK") << QStringLiteral("ELK") << 3 << 1 << 1;
        QTest::newRow("BIL") << QStringLiteral("BIL") << 5 << 1 << 2; // İzmir: 2 respondents, suppressed
        QTest::newRow("field without data") << QStringLiteral("YEN") << 0 << 0 << 0;
        QTest::newRow("back to ELK") << QStringLiteral("elk") << 3 << 1 << 1;
    }
    void switchingFieldsUpdatesCharts()
    {
        QFETCH(QString, code);
        QFETCH(int, competencies);
        QFETCH(int, shownProvinces);
        QFETCH(int, provinces);
        NeedsPage page(&m_undo, nullptr);
        QAbstractItemModelTester t1(page.competencyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.groupModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<std::shared_ptr<QAbstractItemModelTester>> proxies;
        for (int i = 0; i < page.panelCount(); ++i)
            proxies << std::make_shared<QAbstractItemModelTester>(
                page.panel(i)->tableView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setFieldCode(QStringLiteral("BIL")); // before the database: remembered
        page.setDatabase(m_db.get());
        QCOMPARE(page.currentFieldCode(), QStringLiteral("BIL"));
        page.setFieldCode(code);
        QCOMPARE(page.currentFieldCode(), code.toUpper());
        QVERIFY2(page.lastError().isEmpty(), qPrintable(page.lastError()));
        QCOMPARE(page.competencyModel()->rowCount(), competencies);

        auto *mean = onlySeries<QHorizontalBarSeries>(page.panel(0)->chart());
        QVERIFY(mean);
        QCOMPARE(mean->barSets().size(), competencies > 0 ? 1 : 0); // the mapper makes no set from no rows
        QCOMPARE(mean->barSets().isEmpty() ? 0 : int(mean->barSets().first()->count()), competencies);
        QCOMPARE(categoryCount(page.panel(0)->chart()), competencies);
        if (competencies > 0) {
            // Bars are fed bottom-up, so the top bar (the last value) is the first row: the highest mean need.
            QCOMPARE(mean->barSets().first()->at(competencies - 1),
                page.competencyModel()->index(0, stats::CompetencyStatsModel::MeanNeed).data().toDouble());
        }

        auto *likert = onlySeries<QHorizontalPercentBarSeries>(page.panel(1)->chart());
        QVERIFY(likert);
        QCOMPARE(likert->barSets().size(), competencies > 0 ? 5 : 0);
        if (competencies > 0) {
            QCOMPARE(likert->barSets().at(4)->label(), page.competencyModel()->scale().label(5));
            QCOMPARE(int(likert->barSets().at(2)->count()), competencies);
        }

        const auto scatter = page.panel(2)->chart()->series();
        QCOMPARE(scatter.size(), 2);
        QCOMPARE(qobject_cast<QScatterSeries *>(scatter.at(0))->count(), competencies);
        QCOMPARE(qobject_cast<QScatterSeries *>(scatter.at(1))->count(), page.panel(2)->tableView()->model()->rowCount());

        auto *groups = onlySeries<QHorizontalBarSeries>(page.panel(3)->chart());
        QVERIFY(groups);
        QCOMPARE(page.groupModel()->rowCount(), provinces);
        const int bars = groups->barSets().isEmpty() ? 0 : int(groups->barSets().first()->count());
        QCOMPARE(bars, shownProvinces);
    }

    void filterSuppressesSmallGroups()
    {
        NeedsPage page(&m_undo, nullptr);
        page.setDatabase(m_db.get());
        page.setFieldCode(QStringLiteral("BIL"));
        auto *scope = page.findChild<QComboBox *>(QStringLiteral("needsScope"));
        auto *summary = page.findChild<QLabel *>(QStringLiteral("needsSummary"));
        QVERIFY(scope && summary);
        int izmir = -1, ankara = -1;
        for (int i = 0; i < scope->count(); ++i) {
            if (scope->itemText(i).contains(QStringLiteral("İzmir")))
                izmir = i;
            if (scope->itemText(i).contains(QStringLiteral("Ankara")))
                ankara = i;
        }
        QVERIFY(izmir > 0 && ankara > 0);
        scope->setCurrentIndex(izmir);
        QVERIFY2(summary->text().contains(QStringLiteral("suppressed")), qPrintable(summary->text()));
        for (int row = 0; row < page.competencyModel()->rowCount(); ++row)
            QVERIFY(!page.competencyModel()->index(row, stats::CompetencyStatsModel::MeanNeed).data().isValid());
        scope->setCurrentIndex(ankara);
        QVERIFY(!summary->text().contains(QStringLiteral("suppressed")));
        QCOMPARE(page.competencyModel()->stats().respondents, 5);
        QVERIFY(page.competencyModel()->index(0, stats::CompetencyStatsModel::MeanNeed).data().isValid());
    }

    // Laziness and the cache never show stale data: after A → B → A the page
    // shows exactly what a new page opened on A shows, charts included.
    void switchingBackShowsTheFirstFieldAgain()
    {
        NeedsPage fresh(&m_undo, nullptr);
        fresh.setDatabase(m_db.get());
        fresh.setFieldCode(QStringLiteral("ELK"));
        const QStringList elk = pageContents(fresh);
        fresh.setFieldCode(QStringLiteral("BIL"));
        const QStringList bil = pageContents(fresh);
        QVERIFY(elk != bil);

        NeedsPage page(&m_undo, nullptr);
        page.resize(1200, 800);
        page.setDatabase(m_db.get());
        for (int tab = 0; tab < 4; ++tab) { // whichever tab is shown while switching
            tabsOf(page)->setCurrentIndex(tab);
            page.setFieldCode(QStringLiteral("ELK"));
            page.setFieldCode(QStringLiteral("BIL"));
            page.setFieldCode(QStringLiteral("ELK"));
            QCOMPARE(pageContents(page), elk);
            page.setFieldCode(QStringLiteral("BIL"));
            QCOMPARE(pageContents(page), bil);
        }
    }

    // Only the tab shown is kept current; a hidden chart is built when its tab
    // is shown, from the field shown then.
    void hiddenChartIsBuiltWhenShown()
    {
        NeedsPage fresh(&m_undo, nullptr);
        fresh.setDatabase(m_db.get());
        fresh.setFieldCode(QStringLiteral("BIL"));
        QList<QStringList> expected;
        for (int i = 0; i < fresh.panelCount(); ++i)
            expected << chartContents(fresh.panel(i)->chart());

        for (const bool shownWindow : { false, true }) {
            NeedsPage page(&m_undo, nullptr);
            page.resize(1200, 800);
            page.setDatabase(m_db.get());
            page.setFieldCode(QStringLiteral("ELK"));
            if (shownWindow) {
                page.show();
                QVERIFY(QTest::qWaitForWindowExposed(&page));
            }
            page.setFieldCode(QStringLiteral("BIL"));
            QVERIFY(page.panel(0)->isChartCurrent()); // the tab shown
            // Nothing is built for hidden tabs: their charts wait, the comparison is not computed.
            QVERIFY(!page.panel(1)->isChartCurrent());
            QVERIFY(!page.panel(2)->isChartCurrent());
            QCOMPARE(page.panel(3)->tableView()->model()->rowCount(), 0);
            for (int i = 1; i < 4; ++i) { // the tabs of one round (the fifth compares rounds)
                tabsOf(page)->setCurrentIndex(i);
                QCoreApplication::processEvents();
                QVERIFY(page.panel(i)->isChartCurrent());
                QCOMPARE(chartContents(page.panel(i)->chart()), expected[i]);
            }
            // The comparison follows the "Compare" choice while its tab is shown.
            auto *compare = page.findChild<QComboBox *>(QStringLiteral("needsCompare"));
            compare->setCurrentIndex(1);
            QVERIFY(page.panel(3)->isChartCurrent());
            QCOMPARE(page.groupModel()->breakdown().kind, stats::Breakdown::Kind::Centre);
            QCOMPARE(page.panel(3)->chart()->title(), QStringLiteral("Mean need per centre"));
            compare->setCurrentIndex(0);
            QCOMPARE(chartContents(page.panel(3)->chart()), expected[3]);
            page.hide();
        }
    }

    // An edit of the ratings is shown: after refresh() (what the main window
    // calls when data change), and on switching back to the field even
    // without it — also when another connection made the edit.
    void ratingEditsInvalidateTheCache()
    {
        auto db = copyOf(m_db.get(), m_dir.filePath(QStringLiteral("edited.kopru")));
        QVERIFY(db);
        NeedsPage page(&m_undo, nullptr);
        page.setDatabase(db.get());
        page.setFieldCode(QStringLiteral("ELK"));
        const QStringList before = pageContents(page);
        const auto meanOfTop
            = [&page] { return page.competencyModel()->index(0, stats::CompetencyStatsModel::MeanNeed).data().toDouble(); };
        QVERIFY(meanOfTop() < 5.0);

        // 1. Through the page's own connection, then refresh().
        QVERIFY(Sql::exec(db->connection(),
            QStringLiteral("UPDATE need_rating SET need = 5 WHERE competency_id = "
                           "(SELECT min(id) FROM competency WHERE field_id = (SELECT id FROM field WHERE code = 'ELK'))")));
        page.refresh();
        QCOMPARE(meanOfTop(), 5.0);
        const QStringList afterFirstEdit = pageContents(page);
        QVERIFY(afterFirstEdit != before);
        {
            NeedsPage fresh(&m_undo, nullptr);
            fresh.setDatabase(db.get());
            fresh.setFieldCode(QStringLiteral("ELK"));
            QCOMPARE(pageContents(fresh), afterFirstEdit);
        }

        // 2. Same connection, no refresh(): switching away and back reads again.
        QVERIFY(Sql::exec(db->connection(),
            QStringLiteral("UPDATE need_rating SET need = 1 WHERE competency_id = "
                           "(SELECT min(id) FROM competency WHERE field_id = (SELECT id FROM field WHERE code = 'ELK'))")));
        page.setFieldCode(QStringLiteral("BIL"));
        page.setFieldCode(QStringLiteral("ELK"));
        QVERIFY(meanOfTop() < 5.0);
        QVERIFY(pageContents(page) != afterFirstEdit);

        // 3. Another connection (e.g. kopru-cli import while the window is open).
        const QStringList beforeOther = pageContents(page);
        {
            auto other = Database::open(db->path());
            QVERIFY2(other, qPrintable(other.message()));
            QVERIFY(Sql::exec(other.value()->connection(),
                QStringLiteral("UPDATE need_rating SET need = 5 WHERE teacher_id IN "
                               "(SELECT id FROM teacher WHERE field_id = (SELECT id FROM field WHERE code = 'ELK'))")));
        }
        page.setFieldCode(QStringLiteral("BIL"));
        page.setFieldCode(QStringLiteral("ELK"));
        QCOMPARE(meanOfTop(), 5.0);
        QVERIFY(pageContents(page) != beforeOther);
        NeedsPage fresh(&m_undo, nullptr);
        fresh.setDatabase(db.get());
        fresh.setFieldCode(QStringLiteral("ELK"));
        QCOMPARE(pageContents(page), pageContents(fresh));
    }

    // A field with answers of round 2 gets the Round selector: round 2 (the
    // latest) by default, round 1, or both compared in a tab of their own.
    void roundSelectorComparesRounds()
    {
        auto db = copyOf(m_db.get(), m_dir.filePath(QStringLiteral("rounds.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        // Round 2 of ELK (teachers 1-6, competencies 1-3): teachers 1-5 answer K01 and K02.
        for (int teacher = 1; teacher <= 5; ++teacher)
            for (int competency = 1; competency <= 2; ++competency)
                QVERIFY(Sql::exec(c,
                    QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (?, ?, 2, ?)"),
                    { teacher, competency, 1 + (3 * teacher + competency) % 5 }));
        QSettings().remove(QStringLiteral("needs/round")); // no choice remembered yet
        NeedsPage page(&m_undo, nullptr);
        QAbstractItemModelTester tester(page.roundChangeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setDatabase(db.get());
        page.setFieldCode(QStringLiteral("ELK"));
        auto *round = page.findChild<QComboBox *>(QStringLiteral("needsRound"));
        auto *summary = page.findChild<QLabel *>(QStringLiteral("needsSummary"));
        QVERIFY(round && summary);
        QVERIFY(round->isVisibleTo(&page));
        QCOMPARE(page.shownRound(), 2);
        QCOMPARE(round->currentData().toInt(), 2);
        QCOMPARE(page.competencyModel()->stats().round, 2);
        QCOMPARE(page.competencyModel()->stats().respondents, 5);

        // Round 1: the selector switches the model.
        round->setCurrentIndex(round->findData(1));
        QCOMPARE(page.shownRound(), 1);
        QCOMPARE(page.competencyModel()->stats().round, 1);
        QCOMPARE(page.competencyModel()->stats().respondents, 6);
        QVERIFY2(summary->text().contains(QStringLiteral("survey round 1")), qPrintable(summary->text()));

        // Compare: only the comparison tab, per competency with answers in round 2.
        round->setCurrentIndex(round->findData(NeedsPage::kCompareRounds));
        QCOMPARE(page.shownRound(), NeedsPage::kCompareRounds);
        QTabWidget *tabs = tabsOf(page);
        QCOMPARE(tabs->currentWidget(), page.panel(4));
        for (int i = 0; i < 4; ++i)
            QVERIFY(!tabs->isTabVisible(i));
        QVERIFY(tabs->isTabVisible(4));
        quality::CompetencyChangeModel *changes = page.roundChangeModel();
        using M = quality::CompetencyChangeModel;
        QCOMPARE(changes->rowCount(), 2);
        QCOMPARE(changes->headerData(M::Before, Qt::Horizontal).toString(), QStringLiteral("Before"));
        QCOMPARE(changes->headerData(M::CiLow, Qt::Horizontal).toString(), QStringLiteral("95 % CI low"));
        for (int row = 0; row < 2; ++row) {
            const int competency = row + 1;
            QCOMPARE(
                changes->index(row, M::Code).data().toString(), QStringLiteral("K%1").arg(competency, 2, 10, QLatin1Char('0')));
            // Paired on the five teachers of both rounds: the mean of their differences, from the raw rows.
            const QString pairs = QStringLiteral("FROM need_rating a JOIN need_rating b ON b.teacher_id = a.teacher_id "
                                                 "AND b.competency_id = a.competency_id AND b.round = 2 "
                                                 "WHERE a.round = 1 AND a.competency_id = %1")
                                      .arg(competency);
            QCOMPARE(changes->index(row, M::Answers).data(Qt::EditRole).toInt(),
                test::scalar(c, QStringLiteral("SELECT count(*) ") + pairs).toInt());
            QCOMPARE(changes->index(row, M::Change).data(Qt::EditRole).toDouble(),
                std::round(test::scalar(c, QStringLiteral("SELECT avg(b.need - a.need) ") + pairs).toDouble() * 100.0) / 100.0);
            QCOMPARE(changes->index(row, M::Before).data(Qt::EditRole).toDouble(),
                std::round(test::scalar(c, QStringLiteral("SELECT avg(a.need) ") + pairs).toDouble() * 100.0) / 100.0);
            QVERIFY(changes->index(row, M::CiLow).data(Qt::EditRole).toDouble()
                <= changes->index(row, M::CiHigh).data(Qt::EditRole).toDouble());
        }
        // The chart: before and after bars per competency.
        auto *bars = onlySeries<QHorizontalBarSeries>(page.panel(4)->chart());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 2);
        QCOMPARE(int(bars->barSets().at(0)->count()), 2);
        QCOMPARE(bars->barSets().at(1)->at(1), changes->index(0, M::After).data(Qt::EditRole).toDouble()); // first row on top
        QVERIFY2(summary->text().contains(QStringLiteral("both rounds: 5")), qPrintable(summary->text()));

        // A field without round 2: no selector, its only round; the choice stays for ELK.
        page.setFieldCode(QStringLiteral("BIL"));
        QVERIFY(!round->isVisibleTo(&page));
        QCOMPARE(page.shownRound(), 1);
        QVERIFY(!tabs->isTabVisible(4));
        QVERIFY(tabs->isTabVisible(0));
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(changes->rowCount(), 0);
        QVERIFY(!page.setRoundChoice(NeedsPage::kCompareRounds));
        page.setFieldCode(QStringLiteral("ELK"));
        QCOMPARE(page.shownRound(), NeedsPage::kCompareRounds);
        QCOMPARE(changes->rowCount(), 2);
        QVERIFY(page.setRoundChoice(2));
        QCOMPARE(page.shownRound(), 2);
        QCOMPARE(tabs->currentIndex(), 0);

        // The choice is remembered for the next page.
        QVERIFY(page.setRoundChoice(NeedsPage::kCompareRounds));
        NeedsPage next(&m_undo, nullptr);
        next.setDatabase(db.get());
        next.setFieldCode(QStringLiteral("ELK"));
        QCOMPARE(next.shownRound(), NeedsPage::kCompareRounds);
        QVERIFY(next.setRoundChoice(2));
        QSettings().remove(QStringLiteral("needs/round"));
    }

    void exportsPngAndPdf()
    {
        NeedsPage page(&m_undo, nullptr);
        page.setDatabase(m_db.get());
        page.setFieldCode(QStringLiteral("BIL"));
        for (int i = 0; i < page.panelCount(); ++i) {
            // KOPRU_TEST_KEEP=DIR keeps the exported files for looking at them.
            const QDir keep(qEnvironmentVariable("KOPRU_TEST_KEEP", m_dir.path()));
            const QString png = keep.filePath(QStringLiteral("chart%1.png").arg(i));
            const QString pdf = keep.filePath(QStringLiteral("chart%1.pdf").arg(i));
            QVERIFY2(page.panel(i)->exportTo(png), qPrintable(png));
            QVERIFY(page.panel(i)->exportTo(pdf));
            QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), page.panel(i)->exportSize() * 2);
            // Something was drawn: not a blank white image.
            int dark = 0;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    dark += qGray(image.pixel(x, y)) < 128;
            QVERIFY2(dark > 50, qPrintable(png));
            QFile f(pdf);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(5) == "%PDF-");
        }
        QVERIFY(!page.panel(0)->exportTo(m_dir.filePath(QStringLiteral("no/such/dir/x.png"))));
    }
};

QTEST_MAIN(TestNeedsPage)
#include "tst_needspage.moc"
