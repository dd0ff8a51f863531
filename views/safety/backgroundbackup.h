// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/integritycheck.h"

#include <QFutureWatcher>
#include <QObject>

namespace kopru {

class Database;

// What is done to a database file when it is opened, on another thread, so
// that the window shows the database at once: its integrity check (PRAGMA
// quick_check and the domain checks, ~10 s on a 100,000-teacher database)
// and then its automatic backup (copying 200 MB takes several seconds). Both
// live here because a backup is only made of a file that passed its check.
// The check reads through a connection of its own (read-only); the copy is a
// verified one of the state the file had when it was opened
// (BackupManager::backupBeforeChange: copied again when an edit lands during
// the copy); the work of this process never runs two at a time.
class BackgroundBackup final : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundBackup(QObject *parent = nullptr);
    ~BackgroundBackup() override;

    enum class Check { No, First };
    // Starts the work for `db`: with Check::First its integrity check, then
    // (unless it failed or `db` is read-only) the backup, unless the newest
    // backup is current. `db` must stay open until finished() or wait().
    void start(const Database &db, Check check = Check::No);
    bool isRunning() const { return m_watcher.isRunning(); }
    // Blocks until the running work (if any) is done; its result is still
    // reported by finished() or damaged().
    void wait();

signals:
    // The backup of `path` is done (or was not needed): `result` is its failure reason, or success.
    void finished(const QString &path, const Status &result);
    // `path` failed its integrity check; no backup was made.
    void damaged(const QString &path, const kopru::IntegrityReport &report);

private:
    struct Outcome
    {
        IntegrityReport check;
        Status backup;
        bool backedUp = false; // a backup was attempted
    };
    void report(); // finished() or damaged(), once per start()

    QFutureWatcher<Outcome> m_watcher;
    QString m_path;
    bool m_reported = true;
};

} // namespace kopru
