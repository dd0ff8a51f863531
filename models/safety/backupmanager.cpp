// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/backupmanager.h"

#include "models/db/database.h"
#include "models/db/databasecopy.h"
#include "models/db/databasefile.h"
#include "models/db/schema.h"
#include "models/io/privatefile.h"
#include "models/safety/instancelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutexLocker>
#include <QRecursiveMutex>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupManager)
};

const QString kTimeFormat = QStringLiteral("yyyyMMdd-HHmmss-zzz");
const QString kOrigins = QStringLiteral("origins");
const QString kDamaged = QStringLiteral("damaged");

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

bool isIdentity(const QString &name)
{
    return !QUuid::fromString(name).isNull();
}

void restrictToOwner(const QString &path, bool isDir)
{
#ifdef Q_OS_UNIX
    QFile::setPermissions(
        path, isDir ? (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) : (QFile::ReadOwner | QFile::WriteOwner));
#else
    Q_UNUSED(path)
    Q_UNUSED(isDir)
#endif
}

Status makeFolder(const QString &folder, const QString &databasePath)
{
    if (!QDir().mkpath(folder))
        return Error { Text::tr("cannot create the backup folder %1").arg(QDir::toNativeSeparators(folder)), databasePath, 0, 0 };
    restrictToOwner(folder, true);
    return {};
}

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
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
        return Error { Text::tr("the database is open in another Köprü program (%1); close it there first").arg(who->describe()),
            databasePath, 0, 0 };
    return Error { Text::tr("the database is open in another Köprü program; close it there first"), databasePath, 0, 0 };
}

// Copies `from` into the open PrivateFile `to`.
Status copyInto(const QString &from, PrivateFile &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return Error { Text::tr("cannot read the file: %1").arg(source.errorString()), from, 0, 0 };
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() && !source.atEnd())
            return Error { Text::tr("cannot read the file: %1").arg(source.errorString()), from, 0, 0 };
        if (to.device().write(chunk) != chunk.size())
            return Error { Text::tr("cannot write the file: %1").arg(to.device().errorString()), to.target(), 0, 0 };
    }
    return {};
}

} // namespace

BackupManager::BackupManager(QString root, int keep)
    : m_root(std::move(root))
    , m_keep(qMax(1, keep))
{ }

QString BackupManager::defaultRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("backups"));
}

QString BackupManager::folderForId(const QString &databaseId) const
{
    return QDir(m_root).filePath(databaseId);
}

QString BackupManager::folderFor(const QString &databasePath) const
{
    if (const auto id = DatabaseFile::databaseId(databasePath); id && !id.value().isEmpty())
        return folderForId(id.value());
    // Unreadable (damaged) or older than the identity: the folder whose
    // backups were made from this path, the most recent one if several.
    const QString wanted = absolute(databasePath);
    QString best;
    QDateTime bestTime;
    const QFileInfoList folders = QDir(m_root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        if (!isIdentity(folder.fileName()))
            continue;
        QFile origins(QDir(folder.absoluteFilePath()).filePath(kOrigins));
        if (!origins.open(QIODevice::ReadOnly))
            continue;
        const QStringList paths = QString::fromUtf8(origins.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!paths.contains(wanted))
            continue;
        const QList<BackupInfo> backups = listFolder(folder.absoluteFilePath());
        const QDateTime newest = backups.isEmpty() ? QDateTime() : backups.first().created;
        if (best.isEmpty() || newest > bestTime) {
            best = folder.absoluteFilePath();
            bestTime = newest;
        }
    }
    return best;
}

QList<BackupInfo> BackupManager::listFolder(const QString &folder) const
{
    QList<BackupInfo> result;
    if (folder.isEmpty())
        return result;
    const QFileInfoList files = QDir(folder).entryInfoList({ QStringLiteral("*.kopru") }, QDir::Files);
    for (const QFileInfo &f : files) {
        // Only finished (verified) backups have this name; copies in
        // progress have a temporary one (PrivateFile).
        const auto m = backupNamePattern().match(f.fileName());
        if (!m.hasMatch())
            continue;
        BackupInfo info;
        info.path = f.absoluteFilePath();
        info.created = QDateTime::fromString(m.captured(2), kTimeFormat);
        info.size = f.size();
        info.reason = m.captured(3);
        info.databaseName = m.captured(1);
        if (info.created.isValid())
            result.append(info);
    }
    std::sort(result.begin(), result.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.created != b.created ? a.created > b.created : a.path > b.path;
    });
    return result;
}

