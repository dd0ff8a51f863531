// SPDX-License-Identifier: GPL-3.0-or-later
// The kopru-cli contract (docs/cli.md) as seen from outside: exit codes,
// messages, files written or left alone.
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

using namespace kopru;
using kopru::test::runCli;

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray fileHash(const QString &p)
    {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1) : QByteArray();
    }

private slots:
    void versionAndUsage()
    {
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("--version") }, &out), 0);
        QVERIFY(out.startsWith(QStringLiteral("kopru-cli ")));
        QCOMPARE(runCli({}, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("usage:")));
        QCOMPARE(runCli({ QStringLiteral("frobnicate") }, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("frobnicate")));
        QCOMPARE(runCli({ QStringLiteral("init") }, &out, &err), 2);
        QCOMPARE(runCli({ QStringLiteral("demo"), path(QStringLiteral("x.kopru")), QStringLiteral("--teachers"),
                            QStringLiteral("many") },
                     &out, &err),
            2);
        QVERIFY(!QFile::exists(path(QStringLiteral("x.kopru"))));
        QCOMPARE(runCli({ QStringLiteral("check"), path(QStringLiteral("x.kopru")), QStringLiteral("--bogus") }, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("--bogus")));
    }

    // Every command of the table: --help, and wrong usage refused with the problem and the
    // command's usage line (the same line as in the general usage), nothing created.
    void everyCommandHasHelpAndItsUsageLine_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : { "init", "demo", "import", "stats", "plan", "export", "report", "check", "backup" })
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void everyCommandHasHelpAndItsUsageLine()
    {
        QFETCH(QString, command);
        QString out, err;
        QCOMPARE(runCli({ command, QStringLiteral("--help") }, &out, &err), 0);
        const QString usage = out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(usage.startsWith(QStringLiteral("usage: kopru-cli ") + command + QStringLiteral(" DB")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--help")), qPrintable(out));
        QCOMPARE(runCli({}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("       ") + usage.mid(7) + QLatin1Char('\n')), qPrintable(err));

        const QString db = path(QStringLiteral("never.kopru"));
        QCOMPARE(runCli({ command, db, QStringLiteral("--no-such-option") }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("unknown option --no-such-option")), qPrintable(err));
        QVERIFY2(err.contains(usage), qPrintable(err));
        QCOMPARE(runCli({ command }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("wrong number of arguments")), qPrintable(err));
        QVERIFY2(err.contains(usage), qPrintable(err));
        QVERIFY(out.isEmpty());
        QVERIFY(!QFile::exists(db));
    }

    void optionValues()
    {
        const QString db = path(QStringLiteral("options.kopru"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("demo"), db, QStringLiteral("--teachers") }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("option --teachers needs a value")), qPrintable(err));
        QVERIFY(!QFile::exists(db));
        QCOMPARE(runCli({ QStringLiteral("init"), db }, &out, &err), 0);
        QCOMPARE(runCli({ QStringLiteral("stats"), db, QStringLiteral("--json=yes"), QStringLiteral("--field"),
                            QStringLiteral("BIL") },
                     &out, &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("option --json takes no value")), qPrintable(err));
        QCOMPARE(runCli({ QStringLiteral("stats"), db, QStringLiteral("--json") }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("stats needs --field CODE")), qPrintable(err));
        // --option=value is the same as --option value.
        QString spaced;
        QCOMPARE(
            runCli({ QStringLiteral("stats"), db, QStringLiteral("--field"), QStringLiteral("BIL"), QStringLiteral("--json") },
                &spaced, &err),
            0);
        QCOMPARE(runCli({ QStringLiteral("stats"), db, QStringLiteral("--field=BIL"), QStringLiteral("--json") }, &out, &err), 0);
        QCOMPARE(out, spaced);
    }

    void initRefusesExistingFiles()
    {
        const QString db = path(QStringLiteral("init.kopru"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("init"), db }, &out, &err), 0);
        QVERIFY(QFile::exists(db));
        const QByteArray before = fileHash(db);
        QCOMPARE(runCli({ QStringLiteral("init"), db }, &out, &err), 2);
        QVERIFY(err.contains(db));
        QCOMPARE(fileHash(db), before);

        const QString empty = path(QStringLiteral("empty.kopru"));
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(runCli({ QStringLiteral("init"), empty }, &out, &err), 0);
    }

    void demoCheckAndBackup()
    {
        const QString db = path(QStringLiteral("demo.kopru"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("demo"), db, QStringLiteral("--teachers"), QStringLiteral("300"),
                            QStringLiteral("--partners"), QStringLiteral("50"), QStringLiteral("--seed"), QStringLiteral("3") },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("300 teachers")), qPrintable(out));
        QCOMPARE(runCli({ QStringLiteral("check"), db }, &out, &err), 0);
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("teacher\\s+300\\b"))), qPrintable(out));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("province\\s+81\\b"))));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("field\\s+25\\b"))));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("centre\\s+15\\b"))));
        QVERIFY(err.isEmpty());

        const QString copy = path(QStringLiteral("copy.kopru"));
        QCOMPARE(runCli({ QStringLiteral("backup"), db, copy }, &out, &err), 0);
        QCOMPARE(runCli({ QStringLiteral("check"), copy }, &out, &err), 0);
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("teacher\\s+300\\b"))));
        QCOMPARE(runCli({ QStringLiteral("backup"), db, copy }, &out, &err), 2);
        QCOMPARE(runCli({ QStringLiteral("demo"), db }, &out, &err), 2); // never over an existing database
    }

    void checkFindsDomainProblems()
    {
        const QString db = path(QStringLiteral("bad.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), db }), 0);
        {
            auto open = Database::open(db);
            QVERIFY(open);
            // Right shape, wrong checksum: only the domain check can see it.
            QVERIFY(Sql::exec(open.value()->connection(),
                QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                               "('10000000147', 'Ali', 'Veli', 1, 6)")));
        }
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("check"), db }, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("check digits")), qPrintable(err));

        const QString garbage = path(QStringLiteral("garbage.kopru"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
        f.close();
        QCOMPARE(runCli({ QStringLiteral("check"), garbage }, &out, &err), 2);
        QVERIFY(err.contains(garbage));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
