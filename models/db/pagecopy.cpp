// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/pagecopy.h"

#include "models/db/sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace kopru::PageCopy {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)
};

constexpr qint64 kChunk = 4 << 20;
// More than a quarter of the file free: copied with VACUUM INTO instead.
constexpr qint64 kMostlyFree = 4;
constexpr qint64 kLockBytePage = qint64(1) << 30;
// SQLite's file header: the file format's write and read versions, 1 for a
// rollback journal, 2 for WAL (sqlite.org/fileformat2.html, "1.3.4").
constexpr qsizetype kWriteVersionOffset = 18;
constexpr char kLegacy = 1;

} // namespace

Expected<bool> write(const QSqlDatabase &from, const QString &source, QFileDevice &out)
{
    // SQLite locks bytes from 1 GiB on (its lock-byte page); on Windows
    // those locks forbid reading them. A file that large is left to VACUUM INTO.
    if (QFileInfo(source).size() > kLockBytePage)
        return false;
    const auto mode = Sql::scalar(from, QStringLiteral("PRAGMA journal_mode"));
    if (!mode)
        return mode.error();
    if (mode.value().toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return false;
    // A file that is mostly free pages (a large delete) is better copied
    // by VACUUM INTO, which leaves them out.
    const auto freePages = Sql::scalar(from, QStringLiteral("PRAGMA freelist_count"));
    const auto pages = Sql::scalar(from, QStringLiteral("PRAGMA page_count"));
    if (!freePages || !pages)
        return (freePages ? pages : freePages).error();
    if (freePages.value().toLongLong() * kMostlyFree > pages.value().toLongLong())
        return false;
    {
        QSqlQuery q(from);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            return Sql::errorOf(q);
        // busy, frames in the -wal, frames moved into the file
        if (!q.next() || q.value(0).toInt() != 0 || q.value(1).toLongLong() != q.value(2).toLongLong())
            return false;
    }
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error { Text::tr("the database could not be read: %1").arg(in.errorString()), source, 0, 0 };
    QByteArray chunk;
    bool first = true;
    while (!in.atEnd()) {
        chunk = in.read(kChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return Error { Text::tr("the database could not be read: %1").arg(in.errorString()), source, 0, 0 };
        if (chunk.isEmpty())
            break;
        if (first) {
            if (chunk.size() < kWriteVersionOffset + 2)
                return false;
            chunk[kWriteVersionOffset] = kLegacy;
            chunk[kWriteVersionOffset + 1] = kLegacy;
            first = false;
        }
        if (out.write(chunk) != chunk.size())
            return Error { Text::tr("the copy could not be written: %1").arg(out.errorString()), out.fileName(), 0, 0 };
    }
    if (!out.flush())
        return Error { Text::tr("the copy could not be written: %1").arg(out.errorString()), out.fileName(), 0, 0 };
    return true;
}

} // namespace kopru::PageCopy
