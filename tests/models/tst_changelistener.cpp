// SPDX-License-Identifier: GPL-3.0-or-later
// Several users at once (docs/server.md): what another session changes on a
// server database reaches this window's ChangeNotifier and item models
// without a refresh (ServerNotify triggers, ChangeListener). Each test gets a
// server database copied from a small demo file, made from KOPRU_TEST_PG_URL
// (.ci/pg-cluster.sh starts a throwaway server) and dropped afterwards.
// Without that variable the server tests are skipped, saying why.
#include "models/db/changelistener.h"
#include "models/db/connection.h"
#include "models/db/databasetransfer.h"
#include "models/db/servernotify.h"
#include "models/demo/demogenerator.h"
#include "models/editing/changenotifier.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/placementsmodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/stats/fielddatacache.h"
#include "tests/common/backendfixture.h"
#include "tests/common/testutil.h"
#include "tests/common/twosessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace kopru;
using kopru::test::scalar;

namespace {

// Every ChangeNotifier signal for `table`: the ids of a rowsChanged, or an
// empty list for a tableChanged.
class Recorder : public QObject
{
public:
    explicit Recorder(QString table)
        : m_table(std::move(table))
    {
        connect(
            ChangeNotifier::instance(), &ChangeNotifier::rowsChanged, this, [this](const QString &table, const QList<int> &ids) {
                if (table == m_table)
                    calls << ids;
            });
        connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, [this](const QString &table) {
            if (table == m_table)
                calls << QList<int> {};
        });
    }
    QList<QList<int>> calls;

private:
    QString m_table;
};

} // namespace

