// SPDX-License-Identifier: GPL-3.0-or-later
#include "safety/backupmanager.h"

#include "db/database.h"
#include "db/schema.h"
#include "db/sql.h"
#include "safety/instancelock.h"
#include "safety/sqlitefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupManager)
};

const QString kTimeFormat = QStringLiteral("yyyyMMdd-HHmmss-zzz");

const QRegularExpression &backupNamePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^(.*)_(\d{8}-\d{6}-\d{3})_([a-z0-9-]+)\.kopru$)"));
    return re;
}

bool isValidReason(const QString &reason)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9-]{1,32}$"));
    return re.match(reason).hasMatch();
}

void restrictToOwner(const QString &path, bool isDir)
{
#ifdef Q_OS_UNIX
    QFile::setPermissions(path, isDir ? (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)
                                      : (QFile::ReadOwner | QFile::WriteOwner));
#else
    Q_UNUSED(path)
    Q_UNUSED(isDir)
#endif
}

// VACUUM INTO through its own connection: a consistent snapshot of the last
// committed state, whatever the application's connection is doing. VACUUM
// INTO only reads its source, but SQLite copies tables and indexes page by
// page (its transfer optimisation) only from a connection opened for
// writing; from a read-only one it rebuilds every b-tree row by row, about
// five times the CPU. So a read-write connection is used where the caller
// says that is harmless: the database is open for writing in this process
// anyway, so this connection is never the last one and closing it
// checkpoints nothing into the file.
Status vacuumInto(const QString &source, const QString &target, SqliteFile::Mode mode = SqliteFile::Mode::ReadOnly)
{
    SqliteFile file;
    if (Status s = file.open(source, mode); !s)
        return s;
    if (Status s = Sql::exec(file.connection(), QStringLiteral("VACUUM INTO ?"), {QDir::toNativeSeparators(target)}); !s) {
        QFile::remove(target);
        return Error{Text::tr("the backup could not be written: %1").arg(s.message()), source, 0, 0};
    }
    restrictToOwner(target, false);
    return {};
}

// Whether another process holds the lock of `databasePath`.
Status ensureNotOpenElsewhere(const QString &databasePath)
{
    if (!QFileInfo::exists(InstanceLock::lockPathFor(databasePath)))
        return {};
    QLockFile probe(InstanceLock::lockPathFor(databasePath));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return {};
    }
    if (const auto who = InstanceLock::owner(databasePath); who && who->isThisProcess())
        return {}; // our own lock: the caller closed the database before restoring
    if (const auto who = InstanceLock::owner(databasePath))
        return Error{Text::tr("the database is open in another Köprü window (%1); close it there first").arg(who->describe()),
                     databasePath, 0, 0};
    return Error{Text::tr("the database is open in another Köprü window; close it there first"), databasePath, 0, 0};
}

Status replaceFile(const QString &source, const QString &target)
{
    std::error_code ec;
    std::filesystem::rename(QFileInfo(source).filesystemAbsoluteFilePath(), QFileInfo(target).filesystemAbsoluteFilePath(), ec);
    if (ec)
        return Error{Text::tr("cannot replace the file: %1").arg(QString::fromStdString(ec.message())), target, 0, 0};
    return {};
}

} // namespace

BackupManager::BackupManager(QString root, int keep) : m_root(std::move(root)), m_keep(qMax(1, keep)) {}

QString BackupManager::defaultRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("backups"));
}

QString BackupManager::folderFor(const QString &databasePath) const
{
    return QDir(m_root).filePath(QFileInfo(databasePath).completeBaseName());
}

QList<BackupInfo> BackupManager::list(const QString &databasePath) const
{
    QList<BackupInfo> result;
    const QString base = QFileInfo(databasePath).completeBaseName();
    const QDir dir(folderFor(databasePath));
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.kopru")}, QDir::Files);
    for (const QFileInfo &f : files) {
        const auto m = backupNamePattern().match(f.fileName());
        if (!m.hasMatch() || m.captured(1) != base)
            continue;
        BackupInfo info;
        info.path = f.absoluteFilePath();
        info.created = QDateTime::fromString(m.captured(2), kTimeFormat);
        info.size = f.size();
        info.reason = m.captured(3);
        if (info.created.isValid())
            result.append(info);
    }
    std::sort(result.begin(), result.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.created != b.created ? a.created > b.created : a.path > b.path;
    });
    return result;
}

QString BackupManager::newBackupPath(const QString &databasePath, const QString &reason) const
{
    const QDir dir(folderFor(databasePath));
    const QString base = QFileInfo(databasePath).completeBaseName();
    QDateTime now = QDateTime::currentDateTime();
    // Names are unique and sort by time: step a millisecond on a collision.
    for (;;) {
        const QString name = QStringLiteral("%1_%2_%3.kopru").arg(base, now.toString(kTimeFormat), reason);
        if (!QFileInfo::exists(dir.filePath(name)))
            return dir.filePath(name);
        now = now.addMSecs(1);
    }
}

Expected<BackupInfo> BackupManager::backup(const QString &databasePath, const QString &reason)
{
    return write(databasePath, reason, false);
}

Expected<BackupInfo> BackupManager::write(const QString &databasePath, const QString &reason, bool sourceOpenForWriting)
{
    if (!isValidReason(reason))
        return Error{Text::tr("invalid backup reason \"%1\"").arg(reason), databasePath, 0, 0};
    const QString folder = folderFor(databasePath);
    if (!QDir().mkpath(folder))
        return Error{Text::tr("cannot create the backup folder %1").arg(QDir::toNativeSeparators(folder)), databasePath, 0, 0};
    restrictToOwner(folder, true);
    const QString target = newBackupPath(databasePath, reason);
    if (Status s = vacuumInto(databasePath, target, sourceOpenForWriting ? SqliteFile::Mode::ReadWrite : SqliteFile::Mode::ReadOnly); !s)
        return s.error();
    if (Status s = prune(databasePath); !s)
        return s.error();
    const auto m = backupNamePattern().match(QFileInfo(target).fileName());
    return BackupInfo{target, QDateTime::fromString(m.captured(2), kTimeFormat), QFileInfo(target).size(), reason};
}

