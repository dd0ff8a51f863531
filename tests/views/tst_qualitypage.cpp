// SPDX-License-Identifier: GPL-3.0-or-later
// The Quality page (issue #15) in the main window, offscreen, on a small demo
// database with its completed first programme: it computes nothing until it
// is first shown, then shows the whole programme and the groups of the
// grouping chosen, the need change per competency of the selected row, the
// completion chart, and File ▸ Export Table writes the table of the tab
// shown with numbers as numbers.
#include "models/demo/demogenerator.h"
#include "models/io/tablereader.h"
#include "models/io/xlsxreader.h"
#include "models/itemmodels/variantnumber.h"
#include "models/quality/competencychangemodel.h"
#include "models/quality/qualitytablemodel.h"
#include "tests/common/testutil.h"
#include "views/charts/chartpanel.h"
#include "views/mainwindow/mainwindow.h"
#include "views/pages/tablesnapshot.h"
#include "views/quality/boardreportdialog.h"
#include "views/quality/qualitypage.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <cmath>

using namespace kopru;
using quality::QualityTableModel;

class TestQualityPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;

    static QualityPage *qualityPage(MainWindow &w)
    {
        for (Page *page : w.pages())
            if (auto *q = qobject_cast<QualityPage *>(page))
                return q;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_qualitypage"));
        QSettings().clear();
        m_dbPath = m_dir.filePath(QStringLiteral("demo.kopru"));
        auto db = test::newDatabase(m_dbPath);
        QVERIFY(db);
        DemoGenerator::Options options;
        options.teachers = 1200;
        options.partners = 250;
        options.minPlaces = 500;
        auto made = DemoGenerator::generate(db->connection(), options);
        QVERIFY2(made, qPrintable(made.message()));
        QVERIFY(made->placements > 20);
    }

    void loadsWhenFirstShown()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("overview")));
        QualityPage *page = qualityPage(w);
        QVERIFY(page);
        QCOMPARE(page->pageTitle(), QStringLiteral("Quality"));
        QVERIFY(!page->isLoaded());
        QCOMPARE(page->indicatorModel()->rowCount(), 0);
        QVERIFY(w.showPage(QStringLiteral("quality")));
        QVERIFY(page->isLoaded());
        QVERIFY2(page->lastError().isEmpty(), qPrintable(page->lastError()));
        // Per centre at first: the whole programme, then the centres; the
        // programme's competencies shown in the second tab.
        QCOMPARE(page->indicatorModel()->grouping(), quality::Grouping::Centre);
        QVERIFY(page->indicatorModel()->rowCount() > 2);
        QCOMPARE(page->indicatorModel()->data(page->indicatorModel()->index(0, 0), QualityTableModel::KeyRole).toString(),
            QStringLiteral("total"));
        QVERIFY(page->indicatorModel()->data(page->indicatorModel()->index(0, QualityTableModel::Completed)).toInt() > 0);
        QVERIFY(page->competencyModel()->rowCount() > 5);
        // The definitions are on the page, with their EQAVET indicators.
        const QString definitions = page->findChild<QTextBrowser *>(QStringLiteral("qualityDefinitions"))->toPlainText();
        for (const quality::IndicatorInfo &i : quality::indicatorInfo())
            QVERIFY2(definitions.contains(i.definition), qPrintable(i.id));
        QVERIFY(definitions.contains(QStringLiteral("EQAVET indicator 4a")));
    }

    void groupsAndTheirCompetencies()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("quality")));
        QualityPage *page = qualityPage(w);
        auto *grouping = page->findChild<QComboBox *>(QStringLiteral("qualityGrouping"));
        QVERIFY(grouping);
        grouping->setCurrentIndex(grouping->findData(int(quality::Grouping::Centre)));
        QualityTableModel *model = page->indicatorModel();
        QVERIFY(model->rowCount() >= 3); // the programme and at least two centres
        QCOMPARE(model->grouping(), quality::Grouping::Centre);
        // Selecting a centre shows its competencies.
        QTableView *table = page->indicatorTable();
        int withChanges = -1;
        for (int row = 1; row < model->rowCount() && withChanges < 0; ++row)
            if (!model->figures(row).competencyChanges.empty())
                withChanges = row;
        QVERIFY(withChanges > 0);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
        QVERIFY(proxy);
        table->selectRow(proxy->mapFromSource(model->index(withChanges, 0)).row());
        QCOMPARE(page->competencyModel()->rowCount(), int(model->figures(withChanges).competencyChanges.size()));
        QCOMPARE(page->competencyModel()->groupName(), model->figures(withChanges).displayName());
        // Search through the Turkish proxy: the programme row is gone, one centre is left.
        const QString name = model->figures(withChanges).displayName();
        page->searchEdit()->setText(name);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), name);
        page->searchEdit()->clear();

        // The chart: one bar per row, the completion rates.
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("qualityTabs"));
        tabs->setCurrentWidget(page->chartPanel());
        QChart *chart = page->chartPanel()->chart();
        QVERIFY(chart);
        const auto series = chart->series();
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QHorizontalBarSeries *>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        const QBarSet *set = bars->barSets().first();
        QCOMPARE(set->count(), model->rowCount());
        // The first row on top: the bars are in reverse order.
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(set->at(model->rowCount() - 1 - row),
                model->data(model->index(row, QualityTableModel::Completion), Qt::EditRole).toDouble());
        QCOMPARE(page->printTable(), page->chartPanel()->tableView());
        tabs->setCurrentIndex(1);
        QCOMPARE(page->printTable()->model()->rowCount(), page->competencyModel()->rowCount());
    }

    void exportTableWritesNumbers()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("quality")));
        QualityPage *page = qualityPage(w);
        auto *grouping = page->findChild<QComboBox *>(QStringLiteral("qualityGrouping"));
        grouping->setCurrentIndex(grouping->findData(int(quality::Grouping::Field)));
        const int rows = page->indicatorModel()->rowCount();
        QVERIFY(rows > 2);
        const QString path = m_dir.filePath(QStringLiteral("quality.csv"));
        const Status saved = w.exportTableTo(path);
        QVERIFY2(saved.ok(), qPrintable(saved.message()));
        auto read = TableReader::read(path, {});
        QVERIFY2(read.ok(), qPrintable(read.message()));
        const SourceTable &t = read.value().table;
        QCOMPARE(int(t.rows.size()), rows);
        QCOMPARE(t.header.at(QualityTableModel::Completion), QStringLiteral("Completion %"));
        // Every rate is written as the number shown (one decimal), whole
        // percentages ("100,0") too, not as text.
        QualityTableModel *model = page->indicatorModel();
        int whole = 0;
        for (int row = 0; row < rows; ++row) {
            const QVariant rate = model->data(model->index(row, QualityTableModel::Completion), Qt::EditRole);
            if (!rate.isValid())
                continue;
            bool ok = false;
            const QString written = t.rows[std::size_t(row)].cell(QualityTableModel::Completion);
            // Köprü's CSV writes numbers with a decimal comma ("89,80"), as Turkish Excel reads them.
            QVERIFY2(QLocale(QLocale::Turkish).toDouble(written, &ok) == rate.toDouble() && ok, qPrintable(written));
            whole += rate.toDouble() == std::round(rate.toDouble()) ? 1 : 0;
        }
        QVERIFY(whole > 0); // small fields complete everything: "100,0"
        const auto snapshot = TableSnapshot::of(page->indicatorTable(), false);
        for (std::size_t row = 0; row < snapshot.values.size(); ++row)
            if (model->data(model->index(int(row), QualityTableModel::Completion), Qt::EditRole).isValid())
                QVERIFY(isNumber(snapshot.values[row].at(QualityTableModel::Completion)));
    }

    // Board report…: a dialog on the page; its period defaults to the latest
    // half year with completed placements (the demo completes the sessions
    // before July 2027), a bad period disables saving and writes nothing, and
    // the PDF and the XLSX are written in the language chosen.
    void boardReportDialog()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(w.showPage(QStringLiteral("quality")));
        QualityPage *page = qualityPage(w);
        QVERIFY(page && page->boardReportButton());
        QVERIFY(page->boardReportButton()->isEnabled());
        bool opened = false;
        QTimer::singleShot(0, this, [&] {
            auto *shown = page->findChild<BoardReportDialog *>();
            opened = shown && shown->isVisible();
            if (shown)
                shown->reject();
        });
        page->boardReportButton()->click(); // exec() returns when the timer closed it
        QVERIFY(opened);

        BoardReportDialog dialog(w.database(), page);
        auto chosen = dialog.period();
        QVERIFY2(chosen, qPrintable(chosen.message()));
        QCOMPARE(chosen->code(), QStringLiteral("2027H1"));
        QCOMPARE(dialog.language(), QStringLiteral("tr"));
        QVERIFY(!dialog.xlsx());
        auto *periodBox = dialog.findChild<QComboBox *>(QStringLiteral("boardReportPeriod"));
        auto *save = dialog.findChild<QPushButton *>(QStringLiteral("boardReportSave"));
        auto *preview = dialog.findChild<QPushButton *>(QStringLiteral("boardReportPreview"));
        QVERIFY(periodBox && save && preview);
        QVERIFY(save->isEnabled() && preview->isEnabled());
        QVERIFY(periodBox->count() >= 3); // the half years of the sessions and their years

        periodBox->setEditText(QStringLiteral("2027H3"));
        QVERIFY(!save->isEnabled());
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("boardReportProblem"));
        QVERIFY(problem && problem->text().contains(QStringLiteral("2027H3")));
        const QString refused = m_dir.filePath(QStringLiteral("refused.pdf"));
        QVERIFY(!dialog.writeTo(refused));
        QVERIFY(!QFile::exists(refused));

        periodBox->setEditText(QStringLiteral("2027H1"));
        QVERIFY(save->isEnabled());
        // The UI language (English here) is unchanged after a report in Turkish, the default.
        const QLocale before;
        const QString pdf = m_dir.filePath(QStringLiteral("board.pdf"));
        Status written = dialog.writeTo(pdf);
        QVERIFY2(written, qPrintable(written.message()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QCOMPARE(QLocale().name(), before.name());
        QCOMPARE(QCoreApplication::translate("kopru::report", "Summary"), QStringLiteral("Summary"));
        QCoreApplication::processEvents(); // the language changes the report made are over
        auto *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        QCOMPARE(close->text(), QStringLiteral("Close"));
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QProcess text;
            text.start(
                QStringLiteral("pdftotext"), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-") });
            QVERIFY(text.waitForFinished(60000));
            const QString written = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY2(written.contains(QStringLiteral("Kalite Danışma Kurulu raporu")), qPrintable(written.left(500)));
            QVERIFY(written.contains(QStringLiteral("Ocak–Haziran 2027")));
        }
        auto *format = dialog.findChild<QComboBox *>(QStringLiteral("boardReportFormat"));
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("boardReportLanguage"));
        format->setCurrentIndex(format->findData(QStringLiteral("xlsx")));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QVERIFY(dialog.xlsx() && !preview->isEnabled());
        const QString xlsx = m_dir.filePath(QStringLiteral("board.xlsx"));
        written = dialog.writeTo(xlsx);
        QVERIFY2(written, qPrintable(written.message()));
        QCOMPARE(QLocale().name(), before.name());
        auto table = XlsxReader::read(xlsx);
        QVERIFY2(table, qPrintable(table.message()));
        QVERIFY(table->header.join(QLatin1Char(' ')).contains(QStringLiteral("Quality Advisory Board report 2027H1")));
    }
};

QTEST_MAIN(TestQualityPage)
#include "tst_qualitypage.moc"
