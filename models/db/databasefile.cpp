// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/databasefile.h"

#include "models/db/connection.h"
#include "models/db/schema.h"
#include "models/db/serverurl.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QtEndian>

namespace kopru::DatabaseFile {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFile)
};

constexpr int kHeaderSize = 100;

Error fileError(const QString &path, const QString &message)
{
    return Error { message, path, 0, 0 };
}

// Application id and schema version as SQLite sees them (page 1 may be in the WAL).
Status readThroughSqlite(const QString &path, Header &h)
{
    auto c = Connection::open(path, Connection::Access::ReadOnly);
    if (!c)
        return c.error();
    const auto appId = Sql::scalar(c.value()->db(), QStringLiteral("PRAGMA application_id"));
    const auto version = Sql::scalar(c.value()->db(), QStringLiteral("PRAGMA user_version"));
    if (!appId || !version)
        return fileError(path,
            Text::tr("not a Köprü database, or the file is damaged (%1)").arg((appId ? version.error() : appId.error()).message));
    h.applicationId = quint32(appId.value().toLongLong());
    h.userVersion = version.value().toInt();
    return {};
}

} // namespace

Expected<Header> readHeader(const QString &path)
{
    if (ServerUrl::isServerUrl(path)) {
        auto url = ServerUrl::parse(path);
        if (!url)
            return url.error();
        return fileError(url->display(),
            Text::tr("this is a server database, not a file: this needs a .kopru file (the other kopru-cli commands "
                     "work with server databases; see docs/server.md)"));
    }
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, Text::tr("the file does not exist"));
    // Checked before opening: opening a pipe blocks, a device never ends.
    if (!info.isFile())
        return fileError(path,
            info.isDir() ? Text::tr("this is a folder, not a file")
                         : Text::tr("this is not a regular file (a pipe, a device or a socket)"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fileError(path, Text::tr("cannot read the file: %1").arg(f.errorString()));
    Header h;
    h.size = f.size();
    const QByteArray bytes = f.read(kHeaderSize);
    if (bytes.size() == kHeaderSize && bytes.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
        h.sqlite = true;
        h.wal = p[18] == 2 && p[19] == 2;
        h.userVersion = int(qFromBigEndian<qint32>(p + 60));
        h.applicationId = qFromBigEndian<quint32>(p + 68);
    }
    const QFileInfo wal(path + QStringLiteral("-wal"));
    h.pendingWal = wal.exists() && wal.size() > 0;
    return h;
}

Status verify(const QString &path, Depth depth)
{
    auto header = readHeader(path);
    if (!header)
        return header.error();
    Header h = header.value();
    if (h.size == 0)
        return fileError(path, Text::tr("the file is empty, not a Köprü database (kopru-cli init or File › New creates one)"));
    if (!h.sqlite)
        return fileError(path, Text::tr("this file is not a Köprü database (it is not an SQLite database at all)"));
    if (h.pendingWal && h.applicationId == quint32(Schema::kApplicationId)) {
        if (Status s = readThroughSqlite(path, h); !s)
            return s;
    } else if (h.pendingWal && h.applicationId == 0 && h.userVersion == 0) {
        // Possibly a Köprü database whose first write is still in its WAL.
        if (Status s = readThroughSqlite(path, h); !s)
            return s;
    }
    if (h.applicationId != quint32(Schema::kApplicationId))
        return fileError(path,
            h.applicationId == 0 && h.userVersion == 0
                ? Text::tr("this SQLite file is not a Köprü database (it belongs to another program, or is empty)")
                : Text::tr("this SQLite file is not a Köprü database (it belongs to another program)"));
    if (h.userVersion > Schema::kCurrentVersion)
        return fileError(path,
            Text::tr("the database was written by a newer Köprü (schema version %1; this program knows up to %2). "
                     "Install the newer version to open it.")
                .arg(h.userVersion)
                .arg(Schema::kCurrentVersion));
    if (h.userVersion < 1)
        return fileError(
            path, Text::tr("the database has no schema (version %1): it is not a usable Köprü database").arg(h.userVersion));
    if (depth == Depth::Header)
        return {};

    auto c = Connection::open(path, Connection::Access::Inspect);
    if (!c)
        return c.error();
    return quickCheck(c.value()->db(), path);
}

Status quickCheck(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        // A storage failure: its message says what (damaged, busy, unreadable).
        Error e = Sql::errorOf(q);
        e.file = path;
        return e;
    }
    QStringList problems;
    while (q.next())
        if (const QString line = q.value(0).toString(); line != QLatin1String("ok"))
            problems << line;
    if (!problems.isEmpty())
        return fileError(path,
            Text::tr("the database file is damaged (%1); restore a backup").arg(problems.mid(0, 3).join(QStringLiteral("; "))));
    return {};
}

Expected<int> schemaVersion(const QString &path)
{
    if (Status s = verify(path, Depth::Header); !s)
        return s.error();
    auto c = Connection::open(path, Connection::Access::Inspect);
    if (!c)
        return c.error();
    const auto version = Sql::scalar(c.value()->db(), QStringLiteral("PRAGMA user_version"));
    if (!version)
        return fileError(path, Text::tr("not a Köprü database, or the file is damaged (%1)").arg(version.error().message));
    return version.value().toInt();
}

Expected<QString> databaseId(const QString &path)
{
    auto version = schemaVersion(path);
    if (!version)
        return version.error();
    if (version.value() < Schema::kMetaVersion)
        return QString();
    auto c = Connection::open(path, Connection::Access::Inspect);
    if (!c)
        return c.error();
    const auto id = Sql::scalar(c.value()->db(), QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
    if (!id)
        return fileError(path, Text::tr("cannot read the identity of the database (%1)").arg(id.error().message));
    if (id.value().toString().isEmpty())
        return fileError(path, Text::tr("the database has no identity (database_id); it is damaged"));
    return id.value().toString();
}

} // namespace kopru::DatabaseFile
