// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/safety/backgroundbackup.h"

#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/safety/backupmanager.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace kopru {

namespace {

// The check on a connection of this thread (a QSqlDatabase belongs to the
// thread that opened it), read-only: it never writes.
IntegrityReport checkFile(const QString &path)
{
    auto connection = Connection::open(path, Connection::Access::ReadOnly);
    if (!connection) {
        IntegrityReport report;
        report.problems << QCoreApplication::translate("IntegrityCheck", "the integrity check could not run: %1")
                               .arg(connection.error().message);
        return report;
    }
    return checkIntegrity(connection.value()->db(), true);
}

} // namespace

BackgroundBackup::BackgroundBackup(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<kopru::IntegrityReport>();
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BackgroundBackup::report);
}

BackgroundBackup::~BackgroundBackup()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void BackgroundBackup::start(const Database &db, Check check)
{
    wait();
    m_path = db.path();
    m_reported = false;
    const Database *source = &db;
    const bool backUp = !db.isReadOnly();
    m_watcher.setFuture(QtConcurrent::run([source, check, backUp] {
        Outcome outcome;
        if (check == Check::First)
            outcome.check = checkFile(source->path());
        if (outcome.check.ok() && backUp) {
            outcome.backup = BackupManager().backupBeforeChange(*source, QStringLiteral("open"));
            outcome.backedUp = true;
        }
        return outcome;
    }));
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
    const Outcome outcome = m_watcher.result();
    if (!outcome.check.ok())
        emit damaged(m_path, outcome.check);
    else if (outcome.backedUp)
        emit finished(m_path, outcome.backup);
}

} // namespace kopru
