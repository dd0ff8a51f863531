// SPDX-License-Identifier: GPL-3.0-or-later
// Item models of the entity pages: model contract (QAbstractItemModelTester),
// edits through undo commands, refusals, deletes that restore everything, and
// the Turkish search/sort proxy.
#include "models/demo/demogenerator.h"
#include "models/editing/changenotifier.h"
#include "models/itemmodels/competencytablemodel.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/partnertablemodel.h"
#include "models/itemmodels/placementsmodel.h"
#include "models/itemmodels/ratingsmodel.h"
#include "models/itemmodels/sessioncompetencymodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/itemmodels/variantnumber.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QUndoStack>

using namespace kopru;
using kopru::test::scalar;

namespace {

// Everything a teacher or partner owns, as one comparable text.
QString teacherFootprint(const QSqlDatabase &db, int id)
{
    return scalar(db,
        QStringLiteral(
            "SELECT (SELECT group_concat(national_id || first_name || last_name || field_id || "
            "coalesce(school_id,'') || email || phone) FROM teacher WHERE id = %1) || '|' || "
            "(SELECT group_concat(competency_id || ':' || coalesce(need,'n') || coalesce(proficiency,'p'), ',') "
            "FROM need_rating WHERE teacher_id = %1) || '|' || "
            "coalesce((SELECT group_concat(id || session_id || status, ',') FROM placement WHERE teacher_id = %1), '')")
            .arg(id))
        .toString();
}

QString partnerFootprint(const QSqlDatabase &db, int id)
{
    return scalar(db,
        QStringLiteral(
            "SELECT (SELECT name || province_id FROM partner WHERE id = %1) || '|' || "
            "(SELECT group_concat(id || start_date || capacity, ',') FROM training_session WHERE partner_id = %1) || '|' || "
            "(SELECT group_concat(session_id || ':' || competency_id, ',') FROM session_competency "
            " WHERE session_id IN (SELECT id FROM training_session WHERE partner_id = %1)) || '|' || "
            "coalesce((SELECT group_concat(id || teacher_id, ',') FROM placement "
            " WHERE session_id IN (SELECT id FROM training_session WHERE partner_id = %1)), '')")
            .arg(id))
        .toString();
}

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Lookups m_lookups;
    int m_n = 0;
    int m_isikId = 0, m_partnerWithPlacements = 0;

