// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importer/importworker.h"

#include "models/db/database.h"
#include "models/import/importer.h"
#include "models/safety/backupmanager.h"

#include <QCoreApplication>
#include <QThread>

namespace kopru {

ImportWorker::ImportWorker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<kopru::ImportReport>();
}

ImportWorker::~ImportWorker()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportWorker::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportWorker::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportWorker::start(const Job &job)
{
    if (isRunning())
        return;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    QPointer<ImportWorker> self(this);
    m_thread = QThread::create([job, cancelFlag, self] {
        ImportReport report;
        report.kind = job.kind;
        report.file = job.file;
        report.dryRun = job.dryRun;
        auto deliver = [self](const ImportReport &r) {
            QMetaObject::invokeMethod(
                qApp,
                [self, r] {
                    if (self)
                        emit self->finished(r);
                },
                Qt::QueuedConnection);
        };
        auto table = TableReader::read(job.file, job.read);
        if (!table) {
            report.refuse(table.error());
            deliver(report);
            return;
        }
        // A connection of this thread: connections are per thread.
        auto db = Database::open(job.databasePath);
        if (!db) {
            report.refuse(db.error());
            deliver(report);
            return;
        }
        // Data safety: a backup before every real import (skipped when unchanged;
        // a server's backups are pg_dump, docs/server.md).
        if (!job.dryRun && !db.value()->isServer()) {
            if (Status s = BackupManager().backupBeforeChange(*db.value(), QStringLiteral("import")); !s) {
                report.refuse(s.error());
                deliver(report);
                return;
            }
        }
        ImportOptions options;
        options.dryRun = job.dryRun;
        options.overrides = job.overrides;
        options.scale = job.scale;
        options.round = job.round;
        options.progress = [self, cancelFlag](int done, int total) {
            QMetaObject::invokeMethod(
                qApp,
                [self, done, total] {
                    if (self)
                        emit self->progress(done, total);
                },
                Qt::QueuedConnection);
            return !cancelFlag->load();
        };
        report = Importer::run(db.value()->connection(), job.kind, table.value().table, options);
        deliver(report);
    });
    m_thread->start();
}

} // namespace kopru
