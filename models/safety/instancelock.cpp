// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/instancelock.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QSysInfo>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(InstanceLock)
};

std::unique_ptr<QLockFile> makeLockFile(const QString &databasePath)
{
    auto lock = std::make_unique<QLockFile>(InstanceLock::lockPathFor(databasePath));
    // Never treat a lock as stale by age: a Köprü window may keep a database
    // open for days. Staleness is decided only by the owner process being gone.
    lock->setStaleLockTime(0);
    return lock;
}

} // namespace

bool LockOwner::isThisProcess() const
{
    return pid == QCoreApplication::applicationPid() && (hostname.isEmpty() || hostname == QSysInfo::machineHostName());
}

QString LockOwner::describe() const
{
    const QString app = application.isEmpty() ? Text::tr("unknown program") : application;
    if (hostname.isEmpty() || hostname == QSysInfo::machineHostName())
        return Text::tr("process %1 (%2) on this computer").arg(pid).arg(app);
    return Text::tr("process %1 (%2) on the computer %3").arg(pid).arg(app, hostname);
}

InstanceLock::InstanceLock(const QString &databasePath)
    : m_databasePath(databasePath)
    , m_lock(makeLockFile(databasePath))
{ }

InstanceLock::~InstanceLock()
{
    unlock();
}

QString InstanceLock::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

Status InstanceLock::tryLock()
{
    if (m_lock->isLocked())
        return {};
    if (m_lock->tryLock(0))
        return {};
    const QString lockPath = lockPathFor(m_databasePath);
    switch (m_lock->error()) {
    case QLockFile::LockFailedError: {
        if (const auto who = owner(m_databasePath))
            return Error { Text::tr("the database is in use by another Köprü program (%1); close it there, or wait until it has "
                                    "finished, and try again")
                               .arg(who->describe()),
                m_databasePath, 0, 0 };
        return Error {
            Text::tr(
                "the database is in use by another Köprü program; close it there, or wait until it has finished, and try again"),
            m_databasePath, 0, 0
        };
    }
    case QLockFile::PermissionError:
        return Error { Text::tr("cannot create the lock file %1 (no write permission in the folder)").arg(lockPath),
            m_databasePath, 0, 0 };
    default:
        return Error { Text::tr("cannot create the lock file %1").arg(lockPath), m_databasePath, 0, 0 };
    }
}

void InstanceLock::unlock()
{
    if (m_lock->isLocked())
        m_lock->unlock();
}

bool InstanceLock::isLocked() const
{
    return m_lock->isLocked();
}

std::optional<LockOwner> InstanceLock::owner(const QString &databasePath)
{
    auto probe = makeLockFile(databasePath);
    LockOwner who;
    if (!probe->getLockInfo(&who.pid, &who.hostname, &who.application))
        return std::nullopt;
    return who;
}

} // namespace kopru
