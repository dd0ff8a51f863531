// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli import as scripts see it: exit codes, one reason per line on
// stderr as file:line:column, one summary line, nothing written on refusal.
#include "models/io/textencoding.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

using namespace kopru;
using kopru::test::runCli;

class TestImportCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qWarning("cannot write %s", qPrintable(p));
        return p;
    }
    // The database content (not the file bytes: WAL may be checkpointed).
    QString dump()
    {
        QString out;
        runCli({ QStringLiteral("check"), m_db }, &out);
        auto db = Database::open(m_db);
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("SELECT national_id, first_name, last_name, province_id, phone FROM teacher ORDER BY national_id"));
        while (q.next())
            out += q.value(0).toString() + q.value(1).toString() + q.value(2).toString() + q.value(3).toString()
                + q.value(4).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("cli.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), m_db }), 0);
    }

    void refusedFileExitsOneWithEveryReason()
    {
        const QString file = write(QStringLiteral("bad.csv"),
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\r\n"
                           "10000000146;Ayşe;Işık;ELK;İstanbul\r\n"
                           "17291716050;Ali;Kaya;ELK;Ankara\r\n"
                           "17291716060;Veli;Can;XYZ;Narnia\r\n")
                .toUtf8());
        const QString before = dump();
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("import"), m_db, QStringLiteral("teachers"), file }, &out, &err), 1);
        QVERIFY(out.isEmpty());
        const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // three reasons and the closing line
        // file:line:column: header: reason, in line then column order.
        const QRegularExpression where(QStringLiteral("^%1:(\\d+):(\\d+): ([^:]+): ").arg(QRegularExpression::escape(file)));
        QStringList positions;
        for (int i = 0; i < 3; ++i) {
            const auto m = where.match(lines.at(i));
            QVERIFY2(m.hasMatch(), qPrintable(lines.at(i)));
            positions << m.captured(1) + QLatin1Char(':') + m.captured(2) + QLatin1Char(' ') + m.captured(3);
        }
        QCOMPARE(positions,
            (QStringList { QStringLiteral("3:1 TC Kimlik No"), QStringLiteral("4:4 Alan"), QStringLiteral("4:5 İl") }));
        QVERIFY(lines.last().contains(QStringLiteral("nothing was written")));
        QCOMPARE(dump(), before);
    }

    void successPrintsOneSummaryLine()
    {
        const QString file = write(QStringLiteral("ok.csv"),
            QStringLiteral("TC Kimlik No,Ad,Soyad,Alan,İl\n"
                           "10000000146,Ayşe,Işık,ELK,İstanbul\n"
                           "17291716060,Veli,Can,BIL,6\n")
                .toUtf8());
        QString out, err;
        QCOMPARE(
            runCli({ QStringLiteral("import"), m_db, QStringLiteral("teachers"), file, QStringLiteral("--dry-run") }, &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("2 rows inserted")) && out.contains(QStringLiteral("dry run")), qPrintable(out));
        QVERIFY(!dump().contains(QStringLiteral("10000000146")));
        QCOMPARE(runCli({ QStringLiteral("import"), m_db, QStringLiteral("teachers"), file }, &out, &err), 0);
        QCOMPARE(out.count(QLatin1Char('\n')), 1);
        QVERIFY2(out.contains(QStringLiteral("2 rows inserted, 0 updated, 0 skipped")), qPrintable(out));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(runCli({ QStringLiteral("import"), m_db, QStringLiteral("teachers"), file }, &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("0 rows inserted, 0 updated, 2 skipped")));
    }

    void options_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("lastName");
        const QString text = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\r\n10000000146;Ayşe;Şahin Öğüt;ELK;34\r\n");
        const QByteArray cp = TextEncoding::encodeWindows1254(text);
        QTest::newRow("windows-1254 detected") << cp << QStringList {} << 0 << QStringLiteral("Şahin Öğüt");
        QTest::newRow("windows-1254 forced") << cp << QStringList { QStringLiteral("--encoding"), QStringLiteral("windows-1254") }
                                             << 0 << QStringLiteral("Şahin Öğüt");
        QTest::newRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8())
                                        << QStringList { QStringLiteral("--encoding"), QStringLiteral("utf-8") } << 0
                                        << QStringLiteral("Şahin Öğüt");
        QByteArray tabbed = text.toUtf8();
        tabbed.replace(';', '\t');
        QTest::newRow("tab forced") << tabbed << QStringList { QStringLiteral("--delimiter"), QStringLiteral("tab") } << 0
                                    << QStringLiteral("Şahin Öğüt");
        QTest::newRow("wrong delimiter refused")
            << tabbed << QStringList { QStringLiteral("--delimiter"), QStringLiteral(",") } << 1 << QString();
        QTest::newRow("unknown encoding") << cp << QStringList { QStringLiteral("--encoding"), QStringLiteral("koi8") } << 2
                                          << QString();
        QTest::newRow("unterminated quote") << QByteArray("TC Kimlik No;Ad\n\"10000000146;x\n") << QStringList {} << 1
                                            << QString();
    }
    void options()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, options);
        QFETCH(int, exit);
        QFETCH(QString, lastName);
        const QString db = m_dir.filePath(
            QStringLiteral("opt-%1.kopru").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        QCOMPARE(runCli({ QStringLiteral("init"), db }), 0);
        const QString file = write(QStringLiteral("opt.csv"), bytes);
        QString out, err;
        QCOMPARE(
            runCli(QStringList { QStringLiteral("import"), db, QStringLiteral("teachers"), file } + options, &out, &err), exit);
        if (exit == 0) {
            auto d = Database::open(db);
            QCOMPARE(test::scalar(d.value()->connection(), QStringLiteral("SELECT last_name FROM teacher")).toString(), lastName);
        } else if (exit == 1) {
            // file:line: for the header as a whole, file:line:column: for a cell.
            QVERIFY2(err.contains(QRegularExpression(QStringLiteral(":\\d+(:\\d+)?: "))), qPrintable(err));
        }
    }

    void sheetOfWorkbook()
    {
        const QString db = m_dir.filePath(QStringLiteral("xlsx.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), db }), 0);
        const QString book = QStringLiteral(KOPRU_TEST_DATA "/import/libreoffice.xlsx");
        const QString comps = write(QStringLiteral("c.csv"), QByteArray("Alan;Kod;Başlık\nELK;ELK01;PLC\n"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("competencies"), comps }, &out, &err), 0);
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("teachers"), book }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("2 rows inserted")), qPrintable(out + err));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), book, QStringLiteral("--sheet"),
                            QStringLiteral("Needs") },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("1 need ratings inserted")), qPrintable(out + err));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), book, QStringLiteral("--sheet"),
                            QStringLiteral("Yok") },
                     &out, &err),
            2);
    }

    // Issue #18 point 3: --scale gives the survey's own answer labels.
    void scaleOption()
    {
        const QString db = m_dir.filePath(QStringLiteral("scale.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), db }), 0);
        QString out, err;
        const QString comps = write(QStringLiteral("sc.csv"), QByteArray("Alan;Kod;Başlık\nELK;ELK01;PLC\nELK;ELK02;Motor\n"));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("competencies"), comps }, &out, &err), 0);
        const QString teachers = write(
            QStringLiteral("st.csv"), QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n10000000146;Ayşe;Işık;ELK;34\n").toUtf8());
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("teachers"), teachers }, &out, &err), 0);
        const QString survey = write(
            QStringLiteral("survey.csv"), QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;Hiç yok;FİKRİM YOK\n").toUtf8());
        const QString scale = QStringLiteral("Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA");
        // Without --scale the survey's label is refused at its cell.
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), survey }, &out, &err), 1);
        QVERIFY2(err.startsWith(survey + QStringLiteral(":2:2: ELK01: \"Hiç yok\"")), qPrintable(err));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), survey, QStringLiteral("--scale"), scale }, &out,
                     &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("2 need ratings inserted")), qPrintable(out + err));
        {
            auto d = Database::open(db);
            QVERIFY(d);
            QCOMPARE(test::scalar(d.value()->connection(),
                         QStringLiteral("SELECT group_concat(ifnull(need, 'NA'), ',') FROM (SELECT need FROM need_rating "
                                        "ORDER BY competency_id)"))
                         .toString(),
                QStringLiteral("1,NA"));
        }
        // A label outside the mapping: exit 1, file:line:column: header: label, nothing written.
        const QString other
            = write(QStringLiteral("other.csv"), QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;Orta;Biraz\n").toUtf8());
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), other, QStringLiteral("--scale=") + scale },
                     &out, &err),
            1);
        QVERIFY2(err.startsWith(other + QStringLiteral(":2:3: ELK02: the answer \"Biraz\"")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("nothing was written")), qPrintable(err));
    }

    // Issue #15: --round 2 imports the survey after the training; a bad cell
    // refuses the whole file with its position and leaves round 1 (and
    // everything else) as it was.
    void roundOption()
    {
        const QString db = m_dir.filePath(QStringLiteral("round.kopru"));
        QCOMPARE(runCli({ QStringLiteral("init"), db }), 0);
        QString out, err;
        const QString comps = write(QStringLiteral("rc.csv"), QByteArray("Alan;Kod;Başlık\nELK;ELK01;PLC\nELK;ELK02;Motor\n"));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("competencies"), comps }, &out, &err), 0);
        const QString teachers = write(
            QStringLiteral("rt.csv"), QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n10000000146;Ayşe;Işık;ELK;34\n").toUtf8());
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("teachers"), teachers }, &out, &err), 0);
        const QString first = write(QStringLiteral("r1.csv"), QByteArray("TC Kimlik No;ELK01;ELK02\n10000000146;5;4\n"));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), first, QStringLiteral("--round"),
                            QStringLiteral("1") },
                     &out, &err),
            0);
        const auto ratings = [&db] {
            auto d = Database::open(db);
            return d ? test::scalar(d.value()->connection(),
                       QStringLiteral("SELECT group_concat(round || ':' || need, ',') FROM (SELECT round, need FROM "
                                      "need_rating ORDER BY round, competency_id)"))
                           .toString()
                     : QString();
        };
        QCOMPARE(ratings(), QStringLiteral("1:5,1:4"));

        const QString bad = write(QStringLiteral("r2bad.csv"), QByteArray("TC Kimlik No;ELK01;ELK02\n10000000146;2;9\n"));
        QCOMPARE(
            runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), bad, QStringLiteral("--round"), QStringLiteral("2") },
                &out, &err),
            1);
        QVERIFY2(err.startsWith(bad + QStringLiteral(":2:3: ELK02: 9 is outside the scale")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("nothing was written")), qPrintable(err));
        QCOMPARE(ratings(), QStringLiteral("1:5,1:4"));

        // The file's own round column must agree with --round.
        const QString mixed = write(QStringLiteral("r2mixed.csv"), QByteArray("TC Kimlik No;Tur;ELK01\n10000000146;1;2\n"));
        QCOMPARE(
            runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), mixed, QStringLiteral("--round=2") }, &out, &err), 1);
        QVERIFY2(err.startsWith(mixed + QStringLiteral(":2:2: Tur: this row is of survey round 1")), qPrintable(err));
        QCOMPARE(ratings(), QStringLiteral("1:5,1:4"));

        const QString good = write(QStringLiteral("r2.csv"), QByteArray("TC Kimlik No;ELK01;ELK02\n10000000146;2;3\n"));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), good, QStringLiteral("--round"),
                            QStringLiteral("2") },
                     &out, &err),
            0);
        QCOMPARE(ratings(), QStringLiteral("1:5,1:4,2:2,2:3"));

        // Usage: another round, another kind.
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("needs"), good, QStringLiteral("--round"),
                            QStringLiteral("3") },
                     &out, &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("--round")), qPrintable(err));
        QCOMPARE(runCli({ QStringLiteral("import"), db, QStringLiteral("teachers"), teachers, QStringLiteral("--round"),
                            QStringLiteral("2") },
                     &out, &err),
            2);
        QCOMPARE(ratings(), QStringLiteral("1:5,1:4,2:2,2:3"));
    }

    void malformedScaleIsAUsageError_data()
    {
        QTest::addColumn<QString>("scale");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no =") << QStringLiteral("Hiç yok=1,Düşük") << QStringLiteral("needs") << QStringLiteral("\"Düşük\"");
        QTest::newRow("level 7") << QStringLiteral("Hiç yok=7") << QStringLiteral("needs") << QStringLiteral("\"7\"");
        QTest::newRow("empty") << QString() << QStringLiteral("needs") << QStringLiteral("empty");
        QTest::newRow("not needs") << QStringLiteral("Orta=3") << QStringLiteral("teachers") << QStringLiteral("needs");
    }
    void malformedScaleIsAUsageError()
    {
        QFETCH(QString, scale);
        QFETCH(QString, kind);
        QFETCH(QString, problem);
        const QString file = write(QStringLiteral("n.csv"), QByteArray("TC Kimlik No;ELK01\n10000000146;Orta\n"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("import"), m_db, kind, file, QStringLiteral("--scale"), scale }, &out, &err), 2);
        QVERIFY2(err.startsWith(QStringLiteral("kopru-cli: --scale")) && err.contains(problem), qPrintable(err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("too few") << QStringList { QStringLiteral("import"), QStringLiteral("x.kopru") };
        QTest::newRow("unknown kind") << QStringList { QStringLiteral("import"), QStringLiteral("DB"), QStringLiteral("pupils"),
            QStringLiteral("f.csv") };
        QTest::newRow("missing file") << QStringList { QStringLiteral("import"), QStringLiteral("DB"), QStringLiteral("teachers"),
            QStringLiteral("/nonexistent/f.csv") };
        QTest::newRow("unknown option") << QStringList { QStringLiteral("import"), QStringLiteral("DB"),
            QStringLiteral("teachers"), QStringLiteral("f.csv"), QStringLiteral("--fast") };
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("DB"), m_db);
        QString out, err;
        QCOMPARE(runCli(args, &out, &err), 2);
        QVERIFY(!err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
