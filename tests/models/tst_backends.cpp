// SPDX-License-Identifier: GPL-3.0-or-later
// One schema, two backends (docs/server.md): every test runs on an SQLite file
// and on a PostgreSQL database made for the test case from KOPRU_TEST_PG_URL
// (.ci/pg-cluster.sh starts a throwaway server) and dropped afterwards. Without
// that variable the PostgreSQL rows are skipped, saying why.
#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/schema.h"
#include "models/db/schemascript.h"
#include "models/db/serverurl.h"
#include "models/db/sqldialect.h"
#include "models/db/tablecontent.h"
#include "tests/common/backendfixture.h"
#include "tests/common/testutil.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUrl>

using namespace kopru;
using kopru::test::scalar;

namespace {

const QString &kSqlite = test::BackendFixture::kSqlite;
const QString &kPostgres = test::BackendFixture::kPostgres;

} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    const QString m_adminUrl = qEnvironmentVariable("KOPRU_TEST_PG_URL");
    std::unique_ptr<Connection> m_admin;
    QStringList m_serverDatabases; // made by this test case, dropped in cleanup()

    static QString skipReason() { return test::BackendFixture::skipReason(); }

    static void addBackends() { test::BackendFixture::addBackends(); }

    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    // A new empty server database; its URL (with the admin's user).
    QString newServerDatabase()
    {
        const QString name = QStringLiteral("kopru_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_n);
        if (!Sql::exec(m_admin->db(), QStringLiteral("CREATE DATABASE %1").arg(name))) {
            qWarning("CREATE DATABASE %s failed", qPrintable(name));
            return {};
        }
        m_serverDatabases << name;
        QUrl url(m_adminUrl);
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }

    // Where an empty database of `backend` is made: a new file or an empty server database.
    QString emptyTarget(const QString &backend) { return backend == kSqlite ? newPath() : newServerDatabase(); }

    // A national office's Köprü database with the reference data on `backend`.
    QString newKopruDatabase(const QString &backend)
    {
        if (backend == kSqlite) {
            const QString path = newPath();
            return test::newDatabase(path) ? path : QString();
        }
        const QString url = newServerDatabase();
        auto made = DatabaseTransfer::initialiseServer(url);
        if (!made) {
            qWarning("%s", qPrintable(made.message()));
            return {};
        }
        return url;
    }

    // A 300-teacher demo with a plan (kopru-cli demo and plan) in a new file.
    QString newDemoFile()
    {
        const QString path = newPath();
        QString out, err;
        if (test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("300"),
                             QStringLiteral("--partners"), QStringLiteral("60") },
                &out, &err)
                != 0
            || test::runCli({ QStringLiteral("plan"), path }, &out, &err) != 0) {
            qWarning("%s", qPrintable(err));
            return {};
        }
        return path;
    }

    // A connection to the server database `url` as `user` with `password`.
    static std::unique_ptr<Connection> connectAs(const QString &url, const QString &user, const QString &password)
    {
        QUrl login(url);
        login.setUserName(user);
        login.setPassword(password);
        auto c = Connection::open(login.toString(), Connection::Access::ReadWrite);
        if (!c) {
            qWarning("%s", qPrintable(c.message()));
            return nullptr;
        }
        return std::move(c.value());
    }

    static QString digestOf(const QString &location, const SchemaScript &schema)
    {
        Database::Options options;
        options.access = Database::Access::ReadOnly;
        auto db = Database::open(location, options);
        if (!db) {
            qWarning("%s", qPrintable(db.message()));
            return {};
        }
        auto digest = TableContent::digest(db.value()->connection(), schema);
        return digest ? digest.value() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (m_adminUrl.isEmpty()) {
            qInfo("%s", qPrintable(skipReason()));
            return;
        }
        auto admin = Connection::open(m_adminUrl, Connection::Access::ReadWrite);
        // A server that was announced but cannot be reached is a failure, not a skip.
        QVERIFY2(admin, qPrintable(admin.message()));
        m_admin = std::move(admin.value());
    }

    void init()
    {
        const QString backend = QTest::currentDataTag();
        if (backend == kPostgres && !m_admin)
            QSKIP(qPrintable(skipReason()));
    }

    void cleanup()
    {
        for (const QString &name : std::as_const(m_serverDatabases))
            QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)));
        m_serverDatabases.clear();
    }

    void migrationsGiveTheSameTables_data() { addBackends(); }
    void migrationsGiveTheSameTables()
    {
        QFETCH(QString, backend);
        auto reference = SchemaScript::current();
        QVERIFY2(reference, qPrintable(reference.message()));
        const QString location = newKopruDatabase(backend);
        QVERIFY(!location.isEmpty());
        auto db = Database::open(location);
        QVERIFY2(db, qPrintable(db.message()));
        QCOMPARE(db.value()->isServer(), backend == kPostgres);
        QCOMPARE(db.value()->schemaVersion(), Schema::kCurrentVersion);
        const QSqlDatabase c = db.value()->connection();
        auto tables = SqlDialect::userTables(c);
        QVERIFY(tables);
        for (const QString &own : SqlDialect::bookkeepingTables(SqlDialect::backendOf(c)))
            tables->removeAll(own);
        QStringList expected = reference->tableNames();
        expected.sort();
        QCOMPARE(tables.value(), expected);
        QVERIFY(expected.contains(QStringLiteral("teacher")) && expected.size() >= 20);
        for (const SchemaScript::Table &table : reference->tables()) {
            auto columns = SqlDialect::tableColumns(c, table.name);
            QVERIFY(columns);
            QCOMPARE(columns.value(), table.columns);
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM province")).toInt(), 81);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM field")).toInt(), 25);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM centre")).toInt(), 15);
        QCOMPARE(scalar(c, QStringLiteral("SELECT name FROM province WHERE id = 34")).toString(), QStringLiteral("İstanbul"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT value FROM meta WHERE key = 'role'")).toString(),
            backend == kPostgres ? QStringLiteral("national") : QString());
        QCOMPARE(db.value()->databaseId().size(), 36);
    }

    // The translated checks and triggers behave as SQLite's: defaults, owners,
    // versions, tombstones and refusals.
    void rulesBehaveTheSame_data() { addBackends(); }
    void rulesBehaveTheSame()
    {
        QFETCH(QString, backend);
        const QString location = newKopruDatabase(backend);
        QVERIFY(!location.isEmpty());
        auto db = Database::open(location);
        QVERIFY2(db, qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, available_from) "
                           "VALUES ('10000000146', 'Ayşe', 'Işık', 1, 6, '2027-02-28')")));
        const qlonglong id = scalar(c, QStringLiteral("SELECT id FROM teacher WHERE national_id = '10000000146'")).toLongLong();
        QVERIFY(id >= 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT length(uid) FROM teacher")).toInt(), 36);
        QVERIFY(scalar(c, QStringLiteral("SELECT owner_centre_id FROM teacher")).isNull()); // the national office's
        // Where the change was made; on a server also who (the login: SqlDialect::changeLabel).
        const QString label = backend == kPostgres
            ? QStringLiteral("national:") + scalar(c, QStringLiteral("SELECT session_user")).toString()
            : QStringLiteral("national");
        QVERIFY(label != QLatin1String("national:"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT modified_by FROM teacher")).toString(), label);
        QCOMPARE(scalar(c, QStringLiteral("SELECT record_modified_by FROM teacher")).toString(), label);
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM teacher")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT length(modified_at) FROM teacher")).toInt(), 19);
        // A real change raises the version; writing the same value does not.
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET first_name = 'Ayşegül'")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM teacher")).toInt(), 2);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET first_name = 'Ayşegül'")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM teacher")).toInt(), 2);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET notes = 'x'")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT record_version FROM teacher")).toInt(), 2);
        // Checks: a date that does not exist, a national ID with a letter, a rating outside the field.
        // (SQLite's date() takes any day 01-31 as it is; the calendar is the models layer's check.)
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET available_from = '2027-02-32'")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET available_from = '2027-13-01'")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET available_from = '27-02-01'")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET available_from = '2027-02-01 '")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET national_id = '1000000014a'")));
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO competency(field_id, code, title_tr) VALUES (2, 'X1', 'Başka alan')")));
        QVERIFY(!Sql::exec(c,
            QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) SELECT %1, id, 3 FROM competency WHERE "
                           "code = 'X1'")
                .arg(id)));
        QCOMPARE(scalar(c, QStringLiteral("SELECT available_from FROM teacher")).toString(), QStringLiteral("2027-02-28"));
        // Deleting leaves a tombstone one version above; putting it back comes after it.
        const QString uid = scalar(c, QStringLiteral("SELECT uid FROM teacher")).toString();
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM teacher")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM tombstone WHERE table_name = 'teacher' AND uid = '%1'").arg(uid))
                     .toInt(),
            3);
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(uid, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES ('%1', '10000000146', 'Ayşe', 'Işık', 1, 6)")
                .arg(uid)));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM teacher")).toInt(), 4);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 0);
    }

    // Version 5 (docs/quality.md): a placement's outcome, attendance, evaluations and
    // certificate follow the same rules on both.
    void programmeRulesBehaveTheSame_data() { addBackends(); }
    void programmeRulesBehaveTheSame()
    {
        QFETCH(QString, backend);
        const QString location = newKopruDatabase(backend);
        QVERIFY(!location.isEmpty());
        auto db = Database::open(location);
        QVERIFY2(db, qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM evaluation_item")).toInt(), 10);
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) "
                           "VALUES ('10000000146', 'Ayşe', 'Işık', 1, 6)")));
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO partner(name, province_id) VALUES ('Anadolu Enerji A.Ş.', 6)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                           "SELECT id, 1, '2027-06-14', '2027-06-25', 2 FROM partner")));
        QVERIFY(Sql::exec(c,
            QStringLiteral(
                "INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t, training_session s")));
        const QString placement = scalar(c, QStringLiteral("SELECT id FROM placement")).toString();
        auto version = [&] { return scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(); };
        QCOMPARE(version(), 1);
        // The outcome's vocabulary and its agreement with the status.
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'cancelled', cancel_reason = 'bored'")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE placement SET cancel_reason = 'illness'")));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-13-01'")));
        QCOMPARE(version(), 1);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-06-25'")));
        QCOMPARE(version(), 2);
        // Attendance within the session; every change raises the placement's version.
        QVERIFY(!Sql::exec(
            c, QStringLiteral("INSERT INTO attendance(placement_id, day, hours) VALUES (%1, '2027-06-26', 8)").arg(placement)));
        QVERIFY(!Sql::exec(
            c, QStringLiteral("INSERT INTO attendance(placement_id, day, hours) VALUES (%1, '2027-06-14', 30)").arg(placement)));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO attendance(placement_id, day, hours, absence) VALUES (%1, '2027-06-14', 8, NULL), "
                           "(%1, '2027-06-15', 2.5, 'illness')")
                .arg(placement)));
        QCOMPARE(version(), 4);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE attendance SET hours = 3 WHERE day = '2027-06-15'")));
        QCOMPARE(version(), 5);
        QCOMPARE(scalar(c, QStringLiteral("SELECT sum(hours) FROM attendance")).toDouble(), 11.0);
        // Evaluations: 1-5 or NULL (not applicable).
        QVERIFY(!Sql::exec(
            c, QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (%1, 1, 6)").arg(placement)));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (%1, 1, 5), (%1, 2, NULL)")
                .arg(placement)));
        QCOMPARE(version(), 7);
        // The certificate's number and code never change.
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (%1, 'SMM-00-2027-000001', "
                           "'K7QH2M9X')")
                .arg(placement)));
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE certificate SET number = 'SMM-00-2027-000002'")));
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE certificate SET issue_count = 2")));
        QCOMPARE(version(), 9);
        // A placement that is not completed gets no certificate.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM certificate")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE placement SET status = 'cancelled', completed_on = NULL, "
                           "cancel_reason = 'withdrew'")));
        QVERIFY(!Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (%1, 'SMM-00-2027-000003', "
                           "'P4RT8W2N')")
                .arg(placement)));
        // Deleting the placement takes its parts with it.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM placement")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT (SELECT count(*) FROM attendance) + (SELECT count(*) FROM evaluation_answer)"))
                     .toInt(),
            0);
    }

    // A demo with a plan goes file → server → file and comes back identical:
    // every table's rows (integer ids and global ids included) and counts.
    void copyRoundTrip()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString source = newDemoFile();
        QVERIFY(!source.isEmpty());
        QString out, err;
        auto schema = SchemaScript::current();
        QVERIFY(schema);
        const QString sourceDigest = digestOf(source, schema.value());
        QVERIFY(!sourceDigest.isEmpty());

        const QString server = newServerDatabase();
        QCOMPARE(test::runCli({ QStringLiteral("copy"), source, server }, &out, &err), 0);
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("teacher\\s+300\\n"))), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("the same count in every table")), qPrintable(out));
        QCOMPARE(digestOf(server, schema.value()), sourceDigest);

        // The needs analysis reads the server as it reads the file: the same figures.
        QString fromFile, fromServer;
        QCOMPARE(test::runCli({ QStringLiteral("stats"), source, QStringLiteral("--field"), QStringLiteral("ELK"),
                                  QStringLiteral("--json") },
                     &fromFile, &err),
            0);
        QCOMPARE(test::runCli({ QStringLiteral("stats"), server, QStringLiteral("--field"), QStringLiteral("ELK"),
                                  QStringLiteral("--json") },
                     &fromServer, &err),
            0);
        QVERIFY(fromFile.contains(QStringLiteral("\"mean_need\"")));
        QCOMPARE(fromServer, fromFile);

        // Copying onto a database that is not empty is refused and changes nothing.
        QCOMPARE(test::runCli({ QStringLiteral("copy"), source, server }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("not empty")), qPrintable(err));
        QCOMPARE(digestOf(server, schema.value()), sourceDigest);

        const QString back = newPath();
        auto report = DatabaseTransfer::copy(server, back);
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(digestOf(back, schema.value()), sourceDigest);
        qint64 placements = 0, ratings = 0;
        for (const auto &[table, rows] : report->tables) {
            if (table == QLatin1String("placement"))
                placements = rows;
            if (table == QLatin1String("need_rating"))
                ratings = rows;
        }
        QVERIFY(placements > 0);
        QVERIFY(ratings > 1000);
        // The copy is a Köprü file like any other: same identity, passes SQLite's own check.
        auto file = Database::open(back);
        QVERIFY2(file, qPrintable(file.message()));
        QCOMPARE(scalar(file.value()->connection(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(scalar(file.value()->connection(), QStringLiteral("PRAGMA application_id")).toInt(), Schema::kApplicationId);
        auto original = Database::open(source);
        QVERIFY(original);
        QCOMPARE(file.value()->databaseId(), original.value()->databaseId());

        // New rows on the server continue after the copied ids.
        auto onServer = Database::open(server);
        QVERIFY2(onServer, qPrintable(onServer.message()));
        const QSqlDatabase c = onServer.value()->connection();
        const qlonglong maxId = scalar(c, QStringLiteral("SELECT max(id) FROM partner")).toLongLong();
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO partner(name, province_id) VALUES ('Yeni Ortak A.Ş.', 6)")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT id FROM partner WHERE name = 'Yeni Ortak A.Ş.'")).toLongLong(), maxId + 1);
        // The digest sees one changed value.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM partner WHERE name = 'Yeni Ortak A.Ş.'")));
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM tombstone")));
        QCOMPARE(digestOf(server, schema.value()), sourceDigest);
        QVERIFY(Sql::exec(c,
            QStringLiteral(
                "UPDATE placement SET score = score + 1e-9 WHERE id = (SELECT min(id) FROM placement WHERE score IS NOT NULL)")));
        QVERIFY(digestOf(server, schema.value()) != sourceDigest);
    }

    // Roles (ServerRoles): enforced by the server, whatever SQL a user writes.
    void rolesAreEnforcedByTheServer()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString source = newDemoFile();
        QVERIFY(!source.isEmpty());
        const QString server = newServerDatabase();
        auto copied = DatabaseTransfer::copy(source, server);
        QVERIFY2(copied, qPrintable(copied.message()));
        auto owner = Database::open(server);
        QVERIFY2(owner, qPrintable(owner.message()));
        const QSqlDatabase a = owner.value()->connection();
        const qlonglong teachers = scalar(a, QStringLiteral("SELECT count(*) FROM teacher")).toLongLong();
        const qlonglong mine = scalar(a, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id = 3")).toLongLong();
        const qlonglong myRatings = scalar(
            a, QStringLiteral("SELECT count(*) FROM need_rating r JOIN teacher t ON t.id = r.teacher_id WHERE t.centre_id = 3"))
                                        .toLongLong();
        const qlonglong placements = scalar(a, QStringLiteral("SELECT count(*) FROM placement")).toLongLong();
        const qlonglong myPlacements = scalar(
            a, QStringLiteral("SELECT count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id WHERE t.centre_id = 3"))
                                           .toLongLong();
        const qlonglong myTeacher = scalar(a, QStringLiteral("SELECT min(id) FROM teacher WHERE centre_id = 3")).toLongLong();
        const qlonglong otherTeacher = scalar(a, QStringLiteral("SELECT min(id) FROM teacher WHERE centre_id = 5")).toLongLong();
        QVERIFY(mine > 0 && mine < teachers && myRatings > 0 && placements > myPlacements && otherTeacher > 0);

        for (const char *role : { "kopru_test_centre3", "kopru_test_viewer" })
            QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(QLatin1String(role))));
        QVERIFY(Sql::exec(
            m_admin->db(), QStringLiteral("CREATE ROLE kopru_test_centre3 LOGIN PASSWORD 'merkez-3' IN ROLE kopru_centre_3")));
        QVERIFY(Sql::exec(
            m_admin->db(), QStringLiteral("CREATE ROLE kopru_test_viewer LOGIN PASSWORD 'izleyici' IN ROLE kopru_viewer")));
        {
            auto centre = connectAs(server, QStringLiteral("kopru_test_centre3"), QStringLiteral("merkez-3"));
            QVERIFY(centre);
            const QSqlDatabase c = centre->db();
            // Sees only its own centre's teachers, their ratings and placements.
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toLongLong(), mine);
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id IS DISTINCT FROM 3")).toLongLong(), 0);
            QVERIFY(scalar(c, QStringLiteral("SELECT national_id FROM teacher WHERE id = %1").arg(otherTeacher)).isNull());
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating")).toLongLong(), myRatings);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement")).toLongLong(), myPlacements);
            QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM partner")).toLongLong() > 0);
            // Writes its own teachers (the version triggers still run), nobody else's.
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET notes = 'Merkez notu' WHERE id = %1").arg(myTeacher)));
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET notes = 'Başkası' WHERE id = %1").arg(otherTeacher)));
            QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE teacher SET centre_id = 5 WHERE id = %1").arg(myTeacher)));
            QVERIFY(!Sql::exec(c, QStringLiteral("INSERT INTO partner(name, province_id) VALUES ('Sızma A.Ş.', 6)")));
            QVERIFY(!Sql::exec(c, QStringLiteral("DELETE FROM audit_log")));
        }
        QCOMPARE(scalar(a, QStringLiteral("SELECT notes FROM teacher WHERE id = %1").arg(myTeacher)).toString(),
            QStringLiteral("Merkez notu"));
        QCOMPARE(scalar(a, QStringLiteral("SELECT record_version FROM teacher WHERE id = %1").arg(myTeacher)).toInt(), 2);
        QCOMPARE(scalar(a, QStringLiteral("SELECT notes FROM teacher WHERE id = %1").arg(otherTeacher)).toString(), QString());
        QCOMPARE(scalar(a, QStringLiteral("SELECT centre_id FROM teacher WHERE id = %1").arg(myTeacher)).toInt(), 3);
        {
            auto viewer = connectAs(server, QStringLiteral("kopru_test_viewer"), QStringLiteral("izleyici"));
            QVERIFY(viewer);
            const QSqlDatabase v = viewer->db();
            // Statistics and plans: every teacher and placement, no contact data or national IDs.
            QCOMPARE(scalar(v, QStringLiteral("SELECT count(*) FROM teacher")).toLongLong(), teachers);
            QCOMPARE(scalar(v, QStringLiteral("SELECT count(*) FROM placement")).toLongLong(), placements);
            QVERIFY(!scalar(v, QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(otherTeacher)).isNull());
            for (const char *column : { "national_id", "email", "phone" }) {
                auto read = Sql::scalar(v, QStringLiteral("SELECT %1 FROM teacher LIMIT 1").arg(QLatin1String(column)));
                QVERIFY2(!read, column);
                QVERIFY2(read.message().contains(QStringLiteral("permission denied")), qPrintable(read.message()));
            }
            QVERIFY(!Sql::scalar(v, QStringLiteral("SELECT * FROM teacher LIMIT 1")));
            // Writes nothing.
            QVERIFY(!Sql::exec(v, QStringLiteral("UPDATE partner SET name = 'x'")));
            QVERIFY(!Sql::exec(v, QStringLiteral("UPDATE teacher SET notes = 'x'")));
            QVERIFY(!Sql::exec(v, QStringLiteral("DELETE FROM placement")));
            QVERIFY(!Sql::exec(v, QStringLiteral("INSERT INTO plan_run(placed) VALUES (1)")));
        }
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM placement")).toLongLong(), placements);
        for (const char *role : { "kopru_test_centre3", "kopru_test_viewer" })
            QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE %1").arg(QLatin1String(role))));
    }

    void copyRefusesAnExistingFile()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString server = newKopruDatabase(kPostgres);
        const QString existing = newKopruDatabase(kSqlite);
        QFile f(existing);
        const qint64 size = f.size();
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("copy"), server, existing }, &out, &err), 2);
        QVERIFY2(err.contains(existing), qPrintable(err));
        QCOMPARE(QFile(existing).size(), size);
    }

    void serverInitOnlyOnAnEmptyDatabase()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString url = newServerDatabase();
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("server-init"), url }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("schema version %1").arg(Schema::kCurrentVersion)), qPrintable(out));
        QCOMPARE(test::runCli({ QStringLiteral("server-init"), url }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("not empty")), qPrintable(err));
        auto db = Database::open(url);
        QVERIFY2(db, qPrintable(db.message()));
        QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM centre")).toInt(), 15);
        // A server database is backed up with pg_dump, not by Köprü.
        const Status backup = db.value()->backupTo(newPath());
        QVERIFY(!backup);
        QVERIFY2(backup.message().contains(QStringLiteral("pg_dump")), qPrintable(backup.message()));
    }

    void wrongPasswordIsRefused()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString url = newKopruDatabase(kPostgres);
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE IF EXISTS kopru_test_login")));
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("CREATE ROLE kopru_test_login LOGIN PASSWORD 'doğru-parola'")));
        QUrl withPassword(url);
        withPassword.setUserName(QStringLiteral("kopru_test_login"));
        withPassword.setPassword(QStringLiteral("doğru-parola"));
        {
            auto good = Connection::open(withPassword.toString(), Connection::Access::ReadOnly);
            QVERIFY2(good, qPrintable(good.message()));
        }
        withPassword.setPassword(QStringLiteral("yanlis"));
        auto wrong = Database::open(withPassword.toString());
        QVERIFY(!wrong);
        QVERIFY2(wrong.message().contains(QStringLiteral("password authentication failed")), qPrintable(wrong.message()));
        QVERIFY2(wrong.message().contains(QStringLiteral("postgresql://kopru_test_login@")), qPrintable(wrong.message()));
        QVERIFY2(!wrong.message().contains(QStringLiteral("yanlis")), qPrintable(wrong.message()));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("copy"), withPassword.toString(), newPath() }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("password authentication failed")), qPrintable(err));
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE kopru_test_login")));
    }

    // TLS: sslmode is passed to the server connection; the test server has no
    // certificate, so requiring TLS must fail with the reason rather than
    // connect in clear text.
    void sslModeIsHonoured()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        const QString url = newKopruDatabase(kPostgres);
        auto plain = Database::open(url + QStringLiteral("?sslmode=disable"));
        QVERIFY2(plain, qPrintable(plain.message()));
        auto required = Database::open(url + QStringLiteral("?sslmode=require"));
        QVERIFY(!required);
        QVERIFY2(required.message().contains(QStringLiteral("SSL"), Qt::CaseInsensitive), qPrintable(required.message()));
    }

    // Commands that work on files only say so for a server database (no server needed).
    void fileCommandsNameTheServerDatabase()
    {
        const QString url = QStringLiteral("postgresql://ali:gizli@127.0.0.1:1/kopru");
        for (const QStringList &args :
            { QStringList { QStringLiteral("role"), url, QStringLiteral("--set"), QStringLiteral("national") },
                QStringList { QStringLiteral("backup"), url, newPath() } }) {
            QString out, err;
            QCOMPARE(test::runCli(args, &out, &err), 2);
            QVERIFY2(
                err.contains(QStringLiteral("postgresql://ali@127.0.0.1:1/kopru: this is a server database")), qPrintable(err));
            QVERIFY2(!err.contains(QStringLiteral("gizli")), qPrintable(err));
        }
        // A command that runs on a server (tst_backendcommands) names the server it cannot reach.
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("plan"), url }, &out, &err), 2);
        QVERIFY2(
            err.contains(QStringLiteral("postgresql://ali@127.0.0.1:1/kopru: cannot connect to the server")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("gizli")), qPrintable(err));
    }

    void serverUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown"); // empty: refused
        QTest::addColumn<QString>("problem");
        QTest::newRow("full") << QStringLiteral("postgresql://ali:s3cr%40t@db.meb.gov.tr:6543/kopru?sslmode=require")
                              << QStringLiteral("postgresql://ali@db.meb.gov.tr:6543/kopru?sslmode=require") << QString();
        QTest::newRow("default port") << QStringLiteral("postgres://ali@localhost/kopru")
                                      << QStringLiteral("postgresql://ali@localhost/kopru") << QString();
        QTest::newRow("no user") << QStringLiteral("postgresql://localhost/kopru") << QString() << QStringLiteral("no user name");
        QTest::newRow("no database") << QStringLiteral("postgresql://ali@localhost/") << QString()
                                     << QStringLiteral("no database name");
        QTest::newRow("bad sslmode") << QStringLiteral("postgresql://ali@localhost/kopru?sslmode=maybe") << QString()
                                     << QStringLiteral("unknown sslmode maybe");
        QTest::newRow("other option") << QStringLiteral("postgresql://ali:pw@localhost/kopru?host=evil") << QString()
                                      << QStringLiteral("unknown option host");
    }
    void serverUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QFETCH(QString, problem);
        QVERIFY(ServerUrl::isServerUrl(url));
        auto parsed = ServerUrl::parse(url);
        if (shown.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY2(parsed.message().contains(problem), qPrintable(parsed.message()));
            QVERIFY(!parsed.message().contains(QStringLiteral(":pw@")));
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed.message()));
        QCOMPARE(parsed->display(), shown);
        if (url.contains(QStringLiteral("s3cr"))) {
            QCOMPARE(parsed->password, QStringLiteral("s3cr@t"));
            QCOMPARE(parsed->port, 6543);
            QVERIFY(parsed->connectOptions().contains(QStringLiteral("sslmode=require")));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
