// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/databasetransfer.h"

#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/db/schema.h"
#include "models/db/schemascript.h"
#include "models/db/servernotify.h"
#include "models/db/serverroles.h"
#include "models/db/serverurl.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"
#include "models/exchange/databaserole.h"
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace kopru::DatabaseTransfer {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseTransfer)
};

using SqlDialect::Backend;

// Rows per INSERT: many rows per statement, few enough bound values for
// either backend.
constexpr int kValuesPerInsert = 2000;

Status execAll(QSqlDatabase db, const QStringList &statements)
{
    for (const QString &statement : statements)
        if (Status s = Sql::exec(db, statement); !s)
            return Status::failure(s.message() + QStringLiteral(" — ") + statement.simplified().left(200));
    return {};
}

QString insertSql(const SchemaScript::Table &table, int rows)
{
    QStringList columns;
    for (const QString &column : table.columns)
        columns << SqlDialect::quoted(column);
    QString row = QStringLiteral("(?") + QStringLiteral(", ?").repeated(table.columns.size() - 1) + QLatin1Char(')');
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values << row;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(SqlDialect::quoted(table.name), columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
}

// Copies the rows of `table`; returns how many.
Expected<qint64> copyRows(QSqlDatabase from, QSqlDatabase to, const SchemaScript::Table &table)
{
    QStringList columns;
    for (const QString &column : table.columns)
        columns << SqlDialect::quoted(column);
    QSqlQuery read(from);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), SqlDialect::quoted(table.name))))
        return Error { table.name + QStringLiteral(": ") + Sql::errorOf(read).message, {}, 0, 0 };
    const int width = int(table.columns.size());
    const int perInsert = std::max(1, kValuesPerInsert / width);
    QSqlQuery full(to);
    if (Status s = Sql::prepare(full, insertSql(table, perInsert)); !s)
        return Error { table.name + QStringLiteral(": ") + s.error().message, {}, 0, 0 };
    QVariantList pending;
    qint64 copied = 0;
    const auto flush = [&](QSqlQuery &insert) -> Status {
        for (int i = 0; i < pending.size(); ++i)
            insert.bindValue(i, pending.at(i));
        if (!insert.exec())
            return Status::failure(table.name + QStringLiteral(": ") + Sql::errorOf(insert).message);
        pending.clear();
        return {};
    };
    while (read.next()) {
        for (int i = 0; i < width; ++i)
            pending << read.value(i);
        ++copied;
        if (pending.size() == perInsert * width)
            if (Status s = flush(full); !s)
                return s.error();
    }
    if (read.lastError().isValid())
        return Error { table.name + QStringLiteral(": ") + Sql::errorOf(read).message, {}, 0, 0 };
    if (!pending.isEmpty()) {
        QSqlQuery rest(to);
        if (Status s = Sql::prepare(rest, insertSql(table, int(pending.size() / width))); !s)
            return Error { table.name + QStringLiteral(": ") + s.error().message, {}, 0, 0 };
        if (Status s = flush(rest); !s)
            return s.error();
    }
    return copied;
}

// Writes the schema and every row of `from` into the empty `to`, inside the
// caller's transaction; returns the rows per table.
Expected<std::vector<TableContent::Count>> fill(QSqlDatabase from, QSqlDatabase to, const SchemaScript &schema)
{
    const Backend backend = SqlDialect::backendOf(to);
    auto tables = schema.createTables(backend);
    if (!tables)
        return tables.error();
    if (Status s = execAll(to, tables.value()); !s)
        return s.error();
    std::vector<TableContent::Count> copied;
    for (const SchemaScript::Table &table : schema.tables()) {
        auto n = copyRows(from, to, table);
        if (!n)
            return n.error();
        copied.push_back({ table.name, n.value() });
        if (Status s = execAll(to, SqlDialect::continueIdentity(backend, table.name, table.hasIdentity)); !s)
            return s.error();
    }
    auto rest = schema.createIndexesAndTriggers(backend);
    if (!rest)
        return rest.error();
    if (Status s = execAll(to, rest.value()); !s)
        return s.error();
    if (Status s = execAll(to, SqlDialect::setSchemaVersion(backend, Schema::kCurrentVersion, Schema::kApplicationId)); !s)
        return s.error();
    return copied;
}

Status sameCounts(
    const std::vector<TableContent::Count> &expected, const std::vector<TableContent::Count> &found, const QString &where)
{
    for (size_t i = 0; i < expected.size(); ++i)
        if (i >= found.size() || found[i].rows != expected[i].rows)
            return Error { Text::tr("table %1: %2 rows in the source, %3 in the copy")
                               .arg(expected[i].table)
                               .arg(expected[i].rows)
                               .arg(i < found.size() ? found[i].rows : 0),
                where, 0, 0 };
    return {};
}