Status BackupManager::backupBeforeChange(const Database &db, const QString &reason)
{
    // A backup newer than every change to the file already holds this state.
    if (hasCurrentBackup(db.path()))
        return {};
    auto made = write(db.path(), reason, !db.isReadOnly());
    return made ? Status() : Status(made.error());
}

Status BackupManager::backupBeforeMigration(const QString &databasePath)
{
    const auto version = SqliteFile::schemaVersion(databasePath);
    if (!version)
        return {}; // not readable: opening will report it
    if (version.value() <= 0 || version.value() >= Schema::kCurrentVersion)
        return {};
    auto made = backup(databasePath, QStringLiteral("migration"));
    return made ? Status() : Status(made.error());
}

bool BackupManager::hasCurrentBackup(const QString &databasePath) const
{
    const QList<BackupInfo> backups = list(databasePath);
    if (backups.isEmpty())
        return false;
    QDateTime changed = QFileInfo(databasePath).lastModified();
    // Opening a WAL database creates an empty -wal file: only one with content
    // tells of a change.
    if (const QFileInfo wal(databasePath + QStringLiteral("-wal")); wal.exists() && wal.size() > 0)
        changed = qMax(changed, wal.lastModified());
    return backups.first().created > changed;
}

Status BackupManager::backupOnOpen(const QString &databasePath)
{
    if (hasCurrentBackup(databasePath))
        return {};
    auto made = backup(databasePath, QStringLiteral("open"));
    return made ? Status() : Status(made.error());
}

Status BackupManager::prune(const QString &databasePath) const
{
    const QList<BackupInfo> backups = list(databasePath);
    for (int i = m_keep; i < backups.size(); ++i)
        if (!QFile::remove(backups.at(i).path))
            return Error{Text::tr("cannot delete the old backup"), backups.at(i).path, 0, 0};
    return {};
}

Status BackupManager::restore(const QString &backupPath, const QString &targetPath)
{
    if (Status s = SqliteFile::verify(backupPath); !s)
        return Error{Text::tr("the backup cannot be restored: %1").arg(s.error().message), backupPath, 0, 0};
    if (Status s = ensureNotOpenElsewhere(targetPath); !s)
        return s;

    // Keep what is there now, even when it is damaged.
    if (QFileInfo::exists(targetPath)) {
        if (auto saved = backup(targetPath, QStringLiteral("before-restore")); !saved) {
            const QString folder = folderFor(targetPath);
            const QString copy = newBackupPath(targetPath, QStringLiteral("damaged"));
            if (!QDir().mkpath(folder) || !QFile::copy(targetPath, copy))
                return Error{Text::tr("the current file could not be saved before restoring, so it was left alone: %1")
                                 .arg(saved.error().message),
                             targetPath, 0, 0};
            restrictToOwner(copy, false);
        }
    }

    const QFileInfo target(targetPath);
    QTemporaryFile temp(target.absoluteDir().filePath(target.fileName() + QStringLiteral(".restore-XXXXXX")));
    QFile source(backupPath);
    if (!temp.open() || !source.open(QIODevice::ReadOnly))
        return Error{Text::tr("cannot create a temporary file next to the database"), targetPath, 0, 0};
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || temp.write(chunk) != chunk.size())
            return Error{Text::tr("cannot copy the backup next to the database (disk full?)"), targetPath, 0, 0};
    }
    if (!temp.flush())
        return Error{Text::tr("cannot copy the backup next to the database (disk full?)"), targetPath, 0, 0};
    const QString tempPath = temp.fileName();
    temp.close();
    if (Status s = SqliteFile::verify(tempPath); !s)
        return Error{Text::tr("the copy of the backup is damaged, nothing was changed: %1").arg(s.error().message), targetPath, 0, 0};
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = targetPath + QLatin1String(suffix);
        if (QFileInfo::exists(side) && !QFile::remove(side))
            return Error{Text::tr("cannot remove %1; is the database still open?").arg(QDir::toNativeSeparators(side)), targetPath, 0, 0};
    }
    if (Status s = replaceFile(tempPath, targetPath); !s)
        return s;
    temp.setAutoRemove(false);
    restrictToOwner(targetPath, false);
    return {};
}

QString BackupManager::reasonText(const QString &reason)
{
    static const std::pair<const char *, const char *> texts[] = {
        {"open", QT_TRANSLATE_NOOP("BackupManager", "on open")},
        {"import", QT_TRANSLATE_NOOP("BackupManager", "before import")},
        {"plan", QT_TRANSLATE_NOOP("BackupManager", "before plan run")},
        {"migration", QT_TRANSLATE_NOOP("BackupManager", "before upgrade")},
        {"before-restore", QT_TRANSLATE_NOOP("BackupManager", "before restore")},
        {"damaged", QT_TRANSLATE_NOOP("BackupManager", "damaged file kept")},
        {"manual", QT_TRANSLATE_NOOP("BackupManager", "manual")},
        {"purge", QT_TRANSLATE_NOOP("BackupManager", "before erasure")},
    };
    for (const auto &[token, text] : texts)
        if (reason == QLatin1String(token))
            return QCoreApplication::translate("BackupManager", text);
    return reason;
}

} // namespace kopru
