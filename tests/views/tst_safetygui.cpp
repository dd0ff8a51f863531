// SPDX-License-Identifier: GPL-3.0-or-later
// The data-safety dialogs, driven offscreen: backup/restore through the
// dialog, a database locked by another window, a read-only file, a damaged
// file that offers its backups.
#include "models/db/integritycheck.h"
#include "models/domain/nationalid.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"
#include "tests/common/testutil.h"
#include "views/safety/openguard.h"
#include "views/safety/restorebackupdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLockFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <deque>
#include <functional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace kopru;
using kopru::test::scalar;

namespace {

// Answers the modal dialogs that appear, one handler per dialog, in order.
// Failures are collected (QVERIFY cannot leave a nested event loop).
class ModalDriver : public QObject
{
public:
    using Handler = std::function<void(QWidget *modal, QStringList &failures)>;

    explicit ModalDriver(std::deque<Handler> handlers)
        : m_handlers(std::move(handlers))
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, &ModalDriver::poll);
        m_timer.start();
    }
    QStringList failures;
    QStringList seen; // object names of the dialogs in the order they appeared
    bool allHandled() const { return m_handlers.empty(); }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == m_last)
            return;
        m_last = modal;
        seen << modal->objectName();
        if (m_handlers.empty()) {
            failures << QStringLiteral("unexpected dialog %1").arg(modal->objectName());
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            return;
        }
        Handler h = std::move(m_handlers.front());
        m_handlers.pop_front();
        h(modal, failures);
    }

    QTimer m_timer;
    QWidget *m_last = nullptr;
    std::deque<Handler> m_handlers;
};

ModalDriver::Handler clickButton(const char *dialogName, const char *buttonName, const QString &textMustContain = {})
{
    return [=](QWidget *modal, QStringList &failures) {
        if (modal->objectName() != QLatin1String(dialogName))
            failures << QStringLiteral("expected %1, got %2").arg(QLatin1String(dialogName), modal->objectName());
        if (auto *box = qobject_cast<QMessageBox *>(modal);
            box && !textMustContain.isEmpty() && !box->text().contains(textMustContain))
            failures << QStringLiteral("%1 does not mention \"%2\": %3").arg(modal->objectName(), textMustContain, box->text());
        auto *button = modal->findChild<QAbstractButton *>(QLatin1String(buttonName));
        if (!button) {
            failures << QStringLiteral("%1 has no button %2").arg(modal->objectName(), QLatin1String(buttonName));
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            return;
        }
        if (!button->isEnabled())
            failures << QStringLiteral("%1: button %2 is disabled").arg(modal->objectName(), QLatin1String(buttonName));
        button->click();
    };
}

ModalDriver::Handler chooseBackup(int row, int expectedRows, const QString &screenshot = {})
{
    return [=](QWidget *modal, QStringList &failures) {
        auto *dialog = qobject_cast<RestoreBackupDialog *>(modal);
        if (!dialog) {
            failures << QStringLiteral("expected the restore dialog, got %1").arg(modal->objectName());
            return;
        }
        if (dialog->backupCount() != expectedRows)
            failures << QStringLiteral("the dialog lists %1 backups, expected %2").arg(dialog->backupCount()).arg(expectedRows);
        dialog->table()->selectRow(row);
        if (!screenshot.isEmpty())
            dialog->grab().save(screenshot);
        auto *restore = dialog->findChild<QPushButton *>(QStringLiteral("restoreButton"));
        if (!restore) {
            failures << QStringLiteral("no restore button");
            dialog->reject();
            return;
        }
        restore->click();
    };
}

void fillTeachers(QSqlDatabase db, int n)
{
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Gazi MTAL', 6)")));
    for (int i = 0; i < n; ++i) {
        const QString id = NationalId::withCheckDigits(QString::number(100000000 + i * 7919));
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, school_id, province_id) "
                           "VALUES (?, 'Ayşe', ?, 1, 1, 6)"),
            { id, QStringLiteral("Öğretmen %1").arg(i) }));
    }
}

int teachers(const Database &db)
{
    return scalar(db.connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt();
}

void damage(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 16 * 4096);
    for (qint64 pos = 4 * 4096; pos < size; pos += 3 * 4096) {
        f.seek(pos);
        f.write(QByteArray(2048, '\xA5'));
    }
}

} // namespace

class TestSafetyGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("gui%1.kopru").arg(++m_n)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(BackupManager::defaultRoot()).removeRecursively();
        QVERIFY(m_dir.isValid());
    }

    void openingMakesOneBackupAndLocks()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTeachers(db->connection(), 50);
        }
        ModalDriver driver({});
        auto db = openDatabaseInteractive(path, nullptr);
        QVERIFY(db);
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QVERIFY(!db->isReadOnly());
        const QList<BackupInfo> backups = BackupManager().list(path);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().reason, QStringLiteral("open"));
        // This window holds the lock now.
        const auto owner = InstanceLock::owner(path);
        QVERIFY(owner && owner->isThisProcess());
        // Reopening in the same process is not "another window".
        db.reset();
        auto again = openDatabaseInteractive(path, nullptr);
        QVERIFY(again);
        QCOMPARE(BackupManager().list(path).size(), 1); // nothing changed since
        again.reset();
        releaseDatabaseLock(path);
        QVERIFY(!QFile::exists(InstanceLock::lockPathFor(path)));
    }

    void lockedDatabaseOffersReadOnly_data()
    {
        QTest::addColumn<bool>("acceptReadOnly");
        QTest::newRow("open read-only") << true;
        QTest::newRow("cancel") << false;
    }
    void lockedDatabaseOffersReadOnly()
    {
        QFETCH(bool, acceptReadOnly);
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QLockFile otherWindow(InstanceLock::lockPathFor(path));
        QVERIFY(otherWindow.tryLock(0));

        ModalDriver driver({ clickButton(
            "lockedMessage", acceptReadOnly ? "openReadOnlyButton" : "cancelButton", QStringLiteral("another Köprü window")) });
        auto db = openDatabaseInteractive(path, nullptr);
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QCOMPARE(driver.seen, QStringList { QStringLiteral("lockedMessage") });
        if (acceptReadOnly) {
            QVERIFY(db);
            QVERIFY(db->isReadOnly());
            QVERIFY(!Sql::exec(db->connection(), QStringLiteral("INSERT INTO school(name, province_id) VALUES ('x', 6)")));
        } else {
            QVERIFY(!db);
        }
        // No backup is made of a file another window is working on.
        QCOMPARE(BackupManager().list(path).size(), 0);
        // The other window keeps its lock.
        QVERIFY(otherWindow.isLocked());
    }

    void readOnlyFileOpensReadOnly()
    {
#ifdef Q_OS_UNIX
        if (::geteuid() == 0)
            QSKIP("running as root: every file is writable");
#endif
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
        ModalDriver driver({ clickButton("readOnlyMessage", "", QStringLiteral("read-only")) });
        auto db = openDatabaseInteractive(path, nullptr);
        QVERIFY(db);
        QVERIFY(db->isReadOnly());
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    }

    void backupAndRestoreRoundTripThroughTheDialog()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTeachers(db->connection(), 30);
        }
        auto db = openDatabaseInteractive(path, nullptr); // backup "on open": 30 teachers
        QVERIFY(db);
        QThread::msleep(20);
        QVERIFY(Sql::exec(db->connection(), QStringLiteral("UPDATE teacher SET notes = 'x' WHERE id = 1")));
        QVERIFY(BackupManager().backupBeforeChange(*db, QStringLiteral("import")));
        QVERIFY(Sql::exec(db->connection(), QStringLiteral("DELETE FROM teacher WHERE id > 10")));
        QCOMPARE(teachers(*db), 10);

        bool closed = false;
        // KOPRU_SCREENSHOTS=DIR saves the dialog as DIR/restorebackupdialog.png.
        const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOTS");
        ModalDriver driver(
            { chooseBackup(1, 2, shots.isEmpty() ? QString() : QDir(shots).filePath(QStringLiteral("restorebackupdialog.png"))),
                clickButton("confirmRestoreMessage", "confirmRestoreButton") });
        const RestoreOutcome outcome = restoreBackupInteractive(path, nullptr, [&] {
            closed = true;
            db.reset();
        });
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QCOMPARE(int(outcome), int(RestoreOutcome::Restored));
        QVERIFY(closed);

        auto reopened = openDatabaseInteractive(path, nullptr);
        QVERIFY(reopened);
        QCOMPARE(teachers(*reopened), 30);
        // The state before the restore (10 teachers) is kept; reopening the
        // restored file backed it up again.
        const QList<BackupInfo> backups = BackupManager().list(path);
        QCOMPARE(backups.size(), 4);
        QCOMPARE(backups.at(0).reason, QStringLiteral("open"));
        QCOMPARE(backups.at(1).reason, QStringLiteral("before-restore"));
        auto before = Database::open(backups.at(1).path);
        QVERIFY(before);
        QCOMPARE(teachers(*before.value()), 10);
        reopened.reset();
        releaseDatabaseLock(path);
    }

    void cancellingTheDialogChangesNothing()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QVERIFY(BackupManager().backup(path, QStringLiteral("manual")));
        bool closed = false;
        ModalDriver driver({ [](QWidget *modal, QStringList &) {
            if (auto *d = qobject_cast<QDialog *>(modal))
                d->reject();
        } });
        const RestoreOutcome outcome = restoreBackupInteractive(path, nullptr, [&] { closed = true; });
        QCOMPARE(int(outcome), int(RestoreOutcome::Cancelled));
        QVERIFY(!closed);
        QCOMPARE(BackupManager().list(path).size(), 1);
    }

    void damagedFileOffersRestore()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTeachers(db->connection(), 400);
        }
        {
            auto db = openDatabaseInteractive(path, nullptr); // makes the backup
            QVERIFY(db);
        }
        releaseDatabaseLock(path);
        damage(path);

        ModalDriver driver({
            [](QWidget *modal, QStringList &failures) {
                // Depending on what was hit, opening fails or the check does.
                const QString name = modal->objectName();
                if (name != QLatin1String("integrityMessage") && name != QLatin1String("openFailedMessage"))
                    failures << QStringLiteral("unexpected first dialog %1").arg(name);
                if (name == QLatin1String("integrityMessage")
                    && !modal->findChild<QAbstractButton *>(QStringLiteral("openReadOnlyButton")))
                    failures << QStringLiteral("no read-only choice");
                if (auto *b = modal->findChild<QAbstractButton *>(QStringLiteral("restoreBackupButton")))
                    b->click();
                else
                    failures << QStringLiteral("no restore choice");
            },
            chooseBackup(0, 1),
            clickButton("confirmRestoreMessage", "confirmRestoreButton"),
        });
        auto db = openDatabaseInteractive(path, nullptr);
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QVERIFY(driver.allHandled());
        QVERIFY(db);
        QCOMPARE(teachers(*db), 400);
        QVERIFY(checkIntegrity(db->connection(), true).ok());
        db.reset();
        releaseDatabaseLock(path);
    }

    void damagedFileCanBeOpenedReadOnlyWithoutBackups()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTeachers(db->connection(), 400);
        }
        damage(path);
        ModalDriver driver({ [](QWidget *modal, QStringList &failures) {
            if (modal->findChild<QAbstractButton *>(QStringLiteral("restoreBackupButton")))
                failures << QStringLiteral("restore offered without backups");
            if (auto *d = qobject_cast<QDialog *>(modal))
                d->reject();
        } });
        auto db = openDatabaseInteractive(path, nullptr);
        QVERIFY(!db);
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QCOMPARE(driver.seen.size(), 1);
        releaseDatabaseLock(path);
    }

    void restoreActionInAFileMenu()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QVERIFY(BackupManager().backup(path, QStringLiteral("manual")));
        QWidget window;
        QMenu menu;
        QString reopened;
        bool closed = false;
        QAction *action = addRestoreBackupAction(
            &menu, &window, [&] { return path; }, [&] { closed = true; },
            [&](const QString &p) {
                reopened = p;
                return true;
            });
        QVERIFY(action);
        QCOMPARE(menu.actions().size(), 1);
        QVERIFY(!action->text().isEmpty());
        ModalDriver driver({ chooseBackup(0, 1), clickButton("confirmRestoreMessage", "confirmRestoreButton") });
        action->trigger();
        QVERIFY2(driver.failures.isEmpty(), qPrintable(driver.failures.join(QLatin1Char('\n'))));
        QVERIFY(closed);
        QCOMPARE(reopened, path);
    }

    // Issue #18: the restore confirmation names the backup's time in local time,
    // in the UI language's format, to the second, without "UTC".
    void backupTimeIsLocalAndInTheLanguagesFormat_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("month");
        QTest::newRow("Turkish") << QLocale(QLocale::Turkish, QLocale::Turkey) << QStringLiteral("Aralık");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedKingdom) << QStringLiteral("December");
    }

    void backupTimeIsLocalAndInTheLanguagesFormat()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, month);
        QLocale::setDefault(locale);
        const QDateTime local(QDate(2026, 12, 6), QTime(8, 25, 5));
        const QString text = RestoreBackupDialog::timeText(local);
        const QString atUtc = RestoreBackupDialog::timeText(local.toUTC());
        QLocale::setDefault(QLocale::c());
        QVERIFY2(text.contains(month) && text.contains(QStringLiteral("2026")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("08:25:05")) || text.contains(QStringLiteral("8:25:05")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("UTC")) && !text.contains(QStringLiteral("GMT")), qPrintable(text));
        QCOMPARE(atUtc, text); // the same moment given in UTC is shown in local time
        QCOMPARE(text, text.simplified());
    }
};

QTEST_MAIN(TestSafetyGui)
#include "tst_safetygui.moc"
