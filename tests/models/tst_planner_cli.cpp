// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli plan: output, JSON, DIMACS file and exit codes (docs/cli.md).
#include "tests/common/testutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace kopru;
using kopru::test::runCli;

class TestPlannerCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QCOMPARE(runCli({ QStringLiteral("demo"), path(QStringLiteral("d.kopru")), QStringLiteral("--teachers"),
                     QStringLiteral("400"), QStringLiteral("--partners"), QStringLiteral("80"),
                     QStringLiteral("--no-programme") }), // every teacher still to plan
            0);
    }

    void printsCountsObjectiveAndTime()
    {
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("plan"), path(QStringLiteral("d.kopru")) }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("placed: ")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("unplaced: ")));
        QVERIFY(out.contains(QStringLiteral("objective: -")));
        QVERIFY(out.contains(QStringLiteral(" ms")));
    }

    void jsonIsOneDocumentAndMatchesTheDatabase()
    {
        QString out, err;
        const QString dimacs = path(QStringLiteral("plan.dimacs"));
        QCOMPARE(runCli({ QStringLiteral("plan"), path(QStringLiteral("d.kopru")), QStringLiteral("--json"),
                            QStringLiteral("--dimacs"), dimacs },
                     &out, &err),
            0);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &e);
        QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(out));
        // Written straight, byte for byte what QJsonDocument writes for the same document.
        QCOMPARE(out.toUtf8(), doc.toJson(QJsonDocument::Indented));
        const QJsonObject o = doc.object();
        for (const char *key : { "placed", "unplaced", "objective", "durationMs" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QStringLiteral("placed")).toInt() > 0);
        QCOMPARE(o.value(QStringLiteral("placed")).toInt() + o.value(QStringLiteral("unplaced")).toInt(), 400);
        // Who was left out, and why.
        const QJsonArray unplaced = o.value(QStringLiteral("unplacedTeachers")).toArray();
        QCOMPARE(unplaced.size(), o.value(QStringLiteral("unplaced")).toInt());
        int counted = 0;
        const QJsonObject byReason = o.value(QStringLiteral("unplacedByReason")).toObject();
        for (auto it = byReason.begin(); it != byReason.end(); ++it) {
            QVERIFY2(QStringList({ QStringLiteral("no-session"), QStringLiteral("dates-unavailable"),
                                     QStringLiteral("locked-elsewhere"), QStringLiteral("sessions-full") })
                         .contains(it.key()),
                qPrintable(it.key()));
            counted += it.value().toInt();
        }
        QCOMPARE(counted, unplaced.size());
        for (const QJsonValue &v : unplaced) {
            const QJsonObject t = v.toObject();
            QVERIFY(t.value(QStringLiteral("teacherId")).toInt() > 0);
            QVERIFY(byReason.contains(t.value(QStringLiteral("reason")).toString()));
            QVERIFY(!t.value(QStringLiteral("reasonText")).toString().isEmpty());
        }

        auto db = Database::open(path(QStringLiteral("d.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QCOMPARE(test::scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE status = 'proposed'")).toInt(),
            o.value(QStringLiteral("placed")).toInt());
        QCOMPARE(test::scalar(c, QStringLiteral("SELECT placed FROM plan_run ORDER BY id DESC LIMIT 1")).toInt(),
            o.value(QStringLiteral("placed")).toInt());

        QFile f(dimacs);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("\np min ")));
        QVERIFY(text.contains(QStringLiteral("\nn 1 ")));
        QVERIFY(text.contains(QStringLiteral("\na ")));
    }

    void exportsTheUnplacedTeachers()
    {
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("plan"), path(QStringLiteral("d.kopru")), QStringLiteral("--json") }, &out, &err), 0);
        const int unplaced = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("unplaced")).toInt();
        QVERIFY(unplaced > 0);
        const QString csv = path(QStringLiteral("unplaced.csv"));
        QCOMPARE(runCli({ QStringLiteral("export"), path(QStringLiteral("d.kopru")), QStringLiteral("unplaced"),
                            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("%1 unplaced teacher").arg(unplaced)), qPrintable(out + err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(QStringLiteral("Reason")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("the sessions that fit are full")) || text.contains(QStringLiteral("no session")));
        const QString xlsx = path(QStringLiteral("unplaced.xlsx"));
        QCOMPARE(runCli({ QStringLiteral("export"), path(QStringLiteral("d.kopru")), QStringLiteral("unplaced"),
                            QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"), xlsx },
                     &out, &err),
            0);
        QVERIFY(QFileInfo(xlsx).size() > 0);
        // Neither a calendar nor a partner's list.
        QCOMPARE(runCli({ QStringLiteral("export"), path(QStringLiteral("d.kopru")), QStringLiteral("unplaced"),
                            QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--out"),
                            path(QStringLiteral("u.ics")) },
                     &out, &err),
            2);
        QCOMPARE(runCli({ QStringLiteral("export"), path(QStringLiteral("d.kopru")), QStringLiteral("unplaced"),
                            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--partner"), QStringLiteral("1"),
                            QStringLiteral("--out"), path(QStringLiteral("u2.csv")) },
                     &out, &err),
            2);
    }

    void wrongUsageAndUnreadableFiles_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no database") << QStringList { QStringLiteral("plan") };
        QTest::newRow("unknown option") << QStringList { QStringLiteral("plan"), path(QStringLiteral("d.kopru")),
            QStringLiteral("--fast") };
        QTest::newRow("missing file") << QStringList { QStringLiteral("plan"), path(QStringLiteral("nope.kopru")) };
        QTest::newRow("not a database") << QStringList { QStringLiteral("plan"),
            QStringLiteral(KOPRU_TEST_DATA "/../CMakeLists.txt") };
        QTest::newRow("dimacs without value")
            << QStringList { QStringLiteral("plan"), path(QStringLiteral("d.kopru")), QStringLiteral("--dimacs") };
        QTest::newRow("dimacs unwritable") << QStringList { QStringLiteral("plan"), path(QStringLiteral("d.kopru")),
            QStringLiteral("--dimacs"), path(QStringLiteral("no/such/dir/x.dimacs")) };
    }
    void wrongUsageAndUnreadableFiles()
    {
        QFETCH(QStringList, args);
        auto db = Database::open(path(QStringLiteral("d.kopru")));
        QVERIFY(db);
        const int runs = test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        QString out, err;
        QCOMPARE(runCli(args, &out, &err), 2);
        QVERIFY(!err.isEmpty());
        QCOMPARE(test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);
    }
};

QTEST_GUILESS_MAIN(TestPlannerCli)
#include "tst_planner_cli.moc"
