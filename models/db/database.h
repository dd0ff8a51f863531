// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace kopru {

// One open Köprü database file (a named QSqlDatabase connection owned by this
// object). Opening sets foreign_keys, WAL and a busy timeout, checks the
// application id and schema version and migrates older files in one
// transaction. Connections are per thread: a worker opens its own Database.
class Database final
{
public:
    enum class Access { ReadWrite, ReadOnly };

    struct Options
    {
        Access access = Access::ReadWrite;
        bool migrate = true; // migrate an older file (else refuse it)
    };

    // Opens an existing database. A file that is not writable opens read-only.
    static Expected<std::unique_ptr<Database>> open(const QString &path, Options options);
    static Expected<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }
    // Creates a new database with the current schema and the reference data
    // (provinces, pilot fields, centres). Refuses an existing non-empty file.
    static Expected<std::unique_ptr<Database>> create(const QString &path);
    // Only for tests of migrations: creates a database at an older version.
    static Expected<std::unique_ptr<Database>> createAtVersion(const QString &path, int version);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    // Writes a consistent copy (VACUUM INTO) while others may be writing.
    // Refuses to overwrite an existing file.
    Status backupTo(const QString &target) const;

    // Migration from `fromVersion` to `toVersion` in one transaction;
    // loads the reference data when starting from an empty file.
    static Status migrate(QSqlDatabase db, int fromVersion, int toVersion);

private:
    Database(QString connectionName, QString path, bool readOnly);
    static Expected<std::unique_ptr<Database>> openConnection(const QString &path, bool readOnly);

    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
};

} // namespace kopru
