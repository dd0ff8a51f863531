// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/planrunner.h"

#include "models/db/database.h"
#include "models/safety/backupmanager.h"
#include "models/safety/backupmeanwhile.h"

#include <QCoreApplication>

namespace kopru {

PlanRunner::PlanRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<kopru::PlanResult>("kopru::PlanResult");
}

PlanRunner::~PlanRunner()
{
    cancel();
    wait();
}

void PlanRunner::wait()
{
    if (m_thread)
        m_thread->wait();
    // Deliver the queued finished() of a run that just ended.
    QCoreApplication::sendPostedEvents(this);
}

void PlanRunner::start(const QString &path, const PlanOptions &options)
{
    if (m_thread)
        return;
    m_cancel = false;
    m_thread = QThread::create([this, path, options] {
        bool ok = false, changedMeanwhile = false;
        QString message;
        PlanResult result;
        {
            auto db = Database::open(path);
            if (!db) {
                message = db.message();
            } else {
                // Data safety: a backup before every plan run (a server's
                // backups are pg_dump, docs/server.md). It is made on a second
                // thread while this one reads, solves and stores the plan in
                // its open transaction, as kopru-cli plan does: it reads the
                // last committed state, the state before the run, and the
                // plan is committed only once it is made and verified (else
                // rolled back, its error the run's). At 100,000 teachers the
                // backup takes about as long as reading the instance.
                const Database &database = *db.value();
                BackupMeanwhile backup = database.isServer() ? BackupMeanwhile() : BackupMeanwhile([&database] {
                    return BackupManager().backupBeforeChange(database, QStringLiteral("plan"));
                });
                PlanOptions run = options;
                run.beforeCommit = [&backup] { return backup.wait(); };
                auto r = Planner::run(
                    database.connection(), run,
                    [this](int percent) {
                        QMetaObject::invokeMethod(
                            this, [this, percent] { emit progress(percent); }, Qt::QueuedConnection);
                    },
                    &m_cancel, &changedMeanwhile);
                if (Status s = backup.wait(); !s) {
                    message = s.message();
                } else {
                    ok = r.ok();
                    if (ok)
                        result = std::move(r.value());
                    else
                        message = r.message();
                }
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, ok, changedMeanwhile, message, result] {
                m_changedMeanwhile = changedMeanwhile;
                if (m_thread) {
                    m_thread->wait();
                    m_thread->deleteLater();
                    m_thread = nullptr;
                }
                emit finished(ok, message, result);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

} // namespace kopru
