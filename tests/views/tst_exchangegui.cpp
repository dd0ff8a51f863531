// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange in the GUI (docs/exchange.md): File ▸ Send to… makes a package
// in the background under a proposed name, File ▸ Receive Package… shows the
// dry run and applies on request or explains a refusal with the database
// unchanged, and the Exchange page lists the packages, the review list with
// undoable decisions and the national office's status per centre.
// With KOPRU_SCREENSHOT_DIR set the dialogs and the page are also written
// there as PNG (in Turkish with KOPRU_TEST_LANG=tr), for docs/screenshots/.
#include "app/common/translations.h"
#include "models/exchange/centrestatusmodel.h"
#include "models/exchange/exchangelogmodel.h"
#include "models/exchange/reviewlistmodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "tests/common/exchangeutil.h"
#include "views/exchange/exchangepage.h"
#include "views/exchange/receivepackagedialog.h"
#include "views/exchange/sendpackagedialog.h"
#include "views/pages/entitybrowser.h"
#include "views/pages/recorddialog.h"
#include "views/teachers/teacherspage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <functional>

using namespace kopru;
using test::scalar;
using Work = test::ExchangeWorkspace;

namespace {

void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString lang = qEnvironmentVariable("KOPRU_TEST_LANG", QStringLiteral("en"));
    widget->grab().save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, lang)));
}

int countReceived(const QString &db)
{
    return Work::value(db, QStringLiteral("SELECT count(*) FROM exchange_package WHERE direction = 'received'")).toInt();
}

} // namespace

class TestExchangeGui : public QObject
{
    Q_OBJECT
    Work m_work;
    QString m_national, m_centre1, m_centre4;
    int m_n = 0;

    QString path(const QString &name) const { return m_work.path(name); }
    QString folder(const QString &name)
    {
        const QString dir = path(name + QString::number(++m_n));
        QDir().mkpath(dir);
        return dir;
    }

    // Sends with the dialog (as the user would) and returns the file written.
    QString sendWithDialog(const QString &dbPath, const QString &receiver, const QString &dir, bool full = false)
    {
        auto db = Database::open(dbPath);
        if (!db)
            return {};
        SendPackageDialog dialog(db.value().get(), nullptr);
        if (!dialog.setReceiver(receiver))
            return {};
        dialog.setFull(full);
        dialog.setTarget(QDir(dir).filePath(QFileInfo(dialog.target()).fileName()));
        dialog.send();
        if (!QTest::qWaitFor([&dialog] { return !dialog.isRunning(); }, 60000) || dialog.written().size() != 1)
            return {};
        return dialog.written().constFirst();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_exchangegui"));
        QSettings().clear();
        Translations::install(*qApp, qEnvironmentVariable("KOPRU_TEST_LANG", QStringLiteral("en")));
        m_national = Work::build(path(QStringLiteral("national.kopru")), DatabaseRole::national());
        m_centre1 = Work::build(path(QStringLiteral("centre1.kopru")), DatabaseRole::centre(1));
        m_centre4 = Work::build(path(QStringLiteral("centre4.kopru")), DatabaseRole::centre(4));
        QVERIFY(!m_national.isEmpty() && !m_centre1.isEmpty() && !m_centre4.isEmpty());
    }

