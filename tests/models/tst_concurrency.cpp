// SPDX-License-Identifier: GPL-3.0-or-later
// Several users at once (docs/server.md): two connections to one database —
// two connections to one SQLite file, or two to one PostgreSQL database made
// for the test case from KOPRU_TEST_PG_URL (skipped, saying why, without it).
// The second user's edit of a row the first changed since it was loaded is
// refused, naming who and when, and changes nothing; undo likewise; a plan is
// not stored over placements changed while the optimiser ran.
#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/schemascript.h"
#include "models/db/tablecontent.h"
#include "models/db/transaction.h"
#include "models/editing/changenotifier.h"
#include "models/editing/deleterowscommand.h"
#include "models/editing/rowversion.h"
#include "models/exchange/decideplacementscommand.h"
#include "models/exchange/resolvereviewcommand.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/ratingsmodel.h"
#include "models/itemmodels/sessioncompetencymodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/planning/placementedits.h"
#include "models/planning/planner.h"
#include "models/programme/sessionattendancemodel.h"
#include "models/programme/sessionevaluationmodel.h"
#include "tests/common/backendfixture.h"
#include "tests/common/testutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QTimeZone>
#include <QUndoStack>
#include <QUrl>

using namespace kopru;
using kopru::test::scalar;

namespace {

const QString &kSqlite = test::BackendFixture::kSqlite;
const QString &kPostgres = test::BackendFixture::kPostgres;

// Who the other user is in a refusal (RowVersion::refusal): on a file the
// national office; on a server the login as well (here both connections are
// the administrator's of KOPRU_TEST_PG_URL).
QString byNational(const QString &backend)
{
    if (backend == kPostgres)
        return QUrl(qEnvironmentVariable("KOPRU_TEST_PG_URL")).userName() + QStringLiteral(" (national office)");
    return QStringLiteral("the national office");
}

// What the other user's change is refused with, in the current test row's backend.
QString changedByNational()
{
    return QStringLiteral("was changed by ") + byNational(QString::fromLatin1(QTest::currentDataTag())) + QStringLiteral(" at ");
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    test::BackendFixture m_server { QStringLiteral("kopru_conc") };

    static QString skipReason() { return test::BackendFixture::skipReason(); }

    static void addBackends() { test::BackendFixture::addBackends(); }

    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    // A national office's Köprü database on `backend` with one teacher (Ayşe
    // Işık, id returned through `teacherId`), a rating, two sessions and her
    // placement in the first.
    QString newDatabase(const QString &backend)
    {
        QString location;
        if (backend == kSqlite) {
            location = newPath();
            if (!test::newDatabase(location))
                return {};
        } else {
            location = m_server.newServerDatabase();
            if (location.isEmpty())
                return {};
            auto made = DatabaseTransfer::initialiseServer(location);
            if (!made) {
                qWarning("%s", qPrintable(made.message()));
                return {};
            }
        }
        auto db = Database::open(location);
        if (!db) {
            qWarning("%s", qPrintable(db.message()));
            return {};
        }
        const QSqlDatabase c = db.value()->connection();
        const char *const seed[] = {
            "INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, phone) "
            "VALUES ('10000000146', 'Ayşe', 'Işık', 1, 6, '05321234567')",
            "INSERT INTO competency(field_id, code, title_tr) VALUES (1, 'C1', 'Yetkinlik')",
            "INSERT INTO need_rating(teacher_id, competency_id, round, need) "
            "SELECT t.id, c.id, 1, 3 FROM teacher t, competency c WHERE c.code = 'C1'",
            "INSERT INTO partner(name, province_id) VALUES ('Demir Makine', 6)",
            "INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
            "SELECT id, 1, '2027-03-01', '2027-03-12', 5 FROM partner",
            "INSERT INTO training_session(partner_id, field_id, start_date, end_date, capacity) "
            "SELECT id, 1, '2027-04-05', '2027-04-16', 5 FROM partner",
            "INSERT INTO placement(teacher_id, session_id) SELECT t.id, min(s.id) FROM teacher t, training_session s "
            "GROUP BY t.id",
        };
        for (const char *sql : seed)
            if (Status s = Sql::exec(c, QString::fromUtf8(sql)); !s) {
                qWarning("%s: %s", sql, qPrintable(s.message()));
                return {};
            }
        return location;
    }

    static std::unique_ptr<Database> open(const QString &location)
    {
        auto db = Database::open(location);
        if (!db) {
            qWarning("%s", qPrintable(db.message()));
            return nullptr;
        }
        return std::move(db.value());
    }

    static QString digestOf(QSqlDatabase db)
    {
        auto schema = SchemaScript::current();
        if (!schema) {
            qWarning("%s", qPrintable(schema.message()));
            return {};
        }
        auto digest = TableContent::digest(db, schema.value());
        if (!digest)
            qWarning("%s", qPrintable(digest.message()));
        return digest ? digest.value() : QString();
    }

    static int teacherId(QSqlDatabase db) { return scalar(db, QStringLiteral("SELECT min(id) FROM teacher")).toInt(); }

    // A person working at the national office on `location`: on a server a
    // login role `name` of its own (password = name) in kopru_national, on a
    // file one more connection. Its database.
    std::unique_ptr<Database> openAsStaff(const QString &location, const QString &name)
    {
        if (QFile::exists(location))
            return open(location);
        if (!m_server.newLogin(name, QStringLiteral("kopru_national")))
            return nullptr;
        return open(test::BackendFixture::asLogin(location, name));
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
        const QString backend = QTest::currentDataTag();
        if (backend == kPostgres && !m_server.hasServer())
            QSKIP(qPrintable(skipReason()));
    }

    void cleanup()
    {
        if (!m_server.hasServer())
            return;
        QVERIFY(m_server.dropServerDatabases());
        QVERIFY(m_server.dropLogins());
    }

    // Two users have the teacher on screen; the first changes her name; the
    // second's change of the name, loaded before, is refused naming the first
    // (where and when); the first's value stays and nothing is written. After
    // the reload the second user's edit goes through.
    void lostUpdateOfATeacherIsRefused_data() { addBackends(); }
    void lostUpdateOfATeacherIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const int id = teacherId(first->connection());
        Lookups lookups;
        QVERIFY(lookups.load(second->connection()));
        TeacherTableModel model;
        QVERIFY(model.load(second->connection(), &lookups));
        const QModelIndex name = model.index(model.rowOfId(id), TeacherTableModel::FirstName);
        QCOMPARE(name.data().toString(), QStringLiteral("Ayşe"));

        // The first user (another program: no notification reaches this model).
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE teacher SET first_name = 'Elif' WHERE id = ?"), { id }));
        const QString before = digestOf(first->connection());
        QVERIFY(!before.isEmpty());

        QSignalSpy refused(&model, &EntityTableModel::editRefused);
        QSignalSpy stale(ChangeNotifier::instance(), &ChangeNotifier::staleRefused);
        QVERIFY(!model.setData(name, QStringLiteral("Deniz"), Qt::EditRole));
        QCOMPARE(refused.size(), 1);
        const QString message = refused.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("“Ayşe Işık” ") + changedByNational()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("reload to see the new value")), qPrintable(message));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.at(0).at(0).toString(), QStringLiteral("teacher"));
        QCOMPARE(
            scalar(first->connection(), QStringLiteral("SELECT first_name FROM teacher")).toString(), QStringLiteral("Elif"));
        QCOMPARE(digestOf(first->connection()), before);

        // The refusal reloaded the row: the second user sees the first's value and may change it now.
        QCOMPARE(model.index(model.rowOfId(id), TeacherTableModel::FirstName).data().toString(), QStringLiteral("Elif"));
        QVERIFY(
            model.setData(model.index(model.rowOfId(id), TeacherTableModel::FirstName), QStringLiteral("Deniz"), Qt::EditRole));
        QCOMPARE(
            scalar(first->connection(), QStringLiteral("SELECT first_name FROM teacher")).toString(), QStringLiteral("Deniz"));

        // A change of a record column (versioned apart) is a change of the row too.
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE teacher SET notes = 'izinli' WHERE id = ?"), { id }));
        QVERIFY(!model.setData(
            model.index(model.rowOfId(id), TeacherTableModel::Phone), QStringLiteral("05329876543"), Qt::EditRole));
        QCOMPARE(
            scalar(first->connection(), QStringLiteral("SELECT phone FROM teacher")).toString(), QStringLiteral("05321234567"));
    }

    // On a server several people share the national office's label: the
    // triggers record the login too, and the refusal names the person who made
    // the change ("ayse (national office)"), in both directions. On a file the
    // label is the national office's, as before.
    void refusalNamesTheOtherLogin_data() { addBackends(); }
    void refusalNamesTheOtherLogin()
    {
        const QString backend = QString::fromLatin1(QTest::currentDataTag());
        const QString location = newDatabase(backend);
        QVERIFY(!location.isEmpty());
        const QString pid = QString::number(QCoreApplication::applicationPid());
        const QString ayse = QStringLiteral("ayse_") + pid, mehmet = QStringLiteral("mehmet_") + pid;
        auto first = openAsStaff(location, ayse), second = openAsStaff(location, mehmet);
        QVERIFY(first && second);
        const bool server = backend == kPostgres;
        if (server)
            QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT session_user")).toString(), ayse);
        const int id = teacherId(first->connection());
        Lookups lookups;
        QVERIFY(lookups.load(second->connection()));
        TeacherTableModel model;
        QVERIFY(model.load(second->connection(), &lookups));
        const auto cell = [id, &model](int column) { return model.index(model.rowOfId(id), column); };

        // Ayşe renames the teacher (in her own program: no notification reaches
        // Mehmet's model); his phone edit, loaded before, is refused naming her.
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE teacher SET first_name = 'Elif' WHERE id = ?"), { id }));
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT modified_by FROM teacher WHERE id = %1").arg(id)).toString(),
            server ? QStringLiteral("national:") + ayse : QStringLiteral("national"));
        const QString before = digestOf(first->connection());
        QSignalSpy refused(&model, &EntityTableModel::editRefused);
        QVERIFY(!model.setData(cell(TeacherTableModel::Phone), QStringLiteral("05329876543"), Qt::EditRole));
        QCOMPARE(refused.size(), 1);
        const QString byAyse = server ? ayse + QStringLiteral(" (national office)") : QStringLiteral("the national office");
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("“Ayşe Işık” was changed by %1 at ").arg(byAyse)),
            qPrintable(refused.at(0).at(0).toString()));
        QCOMPARE(digestOf(first->connection()), before);

        // Reloaded, Mehmet's edit goes through; a refusal of Ayşe's next change now names him.
        QVERIFY(model.setData(cell(TeacherTableModel::Phone), QStringLiteral("05329876543"), Qt::EditRole));
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT phone FROM teacher WHERE id = %1").arg(id)).toString(),
            QStringLiteral("05329876543"));
        const QString uid
            = scalar(first->connection(), QStringLiteral("SELECT uid FROM teacher WHERE id = %1").arg(id)).toString();
        const Status toAyse
            = RowVersion::refusal(first->connection(), QStringLiteral("teacher"), id, uid, QStringLiteral("Elif Işık"));
        const QString byMehmet = server ? mehmet + QStringLiteral(" (national office)") : QStringLiteral("the national office");
        QVERIFY2(toAyse.message().contains(QStringLiteral("“Elif Işık” was changed by %1 at ").arg(byMehmet)),
            qPrintable(toAyse.message()));

        // Deleted by Ayşe: Mehmet's edit names her from the tombstone.
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("DELETE FROM teacher WHERE id = ?"), { id }));
        QVERIFY(!model.setData(cell(TeacherTableModel::FirstName), QStringLiteral("Deniz"), Qt::EditRole));
        QCOMPARE(refused.size(), 2);
        QVERIFY2(refused.at(1).at(0).toString().contains(QStringLiteral("“Elif Işık” was deleted by %1 at ").arg(byAyse)),
            qPrintable(refused.at(1).at(0).toString()));
    }

    // A teacher deleted by the first user: the second's edit says so.
    void editOfADeletedTeacherIsRefused_data() { addBackends(); }
    void editOfADeletedTeacherIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const int id = teacherId(first->connection());
        Lookups lookups;
        QVERIFY(lookups.load(second->connection()));
        TeacherTableModel model;
        QVERIFY(model.load(second->connection(), &lookups));
        const QModelIndex name = model.index(model.rowOfId(id), TeacherTableModel::FirstName);
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("DELETE FROM teacher WHERE id = ?"), { id }));
        const QString before = digestOf(first->connection());
        QSignalSpy refused(&model, &EntityTableModel::editRefused);
        QVERIFY(!model.setData(name, QStringLiteral("Deniz"), Qt::EditRole));
        QCOMPARE(refused.size(), 1);
        const QString message = refused.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("“Ayşe Işık” was deleted by %1 at ").arg(byNational(QTest::currentDataTag()))),
            qPrintable(message));
        QCOMPARE(digestOf(first->connection()), before);
        QCOMPARE(model.rowOfId(id), -1); // the reload removed the row
    }

    // Undo of the second user's edit after the first changed the row: refused,
    // reported, the command dropped; both users' changes stay.
    void undoOverAChangedRowIsRefused_data() { addBackends(); }
    void undoOverAChangedRowIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const int id = teacherId(first->connection());
        Lookups lookups;
        QVERIFY(lookups.load(second->connection()));
        TeacherTableModel model;
        QUndoStack stack;
        model.setUndoStack(&stack);
        QVERIFY(model.load(second->connection(), &lookups));
        QVERIFY(
            model.setData(model.index(model.rowOfId(id), TeacherTableModel::Phone), QStringLiteral("05329876543"), Qt::EditRole));
        QCOMPARE(stack.count(), 1);
        // Undo and redo of one's own change, with no one else in between, work.
        stack.undo();
        QCOMPARE(
            scalar(first->connection(), QStringLiteral("SELECT phone FROM teacher")).toString(), QStringLiteral("05321234567"));
        stack.redo();
        QCOMPARE(
            scalar(first->connection(), QStringLiteral("SELECT phone FROM teacher")).toString(), QStringLiteral("05329876543"));

        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE teacher SET last_name = 'Kaya' WHERE id = ?"), { id }));
        const QString before = digestOf(first->connection());
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        stack.undo();
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Cannot undo")) && message.contains(changedByNational()), qPrintable(message));
        QCOMPARE(digestOf(first->connection()), before);
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT phone || ' ' || last_name FROM teacher")).toString(),
            QStringLiteral("05329876543 Kaya"));
    }

    // Ratings: the second user's change of a rating the first changed since is
    // refused (ratings record no author: "changed meanwhile"); undo likewise.
    void lostUpdateOfARatingIsRefused_data() { addBackends(); }
    void lostUpdateOfARatingIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const int id = teacherId(first->connection());
        RatingsModel ratings;
        QUndoStack stack;
        ratings.setUndoStack(&stack);
        QVERIFY(ratings.load(second->connection(), id));
        QCOMPARE(ratings.rowCount(), 1);
        const QModelIndex need = ratings.index(0, RatingsModel::Need);
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE need_rating SET need = 5 WHERE teacher_id = ?"), { id }));
        const QString before = digestOf(first->connection());
        QSignalSpy refused(&ratings, &RatingsModel::editRefused);
        QVERIFY(!ratings.setData(need, 1, Qt::EditRole));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("“Need for C1” was changed meanwhile")),
            qPrintable(refused.at(0).at(0).toString()));
        QCOMPARE(digestOf(first->connection()), before);
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT need FROM need_rating")).toInt(), 5);

        // Reloaded: now the change goes through; undo after the first changed it again is refused.
        QVERIFY(ratings.setData(ratings.index(0, RatingsModel::Need), 1, Qt::EditRole));
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT need FROM need_rating")).toInt(), 1);
        QVERIFY(Sql::exec(first->connection(), QStringLiteral("UPDATE need_rating SET need = 4 WHERE teacher_id = ?"), { id }));
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        stack.undo();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(scalar(first->connection(), QStringLiteral("SELECT need FROM need_rating")).toInt(), 4);
    }

    // Placements: an edit made from the placement as read is refused when the
    // first user moved it since (named by teacher, who and when); undo over a
    // change likewise.
    void lostUpdateOfAPlacementIsRefused_data() { addBackends(); }
    void lostUpdateOfAPlacementIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const QSqlDatabase a = first->connection();
        const int placement = scalar(a, QStringLiteral("SELECT id FROM placement")).toInt();
        const int later = scalar(a, QStringLiteral("SELECT max(id) FROM training_session")).toInt();
        Status reported;
        const auto done = [&reported](const Status &s) { reported = s; };
        auto lock = PlacementEditCommand::setLocked(second->connection(), placement, true, done);
        QVERIFY2(lock, qPrintable(lock.message()));
        std::unique_ptr<PlacementEditCommand> command(lock.value());

        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE placement SET session_id = ? WHERE id = ?"), { later, placement }));
        const QString before = digestOf(a);
        command->redo();
        QVERIFY(!reported);
        QVERIFY2(reported.message().contains(QStringLiteral("“placement of Ayşe Işık” ") + changedByNational()),
            qPrintable(reported.message()));
        QCOMPARE(digestOf(a), before);
        QCOMPARE(scalar(a, QStringLiteral("SELECT session_id || ' ' || locked FROM placement")).toString(),
            QStringLiteral("%1 0").arg(later));

        // Made from the current state it goes through; its undo after another change is refused.
        auto again = PlacementEditCommand::setLocked(second->connection(), placement, true, done);
        QVERIFY(again);
        command.reset(again.value());
        command->redo();
        QVERIFY2(reported, qPrintable(reported.message()));
        QCOMPARE(scalar(a, QStringLiteral("SELECT locked FROM placement")).toInt(), 1);
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE id = ?"), { placement }));
        const QString confirmed = digestOf(a);
        command->undo();
        QVERIFY(!reported);
        QCOMPARE(digestOf(a), confirmed);
        QCOMPARE(
            scalar(a, QStringLiteral("SELECT status || ' ' || locked FROM placement")).toString(), QStringLiteral("confirmed 1"));
    }

    // Deleting rows: a teacher the first user changed since the second loaded
    // her is not deleted (refused naming who and when); once reloaded the
    // deletion goes through, undo puts her back, and a redo after the first
    // changed her again is refused: her change stays.
    void deleteOfAChangedRowIsRefused_data() { addBackends(); }
    void deleteOfAChangedRowIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const QSqlDatabase a = first->connection();
        const int id = teacherId(a);
        Lookups lookups;
        QVERIFY(lookups.load(second->connection()));
        TeacherTableModel model;
        QUndoStack stack;
        model.setUndoStack(&stack);
        QVERIFY(model.load(second->connection(), &lookups));
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE teacher SET first_name = 'Elif' WHERE id = ?"), { id }));
        const QString before = digestOf(a);
        QSignalSpy stale(ChangeNotifier::instance(), &ChangeNotifier::staleRefused);
        const Status refused = model.removeIds({ id }, false);
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QStringLiteral("“Ayşe Işık” ") + changedByNational()), qPrintable(refused.message()));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.at(0).at(0).toString(), QStringLiteral("teacher"));
        QCOMPARE(digestOf(a), before);
        QCOMPARE(stack.count(), 0);

        // Reloaded (the refusal did it): deleted with her rating and placement; undo restores them.
        QCOMPARE(model.index(model.rowOfId(id), TeacherTableModel::FirstName).data().toString(), QStringLiteral("Elif"));
        QVERIFY(model.removeIds({ id }, false));
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM placement")).toInt(), 0);
        stack.undo();
        QCOMPARE(
            scalar(a, QStringLiteral("SELECT first_name FROM teacher WHERE id = %1").arg(id)).toString(), QStringLiteral("Elif"));
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM placement")).toInt(), 1);
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 1);

        // The first user changes the restored teacher: the redo (deleting her again) is refused.
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE teacher SET phone = '05329876543' WHERE id = ?"), { id }));
        const QString changed = digestOf(a);
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        stack.redo();
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Cannot redo")) && message.contains(changedByNational()), qPrintable(message));
        QCOMPARE(digestOf(a), changed);
        QCOMPARE(scalar(a, QStringLiteral("SELECT phone FROM teacher WHERE id = %1").arg(id)).toString(),
            QStringLiteral("05329876543"));
    }

    // Two writers at the same moment: the first user's change is not yet
    // committed when the second deletes the row. The second waits for it
    // (PostgreSQL: the row held by SELECT … FOR UPDATE; SQLite: the write
    // lock), then finds the row changed and refuses: the first user's change
    // is not deleted with the row (without the hold, read committed would
    // check the old version and the DELETE would go through after the commit).
    void deleteWhileAnotherCommitsIsRefused_data() { addBackends(); }
    void deleteWhileAnotherCommitsIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location);
        QVERIFY(first);
        const QSqlDatabase a = first->connection();
        const int id = teacherId(a);
        const QVariant seen = scalar(a, QStringLiteral("SELECT version + record_version FROM teacher"));
        Status deleted = Status::failure(QStringLiteral("not run"));
        QSemaphore started;
        std::unique_ptr<QThread> other(QThread::create([&] {
            auto second = open(location);
            started.release();
            if (!second)
                return;
            deleted = DbCommand::run(nullptr,
                std::make_unique<DeleteRowsCommand>(second->connection(), DeleteRowsCommand::Entity::Teacher, QList<int> { id },
                    false, QStringLiteral("Delete Ayşe Işık"),
                    QList<SeenRow> { SeenRow { seen, {}, QStringLiteral("Ayşe Işık") } }));
        }));
        {
            Transaction tx(a);
            QVERIFY(tx.began());
            QVERIFY(Sql::exec(a, QStringLiteral("UPDATE teacher SET first_name = 'Elif' WHERE id = ?"), { id }));
            other->start();
            QVERIFY(started.tryAcquire(1, 30000));
            QThread::msleep(700); // the second is waiting for the first's transaction now
            QVERIFY(!other->isFinished());
            QVERIFY(tx.commit());
        }
        QVERIFY(other->wait(60000));
        QVERIFY(!deleted);
        QVERIFY2(deleted.message().contains(QStringLiteral("“Ayşe Işık” ") + changedByNational()), qPrintable(deleted.message()));
        QCOMPARE(scalar(a, QStringLiteral("SELECT first_name FROM teacher")).toString(), QStringLiteral("Elif"));
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM placement")).toInt(), 1);
    }

    // A session's competencies: covering one the first user covered
    // meanwhile is refused naming who changed the session; undo of a removal
    // the first user undid already is refused too. Nothing changes either time.
    void coverageChangedMeanwhileIsRefused_data() { addBackends(); }
    void coverageChangedMeanwhileIsRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const QSqlDatabase a = first->connection();
        const int session = scalar(a, QStringLiteral("SELECT min(id) FROM training_session")).toInt();
        const int competency = scalar(a, QStringLiteral("SELECT id FROM competency WHERE code = 'C1'")).toInt();
        SessionCompetencyModel model;
        QUndoStack stack;
        model.setUndoStack(&stack);
        QVERIFY(model.load(second->connection(), session));
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, SessionCompetencyModel::Title).data().toString().contains(QStringLiteral("Yetkinlik")))
                row = r;
        QVERIFY(row >= 0);
        const QModelIndex check = model.index(row, SessionCompetencyModel::Code);
        QCOMPARE(check.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

        const QString links = QStringLiteral("SELECT count(*) FROM session_competency");
        QVERIFY(Sql::exec(a, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"),
            { session, competency }));
        const QString before = digestOf(a);
        QSignalSpy refused(&model, &SessionCompetencyModel::editRefused);
        QVERIFY(!model.setData(check, int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(refused.size(), 1);
        const QString message = refused.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("“C1” ") + changedByNational()), qPrintable(message));
        QCOMPARE(digestOf(a), before);
        QCOMPARE(stack.count(), 0);

        // From the current state: removed; the first user covers it again; the undo is refused.
        QVERIFY(model.load(second->connection(), session));
        QCOMPARE(model.index(row, SessionCompetencyModel::Code).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(model.setData(model.index(row, SessionCompetencyModel::Code), int(Qt::Unchecked), Qt::CheckStateRole));
        QCOMPARE(scalar(a, links).toInt(), 0);
        QVERIFY(Sql::exec(a, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"),
            { session, competency }));
        const QString covered = digestOf(a);
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        stack.undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(changedByNational()), qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(digestOf(a), covered);
    }

    // The programme pages: attendance and evaluations saved over a placement
    // the first user changed since they were loaded are refused (naming the
    // teacher, who and when) and write nothing; reloaded, they are saved.
    // Saved together as the attendance dialog does, one's write does not make
    // the other's check fail.
    void programmeEditsChangedMeanwhileAreRefused_data() { addBackends(); }
    void programmeEditsChangedMeanwhileAreRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const QSqlDatabase a = first->connection();
        const QSqlDatabase b = second->connection();
        const int session = scalar(a, QStringLiteral("SELECT min(id) FROM training_session")).toInt();
        const int placement = scalar(a, QStringLiteral("SELECT id FROM placement")).toInt();
        programme::SessionAttendanceModel attendance;
        programme::SessionEvaluationModel evaluation(QStringLiteral("training"));
        QVERIFY(attendance.load(b, session));
        QVERIFY(evaluation.load(b, session));
        QCOMPARE(attendance.rowCount(), 1);
        QCOMPARE(evaluation.rowCount(), 1);
        QVERIFY(attendance.setData(attendance.index(0, programme::SessionAttendanceModel::FirstDay), 6.0, Qt::EditRole));
        QVERIFY(evaluation.setData(evaluation.index(0, programme::SessionEvaluationModel::FirstItem), 4, Qt::EditRole));

        // The first user confirms the placement.
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE id = ?"), { placement }));
        const QString before = digestOf(a);
        for (const Status &saved : { attendance.save(), evaluation.save() }) {
            QVERIFY(!saved);
            QVERIFY2(saved.message().contains(QStringLiteral("“Ayşe Işık” ") + changedByNational()), qPrintable(saved.message()));
        }
        QCOMPARE(digestOf(a), before);
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM attendance")).toInt(), 0);
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM evaluation_answer")).toInt(), 0);

        // Reloaded and edited again: both saved in one transaction, as the dialog does.
        QVERIFY(attendance.load(b, session));
        QVERIFY(evaluation.load(b, session));
        QVERIFY(attendance.setData(attendance.index(0, programme::SessionAttendanceModel::FirstDay), 6.0, Qt::EditRole));
        QVERIFY(evaluation.setData(evaluation.index(0, programme::SessionEvaluationModel::FirstItem), 4, Qt::EditRole));
        {
            Transaction tx(b);
            QVERIFY(tx.began());
            QVERIFY(evaluation.holdChangedPlacements(b));
            QVERIFY(attendance.holdChangedPlacements(b));
            QVERIFY(evaluation.writeChanges(b));
            QVERIFY(attendance.writeChanges(b));
            QVERIFY(tx.commit());
        }
        QCOMPARE(scalar(a, QStringLiteral("SELECT hours FROM attendance")).toDouble(), 6.0);
        QCOMPARE(scalar(a, QStringLiteral("SELECT score FROM evaluation_answer")).toInt(), 4);
    }

    // The exchange's review commands. A plan decision: its undo after the
    // first user changed the decision is refused naming who and when, and
    // the first user's decision stays. A review item decided by the first
    // user is not decided again by the second, who had seen it open.
    void reviewCommandsOverChangesAreRefused_data() { addBackends(); }
    void reviewCommandsOverChangesAreRefused()
    {
        const QString location = newDatabase(QTest::currentDataTag());
        QVERIFY(!location.isEmpty());
        auto first = open(location), second = open(location);
        QVERIFY(first && second);
        const QSqlDatabase a = first->connection();
        const QSqlDatabase b = second->connection();
        const int placement = scalar(a, QStringLiteral("SELECT id FROM placement")).toInt();
        QUndoStack stack;
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<DecidePlacementsCommand>(b, QList<int> { placement }, DecidePlacementsCommand::Decision::Approved,
                QStringLiteral("uygun"), QStringLiteral("Approve"))));
        QCOMPARE(scalar(a, QStringLiteral("SELECT decision FROM plan_decision")).toString(), QStringLiteral("approved"));
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE plan_decision SET decision = 'rejected', note = 'dolu'")));
        const QString before = digestOf(a);
        QSignalSpy failed(ChangeNotifier::instance(), &ChangeNotifier::failed);
        stack.undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(
                     QStringLiteral("“the plan decision on placement %1” ").arg(placement) + changedByNational()),
            qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(digestOf(a), before);

        // A review item, seen open by both; the first decides it, then the second.
        QVERIFY(Sql::exec(
            a, QStringLiteral("INSERT INTO review_item(kind, subject, detail) VALUES ('correction', 'teacher-x:phone', '{}')")));
        const int item = scalar(a, QStringLiteral("SELECT id FROM review_item")).toInt();
        const QVariant seen = scalar(b, QStringLiteral("SELECT version FROM review_item"));
        QUndoStack firstStack;
        QVERIFY(DbCommand::run(&firstStack,
            std::make_unique<ResolveReviewCommand>(a, item, ResolveReviewCommand::Action::Reject, QString(), QStringList(),
                QStringLiteral("Reject the correction"))));
        const QString resolved = digestOf(a);
        const Status again = DbCommand::run(nullptr,
            std::make_unique<ResolveReviewCommand>(b, item, ResolveReviewCommand::Action::Adopt, QString(), QStringList(),
                QStringLiteral("Adopt the correction"), seen));
        QVERIFY(!again);
        QVERIFY2(again.message().contains(QStringLiteral("“Adopt the correction” ") + changedByNational()),
            qPrintable(again.message()));
        QCOMPARE(digestOf(a), resolved);
        // The first user's undo after the item changed again (here: by hand) is refused too.
        QVERIFY(Sql::exec(a, QStringLiteral("UPDATE review_item SET detail = '{\"note\": 1}'")));
        const QString edited = digestOf(a);
        stack.clear();
        firstStack.undo();
        QCOMPARE(failed.size(), 2);
        QVERIFY2(
            failed.at(1).at(0).toString().startsWith(QStringLiteral("Cannot undo")), qPrintable(failed.at(1).at(0).toString()));
        QCOMPARE(digestOf(a), edited);
        QCOMPARE(scalar(a, QStringLiteral("SELECT status FROM review_item")).toString(), QStringLiteral("resolved"));
    }

    // Who changed a row, for people: the national office or the centre by
    // name, and on a server the login with it.
    void whoIsNamed()
    {
        const QString location = newDatabase(kSqlite);
        QVERIFY(!location.isEmpty());
        auto db = open(location);
        QVERIFY(db);
        const QString centre = scalar(db->connection(), QStringLiteral("SELECT name FROM centre WHERE id = 3")).toString();
        QVERIFY(!centre.isEmpty());
        QCOMPARE(RowVersion::who(db->connection(), QStringLiteral("national")), QStringLiteral("the national office"));
        QCOMPARE(RowVersion::who(db->connection(), QStringLiteral("centre:3")), QStringLiteral("centre ") + centre);
        // A server's label adds the login (also when it travelled to a file in a package).
        QCOMPARE(RowVersion::who(db->connection(), QStringLiteral("national:ayse")), QStringLiteral("ayse (national office)"));
        QCOMPARE(RowVersion::who(db->connection(), QStringLiteral("centre:3:mehmet.kaya")),
            QStringLiteral("mehmet.kaya (centre %1)").arg(centre));
        QCOMPARE(RowVersion::who(db->connection(), QStringLiteral("centre:99")), QStringLiteral("centre 99"));
        QCOMPARE(RowVersion::who(db->connection(), QString()), QStringLiteral("another user"));
        // The time in the user's time zone: today only the time, another day with the date.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString today = RowVersion::when(now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(today, QLocale().toString(now.toLocalTime().time(), QLocale::ShortFormat));
        const QString earlier = RowVersion::when(QStringLiteral("2026-03-01 07:42:00"));
        QVERIFY2(earlier.contains(QLocale().toString(
                     QDateTime(QDate(2026, 3, 1), QTime(7, 42), QTimeZone::utc()).toLocalTime(), QLocale::ShortFormat)),
            qPrintable(earlier));
    }

    // The optimiser reading a snapshot (as on a server): a placement moved
    // while it solves makes it refuse to store the plan, naming the teacher
    // and session, and nothing is written. (The optimiser runs on files only
    // so far; on a file it holds the write lock by default, see tst_writers.)
    void planOverChangedPlacementsIsRefused()
    {
        const QString path = newPath();
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("300"),
                                  QStringLiteral("--partners"), QStringLiteral("60") },
                     &out, &err),
            0);
        QCOMPARE(test::runCli({ QStringLiteral("plan"), path }, &out, &err), 0);
        auto planner = open(path), other = open(path);
        QVERIFY(planner && other);
        const QSqlDatabase b = other->connection();
        const int runs = scalar(b, QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        const int placements = scalar(b, QStringLiteral("SELECT count(*) FROM placement")).toInt();
        QVERIFY(placements >= 7);
        // The first placement is moved to another session of its field, six more are locked.
        const int moved = scalar(b, QStringLiteral("SELECT min(id) FROM placement")).toInt();
        const int target = scalar(b,
            QStringLiteral("SELECT min(s.id) FROM training_session s, placement p, training_session o WHERE p.id = %1 "
                           "AND o.id = p.session_id AND s.field_id = o.field_id AND s.id <> o.id")
                .arg(moved))
                               .toInt();
        QVERIFY(target > 0);
        const QString teacher = scalar(b,
            QStringLiteral("SELECT t.first_name || ' ' || t.last_name FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                           "WHERE p.id = %1")
                .arg(moved))
                                    .toString();
        const QString session = scalar(b,
            QStringLiteral(
                "SELECT pa.name || ', ' || s.start_date FROM training_session s JOIN partner pa ON pa.id = s.partner_id "
                "WHERE s.id = %1")
                .arg(target))
                                    .toString();
        QString changed;
        const auto progress = [&](int percent) {
            if (percent != 80) // solved, not yet stored
                return;
            QVERIFY(Sql::exec(b, QStringLiteral("UPDATE placement SET session_id = ? WHERE id = ?"), { target, moved }));
            QVERIFY(Sql::exec(b,
                QStringLiteral("UPDATE placement SET locked = 1 - locked WHERE id IN (SELECT id FROM placement WHERE id > ? "
                               "ORDER BY id LIMIT 6)"),
                { moved }));
            changed = digestOf(b);
        };
        bool changedMeanwhile = false;
        PlanOptions options;
        options.readSnapshot = true; // as on a server: others write while it solves
        auto result = Planner::run(planner->connection(), options, progress, nullptr, &changedMeanwhile);
        QVERIFY(!result);
        QVERIFY(changedMeanwhile);
        QVERIFY(result.error().file.isEmpty()); // a refusal of the data: kopru-cli plan exits 1
        const QString message = result.message();
        QVERIFY2(message.contains(QStringLiteral("7 placement(s) changed while the optimiser ran")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("%1 (%2)").arg(teacher, session)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral(" and 2 more")), qPrintable(message));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(digestOf(b), changed);
        QCOMPARE(scalar(b, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);

        // Planning again over the current placements stores the plan.
        changedMeanwhile = true;
        auto again = Planner::run(planner->connection(), options, {}, nullptr, &changedMeanwhile);
        QVERIFY2(again, qPrintable(again.message()));
        QVERIFY(!changedMeanwhile);
        QCOMPARE(scalar(b, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs + 1);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
