// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli role, demo --role, pack and receive (docs/cli.md, docs/exchange.md):
// exit codes, the summary, a dry run and a refusal that change nothing, and
// `receive` killed with SIGKILL at random moments (seeded) leaving the
// database as before or as after — never in between.
#include "tests/common/exchangeutil.h"

#include <QRandomGenerator>

using namespace kopru;
using test::runCli;

class TestExchangeCli : public QObject
{
    Q_OBJECT
    test::ExchangeWorkspace m_work;
    QString m_national, m_centre;

    QString path(const QString &name) const { return m_work.path(name); }

    static QMap<QString, QByteArray> digests(const QString &dbPath)
    {
        auto db = Database::open(dbPath); // read-write: recovers a WAL a killed process left
        return db ? test::contentDigests(db.value()->connection()) : QMap<QString, QByteArray>();
    }

private slots:
    void initTestCase()
    {
        const QStringList size { QStringLiteral("--teachers"), QStringLiteral("2400"), QStringLiteral("--partners"),
            QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("5") };
        m_national = path(QStringLiteral("national.kopru"));
        m_centre = path(QStringLiteral("centre4.kopru"));
        QString out, err;
        QCOMPARE(runCli(QStringList { QStringLiteral("demo"), m_national, QStringLiteral("--role"), QStringLiteral("national") }
                         + size,
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("National office")), qPrintable(out));
        QCOMPARE(
            runCli(QStringList { QStringLiteral("demo"), m_centre, QStringLiteral("--role"), QStringLiteral("centre:4") } + size,
                &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("Centre 4")), qPrintable(out));
        QCOMPARE(runCli({ QStringLiteral("role"), m_centre }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("Centre 4")), qPrintable(out));
    }

    void packAndReceive()
    {
        const QString national = m_work.copyOf(m_national), centre = m_work.copyOf(m_centre);
        const QString package = path(QStringLiteral("c4.kopru-pkg"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("pack"), centre, QStringLiteral("--to"), QStringLiteral("national"),
                            QStringLiteral("--out"), package },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("package 1 for National office")), qPrintable(out));
        // Wrong receiver: a centre sends to the national office only.
        QCOMPARE(runCli({ QStringLiteral("pack"), centre, QStringLiteral("--to"), QStringLiteral("5"), QStringLiteral("--out"),
                            path(QStringLiteral("x")) },
                     &out, &err),
            1);
        QCOMPARE(runCli({ QStringLiteral("pack"), centre, QStringLiteral("--to"), QStringLiteral("regional"),
                            QStringLiteral("--out"), path(QStringLiteral("x")) },
                     &out, &err),
            2);
        // A dry run reports and changes nothing.
        {
            auto settle = Database::open(national);
            QVERIFY(settle);
        }
        const QByteArray before = test::fileBytes(national);
        QCOMPARE(runCli({ QStringLiteral("receive"), national, package, QStringLiteral("--dry-run") }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("nothing was changed")) && out.contains(QStringLiteral("partner")), qPrintable(out));
        QVERIFY(test::fileBytes(national) == before);
        QCOMPARE(runCli({ QStringLiteral("receive"), national, package }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("first package from Centre 4")) && out.contains(QStringLiteral("row(s) changed")),
            qPrintable(out));
        QCOMPARE(runCli({ QStringLiteral("receive"), national, package }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("received already")), qPrintable(out));
        // Refused: exit 1, the file and "not changed" on stderr.
        QCOMPARE(runCli({ QStringLiteral("receive"), m_work.copyOf(m_centre), package }, &out, &err), 1);
        QVERIFY2(err.contains(package) && err.contains(QStringLiteral("was not changed")), qPrintable(err));
        // The role of a database that has exchanged packages stays.
        QCOMPARE(
            runCli({ QStringLiteral("role"), national, QStringLiteral("--set"), QStringLiteral("centre:2") }, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("cannot change")), qPrintable(err));
    }

    // An empty centre database receives the national office's full package
    // (its teachers and their ratings); kill -9 at random moments.
    void killedReceiveLeavesBeforeOrAfter()
    {
        QString out, err;
        const QString package = path(QStringLiteral("n-c4.kopru-pkg"));
        const QString sender = m_work.copyOf(m_national);
        QCOMPARE(runCli({ QStringLiteral("pack"), sender, QStringLiteral("--to"), QStringLiteral("4"), QStringLiteral("--out"),
                            package },
                     &out, &err),
            0);
        const QString empty = path(QStringLiteral("empty4.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), empty, QStringLiteral("--role"), QStringLiteral("centre:4") }, &out, &err), 0);
        const auto before = digests(empty);
        const QString complete = m_work.copyOf(empty);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runCli({ QStringLiteral("receive"), complete, package }, &out, &err), 0);
        const qint64 ms = timer.elapsed();
        const auto after = digests(complete);
        QVERIFY(after != before);
        QVERIFY(after.value(QStringLiteral("need_rating")) != before.value(QStringLiteral("need_rating")));

        QRandomGenerator rng(20261205);
        int interrupted = 0, untouched = 0, done = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {
            const QString target = m_work.copyOf(empty);
            QProcess p;
            p.start(QStringLiteral(KOPRU_CLI), { QStringLiteral("receive"), target, package });
            QVERIFY(p.waitForStarted(10000));
            const int delay = int(rng.bounded(qint64(std::max<qint64>(ms + ms / 4, 50))));
            if (!p.waitForFinished(delay)) {
                p.kill(); // SIGKILL on POSIX
                p.waitForFinished(10000);
                ++interrupted;
            }
            const auto now = digests(target);
            (now == before ? untouched : done) += now == before || now == after ? 1 : 0;
            QVERIFY2(now == before || now == after,
                qPrintable(QStringLiteral("attempt %1 (%2 ms): partial receive").arg(attempt).arg(delay)));
            auto db = Database::open(target);
            QVERIFY(db);
            QCOMPARE(
                test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
                0);
        }
        qInfo("receive took %lld ms; %d of 8 runs were killed before the end; %d left the database as before, %d as after", ms,
            interrupted, untouched, done);
        QVERIFY(interrupted > 0);
    }
};

QTEST_GUILESS_MAIN(TestExchangeCli)
#include "tst_exchangecli.moc"