Expected<std::vector<TableContent::Count>> copyToServer(QSqlDatabase from, const QString &target, const SchemaScript &schema)
{
    auto opened = Connection::open(target, Connection::Access::ReadWrite);
    if (!opened)
        return opened.error();
    const QString shown = opened.value()->path();
    QSqlDatabase to = opened.value()->db();
    auto existing = SqlDialect::userTables(to);
    if (!existing)
        return Error { existing.error().message, shown, 0, 0 };
    if (!existing->isEmpty())
        return Error { Text::tr("the server database is not empty (%n table(s), e.g. %1); Köprü copies only into an "
                                "empty database: create a new one (createdb) or choose another",
                           nullptr, int(existing->size()))
                           .arg(existing->constFirst()),
            shown, 0, 0 };
    Transaction tx(to);
    if (!tx.began())
        return Error { tx.began().error().message, shown, 0, 0 };
    auto copied = fill(from, to, schema);
    if (!copied)
        return Error { copied.error().message, shown, 0, 0 };
    // Other users' windows learn of every change (docs/server.md, "Several users at once").
    if (Status s = ServerNotify::install(to); !s)
        return Error { s.error().message, shown, 0, 0 };
    if (Status s = ServerRoles::install(to); !s)
        return Error { Text::tr("cannot set up the roles (the user needs the CREATEROLE privilege): %1").arg(s.message()), shown,
            0, 0 };
    auto found = TableContent::counts(to, schema);
    if (!found)
        return found.error();
    if (Status s = sameCounts(copied.value(), found.value(), shown); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return Error { s.error().message, shown, 0, 0 };
    return found.value();
}

Expected<std::vector<TableContent::Count>> copyToFile(QSqlDatabase from, const QString &target, const SchemaScript &schema)
{
    PrivateFile file(target, PrivateFile::Existing::ReplaceEmpty);
    if (Status s = file.open(); !s)
        return s.error();
    {
        auto opened = Connection::open(file.temporaryPath(), Connection::Access::ReadWrite);
        if (!opened)
            return Error { opened.error().message, target, 0, 0 };
        QSqlDatabase to = opened.value()->db();
        if (Status s = execAll(to, SqlDialect::newDatabaseSetup(Backend::Sqlite)); !s)
            return Error { s.error().message, target, 0, 0 };
        Transaction tx(to);
        if (!tx.began())
            return Error { tx.began().error().message, target, 0, 0 };
        auto copied = fill(from, to, schema);
        if (!copied)
            return Error { copied.error().message, target, 0, 0 };
        if (Status s = tx.commit(); !s)
            return Error { s.error().message, target, 0, 0 };
    } // closing the connection checkpoints the WAL into the file
    if (Status s = file.commit(); !s)
        return s.error();
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto written = Database::open(target, options);
    if (!written)
        return written.error();
    return TableContent::counts(written.value()->connection(), schema);
}

} // namespace

Expected<Report> copy(const QString &source, const QString &target)
{
    if (source == target)
        return Error { Text::tr("the source and the target are the same"), target, 0, 0 };
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    options.migrate = false;
    auto opened = Database::open(source, options);
    if (!opened)
        return opened.error();
    const Database &db = *opened.value();
    auto schema = SchemaScript::current();
    if (!schema)
        return schema.error();
    QSqlDatabase from = db.connection();
    // One consistent state of the source, even while others write to it.
    Transaction snapshot(from, Transaction::Mode::Read);
    if (!snapshot.began())
        return Error { snapshot.began().error().message, db.path(), 0, 0 };
    auto expected = TableContent::counts(from, schema.value());
    if (!expected)
        return Error { expected.error().message, db.path(), 0, 0 };
    auto copied
        = ServerUrl::isServerUrl(target) ? copyToServer(from, target, schema.value()) : copyToFile(from, target, schema.value());
    if (!copied)
        return copied.error();
    Report report { db.path(), target, copied.value() };
    if (auto url = ServerUrl::parse(target))
        report.target = url->display();
    if (Status s = sameCounts(expected.value(), copied.value(), report.target); !s)
        return s.error();
    return report;
}

Expected<Report> initialiseServer(const QString &target)
{
    if (!ServerUrl::isServerUrl(target))
        return ServerUrl::parse(target).error();
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error { Text::tr("cannot make a temporary folder: %1").arg(dir.errorString()), {}, 0, 0 };
    const QString path = QDir(dir.path()).filePath(QStringLiteral("national.kopru"));
    auto role = DatabaseRole::parse(QStringLiteral("national"));
    if (!role)
        return role.error();
    {
        auto made = Database::create(path, [&role](QSqlDatabase c) { return role->write(c); });
        if (!made)
            return made.error();
    }
    auto report = copy(path, target);
    if (report)
        report->source.clear();
    return report;
}

} // namespace kopru::DatabaseTransfer
