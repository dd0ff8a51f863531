// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/sqldialect.h"

#include "models/db/schemamacros.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>

namespace kopru::SqlDialect {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(SqlDialect)
};

const QString kPgNow = QStringLiteral("to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')");
const QString kPgNowIso = QStringLiteral(R"(to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'))");
const QString kPgUuid = QStringLiteral("gen_random_uuid()::text");
const QString kFileLabel = QStringLiteral(KOPRU_LOCAL_LABEL);
const QString kPgLabel = QStringLiteral("kopru_change_label()");
// The server's label (changeLabel): the database's own label, for a member of
// a centre role who is not national staff that centre's, then the login.
// PL/pgSQL, so that it may be made before the table meta it reads.
const QString kPgLabelFunction
    = QStringLiteral(R"sql(CREATE OR REPLACE FUNCTION kopru_change_label() RETURNS text LANGUAGE plpgsql
STABLE AS $kopru$
BEGIN
    RETURN coalesce((SELECT 'centre:' || value FROM meta WHERE key = 'centre_id'),
        (SELECT 'centre:' || substr(r.rolname, 14) FROM pg_roles r WHERE r.rolname ~ '^kopru_centre_[0-9]+$'
         AND pg_has_role(session_user, r.oid, 'MEMBER') AND NOT EXISTS (SELECT 1 FROM pg_roles n
         WHERE n.rolname = 'kopru_national' AND pg_has_role(session_user, n.oid, 'MEMBER'))
         ORDER BY length(r.rolname), r.rolname LIMIT 1),
        'national') || ':' || session_user;
END
$kopru$)sql");

