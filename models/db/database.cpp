// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/database.h"

#include "db/referencedataloader.h"
#include "db/schema.h"
#include "db/sql.h"
#include "db/transaction.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcDatabase, "kopru.db")

namespace kopru {

namespace {


QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("kopru-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error fileError(const QString &path, const QString &message) { return Error{message, path, 0, 0}; }

} // namespace

Database::Database(QString connectionName, QString path, bool readOnly)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path)), m_readOnly(readOnly)
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const { return QSqlDatabase::database(m_connectionName, false); }

int Database::schemaVersion() const
{
    const auto v = Sql::scalar(connection(), QStringLiteral("PRAGMA user_version"));
    return v ? v.value().toInt() : -1;
}

Expected<std::unique_ptr<Database>> Database::openConnection(const QString &path, bool readOnly)
{
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            const QString text = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fileError(path, QCoreApplication::translate("Database", "cannot open the database: %1").arg(text));
        }
    }
    std::unique_ptr<Database> result(new Database(name, path, readOnly));
    QSqlDatabase db = result->connection();
    // The first read tells whether this is an SQLite file at all.
    if (auto v = Sql::scalar(db, QStringLiteral("PRAGMA schema_version")); !v)
        return fileError(path, QCoreApplication::translate("Database", "not a Köprü database, or the file is damaged (%1)").arg(v.error().message));
    if (Status s = Sql::exec(db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
        return fileError(path, s.message());
    if (!readOnly) {
        if (Status s = Sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL")); !s)
            qCWarning(lcDatabase) << "WAL not available:" << s.message();
    }
    return result;
}

Expected<std::unique_ptr<Database>> Database::open(const QString &path, Options options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, QCoreApplication::translate("Database", "the file does not exist"));
    if (!info.isFile())
        return fileError(path, QCoreApplication::translate("Database", "not a file"));
    const bool readOnly = options.access == Access::ReadOnly || !info.isWritable();

    auto opened = openConnection(path, readOnly);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> db = std::move(opened.value());
    QSqlDatabase c = db->connection();

    const auto appId = Sql::scalar(c, QStringLiteral("PRAGMA application_id"));
    const auto version = Sql::scalar(c, QStringLiteral("PRAGMA user_version"));
    const auto tables = Sql::scalar(c, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!appId || !version || !tables)
        return fileError(path, QCoreApplication::translate("Database", "cannot read the database header"));
    const int fileVersion = version.value().toInt();
    if (appId.value().toInt() != Schema::kApplicationId && !(appId.value().toInt() == 0 && tables.value().toInt() == 0))
        return fileError(path, QCoreApplication::translate("Database", "this SQLite file is not a Köprü database"));
    if (fileVersion > Schema::kCurrentVersion)
        return fileError(path, QCoreApplication::translate("Database", "the database was written by a newer Köprü (schema version %1; this program knows up to %2). "
                                  "Install the newer version to open it.")
                                   .arg(fileVersion)
                                   .arg(Schema::kCurrentVersion));
    if (fileVersion < Schema::kCurrentVersion) {
        if (readOnly || !options.migrate)
            return fileError(path, QCoreApplication::translate("Database", "the database has the older schema version %1 and must be upgraded to %2, "
                                      "which needs write access")
                                       .arg(fileVersion)
                                       .arg(Schema::kCurrentVersion));
        qCInfo(lcDatabase) << "migrating" << path << "from" << fileVersion << "to" << Schema::kCurrentVersion;
        if (Status s = migrate(c, fileVersion, Schema::kCurrentVersion); !s)
            return fileError(path, QCoreApplication::translate("Database", "upgrading the database failed, nothing was changed: %1").arg(s.message()));
    }
    return db;
}

Expected<std::unique_ptr<Database>> Database::createAtVersion(const QString &path, int version)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0)
        return fileError(path, QCoreApplication::translate("Database", "the file already exists; choose a new name"));
    auto opened = openConnection(path, false);
    if (!opened)
        return opened.error();
    if (Status s = migrate(opened.value()->connection(), 0, version); !s) {
        opened = Error{};
        QFile::remove(path);
        return fileError(path, s.message());
    }
#ifdef Q_OS_UNIX
    // Personal data (KVKK art. 12): readable by its user only.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
#endif
    return opened;
}

Expected<std::unique_ptr<Database>> Database::create(const QString &path)
{
    return createAtVersion(path, Schema::kCurrentVersion);
}

Status Database::migrate(QSqlDatabase db, int fromVersion, int toVersion)
{
    if (fromVersion < 0 || toVersion > Schema::kCurrentVersion || fromVersion > toVersion)
        return Status::failure(QCoreApplication::translate("Database", "no migration from version %1 to %2").arg(fromVersion).arg(toVersion));
    if (fromVersion == toVersion)
        return {};
    // Foreign keys cannot be switched inside a transaction; steps that rebuild
    // tables rely on foreign_key_check at the end instead.
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    for (const Schema::Step &step : Schema::steps()) {
        if (step.toVersion <= fromVersion || step.toVersion > toVersion)
            continue;
        for (const char *statement : step.statements)
            if (Status s = Sql::exec(db, QString::fromUtf8(statement)); !s)
                return Status::failure(QCoreApplication::translate("Database", "schema step %1: %2").arg(step.toVersion).arg(s.message()));
    }
    if (fromVersion == 0) {
        if (Status s = ReferenceData::load(db); !s)
            return s;
        if (Status s = Sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Schema::kApplicationId)); !s)
            return s;
    }
    if (auto fk = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")); !fk || fk.value().toInt() != 0)
        return Status::failure(QCoreApplication::translate("Database", "the upgraded data violates foreign keys"));
    // PRAGMA takes no bound parameters; the value is an int we own.
    if (Status s = Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(toVersion)); !s)
        return s;
    return tx.commit();
}

Status Database::backupTo(const QString &target) const
{
    if (QFileInfo::exists(target))
        return fileError(target, QCoreApplication::translate("Database", "the backup file already exists"));
    if (Status s = Sql::exec(connection(), QStringLiteral("VACUUM INTO ?"), {target}); !s)
        return fileError(target, QCoreApplication::translate("Database", "backup failed: %1").arg(s.message()));
#ifdef Q_OS_UNIX
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
#endif
    return {};
}

} // namespace kopru
