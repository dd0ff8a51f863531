// SPDX-License-Identifier: GPL-3.0-or-later
// The document engine (models/document/): how blocks flow onto pages (table
// headers repeated, zebra rows, wrapped cells, headings kept with what
// follows, charts and images placed), what the charts draw (bar lengths,
// stacked shares, scatter points, measured in pixels), and the PDF file
// (text extractable, page numbers, owner-only and complete or absent).
#include "models/document/chartpainter.h"
#include "models/document/documentlayout.h"
#include "models/document/documentpainter.h"
#include "models/document/pdfwriter.h"

#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>

using namespace kopru;
using namespace kopru::document;

namespace {

// A PDF writer with the document's page layout, writing nowhere in particular.
std::unique_ptr<QPdfWriter> deviceFor(const Document &doc, const QString &path)
{
    auto writer = std::make_unique<QPdfWriter>(path);
    writer->setResolution(300);
    writer->setPageLayout(DocumentPainter::pageLayout(doc));
    return writer;
}

int count(const LaidOutPage &page, PageOp::Kind kind, const QColor &colour = {})
{
    int n = 0;
    for (const PageOp &op : page.ops)
        n += op.kind == kind && (!colour.isValid() || op.colour == colour);
    return n;
}

QString pdfText(const QString &pdf, int page = 0)
{
    QStringList args { QStringLiteral("-enc"), QStringLiteral("UTF-8") };
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

Document tableDocument(int rows)
{
    Document doc;
    doc.title = QStringLiteral("Tablo");
    doc.orientation = QPageLayout::Landscape;
    Block t = table({ { QStringLiteral("Öğretmen"), 2 }, { QStringLiteral("Saat"), 1, true } });
    for (int r = 0; r < rows; ++r)
        t.table.rows.push_back({ QStringLiteral("Satır %1 Işık Çağrı").arg(r), QString::number(r) });
    doc.section(QStringLiteral("Merkez A")).blocks.push_back(std::move(t));
    return doc;
}

// The horizontal extent [first, last] of pixels of `colour` on line `y` of `image`, or {-1, -1}.
std::pair<int, int> extent(const QImage &image, int y, const QColor &colour)
{
    int first = -1, last = -1;
    for (int x = 0; x < image.width(); ++x)
        if (image.pixelColor(x, y) == colour) {
            if (first < 0)
                first = x;
            last = x;
        }
    return { first, last };
}

// Rows of `image` that hold `colour` in the plot area, grouped in runs (one per bar).
std::vector<int> barCentres(const QImage &image, const QColor &colour)
{
    std::vector<int> centres;
    int start = -1;
    for (int y = 0; y <= image.height(); ++y) {
        const bool has = y < image.height() && extent(image, y, colour).first >= 0;
        if (has && start < 0)
            start = y;
        if (!has && start >= 0) {
            centres.push_back((start + y - 1) / 2);
            start = -1;
        }
    }
    return centres;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void tableHeaderRepeatsOnEveryPageWithZebraRows()
    {
        const Document doc = tableDocument(300);
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("t.pdf")));
        DocumentLayout layout(doc, device.get());
        const std::vector<LaidOutPage> pages = layout.run();
        QVERIFY(pages.size() > 3);
        int zebra = 0, rowTexts = 0;
        for (const LaidOutPage &page : pages) {
            QCOMPARE(page.section, QStringLiteral("Merkez A"));
            QCOMPARE(count(page, PageOp::Kind::Fill, colours::tableHeader), 1); // the header, once per page
            zebra += count(page, PageOp::Kind::Fill, colours::zebra);
            for (const PageOp &op : page.ops)
                rowTexts += op.kind == PageOp::Kind::Text && op.font == FontRole::Table;
            // Nothing below the body: the last rule is above the footer.
            for (const PageOp &op : page.ops)
                QVERIFY(op.rect.bottom() <= layout.pageHeight() - layout.footerHeight());
        }
        QCOMPARE(zebra, 150); // every other row
        QCOMPARE(rowTexts, 600); // two cells of 300 rows
    }

