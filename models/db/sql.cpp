// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/sql.h"

#include "models/db/sqldialect.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringList>
#include <QUrl>

namespace kopru::Sql {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Sql)
};

// SQLite's primary result codes (sqlite3.h), as Qt's driver reports them in
// nativeErrorCode(); an extended code carries the primary one in its low byte.
enum SqliteCode {
    Busy = 5,
    Locked = 6,
    NoMemory = 7,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADatabase = 26,
};

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xFF) : 0;
}

QString sqliteText(const QSqlError &error)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return text;
}

// The translated message of a storage failure, or an empty string.
QString storageMessage(const QSqlError &error)
{
    switch (primaryCode(error)) {
    case Busy:
    case Locked:
        return Text::tr("the database is being written by another program; try again in a moment");
    case Full:
        return Text::tr("the disk is full; nothing was written (free some space and try again)");
    case Corrupt:
    case NotADatabase:
        return Text::tr("the database file is damaged (%1); restore a backup").arg(sqliteText(error));
    case IoError:
        return Text::tr("the database file cannot be read or written (%1)").arg(sqliteText(error));
    case ReadOnly:
        return Text::tr("the database cannot be written: the file or its folder is read-only");
    case CantOpen:
        return Text::tr("the database file cannot be opened (%1)").arg(sqliteText(error));
    case NoMemory:
        return Text::tr("out of memory");
    default:
        return {};
    }
}

// Whether the error codes of `query` are SQLite's (a server's are SQLSTATEs,
// told by their text).
bool sqliteCodes(const QSqlQuery &query)
{
    return query.driver() == nullptr || SqlDialect::hasSqliteResultCodes(query.driver()->dbmsType());
}

Error withFile(Error e, const QSqlError &error, const QSqlDatabase &db)
{
    if (e.file.isEmpty() && SqlDialect::hasSqliteResultCodes(db.driver()->dbmsType()) && isStorageFailure(error))
        e.file = fileOf(db);
    return e;
}

} // namespace

bool isStorageFailure(const QSqlError &error)
{
    return !storageMessage(error).isEmpty();
}

Error errorOf(const QSqlError &error)
{
    QString text = storageMessage(error);
    // SQLite's English never stands alone: it follows a translated sentence.
    if (text.isEmpty())
        text = Text::tr("the database could not carry out the request (%1)").arg(sqliteText(error));
    return Error { text, {}, 0, 0 };
}

Error errorOf(const QSqlQuery &query)
{
    if (!sqliteCodes(query))
        return Error { sqliteText(query.lastError()).trimmed(), {}, 0, 0 };
    return errorOf(query.lastError());
}

Error rowError(const QSqlQuery &query, int line)
{
    Error e = errorOf(query);
    if (!sqliteCodes(query) || !isStorageFailure(query.lastError()))
        e.line = line;
    return e;
}

QString marks(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
}

QString fileOf(const QSqlDatabase &db)
{
    const QString name = db.databaseName();
    if (name.startsWith(QLatin1String("file:")))
        return QUrl(name).toLocalFile();
    return name;
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorOf(query);
    return {};
}

Status run(QSqlQuery &query, std::initializer_list<QVariant> bindings)
{
    int i = 0;
    for (const QVariant &v : bindings)
        query.bindValue(i++, v);
    if (!query.exec())
        return errorOf(query);
    return {};
}

namespace {

// Prepares, binds and runs `sql` on `q`; a storage failure names the database.
Status execute(QSqlQuery &q, const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    const bool ok = bindings.size() == 0 ? q.exec(sql) : q.prepare(sql) && run(q, bindings).ok();
    return ok ? Status() : Status(withFile(errorOf(q), q.lastError(), db));
}

} // namespace

Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    return execute(q, db, sql, bindings);
}

Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Status s = execute(q, db, sql, bindings); !s)
        return s.error();
    return q.next() ? q.value(0) : QVariant();
}

} // namespace kopru::Sql
