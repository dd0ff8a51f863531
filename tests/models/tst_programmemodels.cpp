// SPDX-License-Identifier: GPL-3.0-or-later
// Attendance, outcomes and evaluations of one training session entered in
// the item models of models/programme (issue #15), on a demo database: the
// rows written, refusals that write nothing, the bulk actions, the save in
// one transaction and what the quality indicators make of it.
#include "models/itemmodels/roles.h"
#include "models/programme/sessionattendancemodel.h"
#include "models/programme/sessionevaluationmodel.h"
#include "models/quality/qualityindicators.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlRecord>

using namespace kopru;
using namespace kopru::programme;

namespace {

QStringList rows(QSqlDatabase db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db);
    if (!q.exec(sql))
        return { QStringLiteral("query failed: ") + sql };
    while (q.next()) {
        QStringList cells;
        for (int c = 0; c < q.record().count(); ++c)
            cells << (q.value(c).isNull() ? QStringLiteral("NULL") : q.value(c).toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

} // namespace

class TestProgrammeModels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_template; // a demo database with a completed programme
    int m_session = 0; // a session with several placements, none cancelled

    // A fresh copy of the demo database with m_session back before the
    // training: placements confirmed, no attendance, no evaluation.
    std::unique_ptr<Database> fresh(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (!QFile::copy(m_template, path))
            return nullptr;
        auto db = Database::open(path);
        if (!db)
            return nullptr;
        QSqlDatabase c = db.value()->connection();
        const QString placements = QStringLiteral("(SELECT id FROM placement WHERE session_id = %1)").arg(m_session);
        for (const QString &sql : QStringList { QStringLiteral("DELETE FROM attendance WHERE placement_id IN ") + placements,
                 QStringLiteral("DELETE FROM evaluation_answer WHERE placement_id IN ") + placements,
                 QStringLiteral("UPDATE placement SET status = 'confirmed', cancel_reason = NULL, completed_on = NULL WHERE "
                                "session_id = %1")
                     .arg(m_session) })
            if (!Sql::exec(c, sql))
                return nullptr;
        return std::move(db.value());
    }

    QStringList attendance(QSqlDatabase db) const
    {
        return rows(db,
            QStringLiteral("SELECT a.placement_id, a.day, a.hours, a.absence FROM attendance a JOIN placement p ON p.id = "
                           "a.placement_id WHERE p.session_id = %1 ORDER BY a.placement_id, a.day")
                .arg(m_session));
    }
    QStringList outcomes(QSqlDatabase db) const
    {
        return rows(db,
            QStringLiteral("SELECT id, status, cancel_reason, completed_on FROM placement WHERE session_id = %1 ORDER BY id")
                .arg(m_session));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.kopru"));
        QCOMPARE(test::runCli({ QStringLiteral("demo"), m_template, QStringLiteral("--teachers"), QStringLiteral("300") }), 0);
        auto db = Database::open(m_template);
        QVERIFY2(db, qPrintable(db.message()));
        m_session = test::scalar(db.value()->connection(),
            QStringLiteral("SELECT session_id FROM placement GROUP BY session_id HAVING count(*) >= 3 AND sum(status = "
                           "'cancelled') = 0 ORDER BY count(*) DESC, session_id LIMIT 1"))
                        .toInt();
        QVERIFY(m_session > 0);
    }

    // The demo's recorded session as it is in the database.
    void loadsWhatIsRecorded()
    {
        auto db = Database::open(m_template);
        QVERIFY(db);
        QSqlDatabase c = db.value()->connection();
        const int session = test::scalar(c,
            QStringLiteral("SELECT session_id FROM placement WHERE status = 'cancelled' GROUP BY session_id ORDER BY "
                           "session_id LIMIT 1"))
                                .toInt();
        QVERIFY(session > 0);
        SessionAttendanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(c, session));
        const int placements
            = test::scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE session_id = %1").arg(session)).toInt();
        QCOMPARE(model.rowCount(), placements);
        QCOMPARE(model.columnCount(), SessionAttendanceModel::FirstDay + int(model.session().workingDays().size()) + 1);
        QVERIFY(!model.isModified());
        int cancelled = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const int id = model.index(r, 0).data(IdRole).toInt();
            const double hours = test::scalar(
                c, QStringLiteral("SELECT coalesce(sum(hours), 0) FROM attendance WHERE placement_id = %1").arg(id))
                                     .toDouble();
            QCOMPARE(model.index(r, model.totalColumn()).data(SortRole).toDouble(), hours);
            const QString status
                = test::scalar(c, QStringLiteral("SELECT status FROM placement WHERE id = %1").arg(id)).toString();
            QCOMPARE(model.index(r, SessionAttendanceModel::Outcome).data(Qt::EditRole).toString(), status);
            if (status == QLatin1String("cancelled")) {
                ++cancelled;
                QCOMPARE(model.index(r, SessionAttendanceModel::CancelReason).data(Qt::EditRole).toString(),
                    test::scalar(c, QStringLiteral("SELECT cancel_reason FROM placement WHERE id = %1").arg(id)).toString());
                QVERIFY(model.flags(model.index(r, SessionAttendanceModel::CancelReason)) & Qt::ItemIsEditable);
            } else {
                QVERIFY(!(model.flags(model.index(r, SessionAttendanceModel::CancelReason)) & Qt::ItemIsEditable));
            }
        }
        QVERIFY(cancelled > 0);
        QVERIFY(model.dayOfColumn(SessionAttendanceModel::FirstDay) == model.session().start
            || model.session().start.dayOfWeek() > 5);
        QCOMPARE(model.headerData(SessionAttendanceModel::Teacher, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Teacher"));
    }

    // Edits become exactly these rows: hours per day, an absence reason on the
    // day short of hours, the outcome with its date or reason.
    void editsWriteTheRows()
    {
        auto db = fresh(QStringLiteral("edits.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        SessionAttendanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(c, m_session));
        QSignalSpy modified(&model, &SessionAttendanceModel::modifiedChanged);
        QVERIFY(model.rowCount() >= 3);
        QCOMPARE(attendance(c), QStringList());
        const int p0 = model.index(0, 0).data(IdRole).toInt();
        const int p1 = model.index(1, 0).data(IdRole).toInt();
        const int day = SessionAttendanceModel::FirstDay;
        const QString d0 = model.dayOfColumn(day).toString(Qt::ISODate);
        const QString d1 = model.dayOfColumn(day + 1).toString(Qt::ISODate);
        const double full = model.session().hoursPerDay();
        QVERIFY(full > 1);

        QVERIFY(model.setData(model.index(0, day), QStringLiteral("4"), Qt::EditRole));
        QCOMPARE(modified.count(), 1);
        QVERIFY(model.isModified());
        QVERIFY(model.setData(model.index(0, day + 1), full, Qt::EditRole));
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Absence), QStringLiteral("illness"), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("completed"), Qt::EditRole));
        QVERIFY(model.setData(model.index(1, day), QStringLiteral("0"), Qt::EditRole));
        QVERIFY(model.setData(model.index(1, SessionAttendanceModel::Outcome), QStringLiteral("cancelled"), Qt::EditRole));
        QVERIFY(model.flags(model.index(1, SessionAttendanceModel::CancelReason)) & Qt::ItemIsEditable);
        QVERIFY(model.setData(model.index(1, SessionAttendanceModel::CancelReason), QStringLiteral("withdrew"), Qt::EditRole));
        QCOMPARE(model.index(0, model.totalColumn()).data(SortRole).toDouble(), 4 + full);
        QCOMPARE(model.index(0, day).data().toString(), QStringLiteral("4"));
        // Nothing is written before Save.
        QCOMPARE(attendance(c), QStringList());

        QVERIFY(model.save());
        QVERIFY(!model.isModified());
        QCOMPARE(modified.count(), 2);
        QCOMPARE(modified.last().at(0).toBool(), false);
        QCOMPARE(attendance(c).size(), 3);
        QCOMPARE(
            test::scalar(c, QStringLiteral("SELECT hours FROM attendance WHERE placement_id = %1 AND day = '%2'").arg(p0).arg(d1))
                .toDouble(),
            full);
        QCOMPARE(
            rows(c,
                QStringLiteral("SELECT hours, absence FROM attendance WHERE placement_id = %1 AND day = '%2'").arg(p0).arg(d0)),
            QStringList { QStringLiteral("4|illness") });
        QCOMPARE(rows(c, QStringLiteral("SELECT hours, absence FROM attendance WHERE placement_id = %1").arg(p1)),
            QStringList { QStringLiteral("0|NULL") });
        const QString end = model.session().end.toString(Qt::ISODate);
        QCOMPARE(rows(c, QStringLiteral("SELECT status, cancel_reason, completed_on FROM placement WHERE id = %1").arg(p0)),
            QStringList { QStringLiteral("completed|NULL|") + end });
        QCOMPARE(rows(c, QStringLiteral("SELECT status, cancel_reason, completed_on FROM placement WHERE id = %1").arg(p1)),
            QStringList { QStringLiteral("cancelled|withdrew|NULL") });
        // The others are untouched.
        QCOMPARE(
            test::scalar(
                c, QStringLiteral("SELECT count(*) FROM placement WHERE session_id = %1 AND status = 'confirmed'").arg(m_session))
                .toInt(),
            model.rowCount() - 2);

        // Clearing a day deletes its row; reopening a placement clears its date.
        QVERIFY(model.setData(model.index(0, day + 1), QString(), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("open"), Qt::EditRole));
        QVERIFY(model.save());
        QCOMPARE(rows(c, QStringLiteral("SELECT day, hours FROM attendance WHERE placement_id = %1").arg(p0)),
            QStringList { d0 + QStringLiteral("|4") });
        QCOMPARE(rows(c, QStringLiteral("SELECT status, completed_on FROM placement WHERE id = %1").arg(p0)),
            QStringList { QStringLiteral("confirmed|NULL") });
    }

