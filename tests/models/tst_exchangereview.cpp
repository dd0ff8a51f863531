// SPDX-License-Identifier: GPL-3.0-or-later
// The national office's decisions and the owner rule (docs/exchange.md):
// a teacher registered at two centres kept, merged or rejected — with undo —
// and the decision taking effect at the centres; an over-used session's
// placements rejected and cancelled by their centre; a centre's correction
// adopted and sent back; every write path refusing changes of records the
// database does not own.
#include "models/editing/deleterowscommand.h"
#include "models/editing/setvaluecommand.h"
#include "models/exchange/decideplacementscommand.h"
#include "models/exchange/proposecorrectioncommand.h"
#include "models/exchange/resolvereviewcommand.h"
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "tests/common/exchangeutil.h"

#include <QFile>
#include <QUndoStack>

using namespace kopru;
using test::scalar;
using Work = test::ExchangeWorkspace;

class TestExchangeReview : public QObject
{
    Q_OBJECT
    Work m_work;
    QString m_national, m_centre1, m_centre2, m_centre4;
    int m_n = 0;

    QString path(const QString &name) const { return m_work.path(name); }
    QString next(const QString &stem) { return path(QStringLiteral("%1-%2.kopru-pkg").arg(stem).arg(++m_n)); }

    // Sends `from`'s changes to `to` (a fresh package each time).
    Expected<Receiver::Result> send(const QString &from, const DatabaseRole &role, const QString &to)
    {
        const QString file = next(QStringLiteral("p"));
        auto m = Work::pack(from, role, file);
        if (!m)
            return m.error();
        return Work::receive(to, file);
    }

