// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/databasefile.h"
#include "models/db/integritycheck.h"
#include "models/db/schema.h"
#include "models/db/transaction.h"
#include "models/exchange/globalid.h"
#include "tests/common/testutil.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QThread>
#include <QUuid>

using namespace kopru;
using kopru::test::scalar;

class TestDatabase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    // A minimal valid data set: one teacher, competency, rating, partner, session, placement.
    static void fillMinimal(QSqlDatabase db, bool withPlanRun)
    {
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Gazi MTAL', 6)")));
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, province_id) "
                           "VALUES (1, '10000000146', 'Ayşe', 'Işık', 1, 1, 6)")));
        QVERIFY(Sql::exec(
            db, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C01', 'PLC programlama')")));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 4)")));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)")));
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 2)")));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO placement(id, teacher_id, session_id) VALUES (1, 1, 1)")));
        if (withPlanRun)
            QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO plan_run(id, placed) VALUES (1, 1)")));
    }

private slots:
    void createsCurrentSchemaWithReferenceData()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QCOMPARE(db->schemaVersion(), Schema::kCurrentVersion);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA application_id")).toInt(), Schema::kApplicationId);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM province")).toInt(), 81);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM field")).toInt(), 25);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM centre")).toInt(), 15);
        QCOMPARE(scalar(c, QStringLiteral("SELECT name FROM province WHERE id = 6")).toString(), QStringLiteral("Ankara"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT name FROM province WHERE id = 34")).toString(), QStringLiteral("İstanbul"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT name FROM province WHERE id = 81")).toString(), QStringLiteral("Düzce"));
        // Every pilot field is coordinated by a centre; two fields by two.
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM field WHERE id NOT IN (SELECT field_id FROM centre_field)")).toInt(),
            0);
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM (SELECT field_id FROM centre_field GROUP BY field_id HAVING count(*) = 2)"))
                .toInt(),
            2);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QVERIFY(checkIntegrity(c).ok());
    }

    void refusesToCreateOverAnExistingFile()
    {
        const QString path = newPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious spreadsheet");
        f.close();
        auto db = Database::create(path);
        QVERIFY(!db);
        QVERIFY(db.message().contains(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious spreadsheet"));
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < Schema::kCurrentVersion; ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        const QString path = newPath();
        std::unique_ptr<Database> created;
        if (fromVersion == 0) {
            // An empty file, as another tool (or "touch") leaves it: only
            // creating a database fills it (opening refuses it, see
            // refusesEmptyAndForeignFilesAndLeavesThemAlone).
            QFile empty(path);
            QVERIFY(empty.open(QIODevice::WriteOnly));
            empty.close();
            auto db = Database::create(path);
            QVERIFY2(db, qPrintable(db.message()));
            created = std::move(db.value());
        } else {
            {
                auto old = Database::createAtVersion(path, fromVersion);
                QVERIFY2(old, qPrintable(old.message()));
                QCOMPARE(old.value()->schemaVersion(), fromVersion);
                fillMinimal(old.value()->connection(), fromVersion >= 2);
            }
            auto db = Database::open(path);
            QVERIFY2(db, qPrintable(db.message()));
            created = std::move(db.value());
        }
        const QSqlDatabase c = created->connection();
        QCOMPARE(created->schemaVersion(), Schema::kCurrentVersion);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM province")).toInt(), 81);
        // Version 2 objects exist and old rows survived.
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).isValid());
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log")).isValid());
        QVERIFY(scalar(c, QStringLiteral("SELECT count(plan_run_id) FROM placement")).isValid());
        // Version 3: the database has an identity, a version 4 UUID.
        const QString id = created->databaseId();
        const QUuid uuid = QUuid::fromString(id);
        QVERIFY2(!uuid.isNull(), qPrintable(id));
        QCOMPARE(uuid.version(), QUuid::Random);
        QCOMPARE(uuid.variant(), QUuid::DCE);
        QCOMPARE(id, uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM meta")).toInt(), 1);
        // Version 4 (docs/exchange.md): every travelling record has a global
        // id; reference data, competencies and schools the name-based one of
        // every database; everything is version 1, owned by the national
        // office (a database without a role) and not yet sent.
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM field WHERE code = 'ELK'")).toString(),
            GlobalId::forField(QStringLiteral("ELK")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM centre WHERE id = 3")).toString(), GlobalId::forCentre(3));
        for (const char *table :
            { "field", "centre", "school", "competency", "teacher", "partner", "training_session", "placement" }) {
            const QString t = QLatin1String(table);
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT count(*) FROM %1 WHERE length(uid) <> 36 OR version <> 1").arg(t)).toInt(), 0);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT uid) = count(*) FROM %1").arg(t)).toInt(), 1);
        }
        if (fromVersion > 0 && fromVersion < Schema::kExchangeVersion) {
            // Rows made before version 4 get their name-based ids from the migration.
            QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM competency WHERE id = 1")).toString(),
                GlobalId::forCompetency(QStringLiteral("YEN"), QStringLiteral("C01")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM school WHERE id = 1")).toString(),
                GlobalId::forSchool(6, QString(), QStringLiteral("Gazi MTAL")));
        }
        if (fromVersion > 0) {
            QVERIFY(GlobalId::isValid(scalar(c, QStringLiteral("SELECT uid FROM teacher WHERE id = 1")).toString()));
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE owner_centre_id IS NULL AND record_version = 1"))
                    .toInt(),
                1);
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM need_rating")).toInt(), 1);
            QVERIFY(scalar(c, QStringLiteral("SELECT change_serial FROM need_rating")).isNull());
            // The trigger of version 1 that names the rebuilt tables still works.
            QVERIFY(!Sql::exec(c,
                QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (1, "
                               "(SELECT min(id) FROM competency WHERE field_id = 2), 1, 3)")));
        }
        // Version 5 (docs/quality.md): outcomes, attendance, evaluations with their
        // default items, the certificate register, the counts erasures leave.
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM evaluation_item WHERE kind = 'training' AND active = 1")).toInt(), 5);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM evaluation_item WHERE kind = 'teacher' AND active = 1")).toInt(), 5);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(cancel_reason) + count(completed_on) FROM placement")).toInt(), 0);
        for (const char *table : { "attendance", "evaluation_answer", "certificate", "erased_teacher", "erased_placement" })
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt(), 0);
        if (fromVersion > 0) {
            // The migrated placement takes an outcome and its parts; each raises its version.
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-06-25'")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), 2);
            QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-14', 8)")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), 3);
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE attendance SET hours = 6, absence = 'excused'")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), 4);
            QVERIFY(Sql::exec(c, QStringLiteral("UPDATE attendance SET hours = 6")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), 4);
            QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 1, 5)")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), 5);
        }
        if (fromVersion > 0) {
            QCOMPARE(scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE id = 1")).toString(), QStringLiteral("Işık"));
            QCOMPARE(scalar(c, QStringLiteral("SELECT need FROM need_rating")).toInt(), 4);
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT status FROM placement WHERE id = 1")).toString(), QStringLiteral("completed"));
        }
        QVERIFY(checkIntegrity(c).ok());
    }

    // Every database gets its own identity; an upgrade may be given the one
    // its backup was filed under; opening again never changes it.
    void identityIsMadeOnceAndKept()
    {
        const QString a = newPath(), b = newPath();
        QString idA;
        {
            auto dbA = test::newDatabase(a);
            auto dbB = test::newDatabase(b);
            QVERIFY(dbA && dbB);
            idA = dbA->databaseId();
            QVERIFY(idA != dbB->databaseId());
        }
        auto again = Database::open(a);
        QVERIFY(again);
        QCOMPARE(again.value()->databaseId(), idA);
        // The meta table is documented as key/value: other keys may join.
        QVERIFY(Sql::exec(again.value()->connection(), QStringLiteral("INSERT INTO meta(key, value) VALUES ('role', 'centre')")));
        QCOMPARE(again.value()->databaseId(), idA);

        const QString old = newPath();
        QVERIFY(Database::createAtVersion(old, Schema::kMetaVersion - 1));
        Database::Options options;
        options.databaseIdOnUpgrade = QStringLiteral("6F9619FF-8B86-4D11-B42D-00C04FC964FF");
        auto upgraded = Database::open(old, options);
        QVERIFY2(upgraded, qPrintable(upgraded.message()));
        QCOMPARE(upgraded.value()->databaseId(), QStringLiteral("6f9619ff-8b86-4d11-b42d-00c04fc964ff"));
        // Not a UUID: the upgrade is refused and changes nothing.
        const QString old2 = newPath();
        QVERIFY(Database::createAtVersion(old2, Schema::kMetaVersion - 1));
        options.databaseIdOnUpgrade = QStringLiteral("not-an-id");
        QVERIFY(!Database::open(old2, options));
        QCOMPARE(DatabaseFile::schemaVersion(old2).value(), Schema::kMetaVersion - 1);
    }

    // Only creating makes a database: an empty file, another program's
    // SQLite file or a text file is refused by open() and stays byte for
    // byte as it was, without -wal/-shm files beside it.
    void refusesEmptyAndForeignFilesAndLeavesThemAlone_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("empty") << QStringLiteral("empty");
        QTest::newRow("foreign sqlite") << QByteArray("foreign") << QStringLiteral("not a Köprü database");
        QTest::newRow("foreign wal sqlite") << QByteArray("foreign-wal") << QStringLiteral("not a Köprü database");
        QTest::newRow("empty sqlite") << QByteArray("empty-sqlite") << QStringLiteral("not a Köprü database");
        QTest::newRow("text") << QByteArray("text") << QStringLiteral("not an SQLite database");
    }
    void refusesEmptyAndForeignFilesAndLeavesThemAlone()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        const QString path = newPath();
        if (kind == "empty" || kind == "text") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            if (kind == "text")
                f.write("TC Kimlik No;Ad\n10000000146;Ayşe\n");
        } else {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            if (kind == "foreign-wal")
                QVERIFY(Sql::exec(raw, QStringLiteral("PRAGMA journal_mode = WAL")));
            if (kind != "empty-sqlite")
                QVERIFY(Sql::exec(raw, QStringLiteral("CREATE TABLE songs(title TEXT)")));
            else
                QVERIFY(Sql::exec(raw, QStringLiteral("PRAGMA user_version = 0")));
            raw.close();
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const Database::Access access : { Database::Access::ReadWrite, Database::Access::ReadOnly }) {
            auto db = Database::open(path, Database::Options { access, true, {} });
            QVERIFY(!db);
            QVERIFY2(db.message().startsWith(path), qPrintable(db.message()));
            QVERIFY2(db.message().contains(message), qPrintable(db.message()));
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), filesBefore);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    }

    // Databases are created under a temporary name, readable by their owner
    // only from the start; the file appears complete or not at all.
    void createsUnderATemporaryNameAndCleansUpOnFailure()
    {
        const QString path = newPath();
        auto failed = Database::create(path, [](QSqlDatabase c) -> Status {
            if (Status s = Sql::exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Okul', 6)")); !s)
                return s;
            return Status::failure(QStringLiteral("generator failed"));
        });
        QVERIFY(!failed);
        QVERIFY2(failed.message().contains(QStringLiteral("generator failed")), qPrintable(failed.message()));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden), QStringList());
        auto filled = Database::create(path, [](QSqlDatabase c) {
            return Sql::exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Okul', 6)"));
        });
        QVERIFY2(filled, qPrintable(filled.message()));
        QCOMPARE(scalar(filled.value()->connection(), QStringLiteral("SELECT count(*) FROM school")).toInt(), 1);
