// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule ▸ Attendance and outcomes… (views/programme/attendancedialog.*),
// offscreen, on a demo database with one session set back to before its
// training: opened from the schedule page, a cell edited through its editor,
// saved (the rows written, the page told), Cancel asking about edits not
// saved, refusals shown, and the dialog in Turkish.
// Set KOPRU_SCREENSHOT_DIR to also save the dialog's tabs as PNG.
#include "app/common/translations.h"
#include "models/itemmodels/roles.h"
#include "models/programme/sessionattendancemodel.h"
#include "models/programme/sessionevaluationmodel.h"
#include "tests/common/testutil.h"
#include "views/delegates/refusalnote.h"
#include "views/programme/attendancedialog.h"
#include "views/schedule/monthview.h"
#include "views/schedule/schedulepage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

using namespace kopru;
using namespace kopru::programme;

class TestProgrammeDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_session = 0;

    int count(const QString &sql) { return test::scalar(m_db->connection(), sql).toInt(); }
    int attendanceRows()
    {
        return count(QStringLiteral("SELECT count(*) FROM attendance a JOIN placement p ON p.id = a.placement_id WHERE "
                                    "p.session_id = %1")
                         .arg(m_session));
    }
    static void shoot(QWidget *w, const QString &name)
    {
        if (const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR"); !shots.isEmpty())
            w->grab().save(QDir(shots).filePath(name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("dialog.kopru"));
        QCOMPARE(test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("300") }), 0);
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.message()));
        m_db = std::move(db.value());
        m_session = count(QStringLiteral("SELECT session_id FROM placement GROUP BY session_id HAVING count(*) >= 3 AND "
                                         "sum(status = 'cancelled') = 0 ORDER BY count(*) DESC, session_id LIMIT 1"));
        QVERIFY(m_session > 0);
        // The session before its training: confirmed, nothing recorded.
        QSqlDatabase c = m_db->connection();
        const QString placements = QStringLiteral("(SELECT id FROM placement WHERE session_id = %1)").arg(m_session);
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM attendance WHERE placement_id IN ") + placements));
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM evaluation_answer WHERE placement_id IN ") + placements));
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE placement SET status = 'confirmed', cancel_reason = NULL, completed_on = NULL WHERE "
                           "session_id = %1")
                .arg(m_session)));
    }

    // The schedule page opens the dialog at the chosen session; a cell typed
    // in and saved is in the database, and the page tells the others.
    void schedulePageOpensItAndSaves()
    {
        QUndoStack undo;
        SchedulePage page(&undo, nullptr);
        page.setDatabase(m_db.get());
        QSignalSpy modified(&page, &Page::dataModified);
        QSignalSpy status(&page, &Page::statusMessage);
        QPushButton *button = nullptr;
        for (QPushButton *b : page.findChildren<QPushButton *>())
            if (b->text() == SchedulePage::tr("&Attendance and outcomes…"))
                button = b;
        QVERIFY(button);
        emit page.monthView()->sessionSelected(m_session);
        QCOMPARE(page.selectedSession(), m_session);
        int placement = 0;
        QString shown;
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            AttendanceDialog *d = nullptr;
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *dialog = qobject_cast<AttendanceDialog *>(w))
                    d = dialog;
            if (!d)
                return;
            seen = d->attendanceModel()->session().id == m_session;
            QTableView *view = d->attendanceView();
            const QModelIndex cell = view->model()->index(0, SessionAttendanceModel::FirstDay);
            placement = cell.data(IdRole).toInt();
            view->setCurrentIndex(cell);
            view->edit(cell);
            auto *editor = view->findChild<QLineEdit *>();
            if (!editor)
                return;
            editor->setText(QStringLiteral("5"));
            QTest::keyClick(editor, Qt::Key_Return);
            shown = cell.data().toString();
            for (QPushButton *b : d->findChildren<QPushButton *>())
                if (b->text() == QCoreApplication::translate("QPlatformTheme", "Save"))
                    b->click();
            if (d->isVisible())
                d->done(QDialog::Rejected);
        });
        button->click();
        QVERIFY(seen);
        QCOMPARE(shown, QStringLiteral("5"));
        QVERIFY(placement > 0);
        QCOMPARE(
            test::scalar(m_db->connection(),
                QStringLiteral("SELECT group_concat(day || '=' || hours) FROM attendance WHERE placement_id = %1").arg(placement))
                .toString(),
            QStringLiteral("%1=5.0").arg(AttendanceDialog(m_db.get(), m_session, nullptr)
                                             .attendanceModel()
                                             ->session()
                                             .workingDays()
                                             .front()
                                             .toString(Qt::ISODate)));
        QCOMPARE(attendanceRows(), 1);
        QCOMPARE(modified.count(), 1);
        QCOMPARE(status.count(), 1); // the user is told it was saved
        QCOMPARE(status.first().at(0).toString(), SchedulePage::tr("Attendance, outcomes and evaluations saved."));
    }

    // The bulk buttons and the evaluation tabs; Cancel asks, and only
    // "Discard" drops the edits.
    void bulkAndCancel()
    {
        AttendanceDialog dialog(m_db.get(), m_session, nullptr);
        QAbstractItemModelTester tester(dialog.attendanceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog.tabs()->count(), 3);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.isModified());
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == AttendanceDialog::tr("All present, &full days")
                || b->text() == AttendanceDialog::tr("&Mark all completed"))
                b->click();
        QVERIFY(dialog.isModified());
        QVERIFY2(dialog.messageText().contains(QStringLiteral("marked completed")), qPrintable(dialog.messageText()));
        const int rows = dialog.attendanceModel()->rowCount();
        for (int r = 0; r < rows; ++r)
            QCOMPARE(dialog.attendanceModel()->index(r, SessionAttendanceModel::Outcome).data(Qt::EditRole).toString(),
                QStringLiteral("completed"));
        QVERIFY(dialog.teacherModel()->setData(dialog.teacherModel()->index(0, 1), 4, Qt::EditRole));
        // The outcome and the reason are chosen in a combo box; the reason only once cancelled.
        QTableView *view = dialog.attendanceView();
        const auto choose = [view](int row, int column, const QString &code) {
            const QModelIndex cell = view->model()->index(row, column);
            view->setCurrentIndex(cell);
            view->edit(cell);
            auto *combo = view->findChild<QComboBox *>();
            if (!combo)
                return false;
            const int at = combo->findData(code);
            combo->setCurrentIndex(at);
            emit combo->activated(at);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed editor goes
            return at >= 0 && view->findChild<QComboBox *>() == nullptr && cell.data(Qt::EditRole).toString() == code;
        };
        const QModelIndex reason = view->model()->index(0, SessionAttendanceModel::CancelReason);
        QVERIFY(!(reason.flags() & Qt::ItemIsEditable));
        QVERIFY(choose(0, SessionAttendanceModel::Outcome, QStringLiteral("cancelled")));
        QVERIFY(reason.flags() & Qt::ItemIsEditable);
        QVERIFY(choose(0, SessionAttendanceModel::CancelReason, QStringLiteral("partner_cancelled")));
        QCOMPARE(reason.data().toString(), QStringLiteral("partner cancelled"));
        QVERIFY(choose(0, SessionAttendanceModel::Outcome, QStringLiteral("completed")));
        QCOMPARE(reason.data().toString(), QString());
        // Hours typed out of range: the editor stays open with the reason at the cell.
        {
            const QModelIndex cell = view->model()->index(1, SessionAttendanceModel::FirstDay + 1);
            const QString before = cell.data().toString();
            view->setCurrentIndex(cell);
            view->edit(cell);
            auto *editor = view->findChild<QLineEdit *>();
            QVERIFY(editor);
            editor->setText(QStringLiteral("30"));
            QTest::keyClick(editor, Qt::Key_Return);
            QVERIFY(RefusalNote::of(editor));
            QVERIFY2(
                RefusalNote::of(editor)->text().contains(QStringLiteral("0 to 24")), qPrintable(RefusalNote::of(editor)->text()));
            QCOMPARE(cell.data().toString(), before);
            QTest::keyClick(editor, Qt::Key_Escape);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
        // An evaluation cell opened and left unchanged stays not answered.
        {
            auto *evaluation = dialog.tabs()->widget(1)->findChild<QTableView *>();
            QVERIFY(evaluation);
            const QModelIndex cell = evaluation->model()->index(0, SessionEvaluationModel::FirstItem);
            dialog.tabs()->setCurrentIndex(1);
            evaluation->setCurrentIndex(cell);
            evaluation->edit(cell);
            auto *editor = evaluation->findChild<QLineEdit *>();
            QVERIFY(editor);
            QCOMPARE(editor->text(), QString());
            QTest::keyClick(editor, Qt::Key_Return);
            QCOMPARE(cell.data(Qt::EditRole).toString(), QString());
            QVERIFY(!dialog.trainingModel()->isModified());
            dialog.tabs()->setCurrentIndex(0);
        }
        // A refusal is shown in the dialog.
        QVERIFY(!dialog.attendanceModel()->setData(
            dialog.attendanceModel()->index(0, SessionAttendanceModel::FirstDay), 30, Qt::EditRole));
        QVERIFY2(dialog.messageText().contains(QStringLiteral("0 to 24")), qPrintable(dialog.messageText()));
        shoot(&dialog, QStringLiteral("attendance-dialog.png"));
        dialog.tabs()->setCurrentIndex(2);
        shoot(&dialog, QStringLiteral("attendance-dialog-evaluation.png"));

        // Cancel asks; "Cancel" in the question keeps the dialog and its edits.
        const auto answer = [this](QMessageBox::StandardButton button, bool *asked) {
            QTimer::singleShot(0, this, [button, asked] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                        *asked = true;
                        box->button(button)->click();
                    }
            });
        };
        bool asked = false;
        answer(QMessageBox::Cancel, &asked);
        dialog.reject();
        QVERIFY(asked);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.isModified());
        asked = false;
        answer(QMessageBox::Discard, &asked);
        dialog.reject();
        QVERIFY(asked);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(attendanceRows(), 1); // nothing of it written
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM placement WHERE session_id = %1 AND status = 'completed'").arg(m_session)),
            0);

        // Saved, the same edits are written in one go.
        AttendanceDialog again(m_db.get(), m_session, nullptr);
        QSignalSpy saved(&again, &AttendanceDialog::saved);
        again.attendanceModel()->fillFullDays();
        again.attendanceModel()->markAllCompleted();
        QVERIFY(again.teacherModel()->setData(again.teacherModel()->index(0, 1), 4, Qt::EditRole));
        QVERIFY(again.saveChanges());
        QCOMPARE(saved.count(), 1);
        QVERIFY(!again.isModified());
        const int days = int(again.attendanceModel()->session().workingDays().size());
        QCOMPARE(attendanceRows(), rows * days);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM placement WHERE session_id = %1 AND status = 'completed'").arg(m_session)),
            rows);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM evaluation_answer a JOIN placement p ON p.id = a.placement_id "
                                      "WHERE p.session_id = %1")
                           .arg(m_session)),
            1);
    }

    // A session the demo recorded: its cancellation and absences shown as recorded.
    void recordedSession()
    {
        const int session
            = count(QStringLiteral("SELECT p.session_id FROM placement p JOIN attendance a ON a.placement_id = p.id "
                                   "WHERE a.absence IS NOT NULL AND p.session_id IN (SELECT session_id FROM placement "
                                   "WHERE status = 'cancelled') ORDER BY p.session_id LIMIT 1"));
        QVERIFY(session > 0);
        AttendanceDialog dialog(m_db.get(), session, nullptr);
        const SessionAttendanceModel *model = dialog.attendanceModel();
        int cancelled = 0, absences = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const int id = model->index(r, 0).data(IdRole).toInt();
            if (model->index(r, SessionAttendanceModel::Outcome).data(Qt::EditRole).toString() == QLatin1String("cancelled")) {
                ++cancelled;
                QCOMPARE(model->index(r, SessionAttendanceModel::CancelReason).data(Qt::EditRole).toString(),
                    test::scalar(m_db->connection(), QStringLiteral("SELECT cancel_reason FROM placement WHERE id = %1").arg(id))
                        .toString());
            }
            if (!model->index(r, SessionAttendanceModel::Absence).data(Qt::EditRole).toString().isEmpty())
                ++absences;
        }
        QVERIFY(cancelled > 0);
        QVERIFY(absences > 0);
        QVERIFY(!dialog.isModified());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("attendance-dialog-recorded.png"));
    }

    // A database open read-only: shown, nothing editable, nothing saved.
    void readOnly()
    {
        Database::Options options;
        options.access = Database::Access::ReadOnly;
        auto db = Database::open(m_db->path(), options);
        QVERIFY2(db, qPrintable(db.message()));
        QVERIFY(db.value()->isReadOnly());
        AttendanceDialog dialog(db.value().get(), m_session, nullptr);
        QVERIFY(dialog.attendanceModel()->rowCount() > 0);
        for (QTableView *view : dialog.findChildren<QTableView *>())
            QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == AttendanceDialog::tr("All present, &full days")
                || b->text() == AttendanceDialog::tr("&Mark all completed"))
                QVERIFY(!b->isEnabled());
        QVERIFY2(dialog.messageText().contains(QStringLiteral("read-only")), qPrintable(dialog.messageText()));
        QVERIFY(!dialog.saveChanges());
    }

    // In Turkish every label is translated and hours use a decimal comma.
    void turkish()
    {
        Translations::install(*QCoreApplication::instance(), QStringLiteral("tr"));
        {
            AttendanceDialog dialog(m_db.get(), m_session, nullptr);
            QCOMPARE(dialog.windowTitle(), QStringLiteral("Devam ve sonuçlar"));
            QCOMPARE(dialog.tabs()->tabText(0), QStringLiteral("Devam ve sonuç"));
            QCOMPARE(dialog.tabs()->tabText(1), QStringLiteral("Eğitimin değerlendirilmesi (öğretmen)"));
            QCOMPARE(
                dialog.attendanceModel()->headerData(SessionAttendanceModel::Teacher, Qt::Horizontal, Qt::DisplayRole).toString(),
                QStringLiteral("Öğretmen"));
            QCOMPARE(dialog.attendanceModel()->index(0, SessionAttendanceModel::Outcome).data().toString(),
                QStringLiteral("tamamlandı"));
            QCOMPARE(dialog.trainingModel()->itemTexts().first(), QStringLiteral("T1: Eğitim, mesleki ihtiyaçlarımı karşıladı."));
            QVERIFY(dialog.attendanceModel()->setData(
                dialog.attendanceModel()->index(0, SessionAttendanceModel::FirstDay), QStringLiteral("6,5"), Qt::EditRole));
            QCOMPARE(
                dialog.attendanceModel()->index(0, SessionAttendanceModel::FirstDay).data().toString(), QStringLiteral("6,5"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            shoot(&dialog, QStringLiteral("attendance-dialog-tr.png"));
            bool asked = false;
            QTimer::singleShot(0, this, [&asked] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                        asked = box->text() == QStringLiteral("Kaydedilmemiş değişiklikler atılsın mı?");
                        box->button(QMessageBox::Discard)->click();
                    }
            });
            dialog.reject();
            QVERIFY(asked);
        }
        Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestProgrammeDialog)
#include "tst_programmedialog.moc"
