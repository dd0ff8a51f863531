// SPDX-License-Identifier: GPL-3.0-or-later
// Server databases (docs/server.md): schema upgrades (ServerUpgrade) and the
// exchange's owner rules on the writes of a centre role (ServerRoles), both
// against a real PostgreSQL server: a database made for each test case from
// KOPRU_TEST_PG_URL (.ci/pg-cluster.sh starts a throwaway server) and dropped
// afterwards. Without that variable the server tests are skipped, saying why.
#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/schema.h"
#include "models/db/schemascript.h"
#include "models/db/serverlabels.h"
#include "models/db/serverroles.h"
#include "models/db/serverupgrade.h"
#include "models/db/sqldialect.h"
#include "tests/common/backendfixture.h"
#include "tests/common/testutil.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

using namespace kopru;
using kopru::test::scalar;

class TestServerRules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    test::BackendFixture m_server { QStringLiteral("kopru_rules") };

    static QString skipReason() { return test::BackendFixture::skipReason(); }

    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    // A connection to the server database `url` as the login `user`.
    static std::unique_ptr<Connection> connectAs(const QString &url, const QString &user)
    {
        auto c = Connection::open(test::BackendFixture::asLogin(url, user), Connection::Access::ReadWrite);
        if (!c) {
            qWarning("%s", qPrintable(c.message()));
            return nullptr;
        }
        return std::move(c.value());
    }

    static bool execAll(QSqlDatabase db, const QStringList &statements)
    {
        for (const QString &statement : statements)
            if (Status s = Sql::exec(db, statement); !s) {
                qWarning("%s: %s", qPrintable(statement.left(200)), qPrintable(s.message()));
                return false;
            }
        return true;
    }

    // A server database as server-init and copy made it at schema `version`
    // (before this program): the tables, indexes and triggers the steps up to
    // `version` give a file, translated, with the roles and row security of
    // rules version 1, and a few rows (a teacher of centre 3 with a rating and
    // a placement).
    QString newServerAtVersion(int version)
    {
        const QString path = newPath();
        {
            auto old = Database::createAtVersion(path, version);
            if (!old) {
                qWarning("%s", qPrintable(old.message()));
                return {};
            }
            if (!execAll(old.value()->connection(),
                    { QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Gazi MTAL', 6)"),
                        QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, "
                                       "province_id, centre_id, email) VALUES (1, '10000000146', 'Ayşe', 'Işık', 1, 1, 6, 3, "
                                       "'ayse@example.org')"),
                        QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C01', 'PLC')"),
                        QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 4)"),
                        QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)"),
                        QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                                       "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 2)"),
                        QStringLiteral(
                            "INSERT INTO placement(id, teacher_id, session_id, status) VALUES (1, 1, 1, 'completed')") }))
                return {};
        }
        auto file = Connection::open(path, Connection::Access::ReadOnly);
        if (!file)
            return {};
        auto script = SchemaScript::read(file.value()->db());
        if (!script) {
            qWarning("%s", qPrintable(script.message()));
            return {};
        }
        const QString url = m_server.newServerDatabase();
        auto opened = Connection::open(url, Connection::Access::ReadWrite);
        if (!opened)
            return {};
        const QSqlDatabase server = opened.value()->db();
        auto tables = script->createTables(SqlDialect::Backend::Postgres);
        if (!tables || !execAll(server, tables.value()))
            return {};
        for (const SchemaScript::Table &table : script->tables()) {
            QSqlQuery read(file.value()->db());
            if (!read.exec(QStringLiteral("SELECT * FROM %1").arg(table.name)))
                return {};
            QStringList columns;
            for (const QString &column : table.columns)
                columns << SqlDialect::quoted(column);
            const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (?%3)")
                                       .arg(SqlDialect::quoted(table.name), columns.join(QStringLiteral(", ")),
                                           QStringLiteral(", ?").repeated(table.columns.size() - 1));
            while (read.next()) {
                QSqlQuery write(server);
                if (!write.prepare(insert))
                    return {};
                for (int i = 0; i < table.columns.size(); ++i)
                    write.bindValue(i, read.value(i));
                if (!write.exec()) {
                    qWarning("%s: %s", qPrintable(table.name), qPrintable(Sql::errorOf(write).message));
                    return {};
                }
            }
            if (!execAll(server, SqlDialect::continueIdentity(SqlDialect::Backend::Postgres, table.name, table.hasIdentity)))
                return {};
        }
        auto rest = script->createIndexesAndTriggers(SqlDialect::Backend::Postgres);
        if (!rest || !execAll(server, rest.value())
            || !execAll(server, SqlDialect::setSchemaVersion(SqlDialect::Backend::Postgres, version, Schema::kApplicationId)))
            return {};
        QList<int> centres;
        QSqlQuery q(server);
        if (!q.exec(QStringLiteral("SELECT id FROM centre ORDER BY id")))
            return {};
        while (q.next())
            centres << q.value(0).toInt();
        // The roles and row security of rules version 1, as far as the tables
        // of `version` have them (a grant on a later table fails alone: each
        // statement commits by itself here).
        for (const QString &statement : ServerRoles::statements(centres))
            if (Status s = Sql::exec(server, statement); !s && !s.message().contains(QStringLiteral("does not exist"))) {
                qWarning("%s: %s", qPrintable(statement.left(200)), qPrintable(s.message()));
                return {};
            }
        return url;
    }

    static QStringList rows(const QSqlDatabase &db, const QString &sql)
    {
        QStringList result;
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(Sql::errorOf(q).message));
            return { QStringLiteral("error") };
        }
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            result << row.join(QLatin1Char('|'));
        }
        return result;
    }

    // What a server database is made of: columns with their types, defaults
    // and nullability, constraints, indexes, triggers and their functions,
    // policies and the group roles' privileges.
    static QStringList shapeOf(const QString &url)
    {
        auto c = Connection::open(url, Connection::Access::ReadOnly);
        if (!c)
            return { c.message() };
        const QSqlDatabase db = c.value()->db();
        QStringList shape;
        shape << rows(db,
            QStringLiteral("SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), is_identity "
                           "FROM information_schema.columns WHERE table_schema = current_schema() "
                           "ORDER BY table_name, ordinal_position"));
        shape << rows(db,
            QStringLiteral("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                           "connamespace = current_schema()::regnamespace ORDER BY 1, 2"));
        shape << rows(db,
            QStringLiteral(
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2"));
        shape << rows(db,
            QStringLiteral(
                "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal "
                "ORDER BY 1, 2"));
        shape << rows(db,
            QStringLiteral(
                "SELECT proname, md5(prosrc), prosecdef FROM pg_proc WHERE pronamespace = current_schema()::regnamespace "
                "ORDER BY 1"));
        shape << rows(db,
            QStringLiteral("SELECT tablename, policyname, roles::text, qual, with_check FROM pg_policies "
                           "WHERE schemaname = current_schema() ORDER BY 1, 2"));
        shape << rows(db,
            QStringLiteral("SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
                           "WHERE grantee LIKE 'kopru\\_%' AND table_schema = current_schema() ORDER BY 1, 2, 3"));
        shape << rows(db,
            QStringLiteral("SELECT grantee, table_name, column_name, privilege_type FROM information_schema.column_privileges "
                           "WHERE grantee = 'kopru_viewer' AND table_schema = current_schema() ORDER BY 1, 2, 3, 4"));
        shape << rows(db,
            QStringLiteral("SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = "
                           "current_schema()::regnamespace AND relkind = 'r' ORDER BY 1"));
        if (scalar(db, QStringLiteral("SELECT to_regclass('evaluation_item') IS NOT NULL")).toBool())
            shape << rows(db, QStringLiteral("SELECT id, kind, code, text_tr, text_en FROM evaluation_item ORDER BY id"));
        return shape;
    }

    // The fixture's rows as the upgrade must keep them.
    static QStringList fixtureRows(const QSqlDatabase &db)
    {
        return rows(db,
                   QStringLiteral(
                       "SELECT t.id, t.uid, t.national_id, t.first_name, t.last_name, t.email, t.centre_id, t.version, "
                       "r.need, p.id, p.status, p.uid, s.start_date, pa.name FROM teacher t "
                       "JOIN need_rating r ON r.teacher_id = t.id JOIN placement p ON p.teacher_id = t.id "
                       "JOIN training_session s ON s.id = p.session_id JOIN partner pa ON pa.id = s.partner_id ORDER BY t.id"))
            + rows(db, QStringLiteral("SELECT count(*) FROM province UNION ALL SELECT count(*) FROM centre"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A server that was announced but cannot be reached is a failure, not a skip.
        const QString error = m_server.connect();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (!m_server.hasServer())
            return;
    }

    void init()
    {
        // Every test case but the translation's and the file's needs the server.
        const QByteArray test = QTest::currentTestFunction();
        if (!m_server.hasServer() && test != "migrationStatementsAreTranslated" && test != "upgradeAFile")
            QSKIP(qPrintable(skipReason()));
    }

    void cleanup()
    {
        if (!m_server.hasServer())
            return;
        QVERIFY(m_server.dropServerDatabases());
        QVERIFY(m_server.dropLogins());
    }

    // The statements of the steps, as a server upgrade runs them (no server needed).
    void migrationStatementsAreTranslated()
    {
        using SqlDialect::Backend;
        // Every statement of the programme step (version 5) has a translation.
        const Schema::Step &programme = Schema::steps().at(Schema::kProgrammeVersion - 1);
        QCOMPARE(programme.toVersion, Schema::kProgrammeVersion);
        for (const char *sql : programme.statements) {
            auto translated = SqlDialect::translateMigration(Backend::Postgres, QString::fromUtf8(sql));
            QVERIFY2(translated, qPrintable(translated.message()));
        }
        auto column = SqlDialect::translateMigration(
            Backend::Postgres, QStringLiteral("ALTER TABLE placement ADD COLUMN done_on TEXT CHECK (date(done_on) IS done_on)"));
        QVERIFY2(column, qPrintable(column.message()));
        QCOMPARE(column->join(QLatin1Char(';')),
            QStringLiteral("ALTER TABLE placement ADD COLUMN done_on TEXT CHECK (kopru_is_date(done_on))"));
        // A dropped trigger takes its function with it.
        auto dropped = SqlDialect::translateMigration(Backend::Postgres, QStringLiteral("DROP TRIGGER placement_changed"));
        QVERIFY(dropped);
        QCOMPARE(dropped->join(QLatin1Char(';')), QStringLiteral("DROP FUNCTION IF EXISTS placement_changed_fn() CASCADE"));
        // Rows: the SQL is translated, the text literals are kept as they are.
        auto insert = SqlDialect::translateMigration(Backend::Postgres,
            QStringLiteral("UPDATE field SET name_en = 'What is new', name_tr = 'max(1, 2) is ''x''' WHERE code IS 'ELK' "
                           "AND max(id, 1) > 0"));
        QVERIFY2(insert, qPrintable(insert.message()));
        QCOMPARE(insert->join(QLatin1Char(';')),
            QStringLiteral("UPDATE field SET name_en = 'What is new', name_tr = 'max(1, 2) is ''x''' WHERE code IS NOT "
                           "DISTINCT FROM 'ELK' AND greatest(id, 1) > 0"));
        // What has no translation is refused, naming the statement.
        for (const QString &sql : { QStringLiteral("INSERT OR IGNORE INTO meta(key, value) VALUES ('a', 'b')"),
                 QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("ALTER TABLE field RENAME TO field_old") }) {
            auto refused = SqlDialect::translateMigration(Backend::Postgres, sql);
            QVERIFY2(!refused, qPrintable(sql));
            QVERIFY2(refused.message().contains(sql.left(12)), qPrintable(refused.message()));
        }
        // Steps that rebuild tables or run program code are not run on a server.
        QVERIFY(Schema::steps().at(Schema::kExchangeVersion - 1).rebuildsTables
            || Schema::steps().at(Schema::kExchangeVersion - 1).finish);
    }

    // kopru-cli upgrade on a file: the way every writing command upgrades it
    // (lock, backup, the steps in one transaction); no server needed.
    void upgradeAFile()
    {
        const QString path = newPath();
        QVERIFY(Database::createAtVersion(path, Schema::kCurrentVersion - 1));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), path }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("upgraded from schema version %1 to %2 (a backup was made first)")
                                  .arg(Schema::kCurrentVersion - 1)
                                  .arg(Schema::kCurrentVersion)),
            qPrintable(out + err));
        {
            auto db = Database::open(path);
            QVERIFY2(db, qPrintable(db.message()));
            QCOMPARE(db.value()->schemaVersion(), Schema::kCurrentVersion);
        }
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), path }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("up to date")), qPrintable(out + err));
    }

    // A database at the previous schema version, upgraded by kopru-cli
    // upgrade, by server-init or by opening it, has exactly what a new one
    // has (tables, columns, constraints, indexes, triggers, policies,
    // privileges) and keeps its rows.
    void upgradeGivesTheSameDatabase_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("upgrade") << QStringLiteral("upgrade");
        QTest::newRow("server-init") << QStringLiteral("server-init");
        QTest::newRow("open") << QStringLiteral("open");
    }
    void upgradeGivesTheSameDatabase()
    {
        QFETCH(QString, how);
        const int from = Schema::kCurrentVersion - 1;
        const QString url = newServerAtVersion(from);
        QVERIFY(!url.isEmpty());
        QStringList before;
        {
            auto c = Connection::open(url, Connection::Access::ReadOnly);
            QVERIFY2(c, qPrintable(c.message()));
            before = fixtureRows(c.value()->db());
            QCOMPARE(SqlDialect::schemaVersion(c.value()->db()).value(), from);
            QCOMPARE(ServerRoles::installedVersion(c.value()->db()).value(), 1);
            QCOMPARE(before.size(), 3);
        }
        // Read-only, it is refused, saying who may upgrade it.
        {
            Database::Options readOnly;
            readOnly.access = Database::Access::ReadOnly;
            auto refused = Database::open(url, readOnly);
            QVERIFY(!refused);
            QVERIFY2(refused.message().contains(QStringLiteral("kopru-cli upgrade")), qPrintable(refused.message()));
        }
        if (how == QLatin1String("open")) {
            auto db = Database::open(url);
            QVERIFY2(db, qPrintable(db.message()));
            QCOMPARE(db.value()->schemaVersion(), Schema::kCurrentVersion);
        } else {
            QString out, err;
            QCOMPARE(test::runCli({ how, url }, &out, &err), 0);
            QVERIFY2(out.contains(QStringLiteral("upgraded from schema version %1 to %2, roles and rules from version 1 to %3")
                                      .arg(from)
                                      .arg(Schema::kCurrentVersion)
                                      .arg(ServerRoles::kRulesVersion)),
                qPrintable(out + err));
            // Once is enough.
            QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 0);
            QVERIFY2(out.contains(QStringLiteral("up to date")), qPrintable(out + err));
        }
        auto c = Connection::open(url, Connection::Access::ReadOnly);
        QVERIFY2(c, qPrintable(c.message()));
        const QSqlDatabase db = c.value()->db();
        QCOMPARE(SqlDialect::schemaVersion(db).value(), Schema::kCurrentVersion);
        QCOMPARE(ServerRoles::installedVersion(db).value(), ServerRoles::kRulesVersion);
        QCOMPARE(fixtureRows(db), before);
        // The new columns are there, empty, and their checks work.
        QVERIFY(scalar(db, QStringLiteral("SELECT completed_on FROM placement WHERE id = 1")).isNull());
        const QString fresh = m_server.newServerDatabase();
        auto made = DatabaseTransfer::initialiseServer(fresh);
        QVERIFY2(made, qPrintable(made.message()));
        const QStringList expected = shapeOf(fresh);
        QVERIFY(expected.size() > 300);
        QCOMPARE(shapeOf(url), expected);
    }

    // The ratings' insert triggers as a file has them, run on `db`: a rating
    // outside the teacher's field refused (the whole statement), ratings
    // deleted and inserted again in one statement. What is left of them.
    static QStringList ratingTriggerEffects(QSqlDatabase db, QString *refusal)
    {
        if (!execAll(db,
                { QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) VALUES "
                                 "(901, '10000000146', 'Ayşe', 'Işık', 1, 6)"),
                    QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (901, 1, 'C01', 'PLC'), "
                                   "(902, 1, 'C02', 'SCADA'), (903, 2, 'C03', 'Başka alan')") }))
            return { QStringLiteral("fixture failed") };
        auto refused = Sql::exec(
            db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (901, 901, 4), (901, 903, 2)"));
        *refusal = refused ? QString() : refused.message();
        if (!execAll(db,
                { QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (901, 901, 4), (901, 902, 2)"),
                    QStringLiteral("UPDATE need_rating SET need = 5 WHERE competency_id = 901"),
                    QStringLiteral("DELETE FROM need_rating WHERE teacher_id = 901"),
                    QStringLiteral(
                        "INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (901, 901, 3), (901, 902, 1)") }))
            return { QStringLiteral("statements failed") };
        return rows(db,
                   QStringLiteral(
                       "SELECT teacher_id, competency_id, need, version, CASE WHEN change_serial IS NULL THEN 1 ELSE 0 END "
                       "FROM need_rating "
                       "WHERE teacher_id = 901 ORDER BY competency_id"))
            + rows(db, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'need_rating'"));
    }

    // Rules version 3 (ServerRatingTriggers): a server database of rules
    // version 2, with need_rating's insert triggers per row as the
    // migrations give them, upgraded has the set-based trigger instead —
    // exactly what a new database has — and it does what the row triggers do
    // on a file: the same refusal, the same versions and tombstones.
    void ratingTriggersBecomeSetBased()
    {
        const QString url = m_server.newServerDatabase();
        auto made = DatabaseTransfer::initialiseServer(url);
        QVERIFY2(made, qPrintable(made.message()));
        const QStringList expected = shapeOf(url);
        QVERIFY(expected.join(QLatin1Char('\n')).contains(QStringLiteral("kopru_need_rating_inserted")));
        QVERIFY(!expected.join(QLatin1Char('\n')).contains(QStringLiteral("need_rating_same_field")));
        {
            // Back to rules version 2: the row triggers, translated from a file's schema.
            auto file = Database::create(newPath());
            QVERIFY2(file, qPrintable(file.message()));
            auto script = SchemaScript::read(file.value()->connection());
            QVERIFY2(script, qPrintable(script.message()));
            auto rest = script->createIndexesAndTriggers(SqlDialect::Backend::Postgres);
            QVERIFY2(rest, qPrintable(rest.message()));
            QStringList rowTriggers;
            for (const QString &statement : rest.value())
                if (statement.contains(QStringLiteral("need_rating_same_field"))
                    || statement.contains(QStringLiteral("need_rating_restored")))
                    rowTriggers << statement;
            QCOMPARE(rowTriggers.size(), 4); // a function and a trigger each
            auto c = Connection::open(url, Connection::Access::ReadWrite);
            QVERIFY2(c, qPrintable(c.message()));
            QVERIFY(execAll(c.value()->db(),
                QStringList { QStringLiteral("DROP TRIGGER kopru_need_rating_inserted ON need_rating"),
                    QStringLiteral("DROP FUNCTION kopru_need_rating_inserted_fn()") }
                    + rowTriggers + QStringList { QStringLiteral("UPDATE kopru_server_rules SET version = 2") }));
            QCOMPARE(ServerRoles::installedVersion(c.value()->db()).value(), 2);
            QVERIFY(shapeOf(url) != expected);
        }
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("roles and rules upgraded from version 2 to %1").arg(ServerRoles::kRulesVersion)),
            qPrintable(out + err));
        QCOMPARE(shapeOf(url), expected);

        auto file = Database::create(newPath());
        QVERIFY2(file, qPrintable(file.message()));
        QString fileRefusal, serverRefusal;
        const QStringList onFile = ratingTriggerEffects(file.value()->connection(), &fileRefusal);
        auto c = Connection::open(url, Connection::Access::ReadWrite);
        QVERIFY2(c, qPrintable(c.message()));
        const QStringList onServer = ratingTriggerEffects(c.value()->db(), &serverRefusal);
        QCOMPARE(onServer, onFile);
        // Updated to 5 (version 2), deleted (tombstone version 3), inserted again: version 4.
        QCOMPARE(
            onServer, (QStringList { QStringLiteral("901|901|3|4|1"), QStringLiteral("901|902|1|3|1"), QStringLiteral("0") }));
        const QString message = QStringLiteral("competency is not in the teacher's field");
        QVERIFY2(fileRefusal.contains(message), qPrintable(fileRefusal));
        QVERIFY2(serverRefusal.contains(message), qPrintable(serverRefusal));
    }

    // Rules version 4 (ServerLabels): a server database of rules version 3,
    // whose triggers record only where a change was made ('national'),
    // upgraded has the trigger functions of a new database — they record the
    // login too ('national:ayse') for every writer, in modified_by,
    // record_modified_by and the tombstone's deleted_by — and nothing else
    // changes. The upgrade may run again.
    void changesRecordTheLogin()
    {
        const QString url = m_server.newServerDatabase();
        auto made = DatabaseTransfer::initialiseServer(url);
        QVERIFY2(made, qPrintable(made.message()));
        const QStringList expected = shapeOf(url);
        const QString place = SqlDialect::changeLabel(SqlDialect::Backend::Sqlite);
        const QString withLogin = SqlDialect::changeLabel(SqlDialect::Backend::Postgres);
        const QString functionsWith = QStringLiteral(
            "SELECT count(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND strpos(prosrc, '%1') > 0");
        const auto quotedText = [](QString text) { return text.replace(QLatin1Char('\''), QStringLiteral("''")); };
        {
            auto c = Connection::open(url, Connection::Access::ReadWrite);
            QVERIFY2(c, qPrintable(c.message()));
            const QSqlDatabase db = c.value()->db();
            const int recording = scalar(db, functionsWith.arg(quotedText(withLogin))).toInt();
            QVERIFY(recording >= 20); // every translated trigger that writes a label
            QCOMPARE(scalar(db, functionsWith.arg(quotedText(place))).toInt(), 0);
            // Back to rules version 3: the trigger functions as SqlDialect translated them then.
            QVERIFY(Sql::exec(db,
                QStringLiteral("DO $t$ DECLARE f record; BEGIN FOR f IN SELECT oid FROM pg_proc WHERE pronamespace = "
                               "current_schema()::regnamespace AND strpos(prosrc, '%1') > 0 LOOP EXECUTE "
                               "replace(pg_get_functiondef(f.oid), '%1', '%2'); END LOOP; END $t$")
                    .arg(quotedText(withLogin), quotedText(place))));
            QVERIFY(Sql::exec(db, QStringLiteral("UPDATE kopru_server_rules SET version = 3")));
            QCOMPARE(scalar(db, functionsWith.arg(quotedText(withLogin))).toInt(), 0);
            QVERIFY(shapeOf(url) != expected);
            // There a change records the place alone.
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) VALUES "
                               "(1, '10000000146', 'Ayşe', 'Işık', 1, 6)")));
            QCOMPARE(scalar(db, QStringLiteral("SELECT modified_by FROM teacher")).toString(), QStringLiteral("national"));
        }
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("roles and rules upgraded from version 3 to %1").arg(ServerRoles::kRulesVersion)),
            qPrintable(out + err));
        QCOMPARE(ServerRoles::kRulesVersion, 4);
        QCOMPARE(shapeOf(url), expected);

        // A member of the national staff changes the teacher: modified_by,
        // record_modified_by and, deleted, the tombstone name the login.
        QVERIFY(m_server.newLogin(QStringLiteral("kopru_rules_ayse"), QStringLiteral("kopru_national")));
        {
            auto ayse = connectAs(url, QStringLiteral("kopru_rules_ayse"));
            QVERIFY(ayse);
            const QSqlDatabase db = ayse->db();
            QVERIFY(execAll(db,
                { QStringLiteral("UPDATE teacher SET first_name = 'Elif', notes = 'izinli'"),
                    QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C01', 'PLC')") }));
            QCOMPARE(scalar(db, QStringLiteral("SELECT modified_by || ' ' || record_modified_by || ' ' || version FROM teacher"))
                         .toString(),
                QStringLiteral("national:kopru_rules_ayse national:kopru_rules_ayse 2"));
            QCOMPARE(scalar(db, QStringLiteral("SELECT modified_by FROM competency")).toString(),
                QStringLiteral("national:kopru_rules_ayse"));
            QVERIFY(Sql::exec(db, QStringLiteral("DELETE FROM teacher")));
            QCOMPARE(scalar(db, QStringLiteral("SELECT deleted_by FROM tombstone WHERE table_name = 'teacher'")).toString(),
                QStringLiteral("national:kopru_rules_ayse"));
        }
        // Again: nothing to do, and the statements themselves change nothing on a database that has them.
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("up to date")), qPrintable(out + err));
        {
            auto c = Connection::open(url, Connection::Access::ReadWrite);
            QVERIFY2(c, qPrintable(c.message()));
            QVERIFY(execAll(c.value()->db(), ServerLabels::statements()));
        }
        QCOMPARE(shapeOf(url), expected);
    }

    // A step that fails leaves the database as it was: its version and its rows.
    void failedUpgradeChangesNothing()
    {
        const int from = Schema::kCurrentVersion - 1;
        const QString url = newServerAtVersion(from);
        QVERIFY(!url.isEmpty());
        const QStringList shape = shapeOf(url);
        auto c = Connection::open(url, Connection::Access::ReadWrite);
        QVERIFY2(c, qPrintable(c.message()));
        const QSqlDatabase db = c.value()->db();
        const QStringList before = fixtureRows(db);
        std::vector<Schema::Step> steps = Schema::steps();
        // The last step fails at its end, after its tables and columns were made.
        steps.back().statements.push_back("UPDATE placement SET status = 'no such status'");
        auto failed = ServerUpgrade::run(db, steps);
        QVERIFY(!failed);
        QVERIFY2(failed.message().contains(QStringLiteral("nothing was changed")), qPrintable(failed.message()));
        QVERIFY2(failed.message().contains(QStringLiteral("placement_status_check")), qPrintable(failed.message()));
        QCOMPARE(SqlDialect::schemaVersion(db).value(), from);
        QCOMPARE(ServerRoles::installedVersion(db).value(), 1);
        QCOMPARE(fixtureRows(db), before);
        QCOMPARE(shapeOf(url), shape);
        // And the real steps still run afterwards.
        auto upgraded = ServerUpgrade::run(db);
        QVERIFY2(upgraded, qPrintable(upgraded.message()));
        QCOMPARE(SqlDialect::schemaVersion(db).value(), Schema::kCurrentVersion);
    }

    // A database newer than the program is refused, and so is an upgrade by
    // anyone but the owner (national staff included: they lack DDL rights).
    void newerDatabasesAndOtherUsersAreRefused()
    {
        const QString url = newServerAtVersion(Schema::kCurrentVersion - 1);
        QVERIFY(!url.isEmpty());
        QVERIFY(m_server.newLogin(QStringLiteral("kopru_rules_staff"), QStringLiteral("kopru_national")));
        QVERIFY(Sql::exec(
            m_server.admin(), QStringLiteral("GRANT CONNECT ON DATABASE %1 TO kopru_rules_staff").arg(QUrl(url).path().mid(1))));
        {
            auto staff = connectAs(url, QStringLiteral("kopru_rules_staff"));
            QVERIFY(staff);
            auto refused = ServerUpgrade::run(staff->db());
            QVERIFY(!refused);
            QVERIFY2(refused.message().contains(QStringLiteral("only the owner")), qPrintable(refused.message()));
            QVERIFY2(refused.message().contains(QStringLiteral("kopru_rules_staff")), qPrintable(refused.message()));
            QCOMPARE(SqlDialect::schemaVersion(staff->db()).value(), Schema::kCurrentVersion - 1);
        }
        QUrl asStaff(url);
        asStaff.setUserName(QStringLiteral("kopru_rules_staff"));
        asStaff.setPassword(QStringLiteral("kopru_rules_staff"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), asStaff.toString() }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("only the owner")), qPrintable(err));
        auto opened = Database::open(asStaff.toString());
        QVERIFY(!opened);
        QVERIFY2(opened.message().contains(QStringLiteral("only the owner")), qPrintable(opened.message()));

        // The owner upgrades; a later program's version is refused.
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 0);
        auto c = Connection::open(url, Connection::Access::ReadWrite);
        QVERIFY2(c, qPrintable(c.message()));
        QVERIFY(Sql::exec(c.value()->db(), QStringLiteral("UPDATE kopru_schema SET version = version + 1")));
        QCOMPARE(test::runCli({ QStringLiteral("upgrade"), url }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("newer than this program")), qPrintable(err));
        auto newer = Database::open(url);
        QVERIFY(!newer);
        QVERIFY2(newer.message().contains(QStringLiteral("newer than this program")), qPrintable(newer.message()));
        QCOMPARE(SqlDialect::schemaVersion(c.value()->db()).value(), Schema::kCurrentVersion + 1);
    }

    // The exchange's owner rules (Ownership) hold for a centre role's writes,
    // whatever SQL it sends: the server refuses what the centre does not own.
    void centreWritesFollowTheOwnerRules()
    {
        const QString url = m_server.newServerDatabase();
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("server-init"), url }, &out, &err), 0);
        auto owner = Connection::open(url, Connection::Access::ReadWrite);
        QVERIFY2(owner, qPrintable(owner.message()));
        const QSqlDatabase a = owner.value()->db();
        // Teachers of centre 3: one the national office registered (its survey),
        // one centre 3 registered; one of centre 5.
        QVERIFY(execAll(a,
            { QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id, "
                             "email, phone) VALUES (1, '10000000146', 'Ayşe', 'Işık', 1, 6, 3, 'ayse@example.org', '0312')"),
                QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id, "
                               "owner_centre_id) VALUES (2, '10000000278', 'Can', 'Öz', 1, 6, 3, 3)"),
                QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id) "
                               "VALUES (3, '10000000300', 'Deniz', 'Şahin', 1, 6, 5)"),
                QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)"),
                QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                               "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 5)"),
                QStringLiteral("INSERT INTO placement(id, teacher_id, session_id) VALUES (1, 1, 1)"),
                QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, owner_centre_id) VALUES (2, 2, 1, 3)"),
                QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C01', 'PLC')"),
                QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 4)") }));
        QVERIFY(scalar(a, QStringLiteral("SELECT owner_centre_id FROM teacher WHERE id = 1")).isNull());
        QVERIFY(scalar(a, QStringLiteral("SELECT owner_centre_id FROM placement WHERE id = 1")).isNull());
        QVERIFY(m_server.newLogin(QStringLiteral("kopru_rules_centre3"), QStringLiteral("kopru_centre_3")));
        QVERIFY(m_server.newLogin(QStringLiteral("kopru_rules_viewer"), QStringLiteral("kopru_viewer")));
        QVERIFY(m_server.newLogin(QStringLiteral("kopru_rules_staff"), QStringLiteral("kopru_national")));
        {
            auto centre = connectAs(url, QStringLiteral("kopru_rules_centre3"));
            QVERIFY(centre);
            const QSqlDatabase c = centre->db();
            // The identity of a teacher the national office registered is the national office's.
            for (const char *change :
                { "national_id = '10000000382'", "first_name = 'Ayşegül'", "last_name = 'Kaya'", "email = 'baska@example.org'",
                    "phone = '0000'", "field_id = 2", "centre_id = 5, notes = 'x'", "version = 9" }) {
                const Status s = Sql::exec(c, QStringLiteral("UPDATE teacher SET %1 WHERE id = 1").arg(QLatin1String(change)));
                QVERIFY2(!s, change);
                QVERIFY2(s.message().contains(QStringLiteral("belongs to the national office")), qPrintable(s.message()));
            }
            QVERIFY(!Sql::exec(c, QStringLiteral("DELETE FROM teacher WHERE id = 1")));
            // What the centre records about its teacher is the centre's.
            QVERIFY(Sql::exec(
                c, QStringLiteral("UPDATE teacher SET notes = 'Haziran uygun', available_from = '2027-06-01' WHERE id = 1")));
            // A teacher the centre registered is the centre's, identity included.
            QVERIFY(
                Sql::exec(c, QStringLiteral("UPDATE teacher SET last_name = 'Özkan', email = 'can@example.org' WHERE id = 2")));
            // Another centre's teacher: not even visible, so nothing changes.
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET notes = 'Başkası', last_name = 'X' WHERE id = 3")));
            // Placements: the centre's own, yes; the national office's, no.
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE id = 2")));
            const Status placement = Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = 1"));
            QVERIFY(!placement);
            QVERIFY2(placement.message().contains(QStringLiteral("placement 1")), qPrintable(placement.message()));
            QVERIFY(!Sql::exec(c, QStringLiteral("DELETE FROM placement WHERE id = 1")));
            // Need ratings are the national office's survey.
            const Status rating = Sql::exec(c, QStringLiteral("UPDATE need_rating SET need = 1"));
            QVERIFY(!rating);
            QVERIFY2(rating.message().contains(QStringLiteral("permission denied")), qPrintable(rating.message()));
        }
        QCOMPARE(rows(a,
                     QStringLiteral("SELECT id, national_id, first_name, last_name, email, phone, field_id, notes, "
                                    "available_from, version, record_version FROM teacher ORDER BY id")),
            QStringList({ QStringLiteral("1|10000000146|Ayşe|Işık|ayse@example.org|0312|1|Haziran uygun|2027-06-01|1|2"),
                QStringLiteral("2|10000000278|Can|Özkan|can@example.org||1|||2|1"),
                QStringLiteral("3|10000000300|Deniz|Şahin|||1|||1|1") }));
        QCOMPARE(rows(a, QStringLiteral("SELECT id, status FROM placement ORDER BY id")),
            QStringList({ QStringLiteral("1|proposed"), QStringLiteral("2|confirmed") }));
        // Who changed them: the centre coordinator's login, with the centre (SqlDialect::changeLabel).
        QCOMPARE(rows(a,
                     QStringLiteral("SELECT record_modified_by FROM teacher WHERE id = 1 UNION ALL SELECT modified_by FROM "
                                    "teacher WHERE id = 2 UNION ALL SELECT modified_by FROM placement WHERE id = 2")),
            QStringList(3, QStringLiteral("centre:3:kopru_rules_centre3")));
        QCOMPARE(scalar(a, QStringLiteral("SELECT need FROM need_rating")).toInt(), 4);
        {
            // The viewer writes nothing.
            auto viewer = connectAs(url, QStringLiteral("kopru_rules_viewer"));
            QVERIFY(viewer);
            for (const char *sql : { "UPDATE teacher SET notes = 'v' WHERE id = 1", "UPDATE placement SET status = 'confirmed'",
                     "DELETE FROM need_rating" }) {
                const Status s = Sql::exec(viewer->db(), QLatin1String(sql));
                QVERIFY2(!s, sql);
                QVERIFY2(s.message().contains(QStringLiteral("permission denied")), qPrintable(s.message()));
            }
        }
        {
            // National staff are not held: they change any teacher and placement.
            auto staff = connectAs(url, QStringLiteral("kopru_rules_staff"));
            QVERIFY(staff);
            QVERIFY(Sql::exec(staff->db(), QStringLiteral("UPDATE teacher SET last_name = last_name || '!', phone = '1'")));
            QVERIFY(Sql::exec(staff->db(), QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = 1")));
            QVERIFY(Sql::exec(staff->db(), QStringLiteral("UPDATE need_rating SET need = 2")));
        }
        QCOMPARE(rows(a, QStringLiteral("SELECT last_name FROM teacher ORDER BY id")),
            QStringList({ QStringLiteral("Işık!"), QStringLiteral("Özkan!"), QStringLiteral("Şahin!") }));
        QCOMPARE(scalar(a, QStringLiteral("SELECT status FROM placement WHERE id = 1")).toString(), QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestServerRules)
#include "tst_serverrules.moc"