    // An edit that breaks a rule is refused with its reason and changes nothing.
    void refusals()
    {
        auto db = fresh(QStringLiteral("refusals.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        SessionAttendanceModel model;
        QVERIFY(model.load(c, m_session));
        QSignalSpy refused(&model, &SessionAttendanceModel::editRefused);
        const int day = SessionAttendanceModel::FirstDay;
        const auto refuses = [&](int row, int column, const QVariant &value, const QString &reasonPart) {
            const int before = refused.count();
            const QString shown = model.index(row, column).data().toString();
            if (model.setData(model.index(row, column), value, Qt::EditRole))
                return QStringLiteral("accepted %1").arg(value.toString());
            if (refused.count() != before + 1)
                return QStringLiteral("no reason for %1").arg(value.toString());
            const QString reason = refused.last().at(0).toString();
            if (!reason.contains(reasonPart))
                return reason;
            if (model.index(row, column).data().toString() != shown)
                return QStringLiteral("changed by %1").arg(value.toString());
            return QString();
        };
        QCOMPARE(refuses(0, day, 25, QStringLiteral("0 to 24")), QString());
        QCOMPARE(refuses(0, day, QStringLiteral("-1"), QStringLiteral("0 to 24")), QString());
        QCOMPARE(refuses(0, day, QStringLiteral("eight"), QStringLiteral("not a number")), QString());
        QCOMPARE(
            refuses(0, SessionAttendanceModel::CancelReason, QStringLiteral("illness"), QStringLiteral("only for a cancelled")),
            QString());
        QCOMPARE(refuses(0, SessionAttendanceModel::Outcome, QStringLiteral("finished"),
                     QStringLiteral("open, completed or cancelled")),
            QString());
        QCOMPARE(
            refuses(0, SessionAttendanceModel::Absence, QStringLiteral("illness"), QStringLiteral("fewer hours")), QString());
        QCOMPARE(
            refuses(0, SessionAttendanceModel::Absence, QStringLiteral("holiday"), QStringLiteral("not a reason")), QString());
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("cancelled"), Qt::EditRole));
        QCOMPARE(
            refuses(0, SessionAttendanceModel::CancelReason, QStringLiteral("bored"), QStringLiteral("not a reason")), QString());
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("open"), Qt::EditRole));
        QVERIFY(!model.isModified());
        const QStringList before = outcomes(c);
        QVERIFY(model.save());
        QCOMPARE(attendance(c), QStringList());
        QCOMPARE(outcomes(c), before);

        // A placement with a certificate of participation stays completed.
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("completed"), Qt::EditRole));
        QVERIFY(model.save());
        const int placement = model.index(0, 0).data(IdRole).toInt();
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (?, 'KPR-TEST-1', "
                           "'ABCDEFGHJK')"),
            { placement }));
        QVERIFY(model.load(c, m_session));
        const QStringList certified = outcomes(c);
        QCOMPARE(
            refuses(0, SessionAttendanceModel::Outcome, QStringLiteral("cancelled"), QStringLiteral("certificate")), QString());
        QCOMPARE(refuses(0, SessionAttendanceModel::Outcome, QStringLiteral("open"), QStringLiteral("certificate")), QString());
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("completed"), Qt::EditRole));
        QVERIFY(!model.isModified());
        QCOMPARE(outcomes(c), certified);
    }

    // The bulk actions: full days for those not cancelled, all completed on the last day.
    void bulkActions()
    {
        auto db = fresh(QStringLiteral("bulk.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        SessionAttendanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(c, m_session));
        const int n = model.rowCount();
        const int days = int(model.session().workingDays().size());
        const int day = SessionAttendanceModel::FirstDay;
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("cancelled"), Qt::EditRole));
        QVERIFY(model.setData(model.index(1, day), 2, Qt::EditRole));
        QCOMPARE(model.fillFullDays(), (n - 1) * days - 1);
        QCOMPARE(model.fillFullDays(), 0);
        QCOMPARE(model.index(0, day).data().toString(), QString()); // the cancelled row is left alone
        QCOMPARE(model.index(1, day).data(SortRole).toDouble(), 2.0); // a recorded day is kept
        QCOMPARE(model.markAllCompleted(), n - 1);
        QCOMPARE(model.markAllCompleted(), 0);
        QCOMPARE(model.index(0, SessionAttendanceModel::Outcome).data(Qt::EditRole).toString(), QStringLiteral("cancelled"));
        QVERIFY(model.save());
        const double hours = model.session().hours;
        QCOMPARE(test::scalar(c,
                     QStringLiteral("SELECT count(*) FROM attendance a JOIN placement p ON p.id = a.placement_id WHERE "
                                    "p.session_id = %1")
                         .arg(m_session))
                     .toInt(),
            (n - 1) * days);
        const double sum = test::scalar(c,
            QStringLiteral(
                "SELECT sum(hours) FROM attendance a JOIN placement p ON p.id = a.placement_id WHERE p.session_id = %1")
                .arg(m_session))
                               .toDouble();
        QVERIFY2(qAbs(sum - ((n - 1) * hours - (model.session().hoursPerDay() - 2))) < 1e-6, qPrintable(QString::number(sum)));
        QCOMPARE(rows(c,
                     QStringLiteral("SELECT status, completed_on, count(*) FROM placement WHERE session_id = %1 GROUP BY "
                                    "status, completed_on ORDER BY status")
                         .arg(m_session)),
            QStringList({ QStringLiteral("cancelled|NULL|1"),
                QStringLiteral("completed|%1|%2").arg(model.session().end.toString(Qt::ISODate)).arg(n - 1) }));
    }

    // Save writes everything or nothing.
    void saveIsOneTransaction()
    {
        auto db = fresh(QStringLiteral("transaction.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        SessionAttendanceModel model;
        QVERIFY(model.load(c, m_session));
        const int last = model.rowCount() - 1;
        const int day = SessionAttendanceModel::FirstDay;
        QVERIFY(model.setData(model.index(0, day), 6, Qt::EditRole));
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("completed"), Qt::EditRole));
        QVERIFY(model.setData(model.index(last, day), 13, Qt::EditRole));
        // The database refuses the last row's day (after the first row was written).
        QVERIFY(Sql::exec(c,
            QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON attendance WHEN NEW.hours = 13 BEGIN SELECT "
                           "RAISE(ABORT, 'refused by the test'); END")));
        const QStringList before = outcomes(c);
        const Status saved = model.save();
        QVERIFY(!saved);
        QVERIFY2(saved.message().contains(QStringLiteral("refused by the test")), qPrintable(saved.message()));
        QCOMPARE(attendance(c), QStringList());
        QCOMPARE(outcomes(c), before);
        QVERIFY(model.isModified()); // the edits are still there to save again
        QVERIFY(Sql::exec(c, QStringLiteral("DROP TRIGGER test_refuse")));
        QVERIFY(model.save());
        QCOMPARE(attendance(c).size(), 2);
        QVERIFY(!model.isModified());
    }

    // What the quality indicators make of a session entered here.
    void qualityIndicatorsFollow()
    {
        auto db = fresh(QStringLiteral("quality.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        auto before = quality::computeQualityIndicators(c, quality::Grouping::Total);
        QVERIFY2(before, qPrintable(before.message()));
        SessionAttendanceModel model;
        QVERIFY(model.load(c, m_session));
        const int n = model.rowCount();
        const double hours = model.session().hours;
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::Outcome), QStringLiteral("cancelled"), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, SessionAttendanceModel::CancelReason), QStringLiteral("illness"), Qt::EditRole));
        model.fillFullDays();
        model.markAllCompleted();
        QVERIFY(model.save());
        auto after = quality::computeQualityIndicators(c, quality::Grouping::Total);
        QVERIFY2(after, qPrintable(after.message()));
        const quality::GroupFigures &b = before.value().total;
        const quality::GroupFigures &a = after.value().total;
        QCOMPARE(a.completed, b.completed + n - 1);
        QCOMPARE(a.cancelled, b.cancelled + 1);
        QCOMPARE(a.dropoutReasons.at(QStringLiteral("illness")), b.dropoutReasons.at(QStringLiteral("illness")) + 1);
        QVERIFY(qAbs(a.hoursPlanned - (b.hoursPlanned + n * hours)) < 1e-6);
        QVERIFY(qAbs(a.hoursDelivered - (b.hoursDelivered + (n - 1) * hours)) < 1e-6);
        QVERIFY(qAbs(a.completionRate() - double(a.completed) / double(a.completed + a.cancelled)) < 1e-9);
        QVERIFY(a.completionRate() != b.completionRate());
    }

    // Evaluation answers: 1–5, not applicable (NULL) or none, written exactly.
    void evaluations()
    {
        auto db = fresh(QStringLiteral("evaluations.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        SessionEvaluationModel model(QStringLiteral("teacher"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(c, m_session));
        QCOMPARE(model.columnCount(), 1 + 5);
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("P1"));
        QCOMPARE(model.itemTexts().first(), QStringLiteral("P1: The teacher attended regularly and on time."));
        QVERIFY(model.rowCount() >= 2);
        const int p0 = model.index(0, 0).data(IdRole).toInt();
        const int p1 = model.index(1, 0).data(IdRole).toInt();
        QSignalSpy refused(&model, &SessionEvaluationModel::editRefused);
        QVERIFY(!model.setData(model.index(0, 1), 6, Qt::EditRole));
        QVERIFY(!model.setData(model.index(0, 1), QStringLiteral("good"), Qt::EditRole));
        QCOMPARE(refused.count(), 2);
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("1 to 5")));
        QVERIFY(!model.isModified());
        // What an editor reads and gives back unchanged changes nothing.
        QCOMPARE(model.index(0, 1).data(Qt::EditRole).toString(), QString());
        QVERIFY(model.setData(model.index(0, 1), model.index(0, 1).data(Qt::EditRole), Qt::EditRole));
        QVERIFY(!model.isModified());
        QVERIFY(model.setData(model.index(0, 3), QStringLiteral("n/a"), Qt::EditRole));
        QCOMPARE(model.index(0, 3).data(Qt::EditRole).toString(), QStringLiteral("n/a"));
        QVERIFY(model.setData(model.index(0, 3), QString(), Qt::EditRole));
        QVERIFY(!model.isModified());
        QVERIFY(model.setData(model.index(0, 1), 4, Qt::EditRole));
        QVERIFY(model.setData(model.index(0, 2), 0, Qt::EditRole));
        QVERIFY(model.setData(model.index(1, 5), QStringLiteral("5"), Qt::EditRole));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("n/a"));
        QVERIFY(model.isModified());
        QVERIFY(model.save());
        const QString answers = QStringLiteral("SELECT placement_id, item_id, score FROM evaluation_answer WHERE placement_id IN "
                                               "(%1, %2) ORDER BY placement_id, item_id")
                                    .arg(p0)
                                    .arg(p1);
        QStringList want
            = { QStringLiteral("%1|6|4").arg(p0), QStringLiteral("%1|7|NULL").arg(p0), QStringLiteral("%1|10|5").arg(p1) };
        if (p1 < p0)
            want = { want.at(2), want.at(0), want.at(1) };
        QCOMPARE(rows(c, answers), want);
        // Not answered again: the row goes.
        QVERIFY(model.setData(model.index(1, 5), QVariant(), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, 1), 2, Qt::EditRole));
        QVERIFY(model.save());
        QCOMPARE(rows(c, answers), QStringList({ QStringLiteral("%1|6|2").arg(p0), QStringLiteral("%1|7|NULL").arg(p0) }));
        // The training questionnaire is a model of its own: untouched.
        SessionEvaluationModel training(QStringLiteral("training"));
        QVERIFY(training.load(c, m_session));
        QCOMPARE(training.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("T1"));
        QCOMPARE(training.index(0, 1).data().toString(), QString());
    }
};

QTEST_MAIN(TestProgrammeModels)
#include "tst_programmemodels.moc"
