// SPDX-License-Identifier: GPL-3.0-or-later
// CSV reading: encodings, separators, RFC 4180 quoting, positions of cells.
#include "models/io/csvreader.h"
#include "models/io/inputlimits.h"
#include "models/io/tablereader.h"
#include "models/io/textencoding.h"
#include "models/io/xlsxreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace kopru;

Q_DECLARE_METATYPE(kopru::Encoding)

namespace {
// Turkish letters that differ between the encodings.
const QString kTurkish = QStringLiteral("ğüşıöçİĞÜŞÖÇ");
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<kopru::Encoding>("expected");
        const QByteArray body = QByteArrayLiteral("Ad;Soyad\r\n") + kTurkish.toUtf8() + QByteArrayLiteral(";x\r\n");
        QTest::newRow("utf-8 with BOM") << QByteArray(QByteArrayLiteral("\xEF\xBB\xBF") + body) << Encoding::Utf8;
        QTest::newRow("utf-8") << body << Encoding::Utf8;
        // Windows-1254 bytes of ğüşıöçİĞÜŞÖÇ written out by hand from the code page chart.
        const QByteArray cp = QByteArrayLiteral("Ad;Soyad\r\n\xF0\xFC\xFE\xFD\xF6\xE7\xDD\xD0\xDC\xDE\xD6\xC7;x\r\n");
        QTest::newRow("windows-1254") << cp << Encoding::Windows1254;
        QByteArray utf16;
        const QString text = QStringLiteral("Ad;Soyad\r\n") + kTurkish + QStringLiteral(";x\r\n");
        utf16 += "\xFF\xFE";
        for (QChar c : text) {
            utf16 += char(c.unicode() & 0xFF);
            utf16 += char(c.unicode() >> 8);
        }
        QTest::newRow("utf-16le with BOM") << utf16 << Encoding::Utf16LE;
    }
    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(kopru::Encoding, expected);
        QCOMPARE(TextEncoding::detect(bytes), expected);
        auto r = CsvReader::read(bytes, {});
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r->encoding, expected);
        QCOMPARE(r->table.header, (QStringList { QStringLiteral("Ad"), QStringLiteral("Soyad") }));
        QCOMPARE(r->table.rows.size(), std::size_t(1));
        QCOMPARE(r->table.rows[0].cells().at(0), kTurkish);
    }

    void iso8859_9IsSelectable()
    {
        // 0xDD/0xFD/0xDE/0xFE/0xD0/0xF0 are İ ı Ş ş Ğ ğ in both; 0x80 is € only in 1254.
        const QByteArray bytes = QByteArrayLiteral("\xDD\xFD\xDE\xFE\xD0\xF0\x80");
        QCOMPARE(TextEncoding::decode(bytes, Encoding::Iso8859_9), QStringLiteral("İıŞşĞğ") + QChar(0x80));
        QCOMPARE(TextEncoding::decode(bytes, Encoding::Windows1254), QStringLiteral("İıŞşĞğ€"));
        Encoding e = Encoding::Auto;
        QVERIFY(TextEncoding::fromName(QStringLiteral("ISO-8859-9"), &e));
        QCOMPARE(e, Encoding::Iso8859_9);
        QVERIFY(!TextEncoding::fromName(QStringLiteral("ebcdic"), &e));
    }

    void cp1254TableMatchesIcu()
    {
        // An independent decoder (ICU through Qt, present on Linux) must agree on
        // every assigned byte; Windows builds lack it, which is why we have the table.
        QStringDecoder icu("windows-1254");
        if (!icu.isValid())
            QSKIP("no ICU decoder for windows-1254 on this system");
        const QList<int> unassigned { 0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E };
        for (int b = 0; b < 256; ++b) {
            if (unassigned.contains(b))
                continue;
            const QByteArray one(1, char(b));
            const QString expected = QStringDecoder("windows-1254").decode(one);
            QCOMPARE(TextEncoding::decodeWindows1254(one), expected);
            QCOMPARE(TextEncoding::encodeWindows1254(expected), one);
        }
    }

    void strictUtf8FallsBackToCp1254()
    {
        // "ş" in Windows-1254 is the lone byte 0xFE: not valid UTF-8.
        QVERIFY(!TextEncoding::isValidUtf8(QByteArrayLiteral("Ba\xFEkan")));
        QCOMPARE(TextEncoding::decode(QByteArrayLiteral("Ba\xFEkan"), Encoding::Auto), QStringLiteral("Başkan"));
        QVERIFY(!TextEncoding::isValidUtf8(QByteArrayLiteral("\xC0\xAF"))); // overlong '/'
        QVERIFY(!TextEncoding::isValidUtf8(QByteArrayLiteral("\xED\xA0\x80"))); // surrogate
        QVERIFY(!TextEncoding::isValidUtf8(QByteArrayLiteral("ab\xC3"))); // cut off
        QVERIFY(!TextEncoding::isValidUtf8(QByteArrayLiteral("\xF4\x90\x80\x80"))); // above U+10FFFF
        QVERIFY(TextEncoding::isValidUtf8(QStringLiteral("ğ€😀").toUtf8()));
        // Valid UTF-8 stays UTF-8 even without a BOM.
        QCOMPARE(TextEncoding::decode(QStringLiteral("Başkan").toUtf8(), Encoding::Auto), QStringLiteral("Başkan"));
    }

    void separators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("separator");
        QTest::newRow("semicolon") << QStringLiteral("a;b;c\n1;2,5;3\n") << QChar(u';');
        QTest::newRow("comma") << QStringLiteral("a,b,c\n1,\"2;5\",3\n") << QChar(u',');
        QTest::newRow("tab") << QStringLiteral("a\tb\tc\n1\t2, 5\t3\n") << QChar(u'\t');
        QTest::newRow("comma with decimal semicolons absent") << QStringLiteral("x,y,z\n1,2,3\n4,5,6\n") << QChar(u',');
        QTest::newRow("semicolon with decimal commas") << QStringLiteral("x;y;z\n1,5;2,5;3\n4,5;5;6,25\n") << QChar(u';');
    }
    void separators()
    {
        QFETCH(QString, text);
        QFETCH(QChar, separator);
        QCOMPARE(CsvReader::detectDelimiter(text), separator);
        auto r = CsvReader::read(text.toUtf8(), {});
        QVERIFY(r.ok());
        QCOMPARE(r->delimiter, separator);
        QCOMPARE(r->table.header.size(), 3);
        QCOMPARE(r->table.rows[0].cells().size(), 3);
        // Forcing a separator wins over detection.
        CsvReader::Options forced;
        forced.delimiter = separator == QChar(u';') ? QChar(u',') : QChar(u';');
        auto f = CsvReader::read(text.toUtf8(), forced);
        QVERIFY(f.ok());
        QCOMPARE(f->delimiter, forced.delimiter);
    }

    void quoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<int>("line"); // of the second record
        QTest::newRow("plain") << QStringLiteral("h\na;b;c")
                               << QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") } << 2;
        QTest::newRow("quoted separator") << QStringLiteral("h\n\"a;b\";c\n")
                                          << QStringList { QStringLiteral("a;b"), QStringLiteral("c") } << 2;
        QTest::newRow("doubled quotes") << QStringLiteral("h\n\"say \"\"hi\"\"\";\"\"\"\"\n")
                                        << QStringList { QStringLiteral("say \"hi\""), QStringLiteral("\"") } << 2;
        QTest::newRow("embedded LF") << QStringLiteral("h\n\"two\nlines\";x\n")
                                     << QStringList { QStringLiteral("two\nlines"), QStringLiteral("x") } << 2;
        QTest::newRow("embedded CRLF normalised") << QStringLiteral("h\r\n\"two\r\nlines\";x\r\n")
                                                  << QStringList { QStringLiteral("two\nlines"), QStringLiteral("x") } << 2;
        QTest::newRow("empty quoted") << QStringLiteral("h\n\"\";\"\"\n") << QStringList { QString(), QString() } << 2;
        QTest::newRow("empty fields") << QStringLiteral("h\n;;\n") << QStringList { QString(), QString(), QString() } << 2;
        QTest::newRow("quote inside unquoted kept")
            << QStringLiteral("h\n5\" pipe;x\n") << QStringList { QStringLiteral("5\" pipe"), QStringLiteral("x") } << 2;
        QTest::newRow("CR only line ends") << QStringLiteral("h\ra;b\r")
                                           << QStringList { QStringLiteral("a"), QStringLiteral("b") } << 2;
        QTest::newRow("blank lines skipped")
            << QStringLiteral("h\n\n\r\na;b\n") << QStringList { QStringLiteral("a"), QStringLiteral("b") } << 4;
        QTest::newRow("spaces kept") << QStringLiteral("h\n a ; b \n")
                                     << QStringList { QStringLiteral(" a "), QStringLiteral(" b ") } << 2;
        QTest::newRow("multi-line header") << QStringLiteral("\"h\n1\";\"h\n2\"\na;b\n")
                                           << QStringList { QStringLiteral("a"), QStringLiteral("b") } << 4;
    }
    void quoting()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, cells);
        QFETCH(int, line);
        auto t = CsvReader::parse(text, QLatin1Char(';'), QStringLiteral("f.csv"));
        QVERIFY2(t.ok(), qPrintable(t.message()));
        QCOMPARE(t->rows.size(), std::size_t(1));
        QCOMPARE(t->rows[0].cells(), cells);
        QCOMPARE(t->rows[0].line, line);
    }

    void recordLineIsWhereItStarts()
    {
        auto t = CsvReader::parse(QStringLiteral("a;b\n\"1\n2\n3\";x\n4;y\n"), QLatin1Char(';'), QStringLiteral("f.csv"));
        QVERIFY(t.ok());
        QCOMPARE(t->headerLine, 1);
        QCOMPARE(t->rows.size(), std::size_t(2));
        QCOMPARE(t->rows[0].line, 2);
        QCOMPARE(t->rows[1].line, 5);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("unterminated quote") << QStringLiteral("a;b\n1;\"open\n2;3\n") << QStringLiteral("f.csv:2:2: ");
        QTest::newRow("text after closing quote") << QStringLiteral("a;b\n1;2\n\"x\"y;3\n") << QStringLiteral("f.csv:3:1: ");
    }
    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        auto t = CsvReader::parse(text, QLatin1Char(';'), QStringLiteral("f.csv"));
        QVERIFY(!t.ok());
        QVERIFY2(t.message().startsWith(where), qPrintable(t.message()));
    }

    void delimiterNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<bool>("ok");
        QTest::newRow("auto") << QStringLiteral("auto") << QChar() << true;
        QTest::newRow(",") << QStringLiteral(",") << QChar(u',') << true;
        QTest::newRow(";") << QStringLiteral(";") << QChar(u';') << true;
        QTest::newRow("tab") << QStringLiteral("tab") << QChar(u'\t') << true;
        QTest::newRow("pipe") << QStringLiteral("|") << QChar() << false;
    }
    void delimiterNames()
    {
        QFETCH(QString, name);
        QFETCH(QChar, delimiter);
        QFETCH(bool, ok);
        QChar d(u'x');
        QCOMPARE(TableReader::delimiterFromName(name, &d), ok);
        if (ok)
            QCOMPARE(d, delimiter);
    }

    void fuzzRegressions_data()
    {
        // Inputs that once crashed, hung or tripped a sanitizer in a reader
        // (tests/fuzz, docs/import.md "Fuzzing"), one row per file.
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(KOPRU_TEST_DATA "/fuzz-regressions"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void fuzzRegressions()
    {
        // Each must now give a table or a clean error, through the same calls
        // as the fuzz targets.
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QString name = QFileInfo(path).fileName();
        // What an import reads: CSV or, for a zip, the workbook's first sheet.
        auto table = TableReader::readBytes(bytes, name, {});
        if (!table.ok())
            QVERIFY(!table.error().message.isEmpty());
        // fuzz_csvreader: the CSV reader with detection and every encoding.
        CsvReader::Options options;
        options.fileName = name;
        auto csv = CsvReader::read(bytes, options);
        if (csv.ok()) {
            int last = csv->table.headerLine;
            for (const SourceRow &row : csv->table.rows) {
                QVERIFY(row.line > last);
                last = row.line;
            }
        } else {
            QVERIFY(csv.error().line >= 1 && csv.error().column >= 1);
        }
        for (Encoding e : { Encoding::Windows1254, Encoding::Iso8859_9, Encoding::Utf16LE }) {
            options.encoding = e;
            (void)CsvReader::read(bytes, options);
        }
        // fuzz_xlsxreader: every sheet of the workbook.
        if (auto sheets = XlsxReader::sheetNamesBytes(bytes, name))
            for (const QString &sheet : sheets.value())
                (void)XlsxReader::readBytes(bytes, sheet, name);
        (void)XlsxReader::readBytes(bytes, {}, name);
    }
    // The reader works on pieces of 1 MiB: records, quoted line breaks,
    // CR LF pairs and multi-byte letters cut by a piece boundary must give
    // exactly what reading the whole text gives.
    void streamingGivesTheSameTable()
    {
        QString text = QStringLiteral("Ad;Not;Şehir\r\n");
        int i = 0;
        while (text.size() < 3 * 1024 * 1024) {
            text += QStringLiteral("Ayşe %1;\"çok\r\nsatırlı \"\"not\"\" %1\";İğdır\r\n").arg(i++);
            text += QStringLiteral("Ümit %1;düz;Muş\n").arg(i++);
        }
        const QByteArray bytes = text.toUtf8();
        auto whole = CsvReader::parse(text, QLatin1Char(';'), QStringLiteral("f.csv"));
        QVERIFY2(whole, qPrintable(whole.message()));
        // Shift the content against the piece boundaries.
        for (const QByteArray &prefix : { QByteArray(), QByteArray("\xEF\xBB\xBF"), QByteArray("\xEF\xBB\xBF ") }) {
            CsvReader::Options options;
            options.fileName = QStringLiteral("f.csv");
            auto streamed = CsvReader::read(prefix + bytes, options);
            QVERIFY2(streamed, qPrintable(streamed.message()));
            QCOMPARE(streamed->encoding, Encoding::Utf8);
            QCOMPARE(streamed->table.rows.size(), whole->rows.size());
            const std::size_t n = whole->rows.size();
            for (std::size_t r = 0; r < n; ++r) {
                QCOMPARE(streamed->table.rows[r].line, whole->rows[r].line);
                QCOMPARE(streamed->table.rows[r].cells(), whole->rows[r].cells());
            }
        }
        // The same in Windows-1254, one byte per letter.
        const QByteArray cp = TextEncoding::encodeWindows1254(text);
        auto streamed = CsvReader::read(cp, {});
        QVERIFY2(streamed, qPrintable(streamed.message()));
        QCOMPARE(streamed->encoding, Encoding::Windows1254);
        QCOMPARE(streamed->table.rows.back().cells(), whole->rows.back().cells());
    }

    // Issue: two bytes 0xFF 0xFE at the end of a UTF-8 file switched the
    // whole file to Windows-1254 ("AyÅŸe"). Now it is read as UTF-8 and the
    // bad bytes are reported where they are.
    void invalidBytesInUtf8AreReportedWhereTheyAre()
    {
        const QByteArray bytes
            = QStringLiteral("Ad;Soyad\nAyşe;Işık\nŞükrü;Çağlayan\n").toUtf8() + QByteArray("Gül;Öz\xFF\xFE\n");
        QCOMPARE(TextEncoding::detect(bytes), Encoding::Utf8);
        CsvReader::Options options;
        options.fileName = QStringLiteral("f.csv");
        auto r = CsvReader::read(bytes, options);
        QVERIFY(!r);
        QVERIFY2(r.message().startsWith(QStringLiteral("f.csv:4:2: ")), qPrintable(r.message()));
        QVERIFY2(r.message().contains(QStringLiteral("not valid in the file's encoding")), qPrintable(r.message()));
        // Forcing UTF-8 gives the same.
        options.encoding = Encoding::Utf8;
        QVERIFY(!CsvReader::read(bytes, options));
        // A real Windows-1254 file is still recognised.
        const QByteArray cp = TextEncoding::encodeWindows1254(QStringLiteral("Ad;Soyad\nAyşe;Işık\nŞükrü;Çağlayan\n"));
        QCOMPARE(TextEncoding::detect(cp), Encoding::Windows1254);
        auto c = CsvReader::read(cp, {});
        QVERIFY(c);
        QCOMPARE(c->table.rows[1].cells().at(1), QStringLiteral("Çağlayan"));
    }

    // Issue: NUL and other control characters were stored inside names.
    void controlCharactersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("where");
        QTest::newRow("NUL") << QByteArray("Ad;Soyad\nAy\0e;Işık\n", 20) << QStringLiteral("f.csv:2:1: ");
        QTest::newRow("bell in the header") << QByteArray("Ad;So\x07yad\nA;B\n") << QStringLiteral("f.csv:1:2: ");
        QTest::newRow("escape") << QByteArray("Ad;Soyad\nA;B\x1B[31m\n") << QStringLiteral("f.csv:2:2: ");
        QTest::newRow("DEL") << QByteArray("Ad;Soyad\nA;B\x7F\n") << QStringLiteral("f.csv:2:2: ");
        QTest::newRow("C1 control (UTF-8)") << QByteArray("Ad;Soyad\nA;\xC2\x85\n") << QStringLiteral("f.csv:2:2: ");
    }
    void controlCharactersAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, where);
        CsvReader::Options options;
        options.fileName = QStringLiteral("f.csv");
        auto r = CsvReader::read(bytes, options);
        QVERIFY(!r);
        QVERIFY2(r.message().startsWith(where), qPrintable(r.message()));
        QVERIFY2(r.message().contains(QStringLiteral("control character")), qPrintable(r.message()));
        // Tabs and line breaks inside quotes are text.
        QVERIFY(CsvReader::read(QByteArray("Ad;Not\nA;\"iki\r\nsat\tır\"\n"), options));
    }

    // Issue: /dev/zero ran for minutes and took gigabytes; a FIFO blocked.
    // Anything but a regular file is refused before it is opened.
    void nonRegularFilesAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList paths { dir.path() };
