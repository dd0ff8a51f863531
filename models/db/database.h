// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/connection.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace kopru {

// One open Köprü database file. Opening checks the file read-only first
// (DatabaseFile::verify: a Köprü database of a schema this program knows),
// then opens a Connection, switches it to WAL when writable and migrates an
// older file in one transaction. Connections are per thread: a worker opens
// its own Database.
class Database final
{
public:
    using Access = Connection::Access;

    struct Options
    {
        Access access = Access::ReadWrite;
        bool migrate = true; // migrate an older file (else refuse it)
        // The database_id an older file gets when it is upgraded to the
        // version that introduced it (empty: a new random one). See
        // BackupManager::backupBeforeMigration.
        QString databaseIdOnUpgrade;
    };

    // Opens an existing Köprü database; anything else (an empty file,
    // another program's file) is refused and left exactly as it was. A file
    // that is not writable opens read-only. A postgresql:// URL opens a
    // server database made by kopru-cli server-init or copy (docs/server.md);
    // an older one is upgraded when its owner opens it to write (ServerUpgrade), a newer one refused.
    static Expected<std::unique_ptr<Database>> open(const QString &path, Options options);
    static Expected<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options {}); }

    // Creates a new database with the current schema and the reference data
    // (provinces, pilot fields, centres), then `fill` (the demo data), all
    // under a temporary name readable by its owner only; the file appears at
    // `path` complete or not at all. Refuses an existing non-empty file.
    using Fill = std::function<Status(QSqlDatabase)>;
    static Expected<std::unique_ptr<Database>> create(const QString &path, const Fill &fill = {});
    // Only for tests of migrations: creates a database at an older version.
    static Expected<std::unique_ptr<Database>> createAtVersion(const QString &path, int version);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    // The file, or a server database's URL without its password.
    const QString &path() const { return m_path; }
    // Where a worker thread opens its own connection to this database: the
    // file, or the server URL WITH the password this connection was opened
    // with (kept in memory only: never shown, logged nor stored).
    QString locationToReopen() const;
    // Whether this is a server (PostgreSQL) database.
    bool isServer() const;
    bool isReadOnly() const { return m_connection->isReadOnly(); }
    int schemaVersion() const;
    // The database's identity (meta.database_id), kept for ever.
    QString databaseId() const;

    // Whether the copy checks its source first (DatabaseCopy's step 1), or
    // the caller has just run that quick_check itself (kopru-cli backup, which
    // refuses a damaged file before opening it; at 100,000 teachers a check
    // of the source costs 2 s). The copy itself is verified either way.
    enum class SourceCheck { Check, CheckedByCaller };
    // Writes a verified consistent copy (see DatabaseCopy) while others may
    // be writing. Refuses to overwrite an existing file. A server database is
    // backed up with pg_dump on the server: refused, saying so.
    Status backupTo(const QString &target, SourceCheck check = SourceCheck::Check) const;

    // Migration from `fromVersion` to `toVersion` in one transaction; loads
    // the reference data when starting from an empty file. `databaseId` (if
    // not empty) is the id a file gets when the meta table is created.
    static Status migrate(QSqlDatabase db, int fromVersion, int toVersion, const QString &databaseId = {});

private:
    Database(std::unique_ptr<Connection> connection, QString path);
    // Opens the connection of a verified file (WAL when writable) without
    // looking at its schema version.
    static Expected<std::unique_ptr<Database>> attach(const QString &path, bool readOnly);
    static Expected<std::unique_ptr<Database>> openServer(const QString &location, Options options);
    static Status build(const QString &temporary, int version, const Fill &fill);

    std::unique_ptr<Connection> m_connection;
    QString m_path;
};

} // namespace kopru