    QSqlDatabase c() const { return m_db->connection(); }

private slots:
    void init()
    {
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("m%1.kopru").arg(++m_n)));
        QVERIFY(m_db);
        DemoGenerator::Options o;
        o.teachers = 60;
        o.partners = 12;
        o.minPlaces = 20;
        o.programme = false; // the placements below are the only ones
        QVERIFY(DemoGenerator::generate(c(), o).ok());
        // Known Turkish names, and two placements in one partner's session.
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, "
                           "experience_years) VALUES ('10000000146', 'AYŞE', 'IŞIK', 1, 34, 9)")));
        m_isikId = scalar(c(), QStringLiteral("SELECT id FROM teacher WHERE national_id = '10000000146'")).toInt();
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, "
                           "notes, experience_years) VALUES ('17291716060', 'Cem', 'Irmak', 1, 6, 'İSTANBUL kursu', 10)")));
        const int session = scalar(c(), QStringLiteral("SELECT min(id) FROM training_session")).toInt();
        m_partnerWithPlacements
            = scalar(c(), QStringLiteral("SELECT partner_id FROM training_session WHERE id = %1").arg(session)).toInt();
        const int field = scalar(c(), QStringLiteral("SELECT field_id FROM training_session WHERE id = %1").arg(session)).toInt();
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO placement(teacher_id, session_id) SELECT id, ? FROM teacher "
                           "WHERE field_id = ? ORDER BY id LIMIT 2"),
            { session, field }));
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 2);
        QVERIFY(m_lookups.load(c()).ok());
    }

    void cleanup() { m_db.reset(); }

    void everyModelPassesTheModelTester()
    {
        QUndoStack stack;
        TeacherTableModel teachers;
        CompetencyTableModel competencies;
        PartnerTableModel partners;
        SessionTableModel sessions;
        RatingsModel ratings;
        PlacementsModel placements;
        SessionCompetencyModel covered;
        TurkishFilterProxy proxy;
        proxy.setSourceModel(&teachers);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester t1(&teachers, mode), t2(&competencies, mode), t3(&partners, mode), t4(&sessions, mode),
            t5(&ratings, mode), t6(&placements, mode), t7(&covered, mode), t8(&proxy, mode);
        for (EntityTableModel *m : std::initializer_list<EntityTableModel *> { &teachers, &competencies, &partners, &sessions })
            m->setUndoStack(&stack);
        ratings.setUndoStack(&stack);
        covered.setUndoStack(&stack);
        sessions.setPartner(m_partnerWithPlacements);
        QVERIFY(teachers.load(c(), &m_lookups).ok());
        QVERIFY(competencies.load(c(), &m_lookups).ok());
        QVERIFY(partners.load(c(), &m_lookups).ok());
        QVERIFY(sessions.load(c(), &m_lookups).ok());
        const int teacher = scalar(c(), QStringLiteral("SELECT teacher_id FROM placement LIMIT 1")).toInt();
        QVERIFY(ratings.load(c(), teacher).ok());
        QVERIFY(placements.load(c(), teacher).ok());
        QVERIFY(covered.load(c(), sessions.idAt(0)).ok());
        QCOMPARE(teachers.rowCount(), 62);
        QCOMPARE(competencies.rowCount(), 1000);
        QCOMPARE(partners.rowCount(), 12);
        QCOMPARE(placements.rowCount(), 1);
        QCOMPARE(ratings.rowCount(),
            scalar(c(),
                QStringLiteral("SELECT count(*) FROM competency WHERE field_id = "
                               "(SELECT field_id FROM teacher WHERE id = %1)")
                    .arg(teacher))
                .toInt());
        // Exercise the models while the testers watch: edit, insert, delete, undo, filter, sort.
        QVERIFY(teachers.setData(teachers.index(0, TeacherTableModel::Email), QStringLiteral("x@ornek.example"), Qt::EditRole));
        QVERIFY(ratings.setData(ratings.index(0, RatingsModel::Need), 3, Qt::EditRole));
        QVERIFY(covered.setData(covered.index(0, 0), Qt::Checked, Qt::CheckStateRole));
        proxy.setSearchText(QStringLiteral("ışık"));
        proxy.sort(TeacherTableModel::LastName);
        QVERIFY(teachers
                    .insertRecord(
                        { { QStringLiteral("national_id"), QStringLiteral("17291716060").replace(0, 1, QStringLiteral("1")) },
                            { QStringLiteral("first_name"), QStringLiteral("Deniz") },
                            { QStringLiteral("last_name"), QStringLiteral("Işıklı") }, { QStringLiteral("field_id"), 2 },
                            { QStringLiteral("province_id"), 6 } },
                        QStringLiteral("add"))
                    .ok()
            == false); // duplicate national ID: refused by the database
        QVERIFY(teachers.removeIds({ m_isikId }, false).ok());
        QVERIFY(partners.removeIds({ m_partnerWithPlacements }, true).ok());
        while (stack.canUndo())
            stack.undo();
        proxy.setSearchText(QString());
        QCOMPARE(teachers.rowCount(), 62);
        QCOMPARE(partners.rowCount(), 12);
    }

    void editGoesToDatabaseAndUndoRedoRestores_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QString>("sqlColumn");
        QTest::addColumn<QVariant>("stored");
        QTest::newRow("e-mail") << int(TeacherTableModel::Email) << QVariant(QStringLiteral("ayse.isik@meb.gov.tr"))
                                << QStringLiteral("email") << QVariant(QStringLiteral("ayse.isik@meb.gov.tr"));
        QTest::newRow("phone with spaces kept with leading zero")
            << int(TeacherTableModel::Phone) << QVariant(QStringLiteral("0532 123 45 67")) << QStringLiteral("phone")
            << QVariant(QStringLiteral("05321234567"));
        QTest::newRow("phone +90") << int(TeacherTableModel::Phone) << QVariant(QStringLiteral("+90 (312) 555 12 34"))
                                   << QStringLiteral("phone") << QVariant(QStringLiteral("03125551234"));
        QTest::newRow("date dd.MM.yyyy stored ISO")
            << int(TeacherTableModel::AvailableFrom) << QVariant(QStringLiteral("14.06.2027")) << QStringLiteral("available_from")
            << QVariant(QStringLiteral("2027-06-14"));
        QTest::newRow("experience") << int(TeacherTableModel::Experience) << QVariant(12) << QStringLiteral("experience_years")
                                    << QVariant(12);
        QTest::newRow("province") << int(TeacherTableModel::Province) << QVariant(35) << QStringLiteral("province_id")
                                  << QVariant(35);
        QTest::newRow("national ID") << int(TeacherTableModel::NationalId) << QVariant(QStringLiteral("99000000042"))
                                     << QStringLiteral("national_id") << QVariant(QStringLiteral("99000000042"));
    }

    void editGoesToDatabaseAndUndoRedoRestores()
    {
        QFETCH(int, column);
        QFETCH(QVariant, input);
        QFETCH(QString, sqlColumn);
        QFETCH(QVariant, stored);
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const int row = model.rowOfId(m_isikId);
        const QString select = QStringLiteral("SELECT %1 FROM teacher WHERE id = %2").arg(sqlColumn).arg(m_isikId);
        const QVariant before = scalar(c(), select);
        QVERIFY(model.setData(model.index(row, column), input, Qt::EditRole));
        QCOMPARE(scalar(c(), select).toString(), stored.toString());
        QCOMPARE(model.rawValue(row, column).toString(), stored.toString());
        QCOMPARE(stack.count(), 1);
        stack.undo();
        QCOMPARE(scalar(c(), select), before);
        QCOMPARE(model.rawValue(model.rowOfId(m_isikId), column), before);
        stack.redo();
        QCOMPARE(scalar(c(), select).toString(), stored.toString());
    }

    void invalidEditIsRefusedAndNothingWritten_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("input");
        QTest::newRow("national ID checksum") << int(TeacherTableModel::NationalId) << QVariant(QStringLiteral("17291716050"));
        QTest::newRow("national ID leading zero")
            << int(TeacherTableModel::NationalId) << QVariant(QStringLiteral("07291716092"));
        QTest::newRow("national ID of another teacher")
            << int(TeacherTableModel::NationalId) << QVariant(QStringLiteral("17291716060"));
        QTest::newRow("e-mail without @") << int(TeacherTableModel::Email) << QVariant(QStringLiteral("ayse.meb.gov.tr"));
        QTest::newRow("phone too short") << int(TeacherTableModel::Phone) << QVariant(QStringLiteral("0532 123 45"));
        QTest::newRow("foreign phone") << int(TeacherTableModel::Phone) << QVariant(QStringLiteral("+49 30 1234567"));
        QTest::newRow("experience 61") << int(TeacherTableModel::Experience) << QVariant(61);
        QTest::newRow("not a date") << int(TeacherTableModel::AvailableFrom) << QVariant(QStringLiteral("31.02.2027"));
        QTest::newRow("end before start") << int(TeacherTableModel::AvailableTo) << QVariant(QStringLiteral("2027-06-01"));
        QTest::newRow("empty last name") << int(TeacherTableModel::LastName) << QVariant(QString());
        QTest::newRow("school is read-only") << int(TeacherTableModel::School) << QVariant(1);
    }

    void invalidEditIsRefusedAndNothingWritten()
    {
        QFETCH(int, column);
        QFETCH(QVariant, input);
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE teacher SET available_from = '2027-06-14' WHERE id = ?"), { m_isikId }));
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        QSignalSpy refused(&model, &EntityTableModel::editRefused);
        const QString before = teacherFootprint(c(), m_isikId);
        QVERIFY(!model.setData(model.index(model.rowOfId(m_isikId), column), input, Qt::EditRole));
        QCOMPARE(refused.count(), 1);
        QVERIFY(!refused.at(0).at(0).toString().isEmpty());
        QCOMPARE(teacherFootprint(c(), m_isikId), before);
        QCOMPARE(stack.count(), 0);
    }

    void insertedTeacherIsGoneAfterUndo()
    {
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const int rows = model.rowCount();
        auto id = model.insertRecord({ { QStringLiteral("national_id"), QStringLiteral("99000000042") },
                                         { QStringLiteral("first_name"), QStringLiteral("Deniz") },
                                         { QStringLiteral("last_name"), QStringLiteral("Yıldız") },
                                         { QStringLiteral("field_id"), 3 }, { QStringLiteral("province_id"), 6 } },
            QStringLiteral("Add teacher"));
        QVERIFY2(id.ok(), qPrintable(id.message()));
        QCOMPARE(model.rowCount(), rows + 1);
        QVERIFY(model.rowOfId(id.value()) >= 0);
        stack.undo();
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE id = %1").arg(id.value())).toInt(), 0);
        stack.redo(); // same id again
        QCOMPARE(scalar(c(), QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(id.value())).toString(),
            QStringLiteral("Yıldız"));
        QCOMPARE(model.rowCount(), rows + 1);
    }

    void insertRefusesAnInvalidNationalId_data()
    {
        QTest::addColumn<QString>("nationalId");
        QTest::newRow("checksum") << QStringLiteral("17291716050");
        QTest::newRow("already used") << QStringLiteral("10000000146");
        QTest::newRow("missing") << QString();
    }

    void insertRefusesAnInvalidNationalId()
    {
        QFETCH(QString, nationalId);
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const int before = scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt();
        auto id = model.insertRecord(
            { { QStringLiteral("national_id"), nationalId }, { QStringLiteral("first_name"), QStringLiteral("Deniz") },
                { QStringLiteral("last_name"), QStringLiteral("Yıldız") }, { QStringLiteral("field_id"), 3 },
                { QStringLiteral("province_id"), 6 } },
            QStringLiteral("Add teacher"));
        QVERIFY(!id.ok());
        QVERIFY(!id.message().isEmpty());
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), before);
        QCOMPARE(stack.count(), 0);
    }

    void deletedTeacherComesBackWithRatingsAndPlacements()
    {
        const int teacher = scalar(c(), QStringLiteral("SELECT teacher_id FROM placement LIMIT 1")).toInt();
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const QString before = teacherFootprint(c(), teacher);
        QVERIFY(before.contains(QLatin1Char(':')));
        QVERIFY(model.removeIds({ teacher }, false).ok());
        QCOMPARE(model.rowOfId(teacher), -1);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = %1").arg(teacher)).toInt(), 0);
        stack.undo();
        QCOMPARE(teacherFootprint(c(), teacher), before);
        QVERIFY(model.rowOfId(teacher) >= 0);
    }

    void partnerWithPlacementsIsDeletedOnlyWhenAskedAndComesBack()
    {
        QUndoStack stack;
        PartnerTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const QString before = partnerFootprint(c(), m_partnerWithPlacements);
        auto affected = model.placementsAffected({ m_partnerWithPlacements });
        QVERIFY(affected.ok());
        QCOMPARE(affected.value(), 2);
        const Status refused = model.removeIds({ m_partnerWithPlacements }, false);
        QVERIFY(!refused.ok());
        QCOMPARE(partnerFootprint(c(), m_partnerWithPlacements), before);
        QCOMPARE(stack.count(), 0);
        QVERIFY(model.removeIds({ m_partnerWithPlacements }, true).ok());
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 0);
        QCOMPARE(model.rowOfId(m_partnerWithPlacements), -1);
        stack.undo();
        QCOMPARE(partnerFootprint(c(), m_partnerWithPlacements), before);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 2);
        QCOMPARE(scalar(c(), QStringLiteral("PRAGMA foreign_key_check")), QVariant());
    }

    void ratingEditCreatesAndUndoRemovesTheRating()
    {
        const int teacher = m_isikId; // inserted without ratings
        QUndoStack stack;
        RatingsModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), teacher).ok());
        QVERIFY(model.rowCount() > 0);
        const int competency = model.data(model.index(0, 0), IdRole).toInt();
        const QString count = QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = %1").arg(teacher);
        const QString need = QStringLiteral("SELECT need FROM need_rating WHERE teacher_id = %1 AND competency_id = %2")
                                 .arg(teacher)
                                 .arg(competency);
        QCOMPARE(scalar(c(), count).toInt(), 0);
        QVERIFY(model.setData(model.index(0, RatingsModel::Need), 4, Qt::EditRole));
        QCOMPARE(scalar(c(), need).toInt(), 4);
        QVERIFY(model.setData(model.index(0, RatingsModel::Need), 0, Qt::EditRole)); // not applicable
        QCOMPARE(scalar(c(), count).toInt(), 1);
        QVERIFY(scalar(c(), need).isNull());
        QCOMPARE(model.data(model.index(0, RatingsModel::Need), Qt::EditRole).toInt(), 0);
        QVERIFY(!model.setData(model.index(0, RatingsModel::Need), 6, Qt::EditRole));
        stack.undo();
        QCOMPARE(scalar(c(), need).toInt(), 4);
        stack.undo();
        QCOMPARE(scalar(c(), count).toInt(), 0);
    }

    void sessionCoverageIsCheckableAndUndoable()
    {
        QUndoStack stack;
        SessionCompetencyModel model;
        model.setUndoStack(&stack);
        const int session = scalar(c(), QStringLiteral("SELECT min(id) FROM training_session")).toInt();
        QVERIFY(model.load(c(), session).ok());
        const int coveredBefore = model.coveredCount();
        QCOMPARE(coveredBefore,
            scalar(c(), QStringLiteral("SELECT count(*) FROM session_competency WHERE session_id = %1").arg(session)).toInt());
        int row = 0;
        while (row < model.rowCount() && model.data(model.index(row, 0), Qt::CheckStateRole).toInt() == Qt::Checked)
            ++row;
        QVERIFY(row < model.rowCount());
        QVERIFY(model.setData(model.index(row, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(model.coveredCount(), coveredBefore + 1);
        stack.undo();
        QCOMPARE(model.coveredCount(), coveredBefore);
        QCOMPARE(
            scalar(c(), QStringLiteral("SELECT count(*) FROM session_competency WHERE session_id = %1").arg(session)).toInt(),
            coveredBefore);
    }

    void sessionCapacityMustBePositive()
    {
        QUndoStack stack;
        SessionTableModel model;
        model.setUndoStack(&stack);
        model.setPartner(m_partnerWithPlacements);
        QVERIFY(model.load(c(), &m_lookups).ok());
        QSignalSpy refused(&model, &EntityTableModel::editRefused);
        QVERIFY(!model.setData(model.index(0, SessionTableModel::Capacity), 0, Qt::EditRole));
        QVERIFY(!model.setData(model.index(0, SessionTableModel::End), QStringLiteral("01.01.2020"), Qt::EditRole));
        QCOMPARE(refused.count(), 2);
        QVERIFY(model.setData(model.index(0, SessionTableModel::Capacity), 7, Qt::EditRole));
        QCOMPARE(
            scalar(c(), QStringLiteral("SELECT capacity FROM training_session WHERE id = %1").arg(model.idAt(0))).toInt(), 7);
    }

    void hundredUndoStepsRestoreTheStart()
    {
        QUndoStack stack;
        TeacherTableModel model;
        model.setUndoStack(&stack);
        QVERIFY(model.load(c(), &m_lookups).ok());
        const int row = model.rowOfId(m_isikId);
        const QString before = teacherFootprint(c(), m_isikId);
        for (int i = 0; i < 120; ++i)
            QVERIFY(model.setData(model.index(row, TeacherTableModel::Notes), QStringLiteral("note %1").arg(i), Qt::EditRole));
        QCOMPARE(stack.count(), 120);
        for (int i = 0; i < 120; ++i)
            stack.undo();
        QCOMPARE(teacherFootprint(c(), m_isikId), before);
        QCOMPARE(model.rawValue(row, TeacherTableModel::Notes).toString(), QString());
    }

    void undoAfterTheDatabaseClosedIsReportedNotCrashing()
    {
        QUndoStack stack;
        {
            TeacherTableModel model;
            model.setUndoStack(&stack);
            QVERIFY(model.load(c(), &m_lookups).ok());
            QVERIFY(
                model.setData(model.index(model.rowOfId(m_isikId), TeacherTableModel::Notes), QStringLiteral("x"), Qt::EditRole));
            model.clear();
        }
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        m_db.reset(); // the window closed the database; the stack still holds the edit
        stack.undo();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(stack.count(), 0); // the obsolete command was dropped
    }

    void proxySearchFoldsTurkishCase_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected"); // national IDs found among the two known teachers
        const QString isik = QStringLiteral("10000000146"), irmak = QStringLiteral("17291716060");
        QTest::newRow("ışık finds IŞIK") << QStringLiteral("ışık") << QStringList { isik };
        QTest::newRow("IŞIK finds IŞIK") << QStringLiteral("IŞIK") << QStringList { isik };
        // Typed in plain ASCII (an English keyboard): matched without diacritics.
        QTest::newRow("isik finds IŞIK") << QStringLiteral("isik") << QStringList { isik };
        QTest::newRow("ISIK finds IŞIK") << QStringLiteral("ISIK") << QStringList { isik };
        QTest::newRow("ayse isik finds AYŞE IŞIK") << QStringLiteral("ayse isik") << QStringList { isik };
        // Typed with Turkish letters: those letters count.
        QTest::newRow("ısık does not find IŞIK") << QStringLiteral("ısık") << QStringList {};
        QTest::newRow("işık does not find IŞIK") << QStringLiteral("işık") << QStringList {};
        QTest::newRow("istanbul finds İSTANBUL") << QStringLiteral("istanbul kursu") << QStringList { irmak };
        QTest::newRow("İstanbul finds İSTANBUL")
            << QStringLiteral("İstanbul") << QStringList { isik, irmak }; // ISIK lives in İstanbul
        QTest::newRow("two words in any order") << QStringLiteral("ayşe ışık") << QStringList { isik };
        QTest::newRow("irmak cem") << QStringLiteral("ırmak cem") << QStringList { irmak };
        QTest::newRow("national ID digits") << QStringLiteral("1729171") << QStringList { irmak };
    }

    void proxySearchFoldsTurkishCase()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        TeacherTableModel model;
        QVERIFY(model.load(c(), &m_lookups).ok());
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSearchText(search);
        QStringList found;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const QString id = proxy.index(r, TeacherTableModel::NationalId).data().toString();
            if (id == QLatin1String("10000000146") || id == QLatin1String("17291716060"))
                found << id;
        }
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    // "Kilic" typed on an English keyboard finds "Kılıç" and "Kilic" alike, the
    // exact match first in either sort order; "Kılıç" finds only "Kılıç".
    void proxyRanksExactMatchesBeforeLooseOnes()
    {
        QStandardItemModel source;
        const QStringList names { u"Kılıç Ayşe"_qs, u"Aydın Kilic"_qs, u"Demir Can"_qs, u"Kılıçarslan Ece"_qs };
        for (const QString &n : names) {
            auto *item = new QStandardItem(n);
            item->setData(n, SortRole);
            source.appendRow(item);
        }
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        const auto shown = [&proxy] {
            QStringList got;
            for (int r = 0; r < proxy.rowCount(); ++r)
                got << proxy.index(r, 0).data().toString();
            return got;
        };
        proxy.sort(0, Qt::AscendingOrder);
        proxy.setSearchText(QStringLiteral("Kilic"));
        QCOMPARE(shown(), (QStringList { u"Aydın Kilic"_qs, u"Kılıç Ayşe"_qs, u"Kılıçarslan Ece"_qs }));
        QVERIFY(proxy.isExactMatch(1));
        QVERIFY(!proxy.isExactMatch(0));
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(shown(), (QStringList { u"Aydın Kilic"_qs, u"Kılıçarslan Ece"_qs, u"Kılıç Ayşe"_qs }));
        proxy.setSearchText(u"Kılıç"_qs);
        QCOMPARE(shown(), (QStringList { u"Kılıçarslan Ece"_qs, u"Kılıç Ayşe"_qs }));
        // Rows added and removed while searching: the cached matches follow them.
        source.insertRow(0, new QStandardItem(u"KILIÇ Deniz"_qs));
        source.item(0)->setData(u"KILIÇ Deniz"_qs, SortRole);
        QCOMPARE(shown(), (QStringList { u"Kılıçarslan Ece"_qs, u"KILIÇ Deniz"_qs, u"Kılıç Ayşe"_qs }));
        source.removeRow(1); // "Kılıç Ayşe"
        proxy.setSearchText(QStringLiteral("kilic"));
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(shown(), (QStringList { u"Aydın Kilic"_qs, u"KILIÇ Deniz"_qs, u"Kılıçarslan Ece"_qs }));
        source.item(1)->setText(u"Aydın Kılıç"_qs); // was "Aydın Kilic": now only a loose match
        source.item(1)->setData(u"Aydın Kılıç"_qs, SortRole);
        QCOMPARE(shown(), (QStringList { u"Aydın Kılıç"_qs, u"KILIÇ Deniz"_qs, u"Kılıçarslan Ece"_qs }));
        QVERIFY(!proxy.isExactMatch(1));
    }

    void proxySortsWithTurkishCollationAndNumbers_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QStringList>("sorted");
        // Turkish alphabet: c ç … ı i … o ö … s ş … u ü (the independent reason for the order).
        QTest::newRow("letters") << QStringList {
            u"Ünal"_qs, u"Uslu"_qs, u"İnce"_qs, u"Işık"_qs, u"Öz"_qs, u"Oğuz"_qs, u"Çelik"_qs, u"Cem"_qs
        } << QStringList { u"Cem"_qs, u"Çelik"_qs, u"Işık"_qs, u"İnce"_qs, u"Oğuz"_qs, u"Öz"_qs, u"Uslu"_qs, u"Ünal"_qs };
        QTest::newRow("case does not matter")
            << QStringList { u"şahin"_qs, u"SARI"_qs, u"Sezer"_qs } << QStringList { u"SARI"_qs, u"Sezer"_qs, u"şahin"_qs };
    }

    void proxySortsWithTurkishCollationAndNumbers()
    {
        QFETCH(QStringList, values);
        QFETCH(QStringList, sorted);
        QStandardItemModel source;
        for (const QString &v : values) {
            auto *item = new QStandardItem(v);
            item->setData(v, SortRole);
            source.appendRow(item);
        }
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(0, Qt::AscendingOrder);
        QStringList got;
        for (int r = 0; r < proxy.rowCount(); ++r)
            got << proxy.index(r, 0).data().toString();
        QCOMPARE(got, sorted);
    }

    // The proxy reads a column's sort keys once per sort: an edit, a new row or a
    // changed sort role must not leave it sorting by the old keys.
    void proxySortKeysFollowTheSource()
    {
        QStandardItemModel source;
        for (const QString &v : { QStringLiteral("Çelik"), QStringLiteral("Ak"), QStringLiteral("Şen") }) {
            auto *item = new QStandardItem(v);
            item->setData(v, SortRole);
            item->setData(v.size(), Qt::UserRole + 100);
            source.appendRow(item);
        }
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(0, Qt::AscendingOrder);
        const auto order = [&proxy] {
            QStringList got;
            for (int r = 0; r < proxy.rowCount(); ++r)
                got << proxy.index(r, 0).data().toString();
            return got;
        };
        QCOMPARE(order(), (QStringList { QStringLiteral("Ak"), QStringLiteral("Çelik"), QStringLiteral("Şen") }));
        source.item(1)->setData(QStringLiteral("Zeki"), Qt::DisplayRole); // "Ak" becomes "Zeki"
        source.item(1)->setData(QStringLiteral("Zeki"), SortRole);
        QCOMPARE(order(), (QStringList { QStringLiteral("Çelik"), QStringLiteral("Şen"), QStringLiteral("Zeki") }));
        auto *added = new QStandardItem(QStringLiteral("Ceren"));
        added->setData(QStringLiteral("Ceren"), SortRole);
        added->setData(5, Qt::UserRole + 100);
        source.appendRow(added);
        QCOMPARE(order(),
            (QStringList { QStringLiteral("Ceren"), QStringLiteral("Çelik"), QStringLiteral("Şen"), QStringLiteral("Zeki") }));
        // By the other role (the original names' lengths): 2 (Zeki, once "Ak"), 3 (Şen), 5 (Çelik, Ceren in source order).
        proxy.setSortRole(Qt::UserRole + 100);
        QCOMPARE(order(),
            (QStringList { QStringLiteral("Zeki"), QStringLiteral("Şen"), QStringLiteral("Çelik"), QStringLiteral("Ceren") }));
    }

    // Ranks are kept per column sorted by: editing one row's value in one
    // column must re-rank that column only, and the other columns' kept
    // ranks must stay right.
    void proxyRanksFollowAnEditOfOneRow()
    {
        QStandardItemModel source;
        const QList<QStringList> rows { { u"Şen"_qs, u"3"_qs }, { u"Ak"_qs, u"10"_qs }, { u"Çelik"_qs, u"2"_qs },
            { u"Işık"_qs, u"1"_qs }, { u"İnce"_qs, u"20"_qs } };
        for (const QStringList &r : rows) {
            QList<QStandardItem *> items;
            for (const QString &v : r) {
                auto *item = new QStandardItem(v);
                item->setData(v, SortRole);
                items << item;
            }
            source.appendRow(items);
        }
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        const auto column = [&proxy](int c) {
            QStringList got;
            for (int r = 0; r < proxy.rowCount(); ++r)
                got << proxy.index(r, c).data().toString();
            return got;
        };
        // "10" after "3": digits compare by value.
        proxy.sort(1, Qt::AscendingOrder);
        QCOMPARE(column(1), (QStringList { u"1"_qs, u"2"_qs, u"3"_qs, u"10"_qs, u"20"_qs }));
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(column(0), (QStringList { u"Ak"_qs, u"Çelik"_qs, u"Işık"_qs, u"İnce"_qs, u"Şen"_qs }));
        // Edit column 0 of one row while sorted by it: the row moves.
        source.item(1, 0)->setData(u"Zor"_qs, Qt::DisplayRole);
        source.item(1, 0)->setData(u"Zor"_qs, SortRole);
        QCOMPARE(column(0), (QStringList { u"Çelik"_qs, u"Işık"_qs, u"İnce"_qs, u"Şen"_qs, u"Zor"_qs }));
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(column(0), (QStringList { u"Zor"_qs, u"Şen"_qs, u"İnce"_qs, u"Işık"_qs, u"Çelik"_qs }));
        // Edit column 1 of another row while sorted by column 0, then sort by column 1.
        source.item(3, 1)->setData(u"15"_qs, Qt::DisplayRole); // Işık: 1 → 15
        source.item(3, 1)->setData(u"15"_qs, SortRole);
        proxy.sort(1, Qt::AscendingOrder);
        QCOMPARE(column(1), (QStringList { u"2"_qs, u"3"_qs, u"10"_qs, u"15"_qs, u"20"_qs }));
        QCOMPARE(column(0), (QStringList { u"Çelik"_qs, u"Şen"_qs, u"Zor"_qs, u"Işık"_qs, u"İnce"_qs }));
        // Column 0's kept ranks still hold after the edit of column 1.
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(column(0), (QStringList { u"Çelik"_qs, u"Işık"_qs, u"İnce"_qs, u"Şen"_qs, u"Zor"_qs }));
    }

    // Typing on narrows the search and the proxy then skips the rows that did
    // not match before; every step must find what a fresh search finds.
    void proxyNarrowingSearchFindsWhatAFreshSearchFinds()
    {
        QStandardItemModel source;
        for (const QString &n : { u"Kılıç Ayşe"_qs, u"Aydın Kilic"_qs, u"Demir Can"_qs, u"Kılıçarslan Ece"_qs, u"KIRMIZI Işık"_qs,
                 u"Kırım Ali"_qs, u"Kimya İnce"_qs, u"Kuşçu Ömer"_qs }) {
            auto *item = new QStandardItem(n);
            item->setData(n, SortRole);
            source.appendRow(item);
        }
        const auto found = [](const TurkishFilterProxy &p) {
            QStringList got;
            for (int r = 0; r < p.rowCount(); ++r)
                got << p.index(r, 0).data().toString();
            got.sort();
            return got;
        };
        TurkishFilterProxy typing;
        QAbstractItemModelTester tester(&typing, QAbstractItemModelTester::FailureReportingMode::QtTest);
        typing.setSourceModel(&source);
        typing.sort(0, Qt::AscendingOrder);
        // Each step keeps or extends the words of the one before, except where marked.
        const QStringList steps { u"k"_qs, u"ki"_qs, u"kil"_qs, u"kilic"_qs, u"kilic a"_qs, u"kilic ay"_qs,
            u"kı"_qs /* ASCII "k" to a Turkish letter */, u"kır"_qs, u"kırm"_qs, u"k"_qs /* wider again */, u"kı"_qs, u"kış"_qs,
            u"ş"_qs, u"ş k"_qs, u"ış"_qs, u""_qs };
        for (const QString &text : steps) {
            typing.setSearchText(text);
            TurkishFilterProxy fresh;
            fresh.setSourceModel(&source);
            fresh.setSearchText(text);
            QCOMPARE(found(typing), found(fresh));
        }
        // Spot checks of what the steps found, against the rules themselves.
        typing.setSearchText(u"kil"_qs); // ASCII: Kılıç, Kilic and Kılıçarslan
        QCOMPARE(found(typing), (QStringList { u"Aydın Kilic"_qs, u"Kılıç Ayşe"_qs, u"Kılıçarslan Ece"_qs }));
        typing.setSearchText(u"kır"_qs); // Turkish letters count: not Kilic, Kimya
        QCOMPARE(found(typing), (QStringList { u"KIRMIZI Işık"_qs, u"Kırım Ali"_qs }));
        typing.setSearchText(u"kırm"_qs);
        QCOMPARE(found(typing), (QStringList { u"KIRMIZI Işık"_qs }));
        typing.setSearchText(u"ış"_qs);
        QCOMPARE(found(typing), (QStringList { u"KIRMIZI Işık"_qs }));
    }

    // A search or filter that hides rows far apart re-filters in one pass:
    // one layoutChanged instead of a rowsRemoved per run of hidden rows, and
    // the selected rows that stay keep their selection.
    void proxySearchIsOneLayoutChangeAndKeepsTheSelection()
    {
        QStandardItemModel source;
        for (int i = 0; i < 60; ++i) {
            const QString n = (i % 3 == 0 ? u"Işık %1"_qs : u"Ak %1"_qs).arg(i);
            auto *item = new QStandardItem(n);
            item->setData(n, SortRole);
            item->setData(i % 2 ? 7 : 8, FieldIdRole);
            source.appendRow(item);
        }
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(0, Qt::AscendingOrder);
        QItemSelectionModel selection(&proxy);
        const QModelIndex isik3 = proxy.mapFromSource(source.index(3, 0));
        const QModelIndex ak4 = proxy.mapFromSource(source.index(4, 0));
        selection.select(isik3, QItemSelectionModel::Select);
        selection.select(ak4, QItemSelectionModel::Select);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        proxy.setSearchText(u"ışık"_qs);
        QCOMPARE(proxy.rowCount(), 20);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(selection.selectedIndexes().size(), 1);
        QCOMPARE(proxy.mapToSource(selection.selectedIndexes().front()).row(), 3);
        proxy.setRoleFilter(FieldIdRole, 7); // odd source rows: Işık 3, 9, 15…
        QCOMPARE(proxy.rowCount(), 10);
        QCOMPARE(layout.count(), 2);
        QCOMPARE(proxy.mapToSource(selection.selectedIndexes().front()).row(), 3);
        proxy.setRoleFilter(FieldIdRole, QVariant());
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 60);
        QCOMPARE(layout.count(), 4);
        QCOMPARE(removed.count() + inserted.count(), 0);
        // Still sorted: "Ak …" before "Işık …", numbers by value within each.
        QCOMPARE(proxy.index(0, 0).data().toString(), u"Ak 1"_qs);
        QCOMPARE(proxy.index(1, 0).data().toString(), u"Ak 2"_qs);
        QCOMPARE(proxy.index(40, 0).data().toString(), u"Işık 0"_qs);
        QCOMPARE(proxy.index(41, 0).data().toString(), u"Işık 3"_qs);
    }

    void proxySortsNumbersNumerically()
    {
        TeacherTableModel model;
        QVERIFY(model.load(c(), &m_lookups).ok());
        TurkishFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(QStringLiteral("10000000146 17291716060").section(QLatin1Char(' '), 0, 0)); // only IŞIK (9 years)
        proxy.setSearchText(QString());
        proxy.sort(TeacherTableModel::Experience, Qt::AscendingOrder);
        int previous = -1;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const QVariant v = proxy.index(r, TeacherTableModel::Experience).data(SortRole);
            if (v.isNull()) {
                QCOMPARE(previous, -1); // empty values first
                continue;
            }
            QVERIFY2(v.toInt() >= previous, qPrintable(QStringLiteral("%1 after %2").arg(v.toInt()).arg(previous)));
            previous = v.toInt();
        }
        // 9 before 10 (a text sort would put "10" first).
        QVERIFY(proxy.mapFromSource(model.index(model.rowOfId(m_isikId), 0)).row()
            < proxy.mapFromSource(model.index(model.rowOfId(m_isikId + 1), 0)).row());
    }

    // isNumber: what the proxy sorts and a table snapshot aligns as a number.
    void isNumberTellsNumbersFromOtherValues()
    {
        for (const QVariant &v :
            { QVariant(7), QVariant(7u), QVariant(qint64(1) << 40), QVariant(quint64(3)), QVariant(2.5), QVariant(1.5f) })
            QVERIFY2(isNumber(v), v.typeName());
        for (const QVariant &v : { QVariant(), QVariant(true), QVariant(QStringLiteral("12")), QVariant(QDate(2026, 1, 2)) })
            QVERIFY2(!isNumber(v), v.typeName());
        // The proxy still compares a bool as the number 0 or 1 (true between 0 and 2),
        // not as the text "true" (which would sort after "2").
        QStandardItemModel source;
        for (const QVariant &v : { QVariant(true), QVariant(2), QVariant(0) }) {
            auto *item = new QStandardItem(v.toString());
            item->setData(v, SortRole);
            source.appendRow(item);
        }
        TurkishFilterProxy proxy;
        proxy.setSourceModel(&source);
        proxy.sort(0, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, 0).data().toString();
        QCOMPARE(order, QStringList({ QStringLiteral("0"), QStringLiteral("true"), QStringLiteral("2") }));
    }

    void proxyFiltersByFieldProvinceAndCentre()
    {
        TeacherTableModel model;
        QVERIFY(model.load(c(), &m_lookups).ok());
        TurkishFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setRoleFilter(FieldIdRole, 1);
        QCOMPARE(proxy.rowCount(), scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE field_id = 1")).toInt());
        proxy.setRoleFilter(ProvinceIdRole, 34);
        QCOMPARE(proxy.rowCount(),
            scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE field_id = 1 AND province_id = 34")).toInt());
        proxy.setRoleFilter(ProvinceIdRole, QVariant());
        const int centre
            = scalar(c(), QStringLiteral("SELECT centre_id FROM teacher WHERE centre_id IS NOT NULL LIMIT 1")).toInt();
        proxy.setRoleFilter(FieldIdRole, QVariant());
        proxy.setRoleFilter(CentreIdRole, centre);
        QCOMPARE(proxy.rowCount(),
            scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id = %1").arg(centre)).toInt());
        QVERIFY(proxy.rowCount() > 0);
    }

    void rolesDescribeTheColumns()
    {
        TeacherTableModel model;
        QVERIFY(model.load(c(), &m_lookups).ok());
        const int row = model.rowOfId(m_isikId);
        QCOMPARE(
            model.data(model.index(row, TeacherTableModel::Province), Qt::DisplayRole).toString(), QStringLiteral("İstanbul"));
        QCOMPARE(model.data(model.index(row, TeacherTableModel::Province), Qt::EditRole).toInt(), 34);
        QCOMPARE(model.data(model.index(row, 0), ProvinceIdRole).toInt(), 34);
        QCOMPARE(model.data(model.index(row, 0), IdRole).toInt(), m_isikId);
        QCOMPARE(model.data(model.index(row, TeacherTableModel::Experience), Qt::TextAlignmentRole).toInt(),
            int(Qt::AlignRight | Qt::AlignVCenter));
        QVERIFY(
            model.data(model.index(row, TeacherTableModel::AvailableFrom), Qt::ToolTipRole).toString().size() > 0); // "not given"
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
        QCOMPARE(model.data(model.index(row, TeacherTableModel::Province), ChoicesRole).toList().size(), 81);
        // NULL ("not given") is shown as a grey dash; a valid value has no special colour.
        QCOMPARE(model.data(model.index(row, TeacherTableModel::AvailableFrom), Qt::DisplayRole).toString(), QStringLiteral("—"));
        QVERIFY(model.data(model.index(row, TeacherTableModel::AvailableFrom), Qt::ForegroundRole).isValid());
        // A stored invalid national ID (imported before validation) is shown in red; a valid one is not.
        QVERIFY(!model.data(model.index(row, TeacherTableModel::NationalId), Qt::ForegroundRole).isValid());
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE teacher SET national_id = '17291716050' WHERE id = ?"), { m_isikId }));
        QVERIFY(model.load(c(), &m_lookups).ok());
        const QModelIndex bad = model.index(model.rowOfId(m_isikId), TeacherTableModel::NationalId);
        QVERIFY(model.data(bad, Qt::ForegroundRole).isValid());
        QVERIFY(!model.data(bad, Qt::ToolTipRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
