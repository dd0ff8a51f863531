// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule page (per partner, per teacher, calendar per centre, month) and the
// File › Export… dialog, offscreen, on a small demo database with a plan.
// Set KOPRU_SCREENSHOT_DIR to also save the page and the print preview as PNG.
#include "models/document/documentpainter.h"
#include "models/domain/turkishtext.h"
#include "models/export/exporttablemodel.h"
#include "models/export/monthcalendarmodel.h"
#include "tests/common/testutil.h"
#include "views/exporter/exportdialog.h"
#include "views/schedule/monthdaydelegate.h"
#include "views/schedule/monthview.h"
#include "views/schedule/schedulepage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QSet>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace kopru;
using namespace kopru::exporting;

class TestSchedule : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<Database> m_db;
    QUndoStack m_undo;

    int count(const QString &sql) { return test::scalar(m_db->connection(), sql).toInt(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("schedule.kopru"));
        QString out, err;
        QCOMPARE(
            test::runCli({ QStringLiteral("demo"), m_dbPath, QStringLiteral("--teachers"), QStringLiteral("400"),
                             QStringLiteral("--partners"), QStringLiteral("80"), QStringLiteral("--seed"), QStringLiteral("7") },
                &out, &err),
            0);
        if (test::runCli({ QStringLiteral("plan"), m_dbPath }, &out, &err) != 0) {
            // Without the planner: place teachers greedily, first come first served.
            auto db = Database::open(m_dbPath);
            QVERIFY(db);
            QVERIFY(Sql::exec(db.value()->connection(),
                QStringLiteral("INSERT INTO placement(teacher_id, session_id) SELECT t.id, (SELECT s.id FROM training_session s "
                               "WHERE s.field_id = t.field_id ORDER BY s.id LIMIT 1) FROM teacher t "
                               "WHERE EXISTS (SELECT 1 FROM training_session s WHERE s.field_id = t.field_id) LIMIT 150"))
                        .ok());
        }
        auto db = Database::open(m_dbPath);
        QVERIFY2(db, qPrintable(db.message()));
        m_db = std::move(db.value());
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM placement")) > 0);
    }

    void viewsMatchTheDatabase()
    {
        SchedulePage page(&m_undo, nullptr);
        for (int v = 0; v < SchedulePage::ViewCount; ++v) {
            new QAbstractItemModelTester(
                page.model(SchedulePage::View(v)), QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
            new QAbstractItemModelTester(
                page.tableView(SchedulePage::View(v))->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
        }
        page.setDatabase(m_db.get());
        const int placements = count(QStringLiteral("SELECT count(*) FROM placement WHERE status <> 'cancelled'"));
        const int sessions
            = count(QStringLiteral("SELECT count(DISTINCT session_id) FROM placement WHERE status <> 'cancelled'"));
        QCOMPARE(page.model(SchedulePage::ByTeacher)->rowCount(), placements);
        QCOMPARE(page.model(SchedulePage::ByPartner)->rowCount(), sessions);
        // The calendar: every centre with sessions gets the same run of weeks, Monday to Monday.
        const ExportTableModel *calendar = page.model(SchedulePage::ByCentre);
        QVERIFY(calendar->rowCount() > 0);
        const QDate firstWeek = calendar->index(0, 1).data(ExportTableModel::RawValueRole).toDate();
        QCOMPARE(firstWeek.dayOfWeek(), 1);
        const QDate firstStart
            = QDate::fromString(test::scalar(m_db->connection(),
                                    QStringLiteral("SELECT min(ts.start_date) FROM placement p JOIN training_session ts ON ts.id "
                                                   "= p.session_id WHERE p.status <> 'cancelled'"))
                                    .toString(),
                Qt::ISODate);
        QVERIFY(firstWeek <= firstStart && firstWeek.daysTo(firstStart) < 7);
        int teacherWeeks = 0;
        for (int r = 0; r < calendar->rowCount(); ++r)
            teacherWeeks += calendar->index(r, 4).data(ExportTableModel::RawValueRole).toInt();
        QVERIFY(teacherWeeks >= placements); // each placement spans at least one week

        // One centre only.
        const int centre = count(QStringLiteral("SELECT t.centre_id FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                                                "WHERE t.centre_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
        page.setCentre(centre);
        const int inCentre = test::scalar(m_db->connection(),
            QStringLiteral("SELECT count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id WHERE p.status <> 'cancelled' "
                           "AND t.centre_id = %1")
                .arg(centre))
                                 .toInt();
        QCOMPARE(page.model(SchedulePage::ByTeacher)->rowCount(), inCentre);

        // Search with Turkish folding on the teacher view.
        const QString teacher = page.model(SchedulePage::ByTeacher)->index(0, 0).data().toString();
        page.findChild<QLineEdit *>()->setText(teacher);
        QVERIFY(page.tableView(SchedulePage::ByTeacher)->model()->rowCount() >= 1);
        QVERIFY(page.tableView(SchedulePage::ByTeacher)->model()->rowCount() < inCentre || inCentre == 1);
        page.findChild<QLineEdit *>()->clear();
        QCOMPARE(page.tableView(SchedulePage::ByTeacher)->model()->rowCount(), inCentre);
        page.setDatabase(nullptr);
        QCOMPARE(page.model(SchedulePage::ByTeacher)->rowCount(), 0);
    }

    // The Month tab: opens at a month with sessions, the buttons move it, a click
    // on a session selects it and names its teachers, the centre filter
    // applies, and Print gives the month on one landscape page.
    void monthTab()
    {
        SchedulePage page(&m_undo, nullptr);
        new QAbstractItemModelTester(page.monthView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
        page.resize(1280, 700);
        page.setDatabase(m_db.get());
        page.showMonth();
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        MonthView *month = page.monthView();
        QVERIFY(month->isVisible());
        MonthCalendarModel *model = month->model();
        const QDate first = QDate::fromString(
            test::scalar(m_db->connection(),
                QStringLiteral("SELECT min(ts.start_date) FROM placement p JOIN training_session ts ON ts.id = p.session_id "
                               "WHERE p.status <> 'cancelled'"))
                .toString(),
            Qt::ISODate);
        QVERIFY(first.isValid());
        // The demo's sessions may lie before or after today: the tab opens at a month with some.
        bool any = false;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int col = 0; col < 7; ++col)
                any = any || !model->sessionsOn(model->dateAt(model->index(r, col))).empty();
        QVERIFY(any);
        QCOMPARE(month->titleLabel()->text(), model->monthTitle());

        // Navigation.
        const QDate shown = model->month();
        QTest::mouseClick(month->nextButton(), Qt::LeftButton);
        QCOMPARE(model->month(), shown.addMonths(1));
        QCOMPARE(month->titleLabel()->text(), model->monthTitle());
        QTest::mouseClick(month->previousButton(), Qt::LeftButton);
        QTest::mouseClick(month->previousButton(), Qt::LeftButton);
        QCOMPARE(model->month(), shown.addMonths(-1));
        QTest::mouseClick(month->todayButton(), Qt::LeftButton);
        QCOMPARE(model->month(), QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1));
        model->setMonth(first);

        // A click on the first session's line of its first day selects it.
        QTableView *grid = month->grid();
        const QModelIndex day = model->indexOf(first);
        QVERIFY(day.isValid());
        const auto sessions = model->sessionsOn(first);
        QVERIFY(!sessions.empty());
        const QRect cell = grid->visualRect(day);
        QVERIFY2(MonthDayDelegate::shownLines(cell, grid->fontMetrics(), 1) == 1, "a day shows at least one session");
        auto *delegate = qobject_cast<MonthDayDelegate *>(grid->itemDelegate());
        QVERIFY(delegate);
        QPoint at;
        for (int y = cell.top(); y <= cell.bottom() && at.isNull(); ++y)
            if (delegate->sessionAt(cell, grid->fontMetrics(), day, QPoint(cell.center().x(), y)) != 0)
                at = QPoint(cell.center().x(), y);
        QVERIFY(!at.isNull());
        const int clicked = delegate->sessionAt(cell, grid->fontMetrics(), day, at);
        QCOMPARE(clicked, sessions.front()->sessionId);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(month->selectedSession(), clicked);
        QStringList teachers;
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT t.first_name || ' ' || t.last_name FROM placement p JOIN teacher t ON t.id = "
                                      "p.teacher_id WHERE p.session_id = %1 AND p.status <> 'cancelled'")
                           .arg(clicked)));
        while (q.next())
            teachers << q.value(0).toString();
        QVERIFY(!teachers.isEmpty());
        QLabel *summary = nullptr;
        for (QLabel *label : page.findChildren<QLabel *>())
            if (label->text().contains(sessions.front()->partnerName))
                summary = label;
        QVERIFY2(summary, "the session's details are shown");
        const auto named = std::count_if(
            teachers.cbegin(), teachers.cend(), [&](const QString &name) { return summary->text().contains(name); });
        QVERIFY(named >= std::min<qsizetype>(teachers.size(), 8)); // up to eight names, then "+N more"

        // A crowded day shows what fits, then "+N more".
        QCOMPARE(MonthDayDelegate::shownLines(QRect(0, 0, 100, 1000), grid->fontMetrics(), 5), 5);
        const int fewLines
            = MonthDayDelegate::shownLines(QRect(0, 0, 100, grid->fontMetrics().height() * 4), grid->fontMetrics(), 5);
        QVERIFY(fewLines >= 1 && fewLines < 4);

        // A field keeps its colour from run to run (not a per-process seeded hash).
        QCOMPARE(MonthDayDelegate::fieldColour(QStringLiteral("MTL")).hsvHue(), 232);
        QCOMPARE(MonthDayDelegate::fieldColour(QStringLiteral("TES")).hsvHue(), 339);

        // A narrow day shows the field's code and the partner's name, shortened.
        const QFontMetrics fm = grid->fontMetrics();
        const QString partner = QStringLiteral("Anadolu Makine Sanayi ve Ticaret A.Ş.");
        const QString field = QStringLiteral("Makine Teknolojisi");
        const QString whole = partner + QStringLiteral(" — ") + field;
        QCOMPARE(MonthDayDelegate::fittedLabel(partner, QStringLiteral("MAK"), field, fm, fm.horizontalAdvance(whole)), whole);
        const int narrow = fm.horizontalAdvance(QStringLiteral("MAK · Anadolu Makine"));
        const QString shortened = MonthDayDelegate::fittedLabel(partner, QStringLiteral("MAK"), field, fm, narrow);
        QVERIFY2(
            shortened.startsWith(QStringLiteral("MAK · Anadolu")) && shortened.endsWith(QChar(0x2026)), qPrintable(shortened));
        QVERIFY(fm.horizontalAdvance(shortened) <= narrow);

        // The centre filter applies to the month.
        const int centre = count(QStringLiteral("SELECT t.centre_id FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                                                "WHERE t.centre_id IS NOT NULL GROUP BY 1 ORDER BY count(*) LIMIT 1"));
        page.setCentre(centre);
        ExportScope scope;
        scope.centreId = centre;
        const auto rows = loadPlan(m_db->connection(), scope);
        QVERIFY(rows);
        QSet<int> expected;
        for (const ScheduleSession &s : groupBySession(rows.value()))
            expected.insert(s.sessionId);
        QSet<int> shownIds;
        for (int m = -24; m <= 24; ++m) {
            model->setMonth(first.addMonths(m));
            for (int r = 0; r < model->rowCount(); ++r)
                for (int col = 0; col < 7; ++col)
                    for (const MonthCalendarModel::Entry *e : model->sessionsOn(model->dateAt(model->index(r, col))))
                        shownIds.insert(e->sessionId);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(shownIds, expected);
        page.setCentre(0);

        // Print: the month, landscape.
        model->setMonth(first);
        const document::Document doc = page.currentReport();
        QCOMPARE(doc.orientation, QPageLayout::Landscape);
        QVERIFY2(doc.title.contains(model->monthTitle()), qPrintable(doc.title));
        QCOMPARE(doc.sections.size(), std::size_t(1));
        QCOMPARE(doc.sections.front().blocks.back().table.rows.size(), std::size_t(model->rowCount()));
        QVERIFY(!page.printTable()); // no table to copy or export on this tab
    }

    void printedDocumentHasEveryRow()
    {
        SchedulePage page(&m_undo, nullptr);
        page.setDatabase(m_db.get());
        for (int v = 0; v < SchedulePage::ViewCount; ++v) {
            page.setCurrentView(SchedulePage::View(v));
            const document::Document doc = page.currentReport();
            std::size_t rows = 0;
            for (const document::Section &s : doc.sections)
                for (const document::Block &b : s.blocks)
                    rows += b.table.rows.size();
            QCOMPARE(int(rows), page.model(SchedulePage::View(v))->rowCount());
            QPdfWriter writer(m_dir.filePath(QStringLiteral("view%1.pdf").arg(v)));
            auto pages = document::DocumentPainter(doc).paint(&writer);
            QVERIFY2(pages.ok(), qPrintable(pages.message()));
            QVERIFY(pages.value() >= int(doc.sections.size()));
        }
    }

    void printPreviewOpensAndRenders()
    {
        SchedulePage page(&m_undo, nullptr);
        page.resize(1200, 700);
        page.setDatabase(m_db.get());
        page.setCurrentView(SchedulePage::ByPartner);
        const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.grab().save(QDir(shots).filePath(QStringLiteral("schedule-partner-en.png")));
            page.setCurrentView(SchedulePage::ByCentre);
            page.grab().save(QDir(shots).filePath(QStringLiteral("schedule-calendar-en.png")));
            page.setCurrentView(SchedulePage::ByTeacher);
            page.grab().save(QDir(shots).filePath(QStringLiteral("schedule-teacher-en.png")));
            page.setCurrentView(SchedulePage::ByPartner);
        }
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            if (!preview) {
                const auto dialogs = QApplication::topLevelWidgets();
                for (QWidget *w : dialogs)
                    if (auto *d = qobject_cast<QPrintPreviewDialog *>(w))
                        preview = d;
            }
            if (!preview)
                return;
            seen = true;
            QTest::qWait(300);
            if (!shots.isEmpty())
                preview->grab().save(QDir(shots).filePath(QStringLiteral("print-preview-en.png")));
            preview->reject();
        });
        page.print();
        QVERIFY(seen);
    }

    void exportDialogWritesTheFile()
    {
        ExportDialog dialog(m_db.get(), nullptr);
        ExportRequest r;
        r.kind = Kind::Schedule;
        r.format = Format::Ics;
        r.outPath = m_dir.filePath(QStringLiteral("dialog.ics"));
        dialog.setRequest(r);
        if (const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(QDir(shots).filePath(QStringLiteral("export-dialog-en.png")));
        }
        const ExportRequest back = dialog.request();
        QCOMPARE(int(back.kind), int(Kind::Schedule));
        QCOMPARE(int(back.format), int(Format::Ics));
        QCOMPARE(back.outPath, r.outPath);
        QVERIFY(dialog.runExport());
        QFile f(r.outPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("BEGIN:VCALENDAR\r\n"));

        // Needs offers no calendar format.
        r.kind = Kind::Needs;
        dialog.setRequest(r);
        auto *format = dialog.findChildren<QComboBox *>().at(1);
        for (int i = 0; i < format->count(); ++i)
            QVERIFY(format->itemData(i).toString() != QLatin1String("ics"));
    }

    // Issue #18: the centre lists of the schedule page and of the export dialog
    // follow the Turkish alphabet (İ after I, before T), not SQLite's byte order.
    void centreListsAreInTurkishOrder()
    {
        const int first = count(QStringLiteral("SELECT min(id) FROM centre"));
        const int second = count(QStringLiteral("SELECT min(id) FROM centre WHERE id > %1").arg(first));
        const int third = count(QStringLiteral("SELECT min(id) FROM centre WHERE id > %1").arg(second));
        QVERIFY(first > 0 && second > 0 && third > 0);
        QVERIFY(Sql::exec(m_db->connection(), QStringLiteral("UPDATE centre SET name = 'Tophane SMM' WHERE id = %1").arg(first)));
        QVERIFY(Sql::exec(m_db->connection(), QStringLiteral("UPDATE centre SET name = 'İHKİB SMM' WHERE id = %1").arg(second)));
        QVERIFY(Sql::exec(m_db->connection(), QStringLiteral("UPDATE centre SET name = 'Isparta SMM' WHERE id = %1").arg(third)));
        const auto checkOrder = [](const QComboBox *combo) {
            QStringList names;
            for (int i = 1; i < combo->count(); ++i) // after "All centres"
                names << combo->itemText(i);
            const qsizetype i = names.indexOf(QStringLiteral("Isparta SMM"));
            const qsizetype j = names.indexOf(QStringLiteral("İHKİB SMM"));
            const qsizetype t = names.indexOf(QStringLiteral("Tophane SMM"));
            QVERIFY2(i >= 0 && i < j && j < t, qPrintable(names.join(QStringLiteral(", "))));
            for (qsizetype k = 1; k < names.size(); ++k)
                QVERIFY2(TurkishText::compare(names[k - 1], names[k]) <= 0,
                    qPrintable(names[k - 1] + QStringLiteral(" > ") + names[k]));
        };
        SchedulePage page(&m_undo, nullptr);
        page.setDatabase(m_db.get());
        auto *centres = page.findChild<QComboBox *>();
        QVERIFY(centres && centres->count() > 3);
        checkOrder(centres);
        if (QTest::currentTestFailed())
            return;
        ExportDialog dialog(m_db.get(), nullptr);
        const QComboBox *exportCentres = nullptr;
        for (const QComboBox *combo : dialog.findChildren<QComboBox *>())
            if (combo->findText(QStringLiteral("İHKİB SMM")) >= 0)
                exportCentres = combo;
        QVERIFY(exportCentres);
        checkOrder(exportCentres);
    }
};

QTEST_MAIN(TestSchedule)
#include "tst_schedule.moc"
