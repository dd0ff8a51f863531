// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

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
    QString reason; // "open", "import", "plan", "migration", "before-restore", "manual", …
    QString databaseName; // base name of the file it was made from (copies share one folder)
};

// Automatic backups, filed under the database's identity (meta.database_id),
// not its file name, in
//     <AppDataLocation>/backups/<database_id>/<base>_yyyyMMdd-HHmmss-zzz_<reason>.kopru
// Each is a verified copy (DatabaseCopy: the source passes quick_check, the
// copy is written 0600 under a temporary name, checked — quick_check,
// application id, schema version, identity, row counts — and only then
// renamed). Only such files count as backups: in the list, in the rotation
// (the newest `keep` are kept) and for "is there a current backup". A
// damaged database is never backed up; the good backups stay. Temporary files
// of killed backups are removed by the next backup.
//
// Restoring replaces the database file atomically after the copy has been
// verified, and only while no other Köprü process holds the database.
//
// Call backupBeforeChange() before every import, plan run and erasure, and
// backupBeforeMigration() before opening an older file for writing.
class BackupManager final
{
public:
    static constexpr int kDefaultKeep = 10;
    // Damaged files kept when a restore replaces them (never listed as backups).
    static constexpr int kDamagedKeep = 3;

    explicit BackupManager(QString root = defaultRoot(), int keep = kDefaultKeep);

    // <AppDataLocation>/backups (per user; QStandardPaths).
    static QString defaultRoot();
    const QString &root() const { return m_root; }
    int keep() const { return m_keep; }
    // The folder of the backups of the database with this identity.
    QString folderForId(const QString &databaseId) const;
    // The folder holding the backups of `databasePath`: from the identity in
    // the file, or, when the file cannot be read (damaged), from the paths
    // earlier backups were made from. Empty when there is none.
    QString folderFor(const QString &databasePath) const;

    // Backups of `databasePath`, newest first.
    QList<BackupInfo> list(const QString &databasePath) const;
    QList<BackupInfo> listFolder(const QString &folder) const;

    // Writes a new backup of the database file and prunes old ones. `reason`
    // is a short lower-case token (letters, digits, '-').
    Expected<BackupInfo> backup(const QString &databasePath, const QString &reason);
    // The same for an open database; call before writing (import, plan, …).
    // Skipped when the newest backup already holds the current state. Uses
    // only the path and access mode of `db` (never its connection), so it may
    // run on another thread while `db` reads; `db` must stay open until it
    // returns.
    Status backupBeforeChange(const Database &db, const QString &reason);
    // The same for a writer that opened `db` without the storage check
    // (openForWriting with OpenCheck::ByBackup), holds its lock and has
    // written nothing: the backup proves the file sound instead. The copy
    // skips its quick_check of the source (DatabaseCopy::Options::
    // sourceChecked): reading every table and index of the source into it
    // fails on damaged pages, and the copy gets its own quick_check. When no
    // copy is needed (a current backup) or the copy fails, the source gets
    // the quick_check here; a damaged file then sets `*damaged` and returns
    // the open check's error (naming the file). What this does not see is
    // damage only in pages no table or index uses (the free list): the
    // fresh verified backup holds all the data then (docs/data-safety.md).
    Status backupProvingSound(const Database &db, const QString &reason, bool *damaged);
    // Before opening for writing: backs up a file whose schema is older than
    // this program's (it is about to be upgraded). Returns the database_id
    // the backup was filed under; a file older than the identity (schema 3)
    // gets it now: open it with Database::Options::databaseIdOnUpgrade set
    // to it. Returns an empty string (and does nothing) for a current file.
    Expected<QString> backupBeforeMigration(const QString &databasePath);
    // On open: backs up unless the newest backup is already newer than every
    // change to the file (so opening the same file again costs nothing).
    Status backupOnOpen(const QString &databasePath);
    bool hasCurrentBackup(const QString &databasePath) const;

    // Deletes all but the newest `keep` backups of `databasePath`.
    Status prune(const QString &databasePath) const;

    // Replaces `targetPath` by the backup `backupPath`: verifies the backup
    // (and that it is a backup of this database), saves the current file as
    // a "before-restore" backup (a damaged one is kept aside in the
    // "damaged" subfolder), copies the backup to a temporary file next to
    // the target, upgrades it if it is older, verifies the copy and renames
    // it over the target. The target must be closed in this process; if
    // another process holds its lock, nothing is done.
    Status restore(const QString &backupPath, const QString &targetPath);

    // Checks one backup now: an undamaged Köprü database of this identity.
    static Status verifyBackup(const QString &backupPath, const QString &databaseId);

    // Removes temporary files that killed backups left behind.
    void removeLeftovers() const;

    // Translated text for a reason token ("on open", "before import", …).
    static QString reasonText(const QString &reason);

private:
    // backup() under a known identity; `sourceOpenForWriting`: the database
    // is open for writing in this process (a faster copy is then safe).
    Expected<BackupInfo> write(const QString &databasePath, const QString &databaseId, const QString &reason,
        bool sourceOpenForWriting, bool sourceChecked = false);
    QString newBackupPath(const QString &folder, const QString &databasePath, const QString &reason) const;
    Status pruneFolder(const QString &folder) const;
    void rememberOrigin(const QString &folder, const QString &databasePath) const;
    Status keepDamaged(const QString &targetPath, const QString &folder) const;

    QString m_root;
    int m_keep;
};

} // namespace kopru
