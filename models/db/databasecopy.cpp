// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/databasecopy.h"

#include "models/db/connection.h"
#include "models/db/databasefile.h"
#include "models/db/pagecopy.h"
#include "models/db/schema.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>
#include <optional>

namespace kopru::DatabaseCopy {

namespace {

// QT_LOGGING_RULES="kopru.db.copy.debug=true": where a copy spends its time.
Q_LOGGING_CATEGORY(lcCopy, "kopru.db.copy", QtInfoMsg)

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)
};

constexpr int kAttempts = 3;
constexpr int kHoldWaitMs = 5000; // as long as SQLite's busy timeout

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Rows of every table of the file (names from its own schema, quoted).
Expected<QList<QPair<QString, qint64>>> countRows(const QSqlDatabase &db)
{
    QStringList tables;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
            return Sql::errorOf(q);
        while (q.next())
            tables << q.value(0).toString();
    }
    QList<QPair<QString, qint64>> counts;
    for (const QString &table : tables) {
        auto n = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM ") + quoted(table));
        if (!n)
            return n.error();
        counts.append({ table, n.value().toLongLong() });
    }
    return counts;
}

Expected<qint64> dataVersion(const QSqlDatabase &db)
{
    auto v = Sql::scalar(db, QStringLiteral("PRAGMA data_version"));
    if (!v)
        return v.error();
    return v.value().toLongLong();
}

// Holds other writers off while the copy is made: a write transaction on a
// connection of its own that writes nothing. A writer busy right now is
// waited for, by trying again every fraction of a millisecond (SQLite's own
// busy handler sleeps for milliseconds and so never gets in between the
// transactions of a writer that commits in a loop). When the hold cannot be
// had (a read-only file, a writer that keeps the lock longer), the copy
// relies on PRAGMA data_version alone.
class WriterHold
{
public:
    explicit WriterHold(const QString &path)
    {
        auto c = Connection::open(path, Connection::Access::ReadWrite);
        if (!c)
            return;
        m_connection = std::move(c.value());
        if (!Sql::exec(m_connection->db(), QStringLiteral("PRAGMA busy_timeout = 0")))
            return;
        QElapsedTimer waited;
        waited.start();
        do {
            m_held = Sql::exec(m_connection->db(), QStringLiteral("BEGIN IMMEDIATE")).ok();
            if (!m_held)
                QThread::usleep(200);
        } while (!m_held && waited.elapsed() < kHoldWaitMs);
    }
    bool held() const { return m_held; }
    ~WriterHold()
    {
        if (m_held)
            (void)Sql::exec(m_connection->db(), QStringLiteral("ROLLBACK"));
    }
    WriterHold(const WriterHold &) = delete;
    WriterHold &operator=(const WriterHold &) = delete;

private:
    std::unique_ptr<Connection> m_connection;
    bool m_held = false;
};

} // namespace

Status verifyCopy(const QString &path, const Result &expected)
{
    if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck); !s)
        return s;
    auto c = Connection::open(path, Connection::Access::Inspect);
    if (!c)
        return c.error();
    const QSqlDatabase db = c.value()->db();
    const auto version = Sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version || version.value().toInt() != expected.schemaVersion)
        return Error { Text::tr("the copy has another schema version than the database"), path, 0, 0 };
    if (expected.schemaVersion >= Schema::kMetaVersion) {
        const auto id = Sql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
        if (!id || id.value().toString() != expected.databaseId)
            return Error { Text::tr("the copy does not carry the database's identity"), path, 0, 0 };
    }
    auto counts = countRows(db);
    if (!counts)
        return Error { counts.error().message, path, 0, 0 };
    if (counts.value() != expected.counts) {
        for (const auto &[table, rows] : expected.counts) {
            qint64 copied = -1;
            for (const auto &[t, n] : counts.value())
                if (t == table)
                    copied = n;
            if (copied != rows)
                return Error {
                    Text::tr("the copy holds %1 rows of table %2 where the database holds %3").arg(copied).arg(table).arg(rows),
                    path, 0, 0
                };
        }
        return Error { Text::tr("the copy holds other tables than the database"), path, 0, 0 };
    }
    return {};
}

