// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/safety/openguard.h"

#include "models/db/database.h"
#include "models/db/integritycheck.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"
#include "models/safety/storagecheck.h"
#include "views/safety/restorebackupdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <map>

Q_LOGGING_CATEGORY(lcOpenGuard, "kopru.safety")

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(OpenGuard)
};

// Locks held by this process, by absolute path: reopening a file this window
// already holds must not be reported as "open elsewhere".
std::map<QString, std::unique_ptr<InstanceLock>> &heldLocks()
{
    static std::map<QString, std::unique_ptr<InstanceLock>> locks;
    return locks;
}

QString keyOf(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

void message(QWidget *parent, QMessageBox::Icon icon, const char *objectName, const QString &title, const QString &text,
    const QString &details = {})
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setObjectName(QLatin1String(objectName));
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}

enum class Choice { Cancel, ReadOnly, Restore };

// A message offering "open read-only" and, when `offerRestore`, "restore a backup".
Choice ask(QWidget *parent, const char *objectName, const QString &title, const QString &text, const QString &details,
    bool offerReadOnly, bool offerRestore)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QLatin1String(objectName));
    if (!details.isEmpty())
        box.setDetailedText(details);
    QPushButton *restore = nullptr;
    QPushButton *readOnly = nullptr;
    if (offerRestore) {
        restore = box.addButton(Text::tr("&Restore a Backup…"), QMessageBox::AcceptRole);
        restore->setObjectName(QStringLiteral("restoreBackupButton"));
    }
    if (offerReadOnly) {
        readOnly = box.addButton(Text::tr("Open &Read-Only"), QMessageBox::AcceptRole);
        readOnly->setObjectName(QStringLiteral("openReadOnlyButton"));
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(restore ? restore : readOnly ? readOnly : cancel);
    box.exec();
    if (restore && box.clickedButton() == restore)
        return Choice::Restore;
    if (readOnly && box.clickedButton() == readOnly)
        return Choice::ReadOnly;
    return Choice::Cancel;
}

std::unique_ptr<Database> openReadOnly(const QString &path, QWidget *parent)
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(path, options);
    if (!db) {
        message(parent, QMessageBox::Critical, "openFailedMessage", Text::tr("Cannot Open the Database"), db.message());
        return nullptr;
    }
    return std::move(db.value());
}

// One attempt; `restored` is set when the user restored a backup and the
// caller should try again.
std::unique_ptr<Database> attemptOpen(
    const QString &path, QWidget *parent, bool *restored, BackupOnOpen backup, CheckOnOpen check)
{
    *restored = false;
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.isFile()) {
        message(parent, QMessageBox::Critical, "openFailedMessage", Text::tr("Cannot Open the Database"),
            Text::tr("%1 does not exist or is not a file.").arg(shown));
        return nullptr;
    }
    if (const StorageRisk risk = StorageCheck::classify(path); risk.isRisky())
        message(parent, QMessageBox::Warning, "storageWarning", Text::tr("Database on a Shared or Synced Folder"),
            risk.warning(path));

    BackupManager backups;
    bool readOnly = !info.isWritable();
    if (readOnly)
        message(parent, QMessageBox::Information, "readOnlyMessage", Text::tr("Read-Only Database"),
            Text::tr("%1 is read-only (write-protected, or you lack the permission to change it). "
                     "It is opened read-only: you can look at the data and export it, but not change it.")
                .arg(shown));

    std::unique_ptr<InstanceLock> newLock;
    const bool alreadyHeld = heldLocks().count(keyOf(path)) > 0;
    if (!readOnly && !alreadyHeld) {
        newLock = std::make_unique<InstanceLock>(path);
        if (Status s = newLock->tryLock(); !s) {
            newLock.reset();
            const auto who = InstanceLock::owner(path);
            const QString text = Text::tr("%1 is already open in another Köprü window%2.\n\nTwo windows writing to the same "
                                          "database would overwrite each other's work. Switch to that window, or open the "
                                          "file read-only here.")
                                     .arg(shown, who ? QStringLiteral(" (") + who->describe() + QLatin1Char(')') : QString());
            if (ask(parent, "lockedMessage", Text::tr("Database in Use"), text, s.message(), true, false) != Choice::ReadOnly)
                return nullptr;
            readOnly = true;
        }
    }

    QString databaseIdOnUpgrade;
    if (!readOnly) {
        auto id = backups.backupBeforeMigration(path);
        if (!id) {
            message(parent, QMessageBox::Critical, "openFailedMessage", Text::tr("Cannot Open the Database"),
                Text::tr("The database must be upgraded, but no backup could be made first, so it was left alone.\n\n%1")
                    .arg(id.message()));
            return nullptr;
        }
        databaseIdOnUpgrade = id.value(); // the identity its backup was filed under
    }

    Database::Options options;
    options.access = readOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite;
    options.databaseIdOnUpgrade = databaseIdOnUpgrade;
    auto opened = Database::open(path, options);
    const bool haveBackups = !backups.list(path).isEmpty();
    if (!opened) {
        if (!haveBackups) {
            message(parent, QMessageBox::Critical, "openFailedMessage", Text::tr("Cannot Open the Database"), opened.message());
            return nullptr;
        }
        if (ask(parent, "openFailedMessage", Text::tr("Cannot Open the Database"),
                Text::tr("%1 cannot be opened. You can restore one of its automatic backups.").arg(shown), opened.message(),
                false, true)
            == Choice::Restore)
            *restored = restoreBackupInteractive(path, parent, {}, backups) == RestoreOutcome::Restored;
        return nullptr;
    }
    std::unique_ptr<Database> db = std::move(opened.value());

    if (check == CheckOnOpen::Now) {
        const IntegrityReport report = checkIntegrity(db->connection(), true);
        if (!report.ok()) {
            const DamageChoice choice = askAboutDamage(path, parent, report);
            db.reset();
            if (choice == DamageChoice::Restore) {
                *restored = restoreBackupInteractive(path, parent, {}, backups) == RestoreOutcome::Restored;
                return nullptr;
            }
            if (choice != DamageChoice::ReadOnly)
                return nullptr;
            return openReadOnly(path, parent); // the lock (if taken) is released with newLock
        }
    }

    if (!db->isReadOnly()) {
        if (Status s = backup == BackupOnOpen::Now ? backups.backupOnOpen(path) : Status(); !s)
            reportBackupOnOpenFailure(path, parent, s);
        if (newLock)
            heldLocks()[keyOf(path)] = std::move(newLock);
    }
    return db;
}

} // namespace

