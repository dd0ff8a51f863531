// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/planrunner.h"

#include "models/db/database.h"
#include "models/safety/backupmanager.h"

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
            } else if (Status s = db.value()->isServer()
                           ? Status() // a server's backups are pg_dump (docs/server.md)
                           : BackupManager().backupBeforeChange(*db.value(), QStringLiteral("plan"));
                       !s) {
                message = s.message(); // data safety: a backup before every plan run
            } else {
                auto r = Planner::run(
                    db.value()->connection(), options,
                    [this](int percent) {
                        QMetaObject::invokeMethod(
                            this, [this, percent] { emit progress(percent); }, Qt::QueuedConnection);
                    },
                    &m_cancel, &changedMeanwhile);
                ok = r.ok();
                if (ok)
                    result = std::move(r.value());
                else
                    message = r.message();
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