class TestChangeListener : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::BackendFixture m_server { QStringLiteral("kopru_notify") };
    QString m_demo; // a small demo file, copied to a server database per test
    QString m_url; // the current test's server database
    int m_n = 0;

    static QString skipReason() { return test::BackendFixture::skipReason(); }

    std::unique_ptr<Database> openFollowing() const { return test::openFollowing(m_url); }
    std::unique_ptr<Connection> otherSession() const { return test::otherSession(m_url); }

    static int firstId(const QSqlDatabase &db, const QString &table)
    {
        return scalar(db, QStringLiteral("SELECT min(id) FROM %1").arg(table)).toInt();
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
        m_demo = m_dir.filePath(QStringLiteral("demo.kopru"));
        const Status made = test::makeSmallDemo(m_demo);
        QVERIFY2(made, qPrintable(made.message()));
    }

    void init()
    {
        const QString name = QString::fromLatin1(QTest::currentTestFunction());
        if (name == QLatin1String("payloadsAreRead") || name == QLatin1String("fileDatabasesFollowNothing"))
            return;
        if (!m_server.hasServer())
            QSKIP(qPrintable(skipReason()));
        m_url = m_server.newServerCopy(m_demo);
        QVERIFY(!m_url.isEmpty());
    }

    void cleanup()
    {
        if (m_server.hasServer())
            QVERIFY(m_server.dropServerDatabases());
        m_url.clear();
    }

    // The payload format the triggers write (ServerNotify) read back.
    void payloadsAreRead()
    {
        auto rows = ServerNotify::parse(QStringLiteral("teacher:3,12,40"));
        QVERIFY(rows);
        QCOMPARE(rows->table, QStringLiteral("teacher"));
        QCOMPARE(rows->ids, (QList<int> { 3, 12, 40 }));
        auto whole = ServerNotify::parse(QStringLiteral("need_rating"));
        QVERIFY(whole);
        QCOMPARE(whole->table, QStringLiteral("need_rating"));
        QVERIFY(whole->ids.isEmpty());
        // An id beyond int: the whole table rather than a wrong row.
        auto big = ServerNotify::parse(QStringLiteral("placement:1,99999999999"));
        QVERIFY(big);
        QVERIFY(big->ids.isEmpty());
        QVERIFY(!ServerNotify::parse(QString()));
        QVERIFY(!ServerNotify::parse(QStringLiteral(":1,2")));
        QVERIFY(!ServerNotify::parse(QStringLiteral("teacher; DROP TABLE x")));
    }

    // A file has no other users: following changes is a no-op, not an error,
    // and a listener refuses a connection that cannot notify.
    void fileDatabasesFollowNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("file%1.kopru").arg(++m_n));
        auto db = test::newDatabase(path);
        QVERIFY(db);
        QVERIFY(ChangeListener::follow(db->connection()).ok());
        QVERIFY(!db->connection().driver()->findChild<ChangeListener *>());
        ChangeListener listener(db->connection());
        const Status s = listener.start();
        QVERIFY(!s);
        QVERIFY(!listener.isListening());
    }

    // Session B changes a teacher; window A's ChangeNotifier names the row and
    // A's teacher model shows the new value.
    void otherUsersTeacherEditReachesTheModel()
    {
        auto a = openFollowing();
        QVERIFY(a);
        Lookups lookups;
        QVERIFY(lookups.load(a->connection()).ok());
        TeacherTableModel teachers;
        QVERIFY(teachers.load(a->connection(), &lookups).ok());
        QVERIFY(teachers.rowCount() > 0);
        auto b = otherSession();
        QVERIFY(b);
        const int id = firstId(b->db(), QStringLiteral("teacher"));
        const int row = teachers.rowOfId(id);
        QVERIFY(row >= 0);
        QVERIFY(teachers.data(teachers.index(row, TeacherTableModel::LastName), Qt::DisplayRole).toString()
            != QStringLiteral("Değiştirilmiş"));
        Recorder recorder(QStringLiteral("teacher"));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE teacher SET last_name = 'Değiştirilmiş' WHERE id = ?"), { id }));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.calls, (QList<QList<int>> { { id } }), 5000);
        QCOMPARE(teachers.data(teachers.index(teachers.rowOfId(id), TeacherTableModel::LastName), Qt::DisplayRole).toString(),
            QStringLiteral("Değiştirilmiş"));
        // A row inserted by B appears in A's model too.
        const int before = teachers.rowCount();
        QVERIFY(Sql::exec(b->db(),
            QStringLiteral("INSERT INTO teacher (national_id, first_name, last_name, field_id, province_id) "
                           "SELECT '10000000146', 'Yeni', 'Öğretmen', field_id, province_id FROM teacher WHERE id = ?"),
            { id }));
        QTRY_COMPARE_WITH_TIMEOUT(teachers.rowCount(), before + 1, 5000);
    }

    // Ratings (a table without ids) and a moved placement reach A; the needs
    // page's cache reads the new ratings.
    void ratingsAndPlacementsReachTheOtherWindow()
    {
        auto a = openFollowing();
        QVERIFY(a);
        auto b = otherSession();
        QVERIFY(b);
        const QString code = scalar(a->connection(),
            QStringLiteral("SELECT f.code FROM field f JOIN teacher t ON t.field_id = f.id ORDER BY t.id LIMIT 1"))
                                 .toString();
        QVERIFY(!code.isEmpty());
        stats::FieldDataCache cache;
        // Nothing changed: the cache serves it. (The server's change stamp is
        // its snapshot, which a transaction of anyone on the cluster moves —
        // another test running meanwhile — so the pair is tried a few times.)
        auto first = cache.get(a->connection(), code);
        QVERIFY2(first, qPrintable(first.message()));
        bool served = false;
        for (int attempt = 0; attempt < 5 && !served; ++attempt) {
            first = cache.get(a->connection(), code);
            QVERIFY2(first, qPrintable(first.message()));
            auto again = cache.get(a->connection(), code);
            QVERIFY(again);
            served = again->get() == first->get();
        }
        QVERIFY(served);
        const int oldRound = first.value()->latestRound();

        Recorder ratings(QStringLiteral("need_rating"));
        QVERIFY(Sql::exec(b->db(),
            QStringLiteral("INSERT INTO need_rating (teacher_id, competency_id, round, need) "
                           "SELECT t.id, c.id, 20, 4 FROM teacher t JOIN competency c ON c.field_id = t.field_id "
                           "JOIN field f ON f.id = t.field_id WHERE f.code = ?"),
            { code }));
        QTRY_COMPARE_WITH_TIMEOUT(ratings.calls, (QList<QList<int>> { {} }), 5000);
        auto fresh = cache.get(a->connection(), code);
        QVERIFY(fresh);
        QVERIFY(fresh->get() != first->get());
        QCOMPARE(fresh.value()->latestRound(), 20);
        QVERIFY(oldRound < 20);

        // B moves a placement to another session; A's placements model of that teacher shows it.
        const int placement = firstId(b->db(), QStringLiteral("placement"));
        QVERIFY(placement > 0);
        const int teacher
            = scalar(b->db(), QStringLiteral("SELECT teacher_id FROM placement WHERE id = %1").arg(placement)).toInt();
        const int other = scalar(b->db(),
            QStringLiteral("SELECT min(id) FROM training_session WHERE id <> (SELECT session_id FROM placement WHERE id = %1)")
                .arg(placement))
                              .toInt();
        QVERIFY(other > 0);
        PlacementsModel placements;
        QVERIFY(placements.load(a->connection(), teacher).ok());
        QCOMPARE(placements.rowCount(), 1);
        QSignalSpy reset(&placements, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&placements, &QAbstractItemModel::dataChanged);
        Recorder moved(QStringLiteral("placement"));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE placement SET session_id = ? WHERE id = ?"), { other, placement }));
        QTRY_COMPARE_WITH_TIMEOUT(moved.calls, (QList<QList<int>> { { placement } }), 5000);
        QVERIFY(reset.size() + changed.size() > 0);
        QCOMPARE(scalar(a->connection(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(placement)).toInt(),
            other);
    }

    // Many rows in one statement: the table, not a long list of ids.
    void manyRowsNameTheTable()
    {
        auto a = openFollowing();
        QVERIFY(a);
        auto b = otherSession();
        QVERIFY(b);
        QVERIFY(scalar(b->db(), QStringLiteral("SELECT count(*) FROM competency")).toInt() > ServerNotify::kMaxIds);
        Recorder competencies(QStringLiteral("competency"));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE competency SET unit = 'birim'")));
        QTRY_COMPARE_WITH_TIMEOUT(competencies.calls, (QList<QList<int>> { {} }), 5000);
        // A statement that changes nothing says nothing.
        Recorder partners(QStringLiteral("partner"));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE competency SET unit = 'x' WHERE id < 0")));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE partner SET district = 'Merkez' WHERE id = ?"),
            { firstId(b->db(), QStringLiteral("partner")) }));
        QTRY_COMPARE_WITH_TIMEOUT(partners.calls.size(), 1, 5000);
        QCOMPARE(competencies.calls.size(), 1);
    }

    // A's own change was announced by its command: the notification it
    // causes is not passed on a second time.
    void ownChangesAreNotPassedOnAgain()
    {
        auto a = openFollowing();
        QVERIFY(a);
        auto b = otherSession();
        QVERIFY(b);
        Recorder teachers(QStringLiteral("teacher"));
        Recorder partners(QStringLiteral("partner"));
        QVERIFY(Sql::exec(a->connection(), QStringLiteral("UPDATE teacher SET notes = 'kendi' WHERE id = ?"),
            { firstId(a->connection(), QStringLiteral("teacher")) }));
        // B's later change arrives after A's own would have.
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE partner SET district = 'Merkez' WHERE id = ?"),
            { firstId(b->db(), QStringLiteral("partner")) }));
        QTRY_COMPARE_WITH_TIMEOUT(partners.calls.size(), 1, 5000);
        QTest::qWait(2 * ChangeListener::kDelayMs);
        QCOMPARE(teachers.calls.size(), 0);
    }

    // 10,000 rating inserts, one statement each, by another user: a bounded
    // number of reloads (at most one per ChangeListener::kDelayMs), not 10,000.
    void burstGivesBoundedReloads()
    {
        auto a = openFollowing();
        QVERIFY(a);
        auto b = otherSession();
        QVERIFY(b);
        QList<QPair<int, int>> pairs; // teacher, competency of its field
        QVERIFY(Sql::forEachRow(b->db(),
            QStringLiteral("SELECT t.id, c.id FROM teacher t JOIN competency c ON c.field_id = t.field_id ORDER BY 1, 2"),
            [&pairs](const QSqlQuery &q) {
                pairs.append({ q.value(0).toInt(), q.value(1).toInt() });
            }));
        QVERIFY(!pairs.isEmpty());
        const int total = 10000;
        Recorder ratings(QStringLiteral("need_rating"));
        QSqlQuery insert(b->db());
        QVERIFY(Sql::prepare(insert,
            QStringLiteral("INSERT INTO need_rating (teacher_id, competency_id, round, need) "
                           "VALUES (?, ?, ?, 3)")));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < total; ++i) {
            const auto &pair = pairs.at(i % pairs.size());
            QVERIFY(Sql::run(insert, { pair.first, pair.second, 30 + i / int(pairs.size()) }));
            if (i % 500 == 0)
                QCoreApplication::processEvents(); // A's window keeps running meanwhile
        }
        const qint64 writing = clock.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(!ratings.calls.isEmpty(), 5000);
        // Let everything sent arrive.
        QTest::qWait(5 * ChangeListener::kDelayMs);
        const qint64 elapsed = clock.elapsed();
        const qint64 bound = elapsed / ChangeListener::kDelayMs + 2;
        qInfo("%d single-row inserts in %lld ms: %lld reload(s) of need_rating in A (bound %lld)", total, writing,
            qint64(ratings.calls.size()), bound);
        QVERIFY(ratings.calls.size() <= bound);
        QVERIFY(ratings.calls.size() < total / 50);
        for (const QList<int> &ids : std::as_const(ratings.calls))
            QVERIFY(ids.isEmpty()); // need_rating has no ids: the table

        // The same burst in one transaction: one reload.
        ratings.calls.clear();
        QVERIFY(Sql::exec(b->db(), QStringLiteral("BEGIN")));
        for (int i = 0; i < total; ++i) {
            const auto &pair = pairs.at(i % pairs.size());
            QVERIFY(Sql::run(insert, { pair.first, pair.second, 100 + i / int(pairs.size()) }));
        }
        QVERIFY(Sql::exec(b->db(), QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(!ratings.calls.isEmpty(), 5000);
        QTest::qWait(5 * ChangeListener::kDelayMs);
        QCOMPARE(ratings.calls.size(), 1);
    }

    // A server database made before the notifications (no triggers) gets them
    // when its owner opens it for writing; a read-only opening changes nothing.
    void upgradeAddsTheNotifications()
    {
        QVERIFY(Sql::exec(m_server.admin(), QStringLiteral("SELECT 1"))); // the admin is the copy's owner
        {
            auto b = otherSession();
            QVERIFY(b);
            auto missing = ServerNotify::missingTables(b->db());
            QVERIFY(missing);
            QVERIFY(missing->isEmpty()); // copy installs them
            // What a database copied by the previous version looks like.
            QVERIFY(Sql::exec(b->db(), QStringLiteral("DROP FUNCTION kopru_notify_rows() CASCADE")));
            QVERIFY(Sql::exec(b->db(), QStringLiteral("DROP FUNCTION kopru_notify_table() CASCADE")));
            missing = ServerNotify::missingTables(b->db());
            QVERIFY(missing);
            QVERIFY(missing->contains(QStringLiteral("teacher")));
            QVERIFY(missing->contains(QStringLiteral("need_rating")));
        }
        {
            Database::Options options;
            options.access = Database::Access::ReadOnly;
            auto readOnly = Database::open(m_url, options);
            QVERIFY2(readOnly, qPrintable(readOnly.message()));
            auto missing = ServerNotify::missingTables(readOnly.value()->connection());
            QVERIFY(missing);
            QVERIFY(!missing->isEmpty());
        }
        auto a = openFollowing();
        QVERIFY(a);
        auto missing = ServerNotify::missingTables(a->connection());
        QVERIFY(missing);
        QCOMPARE(missing.value(), QStringList());
        auto b = otherSession();
        QVERIFY(b);
        Recorder teachers(QStringLiteral("teacher"));
        const int id = firstId(b->db(), QStringLiteral("teacher"));
        QVERIFY(Sql::exec(b->db(), QStringLiteral("UPDATE teacher SET notes = 'yükseltme' WHERE id = ?"), { id }));
        QTRY_COMPARE_WITH_TIMEOUT(teachers.calls, (QList<QList<int>> { { id } }), 5000);
    }
};

QTEST_GUILESS_MAIN(TestChangeListener)
#include "tst_changelistener.moc"