DamageChoice askAboutDamage(const QString &path, QWidget *parent, const IntegrityReport &report)
{
    qCWarning(lcOpenGuard) << "integrity check failed:" << report.problems.size() << "problems";
    const QString shown = QDir::toNativeSeparators(path);
    const bool haveBackups = !BackupManager().list(path).isEmpty();
    const QString text = haveBackups
        ? Text::tr("%1 failed its integrity check: the file is damaged or holds data that breaks Köprü's rules. "
                   "Restore a backup, or open it read-only to look at it and export what you need.")
              .arg(shown)
        : Text::tr("%1 failed its integrity check: the file is damaged or holds data that breaks Köprü's rules. "
                   "There is no backup of it; you can open it read-only to look at it and export what you need.")
              .arg(shown);
    switch (ask(parent, "integrityMessage", Text::tr("Damaged Database"), text,
        report.problems.mid(0, 50).join(QLatin1Char('\n')), true, haveBackups)) {
    case Choice::Restore:
        return DamageChoice::Restore;
    case Choice::ReadOnly:
        return DamageChoice::ReadOnly;
    case Choice::Cancel:
        break;
    }
    return DamageChoice::Close;
}

std::unique_ptr<Database> openDatabaseReadOnly(const QString &path, QWidget *parent)
{
    return openReadOnly(path, parent);
}

void reportBackupOnOpenFailure(const QString &path, QWidget *parent, const Status &failure)
{
    message(parent, QMessageBox::Warning, "backupFailedMessage", Text::tr("No Automatic Backup"),
        Text::tr("The automatic backup of %1 could not be made. You can go on working; "
                 "save a copy by hand to be safe.\n\n%2")
            .arg(QDir::toNativeSeparators(path), failure.message()));
}

std::unique_ptr<Database> openDatabaseInteractive(const QString &path, QWidget *parent, BackupOnOpen backup, CheckOnOpen check)
{
    // After a restore, the restored file goes through every check again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        bool restored = false;
        std::unique_ptr<Database> db = attemptOpen(path, parent, &restored, backup, check);
        if (db || !restored)
            return db;
    }
    return nullptr;
}

void releaseDatabaseLock(const QString &path)
{
    heldLocks().erase(keyOf(path));
}

QAction *addRestoreBackupAction(QMenu *fileMenu, QWidget *window, std::function<QString()> currentPath,
    std::function<void()> closeDatabase, std::function<bool(const QString &)> reopen)
{
    QAction *action = fileMenu->addAction(QCoreApplication::translate("OpenGuard", "Restore &Backup…"));
    action->setObjectName(QStringLiteral("restoreBackupAction"));
    action->setStatusTip(QCoreApplication::translate("OpenGuard", "Go back to one of the automatic backups of the database"));
    QObject::connect(action, &QAction::triggered, window, [=] {
        QString path = currentPath ? currentPath() : QString();
        const bool wasOpen = !path.isEmpty();
        if (!wasOpen) {
            path = QFileDialog::getOpenFileName(window, QCoreApplication::translate("OpenGuard", "Database to Restore"),
                QString(), QCoreApplication::translate("OpenGuard", "Köprü databases (*.kopru)"));
            if (path.isEmpty())
                return;
        }
        const auto close = [&] {
            if (wasOpen && closeDatabase)
                closeDatabase();
            releaseDatabaseLock(path);
        };
        if (restoreBackupInteractive(path, window, close) != RestoreOutcome::Cancelled && reopen)
            reopen(path);
    });
    return action;
}

} // namespace kopru
