// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the exchange tests (header-only; production code lives in the libraries).
#pragma once

#include "models/demo/demogenerator.h"
#include "models/exchange/packer.h"
#include "models/exchange/receiver.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlRecord>

namespace kopru::test {

// A digest of the content of every table of a database, written here (not
// taken from the exchange code) so that it checks that code: local ids are
// replaced by the global id of the row they name (foreign keys as SQLite
// lists them), rows are ordered by all their columns, and what is local by
// nature is left out — the local ids themselves, change marks, plan runs,
// the audit log, the exchange log, the database's identity, and the times
// at which the national office itself made review items.
inline QMap<QString, QByteArray> contentDigests(const QSqlDatabase &db)
{
    QMap<QString, QByteArray> digests;
    QSqlQuery tables(db);
    tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    const QStringList local { QStringLiteral("meta"), QStringLiteral("exchange_peer"), QStringLiteral("exchange_package"),
        QStringLiteral("audit_log"), QStringLiteral("plan_run") };
    for (const QString &table : names) {
        if (local.contains(table))
            continue;
        QMap<QString, QString> refs; // column → referenced table
        QSqlQuery fk(db);
        fk.exec(QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('%1')").arg(table));
        while (fk.next())
            refs.insert(fk.value(0).toString(), fk.value(1).toString());
        QSqlQuery cols(db);
        cols.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
        QStringList exprs;
        while (cols.next()) {
            const QString c = cols.value(0).toString();
            if (c == QLatin1String("id") || c == QLatin1String("change_serial") || c == QLatin1String("plan_run_id"))
                continue;
            if (table == QLatin1String("review_item") && (c == QLatin1String("modified_at") || c == QLatin1String("resolved_at")))
                continue;
            const QString target = refs.value(c);
            if (target.isEmpty() || target == QLatin1String("province") || c == QLatin1String("owner_centre_id")
                || c == QLatin1String("target_owner_centre_id"))
                exprs << QStringLiteral("quote(%1)").arg(c);
            else
                exprs << QStringLiteral("(SELECT uid FROM %1 WHERE id = %2.%3)").arg(target, table, c);
        }
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        const QString sql = QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                .arg(exprs.join(QStringLiteral(", ")), table, exprs.join(QStringLiteral(", ")));
        if (!rows.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(rows.lastError().text()));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 n = 0;
        while (rows.next()) {
            ++n;
            for (int i = 0; i < exprs.size(); ++i) {
                hash.addData(rows.value(i).toString().toUtf8());
                hash.addData("\x1f");
            }
            hash.addData("\x1e");
        }
        digests.insert(table, QByteArray::number(n) + ':' + hash.result().toHex().left(16));
    }
    return digests;
}

// The whole file, byte for byte (with its -wal), to prove a refusal changed nothing.
inline QByteArray fileBytes(const QString &path)
{
    QByteArray all;
    for (const char *suffix : { "", "-wal" }) {
        QFile f(path + QLatin1String(suffix));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// Demo databases and packages in a temporary folder, for the exchange tests.
class ExchangeWorkspace
{
public:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A verified copy of a database (its database_id is the same: a copy).
    QString copyOf(const QString &source)
    {
        const QString target = path(QStringLiteral("copy%1.kopru").arg(++m_n));
        auto db = Database::open(source);
        if (!db || !db.value()->backupTo(target))
            return {};
        return target;
    }

    // The demo's part of `role`: small, from one seed (the same for every role).
    static DemoGenerator::Options demoOptions(const DatabaseRole &role)
    {
        DemoGenerator::Options o;
        o.teachers = 900;
        o.partners = 240;
        o.minPlaces = 480;
        o.seed = 77;
        o.role = role;
        return o;
    }

    static QString build(const QString &file, const DatabaseRole &role)
    {
        auto db = Database::create(file, [&role](QSqlDatabase c) -> Status {
            auto s = DemoGenerator::generate(c, demoOptions(role));
            return s ? Status() : Status(s.error());
        });
        if (!db) {
            qWarning("%s", qPrintable(db.message()));
            return {};
        }
        return file;
    }

    static Expected<PackageManifest> pack(const QString &dbPath, const DatabaseRole &to, const QString &out, bool full = false)
    {
        auto db = Database::open(dbPath);
        if (!db)
            return db.error();
        return Packer::pack(*db.value(), Packer::Options { to, out, full });
    }

    static Expected<Receiver::Result> receive(const QString &dbPath, const QString &package, bool dryRun = false)
    {
        auto db = Database::open(dbPath);
        if (!db)
            return db.error();
        Receiver::Options options;
        options.dryRun = dryRun;
        options.backup = false;
        return Receiver::receive(*db.value(), package, options);
    }

    // Runs `statements` on a database (test set-up: the change a coordinator would make).
    static bool change(const QString &dbPath, const QStringList &statements)
    {
        auto db = Database::open(dbPath);
        if (!db)
            return false;
        for (const QString &sql : statements)
            if (Status s = Sql::exec(db.value()->connection(), sql); !s) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(s.message()));
                return false;
            }
        return true;
    }

    static QVariant value(const QString &dbPath, const QString &sql)
    {
        auto db = Database::open(dbPath);
        return db ? scalar(db.value()->connection(), sql) : QVariant();
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
};

} // namespace kopru::test
