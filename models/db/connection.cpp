// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/connection.h"

#include "models/db/serverurl.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Connection)
};

QString nextName()
{
    static QAtomicInt counter;
    return QStringLiteral("kopru-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool hasWal(const QString &path)
{
    return QFileInfo::exists(path + QStringLiteral("-wal"));
}

} // namespace

Connection::Connection(QString name, QString path, Access access)
    : m_name(std::move(name))
    , m_path(std::move(path))
    , m_access(access)
{ }

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Connection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

Expected<std::unique_ptr<Connection>> Connection::openServer(const QString &location, Access access)
{
    auto url = ServerUrl::parse(location);
    if (!url)
        return url.error();
    const QString name = nextName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqlDialect::driverName(SqlDialect::Backend::Postgres), name);
        if (!db.isValid()) {
            QSqlDatabase::removeDatabase(name);
            return Error { Text::tr("Qt's PostgreSQL driver (QPSQL) is not installed"), url->display(), 0, 0 };
        }
        db.setHostName(url->host);
        db.setPort(url->port);
        db.setUserName(url->user);
        db.setPassword(url->password);
        db.setDatabaseName(url->database);
        db.setConnectOptions(url->connectOptions());
        if (!db.open()) {
            const QString text = db.lastError().databaseText().isEmpty() ? db.lastError().text() : db.lastError().databaseText();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error { Text::tr("cannot connect to the server: %1").arg(text.trimmed()), url->display(), 0, 0 };
        }
    }
    std::unique_ptr<Connection> connection(new Connection(name, url->display(), access));
    for (const QString &statement : SqlDialect::connectionSetup(SqlDialect::Backend::Postgres, access != Access::ReadWrite))
        if (Status s = Sql::exec(connection->db(), statement); !s)
            return Error { s.error().message, connection->path(), 0, 0 };
    return connection;
}

Expected<std::unique_ptr<Connection>> Connection::open(const QString &path, Access access)
{
    if (ServerUrl::isServerUrl(path))
        return openServer(path, access);
    if (!QFileInfo(path).isFile())
        return Error { Text::tr("the file does not exist"), path, 0, 0 };
    if (access == Access::Inspect && hasWal(path))
        access = Access::ReadOnly; // someone may be writing: take part in the locking
    const QString name = nextName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        switch (access) {
        case Access::ReadWrite:
            db.setDatabaseName(path);
            break;
        case Access::ReadOnly:
            db.setDatabaseName(path);
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
            break;
        case Access::Inspect:
            // immutable: no locks, no -wal/-shm; the main file holds everything.
            db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                + QStringLiteral("?immutable=1"));
            options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
            break;
        }
        db.setConnectOptions(options);
        if (!db.open()) {
            const QString text = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error { Text::tr("the file cannot be opened as a database (%1)").arg(text), path, 0, 0 };
        }
    }
    std::unique_ptr<Connection> connection(new Connection(name, path, access));
    for (const QString &statement : SqlDialect::connectionSetup(SqlDialect::Backend::Sqlite, access != Access::ReadWrite))
        if (Status s = Sql::exec(connection->db(), statement); !s)
            return Error { s.error().message, path, 0, 0 };
    return connection;
}

} // namespace kopru
