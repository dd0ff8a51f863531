// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/schemascript.h"

#include "models/db/database.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <map>
#include <set>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(SchemaScript)
};

Expected<std::vector<std::pair<QString, QString>>> rows(QSqlDatabase db, const QString &sql, const QVariant &binding = {})
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s.error();
    if (binding.isValid())
        q.bindValue(0, binding);
    if (Status s = Sql::run(q); !s)
        return s.error();
    std::vector<std::pair<QString, QString>> result;
    while (q.next())
        result.emplace_back(q.value(0).toString(), q.value(1).toString());
    return result;
}

} // namespace

Expected<SchemaScript> SchemaScript::current()
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error { Text::tr("cannot make a temporary folder: %1").arg(dir.errorString()), {}, 0, 0 };
    auto db = Database::create(QDir(dir.path()).filePath(QStringLiteral("schema.kopru")));
    if (!db)
        return db.error();
    return read(db.value()->connection());
}

Expected<SchemaScript> SchemaScript::read(QSqlDatabase db)
{
    auto tables = rows(db,
        QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                       "ORDER BY name"));
    if (!tables)
        return tables.error();
    std::map<QString, Table> byName;
    std::map<QString, std::set<QString>> parents;
    for (const auto &[name, sql] : tables.value()) {
        Table table { name, sql, {}, {}, false };
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid")); !s)
            return s.error();
        if (Status s = Sql::run(q, { name }); !s)
            return s.error();
        std::map<int, QString> key;
        while (q.next()) {
            table.columns << q.value(0).toString();
            if (q.value(2).toInt() > 0)
                key[q.value(2).toInt()] = q.value(0).toString();
        }
        for (const auto &[position, column] : key)
            table.key << column;
        static const QRegularExpression identity(
            QStringLiteral(R"(\bid\s+INTEGER\s+PRIMARY\s+KEY\b)"), QRegularExpression::CaseInsensitiveOption);
        table.hasIdentity = table.key == QStringList { QStringLiteral("id") } && identity.match(sql).hasMatch();
        auto references = rows(db, QStringLiteral("SELECT DISTINCT \"table\", '' FROM pragma_foreign_key_list(?)"), name);
        if (!references)
            return references.error();
        for (const auto &[parent, unused] : references.value())
            if (parent != name)
                parents[name].insert(parent);
        byName.emplace(name, std::move(table));
    }
    SchemaScript script;
    // Parents first; among the ready ones by name, so the order is stable.
    std::set<QString> placed;
    while (placed.size() < byName.size()) {
        bool progress = false;
        for (const auto &[name, table] : byName) {
            if (placed.count(name))
                continue;
            bool ready = true;
            for (const QString &parent : parents[name])
                ready = ready && (placed.count(parent) || !byName.count(parent));
            if (ready) {
                script.m_tables.push_back(table);
                placed.insert(name);
                progress = true;
            }
        }
        if (!progress)
            return Error { Text::tr("the tables' foreign keys form a cycle"), {}, 0, 0 };
    }
    auto indexes = rows(db,
        QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                       "ORDER BY name"));
    if (!indexes)
        return indexes.error();
    for (const auto &[name, sql] : indexes.value())
        script.m_indexes << sql;
    // In the order they were made.
    auto triggers = rows(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid"));
    if (!triggers)
        return triggers.error();
    for (const auto &[name, sql] : triggers.value())
        script.m_triggers << sql;
    return script;
}

const SchemaScript::Table *SchemaScript::table(const QString &name) const
{
    for (const Table &t : m_tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

QStringList SchemaScript::tableNames() const
{
    QStringList names;
    for (const Table &t : m_tables)
        names << t.name;
    return names;
}

Expected<QStringList> SchemaScript::createTables(SqlDialect::Backend backend) const
{
    QStringList statements = SqlDialect::schemaSetup(backend);
    for (const Table &table : m_tables) {
        auto translated = SqlDialect::translateTable(backend, table.sql);
        if (!translated)
            return translated.error();
        statements << translated.value();
    }
    return statements;
}

Expected<QStringList> SchemaScript::createIndexesAndTriggers(SqlDialect::Backend backend) const
{
    QStringList statements;
    for (const QString &sql : m_indexes) {
        auto translated = SqlDialect::translateIndex(backend, sql);
        if (!translated)
            return translated.error();
        statements << translated.value();
    }
    for (const QString &sql : m_triggers) {
        auto translated = SqlDialect::translateTrigger(backend, sql);
        if (!translated)
            return translated.error();
        statements << translated.value();
    }
    return statements;
}

} // namespace kopru
