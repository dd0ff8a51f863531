// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace kopru {

// One database connection of the calling thread: a named QSqlDatabase,
// removed in the destructor. The only place in Köprü that opens an SQLite
// file or connects to a server database (a postgresql:// URL, see
// ServerUrl); a Database (a migrated Köprü database), a backup being
// verified and the copy of a file before its upgrade all hold one of these.
class Connection final
{
public:
    enum class Access {
        ReadWrite,
        ReadOnly,
        // Read-only without locks and without creating the -wal and -shm
        // files SQLite would otherwise leave beside a WAL database: for
        // looking at a file that no connection has open (a file about to be
        // refused stays exactly as it was). Opened as ReadOnly when a -wal
        // file is there (another connection may be using the file).
        Inspect,
    };

    // Opens `path` (which must exist; SQLite never creates a file here). The
    // busy timeout is 5 s; foreign keys are on. A postgresql:// URL connects
    // to that server database (QPSQL; sslmode passed on); path() is then the
    // URL without its password, and a read-only connection's transactions
    // are read-only.
    static Expected<std::unique_ptr<Connection>> open(const QString &path, Access access);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase db() const;
    const QString &path() const { return m_path; }
    Access access() const { return m_access; }
    bool isReadOnly() const { return m_access != Access::ReadWrite; }

private:
    Connection(QString name, QString path, Access access);
    static Expected<std::unique_ptr<Connection>> openServer(const QString &location, Access access);

    QString m_name;
    QString m_path;
    Access m_access;
};

} // namespace kopru