    void sendProposesANameAndWritesInTheBackground()
    {
        const QString centre = m_work.copyOf(m_centre1);
        auto db = Database::open(centre);
        QVERIFY(db);
        const QString dir = folder(QStringLiteral("send"));
        SendPackageDialog dialog(db.value().get(), nullptr);
        dialog.show();
        // From a centre: only the national office; what changed since the acknowledged package by default.
        auto *receiver = dialog.findChild<QComboBox *>(QStringLiteral("sendReceiver"));
        QVERIFY(receiver);
        QCOMPARE(receiver->count(), 1);
        QCOMPARE(dialog.receiverCode(), QStringLiteral("national"));
        QVERIFY(!dialog.isFull());
        QVERIFY(!dialog.setReceiver(QStringLiteral("centre:4")));
        QCOMPARE(QFileInfo(dialog.target()).fileName(), QStringLiteral("centre1-national-1.kopru-pkg"));
        dialog.setTarget(QDir(dir).filePath(QFileInfo(dialog.target()).fileName()));
        shoot(&dialog, QStringLiteral("send-dialog"));
        auto *showInFolder = dialog.findChild<QPushButton *>(QStringLiteral("showInFolderButton"));
        QVERIFY(showInFolder && !showInFolder->isEnabled());
        QSignalSpy finished(&dialog, &SendPackageDialog::finished);
        dialog.send();
        QVERIFY(dialog.isRunning() || finished.count() == 1);
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        QCOMPARE(dialog.written(), QStringList { QDir(dir).filePath(QStringLiteral("centre1-national-1.kopru-pkg")) });
        QVERIFY(QFileInfo(dialog.written().constFirst()).size() > 0);
        QVERIFY(showInFolder->isEnabled());
        QVERIFY2(dialog.message().contains(QStringLiteral("National office")), qPrintable(dialog.message()));
        shoot(&dialog, QStringLiteral("send-done"));
        // Recorded as sent; the next proposal is package 2, in the folder used last.
        QCOMPARE(
            scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM exchange_package WHERE direction = 'sent'"))
                .toInt(),
            1);
        QCOMPARE(dialog.target(), QDir(dir).filePath(QStringLiteral("centre1-national-2.kopru-pkg")));
        SendPackageDialog again(db.value().get(), nullptr);
        QCOMPARE(again.target(), QDir(dir).filePath(QStringLiteral("centre1-national-2.kopru-pkg")));
        // An existing file is never overwritten.
        again.setTarget(dialog.written().constFirst());
        again.send();
        QVERIFY(!again.isRunning());
        QVERIFY(again.message().contains(QStringLiteral("already exists")));
    }

