// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagestaging.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/travellingtables.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>
#include <algorithm>

namespace kopru::PackageStaging {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

const QString kPrefix = QStringLiteral("temp.pkg_");

// The local column a package column of `table` is written to ("" when none:
// a reference travels as a uid, which is text).
QString localColumn(const TravellingTable &table, const QString &packageColumn)
{
    for (const auto *part : { &table.key, &table.content })
        for (const PackageColumn &c : *part)
            if (c.name == packageColumn)
                return c.isRef() ? QString() : c.local;
    if (packageColumn == QLatin1String("version"))
        return table.version;
    if (packageColumn == QLatin1String("modified_at"))
        return table.modifiedAt;
    if (packageColumn == QLatin1String("modified_by"))
        return table.modifiedBy;
    return packageColumn; // owner_centre_id
}

// "name type" of each column of the package table `d`, typed as the column
// it comes from or goes to in this database (text when there is none).
Expected<QStringList> stagedColumns(QSqlDatabase db, const TravellingTables::DigestTable &d)
{
    const TravellingTable *t = TravellingTables::table(d.name);
    QHash<QString, QString> types;
    if (t || d.name == QLatin1String("tombstone")) {
        auto local = SqlDialect::columnTypes(db, t ? t->local : d.name);
        if (!local)
            return local.error();
        types = local.value();
    }
    QStringList columns { QStringLiteral("rowid INTEGER") };
    for (const QString &c : d.columns) {
        const QString type = types.value(t ? localColumn(*t, c) : c);
        columns << c + QLatin1Char(' ') + (type.isEmpty() ? QStringLiteral("TEXT") : type);
    }
    return columns;
}

// A value as SQLite stores it: integers as signed 64-bit ones (a server's
// BIGINT arrives as an unsigned one when it is not negative, which SQLite
// would store as text), everything else as it is.
QVariant storedAsRead(const QVariant &v)
{
    if (v.isNull())
        return v;
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QVariant(v.toLongLong());
    default:
        return v;
    }
}

// Copies the rows of `select` on `from` with `insert` ("INSERT INTO t(c…)
// VALUES ") on `to`, `width` values a row, as many rows a statement as the
// backend binds.
Status copy(QSqlDatabase from, const QString &select, QSqlDatabase to, const QString &insert, int width)
{
    const int batch = std::max(1, std::min(500, SqlDialect::maxBoundValues(SqlDialect::backendOf(to)) / width));
    const QString row = QLatin1Char('(') + QStringList(width, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    QVariantList values;
    const auto flush = [&]() -> Status {
        if (values.isEmpty())
            return {};
        QSqlQuery q(to);
        if (Status s = ExchangeSql::prepare(q, insert + QStringList(values.size() / width, row).join(QLatin1Char(','))); !s)
            return s;
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        values.clear();
        return Sql::run(q);
    };
    QSqlQuery read(from);
    read.setForwardOnly(true);
    if (Status s = ExchangeSql::prepare(read, select); !s)
        return s;
    if (Status s = Sql::run(read); !s)
        return s;
    while (read.next()) {
        for (int i = 0; i < width; ++i)
            values << storedAsRead(read.value(i));
        if (values.size() >= batch * width)
            if (Status s = flush(); !s)
                return s;
    }
    return flush();
}

} // namespace

QString prefix()
{
    return kPrefix;
}

Status create(QSqlDatabase db, const QString &tablePrefix)
{
    const SqlDialect::Backend backend = SqlDialect::backendOf(db);
    for (const TravellingTables::DigestTable &d : TravellingTables::digestTables()) {
        auto columns = stagedColumns(db, d);
        if (!columns)
            return columns.error();
        if (Status s = ExchangeSql::exec(db, QStringLiteral("DROP TABLE IF EXISTS %1%2").arg(tablePrefix, d.name)); !s)
            return s;
        if (Status s = ExchangeSql::exec(db, SqlDialect::stagingTable(backend, tablePrefix + d.name, columns.value())); !s)
            return s;
    }
    return {};
}

Status fill(QSqlDatabase file, QSqlDatabase db, const std::function<void(int)> &progress)
{
    const auto tables = TravellingTables::digestTables();
    int done = 0;
    for (const TravellingTables::DigestTable &d : tables) {
        const QString columns = d.columns.join(QStringLiteral(", "));
        if (Status s = copy(file, QStringLiteral("SELECT rowid, %1 FROM main.%2 ORDER BY rowid").arg(columns, d.name), db,
                QStringLiteral("INSERT INTO %1%2(rowid, %3) VALUES ").arg(kPrefix, d.name, columns), int(d.columns.size()) + 1);
            !s)
            return s;
        if (progress)
            progress(100 * ++done / int(tables.size()));
    }
    return {};
}

Status drain(QSqlDatabase db, QSqlDatabase file)
{
    for (const TravellingTables::DigestTable &d : TravellingTables::digestTables()) {
        const QString columns = d.columns.join(QStringLiteral(", "));
        if (Status s = copy(db, QStringLiteral("SELECT %1 FROM %2%3").arg(columns, kPrefix, d.name), file,
                QStringLiteral("INSERT INTO main.%1(%2) VALUES ").arg(d.name, columns), int(d.columns.size()));
            !s)
            return s;
    }
    return {};
}

Expected<QString> openFile(const QString &path, bool readOnly)
{
    const QString name = QStringLiteral("kopru-package-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    {
        QSqlDatabase file = QSqlDatabase::addDatabase(SqlDialect::driverName(SqlDialect::Backend::Sqlite), name);
        file.setDatabaseName(path);
        if (readOnly)
            file.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (file.open())
            return name;
    }
    const Error error = Sql::errorOf(QSqlDatabase::database(name, false).lastError());
    QSqlDatabase::removeDatabase(name);
    return Error { Text::tr("cannot open the package: %1").arg(error.message), path, 0, 0 };
}

void closeFile(const QString &connectionName)
{
    if (connectionName.isEmpty())
        return;
    QSqlDatabase::database(connectionName, false).close();
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace kopru::PackageStaging