    void wrappedCellsStayInTheirColumn()
    {
        Document doc;
        Block t = table({ { QStringLiteral("Kısa"), 1 }, { QStringLiteral("Uzun"), 1 }, { QStringLiteral("Sayı"), 4, true } });
        const QString longText = QStringLiteral("Kahramanmaraş Afyonkarahisar Şanlıurfa Gümüşhane Kırklareli Çanakkale");
        t.table.rows.push_back({ QStringLiteral("a"), longText, QStringLiteral("12") });
        doc.last().blocks.push_back(std::move(t));
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("w.pdf")));
        DocumentLayout layout(doc, device.get());
        const auto pages = layout.run();
        QCOMPARE(pages.size(), std::size_t(1));
        const double column = layout.width() / 6;
        bool found = false;
        double numberRight = 0;
        for (const PageOp &op : pages[0].ops) {
            if (op.kind != PageOp::Kind::Text || op.font != FontRole::Table)
                continue;
            if (op.rect.left() > column && op.rect.left() < 2 * column) { // the long cell
                found = true;
                QVERIFY2(op.text->lines > 2, qPrintable(QString::number(op.text->lines)));
                QVERIFY(op.text->width <= op.rect.width() + 0.5);
                QVERIFY(!op.clip);
            } else if (op.rect.left() > 2 * column) {
                numberRight = op.origin.x() + op.text->width;
                QVERIFY(std::abs(numberRight - op.rect.right()) < 1); // numbers right-aligned
            }
        }
        QVERIFY(found);
        QVERIFY(numberRight > 0);
    }

    void aWordIsBrokenOnlyWhenItCannotFit()
    {
        Document doc;
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("k.pdf")));
        const QString word = QStringLiteral("Öğretmenler");
        double wordWidth = 0, pageWidth = 0, mm = 0;
        {
            const DocumentLayout probe(doc, device.get());
            wordWidth = QFontMetricsF(probe.fonts()[FontRole::TableBold], device.get()).horizontalAdvance(word);
            pageWidth = probe.width();
            mm = probe.mm(1);
        }
        // The cell (less 1 mm of padding each side) is 0.5 mm narrower than the word: it takes
        // some of the padding rather than "Öğretmenle / r"; three words' worth of letters are broken.
        const double column = wordWidth - mm / 2 + 2 * mm;
        doc.last().blocks.push_back(table({ { word, column, true }, { QStringLiteral("B"), pageWidth - column } },
            { { word.repeated(3), QStringLiteral("x") } }));
        DocumentLayout layout(doc, device.get());
        const auto pages = layout.run();
        int checked = 0;
        for (const PageOp &op : pages[0].ops) {
            if (op.kind != PageOp::Kind::Text || op.rect.left() > column)
                continue;
            if (op.font == FontRole::TableBold) {
                QCOMPARE(op.text->lines, 1);
                QVERIFY(std::abs(op.origin.x() + op.text->width - op.rect.right()) < 1); // right-aligned, into the padding
            } else {
                QVERIFY(op.text->lines >= 3);
            }
            ++checked;
        }
        QCOMPARE(checked, 2);
    }

    // Issue #18: a header word is never broken ("Yerleştiril / en") while
    // other columns have room to spare: its column takes what it lacks from them.
    void headerWordsAreNotBrokenWhenOtherColumnsHaveRoom()
    {
        Document doc;
        const QString header = QStringLiteral("Yerleştirilen");
        std::vector<TableColumn> columns { { QStringLiteral("Öğretmen ve okul"), 12 }, { header, 1, true },
            { QStringLiteral("İl"), 3 }, { QStringLiteral("Sanayi ortağı"), 10 } };
        doc.last().blocks.push_back(table(columns,
            { { QStringLiteral("Ayşe Işık"), QStringLiteral("12"), QStringLiteral("Ankara"), QStringLiteral("Aselsan") } }));
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("h.pdf")));
        DocumentLayout layout(doc, device.get());
        const double wordWidth = QFontMetricsF(layout.fonts()[FontRole::TableBold], device.get()).horizontalAdvance(header);
        QVERIFY2(wordWidth > layout.width() / 26, "the column's share is narrower than the word");
        const auto pages = layout.run();
        QCOMPARE(pages.size(), std::size_t(1));
        int headers = 0;
        double right = 0;
        for (const PageOp &op : pages[0].ops) {
            if (op.kind != PageOp::Kind::Text)
                continue;
            QVERIFY(op.rect.right() <= layout.width() + 0.5);
            right = std::max(right, op.rect.right());
            if (op.font == FontRole::TableBold) {
                ++headers;
                QVERIFY2(op.text->lines == 1, qPrintable(QStringLiteral("a header over %1 lines").arg(op.text->lines)));
                QVERIFY(op.text->width <= op.rect.width() + 0.5);
            }
        }
        QCOMPARE(headers, 4);
        QVERIFY(right > layout.width() * 0.9); // the table still spans the page
    }

    void headingStaysWithWhatFollows()
    {
        Document doc;
        Section &s = doc.last();
        // Fill the first page almost to the bottom.
        for (int i = 0; i < 200; ++i)
            s.blocks.push_back(paragraph(QStringLiteral("Satır %1").arg(i)));
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("h.pdf")));
        int fit = 0;
        {
            DocumentLayout probe(doc, device.get());
            const auto pages = probe.run();
            fit = count(pages[0], PageOp::Kind::Text); // paragraphs on a full page
        }
        s.blocks.resize(std::size_t(fit - 1));
        s.blocks.push_back(heading(QStringLiteral("Ortaklar"), QStringLiteral("adres")));
        Block t = table({ { QStringLiteral("A"), 1 } });
        t.table.rows.push_back({ QStringLiteral("x") });
        s.blocks.push_back(std::move(t));
        DocumentLayout layout(doc, device.get());
        const auto pages = layout.run();
        QCOMPARE(pages.size(), std::size_t(2));
        QCOMPARE(count(pages[0], PageOp::Kind::Text), fit - 1);
        QCOMPARE(pages[1].ops.front().font, FontRole::Heading2); // moved with its table
        QCOMPARE(count(pages[1], PageOp::Kind::Fill, colours::tableHeader), 1);
    }

    void sectionsAndPageBreaksStartPages()
    {
        Document doc;
        doc.section(QStringLiteral("Bir")).blocks.push_back(paragraph(QStringLiteral("a")));
        doc.section(QStringLiteral("Bir")).blocks.push_back(pageBreak());
        doc.section(QStringLiteral("Bir")).blocks.push_back(pageBreak()); // at the top of a page: nothing
        doc.section(QStringLiteral("Bir")).blocks.push_back(paragraph(QStringLiteral("b")));
        doc.section(QStringLiteral("İki")).blocks.push_back(paragraph(QStringLiteral("c")));
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("s.pdf")));
        const auto pages = DocumentLayout(doc, device.get()).run();
        QCOMPARE(pages.size(), std::size_t(3));
        QCOMPARE(pages[1].section, QStringLiteral("Bir"));
        QCOMPARE(pages[2].section, QStringLiteral("İki"));
    }

    void imageKeepsItsAspectRatio()
    {
        Document doc;
        QImage picture(400, 100, QImage::Format_RGB32);
        picture.fill(Qt::red);
        doc.last().blocks.push_back(image(picture, 50));
        auto device = deviceFor(doc, m_dir.filePath(QStringLiteral("i.pdf")));
        DocumentLayout layout(doc, device.get());
        const auto pages = layout.run();
        QCOMPARE(count(pages[0], PageOp::Kind::Image), 1);
        const QRectF r = pages[0].ops.front().rect;
        QVERIFY(std::abs(r.width() - layout.mm(50)) < 1);
        QVERIFY(std::abs(r.height() - r.width() / 4) < 1);
        QVERIFY(std::abs(r.center().x() - layout.width() / 2) < 1); // centred
    }

    void barsAreAsLongAsTheirValues()
    {
        Chart chart;
        chart.categories = { QStringLiteral("Bir"), QStringLiteral("İki"), QStringLiteral("Üç") };
        const QColor blue(0x1f, 0x5f, 0x9f);
        chart.series.push_back({ QStringLiteral("Ortalama"), blue, { 5, 2.5, 1 }, {}, 0 });
        chart.valueAxis.min = 0;
        chart.valueAxis.max = 5;
        QImage image(1200, 500, QImage::Format_RGB32);
        image.fill(Qt::white);
        const Fonts fonts(Typography {});
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, false);
            ChartPainter(fonts, &image).paint(painter, chart, QRectF(0, 0, image.width(), image.height()));
        }
        const std::vector<int> bars = barCentres(image, blue);
        QCOMPARE(bars.size(), std::size_t(3));
        QVERIFY(bars[0] < bars[1] && bars[1] < bars[2]); // the first category at the top
        const auto full = extent(image, bars[0], blue), half = extent(image, bars[1], blue), fifth = extent(image, bars[2], blue);
        QCOMPARE(half.first, full.first); // from the same axis
        // The axis maximum reaches the end of the plot (4 mm from the right edge, for the last tick label).
        const double plotRight = image.width() - 4 * image.logicalDpiX() / 25.4;
        QVERIFY2(std::abs(full.second - plotRight) <= 2, qPrintable(QStringLiteral("%1 %2").arg(full.second).arg(plotRight)));
        const double length = full.second - full.first;
        QVERIFY2(std::abs((half.second - half.first) - length / 2) <= 2, qPrintable(QString::number(half.second - half.first)));
        QVERIFY(std::abs((fifth.second - fifth.first) - length / 5) <= 2);
    }

    void stackedBarsShowShares()
    {
        Chart chart;
        chart.kind = Chart::Kind::StackedPercent;
        chart.categories = { QStringLiteral("A") };
        const QColor a(0x2c, 0x7b, 0xb6), b(0xfd, 0xae, 0x61), c(0xd7, 0x19, 0x1c);
        chart.series = { { QStringLiteral("1"), a, { 10 }, {}, 0 }, { QStringLiteral("2"), b, { 10 }, {}, 0 },
            { QStringLiteral("3"), c, { 20 }, {}, 0 } };
        chart.legend = true;
        QImage image(1000, 300, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            ChartPainter(Fonts(Typography {}), &image).paint(painter, chart, QRectF(0, 0, image.width(), image.height()));
        }
        const std::vector<int> rows = barCentres(image, c);
        QVERIFY(!rows.empty());
        const int y = rows.back(); // the bar (the legend's swatch is above it)
        const auto sa = extent(image, y, a), sb = extent(image, y, b), sc = extent(image, y, c);
        const double total = sc.second - sa.first;
        QVERIFY(std::abs((sa.second - sa.first) - total / 4) <= 3);
        QVERIFY(std::abs((sb.second - sb.first) - total / 4) <= 3);
        QVERIFY(std::abs((sc.second - sc.first) - total / 2) <= 3);
    }

    void scatterPointsLandOnTheirValues()
    {
        Chart chart;
        chart.kind = Chart::Kind::Scatter;
        const QColor red(0xd7, 0x19, 0x1c);
        chart.series.push_back({ QStringLiteral("p"), red, {}, { QPointF(0, 1), QPointF(10, 5) }, 3 });
        chart.xAxis.min = 0;
        chart.xAxis.max = 10;
        chart.valueAxis.min = 1;
        chart.valueAxis.max = 5;
        QImage image(800, 600, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            ChartPainter(Fonts(Typography {}), &image).paint(painter, chart, QRectF(0, 0, image.width(), image.height()));
        }
        // The red pixels form two discs: bottom left (0, 1) and top right (10, 5).
        QPoint lowest(0, 0), highest(image.width(), image.height());
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y) == red) {
                    if (y > lowest.y())
                        lowest = QPoint(x, y);
                    if (y < highest.y())
                        highest = QPoint(x, y);
                }
        QVERIFY(lowest.x() < image.width() / 4 && lowest.y() > image.height() * 3 / 4);
        QVERIFY(highest.x() > image.width() * 3 / 4 && highest.y() < image.height() / 4);
    }

    void pdfHasTheTextPageNumbersAndTurkishNumbers()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext is not installed");
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        Document doc = tableDocument(120);
        doc.footerNote = QStringLiteral("Anonimleştirilmiş");
        Section &s = doc.section(QStringLiteral("Grafikler"));
        s.blocks.push_back(heading(QStringLiteral("Başlık ğüşiöç"), {}, 1));
        s.blocks.push_back(keyValues({ { QStringLiteral("Sertifika no"), QStringLiteral("2027-0001") } }));
        Chart chart;
        chart.categories = { QStringLiteral("Kahramanmaraş") };
        chart.series.push_back({ QStringLiteral("Ortalama"), Qt::blue, { 2.5 }, {}, 0 });
        chart.valueAxis.max = 5;
        chart.valueAxis.min = 0;
        chart.valueAxis.ticks = 2;
        chart.valueAxis.decimals = 1;
        chart.valueLabelDecimals = 2;
        s.blocks.push_back(document::chart(chart));
        const QString path = m_dir.filePath(QStringLiteral("metin.pdf"));
        const auto pages = writePdf(doc, path);
        QLocale::setDefault(previous);
        QVERIFY2(pages, qPrintable(pages.message()));
        QVERIFY(pages.value() >= 3);
        for (int p = 1; p <= pages.value(); ++p) {
            const QString text = pdfText(path, p);
            QVERIFY2(text.contains(QStringLiteral("%1/%2").arg(p).arg(pages.value())), qPrintable(text.right(200)));
            QVERIFY(text.contains(QStringLiteral("Anonimleştirilmiş")));
            QVERIFY(text.contains(QStringLiteral("Tablo")));
        }
        QVERIFY(pdfText(path, 2).contains(QStringLiteral("Öğretmen"))); // the header on a continued page
        const QString all = pdfText(path);
        QVERIFY(all.contains(QStringLiteral("Satır 119 Işık Çağrı")));
        QVERIFY(all.contains(QStringLiteral("Başlık ğüşiöç")));
        QVERIFY(all.contains(QStringLiteral("Sertifika no")) && all.contains(QStringLiteral("2027-0001")));
        QVERIFY(all.contains(QStringLiteral("Kahramanmaraş")));
        QVERIFY2(all.contains(QStringLiteral("2,50")) && all.contains(QStringLiteral("2,5")), qPrintable(all.right(400)));
    }

    // A section's own footer note replaces the document's on its pages;
    // pageNumbers = false leaves "x/y" out (the certificates' pages).
    void sectionFooterAndNoPageNumbers()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext is not installed");
        Document doc;
        doc.footerNote = QStringLiteral("Belgenin notu");
        doc.pageNumbers = false;
        doc.section(QStringLiteral("Bir")).blocks.push_back(paragraph(QStringLiteral("Birinci sayfa")));
        doc.section(QStringLiteral("İki")).blocks.push_back(paragraph(QStringLiteral("İkinci sayfa")));
        doc.sections.back().footerNote = QStringLiteral("KPR-2027-007-00012 ABCDE-FGHJK");
        const QString path = m_dir.filePath(QStringLiteral("altbilgi.pdf"));
        const auto pages = writePdf(doc, path);
        QVERIFY2(pages, qPrintable(pages.message()));
        QCOMPARE(pages.value(), 2);
        const QString first = pdfText(path, 1), second = pdfText(path, 2);
        QVERIFY(first.contains(QStringLiteral("Belgenin notu")));
        QVERIFY(!first.contains(QStringLiteral("KPR-2027")));
        QVERIFY(second.contains(QStringLiteral("KPR-2027-007-00012 ABCDE-FGHJK")));
        QVERIFY(!second.contains(QStringLiteral("Belgenin notu")));
        QVERIFY2(!first.contains(QStringLiteral("1/2")) && !second.contains(QStringLiteral("2/2")), qPrintable(second));
    }

    // frameMm draws a frame in the margin, that far outside the body.
    void frameAroundThePage()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("pdftoppm is not installed");
        // The darkest pixel of the row through the page's middle, left of the body.
        const auto leftMarginInk = [this](double frameMm) {
            Document doc;
            doc.marginMm = 22;
            doc.frameMm = frameMm;
            doc.pageHeader = false;
            doc.section(QStringLiteral("A")).blocks.push_back(paragraph(QStringLiteral("Çerçeve")));
            const QString pdf = m_dir.filePath(QStringLiteral("frame%1.pdf").arg(frameMm));
            if (!writePdf(doc, pdf))
                return -1;
            QProcess p;
            p.start(QStringLiteral("pdftoppm"),
                { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-singlefile"), pdf,
                    m_dir.filePath(QStringLiteral("frame%1").arg(frameMm)) });
            p.waitForFinished(60000);
            const QImage image(m_dir.filePath(QStringLiteral("frame%1.png").arg(frameMm)));
            if (image.isNull())
                return -1;
            int darkest = 255;
            const double pxPerMm = 50 / 25.4;
            for (int x = int(5 * pxPerMm); x < int(20 * pxPerMm); ++x)
                darkest = std::min(darkest, qGray(image.pixel(x, image.height() / 2)));
            return darkest;
        };
        QVERIFY(leftMarginInk(9) < 160); // the frame 13 mm from the paper's edge
        QCOMPARE(leftMarginInk(0), 255); // no frame: the margin is blank
    }

    void pdfIsPrivateAndCompleteOrAbsent()
    {
        const Document doc = tableDocument(10);
        const QString path = m_dir.filePath(QStringLiteral("kisisel.pdf"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("eski");
        old.close();
        const auto pages = writePdf(doc, path);
        QVERIFY2(pages, qPrintable(pages.message()));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith("%PDF"));
#ifdef Q_OS_UNIX
        QCOMPARE(written.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
#endif
        const QString missing = m_dir.filePath(QStringLiteral("yok/klasör/r.pdf"));
        const auto refused = writePdf(doc, missing);
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QStringLiteral("yok/klasör")), qPrintable(refused.message()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("yok"))));
        // Nothing left beside the file: no temporary copies.
        QCOMPARE(QDir(m_dir.path()).entryList(QStringList { QStringLiteral("*.part") }, QDir::Hidden | QDir::Files).size(), 0);
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
