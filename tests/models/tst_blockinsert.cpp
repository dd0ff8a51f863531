// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/blockinsert.h"
#include "models/db/sql.h"
#include "tests/common/testutil.h"

using namespace kopru;
using kopru::test::scalar;

class TestBlockInsert : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<Database> table(const QString &name)
    {
        auto db = test::newDatabase(m_dir.filePath(name));
        if (db && !Sql::exec(db->connection(), QStringLiteral("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL)")))
            return nullptr;
        return db;
    }

private slots:
    // Two full blocks and a rest written one by one: every row, with its values, in the order added.
    void writesEveryRowInBlocksAndTheRestSingly()
    {
        auto db = table(QStringLiteral("a.kopru"));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        BlockInsert insert(c, QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        QVERIFY(insert.prepare());
        const int rows = 2 * BlockInsert::kRows + 22;
        for (int i = 1; i <= rows; ++i) {
            QVERIFY(insert.add({ i, QStringLiteral("r%1").arg(i), i % 3 == 0 ? QVariant() : QVariant(i / 2.0) }));
            // Nothing of a block is written before it is full.
            if (i == BlockInsert::kRows - 1)
                QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), 2 * BlockInsert::kRows);
        QVERIFY(insert.finish());
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), rows);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t WHERE b = 'r' || a")).toInt(), rows);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t WHERE c IS NULL")).toInt(), rows / 3);
        QCOMPARE(scalar(c, QStringLiteral("SELECT c FROM t WHERE a = 101")).toDouble(), 50.5);
        // finish() with nothing pending writes nothing more.
        QVERIFY(insert.finish());
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), rows);
    }

    // A refused row fails its block (or, in the rest, finish()) with the database's error.
    void aRefusedRowIsAnError()
    {
        auto db = table(QStringLiteral("b.kopru"));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        BlockInsert insert(c, QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        QVERIFY(insert.prepare());
        Status last;
        for (int i = 1; i <= BlockInsert::kRows && last; ++i)
            last = insert.add({ i, i == 5 ? QVariant() : QVariant(QStringLiteral("x")), 1.0 });
        QVERIFY(!last);
        QVERIFY2(last.message().contains(QLatin1String("NOT NULL")), qPrintable(last.message()));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);

        BlockInsert rest(c, QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        QVERIFY(rest.prepare());
        QVERIFY(rest.add({ 1, QStringLiteral("x"), 1.0 }));
        QVERIFY(rest.add({ 1, QStringLiteral("y"), 2.0 })); // the same key: refused when written
        QVERIFY(!rest.finish());
    }

    // Shared columns (the same value in every row) land in every row, in
    // blocks and in the rest, beside each row's own values; a NULL one too.
    void sharedValuesLandInEveryRow()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("s.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(Sql::exec(
            c, QStringLiteral("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, run INTEGER, owner INTEGER, label TEXT)")));
        BlockInsert insert(c, QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("b") },
            BlockInsert::Shared { { QStringLiteral("run"), 7 }, { QStringLiteral("owner"), QVariant() },
                { QStringLiteral("label"), QStringLiteral("centre:3") } });
        QVERIFY(insert.prepare());
        const int rows = BlockInsert::kRows + 5;
        for (int i = 1; i <= rows; ++i)
            QVERIFY(insert.add({ i, QStringLiteral("r%1").arg(i) }));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), BlockInsert::kRows);
        QVERIFY(insert.finish());
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM t")).toInt(), rows);
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM t WHERE b = 'r' || a AND run = 7 AND owner IS NULL AND label = 'centre:3'"))
                .toInt(),
            rows);
        // A refused row is still the database's error.
        QVERIFY(insert.add({ 1, QStringLiteral("again") }));
        QVERIFY(!insert.finish());
    }

    void anUnknownColumnIsAnErrorOfPrepare()
    {
        auto db = table(QStringLiteral("c.kopru"));
        QVERIFY(db);
        BlockInsert insert(db->connection(), QStringLiteral("t"), { QStringLiteral("a"), QStringLiteral("nope") });
        QVERIFY(!insert.prepare());
    }
};

QTEST_GUILESS_MAIN(TestBlockInsert)
#include "tst_blockinsert.moc"
