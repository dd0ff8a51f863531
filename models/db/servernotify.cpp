// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/servernotify.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace kopru::ServerNotify {

namespace {

struct Table
{
    QString name;
    bool hasId = false;
    bool hasTrigger = false;
};

// The tables of the current schema (not the version table), whether they
// have an `id` column and whether they notify already.
Expected<QList<Table>> tables(QSqlDatabase db)
{
    const QStringList bookkeeping = SqlDialect::bookkeepingTables(SqlDialect::Backend::Postgres);
    QList<Table> found;
    Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT c.relname, "
                       "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' "
                       "AND NOT a.attisdropped), "
                       "EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname LIKE 'kopru\\_notify\\_%') "
                       "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
                       "ORDER BY c.relname"),
        [&](const QSqlQuery &q) {
            const QString name = q.value(0).toString();
            if (!bookkeeping.contains(name))
                found.append({ name, q.value(1).toBool(), q.value(2).toBool() });
        });
    if (!s)
        return s.error();
    return found;
}

QString trigger(
    const QString &name, const QString &event, const QString &table, const QString &transition, const QString &function)
{
    return QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 %4 FOR EACH STATEMENT EXECUTE FUNCTION %5()")
        .arg(name, event, SqlDialect::quoted(table), transition, function);
}

QStringList statements(const QList<Table> &tables)
{
    QStringList sql;
    // Few rows: their ids; many: the table only. Statements that changed no
    // row say nothing.
    sql << QStringLiteral(R"sql(CREATE OR REPLACE FUNCTION kopru_notify_rows() RETURNS trigger LANGUAGE plpgsql AS $kopru$
DECLARE
    changed bigint;
    ids text;
BEGIN
    SELECT count(*) INTO changed FROM (SELECT 1 FROM kopru_changed LIMIT %1) AS s;
    IF changed = 0 THEN
        RETURN NULL;
    END IF;
    IF changed <= %2 THEN
        SELECT string_agg(id::text, ',' ORDER BY id) INTO ids FROM kopru_changed;
        PERFORM pg_notify('%3', TG_TABLE_NAME || ':' || ids);
    ELSE
        PERFORM pg_notify('%3', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$kopru$)sql")
               .arg(kMaxIds + 1)
               .arg(kMaxIds)
               .arg(channel())
        << QStringLiteral(R"sql(CREATE OR REPLACE FUNCTION kopru_notify_table() RETURNS trigger LANGUAGE plpgsql AS $kopru$
BEGIN
    PERFORM pg_notify('%1', TG_TABLE_NAME);
    RETURN NULL;
END
$kopru$)sql")
               .arg(channel());
    const QString rows = QStringLiteral("kopru_notify_rows");
    const QString whole = QStringLiteral("kopru_notify_table");
    for (const Table &t : tables) {
        const QString table = SqlDialect::quoted(t.name);
        for (const char *name : { "kopru_notify_insert", "kopru_notify_update", "kopru_notify_delete", "kopru_notify_truncate",
                 "kopru_notify_change" })
            sql << QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(QLatin1String(name), table);
        if (!t.hasId) {
            sql << trigger(QStringLiteral("kopru_notify_change"), QStringLiteral("INSERT OR UPDATE OR DELETE OR TRUNCATE"),
                t.name, {}, whole);
            continue;
        }
        // A trigger with a transition table fires on one event only.
        const QString newRows = QStringLiteral("REFERENCING NEW TABLE AS kopru_changed");
        sql << trigger(QStringLiteral("kopru_notify_insert"), QStringLiteral("INSERT"), t.name, newRows, rows)
            << trigger(QStringLiteral("kopru_notify_update"), QStringLiteral("UPDATE"), t.name, newRows, rows)
            << trigger(QStringLiteral("kopru_notify_delete"), QStringLiteral("DELETE"), t.name,
                   QStringLiteral("REFERENCING OLD TABLE AS kopru_changed"), rows)
            << trigger(QStringLiteral("kopru_notify_truncate"), QStringLiteral("TRUNCATE"), t.name, {}, whole);
    }
    return sql;
}

} // namespace

QString channel()
{
    return QStringLiteral("kopru_changes");
}

Expected<QStringList> missingTables(QSqlDatabase db)
{
    auto found = tables(db);
    if (!found)
        return found.error();
    QStringList missing;
    for (const Table &t : found.value())
        if (!t.hasTrigger)
            missing << t.name;
    return missing;
}

Status install(QSqlDatabase db)
{
    auto found = tables(db);
    if (!found)
        return found.error();
    for (const QString &statement : statements(found.value()))
        if (Status s = Sql::exec(db, statement); !s)
            return s;
    return {};
}

std::optional<Change> parse(const QString &payload)
{
    const qsizetype colon = payload.indexOf(QLatin1Char(':'));
    Change change { payload.left(colon), {} };
    // A table's name as the triggers write it (TG_TABLE_NAME of our schema).
    static const QRegularExpression name(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (!name.match(change.table).hasMatch())
        return std::nullopt;
    if (colon < 0)
        return change;
    const QStringView list = QStringView(payload).mid(colon + 1);
    for (QStringView part : list.split(QLatin1Char(','))) {
        bool ok = false;
        const int id = part.toInt(&ok);
        if (!ok)
            return Change { change.table, {} }; // not an id we can name: the whole table
        change.ids << id;
    }
    return change;
}

} // namespace kopru::ServerNotify
