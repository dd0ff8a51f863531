// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"

#include "models/db/databasecopy.h"
#include "models/db/databasefile.h"
#include "models/db/pragmascope.h"
#include "models/db/referencedataloader.h"
#include "models/db/schema.h"
#include "models/db/servernotify.h"
#include "models/db/serverupgrade.h"
#include "models/db/serverurl.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUuid>
#include <optional>

Q_LOGGING_CATEGORY(lcDatabase, "kopru.db")

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

Error fileError(const QString &path, const QString &message)
{
    return Error { message, path, 0, 0 };
}

// The upgrade of a server database made before the change notifications
// (ServerNotify): the first writer who owns its tables adds them. For anyone
// else the database works as before; only others' changes need a refresh.
void addChangeNotifications(const Database &db)
{
    auto missing = ServerNotify::missingTables(db.connection());
    if (!missing) {
        qCWarning(lcDatabase) << "cannot look for the change notifications:" << missing.message();
        return;
    }
    if (missing->isEmpty())
        return;
    Transaction tx(db.connection());
    Status s = tx.began();
    if (s)
        s = ServerNotify::install(db.connection());
    if (s)
        s = tx.commit();
    if (s)
        qCInfo(lcDatabase) << "change notifications added to" << db.path() << "for" << missing->size() << "table(s)";
    else
        qCWarning(lcDatabase) << "other users' changes will need a refresh: the change notifications of" << db.path()
                              << "cannot be added:" << s.message();
}

} // namespace

Database::Database(std::unique_ptr<Connection> connection, QString path)
    : m_connection(std::move(connection))
    , m_path(std::move(path))
{ }

Database::~Database() = default;

QSqlDatabase Database::connection() const
{
    return m_connection->db();
}

int Database::schemaVersion() const
{
    const auto v = SqlDialect::schemaVersion(connection());
    return v ? v.value() : -1;
}

bool Database::isServer() const
{
    return SqlDialect::backendOf(connection()) == SqlDialect::Backend::Postgres;
}

Expected<std::unique_ptr<Database>> Database::openServer(const QString &location, Options options)
{
    auto opened = Connection::open(location, options.access == Access::ReadWrite ? Access::ReadWrite : Access::ReadOnly);
    if (!opened)
        return opened.error();
    const QString shown = opened.value()->path();
    std::unique_ptr<Database> db(new Database(std::move(opened.value()), shown));
    auto state = ServerUpgrade::check(db->connection());
    if (!state)
        return fileError(shown, state.error().message);
    const bool upgrade = options.access == Access::ReadWrite && options.migrate;
    const bool usable = state->fromVersion == state->toVersion && (state->upToDate() || !upgrade || !state->mayUpgrade);
    // (older roles and rules only: usable as they are until the owner upgrades them)
    if (!usable) {
        if (!upgrade)
            return fileError(shown,
                Text::tr("the server database has the older schema version %1 and must be upgraded to %2 by its owner (%3) "
                         "with kopru-cli upgrade")
                    .arg(state->fromVersion)
                    .arg(state->toVersion)
                    .arg(state->owner));
        qCInfo(lcDatabase) << "upgrading" << shown << "from" << state->fromVersion << "to" << state->toVersion;
        if (auto upgraded = ServerUpgrade::run(db->connection()); !upgraded)
            return fileError(shown, upgraded.error().message);
    }
    if (options.access == Access::ReadWrite)
        addChangeNotifications(*db);
    return db;
}

QString Database::locationToReopen() const
{
    if (!isServer())
        return m_path;
    auto url = ServerUrl::parse(m_path);
    if (!url)
        return m_path; // cannot happen: the path is the URL it was opened with, less its password
    url->password = connection().password();
    return url->location();
}

QString Database::databaseId() const
{
    const auto v = Sql::scalar(connection(), QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
    return v ? v.value().toString() : QString();
}

Expected<std::unique_ptr<Database>> Database::attach(const QString &path, bool readOnly)
{
    auto opened = Connection::open(path, readOnly ? Access::ReadOnly : Access::ReadWrite);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> db(new Database(std::move(opened.value()), path));
    // The first read of the schema tells whether SQLite can read the file.
    if (auto v = Sql::scalar(db->connection(), QStringLiteral("PRAGMA schema_version")); !v)
        return fileError(path, Text::tr("not a Köprü database, or the file is damaged (%1)").arg(v.error().message));
    if (!readOnly) {
        if (Status s = Sql::exec(db->connection(), QStringLiteral("PRAGMA journal_mode = WAL")); !s)
            qCWarning(lcDatabase) << "WAL not available:" << s.message();
    }
    return db;
}

Expected<std::unique_ptr<Database>> Database::open(const QString &path, Options options)
{
    if (ServerUrl::isServerUrl(path))
        return openServer(path, options);
    // Read-only first: a file that is not a Köprü database is never opened
    // for writing (which would switch it to WAL and leave -wal/-shm files).
    if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::Header); !s)
        return s.error();
    const bool readOnly = options.access != Access::ReadWrite || !QFileInfo(path).isWritable();
    auto attached = attach(path, readOnly);
    if (!attached)
        return attached.error();
    std::unique_ptr<Database> db = std::move(attached.value());
    QSqlDatabase c = db->connection();
    const auto version = Sql::scalar(c, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return fileError(path, Text::tr("cannot read the database header (%1)").arg(version.error().message));
    const int fileVersion = version.value().toInt();
    if (fileVersion < Schema::kCurrentVersion) {
        if (readOnly || !options.migrate)
            return fileError(path,
                Text::tr("the database has the older schema version %1 and must be upgraded to %2, "
                         "which needs write access")
                    .arg(fileVersion)
                    .arg(Schema::kCurrentVersion));
        qCInfo(lcDatabase) << "migrating" << path << "from" << fileVersion << "to" << Schema::kCurrentVersion;
        if (Status s = migrate(c, fileVersion, Schema::kCurrentVersion, options.databaseIdOnUpgrade); !s)
            return fileError(path, Text::tr("upgrading the database failed, nothing was changed: %1").arg(s.message()));
    }
    return db;
}