    void nationalOfficeSendsToAllCentres()
    {
        const QString national = m_work.copyOf(m_national);
        auto db = Database::open(national);
        QVERIFY(db);
        SendPackageDialog dialog(db.value().get(), nullptr);
        auto *receiver = dialog.findChild<QComboBox *>(QStringLiteral("sendReceiver"));
        QCOMPARE(receiver->count(), 16); // all centres, then each of the 15
        QCOMPARE(dialog.receiverCode(), QStringLiteral("all"));
        QVERIFY(dialog.setReceiver(QStringLiteral("centre:4")));
        QCOMPARE(QFileInfo(dialog.target()).fileName(), QStringLiteral("national-centre4-1.kopru-pkg"));
        QVERIFY(dialog.setReceiver(QStringLiteral("all")));
        const QString dir = folder(QStringLiteral("all"));
        dialog.setTarget(dir);
        dialog.send();
        QVERIFY(QTest::qWaitFor([&dialog] { return !dialog.isRunning(); }, 120000));
        QCOMPARE(dialog.written().size(), 15);
        for (int c = 1; c <= 15; ++c)
            QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("national-centre%1-1.kopru-pkg").arg(c))));
        // Centre 4 receives its package from the national office.
        const QString centre = m_work.copyOf(m_centre4);
        auto c4 = Database::open(centre);
        QVERIFY(c4);
        ReceivePackageDialog receive(
            c4.value().get(), QDir(dir).filePath(QStringLiteral("national-centre4-1.kopru-pkg")), nullptr);
        QVERIFY(QTest::qWaitFor([&receive] { return receive.state() != ReceivePackageDialog::State::Checking; }, 60000));
        QCOMPARE(receive.state(), ReceivePackageDialog::State::Ready);
        receive.apply();
        QVERIFY(QTest::qWaitFor([&receive] { return receive.state() != ReceivePackageDialog::State::Applying; }, 60000));
        QVERIFY2(receive.applied(), qPrintable(receive.message()));
    }

    void receiveShowsTheDryRunThenApplies()
    {
        const QString national = m_work.copyOf(m_national);
        const QString package = sendWithDialog(m_work.copyOf(m_centre1), QStringLiteral("national"), folder(QStringLiteral("r")));
        QVERIFY(!package.isEmpty());
        auto db = Database::open(national);
        QVERIFY(db);
        const QByteArray before = test::fileBytes(national);
        {
            // Cancel after the dry run: nothing changed.
            ReceivePackageDialog dialog(db.value().get(), package, nullptr);
            dialog.show();
            QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() != ReceivePackageDialog::State::Checking; }, 60000));
            QCOMPARE(dialog.state(), ReceivePackageDialog::State::Ready);
            QVERIFY(dialog.result().has_value());
            QCOMPARE(dialog.result()->outcome, Receiver::Outcome::DryRun);
            QCOMPARE(dialog.result()->manifest.sender, DatabaseRole::centre(1));
            // The sender is named as users know it, not by its number.
            const QString centreName
                = scalar(db.value()->connection(), QStringLiteral("SELECT name FROM centre WHERE id = 1")).toString();
            QVERIFY(!centreName.isEmpty());
            auto *header = dialog.findChild<QLabel *>(QStringLiteral("receiveHeader"));
            QVERIFY(header);
            QVERIFY2(header->text().contains(centreName), qPrintable(header->text()));
            // One row per table with rows, as the summary says.
            QTableWidget *table = dialog.summaryTable();
            int tables = 0;
            for (const auto &[name, counts] : dialog.result()->summary.tables)
                tables += counts.empty() ? 0 : 1;
            QVERIFY(tables > 0);
            QCOMPARE(table->rowCount(), tables);
            bool sawTeachers = false;
            for (int row = 0; row < table->rowCount(); ++row)
                if (table->item(row, 0)->data(Qt::UserRole).toString() == QLatin1String("teacher_record")) {
                    sawTeachers = true;
                    QCOMPARE(table->item(row, 0)->text(), ReceivePackageDialog::tableTitle(QStringLiteral("teacher_record")));
                    const TableCounts &c = dialog.result()->summary.tables.at(QStringLiteral("teacher_record"));
                    QCOMPARE(table->item(row, 1)->data(Qt::UserRole).toLongLong(), c.added);
                    QCOMPARE(table->item(row, 2)->data(Qt::UserRole).toLongLong(), c.updated);
                }
            QVERIFY(sawTeachers);
            QVERIFY(dialog.message().contains(QStringLiteral("Nothing has been changed yet")));
            QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
            shoot(&dialog, QStringLiteral("receive-dryrun"));
            dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        }
        QCOMPARE(countReceived(national), 0);
        QCOMPARE(test::fileBytes(national), before);

        ReceivePackageDialog dialog(db.value().get(), package, nullptr);
        QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() == ReceivePackageDialog::State::Ready; }, 60000));
        const qint64 expected = dialog.result()->summary.changedRows();
        QVERIFY(expected > 0);
        dialog.findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
        QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() != ReceivePackageDialog::State::Applying; }, 60000));
        QVERIFY2(dialog.applied(), qPrintable(dialog.message()));
        QCOMPARE(dialog.result()->summary.changedRows(), expected); // the dry run was exact
        QCOMPARE(countReceived(national), 1);

        // The Exchange page shows the package and centre 1's status.
        QUndoStack undo;
        ExchangePage page(&undo, nullptr);
        page.resize(1100, 700);
        page.show();
        page.setDatabase(db.value().get());
        QCOMPARE(page.logModel()->rowCount(), 1);
        QCOMPARE(page.logModel()->entry(0).peerCentre, 1);
        QVERIFY(!page.logModel()->entry(0).sent);
        QCOMPARE(page.logModel()->entry(0).rows, expected);
        QCOMPARE(page.centreModel()->entry(0).lastReceived, 1);
        QVERIFY(page.tabs()->isTabVisible(2)); // the national office sees the centres
        shoot(&page, QStringLiteral("page-packages"));

        // The same package again: nothing to do.
        ReceivePackageDialog twice(db.value().get(), package, nullptr);
        QVERIFY(QTest::qWaitFor([&twice] { return twice.state() != ReceivePackageDialog::State::Checking; }, 60000));
        QCOMPARE(twice.state(), ReceivePackageDialog::State::AlreadyReceived);
        QCOMPARE(countReceived(national), 1);
    }

    void refusalsChangeNothing()
    {
        const QString centre = m_work.copyOf(m_centre1);
        const QString dir = folder(QStringLiteral("refuse"));
        const QString first = sendWithDialog(centre, QStringLiteral("national"), dir);
        const QString second = sendWithDialog(centre, QStringLiteral("national"), dir);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        // A damaged copy of the first package.
        const QString damaged = QDir(dir).filePath(QStringLiteral("damaged.kopru-pkg"));
        QVERIFY(QFile::copy(first, damaged));
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            f.write(QByteArray(4096, '\x5a'));
        }
        // A package of a newer schema (its manifest says so).
        const QString newer = QDir(dir).filePath(QStringLiteral("newer.kopru-pkg"));
        QVERIFY(QFile::copy(first, newer));
        {
            QSqlDatabase edit = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
            edit.setDatabaseName(newer);
            QVERIFY(edit.open());
            QSqlQuery q(edit);
            QVERIFY(q.exec(QStringLiteral("UPDATE manifest SET value = '99' WHERE key = 'schema_version'")));
            QCOMPARE(q.numRowsAffected(), 1);
            q.finish();
            edit.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        const QString national = m_work.copyOf(m_national);
        auto db = Database::open(national);
        QVERIFY(db);
        // Applies the second package, so the first one is stale afterwards.
        {
            ReceivePackageDialog dialog(db.value().get(), second, nullptr);
            QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() == ReceivePackageDialog::State::Ready; }, 60000));
            dialog.apply();
            QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() == ReceivePackageDialog::State::Applied; }, 60000));
        }
        const QString other = m_work.copyOf(m_centre4);
        struct Case
        {
            QString db, package, reason;
        };
        const QList<Case> cases {
            { national, damaged, QStringLiteral("damaged") },
            { national, newer, QStringLiteral("newer Köprü") },
            { national, first, QStringLiteral("older") },
            { other, second, QStringLiteral("not for this database") },
            { national, QDir(dir).filePath(QStringLiteral("missing.kopru-pkg")), QStringLiteral("missing.kopru-pkg") },
        };
        for (const Case &c : cases) {
            auto target = c.db == national ? nullptr : Database::open(c.db).value().release();
            std::unique_ptr<Database> owned(target);
            Database *receiving = target ? target : db.value().get();
            const QByteArray before = test::fileBytes(c.db);
            ReceivePackageDialog dialog(receiving, c.package, nullptr);
            dialog.show();
            QVERIFY(QTest::qWaitFor([&dialog] { return dialog.state() != ReceivePackageDialog::State::Checking; }, 60000));
            QCOMPARE(dialog.state(), ReceivePackageDialog::State::Refused);
            QVERIFY2(dialog.message().contains(QStringLiteral("Nothing was changed")), qPrintable(dialog.message()));
            QVERIFY2(dialog.message().contains(c.reason, Qt::CaseInsensitive), qPrintable(dialog.message()));
            QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
            QCOMPARE(test::fileBytes(c.db), before);
            if (c.reason == QLatin1String("older"))
                shoot(&dialog, QStringLiteral("receive-refused"));
        }
    }

    void pageResolvesAConflictWithUndoAndRedo()
    {
        const QString national = m_work.copyOf(m_national);
        const QString c1 = m_work.copyOf(m_centre1), c4 = m_work.copyOf(m_centre4);
        const QString reg
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        QVERIFY(Work::change(c1, { reg.arg(QStringLiteral("Şükrü")).arg(1) }));
        QVERIFY(Work::change(c4, { reg.arg(QStringLiteral("Şükran")).arg(4) }));
        const QString uid4
            = Work::value(c4, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        const QString dir = folder(QStringLiteral("conflict"));
        for (const QString &centre : { c1, c4 }) {
            const QString package = sendWithDialog(centre, QStringLiteral("national"), dir);
            QVERIFY(!package.isEmpty());
            QVERIFY(Work::receive(national, package));
        }
        auto db = Database::open(national);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QUndoStack undo;
        ExchangePage page(&undo, nullptr);
        page.resize(1100, 700);
        page.show();
        page.setDatabase(db.value().get());
        page.tabs()->setCurrentIndex(1);
        ReviewListModel *review = page.reviewModel();
        const int id = scalar(c, QStringLiteral("SELECT id FROM review_item WHERE kind = 'duplicate_teacher'")).toInt();
        const int row = review->rowOf(id);
        QVERIFY(row >= 0);
        QVERIFY(page.tabs()->tabText(1).contains(QString::number(review->openCount())));
        // Selecting the item offers the decisions that fit it.
        auto *keep = page.findChild<QPushButton *>(QStringLiteral("resolve_keep"));
        auto *keepAll = page.findChild<QPushButton *>(QStringLiteral("resolve_keep_all"));
        QVERIFY(keep && keepAll);
        QVERIFY(!keep->isEnabled());
        page.reviewView()->selectRow(row);
        QVERIFY(keep->isEnabled());
        QVERIFY(!keepAll->isEnabled());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("resolve_merge"))->isEnabled());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("resolve_reject"))->isEnabled());
        shoot(&page, QStringLiteral("page-review"));

        auto teacher
            = [&c] { return scalar(c, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString(); };
        auto status = [&c, id] {
            return scalar(c, QStringLiteral("SELECT status || ' ' || resolution FROM review_item WHERE id = %1").arg(id))
                .toString();
        };
        QVERIFY(teacher().isEmpty());
        QVERIFY(page.resolve(row, ResolveReviewCommand::Action::Keep, uid4).ok());
        QCOMPARE(undo.count(), 1);
        QCOMPARE(status(), QStringLiteral("resolved keep"));
        QCOMPARE(teacher(), uid4);
        QCOMPARE(review->item(review->rowOf(id)).status, QStringLiteral("resolved"));
        QVERIFY(!keep->isEnabled()); // resolved: nothing more to decide
        undo.undo();
        QCOMPARE(status(), QStringLiteral("open "));
        QVERIFY(teacher().isEmpty());
        QCOMPARE(review->item(review->rowOf(id)).status, QStringLiteral("open"));
        undo.redo();
        QCOMPARE(status(), QStringLiteral("resolved keep"));
        QCOMPARE(teacher(), uid4);
        QCOMPARE(review->item(review->rowOf(id)).resolution, QStringLiteral("keep"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // A decision that does not fit is refused and never reaches the stack.
        QVERIFY(!page.resolve(review->rowOf(id), ResolveReviewCommand::Action::Reject).ok());
        QCOMPARE(undo.count(), 1);
    }

    void aCentreProposesACorrectionFromTheTeachersPage()
    {
        const QString centre = m_work.copyOf(m_centre1);
        const QString national = m_work.copyOf(m_national);
        int teacher = 0;
        QString oldName;
        {
            auto db = Database::open(centre);
            QVERIFY(db);
            const QSqlDatabase c = db.value()->connection();
            // A teacher the national office registered: its identity is the national office's.
            teacher = scalar(c, QStringLiteral("SELECT min(id) FROM teacher WHERE owner_centre_id IS NULL")).toInt();
            QVERIFY(teacher > 0);
            oldName = scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(teacher)).toString();
            QUndoStack undo;
            TeachersPage page(&undo, nullptr);
            page.setDatabase(db.value().get());
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.browser()->selectId(teacher);
            QCOMPARE(page.browser()->currentId(), teacher);
            QVERIFY(!TeachersPage::correctableColumns().contains(QStringLiteral("school_id")));

            // Editing the value in the table is refused and names the way to propose.
            QSignalSpy status(&page, &Page::statusMessage);
            const QModelIndex cell = page.browser()->view()->currentIndex().siblingAtColumn(TeacherTableModel::LastName);
            QVERIFY(!page.browser()->proxy()->setData(cell, QStringLiteral("Yılmazer"), Qt::EditRole));
            QVERIFY(!status.isEmpty());
            QVERIFY2(status.last().at(0).toString().contains(QStringLiteral("Propose Correction")),
                qPrintable(status.last().at(0).toString()));

            // The form refuses the value the national office has, then records the new one.
            QString firstProblem;
            bool filled = false;
            std::function<void()> fill = [&] {
                auto *dialog = qobject_cast<RecordDialog *>(QApplication::activeModalWidget());
                if (!dialog) {
                    QTimer::singleShot(20, this, fill);
                    return;
                }
                auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("last_name"));
                auto *note = dialog->findChild<QLineEdit *>(QStringLiteral("note"));
                QVERIFY(value && note);
                QCOMPARE(value->text(), oldName); // the current value is the starting point
                QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("intro"))->text().contains(oldName));
                note->setText(QStringLiteral("Nüfus kaydında soyadı değişti"));
                dialog->accept();
                firstProblem = dialog->findChild<QLabel *>(QStringLiteral("problem"))->text();
                QVERIFY(dialog->isVisible());
                value->setText(QStringLiteral("Işıkçı-Öztürk"));
                dialog->accept();
                filled = true;
            };
            QTimer::singleShot(0, this, fill);
            page.askCorrection(QStringLiteral("last_name"));
            QVERIFY(filled);
            QVERIFY(firstProblem.contains(QStringLiteral("national office has now")));
            QCOMPARE(undo.count(), 1);
            QCOMPARE(scalar(c,
                         QStringLiteral("SELECT column_name || '=' || proposed_value || ' ' || note FROM proposal "
                                        "WHERE teacher_id = %1")
                             .arg(teacher))
                         .toString(),
                QStringLiteral("last_name=Işıkçı-Öztürk Nüfus kaydında soyadı değişti"));
            // The teacher itself is unchanged: the national office decides.
            QCOMPARE(scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(teacher)).toString(), oldName);
            const QString uid = scalar(c, QStringLiteral("SELECT uid FROM proposal")).toString();
            undo.undo();
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM proposal")).toInt(), 0);
            undo.redo();
            QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM proposal")).toString(), uid);
        }
        // It travels to the national office and waits there on the review list.
        const QString package = sendWithDialog(centre, QStringLiteral("national"), folder(QStringLiteral("proposal")));
        QVERIFY(!package.isEmpty());
        QVERIFY(Work::receive(national, package));
        QCOMPARE(Work::value(
                     national, QStringLiteral("SELECT count(*) FROM review_item WHERE kind = 'correction' AND status = 'open'"))
                     .toInt(),
            1);
    }

    void aCentreSeesNoDecisionsOrCentreTable()
    {
        auto db = Database::open(m_work.copyOf(m_centre1));
        QVERIFY(db);
        QUndoStack undo;
        ExchangePage page(&undo, nullptr);
        page.show();
        page.setDatabase(db.value().get());
        QVERIFY(!page.tabs()->isTabVisible(2));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("resolve_keep"))->isHidden());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("exchangeRole"))->text().contains(QStringLiteral("Centre 1")));
    }
};

QTEST_MAIN(TestExchangeGui)
#include "tst_exchangegui.moc"
