// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/safety/backgroundbackup.h"

#include "models/db/database.h"
#include "models/safety/backupmanager.h"

#include <QtConcurrent/QtConcurrentRun>

namespace kopru {

BackgroundBackup::BackgroundBackup(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, &BackgroundBackup::report);
}

BackgroundBackup::~BackgroundBackup()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void BackgroundBackup::start(const Database &db)
{
    wait();
    m_path = db.path();
    m_reported = false;
    const Database *source = &db;
    m_watcher.setFuture(
        QtConcurrent::run([source] { return BackupManager().backupBeforeChange(*source, QStringLiteral("open")); }));
}

void BackgroundBackup::wait()
{
    m_watcher.waitForFinished();
    report(); // now, not when the queued signal arrives (another database may be open by then)
}

void BackgroundBackup::report()
{
    if (m_reported || m_watcher.future().isCanceled() || !m_watcher.future().isFinished() || m_path.isEmpty())
        return;
    m_reported = true;
    emit finished(m_path, m_watcher.result());
}

} // namespace kopru