Expected<Result> write(const QString &source, const QString &target, const Options &options)
{
    if (Status s = DatabaseFile::verify(source, DatabaseFile::Depth::Header); !s)
        return s.error();
    // VACUUM INTO only reads its source, but SQLite copies tables and
    // indexes page by page (its transfer optimisation) only from a
    // connection opened for writing; from a read-only one it rebuilds every
    // b-tree row by row, about five times the CPU. So a read-write
    // connection is used where the caller says that is harmless: the
    // database is open for writing in this process anyway, so this
    // connection is never the last one and closing it checkpoints nothing.
    auto opened
        = Connection::open(source, options.sourceOpenForWriting ? Connection::Access::ReadWrite : Connection::Access::ReadOnly);
    if (!opened)
        return opened.error();
    const QSqlDatabase db = opened.value()->db();
    QElapsedTimer steps;
    steps.start();
    // A damaged database is never copied as if it were healthy.
    if (Status s = options.sourceChecked ? Status() : DatabaseFile::quickCheck(db, source); !s)
        return Error { Text::tr("no copy was made: %1").arg(s.error().message), source, 0, 0 };
    qCDebug(lcCopy) << "checked the source" << steps.restart() << "ms";

    Result result;
    const auto version = Sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Error { version.error().message, source, 0, 0 };
    result.schemaVersion = version.value().toInt();
    if (result.schemaVersion >= Schema::kMetaVersion) {
        const auto id = Sql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
        if (!id || id.value().toString().isEmpty())
            return Error { Text::tr("the database has no identity (database_id); it is damaged"), source, 0, 0 };
        result.databaseId = id.value().toString();
    }

    PrivateFile file(target, options.existing);
    if (Status s = file.open(); !s)
        return s.error();
    bool stable = false;
    {
        std::optional<WriterHold> hold;
        if (options.holdWriters)
            hold.emplace(source);
        // The hold is a read-write connection of this process: a second one
        // for the copy changes nothing more, and makes VACUUM INTO copy page
        // by page (kopru-cli backup at 100,000 teachers: 38 s from the
        // read-only one, issue #16). It closes before `opened`, so it is never
        // the file's last connection here and closing it checkpoints nothing.
        std::unique_ptr<Connection> copier;
        QSqlDatabase from = db;
        if (!options.sourceOpenForWriting && hold && hold->held())
            if (auto c = Connection::open(source, Connection::Access::ReadWrite)) {
                copier = std::move(c.value());
                from = copier->db();
            }
        for (int attempt = 0; attempt < kAttempts && !stable; ++attempt) {
            if (attempt > 0) {
                qCInfo(lcCopy) << "the source changed during the copy; copying again";
                file.device().resize(0);
                file.device().seek(0);
                QFile::remove(file.temporaryPath() + QStringLiteral("-journal"));
            }
            const auto before = dataVersion(from);
            auto counts = countRows(from);
            if (!before || !counts)
                return Error { (before ? counts.error() : before.error()).message, source, 0, 0 };
            // A read-write connection can copy the file page by page (the
            // connection of this process's writer, or the copier under the hold).
            Expected<bool> paged = false;
            if (options.sourceOpenForWriting || copier)
                paged = PageCopy::write(from, source, file.device());
            if (!paged)
                return Error { paged.error().message, paged.error().file, 0, 0 };
            result.method = paged.value() ? Method::PageCopy : Method::VacuumInto;
            if (!paged.value())
                if (Status s
                    = Sql::exec(from, QStringLiteral("VACUUM INTO ?"), { QDir::toNativeSeparators(file.temporaryPath()) });
                    !s)
                    return Error { Text::tr("the copy could not be written: %1").arg(s.error().message), target, 0, 0 };
            qCDebug(lcCopy) << "counted the rows and wrote the copy" << (paged.value() ? "page by page" : "with VACUUM INTO")
                            << steps.restart() << "ms";
            const auto after = dataVersion(from);
            if (!after)
                return Error { after.error().message, source, 0, 0 };
            result.counts = counts.value();
            stable = before.value() == after.value();
        }
    }
    if (!stable)
        return Error { Text::tr("the database kept changing while it was copied; try again"), source, 0, 0 };
    if (Status s = verifyCopy(file.temporaryPath(), result); !s)
        return Error { Text::tr("the copy failed its check and was removed: %1").arg(s.error().message), target, 0, 0 };
    qCDebug(lcCopy) << "checked the copy" << steps.restart() << "ms";
    if (Status s = file.commit(); !s)
        return s.error();
    qCDebug(lcCopy) << "committed the copy" << steps.restart() << "ms";
    return result;
}

} // namespace kopru::DatabaseCopy
