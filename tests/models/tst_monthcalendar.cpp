// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule's month calendar (MonthCalendarModel) against the database:
// the days of a month Monday first, the sessions running on each day (across
// month ends and weekends), the centre filter, navigation, Turkish names, and
// the month printed on one landscape page.
#include "models/demo/demogenerator.h"
#include "models/document/pdfwriter.h"
#include "models/export/monthcalendarmodel.h"
#include "models/export/monthreport.h"
#include "models/export/plandata.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace kopru;
using namespace kopru::exporting;
using kopru::test::scalar;

class TestMonthCalendar : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_centreA = 0, m_centreB = 0;
    int m_acrossMonthEnd = 0, m_weekend = 0, m_otherCentre = 0;
    std::vector<PlanRow> m_rows;

    QSqlDatabase c() const { return m_db->connection(); }

    // A session of `teachers` (ids) from `start` to `end`, in the first teacher's field.
    int addSession(const QString &start, const QString &end, const QList<int> &teachers)
    {
        if (teachers.isEmpty())
            return 0;
        const int field = scalar(c(), QStringLiteral("SELECT field_id FROM teacher WHERE id = %1").arg(teachers.first())).toInt();
        const int partner = scalar(c(), QStringLiteral("SELECT min(id) FROM partner")).toInt();
        if (!Sql::exec(c(),
                QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                               "VALUES (?, ?, ?, ?, 20)"),
                { partner, field, start, end }))
            return 0;
        const int session = scalar(c(), QStringLiteral("SELECT max(id) FROM training_session")).toInt();
        for (int teacher : teachers)
            if (!Sql::exec(
                    c(), QStringLiteral("INSERT INTO placement(teacher_id, session_id) VALUES (?, ?)"), { teacher, session }))
                return 0;
        return session;
    }

    // The teachers of `centre`, `n` of them.
    QList<int> teachersOf(int centre, int n, int skip = 0)
    {
        QList<int> ids;
        QSqlQuery q(c());
        q.exec(QStringLiteral("SELECT id FROM teacher WHERE centre_id = %1 ORDER BY id LIMIT %2 OFFSET %3")
                   .arg(centre)
                   .arg(n)
                   .arg(skip));
        while (q.next())
            ids << q.value(0).toInt();
        return ids;
    }

    std::vector<ScheduleSession> sessions(int centre = 0)
    {
        ExportScope scope;
        scope.centreId = centre;
        auto rows = loadPlan(c(), scope);
        if (!rows) {
            qWarning("%s", qPrintable(rows.message()));
            return {};
        }
        m_rows = std::move(rows.value());
        return groupBySession(m_rows);
    }

    static QVariantList ids(std::initializer_list<int> list)
    {
        QVariantList v;
        for (int i : list)
            v << i;
        return v;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("month.kopru")));
        QVERIFY(m_db);
        DemoGenerator::Options o;
        o.teachers = 120;
        o.partners = 6;
        QVERIFY(DemoGenerator::generate(c(), o).ok());
        QVERIFY(Sql::exec(c(), QStringLiteral("DELETE FROM placement")));
        QSqlQuery q(c());
        QVERIFY(q.exec(QStringLiteral("SELECT centre_id FROM teacher WHERE centre_id IS NOT NULL GROUP BY centre_id "
                                      "HAVING count(*) >= 3 ORDER BY centre_id LIMIT 2")));
        QVERIFY(q.next());
        m_centreA = q.value(0).toInt();
        QVERIFY(q.next());
        m_centreB = q.value(0).toInt();
        // February 2026 starts on a Sunday and ends on a Saturday.
        m_acrossMonthEnd = addSession(QStringLiteral("2026-01-30"), QStringLiteral("2026-02-03"), teachersOf(m_centreA, 2));
        m_weekend = addSession(QStringLiteral("2026-02-14"), QStringLiteral("2026-02-15"), teachersOf(m_centreA, 1, 2));
        m_otherCentre = addSession(QStringLiteral("2026-02-10"), QStringLiteral("2026-02-10"), teachersOf(m_centreB, 1));
        QVERIFY(m_acrossMonthEnd && m_weekend && m_otherCentre);
    }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void daysAndSessionsOfAMonth()
    {
        MonthCalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions(sessions());
        model.setMonth(QDate(2026, 2, 17));
        QCOMPARE(model.month(), QDate(2026, 2, 1));
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(model.rowCount(), 5); // the weeks of 26 January to 1 March
        QCOMPARE(model.dateAt(model.index(0, 0)), QDate(2026, 1, 26)); // Monday first
        QCOMPARE(model.index(0, 0).data(MonthCalendarModel::InMonthRole).toBool(), false);
        QCOMPARE(model.index(0, 6).data(MonthCalendarModel::DateRole).toDate(), QDate(2026, 2, 1));
        QCOMPARE(model.index(0, 6).data(MonthCalendarModel::InMonthRole).toBool(), true);
        QCOMPARE(model.index(0, 6).data().toInt(), 1);
        QCOMPARE(model.dateAt(model.index(4, 6)), QDate(2026, 3, 1));
        QCOMPARE(model.indexOf(QDate(2026, 2, 14)), model.index(2, 5));
        QVERIFY(!model.indexOf(QDate(2026, 3, 2)).isValid());
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 5); // ISO week of 26 January 2026

        // A session across the month's start: on its days before and after, weekend included.
        const auto on = [&](int y, int m, int d) {
            return model.index(model.indexOf(QDate(y, m, d)).row(), model.indexOf(QDate(y, m, d)).column())
                .data(MonthCalendarModel::SessionIdsRole)
                .toList();
        };
        QCOMPARE(on(2026, 1, 29), QVariantList());
        QCOMPARE(on(2026, 1, 30), ids({ m_acrossMonthEnd }));
        QCOMPARE(on(2026, 1, 31), ids({ m_acrossMonthEnd }));
        QCOMPARE(on(2026, 2, 1), ids({ m_acrossMonthEnd }));
        QCOMPARE(on(2026, 2, 3), ids({ m_acrossMonthEnd }));
        QCOMPARE(on(2026, 2, 4), QVariantList());
        QCOMPARE(on(2026, 2, 10), ids({ m_otherCentre }));
        QCOMPARE(on(2026, 2, 14), ids({ m_weekend }));
        QCOMPARE(on(2026, 2, 15), ids({ m_weekend }));
        QCOMPARE(on(2026, 2, 16), QVariantList());

        // Every day's list agrees with the database.
        for (int r = 0; r < model.rowCount(); ++r)
            for (int col = 0; col < 7; ++col) {
                const QDate day = model.dateAt(model.index(r, col));
                const int expected = scalar(c(),
                    QStringLiteral("SELECT count(DISTINCT s.id) FROM training_session s JOIN placement p ON p.session_id = s.id "
                                   "WHERE p.status <> 'cancelled' AND s.start_date <= '%1' AND s.end_date >= '%1'")
                        .arg(day.toString(Qt::ISODate)))
                                         .toInt();
                QCOMPARE(int(model.sessionsOn(day).size()), expected);
            }

        const MonthCalendarModel::Entry *entry = model.session(m_acrossMonthEnd);
        QVERIFY(entry);
        QCOMPARE(entry->teachers, 2);
        const QString tip = model.index(0, 6).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(MonthCalendarModel::label(*entry)), qPrintable(tip));
        QCOMPARE(model.nextSessionDay(QDate(2026, 2, 4)), QDate(2026, 2, 10));
        QCOMPARE(model.nextSessionDay(QDate(2026, 2, 2)), QDate(2026, 2, 2));
        QVERIFY(!model.nextSessionDay(QDate(2026, 2, 16)).isValid());
        QCOMPARE(model.lastSessionDay(), QDate(2026, 2, 15));
    }

    void centreFilter()
    {
        MonthCalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMonth(QDate(2026, 2, 1));
        model.setSessions(sessions(m_centreB));
        QCOMPARE(model.index(2, 1).data(MonthCalendarModel::SessionIdsRole).toList(), ids({ m_otherCentre }));
        QVERIFY(model.sessionsOn(QDate(2026, 2, 1)).empty());
        QVERIFY(!model.session(m_acrossMonthEnd));
        model.setSessions(sessions(m_centreA));
        QVERIFY(model.index(2, 1).data(MonthCalendarModel::SessionIdsRole).toList().isEmpty());
        QCOMPARE(model.index(0, 6).data(MonthCalendarModel::SessionIdsRole).toList(), ids({ m_acrossMonthEnd }));
    }

    void navigation()
    {
        MonthCalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions(sessions());
        model.setMonth(QDate(2026, 2, 1));
        QSignalSpy changed(&model, &MonthCalendarModel::monthChanged);
        model.showPreviousMonth();
        QCOMPARE(model.month(), QDate(2026, 1, 1));
        QCOMPARE(model.rowCount(), 5); // 29 December to 1 February
        QCOMPARE(model.dateAt(model.index(0, 0)), QDate(2025, 12, 29));
        QCOMPARE(model.index(4, 4).data(MonthCalendarModel::SessionIdsRole).toList(), ids({ m_acrossMonthEnd })); // 30 January
        model.showNextMonth();
        model.showNextMonth();
        QCOMPARE(model.month(), QDate(2026, 3, 1));
        QCOMPARE(model.rowCount(), 6); // 23 February to 5 April
        QCOMPARE(changed.count(), 3);
        model.setMonth(QDate(2021, 2, 20));
        QCOMPARE(model.rowCount(), 4); // February 2021: Monday 1 to Sunday 28
        model.setMonth(QDate(2021, 2, 3)); // same month: nothing changes
        QCOMPARE(changed.count(), 4);
        model.showToday();
        QCOMPARE(model.month(), QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1));
        QVERIFY(model.indexOf(QDate::currentDate()).isValid());
    }

    void turkishNames()
    {
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        MonthCalendarModel model;
        model.setMonth(QDate(2026, 2, 1));
        QCOMPARE(model.monthTitle(), QStringLiteral("Şubat 2026"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Pzt"));
        QCOMPARE(model.headerData(6, Qt::Horizontal).toString(), QStringLiteral("Paz"));
        QCOMPARE(model.index(0, 6).data(Qt::ToolTipRole).toString().section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("1 Şubat 2026 Pazar"));
    }

    // The field's name in the UI language, whatever language the plan data has.
    void fieldNamesInTheUiLanguage()
    {
        const auto list = sessions();
        QVERIFY(!list.empty());
        const auto named = [this](const char *column, const QString &code) {
            return scalar(c(), QStringLiteral("SELECT %1 FROM field WHERE code = '%2'").arg(QLatin1String(column), code))
                .toString();
        };
        for (const QLocale::Language language : { QLocale::English, QLocale::Turkish }) {
            QLocale::setDefault(QLocale(language));
            MonthCalendarModel model;
            model.setSessions(list);
            model.setMonth(list.front().start);
            const auto shown = model.sessionsOn(list.front().start);
            QVERIFY(!shown.empty());
            const MonthCalendarModel::Entry &e = *shown.front();
            QCOMPARE(e.fieldName, named(language == QLocale::Turkish ? "name_tr" : "name_en", e.fieldCode));
        }
    }

    void monthPrintsOnOneLandscapePage()
    {
        // A busy day: eight more one-day sessions on 18 February.
        const auto before = scalar(c(), QStringLiteral("SELECT max(id) FROM training_session")).toInt();
        for (int i = 0; i < 8; ++i)
            QVERIFY(addSession(QStringLiteral("2026-02-18"), QStringLiteral("2026-02-18"),
                { scalar(c(), QStringLiteral("SELECT min(id) FROM teacher WHERE id NOT IN (SELECT teacher_id FROM placement)"))
                        .toInt() }));
        const auto removeBusyDay = qScopeGuard([&] {
            QVERIFY(Sql::exec(c(), QStringLiteral("DELETE FROM placement WHERE session_id > %1").arg(before)));
            QVERIFY(Sql::exec(c(), QStringLiteral("DELETE FROM training_session WHERE id > %1").arg(before)));
        });
        MonthCalendarModel model;
        model.setSessions(sessions());
        model.setMonth(QDate(2026, 2, 1));
        const document::Document doc = monthReport(model);
        QCOMPARE(doc.orientation, QPageLayout::Landscape);
        QCOMPARE(doc.sections.size(), std::size_t(1));
        const document::Block &grid = doc.sections.front().blocks.back();
        QCOMPARE(grid.type, document::Block::Type::Table);
        QCOMPARE(grid.table.columns.size(), std::size_t(7));
        QCOMPARE(grid.table.rows.size(), std::size_t(5));
        QCOMPARE(grid.table.rows[0][0], QString()); // 26 January: not this month
        const QStringList first = grid.table.rows[0][6].split(QLatin1Char('\n'));
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0), QStringLiteral("1"));
        QVERIFY(MonthCalendarModel::label(*model.session(m_acrossMonthEnd)).startsWith(first.at(1).chopped(1)));
        const QStringList busy = grid.table.rows[3][2].split(QLatin1Char('\n')); // Wednesday 18 February
        QCOMPARE(busy.first(), QStringLiteral("18"));
        QCOMPARE(busy.last(), MonthCalendarModel::moreLabel(8 - int(busy.size() - 2)));
        auto pages = document::writePdf(doc, m_dir.filePath(QStringLiteral("month.pdf")));
        QVERIFY2(pages, qPrintable(pages.message()));
        QCOMPARE(pages.value(), 1);
    }
};

QTEST_MAIN(TestMonthCalendar)
#include "tst_monthcalendar.moc"
