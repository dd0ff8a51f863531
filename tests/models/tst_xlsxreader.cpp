// SPDX-License-Identifier: GPL-3.0-or-later
// XLSX reading: a workbook saved by LibreOffice (libreoffice.fods converted
// with soffice --headless --convert-to xlsx) and hand-made shapes
// (make_handmade_xlsx.py): shared-string, inline and rich-text cells, numbers, dates, sheets.
#include "models/export/xlsxexport.h"
#include "models/io/tablereader.h"
#include "models/io/xlsxreader.h"
#include "models/io/zipreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kopru;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(KOPRU_TEST_DATA "/import/") + QLatin1String(name);
}
} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private slots:
    void libreOfficeWorkbook()
    {
        auto sheets = XlsxReader::sheetNames(fixture("libreoffice.xlsx"));
        QVERIFY2(sheets.ok(), qPrintable(sheets.message()));
        QCOMPARE(sheets.value(), (QStringList { QStringLiteral("Öğretmenler"), QStringLiteral("Needs") }));

        auto t = XlsxReader::read(fixture("libreoffice.xlsx"));
        QVERIFY2(t.ok(), qPrintable(t.message()));
        QCOMPARE(t->header.size(), 10);
        QCOMPARE(t->header.at(0), QStringLiteral("TC Kimlik No"));
        QCOMPARE(t->header.at(5), QStringLiteral("Müsait (başlangıç)"));
        QCOMPARE(t->rows.size(), std::size_t(2));
        const SourceRow &r = t->rows[0];
        QCOMPARE(r.line, 2);
        // A number shown as 1.00E+10 in the sheet comes back as the ID typed.
        QCOMPARE(r.cell(0), QStringLiteral("10000000146"));
        QCOMPARE(r.cell(1), QStringLiteral("Ayşe"));
        QCOMPARE(r.cell(2), QStringLiteral("Işık"));
        QCOMPARE(r.cell(4), QStringLiteral("05321234567")); // text cell: leading zero kept
        QCOMPARE(r.cell(5), QStringLiteral("2027-06-14")); // the fods says date-value="2027-06-14"
        QCOMPARE(r.cell(6), QStringLiteral("12"));
        QCOMPARE(r.cell(7), QStringLiteral("0.25"));
        QCOMPARE(r.cell(8), QStringLiteral("çift \"tırnak\"; ve\niki satır"));
        const SourceRow &s = t->rows[1];
        QCOMPARE(s.line, 3);
        QCOMPARE(s.cell(0), QStringLiteral("17291716060"));
        QCOMPARE(s.cell(1), QStringLiteral("ĞÜŞİÖÇ"));
        QCOMPARE(s.cell(3), QStringLiteral("06")); // text, leading zero kept
        QCOMPARE(s.cell(6), QString()); // gap filled
        QCOMPARE(s.cell(9), QStringLiteral("BIL"));
        QCOMPARE(s.cell(4), QStringLiteral("02124440000"));
        QCOMPARE(s.cell(5), QStringLiteral("1900-03-01")); // after Excel's phantom 1900-02-29
        QCOMPARE(s.cell(8), QStringLiteral("son"));

        auto needs = XlsxReader::read(fixture("libreoffice.xlsx"), QStringLiteral("Needs"));
        QVERIFY(needs.ok());
        QCOMPARE(needs->header.at(1), QStringLiteral("Q1[ELK01]"));
        QCOMPARE(needs->rows[0].cell(1), QStringLiteral("Çok yüksek"));

        auto missing = XlsxReader::read(fixture("libreoffice.xlsx"), QStringLiteral("Yok"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.message().contains(QStringLiteral("Needs")));
    }

    void handmadeShapes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("dateTime");
        // Serial 46552: 1900 system = 1899-12-30 + 46552 days; 1904 system = 1904-01-01 + 46552 days.
        QTest::newRow("1900") << fixture("handmade.xlsx") << QStringLiteral("2027-06-14")
                              << QStringLiteral("2027-06-14 12:00:00");
        QTest::newRow("1904") << fixture("handmade1904.xlsx") << QStringLiteral("2031-06-15")
                              << QStringLiteral("2031-06-15 12:00:00");
    }
    void handmadeShapes()
    {
        QFETCH(QString, file);
        QFETCH(QString, date);
        QFETCH(QString, dateTime);
        auto t = XlsxReader::read(file);
        QVERIFY2(t.ok(), qPrintable(t.message()));
        QCOMPARE(t->header,
            (QStringList { QStringLiteral("TC Kimlik No"), QStringLiteral("Ad"), QStringLiteral("Telefon"),
                QStringLiteral("Tarih"), QStringLiteral("Aktif") }));
        QCOMPARE(t->rows.size(), std::size_t(3));
        const SourceRow &a = t->rows[0];
        QCOMPARE(a.line, 3);
        QCOMPARE(a.cells(),
            (QStringList { QStringLiteral("10000000146"), QStringLiteral("Ayşe"), QStringLiteral("05321234567"), date,
                QStringLiteral("TRUE") }));
        const SourceRow &b = t->rows[1];
        QCOMPARE(b.line, 4);
        QCOMPARE(b.cells(),
            (QStringList { QStringLiteral("17291716060"), QStringLiteral("2.5"), QString(), dateTime, QStringLiteral("#N/A") }));
        QCOMPARE(t->rows[2].cells(), (QStringList { QString(), QString(), QStringLiteral("-0.125") }));

        auto second = XlsxReader::read(file, QStringLiteral("İkinci sayfa"));
        QVERIFY2(second.ok(), qPrintable(second.message()));
        QCOMPARE(second->headerLine, 2);
        QCOMPARE(second->header, (QStringList { QString(), QStringLiteral("ikinci") }));
        QCOMPARE(second->rows[0].cell(1), QStringLiteral("7"));
    }

    void serials_data()
    {
        QTest::addColumn<double>("serial");
        QTest::addColumn<QString>("iso");
        // Excel's documented anchors: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the
        // non-existent 1900-02-29, 61 = 1900-03-01, 45658 = 2025-01-01.
        QTest::newRow("1") << 1.0 << QStringLiteral("1900-01-01");
        QTest::newRow("59") << 59.0 << QStringLiteral("1900-02-28");
        QTest::newRow("60 phantom") << 60.0 << QString();
        QTest::newRow("61") << 61.0 << QStringLiteral("1900-03-01");
        QTest::newRow("45658") << 45658.0 << QStringLiteral("2025-01-01");
        QTest::newRow("negative") << -3.0 << QString();
    }
    void serials()
    {
        QFETCH(double, serial);
        QFETCH(QString, iso);
        QCOMPARE(XlsxReader::serialToIso(serial, false), iso);
    }

    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("national id in exponent form") << 1.0000000146E10 << QStringLiteral("10000000146");
        QTest::newRow("whole") << 42.0 << QStringLiteral("42");
        QTest::newRow("negative") << -7.0 << QStringLiteral("-7");
        QTest::newRow("fraction") << 0.1 << QStringLiteral("0.1");
        QTest::newRow("binary noise") << 0.1 + 0.2 << QStringLiteral("0.3");
        QTest::newRow("3.75") << 3.75 << QStringLiteral("3.75");
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(XlsxReader::numberText(value), text);
    }

    void dateFormats_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("date");
        QTest::newRow("builtin 14") << 14 << QString() << true;
        QTest::newRow("builtin 0") << 0 << QString() << false;
        QTest::newRow("General") << 164 << QStringLiteral("General") << false;
        QTest::newRow("dd.mm.yyyy") << 166 << QStringLiteral("dd\\.mm\\.yyyy") << true;
        QTest::newRow("scientific") << 165 << QStringLiteral("0.00E+00") << false;
        QTest::newRow("quoted text") << 167 << QStringLiteral("0\" days\"") << false;
        QTest::newRow("locale prefix") << 168 << QStringLiteral("[$-41F]d mmmm yyyy") << true;
        QTest::newRow("currency") << 169 << QStringLiteral("#,##0.00 [$TL-41F]") << false;
    }
    void dateFormats()
    {
        QFETCH(int, id);
        QFETCH(QString, code);
        QFETCH(bool, date);
        QCOMPARE(XlsxReader::isDateFormat(id, code), date);
    }

    void notAWorkbook()
    {
        auto r = XlsxReader::readBytes(QByteArrayLiteral("PK\x03\x04garbage"), {}, QStringLiteral("bad.xlsx"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("bad.xlsx"));
        QCOMPARE(r.error().line, 0); // unreadable, not a bad row
        auto none = XlsxReader::read(fixture("does-not-exist.xlsx"));
        QVERIFY(!none.ok());
    }

    // The zip layer (system minizip through our QIODevice callbacks).
    void zipEntries()
    {
        const QString book = fixture("libreoffice.xlsx");
        auto workbook = readZipEntry(book, QStringLiteral("xl/workbook.xml"));
        QVERIFY2(workbook.ok(), qPrintable(workbook.message()));
        QVERIFY(workbook->contains("<sheet "));
        QCOMPARE(workbook->size(), 953); // unpacked size in the zip directory
        auto upper = readZipEntry(book, QStringLiteral("XL/Workbook.XML")); // Office compares names without case
        QVERIFY(upper.ok());
        QCOMPARE(upper.value(), workbook.value());

        ZipReader zip(book);
        QCOMPARE(zip.open(), ZipReader::Status::Ok);
        QVERIFY(zip.entryNames().contains(QStringLiteral("xl/worksheets/sheet2.xml")));
        QByteArray bytes;
        QCOMPARE(zip.read(QStringLiteral("xl/styles.xml"), &bytes, 100), ZipReader::Status::TooLarge);
        QVERIFY(bytes.isEmpty());
        QCOMPARE(zip.read(QStringLiteral("xl/styles.xml"), &bytes), ZipReader::Status::Ok);
        QCOMPARE(bytes.size(), 5483);

        auto missing = readZipEntry(book, QStringLiteral("xl/nothing.xml"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().file, book);
        QVERIFY2(missing.message().contains(QStringLiteral("xl/nothing.xml")), qPrintable(missing.message()));
        auto notZip = readZipEntry(QStringLiteral(KOPRU_TEST_DATA "/import/libreoffice.fods"), QStringLiteral("xl/workbook.xml"));
        QVERIFY(!notZip.ok());
        QVERIFY2(notZip.message().contains(QStringLiteral("not a zip")), qPrintable(notZip.message()));
        auto absent = readZipEntry(fixture("does-not-exist.xlsx"), QStringLiteral("xl/workbook.xml"));
        QVERIFY(!absent.ok());
        QVERIFY2(absent.message().contains(QStringLiteral("cannot open")), qPrintable(absent.message()));
        QCOMPARE(ZipReader(QByteArray()).open(), ZipReader::Status::NotAZip);
    }

    // Paths outside ASCII (minizip gets a QFile, never an 8-bit path).
    void unicodePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("Öğretmen listeleri ş"));
        QVERIFY(QDir().mkpath(folder));
        const QString copy = folder + QStringLiteral("/çalışma İ.xlsx");
        QVERIFY(QFile::copy(fixture("libreoffice.xlsx"), copy));
        auto t = XlsxReader::read(copy);
        QVERIFY2(t.ok(), qPrintable(t.message()));
        QCOMPARE(t->rows[0].cell(1), QStringLiteral("Ayşe"));
        QVERIFY(readZipEntry(copy, QStringLiteral("xl/sharedStrings.xml")).ok());
    }

    // A part whose compressed data is damaged: a clear message naming the
    // file and the part, not a crash and not garbage cells.
    void damagedPart()
    {
        QFile f(fixture("libreoffice.xlsx"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        const QByteArray name = "xl/worksheets/sheet1.xml";
        const qsizetype header = bytes.indexOf(name) - 30; // local headers come before the central directory
        QVERIFY(header > 0 && bytes.mid(header, 4) == QByteArray("PK\x03\x04", 4)); // the local header of sheet1.xml
        const int nameLength = quint8(bytes[header + 26]) | quint8(bytes[header + 27]) << 8;
        const int extraLength = quint8(bytes[header + 28]) | quint8(bytes[header + 29]) << 8;
        const qsizetype data = header + 30 + nameLength + extraLength;
        for (int i = 20; i < 60; ++i)
            bytes[data + i] = char(bytes[data + i] ^ 0x5A);

        auto sheets = XlsxReader::sheetNamesBytes(bytes, QStringLiteral("damaged.xlsx")); // other parts are intact
        QVERIFY2(sheets.ok(), qPrintable(sheets.message()));
        auto t = XlsxReader::readBytes(bytes, {}, QStringLiteral("damaged.xlsx"));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().file, QStringLiteral("damaged.xlsx"));
        QCOMPARE(t.error().line, 0);
        QVERIFY2(t.message().contains(QStringLiteral("the part xl/worksheets/sheet1.xml of the workbook is damaged")),
            qPrintable(t.message()));
    }

    void tableReaderRecognisesWorkbooks()
    {
        auto r = TableReader::read(fixture("libreoffice.xlsx"), {});
        QVERIFY(r.ok());
        QVERIFY(r->workbook);
        QCOMPARE(r->sheets.size(), 2);
        TableReader::Options o;
        o.sheet = QStringLiteral("Needs");
        auto n = TableReader::read(fixture("libreoffice.xlsx"), o);
        QVERIFY(n.ok());
        QCOMPARE(n->table.header.at(0), QStringLiteral("TCKN"));
    }
    // A sheet is parsed while it is unpacked from the file (never loaded
    // whole): a sheet far larger than the pieces it is read in comes back
    // complete, from a file as from bytes.
    void largeSheetIsStreamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        exporting::TableDocument doc;
        doc.title = QStringLiteral("Büyük");
        doc.columns = { { QStringLiteral("TC Kimlik No"), exporting::ColumnType::Identifier, 14 },
            { QStringLiteral("Ad"), exporting::ColumnType::Text, 20 } };
        exporting::TableSheet sheet { QStringLiteral("S"), QStringLiteral("S"), {}, {} };
        for (int i = 0; i < 20000; ++i)
            sheet.rows.push_back({ QStringLiteral("%1").arg(10000000000LL + i), QStringLiteral("Öğretmen %1").arg(i) });
        doc.sheets.push_back(sheet);
        const QString path = dir.filePath(QStringLiteral("big.xlsx"));
        QVERIFY(exporting::writeXlsx(doc, path));
        QStringList sheets;
        auto t = XlsxReader::read(path, {}, {}, &sheets);
        QVERIFY2(t, qPrintable(t.message()));
        QCOMPARE(sheets, QStringList { QStringLiteral("S") });
        QVERIFY(t->rows.size() >= 20000);
        QCOMPARE(t->rows.back().cells().value(1), QStringLiteral("Öğretmen 19999"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto fromBytes = XlsxReader::readBytes(f.readAll(), {}, QStringLiteral("big.xlsx"));
        QVERIFY(fromBytes);
        QCOMPARE(fromBytes->rows.size(), t->rows.size());
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