    // The national office and centres 1 and 4 after both registered the
    // teacher 10000000146 (ELK); centre 4 also placed its registration.
    struct Duplicate
    {
        QString national, centre1, centre4, uid1, uid4;
        int item = 0;
    };
    Duplicate duplicate()
    {
        Duplicate d { m_work.copyOf(m_national), m_work.copyOf(m_centre1), m_work.copyOf(m_centre4), {}, {}, 0 };
        const QString reg
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        Work::change(d.centre1, { reg.arg(QStringLiteral("Şükrü")).arg(1) });
        Work::change(d.centre4,
            { reg.arg(QStringLiteral("Şükran")).arg(4),
                QStringLiteral(
                    "INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t, training_session s JOIN "
                    "field f ON f.id = s.field_id WHERE t.national_id = '10000000146' AND f.code = 'ELK' LIMIT 1") });
        d.uid1 = Work::value(d.centre1, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        d.uid4 = Work::value(d.centre4, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        for (const QString &centre : { d.centre1, d.centre4 }) {
            auto r = send(centre, DatabaseRole::national(), d.national);
            if (!r)
                qWarning("%s", qPrintable(r.message()));
        }
        d.item = Work::value(d.national, QStringLiteral("SELECT id FROM review_item WHERE kind = 'duplicate_teacher'")).toInt();
        return d;
    }

    static Status resolve(const QString &dbPath, QUndoStack &stack, int item, ResolveReviewCommand::Action action,
        const QString &chosen, const QStringList &placements = {})
    {
        auto db = Database::open(dbPath);
        if (!db)
            return db.error();
        // The command finds its connection by name: keep the database open for undo in the caller.
        return DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(
                db.value()->connection(), item, action, chosen, placements, QStringLiteral("resolve")));
    }

private slots:
    void initTestCase()
    {
        m_national = Work::build(path(QStringLiteral("national.kopru")), DatabaseRole::national());
        m_centre1 = Work::build(path(QStringLiteral("centre1.kopru")), DatabaseRole::centre(1));
        m_centre2 = Work::build(path(QStringLiteral("centre2.kopru")), DatabaseRole::centre(2));
        m_centre4 = Work::build(path(QStringLiteral("centre4.kopru")), DatabaseRole::centre(4));
        QVERIFY(!m_national.isEmpty() && !m_centre1.isEmpty() && !m_centre2.isEmpty() && !m_centre4.isEmpty());
    }

    void keepOneRegistrationAndUndo()
    {
        Duplicate d = duplicate();
        QVERIFY(d.item > 0);
        auto db = Database::open(d.national);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QUndoStack stack;
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(
                c, d.item, ResolveReviewCommand::Action::Keep, d.uid1, QStringList(), QStringLiteral("keep"))));
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid || ' ' || owner_centre_id FROM teacher WHERE national_id = '10000000146'"))
                     .toString(),
            d.uid1 + QStringLiteral(" 1"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT status || ' ' || resolution FROM review_item")).toString(),
            QStringLiteral("resolved keep"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM review_parked WHERE table_name = 'teacher'")).toInt(),
            1); // centre 4's, rejected
        // Centre 4 changes its (rejected) registration: refused, as is its placement.
        QVERIFY(Work::change(
            d.centre4, { QStringLiteral("UPDATE teacher SET phone = '05321234567' WHERE national_id = '10000000146'") }));
        {
            const QString file = next(QStringLiteral("c4"));
            QVERIFY(Work::pack(d.centre4, DatabaseRole::national(), file, true));
            auto r = Receiver::receive(*db.value(), file, Receiver::Options { false, false, {} });
            QVERIFY2(r, qPrintable(r.message()));
            QVERIFY(r->summary.tables.at(QStringLiteral("teacher")).refused >= 1);
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '10000000146'")).toInt(), 1);
        // Undo: as before the decision.
        stack.undo();
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '10000000146'")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT status || resolution FROM review_item")).toString(), QStringLiteral("open"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM review_parked WHERE table_name = 'teacher'")).toInt(), 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        stack.redo();
        QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString(), d.uid1);
    }

    void mergeMakesAnAliasThatTheCentreFollows()
    {
        Duplicate d = duplicate();
        QUndoStack stack;
        auto db = Database::open(d.national);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(
                c, d.item, ResolveReviewCommand::Action::Merge, d.uid1, QStringList(), QStringLiteral("merge"))));
        QCOMPARE(scalar(c, QStringLiteral("SELECT target_uid FROM uid_alias WHERE uid = '%1'").arg(d.uid4)).toString(), d.uid1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM review_parked")).toInt(), 0);
        // Centre 4's placement of its registration follows the record that stays.
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT t.uid || ' ' || p.owner_centre_id FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                               "WHERE t.national_id = '10000000146'"))
                .toString(),
            d.uid1 + QStringLiteral(" 4"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // Down to centre 4: its registration now is the merged record.
        const QString file = next(QStringLiteral("n-c4"));
        QVERIFY(Work::pack(d.national, DatabaseRole::centre(4), file));
        auto r = Work::receive(d.centre4, file);
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.recordsRekeyed + r->summary.recordsMerged, 1);
        QCOMPARE(Work::value(d.centre4, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString(),
            d.uid1);
        QCOMPARE(Work::value(d.centre4, QStringLiteral("SELECT status || ' ' || resolution FROM review_item")).toString(),
            QStringLiteral("resolved merge"));
        QCOMPARE(Work::value(d.centre4, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // A later package of centre 4 that names the old id resolves through the alias.
        stack.clear();
    }

    void rejectKeepsEveryRegistrationOut()
    {
        Duplicate d = duplicate();
        QUndoStack stack;
        auto db = Database::open(d.national);
        QVERIFY(db);
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(db.value()->connection(), d.item, ResolveReviewCommand::Action::Reject,
                QString(), QStringList(), QStringLiteral("reject"))));
        QCOMPARE(
            scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '10000000146'"))
                .toInt(),
            0);
        // Both centres are told.
        for (const auto &[centre, role] :
            { std::pair { d.centre1, DatabaseRole::centre(1) }, std::pair { d.centre4, DatabaseRole::centre(4) } }) {
            const QString file = next(QStringLiteral("n-c"));
            QVERIFY(Work::pack(d.national, role, file));
            auto r = Work::receive(centre, file);
            QVERIFY2(r, qPrintable(r.message()));
            QCOMPARE(Work::value(centre, QStringLiteral("SELECT status || ' ' || resolution FROM review_item")).toString(),
                QStringLiteral("resolved reject"));
            QCOMPARE(
                Work::value(centre, QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '10000000146'")).toInt(), 1);
        }
    }

    // Two centres in one session beyond its places: the national office rejects
    // one placement; its centre cancels it and says so with its next package.
    void rejectedPlacementIsCancelledByItsCentre()
    {
        const QString national = m_work.copyOf(m_national), centre1 = m_work.copyOf(m_centre1),
                      centre4 = m_work.copyOf(m_centre4);
        QVERIFY(send(centre1, DatabaseRole::national(), national));
        QVERIFY(send(centre4, DatabaseRole::national(), national));
        QVERIFY(send(national, DatabaseRole::centre(1), centre1));
        const QString session = Work::value(national,
            QStringLiteral(
                "SELECT s.uid FROM training_session s JOIN field f ON f.id = s.field_id WHERE f.code = 'ELK' AND "
                "s.owner_centre_id = 4 AND (SELECT count(*) FROM placement p WHERE p.session_id = s.id AND p.status <> "
                "'cancelled') = s.capacity LIMIT 1"))
                                    .toString();
        QVERIFY(!session.isEmpty());
        QVERIFY(Work::change(centre1,
            { QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE teacher_id = (SELECT t.id FROM teacher t JOIN "
                             "field f ON f.id = "
                             "t.field_id WHERE f.code = 'ELK' ORDER BY t.id LIMIT 1)"),
                QStringLiteral("INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t JOIN field f ON "
                               "f.id = t.field_id, "
                               "training_session s WHERE f.code = 'ELK' AND s.uid = '%1' ORDER BY t.id LIMIT 1")
                    .arg(session) }));
        const QString extra = Work::value(centre1,
            QStringLiteral("SELECT p.uid FROM placement p JOIN training_session s ON s.id = p.session_id WHERE s.uid = '%1'")
                .arg(session))
                                  .toString();
        QVERIFY(send(centre1, DatabaseRole::national(), national));
        const int item = Work::value(national, QStringLiteral("SELECT id FROM review_item WHERE kind = 'capacity'")).toInt();
        QVERIFY(item > 0);
        QUndoStack stack;
        {
            auto db = Database::open(national);
            QVERIFY(db);
            QVERIFY(DbCommand::run(&stack,
                std::make_unique<ResolveReviewCommand>(db.value()->connection(), item,
                    ResolveReviewCommand::Action::RejectPlacements, QString(), QStringList { extra }, QStringLiteral("reject"))));
            QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT decision FROM plan_decision")).toString(),
                QStringLiteral("rejected"));
            stack.clear();
        }
        auto down = send(national, DatabaseRole::centre(1), centre1);
        QVERIFY2(down, qPrintable(down.message()));
        QCOMPARE(down->summary.placementsCancelled, 1);
        QCOMPARE(Work::value(centre1, QStringLiteral("SELECT status FROM placement WHERE uid = '%1'").arg(extra)).toString(),
            QStringLiteral("cancelled"));
        auto up = send(centre1, DatabaseRole::national(), national);
        QVERIFY2(up, qPrintable(up.message()));
        QCOMPARE(Work::value(national, QStringLiteral("SELECT status FROM placement WHERE uid = '%1'").arg(extra)).toString(),
            QStringLiteral("cancelled"));
    }

    void correctionAdoptedTravelsBack()
    {
        const QString national = m_work.copyOf(m_national), centre2 = m_work.copyOf(m_centre2);
        const int teacher = Work::value(centre2, QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString uid = Work::value(centre2, QStringLiteral("SELECT uid FROM teacher WHERE id = %1").arg(teacher)).toString();
        {
            auto db = Database::open(centre2);
            QVERIFY(db);
            QUndoStack stack;
            QVERIFY(DbCommand::run(&stack,
                std::make_unique<ProposeCorrectionCommand>(db.value()->connection(), teacher, QStringLiteral("last_name"),
                    QStringLiteral("Öztürk"), QStringLiteral("nüfus kaydına göre"), QStringLiteral("propose"))));
            stack.clear();
        }
        QVERIFY(send(centre2, DatabaseRole::national(), national));
        const int item = Work::value(national, QStringLiteral("SELECT id FROM review_item WHERE kind = 'correction'")).toInt();
        QVERIFY(item > 0);
        {
            auto db = Database::open(national);
            QVERIFY(db);
            const QSqlDatabase c = db.value()->connection();
            QUndoStack stack;
            QVERIFY(DbCommand::run(&stack,
                std::make_unique<ResolveReviewCommand>(
                    c, item, ResolveReviewCommand::Action::Adopt, QString(), QStringList(), QStringLiteral("adopt"))));
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT last_name || ' ' || version FROM teacher WHERE uid = '%1'").arg(uid)).toString(),
                QStringLiteral("Öztürk 2"));
            stack.undo();
            QVERIFY(scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE uid = '%1'").arg(uid)).toString()
                != QStringLiteral("Öztürk"));
            stack.redo();
            stack.clear();
        }
        auto down = send(national, DatabaseRole::centre(2), centre2);
        QVERIFY2(down, qPrintable(down.message()));
        QCOMPARE(Work::value(centre2, QStringLiteral("SELECT last_name FROM teacher WHERE uid = '%1'").arg(uid)).toString(),
            QStringLiteral("Öztürk"));
        QCOMPARE(Work::value(centre2, QStringLiteral("SELECT status || ' ' || resolution FROM review_item")).toString(),
            QStringLiteral("resolved adopt"));
    }

    // Every write path refuses a change of a record this database does not own.
    void onlyTheOwnerChangesARecord()
    {
        const QString centre2 = m_work.copyOf(m_centre2);
        auto db = Database::open(centre2);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        const int teacher = scalar(c, QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString last = scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(teacher)).toString();
        QUndoStack stack;
        const Status name = DbCommand::run(&stack,
            std::make_unique<SetValueCommand>(c, QStringLiteral("teacher"), QStringLiteral("last_name"), teacher, last,
                QStringLiteral("Yılmaz"), QStringLiteral("edit")));
        QVERIFY(!name);
        QVERIFY2(name.message().contains(QStringLiteral("propose a correction")), qPrintable(name.message()));
        // What the centre records about its teacher is its own.
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<SetValueCommand>(c, QStringLiteral("teacher"), QStringLiteral("notes"), teacher,
                scalar(c, QStringLiteral("SELECT notes FROM teacher WHERE id = %1").arg(teacher)),
                QStringLiteral("Haziranda uygun"), QStringLiteral("edit"))));
        // The catalogue and the survey are the national office's.
        const QString imported = path(QStringLiteral("needs.csv"));
        {
            QFile f(imported);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("TC Kimlik No;YEN01\n10000000146;3\n");
        }
        auto table = TableReader::read(imported, {});
        QVERIFY(table);
        const ImportReport report = Importer::run(c, ImportKind::Needs, table.value().table, ImportOptions {});
        QVERIFY(!report.committed);
        QVERIFY(!report.errors.isEmpty());
        QVERIFY2(
            report.errors.first().message.contains(QStringLiteral("national office")), qPrintable(report.errors.first().message));
        // The national office does not change a centre's partner.
        const QString national = m_work.copyOf(m_national);
        QVERIFY(send(m_work.copyOf(m_centre2), DatabaseRole::national(), national));
        auto n = Database::open(national);
        QVERIFY(n);
        const int partner = scalar(n.value()->connection(), QStringLiteral("SELECT min(id) FROM partner")).toInt();
        const Status removed = DbCommand::run(&stack,
            std::make_unique<DeleteRowsCommand>(n.value()->connection(), DeleteRowsCommand::Entity::Partner,
                QList<int> { partner }, true, QStringLiteral("delete")));
        QVERIFY(!removed);
        QVERIFY2(removed.message().contains(QStringLiteral("centre 2")), qPrintable(removed.message()));
        stack.clear();
    }
};

QTEST_GUILESS_MAIN(TestExchangeReview)
#include "tst_exchangereview.moc"
