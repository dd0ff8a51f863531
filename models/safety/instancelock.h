// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QString>
#include <memory>
#include <optional>

class QLockFile;

namespace kopru {

// Who holds the lock of a database.
struct LockOwner
{
    qint64 pid = 0;
    QString hostname;
    QString application;
    bool isThisProcess() const;
    // "process 1234 (kopru) on host pc-12", translated.
    QString describe() const;
};

// Single-instance guard of one database file: a QLockFile named "<db>.lock"
// beside it. The GUI holds it while a database is open for writing; every
// kopru-cli command that writes holds it while it writes (so neither writes
// over the other's work). A lock left behind by a crashed Köprü on this machine is detected
// as stale and taken over; a lock held by a running process (or by another
// computer, for a file on a share) is reported with its owner. The lock is
// released in the destructor.
class InstanceLock final
{
public:
    explicit InstanceLock(const QString &databasePath);
    ~InstanceLock();
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    static QString lockPathFor(const QString &databasePath);

    // Takes the lock. On failure the Error names the file and who holds it;
    // owner() then tells the details.
    Status tryLock();
    void unlock();
    bool isLocked() const;
    const QString &databasePath() const { return m_databasePath; }

    // The current holder of the database's lock file, if there is a live one.
    // Does not take the lock.
    static std::optional<LockOwner> owner(const QString &databasePath);

private:
    QString m_databasePath;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace kopru