QRegularExpression re(const char *pattern)
{
    return QRegularExpression(
        QString::fromLatin1(pattern), QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
}

// Splits `text` at `separator` outside quotes and parentheses.
QStringList splitTopLevel(const QString &text, QChar separator)
{
    QStringList parts;
    int depth = 0;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (c == separator && depth == 0) {
            parts << text.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    const QString last = text.mid(start).trimmed();
    if (!last.isEmpty())
        parts << last;
    return parts;
}

// Expressions and statements of the SQLite schema in PostgreSQL's SQL.
QString translateExpression(QString sql)
{
    static const QRegularExpression isNot = re(R"(\bIS\s+NOT\b(?!\s+(NULL|DISTINCT)\b))");
    static const QRegularExpression is = re(R"(\bIS\b(?!\s+(NOT|NULL|DISTINCT)\b))");
    static const QRegularExpression uuid = re(R"(\(lower\(hex\(randomblob\(4\)\)\).*?lower\(hex\(randomblob\(6\)\)\)\))");
    static const QRegularExpression isoNow = re(R"(strftime\('%Y-%m-%dT%H:%M:%S',\s*'now'\))");
    static const QRegularExpression now = re(R"(\bCURRENT_TIMESTAMP\b)");
    static const QRegularExpression glob = re(R"(\bNOT\s+GLOB\s+'\*\[\^0-9\]\*')");
    static const QRegularExpression isDate = re(R"(\bdate\((\w+)\)\s+IS\s+\1\b)");
    static const QRegularExpression twoArgMax = re(R"(\bmax\()");
    static const QRegularExpression full = QRegularExpression(QStringLiteral(R"((?<!["\w])full(?!["\w]))"));
    // Where a change is made: the place and the login (changeLabel).
    sql.replace(kFileLabel, kPgLabel);
    sql.replace(uuid, QStringLiteral("(") + kPgUuid + QStringLiteral(")"));
    sql.replace(isoNow, kPgNowIso);
    sql.replace(now, QStringLiteral("(") + kPgNow + QStringLiteral(")"));
    sql.replace(glob, QStringLiteral("!~ '[^0-9]'"));
    sql.replace(isDate, QStringLiteral("kopru_is_date(\\1)"));
    sql.replace(isNot, QStringLiteral("IS DISTINCT FROM"));
    sql.replace(is, QStringLiteral("IS NOT DISTINCT FROM"));
    sql.replace(twoArgMax, QStringLiteral("greatest("));
    sql.replace(full, QStringLiteral("\"full\""));
    return sql;
}

// What has no translation: refused rather than sent to the server half-translated.
Status checkTranslated(const QString &original, const QString &translated)
{
    static const QRegularExpression leftover
        = re(R"(\b(GLOB|randomblob|strftime|julianday|WITHOUT\s+ROWID|AUTOINCREMENT|INSERT\s+OR|PRAGMA|date\(|datetime\())");
    const QRegularExpressionMatch m = leftover.match(translated);
    if (m.hasMatch())
        return Status::failure(Text::tr("no PostgreSQL translation of %1 in: %2").arg(m.captured(1), original.simplified()));
    return {};
}

} // namespace

Backend backendOf(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Backend::Postgres : Backend::Sqlite;
}

Backend backendOf(const QSqlDriver *driver)
{
    return driver && driver->dbmsType() == QSqlDriver::PostgreSQL ? Backend::Postgres : Backend::Sqlite;
}

QString driverName(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
}

bool hasSqliteResultCodes(QSqlDriver::DbmsType type)
{
    return type != QSqlDriver::PostgreSQL;
}

QStringList connectionSetup(Backend backend, bool readOnly)
{
    if (backend == Backend::Sqlite)
        return { QStringLiteral("PRAGMA foreign_keys = ON") };
    QStringList setup { QStringLiteral("SET client_min_messages = warning"), QStringLiteral("SET TIME ZONE 'UTC'") };
    if (readOnly)
        setup << QStringLiteral("SET default_transaction_read_only = on");
    return setup;
}

QString beginStatement(Backend backend, bool write)
{
    // A server reader sees one consistent state (a snapshot), as SQLite's does.
    if (backend == Backend::Postgres)
        return write ? QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED")
                     : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN DEFERRED");
}

Expected<int> schemaVersion(QSqlDatabase db)
{
    const bool server = backendOf(db) == Backend::Postgres;
    if (server) {
        auto exists = Sql::scalar(db, QStringLiteral("SELECT to_regclass('kopru_schema') IS NOT NULL"));
        if (!exists)
            return exists.error();
        if (!exists.value().toBool())
            return Error { Text::tr("not a Köprü database (no schema; create one with kopru-cli server-init)"), {}, 0, 0 };
    }
    auto v = Sql::scalar(db, server ? QStringLiteral("SELECT version FROM kopru_schema") : QStringLiteral("PRAGMA user_version"));
    if (!v)
        return v.error();
    return v.value().toInt();
}

QStringList setSchemaVersion(Backend backend, int version, int applicationId)
{
    if (backend == Backend::Sqlite)
        return { QStringLiteral("PRAGMA user_version = %1").arg(version),
            QStringLiteral("PRAGMA application_id = %1").arg(applicationId) };
    return { QStringLiteral("DELETE FROM kopru_schema"),
        QStringLiteral("INSERT INTO kopru_schema(version, application_id) VALUES (%1, %2)").arg(version).arg(applicationId) };
}

QStringList bookkeepingTables(Backend backend)
{
    return backend == Backend::Postgres ? QStringList { QStringLiteral("kopru_schema"), QStringLiteral("kopru_server_rules") }
                                        : QStringList {};
}

QStringList newDatabaseSetup(Backend backend)
{
    if (backend == Backend::Sqlite)
        return { QStringLiteral("PRAGMA journal_mode = WAL") };
    return {};
}

QStringList schemaSetup(Backend backend)
{
    if (backend == Backend::Sqlite)
        return {};
    return {
        // SQLite's `date(x) IS x`: NULL, or YYYY-MM-DD with a month 01-12 and a day 01-31
        // (SQLite's date() accepts 2027-02-30 as it is; the models layer checks the calendar).
        QStringLiteral(R"sql(CREATE FUNCTION kopru_is_date(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $kopru$
SELECT t IS NULL OR t ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
$kopru$)sql"),
        kPgLabelFunction,
        // What SQLite keeps in the file header (PRAGMA user_version, application_id).
        QStringLiteral("CREATE TABLE kopru_schema (version BIGINT NOT NULL, application_id BIGINT NOT NULL)"),
    };
}

Expected<QString> changeStamp(QSqlDatabase db)
{
    QStringList parts;
    const QStringList queries = backendOf(db) == Backend::Postgres
        ? QStringList { QStringLiteral("SELECT pg_current_snapshot()::text") }
        : QStringList { QStringLiteral("PRAGMA data_version"), QStringLiteral("SELECT total_changes()") };
    for (const QString &sql : queries) {
        auto part = Sql::scalar(db, sql);
        if (!part)
            return part.error();
        parts << part->toString();
    }
    return parts.join(QLatin1Char('/'));
}

Expected<QStringList> userTables(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = backendOf(db) == Backend::Postgres
        ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                         "ORDER BY table_name")
        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                         "ORDER BY name");
    if (!q.exec(sql))
        return Sql::errorOf(q);
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    return tables;
}

