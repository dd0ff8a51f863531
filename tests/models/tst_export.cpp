// SPDX-License-Identifier: GPL-3.0-or-later
// Exports of the placement plan, schedule and needs analysis, read back and
// compared with the database: CSV through the project's CSV reader, XLSX
// (written by libxlsxwriter) through the project's zip reader + XML (cell
// types, frozen pane, auto-filter) and its XLSX reader, PDF through pdftotext,
// iCalendar parsed by hand.
#include "models/domain/nationalid.h"
#include "models/export/exporter.h"
#include "models/export/icswriter.h"
#include "models/export/pseudonymiser.h"
#include "models/export/xlsxexport.h"
#include "models/io/csvreader.h"
#include "models/io/tablereader.h"
#include "models/io/xlsxreader.h"
#include "models/io/zipreader.h"
#include "tests/common/testutil.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <limits>

using namespace kopru;
using namespace kopru::exporting;

namespace {

const QString kEvilName = QStringLiteral("=HYPERLINK(\"x\")");

QString nid(const char *nine)
{
    return NationalId::withCheckDigits(QString::fromLatin1(nine));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Unfolds RFC 5545 content lines.
QStringList icsLines(const QByteArray &bytes)
{
    QByteArray unfolded = bytes;
    unfolded.replace("\r\n ", "");
    QStringList lines = QString::fromUtf8(unfolded).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// One part of an .xlsx, read with the same minizip libxlsxwriter wrote it with.
QByteArray zipEntry(const QString &zipPath, const QString &entry)
{
    auto bytes = readZipEntry(zipPath, entry);
    if (!bytes.ok())
        qWarning("%s", qPrintable(bytes.message()));
    return bytes.ok() ? bytes.value() : QByteArray();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_dbPath;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QSqlDatabase db() const { return m_db->connection(); }

    void exec(const QString &sql, std::initializer_list<QVariant> bindings = {})
    {
        const Status s = Sql::exec(db(), sql, bindings);
        QVERIFY2(s.ok(), qPrintable(s.message() + QStringLiteral(" in ") + sql));
    }
    int lastId() { return test::scalar(db(), QStringLiteral("SELECT last_insert_rowid()")).toInt(); }

    Expected<ExportSummary> run(Kind kind, Format format, const QString &out, ExportScope scope = {}, bool anonymize = false)
    {
        ExportRequest r;
        r.kind = kind;
        r.format = format;
        r.outPath = out;
        r.scope = scope;
        r.anonymize = anonymize;
        return runExport(db(), r, false);
    }

    // The plan rows the database holds (not cancelled), by national ID.
    QHash<QString, QStringList> expectedPlan()
    {
        QSqlQuery q(db());
        q.exec(QStringLiteral(
            "SELECT t.national_id, t.first_name || ' ' || t.last_name, s.name, pa.name, ts.start_date, ts.end_date, p.status "
            "FROM placement p JOIN teacher t ON t.id = p.teacher_id JOIN training_session ts ON ts.id = p.session_id "
            "JOIN partner pa ON pa.id = ts.partner_id JOIN school s ON s.id = t.school_id WHERE p.status <> 'cancelled'"));
        QHash<QString, QStringList> rows;
        while (q.next())
            rows.insert(q.value(0).toString(),
                { q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                    q.value(5).toString(), q.value(6).toString() });
        return rows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = path(QStringLiteral("export.kopru"));
        m_db = test::newDatabase(m_dbPath);
        QVERIFY(m_db);
        const int bil = test::scalar(db(), QStringLiteral("SELECT id FROM field WHERE code = 'BIL'")).toInt();
        QVERIFY(bil > 0);
        exec(QStringLiteral("INSERT INTO school(name, province_id, district) VALUES ('Ankara Gazi MTAL', 6, 'Yenimahalle')"));
        const int school = lastId();
        // Teachers: an ordinary one, one with a formula-like name, one with a separator and quotes, one cancelled.
        const QString teacherSql = QStringLiteral(
            "INSERT INTO teacher(national_id, first_name, last_name, field_id, school_id, province_id, centre_id, email, phone) "
            "VALUES (?, ?, ?, ?, ?, 6, ?, ?, ?)");
        exec(teacherSql,
            { nid("100000001"), QStringLiteral("Ayşe"), QStringLiteral("Yılmaz"), bil, school, 2,
                QStringLiteral("ayse.yilmaz@example.org"), QStringLiteral("05321234567") });
        const int t1 = lastId();
        exec(teacherSql,
            { nid("200000002"), kEvilName, QStringLiteral("+Çelik"), bil, school, 2, QStringLiteral("evil@example.org"),
                QStringLiteral("+905551112233") });
        const int t2 = lastId();
        exec(teacherSql,
            { nid("300000003"), QStringLiteral("İsmail"), QStringLiteral("Öztürk; \"Jr\""), bil, school, 9, QString(""),
                QStringLiteral("05001112233") });
        const int t3 = lastId();
        exec(teacherSql,
            { nid("400000004"), QStringLiteral("Cancelled"), QStringLiteral("Person"), bil, school, 2, QString(""),
                QString("") });
        const int t4 = lastId();

        exec(QStringLiteral(
                 "INSERT INTO competency(field_id, code, title_tr, title_en) VALUES (?, 'C1', 'Ağ kurulumu', 'Networking')"),
            { bil });
        const int c1 = lastId();
        exec(QStringLiteral(
                 "INSERT INTO competency(field_id, code, title_tr, title_en) VALUES (?, 'C2', 'Veritabanı', 'Databases')"),
            { bil });
        const int c2 = lastId();
        exec(QStringLiteral(
                 "INSERT INTO competency(field_id, code, title_tr, title_en) VALUES (?, 'C3', 'Siber güvenlik', 'Security')"),
            { bil });
        const int c3 = lastId();

        exec(QStringLiteral("INSERT INTO partner(name, province_id, district, address, contact_person, phone, email) "
                            "VALUES ('Çözüm Bilişim A.Ş.', 6, 'Çankaya', 'Atatürk Bulvarı No: 1, Kat 3', 'Mehmet Demir', "
                            "'03121112233', 'info@cozum.example')"));
        const int p1 = lastId();
        exec(QStringLiteral("INSERT INTO partner(name, province_id, address, contact_person, phone, email) "
                            "VALUES ('@Evil, Inc.', 34, 'Line one\nLine two', '-Contact', '02120000000', 'evil@evil.example')"));
        const int p2 = lastId();
        exec(QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, hours, capacity) "
                            "VALUES (?, ?, '2027-06-14', '2027-06-25', 80, 3)"),
            { p1, bil });
        const int s1 = lastId();
        exec(QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, hours, capacity) "
                            "VALUES (?, ?, '2027-09-06', '2027-09-17', 40, 2)"),
            { p2, bil });
        const int s2 = lastId();
        for (const auto &[s, c] : { std::pair { s1, c1 }, std::pair { s1, c2 }, std::pair { s2, c3 } })
            exec(QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"), { s, c });
        exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status) VALUES (?, ?, 'confirmed')"), { t1, s1 });
        exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status) VALUES (?, ?, 'proposed')"), { t2, s1 });
        exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status) VALUES (?, ?, 'proposed')"), { t3, s2 });
        exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status) VALUES (?, ?, 'cancelled')"), { t4, s2 });
        // Needs: C1 rated 5, 4, 2 (mean 3.67, high need 2 of 3); C2 one "not applicable" and a 3.
        const QString rating = QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (?, ?, ?)");
        exec(rating, { t1, c1, 5 });
        exec(rating, { t2, c1, 4 });
        exec(rating, { t3, c1, 2 });
        exec(rating, { t1, c2, QVariant() });
        exec(rating, { t2, c2, 3 });
    }

    void csvPlanReadsBackAsTheDatabase()
    {
        const QString out = path(QStringLiteral("plan.csv"));
        auto summary = run(Kind::Plan, Format::Csv, out);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().rows, 3);
        const QByteArray bytes = readAll(out);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("\r\n"));
        QVERIFY(!bytes.contains(QByteArray("Person"))); // the cancelled placement
        QCOMPARE(bytes.count('\n'), bytes.count("\r\n") + 1); // the partner address holds the only bare LF (quoted)

        CsvReader::Options options;
        options.fileName = out;
        auto read = CsvReader::read(bytes, options);
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QCOMPARE(read.value().delimiter, QLatin1Char(';'));
        const SourceTable &table = read.value().table;
        const QStringList header = table.header;
        QCOMPARE(header.first(), QStringLiteral("Centre"));
        const int cName = header.indexOf(QStringLiteral("Teacher")), cId = header.indexOf(QStringLiteral("National ID")),
                  cSchool = header.indexOf(QStringLiteral("School")), cPartner = header.indexOf(QStringLiteral("Partner")),
                  cStart = header.indexOf(QStringLiteral("Start")), cEnd = header.indexOf(QStringLiteral("End")),
                  cStatus = header.indexOf(QStringLiteral("Status")), cComp = header.indexOf(QStringLiteral("Competencies"));
        QVERIFY(
            cName >= 0 && cId >= 0 && cSchool >= 0 && cPartner >= 0 && cStart >= 0 && cEnd >= 0 && cStatus >= 0 && cComp >= 0);

        const auto expected = expectedPlan();
        QCOMPARE(int(table.rows.size()), expected.size());
        for (const SourceRow &row : table.rows) {
            const QString id = row.cell(cId);
            QVERIFY2(expected.contains(id), qPrintable(id));
            const QStringList e = expected.value(id);
            QString name = row.cell(cName);
            if (name.startsWith(QLatin1Char('\''))) // neutralised formula
                name.remove(0, 1);
            QCOMPARE(name, e.at(0));
            QCOMPARE(row.cell(cSchool), e.at(1));
            QCOMPARE(row.cell(cPartner).remove(0, row.cell(cPartner).startsWith(QLatin1Char('\'')) ? 1 : 0), e.at(2));
            QCOMPARE(row.cell(cStart), e.at(3));
            QCOMPARE(row.cell(cEnd), e.at(4));
            QCOMPARE(row.cell(cStatus), e.at(5));
        }
        // Sorted by centre (Denizyıldızları before Gazi), competencies listed per session.
        QCOMPARE(table.rows.front().cell(0), QStringLiteral("Denizyıldızları MTAL"));
        QCOMPARE(table.rows.back().cell(cComp), QStringLiteral("C1, C2"));
    }

    void formulaLikeCellsStayInertInCsv()
    {
        const QByteArray bytes = readAll(path(QStringLiteral("plan.csv")));
        QVERIFY(!bytes.isEmpty());
        // Quoted because of the inner quotes; starts with an apostrophe so no spreadsheet runs it.
        QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"x\"\") +Çelik\""));
        QVERIFY(bytes.contains(";'@Evil, Inc.;"));
        QVERIFY(bytes.contains(";'-Contact;"));
        QVERIFY(!bytes.contains(";=HYPERLINK"));
        QVERIFY(!bytes.contains("\";=") && !bytes.contains(";+90"));
    }

    void anonymisedCsvHasNoPersonalData()
    {
        const QString a = path(QStringLiteral("anon1.csv")), b = path(QStringLiteral("anon2.csv"));
        QVERIFY(run(Kind::Plan, Format::Csv, a, {}, true).ok());
        QVERIFY(run(Kind::Plan, Format::Csv, b, {}, true).ok());
        const QByteArray bytes = readAll(a);
        QCOMPARE(bytes, readAll(b)); // pseudonyms are stable
        const QString text = QString::fromUtf8(bytes);
        for (const QString &personal : { QStringLiteral("Ayşe"), QStringLiteral("Yılmaz"), QStringLiteral("HYPERLINK"),
                 QStringLiteral("İsmail"), nid("100000001"), nid("200000002"), QStringLiteral("@example.org"),
                 QStringLiteral("05321234567"), QStringLiteral("03121112233"), QStringLiteral("info@cozum.example") })
            QVERIFY2(!text.contains(personal), qPrintable(personal));
        QVERIFY(text.contains(QStringLiteral("Teacher (pseudonym)")));
        QVERIFY(!text.contains(QStringLiteral("E-mail")) && !text.contains(QStringLiteral("Phone")));
        const Pseudonymiser p = Pseudonymiser::forDatabase(db(), false).value();
        QVERIFY(text.contains(p.name(nid("100000001"))));
        QVERIFY(text.contains(p.code(nid("300000003"))));
        QVERIFY(p.code(nid("100000001")) != p.code(nid("200000002")));
        QCOMPARE(
            test::scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export_pseudonym_key'")).toInt(),
            1);
        // Another key gives other pseudonyms: they are keyed, not a plain hash of the ID.
        QVERIFY(Pseudonymiser(QByteArray(32, 'k')).code(nid("100000001")) != p.code(nid("100000001")));
    }

    void xlsxPlanStructure()
    {
        const QString out = path(QStringLiteral("plan.xlsx"));
        auto summary = run(Kind::Plan, Format::Xlsx, out);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().sheets, 2);
        auto names = XlsxReader::sheetNames(out);
        QVERIFY2(names.ok(), qPrintable(names.message()));
        QCOMPARE(names.value(), (QStringList { QStringLiteral("Denizyıldızları MTAL"), QStringLiteral("Gazi MTAL") }));

        // Values through the project's XLSX reader: title, notes, header, then one row per placement.
        auto gazi = XlsxReader::read(out, QStringLiteral("Gazi MTAL"));
        QVERIFY2(gazi.ok(), qPrintable(gazi.message()));
        const SourceTable &t = gazi.value();
        QCOMPARE(int(t.rows.size()), 1 /* notes */ + 1 /* header */ + 2);
        const QStringList header = t.rows[1].cells();
        QCOMPARE(t.rows[1].line, kXlsxHeaderRow + 1);
        const int cId = header.indexOf(QStringLiteral("National ID")), cStart = header.indexOf(QStringLiteral("Start")),
                  cHours = header.indexOf(QStringLiteral("Hours")), cName = header.indexOf(QStringLiteral("Teacher"));
        const auto expected = expectedPlan();
        QSet<QString> names2;
        for (std::size_t r = 2; r < t.rows.size(); ++r) {
            const SourceRow &row = t.rows[r];
            QVERIFY(expected.contains(row.cell(cId)));
            QCOMPARE(row.cell(cName), expected.value(row.cell(cId)).at(0)); // written verbatim as a string
            QCOMPARE(row.cell(cStart), QStringLiteral("2027-06-14")); // a real date (date format)
            QCOMPARE(row.cell(cHours), QStringLiteral("80"));
            names2 << row.cell(cName);
        }
        QVERIFY(names2.contains(kEvilName + QStringLiteral(" +Çelik")));

        const QByteArray sheet = zipEntry(out, QStringLiteral("xl/worksheets/sheet2.xml"));
        QVERIFY(!sheet.isEmpty());
        QVERIFY(!sheet.contains("<f>")); // no formulas anywhere
        QXmlStreamReader xml(sheet);
        bool frozen = false;
        QString filter;
        QHash<QString, QString> cellType; // A4 → "s"
        QHash<QString, QString> cellStyle;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto a = xml.attributes();
            if (xml.name() == QLatin1String("pane"))
                frozen = a.value(QLatin1String("state")) == QLatin1String("frozen")
                    && a.value(QLatin1String("ySplit")) == QLatin1String("3")
                    && a.value(QLatin1String("topLeftCell")) == QLatin1String("A4");
            else if (xml.name() == QLatin1String("autoFilter"))
                filter = a.value(QLatin1String("ref")).toString();
            else if (xml.name() == QLatin1String("c")) {
                cellType.insert(a.value(QLatin1String("r")).toString(), a.value(QLatin1String("t")).toString());
                cellStyle.insert(a.value(QLatin1String("r")).toString(), a.value(QLatin1String("s")).toString());
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(frozen);
        const QChar lastCol = QChar(char16_t(u'A' + header.size() - 1));
        QCOMPARE(filter, QStringLiteral("A3:%1%2").arg(lastCol).arg(5));
        const auto col = [](int index) { return QString(QChar(char16_t(u'A' + index))); };
        const QString idCol = col(cId), nameCol = col(cName), startCol = col(cStart), hoursCol = col(cHours);
        for (int row : { 4, 5 }) {
            QCOMPARE(cellType.value(idCol + QString::number(row)), QStringLiteral("s")); // national ID as text
            QCOMPARE(cellType.value(nameCol + QString::number(row)), QStringLiteral("s")); // the formula-like name as text
            QCOMPARE(cellType.value(startCol + QString::number(row)), QString()); // a number (date serial)
            QVERIFY(!cellStyle.value(startCol + QString::number(row)).isEmpty()); // with a date format
            QCOMPARE(cellType.value(hoursCol + QString::number(row)), QString());
        }
        const QByteArray shared = zipEntry(out, QStringLiteral("xl/sharedStrings.xml"));
        QVERIFY(shared.contains("=HYPERLINK(&quot;x&quot;) +Çelik") || shared.contains("=HYPERLINK(\"x\") +Çelik"));
        const QByteArray styles = zipEntry(out, QStringLiteral("xl/styles.xml"));
        QVERIFY(styles.contains("formatCode=\"dd.mm.yyyy\""));
        // Page setup: A4 landscape.
        QVERIFY2(sheet.contains("paperSize=\"9\"") && sheet.contains("orientation=\"landscape\""), sheet.right(600).constData());
        // Column widths from the document.
        QVERIFY(sheet.contains("<cols>") && sheet.contains("customWidth=\"1\""));
    }

    void anonymisedXlsxSaysSoAndHasNoNames()
    {
        const QString out = path(QStringLiteral("anon.xlsx"));
        QVERIFY(run(Kind::Plan, Format::Xlsx, out, {}, true).ok());
        auto table = XlsxReader::read(out, QStringLiteral("Gazi MTAL"));
        QVERIFY2(table.ok(), qPrintable(table.message()));
        const SourceTable &t = table.value();
        QVERIFY(t.rows.size() >= 2);
        QVERIFY2(t.rows[0].cell(0).contains(QStringLiteral("Anonymised export (KVKK)")), qPrintable(t.rows[0].cell(0)));
        QVERIFY(t.rows[1].cells().contains(QStringLiteral("National ID (pseudonym)")));
        QVERIFY(!t.rows[1].cells().contains(QStringLiteral("E-mail"))
            && !t.rows[1].cells().contains(QStringLiteral("Contact phone")));
        for (const SourceRow &row : t.rows)
            for (const QString &cell : row.cells())
                QVERIFY2(!cell.contains(QStringLiteral("Ayşe")) && !cell.contains(QStringLiteral("HYPERLINK"))
                        && !cell.contains(nid("100000001")) && !cell.contains(QLatin1Char('@')),
                    qPrintable(cell));
    }

    // The scenario that crashed while QuaZip brought its own minizip next to
    // the one libxlsxwriter links: write with libxlsxwriter and read the same
    // file back with the XLSX reader, in one process, again and again.
    void xlsxWriteAndReadInOneProcessRepeatedly()
    {
        const QString out = path(QStringLiteral("repeat.xlsx"));
        const auto expected = expectedPlan();
        for (int round = 0; round < 3; ++round) {
            auto summary = run(Kind::Plan, Format::Xlsx, out);
            QVERIFY2(summary.ok(), qPrintable(summary.message()));
            auto names = XlsxReader::sheetNames(out);
            QVERIFY2(names.ok(), qPrintable(names.message()));
            QCOMPARE(names.value().size(), 2);
            int rows = 0;
            for (const QString &sheet : names.value()) {
                auto t = XlsxReader::read(out, sheet);
                QVERIFY2(t.ok(), qPrintable(t.message()));
                QVERIFY(t->rows.size() >= 2);
                const int cId = int(t->rows[1].cells().indexOf(QStringLiteral("National ID")));
                QVERIFY(cId >= 0);
                for (std::size_t r = 2; r < t->rows.size(); ++r, ++rows)
                    QVERIFY2(expected.contains(t->rows[r].cell(cId)), qPrintable(t->rows[r].cell(cId)));
            }
            QCOMPARE(rows, expected.size());
            // The import's own reader takes the workbook too (by content, not by name).
            TableReader::Options options;
            options.sheet = QStringLiteral("Gazi MTAL");
            auto imported = TableReader::read(out, options);
            QVERIFY2(imported.ok(), qPrintable(imported.message()));
            QVERIFY(imported->workbook);
            QCOMPARE(imported->sheets, names.value());
            QVERIFY2(imported->table.header.value(0).contains(QStringLiteral("Gazi MTAL")),
                qPrintable(imported->table.header.value(0)));
            QVERIFY(zipEntry(out, QStringLiteral("xl/workbook.xml")).contains("Denizy"));
        }
        const QStringList leftovers
            = QDir(m_dir.path()).entryList({ QStringLiteral(".*.tmp"), QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QStringLiteral(", "))));
    }

    // Cell values libxlsxwriter must not get wrong, read back with the XLSX reader.
    void xlsxCellEdgeCases()
    {
        TableDocument doc;
        doc.title = QStringLiteral("Edge cases");
        doc.notes = { QStringLiteral("note") };
        doc.columns = { { QStringLiteral("Text"), ColumnType::Text, 30 }, { QStringLiteral("ID"), ColumnType::Identifier, 14 },
            { QStringLiteral("Date"), ColumnType::Date, 12 }, { QStringLiteral("N"), ColumnType::Integer, 6 },
            { QStringLiteral("D"), ColumnType::Decimal, 8 }, { QStringLiteral("P"), ColumnType::Percent, 8 } };
        // Longer than Excel's 32,767 characters per cell, a surrogate pair across the cut.
        const QString emoji = QStringLiteral("\U0001F600");
        const QString longText = QString(32765, QLatin1Char('x')) + emoji + QString(100, QLatin1Char('y'));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        TableSheet sheet { QStringLiteral("Şube: [1]/2"), QStringLiteral("Şube"), {}, {} };
        sheet.rows.push_back({ QStringLiteral("=1+1"), QStringLiteral("01234567890"), QDate(1900, 3, 1), 42, 2.5, 0.125 });
        sheet.rows.push_back({ QString(QStringLiteral("a\r\nb\rc") + QChar(1) + QStringLiteral("d\te")),
            QStringLiteral("+905551112233"), QDate(1850, 1, 2), QVariant(), nan, std::numeric_limits<double>::infinity() });
        sheet.rows.push_back({ longText, QString(), QDate(2027, 6, 14), qint64(10000000146), -0.5, 1.0 });
        doc.sheets.push_back(sheet);
        const QString out = path(QStringLiteral("edge.xlsx"));
        const Status s = writeXlsx(doc, out);
        QVERIFY2(s.ok(), qPrintable(s.message()));

        QCOMPARE(XlsxReader::sheetNames(out).value(), QStringList { QStringLiteral("Şube 1 2") });
        auto t = XlsxReader::read(out);
        QVERIFY2(t.ok(), qPrintable(t.message()));
        QCOMPARE(t->header, QStringList { QStringLiteral("Edge cases — Şube") });
        QCOMPARE(int(t->rows.size()), 2 + 3);
        QCOMPARE(t->rows[2].cells(),
            (QStringList { QStringLiteral("=1+1"), QStringLiteral("01234567890"), QStringLiteral("1900-03-01"),
                QStringLiteral("42"), QStringLiteral("2.5"), QStringLiteral("0.125") }));
        QCOMPARE(t->rows[3].cells(),
            (QStringList { QStringLiteral("a\nb\ncd\te"), QStringLiteral("+905551112233"), QStringLiteral("02.01.1850") }));
        const QString cut = t->rows[4].cell(0);
        QCOMPARE(cut, QString(32765, QLatin1Char('x')) + QChar(0x2026)); // cut before the pair, not through it
        QCOMPARE(t->rows[4].cells().mid(2),
            (QStringList {
                QStringLiteral("2027-06-14"), QStringLiteral("10000000146"), QStringLiteral("-0.5"), QStringLiteral("1") }));
        const QByteArray xml = zipEntry(out, QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY(!xml.contains("<f>"));
        QVERIFY(!zipEntry(out, QStringLiteral("xl/sharedStrings.xml")).contains("_x00"));
    }

    // A failed export leaves the file that was there; errors name the file.
    void failedXlsxLeavesTheOldFile()
    {
        TableDocument small;
        small.title = QStringLiteral("Small");
        small.columns = { { QStringLiteral("A"), ColumnType::Text, 10 } };
        small.sheets.push_back(TableSheet { QStringLiteral("One"), QStringLiteral("One"), { { QStringLiteral("first") } }, {} });
        const QString out = path(QStringLiteral("keep.xlsx"));
        QVERIFY(writeXlsx(small, out).ok());
        const QByteArray before = readAll(out);
        QVERIFY(!before.isEmpty());

        TableDocument tooWide = small; // more columns than a worksheet holds
        tooWide.columns.resize(16385);
        Status s = writeXlsx(tooWide, out);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().file, out);
        QVERIFY2(s.error().message.contains(QStringLiteral("One")), qPrintable(s.message()));
        QCOMPARE(readAll(out), before);

        const QString nowhere = path(QStringLiteral("no/such/folder/x.xlsx"));
        s = writeXlsx(small, nowhere);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().file, nowhere);
        QVERIFY(!QFile::exists(nowhere));

        // A successful export replaces the file.
        small.sheets[0].rows[0][0] = QStringLiteral("second");
        QVERIFY(writeXlsx(small, out).ok());
        QCOMPARE(XlsxReader::read(out)->rows[1].cell(0), QStringLiteral("second"));
        const QStringList leftovers
            = QDir(m_dir.path()).entryList({ QStringLiteral(".*.tmp"), QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QStringLiteral(", "))));
    }

    void xlsxSheetNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Gazi MTAL") << QStringList() << QStringLiteral("Gazi MTAL");
        QTest::newRow("forbidden") << QStringLiteral("A/B: [C]?") << QStringList() << QStringLiteral("A B C");
        QTest::newRow("long") << QStringLiteral("İnegöl Hacı Sevim Yıldız Mobilya ve İç Mekân Tasarımı Teknolojisi MTAL")
                              << QStringList() << QStringLiteral("İnegöl Hacı Sevim Yıldız Mobily");
        QTest::newRow("duplicate") << QStringLiteral("Gazi MTAL") << QStringList { QStringLiteral("gazi mtal") }
                                   << QStringLiteral("Gazi MTAL (2)");
        QTest::newRow("empty") << QString() << QStringList() << QStringLiteral("Sheet");
        QTest::newRow("reserved") << QStringLiteral("history") << QStringList() << QStringLiteral("history (2)");
        QTest::newRow("pair at the cut") << QString(30, QLatin1Char('a')) + QStringLiteral("\U0001F600") << QStringList()
                                         << QString(30, QLatin1Char('a'));
    }
    void xlsxSheetNames()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, taken);
        QFETCH(QString, expected);
        const QString got = xlsxSheetName(name, taken);
        QCOMPARE(got, expected);
        QVERIFY(got.size() <= 31);
    }

    void pdfPlanHasNamesAndPageNumbers()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString out = path(QStringLiteral("plan.pdf"));
        auto summary = run(Kind::Plan, Format::Pdf, out);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().pages, 2); // one section (page) per centre
        QVERIFY(readAll(out).startsWith("%PDF"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext not installed");
        QProcess p;
        p.start(pdftotext, { QStringLiteral("-layout"), out, QStringLiteral("-") });
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &expected :
            { QStringLiteral("Ayşe Yılmaz"), QStringLiteral("İsmail Öztürk; \"Jr\""), kEvilName, nid("100000001"),
                QStringLiteral("Çözüm Bilişim A.Ş."), QStringLiteral("Gazi MTAL"), QStringLiteral("Denizyıldızları MTAL"),
                QStringLiteral("Page 1/2"), QStringLiteral("Page 2/2"), QStringLiteral("14.06.2027 – 25.06.2027") })
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
        QVERIFY(!text.contains(QStringLiteral("Person")));

        const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        if (!pdfinfo.isEmpty()) {
            p.start(pdfinfo, { out });
            QVERIFY(p.waitForFinished(30000));
            const QString info = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+84[12](\\.\\d+)? x 595"))),
                qPrintable(info)); // A4 landscape
        }
    }

    void anonymisedPdfHasNoNames()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext not installed");
        const QString out = path(QStringLiteral("anon.pdf"));
        QVERIFY(run(Kind::Schedule, Format::Pdf, out, {}, true).ok());
        QProcess p;
        p.start(pdftotext, { out, QStringLiteral("-") });
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("Anonymised export")));
        QVERIFY(!text.contains(QStringLiteral("Ayşe")) && !text.contains(QStringLiteral("HYPERLINK"))
            && !text.contains(QStringLiteral("03121112233")));
        QVERIFY(text.contains(Pseudonymiser::forDatabase(db(), false).value().name(nid("100000001"))));
    }

    void icsScheduleParsesBack()
    {
        const QString out = path(QStringLiteral("schedule.ics"));
        auto summary = run(Kind::Schedule, Format::Ics, out);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        const QByteArray bytes = readAll(out);
        // Every physical line ends in CRLF and is at most 75 octets.
        QVERIFY(bytes.endsWith("\r\n"));
        for (const QByteArray &physical : bytes.split('\n')) {
            if (physical.isEmpty())
                continue;
            QVERIFY(physical.endsWith('\r'));
            QVERIFY2(physical.size() - 1 <= 75, physical.constData());
        }
        const QStringList lines = icsLines(bytes);
        QCOMPARE(lines.first(), QStringLiteral("BEGIN:VCALENDAR"));
        QCOMPARE(lines.last(), QStringLiteral("END:VCALENDAR"));
        QVERIFY(lines.contains(QStringLiteral("VERSION:2.0")));
        QCOMPARE(lines.count(QStringLiteral("BEGIN:VEVENT")), 2);
        QCOMPARE(lines.count(QStringLiteral("END:VEVENT")), 2);
        // Event by event: all-day dates with the exclusive end, one ATTENDEE per placed teacher.
        QStringList uids;
        int attendees = 0;
        QString start, end;
        QList<std::tuple<QString, QString, int>> events;
        for (const QString &l : lines) {
            if (l == QLatin1String("BEGIN:VEVENT"))
                attendees = 0;
            else if (l.startsWith(QLatin1String("UID:")))
                uids << l;
            else if (l.startsWith(QLatin1String("DTSTART;VALUE=DATE:")))
                start = l.mid(19);
            else if (l.startsWith(QLatin1String("DTEND;VALUE=DATE:")))
                end = l.mid(17);
            else if (l.startsWith(QLatin1String("ATTENDEE")))
                ++attendees;
            else if (l == QLatin1String("END:VEVENT"))
                events.append({ start, end, attendees });
            QVERIFY2(!l.startsWith(QLatin1String("DTSTAMP:"))
                    || QRegularExpression(QStringLiteral("^DTSTAMP:\\d{8}T\\d{6}Z$")).match(l).hasMatch(),
                qPrintable(l));
        }
        QCOMPARE(QSet<QString>(uids.begin(), uids.end()).size(), 2);
        QVERIFY(events.contains(std::tuple { QStringLiteral("20270614"), QStringLiteral("20270626"), 2 }));
        QVERIFY(events.contains(std::tuple { QStringLiteral("20270906"), QStringLiteral("20270918"), 1 }));
        // Escaping: the partner's comma, the address's line break, the name's quote.
        QVERIFY(lines.contains(QStringLiteral("LOCATION:@Evil\\, Inc.\\, Line one\\nLine two\\, İstanbul")));
        QVERIFY(bytes.contains("mailto:ayse.yilmaz@example.org"));
        QVERIFY(icsLines(bytes)
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("CN=\"=HYPERLINK(^'x^') +Çelik\":mailto:evil@example.org")));
    }

    // UID → the event's properties (STATUS, SEQUENCE, PARTSTAT of its attendees) of an .ics file.
    QHash<QString, QHash<QString, QString>> icsEvents(const QString &file)
    {
        QHash<QString, QHash<QString, QString>> events;
        QHash<QString, QString> event;
        for (const QString &l : icsLines(readAll(file))) {
            if (l == QLatin1String("BEGIN:VEVENT")) {
                event.clear();
            } else if (l == QLatin1String("END:VEVENT")) {
                events.insert(event.value(QStringLiteral("UID")), event);
            } else if (l.startsWith(QLatin1String("ATTENDEE"))) {
                const auto m = QRegularExpression(QStringLiteral(";PARTSTAT=([A-Z-]+);")).match(l);
                event[QStringLiteral("PARTSTAT")] += m.captured(1) + QLatin1Char(' ');
            } else if (!l.startsWith(QLatin1String("DTSTAMP:"))) { // the time of the export
                const int colon = int(l.indexOf(QLatin1Char(':')));
                event.insert(l.left(colon), l.mid(colon + 1));
            }
        }
        return events;
    }

    // uid@kopru.invalid → status of every placement (cancelled ones too).
    QHash<QString, QString> placementStatuses()
    {
        QHash<QString, QString> statuses;
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("SELECT uid, status FROM placement")))
            return {};
        while (q.next())
            statuses.insert(q.value(0).toString() + QStringLiteral("@kopru.invalid"), q.value(1).toString());
        return statuses;
    }

    void icsStatusFollowsThePlacement()
    {
        const QString out = path(QStringLiteral("status.ics"));
        auto summary = run(Kind::Plan, Format::Ics, out);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().rows, 4); // one event per placement, the cancelled one included
        const auto events = icsEvents(out);
        const auto statuses = placementStatuses();
        QCOMPARE(events.size(), 4);
        QCOMPARE(QSet<QString>(events.keyBegin(), events.keyEnd()), QSet<QString>(statuses.keyBegin(), statuses.keyEnd()));
        const QHash<QString, QString> expected { { QStringLiteral("proposed"), QStringLiteral("TENTATIVE") },
            { QStringLiteral("confirmed"), QStringLiteral("CONFIRMED") },
            { QStringLiteral("cancelled"), QStringLiteral("CANCELLED") } };
        const QHash<QString, QString> partstat { { QStringLiteral("proposed"), QStringLiteral("NEEDS-ACTION ") },
            { QStringLiteral("confirmed"), QStringLiteral("ACCEPTED ") },
            { QStringLiteral("cancelled"), QStringLiteral("DECLINED ") } };
        QSet<QString> seen;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
            QCOMPARE(events.value(it.key()).value(QStringLiteral("STATUS")), expected.value(it.value()));
            QCOMPARE(events.value(it.key()).value(QStringLiteral("PARTSTAT")), partstat.value(it.value()));
            seen << it.value();
        }
        QCOMPARE(seen.size(), 3); // the fixture has each state

        // Sessions: the first has a confirmed and a proposed teacher, the second a proposed one.
        const QString schedule = path(QStringLiteral("status-schedule.ics"));
        QVERIFY(run(Kind::Schedule, Format::Ics, schedule).ok());
        for (const auto &event : icsEvents(schedule))
            QCOMPARE(event.value(QStringLiteral("STATUS")), QStringLiteral("TENTATIVE"));
    }

    void icsUidIsStableAndSequenceRisesOnlyOnChange()
    {
        const QString first = path(QStringLiteral("first.ics")), second = path(QStringLiteral("second.ics"));
        QVERIFY(run(Kind::Plan, Format::Ics, first).ok());
        QVERIFY(run(Kind::Plan, Format::Ics, second).ok());
        const auto before = icsEvents(first);
        QCOMPARE(icsEvents(second), before); // same UIDs, same SEQUENCE: nothing changed
        QVERIFY(before.size() == 4);
        QString scheduleFirst = path(QStringLiteral("schedule-first.ics"));
        QVERIFY(run(Kind::Schedule, Format::Ics, scheduleFirst).ok());
        const auto sessionsBefore = icsEvents(scheduleFirst);

        // Confirm the proposed placement of the first session.
        const QString uid = test::scalar(db(),
            QStringLiteral("SELECT p.uid FROM placement p JOIN training_session s ON s.id = p.session_id "
                           "WHERE p.status = 'proposed' AND s.start_date = '2027-06-14'"))
                                .toString();
        QVERIFY(!uid.isEmpty());
        const QString key = uid + QStringLiteral("@kopru.invalid");
        exec(QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE uid = ?"), { uid });
        const QString third = path(QStringLiteral("third.ics"));
        QVERIFY(run(Kind::Plan, Format::Ics, third).ok());
        const auto after = icsEvents(third);
        QCOMPARE(QSet<QString>(after.keyBegin(), after.keyEnd()), QSet<QString>(before.keyBegin(), before.keyEnd()));
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const int was = it.value().value(QStringLiteral("SEQUENCE")).toInt();
            const int now = after.value(it.key()).value(QStringLiteral("SEQUENCE")).toInt();
            if (it.key() == key)
                QVERIFY2(now > was, qPrintable(QStringLiteral("%1 → %2").arg(was).arg(now)));
            else
                QCOMPARE(now, was); // the other events did not change
        }
        QCOMPARE(after.value(key).value(QStringLiteral("STATUS")), QStringLiteral("CONFIRMED"));

        // Its session's event changed too (both teachers confirmed now), the other session's did not.
        const QString scheduleAfter = path(QStringLiteral("schedule-after.ics"));
        QVERIFY(run(Kind::Schedule, Format::Ics, scheduleAfter).ok());
        const auto sessionsAfter = icsEvents(scheduleAfter);
        QCOMPARE(sessionsAfter.size(), 2);
        int confirmed = 0;
        for (auto it = sessionsBefore.cbegin(); it != sessionsBefore.cend(); ++it) {
            const auto &now = sessionsAfter.value(it.key());
            if (now.value(QStringLiteral("STATUS")) == QLatin1String("CONFIRMED")) {
                ++confirmed;
                QVERIFY(now.value(QStringLiteral("SEQUENCE")).toInt() > it.value().value(QStringLiteral("SEQUENCE")).toInt());
            } else {
                QCOMPARE(now.value(QStringLiteral("SEQUENCE")), it.value().value(QStringLiteral("SEQUENCE")));
            }
        }
        QCOMPARE(confirmed, 1);

        // A change of the session (its hours) raises its placements' events.
        exec(QStringLiteral("UPDATE training_session SET hours = hours + 1 WHERE start_date = '2027-06-14'"));
        const QString fourth = path(QStringLiteral("fourth.ics"));
        QVERIFY(run(Kind::Plan, Format::Ics, fourth).ok());
        const auto later = icsEvents(fourth);
        QVERIFY(later.value(key).value(QStringLiteral("SEQUENCE")).toInt()
            > after.value(key).value(QStringLiteral("SEQUENCE")).toInt());

        // Back as the other tests expect it.
        exec(QStringLiteral("UPDATE training_session SET hours = hours - 1 WHERE start_date = '2027-06-14'"));
        exec(QStringLiteral("UPDATE placement SET status = 'proposed' WHERE uid = ?"), { uid });
    }

    void anonymisedIcsHasNoPersonalData()
    {
        const QString out = path(QStringLiteral("anon.ics"));
        QVERIFY(run(Kind::Plan, Format::Ics, out, {}, true).ok());
        const QString text = icsLines(readAll(out)).join(QLatin1Char('\n'));
        QCOMPARE(text.count(QStringLiteral("\nATTENDEE")), 4); // one event per placement, the cancelled one too
        for (const QString &personal : { QStringLiteral("Ayşe"), QStringLiteral("HYPERLINK"), QStringLiteral("mailto:"),
                 nid("100000001"), QStringLiteral("Phone:"), QStringLiteral("02120000000") })
            QVERIFY2(!text.contains(personal), qPrintable(personal));
        QVERIFY(text.contains(QStringLiteral("X-WR-CALDESC:Anonymised export")));
    }

    void icsFolding_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("short") << QStringLiteral("SUMMARY:x");
        QTest::newRow("exactly 75") << QStringLiteral("SUMMARY:") + QString(67, QLatin1Char('a'));
        QTest::newRow("76") << QStringLiteral("SUMMARY:") + QString(68, QLatin1Char('a'));
        QTest::newRow("long ascii") << QStringLiteral("DESCRIPTION:") + QString(400, QLatin1Char('b'));
        QTest::newRow("turkish") << QStringLiteral("SUMMARY:") + QString(120, QChar(0x015F)); // ş: 2 octets
        QTest::newRow("mixed") << QStringLiteral("SUMMARY:a") + QString(90, QChar(0x20AC)); // €: 3 octets
    }
    void icsFolding()
    {
        QFETCH(QString, line);
        const QByteArray folded = IcsWriter::foldLine(line);
        QVERIFY(folded.endsWith("\r\n"));
        const QList<QByteArray> parts = folded.chopped(2).split('\n');
        for (int i = 0; i < parts.size(); ++i) {
            QByteArray part = parts[i];
            if (part.endsWith('\r'))
                part.chop(1);
            QVERIFY2(part.size() <= 75, part.constData());
            if (i > 0)
                QVERIFY(part.startsWith(' '));
            QVERIFY(QString::fromUtf8(part).toUtf8() == part); // no split UTF-8 sequence
        }
        QByteArray unfolded = folded;
        unfolded.replace("\r\n ", "");
        QCOMPARE(QString::fromUtf8(unfolded.chopped(2)), line);
    }

    void icsTextEscaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Ayşe") << QStringLiteral("Ayşe");
        QTest::newRow("comma semicolon") << QStringLiteral("a,b;c") << QStringLiteral("a\\,b\\;c");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a\\\\b");
        QTest::newRow("newlines") << QStringLiteral("a\nb\r\nc") << QStringLiteral("a\\nb\\nc");
        QTest::newRow("colon stays") << QStringLiteral("a:b") << QStringLiteral("a:b");
    }
    void icsTextEscaping()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(IcsWriter::escapeText(text), expected);
    }

    void needsCsvHasTheAggregates()
    {
        const QString out = path(QStringLiteral("needs.csv"));
        auto summary = run(Kind::Needs, Format::Csv, out, ExportScope { QStringLiteral("bil"), 0, 0 });
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        CsvReader::Options options;
        options.fileName = out;
        auto read = CsvReader::read(readAll(out), options);
        QVERIFY(read.ok());
        const SourceTable &t = read.value().table;
        QCOMPARE(int(t.rows.size()), 3);
        const SourceRow *c1 = nullptr;
        for (const SourceRow &r : t.rows)
            if (r.cell(1) == QLatin1String("C1"))
                c1 = &r;
        QVERIFY(c1);
        // 5, 4, 2: three respondents, mean 11/3, two of three high; supply = capacity of the one session covering C1.
        QCOMPARE(c1->cell(t.header.indexOf(QStringLiteral("Respondents"))), QStringLiteral("3"));
        QCOMPARE(c1->cell(t.header.indexOf(QStringLiteral("Mean need"))), QStringLiteral("3,67"));
        QCOMPARE(c1->cell(t.header.indexOf(QStringLiteral("High need (%)"))), QStringLiteral("66,7"));
        QCOMPARE(c1->cell(t.header.indexOf(QStringLiteral("Supply (places)"))), QStringLiteral("3"));
        QCOMPARE(t.rows[1].cell(t.header.indexOf(QStringLiteral("Not applicable"))), QStringLiteral("1")); // C2
    }

    void scopeRestrictsRows_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("centre");
        QTest::addColumn<bool>("byPartner2");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("sheets");
        QTest::newRow("all") << QString() << 0 << false << 3 << 2;
        QTest::newRow("field") << QStringLiteral("BIL") << 0 << false << 3 << 2;
        QTest::newRow("other field") << QStringLiteral("MTL") << 0 << false << 0 << 0;
        QTest::newRow("centre: sheets by field") << QString() << 2 << false << 2 << 1;
        QTest::newRow("partner") << QString() << 0 << true << 1 << 1;
    }
    void scopeRestrictsRows()
    {
        QFETCH(QString, field);
        QFETCH(int, centre);
        QFETCH(bool, byPartner2);
        QFETCH(int, rows);
        QFETCH(int, sheets);
        const int partner
            = byPartner2 ? test::scalar(db(), QStringLiteral("SELECT id FROM partner WHERE name LIKE '@Evil%'")).toInt() : 0;
        auto summary = run(Kind::Plan, Format::Xlsx, path(QStringLiteral("scope.xlsx")), ExportScope { field, centre, partner });
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().rows, rows);
        QCOMPARE(summary.value().sheets, sheets);
        if (centre != 0)
            QCOMPARE(XlsxReader::sheetNames(path(QStringLiteral("scope.xlsx"))).value(), QStringList { QStringLiteral("BIL") });
    }

    void refusedRequestsWriteNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("centre");
        QTest::addColumn<QString>("message");
        QTest::newRow("needs as ics") << int(Kind::Needs) << int(Format::Ics) << QString() << 0
                                      << QStringLiteral("cannot be exported");
        QTest::newRow("unknown field") << int(Kind::Plan) << int(Format::Csv) << QStringLiteral("XYZ") << 0
                                       << QStringLiteral("XYZ");
        QTest::newRow("unknown centre") << int(Kind::Schedule) << int(Format::Xlsx) << QString() << 99 << QStringLiteral("99");
    }
    void refusedRequestsWriteNothing()
    {
        QFETCH(int, kind);
        QFETCH(int, format);
        QFETCH(QString, field);
        QFETCH(int, centre);
        QFETCH(QString, message);
        const QString out = path(QStringLiteral("refused.out"));
        auto summary = run(Kind(kind), Format(format), out, ExportScope { field, centre, 0 });
        QVERIFY(!summary.ok());
        QVERIFY2(summary.message().contains(message), qPrintable(summary.message()));
        QVERIFY(!QFile::exists(out));
    }

    void cliContract()
    {
        QString out, err;
        const QString csv = path(QStringLiteral("cli.csv"));
        QCOMPARE(test::runCli({ QStringLiteral("export"), m_dbPath, QStringLiteral("plan"), QStringLiteral("--format"),
                                  QStringLiteral("csv"), QStringLiteral("--out"), csv },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("3 placement")), qPrintable(out + err));
        QCOMPARE(readAll(csv), readAll(path(QStringLiteral("plan.csv"))));
        const QString ics = path(QStringLiteral("cli.ics"));
        QCOMPARE(test::runCli({ QStringLiteral("export"), m_dbPath, QStringLiteral("needs"), QStringLiteral("--format"),
                                  QStringLiteral("ics"), QStringLiteral("--out"), ics },
                     &out, &err),
            2);
        QVERIFY(err.contains(QStringLiteral("ics")));
        QVERIFY(!QFile::exists(ics));
        QCOMPARE(test::runCli({ QStringLiteral("export"), m_dbPath, QStringLiteral("plan"), QStringLiteral("--format"),
                                  QStringLiteral("docx"), QStringLiteral("--out"), ics },
                     &out, &err),
            2);
        QCOMPARE(test::runCli({ QStringLiteral("export"), m_dbPath, QStringLiteral("plan"), QStringLiteral("--format"),
                                  QStringLiteral("csv") },
                     &out, &err),
            2);
        QCOMPARE(test::runCli(
                     { QStringLiteral("export"), m_dbPath, QStringLiteral("plan"), QStringLiteral("--format"),
                         QStringLiteral("csv"), QStringLiteral("--out"), ics, QStringLiteral("--field"), QStringLiteral("NOPE") },
                     &out, &err),
            2);
        QVERIFY(err.contains(QStringLiteral("NOPE")));
        QVERIFY(!QFile::exists(ics));
        const QString pdf = path(QStringLiteral("cli.pdf"));
        QCOMPARE(test::runCli({ QStringLiteral("export"), m_dbPath, QStringLiteral("schedule"), QStringLiteral("--format"),
                                  QStringLiteral("pdf"), QStringLiteral("--out"), pdf, QStringLiteral("--anonymize") },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("anonymised")), qPrintable(out));
        QVERIFY(readAll(pdf).startsWith("%PDF"));
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
