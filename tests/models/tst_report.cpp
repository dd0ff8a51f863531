// SPDX-License-Identifier: GPL-3.0-or-later
// The needs report: several A4 pages, field name with Turkish characters and
// competency titles extractable as text, refusal of bad input, both through
// kopru-cli report and the builder the page uses. The Quality Advisory Board
// report: its PDF in Turkish and English, its XLSX cells against the computed
// indicators, a bad period refused with nothing written.
#include "models/demo/demogenerator.h"
#include "models/io/xlsxreader.h"
#include "models/quality/qualityindicators.h"
#include "models/report/needsreport.h"
#include "models/report/qualityreport.h"
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

// The rows of an XLSX sheet as cells (the reader takes row 1, the title, as its header).
std::vector<QStringList> sheetRows(const QString &path, const QString &sheet)
{
    std::vector<QStringList> rows;
    auto table = XlsxReader::read(path, sheet);
    if (!table) {
        qWarning("%s", qPrintable(table.message()));
        return rows;
    }
    for (const SourceRow &r : table->rows)
        rows.push_back(r.cells());
    return rows;
}

// An XLSX number cell (read back as text) against a computed figure; empty = NaN.
bool sameNumber(const QString &cell, double expected)
{
    if (std::isnan(expected))
        return cell.isEmpty();
    bool ok = false;
    const double v = cell.toDouble(&ok);
    return ok && std::abs(v - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
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

    void qualityReportTurkishPdfAndXlsx()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
        const QString pdf = m_dir.filePath(QStringLiteral("board.pdf"));
        const QString xlsx = m_dir.filePath(QStringLiteral("board.xlsx"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("quality-report"), m_db, QStringLiteral("--period"), QStringLiteral("2027H1"),
                                  QStringLiteral("--out"), pdf, QStringLiteral("--xlsx"), xlsx },
                     &out, &err),
            0);
        QVERIFY2(!err.contains(QStringLiteral("kopru-cli:")), qPrintable(err));
        // Title, summary, charts, per-centre and per-field tables, need change per competency.
        QVERIFY2(pageCount(pdf) >= 6, qPrintable(QString::number(pageCount(pdf))));
        const QString text = pdfText(pdf);
        // Turkish by default: the indicator names, headings and the period.
        for (const char *expected : { "Kalite Danışma Kurulu", "2027H1", "Ocak–Haziran 2027", "Katılım", "Tamamlama oranı",
                 "Öğretmen memnuniyeti", "Ayrılma nedenleri", "İhtiyaçtaki azalma", "EQAVET 4a", "2026H2" })
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        QVERIFY(!text.contains(QStringLiteral("Completion rate")));

        // The XLSX: the summary's numbers and every centre's row equal the computed figures.
        auto db = Database::open(m_db);
        QVERIFY(db);
        const quality::Period period = quality::Period::parse(QStringLiteral("2027H1")).value();
        auto centres = quality::computeQualityIndicators(db.value()->connection(), quality::Grouping::Centre, period);
        QVERIFY2(centres, qPrintable(centres.message()));
        const quality::GroupFigures &total = centres->total;
        QVERIFY(total.completed > 0);
        auto sheets = XlsxReader::sheetNames(xlsx);
        QVERIFY2(sheets, qPrintable(sheets.message()));
        QCOMPARE(sheets->size(), 3);
        const std::vector<QStringList> summary = sheetRows(xlsx, sheets->at(0));
        // Rows: notes, header, one per indicator (id in column B, this period in C).
        QCOMPARE(int(summary.size()), 2 + 10);
        std::map<QString, QString> value;
        for (std::size_t i = 2; i < summary.size(); ++i)
            value[summary[i].value(1)] = summary[i].value(2);
        QVERIFY2(sameNumber(value[QStringLiteral("participation")], total.participationRate()),
            qPrintable(value[QStringLiteral("participation")]));
        QVERIFY(sameNumber(value[QStringLiteral("completion_rate")], total.completionRate()));
        QVERIFY(sameNumber(value[QStringLiteral("hours_delivered")], total.hoursRate()));
        QVERIFY(sameNumber(value[QStringLiteral("dropout_reasons")], total.cancelled));
        QVERIFY(sameNumber(value[QStringLiteral("satisfaction_training")], total.training.mean()));
        QVERIFY(sameNumber(value[QStringLiteral("satisfaction_teacher")], total.teacher.mean()));
        QVERIFY(sameNumber(value[QStringLiteral("need_reduction")], total.needChange.change));
        QVERIFY(sameNumber(value[QStringLiteral("partners_active")], total.partnersActive));
        QVERIFY(sameNumber(value[QStringLiteral("partner_repeat_rate")], total.repeatRate()));
        QVERIFY(sameNumber(value[QStringLiteral("high_need_coverage")], total.coverageRate()));
        // The previous period (2026H2) has no placements: no previous value, no change.
        QVERIFY(summary[3].value(3).isEmpty() && summary[3].value(4).isEmpty());

        const std::vector<QStringList> byCentre = sheetRows(xlsx, sheets->at(1));
        QCOMPARE(int(byCentre.size()), 2 + int(centres->groups.size()) + 1);
        for (std::size_t i = 0; i < centres->groups.size(); ++i) {
            const quality::GroupFigures &g = centres->groups[i];
            const QStringList &row = byCentre[2 + i];
            QCOMPARE(row.value(0), g.key);
            QCOMPARE(row.value(2).toInt(), g.surveyed);
            QCOMPARE(row.value(3).toInt(), g.placed);
            QVERIFY(sameNumber(row.value(4), g.participationRate()));
            QCOMPARE(row.value(5).toInt(), g.completed);
            QCOMPARE(row.value(6).toInt(), g.cancelled);
            QVERIFY2(sameNumber(row.value(7), g.completionRate()), qPrintable(row.join(QLatin1Char('|'))));
        }
        QCOMPARE(byCentre.back().value(0), QStringLiteral("total"));
        QCOMPARE(byCentre.back().value(5).toInt(), total.completed);
        auto fields = quality::computeQualityIndicators(db.value()->connection(), quality::Grouping::Field, period);
        QVERIFY(fields);
        QCOMPARE(int(sheetRows(xlsx, sheets->at(2)).size()), 2 + int(fields->groups.size()) + 1);
    }

    void qualityReportEnglishAndXlsxByExtension()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
        const QString pdf = m_dir.filePath(QStringLiteral("board-en.pdf"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("quality-report"), m_db, QStringLiteral("--period"), QStringLiteral("2027"),
                                  QStringLiteral("--out"), pdf, QStringLiteral("--lang"), QStringLiteral("en") },
                     &out, &err),
            0);
        const QString text = pdfText(pdf);
        for (const char *expected : { "Quality Advisory Board report", "Completion rate", "Teachers' satisfaction", "2027",
                 "Indicators per centre", "Indicators per pilot field" })
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        const QString xlsx = m_dir.filePath(QStringLiteral("figures.xlsx"));
        QCOMPARE(test::runCli({ QStringLiteral("quality-report"), m_db, QStringLiteral("--period"), QStringLiteral("2027H1"),
                                  QStringLiteral("--out"), xlsx },
                     &out, &err),
            0);
        auto sheets = XlsxReader::sheetNames(xlsx);
        QVERIFY2(sheets, qPrintable(sheets.message()));
        QCOMPARE(sheets->size(), 3);
    }

    // Half of the first programme's sessions moved six months back (into
    // 2026H2): the summary compares 2027H1 with it, figures and trend.
    void qualityReportComparesWithThePreviousPeriod()
    {
        const QString path = m_dir.filePath(QStringLiteral("shifted.kopru"));
        QVERIFY(QFile::copy(m_db, path));
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        const Status moved = Sql::exec(c,
            QStringLiteral("UPDATE training_session SET start_date = date(start_date, '-6 months'), end_date = "
                           "date(end_date, '-6 months') WHERE id % 2 = 0 AND start_date < '2027-07-01'"));
        QVERIFY2(moved, qPrintable(moved.message()));
        const quality::Period period = quality::Period::parse(QStringLiteral("2027H1")).value();
        auto input = report::collectQualityReport(c, period);
        QVERIFY2(input, qPrintable(input.message()));
        QVERIFY(report::hasPreviousData(input.value()));
        auto before = quality::computeQualityIndicators(c, quality::Grouping::Total, period.previous());
        QVERIFY(before);
        QVERIFY(before->total.completed > 0);
        QCOMPARE(input->previous.total.completed, before->total.completed);
        QCOMPARE(input->byCentre.total.completed + before->total.completed,
            test::scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'")).toInt());

        // The spreadsheet's summary: previous and change as numbers.
        const exporting::TableDocument tables = report::qualityReportTables(input.value());
        const exporting::TableSheet &summary = tables.sheets.front();
        bool seen = false;
        for (const QVariantList &row : summary.rows) {
            if (row.value(1).toString() != QLatin1String("completion_rate"))
                continue;
            seen = true;
            QCOMPARE(row.value(2).toDouble(), input->byCentre.total.completionRate());
            QCOMPARE(row.value(3).toDouble(), before->total.completionRate());
            QCOMPARE(row.value(4).toDouble(), input->byCentre.total.completionRate() - before->total.completionRate());
        }
        QVERIFY(seen);

        // The PDF's summary table: a change with its arrow in percentage points, for every rate.
        const document::Document doc = report::qualityReportDocument(input.value());
        const document::Table *table = nullptr;
        for (const document::Block &b : doc.sections.front().blocks)
            if (b.type == document::Block::Type::Table && !table)
                table = &b.table;
        QVERIFY(table);
        QCOMPARE(int(table->rows.size()), 10);
        const QStringList completion = table->rows[1];
        QCOMPARE(completion.value(0), QStringLiteral("Completion rate"));
        QVERIFY2(completion.value(2) != QStringLiteral("—"), qPrintable(completion.join(QLatin1Char('|'))));
        const double change = (input->byCentre.total.completionRate() - before->total.completionRate()) * 100;
        const QString arrow = std::round(change * 10) > 0 ? QStringLiteral("▲")
            : std::round(change * 10) < 0                 ? QStringLiteral("▼")
                                                          : QStringLiteral("=");
        QVERIFY2(completion.value(3).startsWith(arrow) && completion.value(3).endsWith(QStringLiteral("pp")),
            qPrintable(completion.value(3)));
        QVERIFY2(completion.value(3).contains(QLocale().toString(std::abs(std::round(change * 10) / 10), 'f', 1)),
            qPrintable(completion.value(3)));
    }

    // A period without ended placements: a note instead of empty charts, "—" for every figure.
    void qualityReportOfAnEmptyPeriod()
    {
        auto db = Database::open(m_db);
        QVERIFY(db);
        auto input
            = report::collectQualityReport(db.value()->connection(), quality::Period(2030, quality::Period::Part::FirstHalf));
        QVERIFY2(input, qPrintable(input.message()));
        QVERIFY(!report::hasPreviousData(input.value()));
        const document::Document doc = report::qualityReportDocument(input.value());
        bool note = false, charts = false;
        for (const document::Block &b : doc.sections.front().blocks) {
            note = note || b.text.contains(QStringLiteral("nothing to chart"));
            charts = charts || b.type == document::Block::Type::Chart;
            if (b.type == document::Block::Type::Table && b.table.columns.size() == 6)
                for (const QStringList &row : b.table.rows)
                    if (row.value(0) == QLatin1String("Completion rate"))
                        QCOMPARE(row.value(1), QStringLiteral("—"));
        }
        QVERIFY(note);
        QVERIFY(!charts);
    }

    void qualityReportBadInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("inMessage");
        const QString out = m_dir.filePath(QStringLiteral("bad.pdf"));
        QTest::newRow("period H3") << QStringList { QStringLiteral("--period"), QStringLiteral("2027H3"), QStringLiteral("--out"),
            out } << QStringLiteral("2027H3");
        QTest::newRow("period text") << QStringList { QStringLiteral("--period"), QStringLiteral("spring"),
            QStringLiteral("--out"), out }
                                     << QStringLiteral("spring");
        QTest::newRow("language") << QStringList { QStringLiteral("--period"), QStringLiteral("2027H1"), QStringLiteral("--out"),
            out, QStringLiteral("--lang"), QStringLiteral("de") }
                                  << QStringLiteral("de");
        QTest::newRow("extension") << QStringList { QStringLiteral("--period"), QStringLiteral("2027H1"), QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("bad.docx")) }
                                   << QStringLiteral("bad.docx");
        QTest::newRow("no --period") << QStringList { QStringLiteral("--out"), out } << QStringLiteral("usage");
        QTest::newRow("unwritable") << QStringList { QStringLiteral("--period"), QStringLiteral("2027H1"),
            QStringLiteral("--out"), m_dir.filePath(QStringLiteral("missing/dir/r.pdf")) }
                                    << QStringLiteral("missing/dir");
    }
    void qualityReportBadInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, inMessage);
        QString out, err;
        QCOMPARE(test::runCli(QStringList { QStringLiteral("quality-report"), m_db } + args, &out, &err), 2);
        QVERIFY2(err.contains(inMessage), qPrintable(err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.pdf"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.docx"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing"))));
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
