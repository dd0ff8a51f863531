// SPDX-License-Identifier: GPL-3.0-or-later
// The two backends of a data-driven test (docs/server.md): an SQLite file and
// a PostgreSQL database made for the test case on the server of
// KOPRU_TEST_PG_URL (.ci/pg-cluster.sh starts a throwaway one) and dropped in
// cleanup(). Without that variable the PostgreSQL rows are skipped, saying
// why; a server that was announced but cannot be reached is a failure.
#pragma once

#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

namespace kopru::test {

class BackendFixture
{
public:
    static inline const QString kSqlite = QStringLiteral("sqlite");
    static inline const QString kPostgres = QStringLiteral("postgresql");

    // `prefix` names the test's server databases (prefix_PID_N), so that a
    // database left behind by a crashed test says which test made it.
    explicit BackendFixture(QString prefix = QStringLiteral("kopru_cmd"))
        : m_prefix(std::move(prefix))
    { }

    // The column "backend" and one row per backend.
    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << kSqlite;
        QTest::newRow("postgresql") << kPostgres;
    }

    static QString skipReason()
    {
        const QString reason = QStringLiteral("PostgreSQL tests skipped: KOPRU_TEST_PG_URL is not set");
        const QString why = qEnvironmentVariable("KOPRU_TEST_PG_SKIP_REASON");
        if (why.isEmpty())
            return reason + QStringLiteral(" (run .ci/test.sh, which starts a throwaway server)");
        return reason + QStringLiteral(": ") + why;
    }

    // In initTestCase(): connects to the announced server (empty error: none announced).
    QString connect()
    {
        if (m_adminUrl.isEmpty()) {
            qInfo("%s", qPrintable(skipReason()));
            return {};
        }
        auto admin = Connection::open(m_adminUrl, Connection::Access::ReadWrite);
        if (!admin)
            return admin.message();
        m_admin = std::move(admin.value());
        return {};
    }

    bool hasServer() const { return m_admin != nullptr; }
    // The administrator's connection (hasServer() only).
    QSqlDatabase admin() const { return m_admin->db(); }
    QString adminUrl() const { return m_adminUrl; }

    // A new empty server database; its URL (with the admin's user).
    QString newServerDatabase()
    {
        const QString name = QStringLiteral("%1_%2_%3").arg(m_prefix).arg(QCoreApplication::applicationPid()).arg(++m_n);
        if (!Sql::exec(m_admin->db(), QStringLiteral("CREATE DATABASE %1").arg(name))) {
            qWarning("CREATE DATABASE %s failed", qPrintable(name));
            return {};
        }
        m_serverDatabases << name;
        QUrl url(m_adminUrl);
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }

    // A new server database holding a copy of the file `source`; its URL (the
    // admin's user, the copy's owner). Empty when the copy failed, saying why.
    QString newServerCopy(const QString &source)
    {
        const QString url = newServerDatabase();
        if (url.isEmpty())
            return {};
        if (auto copied = DatabaseTransfer::copy(source, url); !copied) {
            qWarning("%s", qPrintable(copied.message()));
            return {};
        }
        return url;
    }

    // Drops the server databases of the test case (true: all dropped).
    bool dropServerDatabases()
    {
        bool ok = true;
        for (const QString &name : std::as_const(m_serverDatabases))
            ok = Sql::exec(m_admin->db(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)).ok() && ok;
        m_serverDatabases.clear();
        return ok;
    }

    // A login role `name` (password = name) in the group role `group`, dropped
    // by dropLogins() (true: made).
    bool newLogin(const QString &name, const QString &group)
    {
        m_logins << name;
        return Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(name))
            && Sql::exec(m_admin->db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%1' IN ROLE %2").arg(name, group));
    }

    // The server database `url` as the login `name` made by newLogin().
    static QString asLogin(const QString &url, const QString &name)
    {
        QUrl login(url);
        login.setUserName(name);
        login.setPassword(name);
        return login.toString();
    }

    // Drops the login roles of the test case (true: all dropped).
    bool dropLogins()
    {
        bool ok = true;
        for (const QString &login : std::as_const(m_logins))
            ok = Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(login)).ok() && ok;
        m_logins.clear();
        return ok;
    }

private:
    const QString m_prefix;
    const QString m_adminUrl = qEnvironmentVariable("KOPRU_TEST_PG_URL");
    std::unique_ptr<Connection> m_admin;
    QStringList m_serverDatabases;
    QStringList m_logins;
    int m_n = 0;
};

} // namespace kopru::test
