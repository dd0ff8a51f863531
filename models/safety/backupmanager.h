// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace kopru {

class Database;

// One automatic backup of a database.
struct BackupInfo
{
    QString path;
    QDateTime created; // local time, from the file name
    qint64 size = 0;
    QString reason; // "open", "import", "plan", "migration", "restore", "manual", …
};

// Automatic backups: consistent copies (VACUUM INTO, through a separate
// read-only connection, so the application's own connection may be busy)
// kept in <AppDataLocation>/backups/<database base name>/ with timestamped
// names "<base>_yyyyMMdd-HHmmss-zzz_<reason>.kopru"; only the newest `keep`
// are kept. Restoring replaces the database file atomically after the copy has
// been verified, and only while no other Köprü process holds the database.
//
// Call backupBeforeChange() before every import, plan run and migration.
class BackupManager final
{
public:
    static constexpr int kDefaultKeep = 10;

    explicit BackupManager(QString root = defaultRoot(), int keep = kDefaultKeep);

    // <AppDataLocation>/backups (per user; QStandardPaths).
    static QString defaultRoot();
    const QString &root() const { return m_root; }
    int keep() const { return m_keep; }
    // The folder holding the backups of `databasePath`.
    QString folderFor(const QString &databasePath) const;

    // Backups of `databasePath`, newest first.
    QList<BackupInfo> list(const QString &databasePath) const;

    // Writes a new backup of the database file and prunes old ones. `reason`
    // is a short lower-case token (letters, digits, '-').
    Expected<BackupInfo> backup(const QString &databasePath, const QString &reason);
    // The same for an open database; call before writing (import, plan, …).
    // Skipped when the newest backup already holds the current state. Uses
    // only the path and access mode of `db` (never its connection), so it may
    // run on another thread while `db` reads; `db` must stay open until it
    // returns.
    Status backupBeforeChange(const Database &db, const QString &reason);
    // Before opening for writing: backs up a file whose schema is older than
    // this program's (it is about to be migrated). Does nothing otherwise.
    Status backupBeforeMigration(const QString &databasePath);
    // On open: backs up unless the newest backup is already newer than every
    // change to the file (so opening the same file again costs nothing).
    Status backupOnOpen(const QString &databasePath);
    bool hasCurrentBackup(const QString &databasePath) const;

    // Deletes all but the newest `keep` backups of `databasePath`.
    Status prune(const QString &databasePath) const;

    // Replaces `targetPath` by the backup `backupPath`: verifies the backup,
    // saves the current file as a "before-restore" backup, copies the backup to
    // a temporary file next to the target, verifies the copy and renames it
    // over the target. The target must be closed in this process; if another
    // process holds its lock, nothing is done.
    Status restore(const QString &backupPath, const QString &targetPath);

    // Translated text for a reason token ("on open", "before import", …).
    static QString reasonText(const QString &reason);

private:
    QString newBackupPath(const QString &databasePath, const QString &reason) const;
    // backup(); `sourceOpenForWriting`: the database is open for writing in
    // this process (a faster copy is then safe, see vacuumInto()).
    Expected<BackupInfo> write(const QString &databasePath, const QString &reason, bool sourceOpenForWriting);

    QString m_root;
    int m_keep;
};

} // namespace kopru
