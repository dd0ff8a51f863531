// SPDX-License-Identifier: GPL-3.0-or-later
// The database side of the national exchange (docs/exchange.md): global ids
// made on every insert path and kept by undo/redo, owners filled in by the
// database, versions raised only by real changes and never by writing a
// received version, lists that raise their parent's version, tombstones for
// the database's own deletions, erased people never coming back, the role
// in meta, the tax number rule and the demo's shared ids.
#include "models/demo/demogenerator.h"
#include "models/demo/random.h"
#include "models/domain/taxnumber.h"
#include "models/editing/deleterowscommand.h"
#include "models/editing/insertrowcommand.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/globalid.h"
#include "models/import/importer.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QUndoStack>
#include <QUuid>

using namespace kopru;
using test::scalar;

class TestExchangeSchema : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    std::unique_ptr<Database> newDatabase(const std::optional<DatabaseRole> &role = {})
    {
        auto db = test::newDatabase(newPath());
        if (db && role && !role->write(db->connection()))
            return nullptr;
        return db;
    }

    static void exec(QSqlDatabase db, const QString &sql)
    {
        const Status s = Sql::exec(db, sql);
        QVERIFY2(s, qPrintable(sql + QStringLiteral(": ") + s.message()));
    }

private slots:
    void taxNumberRule_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("VKN example") << QStringLiteral("4540536920") << true;
        QTest::newRow("VKN 1234567890") << QStringLiteral("1234567890") << true;
        QTest::newRow("wrong check digit") << QStringLiteral("4540536921") << false;
        QTest::newRow("9 digits") << QStringLiteral("454053692") << false;
        QTest::newRow("letters") << QStringLiteral("45405369A0") << false;
        QTest::newRow("sole proprietor's TC") << QStringLiteral("10000000146") << true;
        QTest::newRow("bad TC") << QStringLiteral("17291716050") << false;
    }
    void taxNumberRule()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(TaxNumber::isValid(number), valid);
        QCOMPARE(TaxNumber::problem(number).isEmpty(), valid);
        if (number.size() == 10 && valid)
            QCOMPARE(TaxNumber::vknCheckDigit(number), number.at(9).unicode() - '0');
    }

    void globalIdsHaveTheirForm()
    {
        const QString random = GlobalId::random();
        QVERIFY(GlobalId::isValid(random));
        QCOMPARE(QUuid::fromString(random).version(), QUuid::Random);
        Random a(5), b(5), c(6);
        const QString seeded = GlobalId::fromSeed(a);
        QCOMPARE(GlobalId::fromSeed(b), seeded);
        QVERIFY(GlobalId::fromSeed(c) != seeded);
        QVERIFY(GlobalId::isValid(seeded));
        QCOMPARE(QUuid::fromString(seeded).version(), QUuid::Random);
        QCOMPARE(QUuid::fromString(seeded).variant(), QUuid::DCE);
        QCOMPARE(QUuid::fromString(GlobalId::forField(QStringLiteral("ELK"))).version(), QUuid::Sha1);
        QVERIFY(GlobalId::forField(QStringLiteral("ELK")) != GlobalId::forField(QStringLiteral("BIL")));
        QVERIFY(!GlobalId::isValid(QString(QStringLiteral("{") + random + QStringLiteral("}"))));
        QVERIFY(!GlobalId::isValid(random.toUpper()));
    }

    // The shipped reference data has the same ids in every database.
    void referenceDataIdsAreTheSameEverywhere()
    {
        auto a = newDatabase(), b = newDatabase();
        QVERIFY(a && b);
        const QString sql = QStringLiteral("SELECT group_concat(uid, ',') FROM (SELECT uid FROM %1 ORDER BY id)");
        for (const char *table : { "field", "centre" }) {
            const QString ids = scalar(a->connection(), sql.arg(QLatin1String(table))).toString();
            QVERIFY(!ids.isEmpty());
            QCOMPARE(scalar(b->connection(), sql.arg(QLatin1String(table))).toString(), ids);
        }
    }

    void insertsGetAnIdOwnerAndVersion()
    {
        for (const auto &role : { DatabaseRole::national(), DatabaseRole::centre(3) }) {
            auto db = newDatabase(role);
            QVERIFY(db);
            const QSqlDatabase c = db->connection();
            exec(c, QStringLiteral("INSERT INTO partner(name, province_id) VALUES ('Öz Çelik Döküm', 16)"));
            QVERIFY(GlobalId::isValid(scalar(c, QStringLiteral("SELECT uid FROM partner")).toString()));
            QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 1);
            QVERIFY(scalar(c, QStringLiteral("SELECT change_serial FROM partner")).isNull());
            QCOMPARE(scalar(c, QStringLiteral("SELECT modified_by FROM partner")).toString(), role.code());
            const QVariant owner = scalar(c, QStringLiteral("SELECT owner_centre_id FROM partner"));
            QVERIFY(role.owns(owner));
            QCOMPARE(owner.isNull(), role.isNational());
            // An owner given explicitly (a received row, an undone deletion) is kept.
            exec(c,
                QStringLiteral(
                    "INSERT INTO partner(name, province_id, owner_centre_id, modified_by) VALUES ('B', 6, 5, 'centre:5')"));
            QCOMPARE(scalar(c, QStringLiteral("SELECT owner_centre_id FROM partner WHERE name = 'B'")).toInt(), 5);
            QCOMPARE(scalar(c, QStringLiteral("SELECT modified_by FROM partner WHERE name = 'B'")).toString(),
                QStringLiteral("centre:5"));
            // Two inserts in one statement get two ids.
            exec(c, QStringLiteral("INSERT INTO school(name, province_id) VALUES ('A', 6), ('B', 6)"));
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT uid) FROM school")).toInt(), 2);
            QVERIFY(!Sql::exec(c, QStringLiteral("INSERT INTO partner(name, province_id, owner_centre_id) VALUES ('C', 6, 99)")));
        }
    }

    void versionsRiseOnRealChangesOnly()
    {
        auto db = newDatabase();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'A', 6)"));
        exec(c, QStringLiteral("UPDATE partner SET change_serial = 7"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 1); // bookkeeping is no change
        exec(c, QStringLiteral("UPDATE partner SET name = 'A'"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 1); // same value
        QCOMPARE(scalar(c, QStringLiteral("SELECT change_serial FROM partner")).toInt(), 7);
        exec(c, QStringLiteral("UPDATE partner SET name = 'Ağaç İşleri'"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 2);
        QVERIFY(scalar(c, QStringLiteral("SELECT change_serial FROM partner")).isNull());
        // Applying a received row writes its version: never raised on top.
        exec(c, QStringLiteral("UPDATE partner SET name = 'B', version = 9"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 9);
        // The list that travels with the partner raises its version.
        exec(c, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C1', 'Güneş paneli')"));
        exec(c, QStringLiteral("INSERT INTO partner_competency(partner_id, competency_id) VALUES (1, 1)"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 10);
        exec(c, QStringLiteral("DELETE FROM partner_competency"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 11);
        // ... but not of a partner another database owns (a received list).
        exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id, owner_centre_id) VALUES (2, 'C', 6, 4)"));
        exec(c, QStringLiteral("INSERT INTO partner_competency(partner_id, competency_id) VALUES (2, 1)"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner WHERE id = 2")).toInt(), 1);
        // A teacher's two parts have their own versions.
        exec(c,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES (1, '10000000146', 'Ayşe', 'Işık', 1, 6)"));
        exec(c, QStringLiteral("UPDATE teacher SET notes = 'Haziranda uygun', available_from = '2027-06-14'"));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT version || '/' || record_version FROM teacher")).toString(), QStringLiteral("1/2"));
        exec(c, QStringLiteral("UPDATE teacher SET last_name = 'Şahin'"));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT version || '/' || record_version FROM teacher")).toString(), QStringLiteral("2/2"));
        exec(c, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 3)"));
        exec(c, QStringLiteral("UPDATE need_rating SET need = 3"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM need_rating")).toInt(), 1);
        exec(c, QStringLiteral("UPDATE need_rating SET need = 5"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM need_rating")).toInt(), 2);
    }

    void deletionsLeaveTombstonesOfOwnRecords()
    {
        auto db = newDatabase(DatabaseRole::centre(2));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Own', 6)"));
        exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id, owner_centre_id) VALUES (2, 'Other', 6, 9)"));
        const QString own = scalar(c, QStringLiteral("SELECT uid FROM partner WHERE id = 1")).toString();
        exec(c, QStringLiteral("UPDATE partner SET name = 'Own 2' WHERE id = 1"));
        exec(c, QStringLiteral("DELETE FROM partner"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 1);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT uid || ' ' || version || ' ' || owner_centre_id || ' ' || deleted_by FROM tombstone"))
                     .toString(),
            own + QStringLiteral(" 3 2 centre:2"));
        // Putting the record back (undo) gives it a version above the tombstone's.
        exec(c,
            QStringLiteral(
                "INSERT INTO partner(id, name, province_id, uid, version, owner_centre_id) VALUES (1, 'Own 2', 6, '%1', 2, 2)")
                .arg(own));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 4);
    }

    void erasedTeacherNeverComesBack()
    {
        auto db = newDatabase();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        const QString uid = GlobalId::random();
        exec(
            c, QStringLiteral("INSERT INTO tombstone(table_name, uid, version, erased) VALUES ('teacher', '%1', 3, 1)").arg(uid));
        const Status s = Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(uid, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES ('%1', '10000000146', 'A', 'B', 1, 6)")
                .arg(uid));
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("erased")), qPrintable(s.message()));
    }

    // Undo and redo of an insert bring the same record back: same local and global id.
    void undoRedoKeepsTheGlobalId()
    {
        auto db = newDatabase();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QUndoStack stack;
        auto command = std::make_unique<InsertRowCommand>(c, QStringLiteral("partner"),
            QVariantMap { { QStringLiteral("name"), QStringLiteral("Işıklar Makine") }, { QStringLiteral("province_id"), 16 } },
            QStringLiteral("add"));
        auto *raw = command.get();
        QVERIFY(DbCommand::run(&stack, std::move(command)));
        const QString uid = scalar(c, QStringLiteral("SELECT uid FROM partner")).toString();
        QVERIFY(GlobalId::isValid(uid));
        stack.undo();
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM partner")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM tombstone")).toString(), uid);
        stack.redo();
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM partner WHERE id = %1").arg(raw->insertedId())).toString(), uid);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner")).toInt(), 3);

        // Deleting and undoing restores every id as it was.
        exec(c,
            QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (%1, 1, '2027-06-14', '2027-06-25', 2)")
                .arg(raw->insertedId()));
        const QString session = scalar(c, QStringLiteral("SELECT uid FROM training_session")).toString();
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<DeleteRowsCommand>(
                c, DeleteRowsCommand::Entity::Partner, QList<int> { raw->insertedId() }, false, QStringLiteral("delete"))));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 2);
        stack.undo();
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM partner")).toString(), uid);
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM training_session")).toString(), session);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone")).toInt(), 0);
    }

    void roleIsKeptInMeta()
    {
        auto db = newDatabase();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QCOMPARE(DatabaseRole::isStored(c).value(), false);
        QVERIFY(DatabaseRole::read(c).value().isNational());
        QVERIFY(DatabaseRole::parse(QStringLiteral("centre:7")).value().write(c));
        QCOMPARE(DatabaseRole::read(c).value(), DatabaseRole::centre(7));
        QCOMPARE(DatabaseRole::read(c).value().code(), QStringLiteral("centre:7"));
        QCOMPARE(DatabaseRole::parse(QStringLiteral("12")).value(), DatabaseRole::centre(12));
        QVERIFY(!DatabaseRole::parse(QStringLiteral("regional")));
        QVERIFY(!DatabaseRole::centre(42).write(c)); // no such centre
        QVERIFY(DatabaseRole::national().write(c));
        QVERIFY(DatabaseRole::read(c).value().isNational());
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'centre_id'")).toInt(), 0);
    }

    // The national office and a centre built from one seed hold the same
    // records with the same ids, versions and times; each keeps its part.
    void demoRolesShareIds()
    {
        DemoGenerator::Options o;
        o.teachers = 300;
        o.partners = 90;
        o.minPlaces = 150;
        o.seed = 11;
        auto national = newDatabase(), centre = newDatabase();
        QVERIFY(national && centre);
        o.role = DatabaseRole::national();
        auto n = DemoGenerator::generate(national->connection(), o);
        QVERIFY2(n, qPrintable(n.message()));
        o.role = DatabaseRole::centre(2);
        auto s = DemoGenerator::generate(centre->connection(), o);
        QVERIFY2(s, qPrintable(s.message()));
        const QSqlDatabase nc = national->connection(), cc = centre->connection();
        QCOMPARE(n.value().teachers, 300);
        QCOMPARE(n.value().partners, 0);
        QVERIFY(s.value().teachers > 0 && s.value().teachers < 300);
        QVERIFY(s.value().partners > 0 && s.value().placements > 0);
        QCOMPARE(scalar(cc, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id IS NOT 2")).toInt(), 0);
        QCOMPARE(scalar(cc, QStringLiteral("SELECT count(*) FROM partner WHERE owner_centre_id IS NOT 2")).toInt(), 0);
        QCOMPARE(scalar(cc, QStringLiteral("SELECT count(*) FROM placement WHERE owner_centre_id IS NOT 2")).toInt(), 0);
        QVERIFY(DatabaseRole::read(cc).value() == DatabaseRole::centre(2));
        // Same teachers (identity part), catalogue and schools in both.
        const QString teachers
            = QStringLiteral("SELECT group_concat(x, '|') FROM (SELECT uid || national_id || last_name || version || "
                             "modified_at AS x FROM teacher WHERE centre_id = 2 ORDER BY uid)");
        QCOMPARE(scalar(cc, teachers).toString(), scalar(nc, teachers).toString());
        const QString catalogue
            = QStringLiteral("SELECT group_concat(x, '|') FROM (SELECT uid || code || title_tr || modified_at AS x "
                             "FROM competency ORDER BY uid)");
        QCOMPARE(scalar(cc, catalogue).toString(), scalar(nc, catalogue).toString());
        const QString ratings
            = QStringLiteral("SELECT count(*) || ':' || total(need) FROM need_rating r JOIN teacher t ON t.id = r.teacher_id "
                             "WHERE t.centre_id = 2");
        QCOMPARE(scalar(cc, ratings).toString(), scalar(nc, ratings).toString());
        // The availability is the centre's own change; the national office has none yet.
        QVERIFY(scalar(cc,
                    QStringLiteral("SELECT count(*) FROM teacher WHERE record_version = 2 AND record_modified_by = 'centre:2' "
                                   "AND available_from IS NOT NULL"))
                    .toInt()
            > 0);
        QCOMPARE(
            scalar(nc, QStringLiteral("SELECT count(*) FROM teacher WHERE available_from IS NOT NULL OR record_version <> 1"))
                .toInt(),
            0);
        // Partners have valid tax numbers.
        QSqlQuery q(cc);
        QVERIFY(q.exec(QStringLiteral("SELECT tax_number FROM partner")));
        while (q.next())
            QVERIFY2(TaxNumber::isValid(q.value(0).toString()), qPrintable(q.value(0).toString()));
    }

    // A new school or competency from an import gets the name-based id.
    void importGivesNameBasedIds()
    {
        auto db = newDatabase();
        QVERIFY(db);
        const QString csv = m_dir.filePath(QStringLiteral("teachers.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("TC Kimlik No;Ad;Soyad;Alan;Okul;İl\n10000000146;Ayşe;Işık;ELK;Çankaya MTAL;Ankara\n");
        f.close();
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("import"), db->path(), QStringLiteral("teachers"), csv }, &out, &err), 0);
        auto again = Database::open(db->path());
        QVERIFY(again);
        QCOMPARE(scalar(again.value()->connection(), QStringLiteral("SELECT uid FROM school")).toString(),
            GlobalId::forSchool(6, QString(), QStringLiteral("Çankaya MTAL")));
    }
};

QTEST_GUILESS_MAIN(TestExchangeSchema)
#include "tst_exchangeschema.moc"