#ifdef Q_OS_UNIX
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
#endif
    }

    void refusesNewerVersion()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(Sql::exec(db->connection(), QStringLiteral("PRAGMA user_version = 99")));
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.message().contains(QStringLiteral("newer")), qPrintable(db.message()));
    }

    void refusesForeignAndDamagedFiles()
    {
        const QString other = newPath();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            raw.setDatabaseName(other);
            QVERIFY(raw.open());
            QVERIFY(Sql::exec(raw, QStringLiteral("CREATE TABLE songs(title TEXT)")));
            raw.close();
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("other"));
        }
        auto a = Database::open(other);
        QVERIFY(!a);
        QVERIFY2(a.message().contains(QStringLiteral("not a Köprü database")), qPrintable(a.message()));

        const QString garbage = newPath();
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        auto b = Database::open(garbage);
        QVERIFY(!b);
        QVERIFY(b.message().startsWith(garbage));

        auto c = Database::open(m_dir.filePath(QStringLiteral("missing.kopru")));
        QVERIFY(!c);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.kopru"))));
    }

    void constraintsRefuseBadRows_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("need above 5") << "INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 2, 6)";
        QTest::newRow("need below 1") << "INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 2, 0)";
        QTest::newRow("proficiency 9")
            << "INSERT INTO need_rating(teacher_id, competency_id, need, proficiency) VALUES (1, 2, 3, 9)";
        QTest::newRow("rating across fields") << "INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 3, 3)";
        QTest::newRow("capacity 0") << "INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                                       "VALUES (1, 1, '2027-01-04', '2027-01-15', 0)";
        QTest::newRow("end before start") << "INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                                             "VALUES (1, 1, '2027-01-15', '2027-01-04', 2)";
        QTest::newRow("not a date") << "INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                                       "VALUES (1, 1, '15.01.2027', '2027-01-20', 2)";
        QTest::newRow("duplicate national id") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, "
                                                  "province_id) VALUES ('10000000146', 'Ali', 'Kaya', 1, 6)";
        QTest::newRow("national id 10 digits") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, "
                                                  "province_id) VALUES ('1000000014', 'Ali', 'Kaya', 1, 6)";
        QTest::newRow("national id leading zero") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, "
                                                     "province_id) VALUES ('07291716092', 'Ali', 'Kaya', 1, 6)";
        QTest::newRow("empty first name") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) "
                                             "VALUES ('17291716060', '', 'Kaya', 1, 6)";
        QTest::newRow("unknown field") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                                          "('17291716060', 'Ali', 'Kaya', 99, 6)";
        QTest::newRow("province 82") << "INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                                        "('17291716060', 'Ali', 'Kaya', 1, 82)";
        QTest::newRow("availability reversed")
            << "INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, available_from, available_to) "
               "VALUES ('17291716060', 'Ali', 'Kaya', 1, 6, '2027-09-01', '2027-06-01')";
        QTest::newRow("duplicate competency code in field")
            << "INSERT INTO competency(field_id, code, title_tr) VALUES (1, 'C01', 'Başka')";
        QTest::newRow("second active placement") << "INSERT INTO placement(teacher_id, session_id) VALUES (1, 2)";
        QTest::newRow("unknown status") << "UPDATE placement SET status = 'maybe'";
        QTest::newRow("delete field with teachers") << "DELETE FROM field WHERE id = 1";
        QTest::newRow("delete session with placement") << "DELETE FROM training_session WHERE id = 1";
        QTest::newRow("delete partner with placements") << "DELETE FROM partner WHERE id = 1";
        QTest::newRow("delete province in use") << "DELETE FROM province WHERE id = 6";
        // Version 5: outcomes, attendance, evaluations, certificates.
        QTest::newRow("unknown cancellation reason") << "UPDATE placement SET status = 'cancelled', cancel_reason = 'bored'";
        QTest::newRow("cancellation reason of a confirmed placement")
            << "UPDATE placement SET status = 'confirmed', cancel_reason = 'illness'";
        QTest::newRow("completion date of a cancelled placement")
            << "UPDATE placement SET status = 'cancelled', completed_on = '2027-06-25'";
        QTest::newRow("completion date not ISO") << "UPDATE placement SET status = 'completed', completed_on = '25.06.2027'";
        QTest::newRow("attendance before the session")
            << "INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-13', 8)";
        QTest::newRow("attendance after the session")
            << "INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-26', 8)";
        QTest::newRow("attendance 25 hours") << "INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-14', 25)";
        QTest::newRow("attendance negative") << "INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-14', -1)";
        QTest::newRow("attendance unknown absence")
            << "INSERT INTO attendance(placement_id, day, hours, absence) VALUES (1, '2027-06-14', 0, 'holiday')";
        QTest::newRow("attendance twice a day")
            << "INSERT INTO attendance(placement_id, day, hours) VALUES (1, '2027-06-15', 8), "
               "(1, '2027-06-15', 4)";
        QTest::newRow("evaluation score 6") << "INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 1, 6)";
        QTest::newRow("evaluation score 0") << "INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 1, 0)";
        QTest::newRow("evaluation unknown item")
            << "INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 99, 3)";
        QTest::newRow("evaluation item twice") << "INSERT INTO evaluation_item(kind, code, text_tr, text_en) VALUES "
                                                  "('training', 'T1', 'Başka', 'Other')";
        QTest::newRow("evaluation unknown kind") << "INSERT INTO evaluation_item(kind, code, text_tr, text_en) VALUES "
                                                    "('centre', 'C1', 'Merkez', 'Centre')";
        QTest::newRow("delete an answered item") << "DELETE FROM evaluation_item WHERE id = 2";
        QTest::newRow("certificate of a proposed placement")
            << "INSERT INTO certificate(placement_id, number, verification_code) VALUES (1, 'SMM-01-2027-000009', 'ABCDEFGH')";
        QTest::newRow("certificate number changes") << "UPDATE certificate SET number = 'SMM-01-2027-000009'";
        QTest::newRow("certificate code changes") << "UPDATE certificate SET verification_code = 'ZZZZZZZZ'";
        QTest::newRow("certificate number twice")
            << "INSERT INTO certificate(placement_id, number, verification_code) VALUES (3, 'SMM-01-2027-000001', 'QWERTYUP')";
        QTest::newRow("certificate code short")
            << "INSERT INTO certificate(placement_id, number, verification_code) VALUES (3, 'SMM-01-2027-000003', 'ABC')";
    }
    void constraintsRefuseBadRows()
    {
        QFETCH(QString, sql);
        auto db = test::newDatabase(newPath());
        QSqlDatabase c = db->connection();
        fillMinimal(c, true);
        QVERIFY(Sql::exec(
            c, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (2, 1, 'C02', 'Pano montajı')")));
        QVERIFY(Sql::exec(
            c, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (3, 2, 'B01', 'Ağ kurulumu')")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (2, 1, 1, '2027-09-06', '2027-09-17', 1)")));
        // A second teacher with a completed, certified and evaluated placement (version 5).
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES (2, '20000000001', 'Ali', 'Kaya', 1, 6)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, status, completed_on) "
                           "VALUES (2, 2, 1, 'completed', '2027-06-25')")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (2, 'SMM-01-2027-000001', "
                           "'K7QH2M9X')")));
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (2, 2, 4)")));
        // A third, completed but not yet certified.
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES (3, '30000000002', 'Elif', 'Şahin', 1, 6)")));
        QVERIFY(Sql::exec(
            c, QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, status) VALUES (3, 3, 2, 'completed')")));
        const QString before = scalar(c,
            QStringLiteral("SELECT (SELECT count(*) FROM teacher) || '/' || (SELECT count(*) FROM need_rating) || '/' || (SELECT "
                           "count(*) FROM placement)"
                           " || '/' || (SELECT count(*) FROM training_session) || '/' || (SELECT count(*) FROM field) || '/' || "
                           "(SELECT group_concat(status) FROM placement) || '/' || (SELECT count(*) FROM attendance) || '/' || "
                           "(SELECT count(*) FROM evaluation_answer) || '/' || (SELECT group_concat(number || "
                           "verification_code) FROM certificate) || '/' || (SELECT count(*) FROM evaluation_item)"))
                                   .toString();
        const Status s = Sql::exec(c, sql);
        QVERIFY2(!s, qPrintable(sql));
        QVERIFY(!s.message().isEmpty());
        const QString after = scalar(c,
            QStringLiteral("SELECT (SELECT count(*) FROM teacher) || '/' || (SELECT count(*) FROM need_rating) || '/' || (SELECT "
                           "count(*) FROM placement)"
                           " || '/' || (SELECT count(*) FROM training_session) || '/' || (SELECT count(*) FROM field) || '/' || "
                           "(SELECT group_concat(status) FROM placement) || '/' || (SELECT count(*) FROM attendance) || '/' || "
                           "(SELECT count(*) FROM evaluation_answer) || '/' || (SELECT group_concat(number || "
                           "verification_code) FROM certificate) || '/' || (SELECT count(*) FROM evaluation_item)"))
                                  .toString();
        QCOMPARE(after, before);
    }

    // A re-issue keeps the number and the code; only the issue time and count change.
    void certificateReissueKeepsTheNumber()
    {
        auto db = test::newDatabase(newPath());
        QSqlDatabase c = db->connection();
        fillMinimal(c, true);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-06-25'")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code, first_issued_at, issued_at) "
                           "VALUES (1, 'SMM-01-2027-000001', 'K7QH2M9X', '2027-06-28 09:00:00', '2027-06-28 09:00:00')")));
        const int version = scalar(c, QStringLiteral("SELECT version FROM placement")).toInt();
        QVERIFY(Sql::exec(
            c, QStringLiteral("UPDATE certificate SET issued_at = '2027-07-02 10:00:00', issue_count = issue_count + 1")));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT number || ' ' || verification_code || ' ' || first_issued_at || ' ' || issue_count "
                                    "FROM certificate"))
                     .toString(),
            QStringLiteral("SMM-01-2027-000001 K7QH2M9X 2027-06-28 09:00:00 2"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM placement")).toInt(), version + 1);
        QVERIFY(!Sql::exec(c, QStringLiteral("UPDATE certificate SET first_issued_at = '2027-07-02 10:00:00'")));
    }

    void deletesDeliberately()
    {
        auto db = test::newDatabase(newPath());
        QSqlDatabase c = db->connection();
        fillMinimal(c, true);
        // Deleting a teacher takes their ratings and placements with them.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM teacher WHERE id = 1")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement")).toInt(), 0);
        // Without placements, a partner goes with its sessions.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM partner WHERE id = 1")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM training_session")).toInt(), 0);
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto db = test::newDatabase(newPath());
        QSqlDatabase c = db->connection();
        {
            Transaction tx(c);
            QVERIFY(tx.began());
            QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES ('A', 1)")));
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM school")).toInt(), 0);
        {
            Transaction tx(c);
            QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES ('A', 1)")));
            QVERIFY(tx.commit());
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM school")).toInt(), 1);
    }

    void backsUpWhileAnotherConnectionWrites()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        QAtomicInt stop(0), written(0);
        QThread *writer = QThread::create([&] {
            auto own = Database::open(path);
            if (!own)
                return;
            QSqlDatabase c = own.value()->connection();
            for (int i = 0; !stop.loadRelaxed() && i < 100000; ++i) {
                Transaction tx(c);
                if (!tx.began())
                    continue;
                if (Sql::exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES (?, ?)"),
                        { QStringLiteral("Okul %1").arg(i), 1 + i % 81 })
                    && tx.commit())
                    written.fetchAndAddRelaxed(1);
            }
        });
        writer->start();
        while (written.loadRelaxed() < 50)
            QThread::msleep(5);
        QStringList backups;
        for (int k = 0; k < 3; ++k) {
            const QString out = m_dir.filePath(QStringLiteral("backup%1.kopru").arg(k));
            const Status s = db->backupTo(out);
            QVERIFY2(s, qPrintable(s.message()));
            backups << out;
            QThread::msleep(20);
        }
        stop.storeRelaxed(1);
        writer->wait();
        delete writer;
        int previous = -1;
        for (const QString &b : backups) {
            auto copy = Database::open(b, Database::Options { Database::Access::ReadOnly, false, {} });
            QVERIFY2(copy, qPrintable(copy.message()));
            QVERIFY(checkIntegrity(copy.value()->connection()).ok());
            const int schools = scalar(copy.value()->connection(), QStringLiteral("SELECT count(*) FROM school")).toInt();
            QVERIFY(schools >= 50);
            QVERIFY(schools <= written.loadRelaxed());
            QVERIFY(schools >= previous); // later copies never lose rows
            previous = schools;
        }
        QVERIFY(!db->backupTo(backups.first())); // never overwrites
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