QList<BackupInfo> BackupManager::list(const QString &databasePath) const
{
    return listFolder(folderFor(databasePath));
}

QString BackupManager::newBackupPath(const QString &folder, const QString &databasePath, const QString &reason) const
{
    const QDir dir(folder);
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

void BackupManager::rememberOrigin(const QString &folder, const QString &databasePath) const
{
    const QString path = QDir(folder).filePath(kOrigins);
    const QString line = absolute(databasePath);
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        if (QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')).contains(line))
            return;
        f.close();
    }
    if (f.open(QIODevice::Append)) {
        f.write((line + QLatin1Char('\n')).toUtf8());
        f.close();
        restrictToOwner(path, false);
    }
}

void BackupManager::removeLeftovers() const
{
    const QFileInfoList folders = QDir(m_root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        PrivateFile::removeLeftovers(folder.absoluteFilePath());
        PrivateFile::removeLeftovers(QDir(folder.absoluteFilePath()).filePath(kDamaged));
    }
}

namespace {
// One backup at a time in this process: the window's backup on open runs in
// the background and may meet an import's or a plan's own backup; the second
// waits and then usually finds the first's copy current. (Leftovers of this
// process are never removed while it runs, but two copies at once would also
// race in the rotation.)
QRecursiveMutex &backupLock()
{
    static QRecursiveMutex lock;
    return lock;
}
} // namespace

Expected<BackupInfo> BackupManager::backup(const QString &databasePath, const QString &reason)
{
    if (!isValidReason(reason))
        return Error { Text::tr("invalid backup reason \"%1\"").arg(reason), databasePath, 0, 0 };
    auto id = DatabaseFile::databaseId(databasePath);
    if (!id)
        return Error { Text::tr("no backup was made: %1").arg(id.error().message), databasePath, 0, 0 };
    if (id.value().isEmpty())
        return Error {
            Text::tr("no backup was made: the database is older than this program and gets its identity when it is upgraded"),
            databasePath, 0, 0
        };
    return write(databasePath, id.value(), reason, false);
}

Expected<BackupInfo> BackupManager::write(
    const QString &databasePath, const QString &databaseId, const QString &reason, bool sourceOpenForWriting, bool sourceChecked)
{
    if (!isValidReason(reason))
        return Error { Text::tr("invalid backup reason \"%1\"").arg(reason), databasePath, 0, 0 };
    const QMutexLocker locked(&backupLock());
    removeLeftovers();
    const QString folder = folderForId(databaseId);
    if (Status s = makeFolder(folder, databasePath); !s)
        return s.error();
    const QString target = newBackupPath(folder, databasePath, reason);
    DatabaseCopy::Options options;
    options.existing = PrivateFile::Existing::Refuse;
    options.sourceOpenForWriting = sourceOpenForWriting;
    options.holdWriters = !sourceOpenForWriting; // a writer's own backup: it may hold the lock itself
    options.sourceChecked = sourceOpenForWriting && sourceChecked;
    auto copied = DatabaseCopy::write(databasePath, target, options);
    if (!copied)
        return Error { Text::tr("the backup was not made: %1").arg(copied.error().toString()), databasePath, 0, 0 };
    if (!copied.value().databaseId.isEmpty() && copied.value().databaseId != databaseId) {
        // The file was replaced meanwhile by another database: file it right.
        QFile::remove(target);
        return Error { Text::tr("the backup was not made: the file changed its identity while it was copied"), databasePath, 0,
            0 };
    }
    rememberOrigin(folder, databasePath);
    if (Status s = pruneFolder(folder); !s)
        return s.error();
    const auto m = backupNamePattern().match(QFileInfo(target).fileName());
    return BackupInfo { target, QDateTime::fromString(m.captured(2), kTimeFormat), QFileInfo(target).size(), reason,
        m.captured(1) };
}

Status BackupManager::backupBeforeChange(const Database &db, const QString &reason)
{
    const QMutexLocker locked(&backupLock());
    // A backup newer than every change to the file already holds this state.
    if (hasCurrentBackup(db.path()))
        return {};
    auto id = DatabaseFile::databaseId(db.path());
    if (!id)
        return Error { Text::tr("no backup was made: %1").arg(id.error().message), db.path(), 0, 0 };
    auto made = write(db.path(), id.value(), reason, !db.isReadOnly());
    return made ? Status() : Status(made.error());
}

Status BackupManager::backupProvingSound(const Database &db, const QString &reason, bool *damaged)
{
    *damaged = false;
    const auto checkSource = [&db, damaged]() -> Status {
        Status s = DatabaseFile::verify(db.path(), DatabaseFile::Depth::QuickCheck);
        *damaged = !s;
        return s;
    };
    const QMutexLocker locked(&backupLock());
    if (hasCurrentBackup(db.path()))
        return checkSource();
    auto id = DatabaseFile::databaseId(db.path());
    if (!id) {
        if (Status s = checkSource(); !s)
            return s;
        return Error { Text::tr("no backup was made: %1").arg(id.error().message), db.path(), 0, 0 };
    }
    auto made = write(db.path(), id.value(), reason, !db.isReadOnly(), true);
    if (made)
        return {};
    // A damaged file fails the copy: told as the open check tells it.
    if (Status s = checkSource(); !s)
        return s;
    return made.error();
}

Expected<QString> BackupManager::backupBeforeMigration(const QString &databasePath)
{
    if (Status s = DatabaseFile::verify(databasePath, DatabaseFile::Depth::Header); !s)
        return QString(); // not openable: opening will report it
    const auto version = DatabaseFile::schemaVersion(databasePath);
    if (!version || version.value() >= Schema::kCurrentVersion)
        return QString();
    auto id = DatabaseFile::databaseId(databasePath);
    if (!id)
        return id.error();
    // An older file gets its identity now: the backup is filed under it and
    // the upgrade writes the same one into the file.
    const QString databaseId = id.value().isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id.value();
    auto made = write(databasePath, databaseId, QStringLiteral("migration"), false);
    if (!made)
        return made.error();
    return databaseId;
}

bool BackupManager::hasCurrentBackup(const QString &databasePath) const
{
    // Copies of a database share its identity and so its backups. Only a
    // backup made from a file of this name says anything about this file's
    // state: a newer backup of a copy (another name) is not this file's.
    // (A renamed file so makes one backup more, never one less.)
    const QString base = QFileInfo(databasePath).completeBaseName();
    const QList<BackupInfo> backups = list(databasePath);
    const auto newest
        = std::find_if(backups.cbegin(), backups.cend(), [&base](const BackupInfo &b) { return b.databaseName == base; });
    if (newest == backups.cend())
        return false;
    QDateTime changed = QFileInfo(databasePath).lastModified();
    // Opening a WAL database creates an empty -wal file: only one with content
    // tells of a change.
    if (const QFileInfo wal(databasePath + QStringLiteral("-wal")); wal.exists() && wal.size() > 0)
        changed = qMax(changed, wal.lastModified());
    return newest->created > changed;
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
    const QString folder = folderFor(databasePath);
    return folder.isEmpty() ? Status() : pruneFolder(folder);
}

Status BackupManager::pruneFolder(const QString &folder) const
{
    const QList<BackupInfo> backups = listFolder(folder);
    for (int i = m_keep; i < backups.size(); ++i)
        if (!QFile::remove(backups.at(i).path))
            return Error { Text::tr("cannot delete the old backup"), backups.at(i).path, 0, 0 };
    return {};
}

Status BackupManager::verifyBackup(const QString &backupPath, const QString &databaseId)
{
    if (Status s = DatabaseFile::verify(backupPath, DatabaseFile::Depth::QuickCheck); !s)
        return s;
    auto id = DatabaseFile::databaseId(backupPath);
    if (!id)
        return id.error();
    if (!databaseId.isEmpty() && !id.value().isEmpty() && id.value() != databaseId)
        return Error { Text::tr("this is a backup of another database"), backupPath, 0, 0 };
    return {};
}

Status BackupManager::keepDamaged(const QString &targetPath, const QString &folder) const
{
    const QString damaged = QDir(folder).filePath(kDamaged);
    if (Status s = makeFolder(damaged, targetPath); !s)
        return s;
    PrivateFile copy(newBackupPath(damaged, targetPath, kDamaged), PrivateFile::Existing::Refuse);
    if (Status s = copy.open(); !s)
        return s;
    if (Status s = copyInto(targetPath, copy); !s)
        return s;
    if (Status s = copy.commit(); !s)
        return s;
    const QList<BackupInfo> kept = listFolder(damaged);
    for (int i = kDamagedKeep; i < kept.size(); ++i)
        QFile::remove(kept.at(i).path);
    return {};
}

Status BackupManager::restore(const QString &backupPath, const QString &targetPath)
{
    auto backupId = DatabaseFile::databaseId(backupPath);
    if (Status s = DatabaseFile::verify(backupPath, DatabaseFile::Depth::QuickCheck); !s || !backupId)
        return Error { Text::tr("the backup cannot be restored: %1").arg(s ? backupId.error().message : s.error().message),
            backupPath, 0, 0 };
    // Another program's file (or an empty one) at the target is not replaced
    // unless backups were made from that path (a database damaged down to its
    // header): the restore names a database, and a wrong path must not cost
    // someone else's file.
    if (QFileInfo::exists(targetPath) && !DatabaseFile::verify(targetPath, DatabaseFile::Depth::Header)
        && folderFor(targetPath).isEmpty())
        return Error { Text::tr("this file is not a Köprü database and no backup was ever made from it, so the restore does not "
                                "replace it; nothing was changed (move the file away first to restore here)"),
            targetPath, 0, 0 };
    const auto targetId = QFileInfo::exists(targetPath) ? DatabaseFile::databaseId(targetPath) : Expected<QString>(QString());
    const QString currentId = targetId ? targetId.value() : QString();
    if (!currentId.isEmpty() && !backupId.value().isEmpty() && currentId != backupId.value())
        return Error { Text::tr(
                           "%1 is a backup of another database (its identity is %2, this database's is %3); nothing was changed")
                           .arg(QDir::toNativeSeparators(backupPath), backupId.value(), currentId),
            targetPath, 0, 0 };
    if (Status s = ensureNotOpenElsewhere(targetPath); !s)
        return s;
    // The identity the restored file keeps.
    const QString id = !currentId.isEmpty() ? currentId : backupId.value();

    // Keep what is there now, even when it is damaged.
    if (QFileInfo::exists(targetPath)) {
        if (auto saved = backup(targetPath, QStringLiteral("before-restore")); !saved) {
            QString folder = folderFor(targetPath);
            if (folder.isEmpty() && !id.isEmpty())
                folder = folderForId(id);
            if (folder.isEmpty() || !keepDamaged(targetPath, folder))
                return Error { Text::tr("the current file could not be saved before restoring, so it was left alone: %1")
                                   .arg(saved.error().message),
                    targetPath, 0, 0 };
        }
    }

    PrivateFile copy(targetPath, PrivateFile::Existing::Replace);
    if (Status s = copy.open(); !s)
        return s;
    if (Status s = copyInto(backupPath, copy); !s)
        return s;
    if (!copy.device().flush())
        return Error { Text::tr("cannot copy the backup next to the database (disk full?)"), targetPath, 0, 0 };
    // An older backup is upgraded in the copy, keeping the database's identity.
    if (auto version = DatabaseFile::schemaVersion(copy.temporaryPath()); version && version.value() < Schema::kCurrentVersion) {
        Database::Options options;
        options.databaseIdOnUpgrade = id;
        auto upgraded = Database::open(copy.temporaryPath(), options);
        if (!upgraded)
            return Error { Text::tr("the backup could not be upgraded, nothing was changed: %1").arg(upgraded.error().message),
                targetPath, 0, 0 };
    }
    if (Status s = DatabaseFile::verify(copy.temporaryPath(), DatabaseFile::Depth::QuickCheck); !s)
        return Error { Text::tr("the copy of the backup is damaged, nothing was changed: %1").arg(s.error().message), targetPath,
            0, 0 };
    for (const char *suffix : { "-wal", "-shm", "-journal" }) {
        const QString side = targetPath + QLatin1String(suffix);
        if (QFileInfo::exists(side) && !QFile::remove(side))
            return Error { Text::tr("cannot remove %1; is the database still open?").arg(QDir::toNativeSeparators(side)),
                targetPath, 0, 0 };
    }
    return copy.commit();
}

QString BackupManager::reasonText(const QString &reason)
{
    static const std::pair<const char *, const char *> texts[] = {
        { "open", QT_TRANSLATE_NOOP("BackupManager", "on open") },
        { "import", QT_TRANSLATE_NOOP("BackupManager", "before import") },
        { "plan", QT_TRANSLATE_NOOP("BackupManager", "before plan run") },
        { "migration", QT_TRANSLATE_NOOP("BackupManager", "before upgrade") },
        { "before-restore", QT_TRANSLATE_NOOP("BackupManager", "before restore") },
        { "manual", QT_TRANSLATE_NOOP("BackupManager", "manual") },
        { "purge", QT_TRANSLATE_NOOP("BackupManager", "before erasure") },
    };
    for (const auto &[token, text] : texts)
        if (reason == QLatin1String(token))
            return QCoreApplication::translate("BackupManager", text);
    return reason;
}

} // namespace kopru
