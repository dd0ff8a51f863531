// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QFutureWatcher>
#include <QObject>

namespace kopru {

class Database;

// The automatic backup made when a database is opened, on another thread, so
// that the window shows the database at once: copying a 100,000-teacher
// database (200 MB) takes several seconds, during which the window used to
// stay blank. The copy is a verified one of the state the file had when it
// was opened (BackupManager::backupBeforeChange: copied again when an edit
// lands during the copy); backups of this process never run two at a time.
class BackgroundBackup final : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundBackup(QObject *parent = nullptr);
    ~BackgroundBackup() override;

    // Starts the backup of `db` unless the newest backup is current. `db`
    // must stay open until finished() or wait().
    void start(const Database &db);
    bool isRunning() const { return m_watcher.isRunning(); }
    // Blocks until the running backup (if any) is done; its result is still
    // reported by finished().
    void wait();

signals:
    // `path`: the database; `result`: failure reason, or success.
    void finished(const QString &path, const Status &result);

private:
    void report(); // finished(), once per start()

    QFutureWatcher<Status> m_watcher;
    QString m_path;
    bool m_reported = true;
};

} // namespace kopru
