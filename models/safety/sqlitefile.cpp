// SPDX-License-Identifier: GPL-3.0-or-later
#include "safety/sqlitefile.h"

#include "db/schema.h"
#include "db/sql.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kopru {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("kopru::SqliteFile", text); }

QString nextName()
{
    static QAtomicInt counter;
    return QStringLiteral("kopru-file-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

SqliteFile::~SqliteFile() { close(); }

Status SqliteFile::open(const QString &path, Mode mode)
{
    close();
    if (!QFileInfo(path).isFile())
        return Error{tr("the file does not exist"), path, 0, 0};
    const QString name = nextName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            const QString text = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error{tr("cannot open the file: %1").arg(text), path, 0, 0};
        }
    }
    m_name = name;
    return {};
}

void SqliteFile::close()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QSqlDatabase SqliteFile::connection() const { return QSqlDatabase::database(m_name, false); }

Status SqliteFile::verify(const QString &path)
{
    SqliteFile file;
    if (Status s = file.open(path); !s)
        return s;
    QSqlQuery q(file.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return Error{tr("not a database, or the file is damaged: %1").arg(Sql::errorOf(q).message), path, 0, 0};
    QStringList problems;
    while (q.next())
        if (const QString line = q.value(0).toString(); line != QLatin1String("ok"))
            problems << line;
    q.finish();
    if (!problems.isEmpty())
        return Error{tr("the file is damaged: %1").arg(problems.mid(0, 3).join(QStringLiteral("; "))), path, 0, 0};
    const auto appId = Sql::scalar(file.connection(), QStringLiteral("PRAGMA application_id"));
    const auto version = Sql::scalar(file.connection(), QStringLiteral("PRAGMA user_version"));
    if (!appId || !version)
        return Error{tr("cannot read the database header"), path, 0, 0};
    if (appId.value().toInt() != Schema::kApplicationId)
        return Error{tr("this file is not a Köprü database"), path, 0, 0};
    if (version.value().toInt() < 1 || version.value().toInt() > Schema::kCurrentVersion)
        return Error{tr("unsupported schema version %1").arg(version.value().toInt()), path, 0, 0};
    return {};
}

Expected<int> SqliteFile::schemaVersion(const QString &path)
{
    SqliteFile file;
    if (Status s = file.open(path); !s)
        return s.error();
    const auto version = Sql::scalar(file.connection(), QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Error{tr("not a database, or the file is damaged: %1").arg(version.error().message), path, 0, 0};
    return version.value().toInt();
}

} // namespace kopru
