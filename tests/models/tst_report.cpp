// SPDX-License-Identifier: GPL-3.0-or-later
// The needs report: several A4 pages, field name with Turkish characters and
// competency titles extractable as text, refusal of bad input, both through
// kopru-cli report and the builder the page uses.
#include "models/demo/demogenerator.h"
#include "models/report/needsreport.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace kopru;

namespace {

// Output of a poppler tool, or a null string when it is not installed.
QString poppler(const QString &tool, const QStringList &args)
{
    if (QStandardPaths::findExecutable(tool).isEmpty())
        return {};
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString &pdf)
{
    const QString info = poppler(QStringLiteral("pdfinfo"), { pdf });
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// pdftotext flows text in reading order but may break lines; compare without line breaks.
QString pdfText(const QString &pdf)
{
    return poppler(QStringLiteral("pdftotext"), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-") })
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("demo.kopru"));
        auto db = test::newDatabase(m_db);
        QVERIFY(db);
        DemoGenerator::Options o;
        o.teachers = 1500;
        o.partners = 150;
        o.minPlaces = 300;
        auto summary = DemoGenerator::generate(db->connection(), o);
        QVERIFY2(summary, qPrintable(summary.message()));
    }

    void cliReport()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
        const QString pdf = m_dir.filePath(QStringLiteral("BIL.pdf"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("report"), m_db, QStringLiteral("--field"), QStringLiteral("BIL"),
                                  QStringLiteral("--out"), pdf },
                     &out, &err),
            0);
        QVERIFY2(!err.contains(QStringLiteral("kopru-cli:")), qPrintable(err)); // Qt may warn about XDG_RUNTIME_DIR
        QVERIFY(QFile::exists(pdf));
        QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));
        // Title, summary, 2 + 2 chart pages (40 competencies in two parts), supply, provinces, tables.
        QVERIFY2(pageCount(pdf) >= 8, qPrintable(QString::number(pageCount(pdf))));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Bilişim Teknolojileri")), qPrintable(text.left(2000)));
        auto db = Database::open(m_db);
        QVERIFY(db);
        // The top competency's title (English UI under the test's C locale) appears in the text.
        const QString title = test::scalar(db.value()->connection(),
            QStringLiteral("SELECT title_en FROM competency c JOIN field f ON f.id = c.field_id "
                           "WHERE f.code = 'BIL' ORDER BY c.code LIMIT 1"))
                                  .toString();
        QVERIFY(!title.isEmpty());
        QVERIFY2(text.contains(title), qPrintable(title));
        QVERIFY(text.contains(QStringLiteral("Unmet needs")));
    }

    void turkishReportHasTurkishTitles()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
        const QString pdf = m_dir.filePath(QStringLiteral("MOB.pdf"));
        auto db = Database::open(m_db);
        QVERIFY(db);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey)); // titles follow the UI language
        auto input = report::collectNeedsReport(db.value()->connection(), QStringLiteral("MOB"));
        QVERIFY2(input, qPrintable(input.message()));
        const Status written = report::writeNeedsReport(input.value(), pdf);
        QLocale::setDefault(previous);
        QVERIFY2(written, qPrintable(written.message()));
        QVERIFY(pageCount(pdf) >= 5);
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Mobilya ve İç Mekân Tasarımı")));
        const QString title = input->field.competencies.front().titleTr;
        QVERIFY2(text.contains(title), qPrintable(title));
        // Dates in the Turkish long format, e.g. "25 Kasım 2026 Çarşamba".
        QVERIFY(text.contains(QLocale(QLocale::Turkish).toString(input->date, QLocale::LongFormat)));
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("inMessage");
        const QString out = m_dir.filePath(QStringLiteral("bad.pdf"));
        QTest::newRow("unknown field") << QStringList { QStringLiteral("--field"), QStringLiteral("ZZZ"), QStringLiteral("--out"),
            out } << QStringLiteral("ZZZ");
        QTest::newRow("no --out") << QStringList { QStringLiteral("--field"), QStringLiteral("BIL") } << QStringLiteral("usage");
        QTest::newRow("unwritable") << QStringList { QStringLiteral("--field"), QStringLiteral("BIL"), QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("missing/dir/r.pdf")) }
                                    << QStringLiteral("missing/dir");
    }
    void badInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, inMessage);
        QString out, err;
        QCOMPARE(test::runCli(QStringList { QStringLiteral("report"), m_db } + args, &out, &err), 2);
        QVERIFY2(err.contains(inMessage), qPrintable(err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.pdf"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing"))));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