Status Database::build(const QString &temporary, int version, const Fill &fill)
{
    auto opened = Connection::open(temporary, Access::ReadWrite);
    if (!opened)
        return opened.error();
    QSqlDatabase c = opened.value()->db();
    if (Status s = Sql::exec(c, QStringLiteral("PRAGMA journal_mode = WAL")); !s)
        qCWarning(lcDatabase) << "WAL not available:" << s.message();
    if (Status s = migrate(c, 0, version); !s)
        return s;
    if (fill) {
        if (Status s = fill(c); !s)
            return s;
    }
    return {}; // closing the connection checkpoints the WAL into the file
}

Expected<std::unique_ptr<Database>> Database::createAtVersion(const QString &path, int version)
{
    // Personal data (KVKK art. 12): readable by its user only, from the start.
    PrivateFile file(path, PrivateFile::Existing::ReplaceEmpty);
    if (Status s = file.open(); !s)
        return s.error();
    if (Status s = build(file.temporaryPath(), version, {}); !s)
        return fileError(path, s.error().message);
    if (Status s = file.commit(); !s)
        return s.error();
    return attach(path, false);
}

Expected<std::unique_ptr<Database>> Database::create(const QString &path, const Fill &fill)
{
    PrivateFile file(path, PrivateFile::Existing::ReplaceEmpty);
    if (Status s = file.open(); !s)
        return s.error();
    if (Status s = build(file.temporaryPath(), Schema::kCurrentVersion, fill); !s)
        return fileError(path, s.error().message);
    if (Status s = file.commit(); !s)
        return s.error();
    return open(path);
}

Status Database::migrate(QSqlDatabase db, int fromVersion, int toVersion, const QString &databaseId)
{
    if (fromVersion < 0 || toVersion > Schema::kCurrentVersion || fromVersion > toVersion)
        return Status::failure(Text::tr("no migration from version %1 to %2").arg(fromVersion).arg(toVersion));
    if (fromVersion == toVersion)
        return {};
    if (!databaseId.isEmpty() && QUuid::fromString(databaseId).isNull())
        return Status::failure(Text::tr("invalid database id %1").arg(databaseId));
    // Foreign keys cannot be switched inside a transaction: steps that rebuild
    // tables run with them off (else dropping a table would cascade to its
    // children) and rely on foreign_key_check at the end instead;
    // legacy_alter_table keeps triggers of other tables that name the rebuilt
    // one valid while it is renamed (SQLite's documented procedure).
    bool rebuilds = false;
    for (const Schema::Step &step : Schema::steps())
        rebuilds = rebuilds || (step.rebuildsTables && step.toVersion > fromVersion && step.toVersion <= toVersion);
    std::optional<PragmaScope> foreignKeysOff, legacyAlter;
    if (rebuilds) {
        foreignKeysOff.emplace(db, "foreign_keys", 0);
        legacyAlter.emplace(db, "legacy_alter_table", 1);
        if (!foreignKeysOff->status())
            return foreignKeysOff->status();
        if (!legacyAlter->status())
            return legacyAlter->status();
    }
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    for (const Schema::Step &step : Schema::steps()) {
        if (step.toVersion <= fromVersion || step.toVersion > toVersion)
            continue;
        for (const char *statement : step.statements)
            if (Status s = Sql::exec(db, QString::fromUtf8(statement)); !s)
                return Status::failure(Text::tr("schema step %1: %2").arg(step.toVersion).arg(s.message()));
        // A new database gets the reference data with the tables that hold
        // it, so that later steps upgrade it like any existing database's.
        if (fromVersion == 0 && step.toVersion == 1) {
            if (Status s = ReferenceData::load(db); !s)
                return s;
        }
        if (step.finish) {
            if (Status s = step.finish(db); !s)
                return Status::failure(Text::tr("schema step %1: %2").arg(step.toVersion).arg(s.message()));
        }
    }
    if (!databaseId.isEmpty() && fromVersion < Schema::kMetaVersion && toVersion >= Schema::kMetaVersion) {
        if (Status s
            = Sql::exec(db, QStringLiteral("UPDATE meta SET value = ? WHERE key = 'database_id'"), { databaseId.toLower() });
            !s)
            return s;
    }
    if (fromVersion == 0) {
        if (Status s = Sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Schema::kApplicationId)); !s)
            return s;
    }
    if (auto fk = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
        !fk || fk.value().toInt() != 0)
        return Status::failure(Text::tr("the upgraded data violates foreign keys"));
    // PRAGMA takes no bound parameters; the value is an int we own.
    if (Status s = Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(toVersion)); !s)
        return s;
    return tx.commit();
}

Status Database::backupTo(const QString &target, SourceCheck check) const
{
    if (isServer())
        return Error { SqlDialect::backupMethod(SqlDialect::Backend::Postgres), m_path, 0, 0 };
    DatabaseCopy::Options options;
    options.existing = PrivateFile::Existing::Refuse;
    options.sourceOpenForWriting = !isReadOnly();
    options.sourceChecked = check == SourceCheck::CheckedByCaller;
    auto copied = DatabaseCopy::write(m_path, target, options);
    return copied ? Status() : Status(copied.error());
}

} // namespace kopru
