// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the tests (header-only; production code lives in the libraries).
#pragma once

#include "models/db/database.h"
#include "models/db/sql.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace kopru::test {

// Runs kopru-cli with `args`; returns exit code, fills stdout/stderr.
inline int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(KOPRU_CLI), args);
    if (!p.waitForFinished(timeoutMs))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

// The single value of `sql`, or an invalid QVariant (failing the test on error).
inline QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    auto v = Sql::scalar(db, sql);
    if (!v) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(v.message()));
        return {};
    }
    return v.value();
}

// A new database with the reference data only.
inline std::unique_ptr<Database> newDatabase(const QString &path)
{
    auto db = Database::create(path);
    if (!db) {
        qWarning("%s", qPrintable(db.message()));
        return nullptr;
    }
    return std::move(db.value());
}

// Leaves about `pages` free pages in the file of `db` (a table of 3,000-byte
// blobs made and dropped), the -wal checkpointed into it.
inline Status addFreePages(const QSqlDatabase &db, int pages)
{
    for (const QString &sql : { QStringLiteral("CREATE TABLE scratch(x BLOB)"),
             QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                            "INSERT INTO scratch SELECT randomblob(3000) FROM n")
                 .arg(pages),
             QStringLiteral("DROP TABLE scratch"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)") })
        if (Status s = Sql::exec(db, sql); !s)
            return s;
    return {};
}

} // namespace kopru::test