Expected<QStringList> tableColumns(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    const QString sql = backendOf(db) == Backend::Postgres
        ? QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = ? ORDER BY ordinal_position")
        : QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    if (Status s = Sql::prepare(q, sql); !s)
        return s.error();
    if (Status s = Sql::run(q, { table }); !s)
        return s.error();
    QStringList columns;
    while (q.next())
        columns << q.value(0).toString();
    return columns;
}

bool hasPragmas(Backend backend)
{
    return backend == Backend::Sqlite;
}

bool pausesSchemaForBulkLoads(Backend backend)
{
    return backend == Backend::Sqlite;
}

QString storageCheck(Backend backend, bool quick)
{
    if (backend != Backend::Sqlite)
        return {};
    return quick ? QStringLiteral("PRAGMA quick_check") : QStringLiteral("PRAGMA integrity_check");
}

QString foreignKeyCheck(Backend backend)
{
    return backend == Backend::Sqlite ? QStringLiteral("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                                      : QString();
}

Expected<QStringList> translateTable(Backend backend, const QString &sqliteSql)
{
    if (backend == Backend::Sqlite)
        return QStringList { sqliteSql };
    static const QRegularExpression identity = re(R"(\b(\w+)\s+INTEGER\s+PRIMARY\s+KEY\b)");
    static const QRegularExpression integer = re(R"(\bINTEGER\b)");
    static const QRegularExpression real = re(R"(\bREAL\b)");
    static const QRegularExpression withoutRowid = re(R"(\s*\bWITHOUT\s+ROWID\b)");
    static const QRegularExpression comment(QStringLiteral("--[^\n]*"));
    QString sql = sqliteSql;
    sql.replace(comment, QString());
    sql.replace(identity, QStringLiteral("\\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    sql.replace(integer, QStringLiteral("BIGINT"));
    sql.replace(real, QStringLiteral("DOUBLE PRECISION"));
    sql.replace(withoutRowid, QString());
    sql = translateExpression(sql);
    if (Status s = checkTranslated(sqliteSql, sql); !s)
        return s.error();
    return QStringList { sql };
}

Expected<QStringList> translateIndex(Backend backend, const QString &sqliteSql)
{
    if (backend == Backend::Sqlite)
        return QStringList { sqliteSql };
    const QString sql = translateExpression(sqliteSql);
    if (Status s = checkTranslated(sqliteSql, sql); !s)
        return s.error();
    return QStringList { sql };
}

Expected<QStringList> translateTrigger(Backend backend, const QString &sqliteSql)
{
    if (backend == Backend::Sqlite)
        return QStringList { sqliteSql };
    static const QRegularExpression shape = re(
        R"re(^\s*CREATE\s+TRIGGER\s+(\w+)\s+(BEFORE|AFTER)\s+(INSERT|DELETE|UPDATE(?:\s+OF\s+(.+?))?)\s+ON\s+"?(\w+)"?\s+(?:WHEN\s+(.+?)\s+)?BEGIN\s+(.+?);?\s*END\s*$)re");
    static const QRegularExpression fillIn = re(R"(^UPDATE\s+(\w+)\s+SET\s+(.+?)\s+WHERE\s+(\w+)\s*=\s*NEW\.(\w+)$)");
    static const QRegularExpression raise = re(R"(^SELECT\s+RAISE\s*\(\s*ABORT\s*,\s*('(?:[^']|'')*')\s*\)$)");
    const QRegularExpressionMatch m = shape.match(sqliteSql);
    if (!m.hasMatch())
        return Error { Text::tr("no PostgreSQL translation of the trigger: %1").arg(sqliteSql.simplified()), {}, 0, 0 };
    const QString name = m.captured(1);
    QString timing = m.captured(2).toUpper();
    const QString event = m.captured(3).simplified();
    const QString table = m.captured(5);
    const QString when = m.captured(6).isEmpty() ? QString() : translateExpression(m.captured(6));
    const QStringList statements = splitTopLevel(m.captured(7), QLatin1Char(';'));

    QStringList body;
    const QRegularExpressionMatch f = statements.size() == 1 ? fillIn.match(statements.constFirst()) : QRegularExpressionMatch();
    if (timing == QLatin1String("AFTER") && event.compare(QLatin1String("INSERT"), Qt::CaseInsensitive) == 0 && f.hasMatch()
        && f.captured(1) == table && f.captured(3) == f.captured(4)) {
        // Fills in columns of the row just inserted: done before the insert.
        timing = QStringLiteral("BEFORE");
        for (const QString &assignment : splitTopLevel(f.captured(2), QLatin1Char(','))) {
            const qsizetype eq = assignment.indexOf(QLatin1Char('='));
            body << QStringLiteral("NEW.%1 := %2;")
                        .arg(assignment.left(eq).trimmed(), translateExpression(assignment.mid(eq + 1).trimmed()));
        }
    } else {
        for (const QString &statement : statements) {
            const QRegularExpressionMatch r = raise.match(statement);
            body << (r.hasMatch() ? QStringLiteral("RAISE EXCEPTION USING MESSAGE = %1;").arg(r.captured(1))
                                  : translateExpression(statement) + QLatin1Char(';'));
        }
    }
    QString result;
    if (timing == QLatin1String("AFTER"))
        result = QStringLiteral("NULL");
    else
        result = event.compare(QLatin1String("DELETE"), Qt::CaseInsensitive) == 0 ? QStringLiteral("OLD") : QStringLiteral("NEW");
    const QString function = name + QStringLiteral("_fn");
    QString code
        = QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT "
                         "AS $kopru$\nBEGIN\n")
              .arg(function);
    if (!when.isEmpty())
        code += QStringLiteral("IF %1 THEN\n").arg(when);
    code += body.join(QLatin1Char('\n')) + QLatin1Char('\n');
    if (!when.isEmpty())
        code += QStringLiteral("END IF;\n");
    code += QStringLiteral("RETURN %1;\nEND\n$kopru$").arg(result);
    if (Status s = checkTranslated(sqliteSql, code); !s)
        return s.error();
    return QStringList { code,
        QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW EXECUTE FUNCTION %5()")
            .arg(name, timing, event, table, function) };
}

Expected<QStringList> translateMigration(Backend backend, const QString &sqliteSql)
{
    if (backend == Backend::Sqlite)
        return QStringList { sqliteSql };
    static const QRegularExpression table = re(R"(^\s*(CREATE\s+TABLE|ALTER\s+TABLE\s+\w+\s+ADD\s+COLUMN)\b)");
    static const QRegularExpression index = re(R"(^\s*(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX)\b)");
    static const QRegularExpression trigger = re(R"(^\s*CREATE\s+TRIGGER\b)");
    static const QRegularExpression dropTrigger = re(R"(^\s*DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?(\w+)\s*$)");
    static const QRegularExpression rows = re(R"(^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\b)");
    static const QRegularExpression literal(QStringLiteral("'(?:[^']|'')*'"));
    if (table.match(sqliteSql).hasMatch())
        return translateTable(backend, sqliteSql);
    if (index.match(sqliteSql).hasMatch())
        return translateIndex(backend, sqliteSql);
    if (trigger.match(sqliteSql).hasMatch())
        return translateTrigger(backend, sqliteSql);
    if (const QRegularExpressionMatch m = dropTrigger.match(sqliteSql); m.hasMatch())
        // A translated trigger is a function and a trigger calling it (translateTrigger).
        return QStringList { QStringLiteral("DROP FUNCTION IF EXISTS %1_fn() CASCADE").arg(m.captured(1)) };
    if (rows.match(sqliteSql).hasMatch()) {
        // Text literals (names, questions) stay as they are: only the SQL around
        // them is translated, with each literal replaced by a numbered mark.
        static const QRegularExpression mark(QStringLiteral("\x01(\\d+)\x02"));
        QStringList literals;
        QString masked;
        qsizetype last = 0;
        for (auto it = literal.globalMatch(sqliteSql); it.hasNext();) {
            const QRegularExpressionMatch l = it.next();
            masked += sqliteSql.mid(last, l.capturedStart() - last) + QStringLiteral("\x01%1\x02").arg(literals.size());
            literals << l.captured();
            last = l.capturedEnd();
        }
        masked += sqliteSql.mid(last);
        const QString translated = translateExpression(masked);
        if (Status s = checkTranslated(sqliteSql, translated); !s)
            return s.error();
        QString sql;
        last = 0;
        for (auto it = mark.globalMatch(translated); it.hasNext();) {
            const QRegularExpressionMatch l = it.next();
            sql += translated.mid(last, l.capturedStart() - last) + literals.value(l.captured(1).toInt());
            last = l.capturedEnd();
        }
        return QStringList { sql + translated.mid(last) };
    }
    return Error { Text::tr("no PostgreSQL translation of the migration statement: %1").arg(sqliteSql.simplified().left(200)), {},
        0, 0 };
}

QStringList continueIdentity(Backend backend, const QString &table, bool hasIdentity)
{
    if (backend == Backend::Sqlite || !hasIdentity)
        return {};
    return { QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), coalesce(max(id), 0) + 1, false) FROM %1")
                 .arg(quoted(table)) };
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString textLiteral(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

QString nowText(Backend backend)
{
    return backend == Backend::Postgres ? kPgNow : QStringLiteral("CURRENT_TIMESTAMP");
}

QString changeLabel(Backend backend)
{
    return backend == Backend::Postgres ? kPgLabel : kFileLabel;
}

QString changeLabelFunction()
{
    return kPgLabelFunction;
}

QString uuidDefault(Backend backend)
{
    return backend == Backend::Postgres
        ? kPgUuid
        : QStringLiteral(
            "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), "
            "2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' "
            "|| lower(hex(randomblob(6))))");
}

QString turkishCollation(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("\"tr-TR-x-icu\"") : QString();
}

QString backupMethod(Backend backend)
{
    return backend == Backend::Postgres
        ? Text::tr("A server database is backed up on the server with pg_dump (see docs/server.md); Köprü makes no copies of it.")
        : Text::tr("Köprü writes a verified copy of the file.");
}

QString groupConcat(Backend backend, const QString &expression, const QString &separator)
{
    return backend == Backend::Postgres ? QStringLiteral("string_agg(CAST(%1 AS TEXT), %2)").arg(expression, separator)
                                        : QStringLiteral("group_concat(%1, %2)").arg(expression, separator);
}

QString lockRowsClause(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

QString greater(Backend backend, const QString &a, const QString &b)
{
    return QStringLiteral("%1(%2, %3)")
        .arg(backend == Backend::Postgres ? QStringLiteral("greatest") : QStringLiteral("max"), a, b);
}

Expected<QString> translateQuery(Backend backend, const QString &sqliteSql)
{
    if (backend == Backend::Sqlite)
        return sqliteSql;
    static const QRegularExpression mainSchema = re(R"(\bmain\.)");
    static const QRegularExpression tempSchema = re(R"(\btemp\.)");
    static const QRegularExpression instr = re(R"(\binstr\()");
    static const QRegularExpression max = re(R"(\bmax\()");
    const QString aggregate = QStringLiteral("kopru_aggregate_max(");
    QString sql = sqliteSql;
    sql.replace(mainSchema, QString());
    sql.replace(tempSchema, QStringLiteral("pg_temp."));
    sql.replace(instr, QStringLiteral("strpos("));
    // max() of one argument is the aggregate: kept from translateExpression's greatest().
    for (auto it = max.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        int depth = 0;
        qsizetype end = m.capturedEnd();
        for (; end < sql.size(); ++end) {
            if (sql.at(end) == QLatin1Char('('))
                ++depth;
            else if (sql.at(end) == QLatin1Char(')') && depth-- == 0)
                break;
        }
        if (splitTopLevel(sql.mid(m.capturedEnd(), end - m.capturedEnd()), QLatin1Char(',')).size() == 1) {
            sql.replace(m.capturedStart(), m.capturedLength(), aggregate);
            it = max.globalMatch(sql, m.capturedStart() + aggregate.size());
        }
    }
    sql = translateExpression(sql);
    sql.replace(aggregate, QStringLiteral("max("));
    if (Status s = checkTranslated(sqliteSql, sql); !s)
        return s.error();
    return sql;
}

bool attachesFiles(Backend backend)
{
    return backend == Backend::Sqlite;
}

QString stagingTable(Backend backend, const QString &name, const QStringList &columns)
{
    if (backend == Backend::Sqlite)
        return QStringLiteral("CREATE TEMPORARY TABLE %1 (%2)").arg(name, columns.join(QStringLiteral(", ")));
    static const QRegularExpression integer = re(R"(\bINTEGER\b)");
    static const QRegularExpression real = re(R"(\bREAL\b)");
    QString text = columns.join(QStringLiteral(", "));
    text.replace(integer, QStringLiteral("BIGINT"));
    text.replace(real, QStringLiteral("DOUBLE PRECISION"));
    return QStringLiteral("CREATE TEMPORARY TABLE %1 (%2) ON COMMIT DROP").arg(name, text);
}

Expected<QHash<QString, QString>> columnTypes(QSqlDatabase db, const QString &table)
{
    const bool server = backendOf(db) == Backend::Postgres;
    QHash<QString, QString> types;
    const Status s = Sql::forEachRow(db,
        server ? QStringLiteral("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
                                "current_schema() AND table_name = ?")
               : QStringLiteral("SELECT name, type FROM pragma_table_info(?)"),
        { table }, [&](const QSqlQuery &q) { types.insert(q.value(0).toString(), q.value(1).toString().toLower()); });
    if (!s)
        return s.error();
    return types;
}

int maxBoundValues(Backend backend)
{
    // SQLite allows 32766, but Qt's driver looks each bound value up by name
    // (a cost that grows with the square of the count): 999, SQLite's old limit.
    return backend == Backend::Postgres ? 60000 : 999;
}

QStringList largerPageCache(Backend backend, int kibibytes)
{
    if (backend == Backend::Postgres)
        return {};
    return { QStringLiteral("PRAGMA cache_size = -%1").arg(kibibytes) };
}

} // namespace kopru::SqlDialect