#ifdef Q_OS_UNIX
        const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        paths << fifo;
        if (QFileInfo::exists(QStringLiteral("/dev/zero")))
            paths << QStringLiteral("/dev/zero");
#endif
        for (const QString &path : paths) {
            auto r = TableReader::read(path, {});
            QVERIFY(!r);
            QVERIFY2(r.message().startsWith(path), qPrintable(r.message()));
            QVERIFY2(r.message().contains(QStringLiteral("folder")) || r.message().contains(QStringLiteral("not a regular file")),
                qPrintable(r.message()));
        }
    }

    void oversizedInputIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A file larger than the limit (sparse: no disk space used).
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(InputLimits::kMaxFileBytes + 1));
        }
        auto r = TableReader::read(big, {});
        QVERIFY(!r);
        QVERIFY2(r.message().startsWith(big) && r.message().contains(QStringLiteral("too large")), qPrintable(r.message()));

        CsvReader::Options options;
        options.fileName = QStringLiteral("f.csv");
        // A line longer than the limit: a file of one endless line.
        const QByteArray longLine = QByteArray("Ad;Soyad\n") + QByteArray(InputLimits::kMaxRecordChars + 10, 'x') + "\n";
        auto line = CsvReader::read(longLine, options);
        QVERIFY(!line);
        QVERIFY2(
            line.message().startsWith(QStringLiteral("f.csv:2:1: ")) && line.message().contains(QStringLiteral("longer than")),
            qPrintable(line.message()));
        // A quoted field that never ends, in a large file.
        const QByteArray open = QByteArray("Ad;Soyad\nA;\"open\n") + QByteArray(3 * 1024 * 1024, 'y');
        auto quote = CsvReader::read(open, options);
        QVERIFY(!quote);
        QVERIFY2(
            quote.message().startsWith(QStringLiteral("f.csv:2:2: ")) && quote.message().contains(QStringLiteral("never ends")),
            qPrintable(quote.message()));
        // A cell longer than Excel allows.
        auto cell = CsvReader::read(QByteArray("Ad;Not\nA;") + QByteArray(InputLimits::kMaxCellChars + 1, 'z') + "\n", options);
        QVERIFY(!cell);
        QVERIFY2(cell.message().startsWith(QStringLiteral("f.csv:2:2: ")), qPrintable(cell.message()));
        // Too many columns.
        auto columns = CsvReader::read(QByteArray(InputLimits::kMaxColumns + 1, ';') + "\n", options);
        QVERIFY(!columns);
        QVERIFY2(columns.message().contains(QStringLiteral("columns")), qPrintable(columns.message()));
        // Too many cells: 2,001 columns of one character, one row more than the limit allows.
        QByteArray row;
        for (int c = 0; c < 2000; ++c)
            row += "1;";
        row += "1\n";
        QByteArray many = row;
        for (qint64 i = 0; i <= InputLimits::kMaxCells / 2001; ++i)
            many += row;
        auto cells = CsvReader::read(many, options);
        QVERIFY(!cells);
        QVERIFY2(cells.message().contains(QStringLiteral("too large")), qPrintable(cells.message()));
        QVERIFY(cells.error().line > 1);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
