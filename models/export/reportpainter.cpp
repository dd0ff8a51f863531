// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/reportpainter.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRawFont>
#include <QSet>
#include <QTextLayout>
#include <QThread>
#include <algorithm>
#include <functional>
#include <memory>
#include <unordered_map>

namespace kopru::exporting {

namespace {

enum FontRole { TitleFont, HeadingFont, TextFont, TableFont, TableHeaderFont, BandFont, FontCount };

// The font of each role; made the same way on every thread that shapes text.
QFont reportFont(FontRole role)
{
    static constexpr double pt[FontCount] = { 11, 9.5, 8, 7.5, 7.5, 8 };
    QFont font;
    font.setPointSizeF(pt[role]);
    if (role == TitleFont || role == HeadingFont || role == TableHeaderFont)
        font.setBold(true);
    return font;
}

// A shaped and laid-out text.
struct ShapedText
{
    QList<QGlyphRun> runs; // positioned relative to the text's top left
    double width = 0; // widest line
    double height = 0;
    int lines = 0;
};

// Lays `text` out in `font` on `device`; `wrapWidth` <= 0: one line, never wrapped.
ShapedText layOutText(const QString &text, const QFont &font, const QPaintDevice *device, double wrapWidth)
{
    QTextLayout layout(text, font, device);
    // Keeps the shaped glyphs after endLayout(): glyphRuns() below would
    // otherwise shape the whole text a second time.
    layout.setCacheEnabled(true);
    QTextOption option;
    option.setWrapMode(wrapWidth > 0 ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    ShapedText shaped;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(wrapWidth > 0 ? wrapWidth : 1e9);
        line.setPosition(QPointF(0, shaped.height));
        shaped.height += line.height();
        shaped.width = std::max(shaped.width, line.naturalTextWidth());
        ++shaped.lines;
    }
    layout.endLayout();
    shaped.runs = layout.glyphRuns();
    return shaped;
}

// Shapes and lays out each distinct (text, width) once per font: measuring
// and painting reuse the glyph runs (most cells repeat: dates, provinces,
// schools, statuses), and painting glyph runs skips a second text layout.
class GlyphCache
{
public:
    using Entry = ShapedText;
    GlyphCache(const QFont *fonts, QPaintDevice *device)
        : m_fonts(fonts)
        , m_device(device)
    { }

    // `wrapWidth` <= 0: one line, never wrapped. The entry stays at the same
    // address for the cache's lifetime (the laid-out pages point to it).
    const Entry &get(FontRole role, const QString &text, double wrapWidth = 0)
    {
        auto &cache = m_cache[role];
        const Key key { text, widthKey(wrapWidth) };
        auto it = cache.find(key);
        if (it == cache.end())
            it = cache.emplace(key, layOutText(text, m_fonts[role], m_device, wrapWidth)).first;
        return it->second;
    }
    // Adds a text shaped elsewhere (see PreShaper) unless it is already there.
    void insert(FontRole role, const QString &text, double wrapWidth, Entry entry)
    {
        m_cache[role].emplace(Key { text, widthKey(wrapWidth) }, std::move(entry));
    }

private:
    static int widthKey(double wrapWidth) { return wrapWidth > 0 ? qRound(wrapWidth) : 0; }
    struct Key
    {
        QString text;
        int width; // rounded wrap width; 0: not wrapped
        bool operator==(const Key &o) const { return width == o.width && text == o.text; }
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &k) const noexcept { return qHash(k.text, std::size_t(k.width)); }
    };
    const QFont *m_fonts;
    QPaintDevice *m_device;
    // Node-based: references to entries stay valid as the cache grows.
    std::unordered_map<Key, Entry, KeyHash> m_cache[FontCount];
};

// Whether a text measured on one line must be wrapped to fit `width`.
bool needsWrap(const ShapedText &oneLine, double width)
{
    return oneLine.lines > 1 || oneLine.width > width;
}

// Shaping is a quarter of a long report's time: a second thread shapes half
// of the distinct texts (on one line and, where that does not fit, wrapped to
// its cell) while this one shapes the other half.
// Qt's font objects (QFont's engines, QRawFont, QGlyphRun) must stay on the
// thread that made them, so the worker makes its own fonts at the device's
// resolution and hands back plain glyph indexes and positions; this thread
// gives them its own QRawFont. Used only when every run of a text is in the
// role's primary font (no fallback font) and when a sample of the worker's
// texts, shaped again here, matches glyph for glyph: else the texts are
// shaped here as before. The PDF is byte-identical either way.
class PreShaper
{
public:
    static constexpr std::size_t kMinimumTexts = 2000; // below: not worth a thread

    // Where each table's cells wrap (column widths less the padding).
    using CellWidths = std::function<std::vector<double>(const ReportBlock &table)>;

    // Shapes the distinct texts of `doc` into `cache`: one line, and wrapped
    // (to the page width, or to the cell for table cells) where needed.
    static void run(const ReportDocument &doc, const QFont *fonts, QPaintDevice *device, double pageWidth,
        const CellWidths &cellWidths, GlyphCache &cache)
    {
        std::vector<Item> mine, theirs;
        collect(doc, pageWidth, cellWidths, mine, theirs);
        if (theirs.size() + mine.size() < kMinimumTexts || QThread::idealThreadCount() < 2)
            return; // shaped on demand
        const Metrics metrics(*device);
        std::unique_ptr<QThread> worker(QThread::create([&theirs, &metrics] { shapeOnWorker(theirs, metrics); }));
        worker->start();
        for (const Item &item : mine)
            if (needsWrap(cache.get(item.role, item.text), item.wrapWidth))
                cache.get(item.role, item.text, item.wrapWidth);
        worker->wait();
        worker.reset();

        QRawFont primary[FontCount];
        for (int i = 0; i < FontCount; ++i)
            primary[i] = QRawFont::fromFont(QFont(fonts[i], device));
        if (!matchesHere(theirs, fonts, device, primary))
            return; // shaped on demand
        for (Item &item : theirs) {
            if (item.line.usable)
                cache.insert(item.role, item.text, 0, toShapedText(item.line, primary[item.role]));
            if (item.wrapped.usable)
                cache.insert(item.role, item.text, item.wrapWidth, toShapedText(item.wrapped, primary[item.role]));
        }
    }

private:
    // A layout made on the worker, as plain data.
    struct Result
    {
        bool usable = false;
        double width = 0, height = 0;
        int lines = 0;
        struct Run
        {
            QList<quint32> glyphs;
            QList<QPointF> positions;
            QGlyphRun::GlyphRunFlags flags;
        };
        std::vector<Run> runs;
    };
    // A text to shape, and the worker's results.
    struct Item
    {
        FontRole role = TextFont;
        QString text;
        double wrapWidth = 0;
        Result line, wrapped;
    };

    // The painted device's metrics, read on this thread, reported on the worker's.
    struct Metrics
    {
        explicit Metrics(const QPaintDevice &d)
            : width(d.width())
            , height(d.height())
            , widthMM(d.widthMM())
            , heightMM(d.heightMM())
            , colorCount(d.colorCount())
            , depth(d.depth())
            , dpiX(d.logicalDpiX())
            , dpiY(d.logicalDpiY())
            , physicalDpiX(d.physicalDpiX())
            , physicalDpiY(d.physicalDpiY())
            , pixelRatio(d.devicePixelRatio())
        { }
        int width, height, widthMM, heightMM, colorCount, depth, dpiX, dpiY, physicalDpiX, physicalDpiY;
        double pixelRatio;
    };
    class MetricsDevice final : public QPaintDevice
    {
    public:
        explicit MetricsDevice(const Metrics &m)
            : m_m(m)
        { }
        QPaintEngine *paintEngine() const override { return nullptr; }

    protected:
        int metric(PaintDeviceMetric metric) const override
        {
            switch (metric) {
            case PdmWidth:
                return m_m.width;
            case PdmHeight:
                return m_m.height;
            case PdmWidthMM:
                return m_m.widthMM;
            case PdmHeightMM:
                return m_m.heightMM;
            case PdmNumColors:
                return m_m.colorCount;
            case PdmDepth:
                return m_m.depth;
            case PdmDpiX:
                return m_m.dpiX;
            case PdmDpiY:
                return m_m.dpiY;
            case PdmPhysicalDpiX:
                return m_m.physicalDpiX;
            case PdmPhysicalDpiY:
                return m_m.physicalDpiY;
            case PdmDevicePixelRatio:
                return qRound(m_m.pixelRatio);
            case PdmDevicePixelRatioScaled:
                return qRound(m_m.pixelRatio * devicePixelRatioFScale());
            }
            return 0;
        }

    private:
        Metrics m_m;
    };

    // The distinct texts in document order with the width they wrap to (as
    // Layout will ask for them), every other one for the worker.
    static void collect(const ReportDocument &doc, double pageWidth, const CellWidths &cellWidths, std::vector<Item> &mine,
        std::vector<Item> &theirs)
    {
        QSet<QString> seen[FontCount];
        auto want = [&](FontRole role, const QString &text, double wrapWidth) {
            if (text.isEmpty())
                return;
            const auto before = seen[role].size();
            seen[role].insert(text);
            if (seen[role].size() == before)
                return;
            Item item;
            item.role = role;
            item.text = text;
            item.wrapWidth = wrapWidth;
            ((mine.size() + theirs.size()) % 2 ? theirs : mine).push_back(std::move(item));
        };
        for (const ReportSection &section : doc.sections) {
            for (const ReportBlock &block : section.blocks) {
                switch (block.type) {
                case ReportBlock::Type::Heading:
                    want(HeadingFont, block.text, pageWidth);
                    want(TextFont, block.subtitle, pageWidth);
                    break;
                case ReportBlock::Type::Text:
                    want(TextFont, block.text, pageWidth);
                    break;
                case ReportBlock::Type::Table: {
                    const std::vector<double> widths = cellWidths(block);
                    for (std::size_t c = 0; c < block.columns.size() && c < widths.size(); ++c)
                        want(TableHeaderFont, block.columns[c].header, widths[c]);
                    for (const QStringList &row : block.rows)
                        for (qsizetype c = 0; c < row.size() && std::size_t(c) < widths.size(); ++c)
                            want(TableFont, row.at(c), widths[std::size_t(c)]);
                    break;
                }
                }
            }
        }
    }

    static Result toResult(const ShapedText &shaped, const QRawFont &primary)
    {
        Result result;
        result.usable = std::all_of(
            shaped.runs.cbegin(), shaped.runs.cend(), [&](const QGlyphRun &run) { return run.rawFont() == primary; });
        if (!result.usable)
            return result;
        result.width = shaped.width;
        result.height = shaped.height;
        result.lines = shaped.lines;
        for (const QGlyphRun &run : shaped.runs)
            result.runs.push_back(Result::Run { run.glyphIndexes(), run.positions(), run.flags() });
        return result;
    }

    static ShapedText toShapedText(const Result &result, const QRawFont &font)
    {
        ShapedText shaped;
        shaped.width = result.width;
        shaped.height = result.height;
        shaped.lines = result.lines;
        for (const Result::Run &r : result.runs) {
            QGlyphRun run;
            run.setRawFont(font);
            run.setGlyphIndexes(r.glyphs);
            run.setPositions(r.positions);
            run.setFlags(r.flags);
            shaped.runs.append(run);
        }
        return shaped;
    }

    // On the worker thread: its own fonts, at the device's resolution.
    static void shapeOnWorker(std::vector<Item> &items, const Metrics &metrics)
    {
        const MetricsDevice device(metrics);
        QFont fonts[FontCount];
        QRawFont primary[FontCount];
        for (int i = 0; i < FontCount; ++i) {
            fonts[i] = QFont(reportFont(FontRole(i)), &device);
            primary[i] = QRawFont::fromFont(fonts[i]);
        }
        for (Item &item : items) {
            const ShapedText line = layOutText(item.text, fonts[item.role], &device, 0);
            item.line = toResult(line, primary[item.role]);
            if (item.line.usable && needsWrap(line, item.wrapWidth))
                item.wrapped = toResult(layOutText(item.text, fonts[item.role], &device, item.wrapWidth), primary[item.role]);
        }
    }

    // Whether `result` is `here` glyph for glyph, in this thread's primary font.
    static bool same(const Result &result, const ShapedText &here, const QRawFont &primary)
    {
        if (here.width != result.width || here.height != result.height || here.lines != result.lines
            || std::size_t(here.runs.size()) != result.runs.size())
            return false;
        for (qsizetype r = 0; r < here.runs.size(); ++r) {
            const QGlyphRun &run = here.runs.at(r);
            const Result::Run &theirs = result.runs[std::size_t(r)];
            if (run.rawFont() != primary || run.glyphIndexes() != theirs.glyphs || run.positions() != theirs.positions
                || run.flags() != theirs.flags)
                return false;
        }
        return true;
    }

    // Shapes a few of the worker's texts here (three on one line, two
    // wrapped) and compares them with the worker's.
    static bool matchesHere(const std::vector<Item> &items, const QFont *fonts, QPaintDevice *device, const QRawFont *primary)
    {
        int lines = 0, wrapped = 0;
        for (const Item &item : items) {
            if (lines < 3 && item.line.usable) {
                if (!same(item.line, layOutText(item.text, fonts[item.role], device, 0), primary[item.role]))
                    return false;
                ++lines;
            }
            if (wrapped < 2 && item.wrapped.usable) {
                if (!same(item.wrapped, layOutText(item.text, fonts[item.role], device, item.wrapWidth), primary[item.role]))
                    return false;
                ++wrapped;
            }
            if (lines == 3 && wrapped == 2)
                break;
        }
        return true;
    }
};

// One drawing operation of a laid-out page.
struct Op
{
    enum class Kind { Text, Fill, Line };
    Kind kind = Kind::Text;
    QRectF rect; // Fill; Line: its top edge; Text: the clip rectangle when `clip`
    FontRole font = TextFont;
    QColor color; // Fill, Line
    // Text: shaped texts and where their top left goes on the page. A table
    // row's cells are one operation, painted as one glyph run per font: the
    // PDF gets one text object per row instead of one per cell.
    struct Piece
    {
        const GlyphCache::Entry *glyphs; // owned by the layout's cache
        QPointF origin;
    };
    std::vector<Piece> pieces;
    bool clip = false; // Text: cut to `rect` (a row cut at the page height)
};

// Collects glyph runs moved to page positions, one run per font, and paints
// them. Its buffers are reused from one operation to the next.
class RunMerger
{
public:
    void add(const QList<QGlyphRun> &runs, const QPointF &origin)
    {
        for (const QGlyphRun &run : runs) {
            const QRawFont font = run.rawFont();
            Part *part = nullptr;
            for (std::size_t i = 0; i < m_used && !part; ++i)
                if (m_parts[i].font == font && m_parts[i].flags == run.flags())
                    part = &m_parts[i];
            if (!part) {
                if (m_used == m_parts.size())
                    m_parts.emplace_back();
                part = &m_parts[m_used++];
                part->font = font;
                part->flags = run.flags();
                part->glyphs.clear();
                part->positions.clear();
            }
            const QList<quint32> glyphs = run.glyphIndexes();
            const QList<QPointF> positions = run.positions();
            part->glyphs.insert(part->glyphs.end(), glyphs.cbegin(), glyphs.cend());
            // The same sums as QPainter::drawGlyphRun(origin, run) computes.
            for (const QPointF &pos : positions)
                part->positions.push_back(origin + pos);
        }
    }
    // Paints what was added at (0, 0) and starts over.
    void paint(QPainter &painter)
    {
        for (std::size_t i = 0; i < m_used; ++i) {
            const Part &p = m_parts[i];
            QGlyphRun run;
            run.setRawFont(p.font);
            run.setFlags(p.flags);
            run.setRawData(p.glyphs.data(), p.positions.data(), int(std::min(p.glyphs.size(), p.positions.size())));
            painter.drawGlyphRun(QPointF(0, 0), run);
        }
        m_used = 0;
    }

private:
    struct Part
    {
        QRawFont font;
        QGlyphRun::GlyphRunFlags flags;
        std::vector<quint32> glyphs;
        std::vector<QPointF> positions;
    };
    std::vector<Part> m_parts;
    std::size_t m_used = 0;
};

struct LaidOutPage
{
    QString section;
    std::vector<Op> ops;
};

class Layout
{
public:
    Layout(const ReportDocument &doc, QPaintDevice *device)
        : m_doc(doc)
        , m_device(device)
    {
        for (int i = 0; i < FontCount; ++i) {
            m_fonts[i] = reportFont(FontRole(i));
            m_metrics.emplace_back(m_fonts[i], device);
            m_lineSpacing[i] = m_metrics.back().lineSpacing();
        }
        m_width = device->width();
        const double bandFont = m_metrics[BandFont].lineSpacing();
        m_bodyTop = m_metrics[TitleFont].lineSpacing() + mm(4);
        m_bodyBottom = device->height() - bandFont - mm(3);
        m_pad = mm(1.0);
        m_glyphs = std::make_unique<GlyphCache>(m_fonts, device);
        PreShaper::run(
            doc, m_fonts, device, m_width,
            [this](const ReportBlock &t) {
                std::vector<double> widths = columnWidths(t);
                for (double &w : widths)
                    w -= 2 * m_pad; // as emitRow() and rowHeight() measure cells
                return widths;
            },
            *m_glyphs);
    }

    std::vector<LaidOutPage> run()
    {
        for (const ReportSection &section : m_doc.sections) {
            newPage(section.name);
            for (std::size_t b = 0; b < section.blocks.size(); ++b) {
                const ReportBlock &block = section.blocks[b];
                const ReportBlock *next = b + 1 < section.blocks.size() ? &section.blocks[b + 1] : nullptr;
                switch (block.type) {
                case ReportBlock::Type::Heading:
                    heading(block, next);
                    break;
                case ReportBlock::Type::Text:
                    paragraph(block.text, TextFont, mm(1.5));
                    break;
                case ReportBlock::Type::Table:
                    table(block);
                    break;
                }
            }
        }
        if (m_pages.empty())
            newPage(QString());
        return std::move(m_pages);
    }

    const QFont &font(FontRole role) const { return m_fonts[role]; }
    double ascent(int role) const { return m_metrics[std::size_t(role)].ascent(); }
    double mm(double v) const { return v * m_device->logicalDpiY() / 25.4; }
    double width() const { return m_width; }

private:
    void newPage(const QString &section)
    {
        m_pages.push_back(LaidOutPage { section, {} });
        m_y = m_bodyTop;
    }
    double remaining() const { return m_bodyBottom - m_y; }

    // Height of `text` wrapped to `width`; *advance = its width when it fits on one line, else -1.
    double textHeight(FontRole role, const QString &text, double width, double *advance = nullptr) const
    {
        const auto &one = m_glyphs->get(role, text);
        if (!needsWrap(one, width)) {
            if (advance)
                *advance = one.width;
            return std::max(one.height, m_lineSpacing[role]);
        }
        if (advance)
            *advance = -1;
        return m_glyphs->get(role, text, width).height;
    }

    void paragraph(const QString &text, FontRole role, double spaceAfter)
    {
        double advance = -1;
        const double h = textHeight(role, text, m_width, &advance);
        if (h > remaining() && m_y > m_bodyTop)
            newPage(m_pages.back().section);
        // Text that fits on one line is painted with the glyphs it was measured with.
        const auto &glyphs = advance >= 0 ? m_glyphs->get(role, text) : m_glyphs->get(role, text, m_width);
        m_pages.back().ops.push_back({ Op::Kind::Text, QRectF(0, m_y, m_width, h), role, {}, { { &glyphs, QPointF(0, m_y) } } });
        m_y += h + spaceAfter;
    }

    std::vector<double> columnWidths(const ReportBlock &t) const
    {
        double total = 0;
        for (const ReportColumn &c : t.columns)
            total += c.weight;
        std::vector<double> w;
        for (const ReportColumn &c : t.columns)
            w.push_back(m_width * c.weight / (total > 0 ? total : 1));
        return w;
    }

    double rowHeight(const QStringList &cells, const std::vector<double> &widths, FontRole role) const
    {
        double h = m_lineSpacing[role];
        for (int i = 0; i < cells.size() && i < int(widths.size()); ++i)
            h = std::max(h, textHeight(role, cells.at(i), widths[std::size_t(i)] - 2 * m_pad));
        return h + 2 * m_pad;
    }

    void heading(const ReportBlock &block, const ReportBlock *next)
    {
        double needed = textHeight(HeadingFont, block.text, m_width) + mm(4);
        if (!block.subtitle.isEmpty())
            needed += textHeight(TextFont, block.subtitle, m_width);
        if (next && next->type == ReportBlock::Type::Table) {
            const auto widths = columnWidths(*next);
            QStringList headers;
            for (const ReportColumn &c : next->columns)
                headers << c.header;
            needed += rowHeight(headers, widths, TableHeaderFont);
            if (!next->rows.empty())
                needed += rowHeight(next->rows.front(), widths, TableFont);
        } else if (next) {
            needed += textHeight(TextFont, next->text, m_width);
        }
        if (needed > remaining() && m_y > m_bodyTop)
            newPage(m_pages.back().section);
        if (m_y > m_bodyTop)
            m_y += mm(2.5);
        paragraph(block.text, HeadingFont, block.subtitle.isEmpty() ? mm(1.2) : mm(0.3));
        if (!block.subtitle.isEmpty())
            paragraph(block.subtitle, TextFont, mm(1.2));
    }

    void emitRow(const QStringList &cells, const ReportBlock &t, const std::vector<double> &widths, FontRole role, double h,
        const QColor &fill)
    {
        auto &ops = m_pages.back().ops;
        if (fill.isValid())
            ops.push_back({ Op::Kind::Fill, QRectF(0, m_y, m_width, h), role, fill, {} });
        Op row { Op::Kind::Text, QRectF(0, m_y, m_width, h), role, {}, {} };
        double x = 0;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const QString text = int(i) < cells.size() ? cells.at(int(i)) : QString();
            const bool right = t.columns[i].numeric && role == TableFont;
            const QRectF rect(x + m_pad, m_y + m_pad, widths[i] - 2 * m_pad, h - 2 * m_pad);
            x += widths[i];
            if (text.isEmpty())
                continue;
            double advance = -1;
            textHeight(role, text, rect.width(), &advance);
            if (advance >= 0) { // one line, aligned in the cell
                row.pieces.push_back(
                    { &m_glyphs->get(role, text), QPointF(right ? rect.right() - advance : rect.left(), rect.top()) });
                continue;
            }
            const auto &wrapped = m_glyphs->get(role, text, rect.width());
            if (wrapped.height > rect.height() + 1) { // a row cut at the page height: this cell is clipped
                Op cell { Op::Kind::Text, rect, role, {}, { { &wrapped, rect.topLeft() } } };
                cell.clip = true;
                ops.push_back(std::move(cell));
                continue;
            }
            row.pieces.push_back({ &wrapped, rect.topLeft() });
        }
        if (!row.pieces.empty())
            ops.push_back(std::move(row));
        ops.push_back({ Op::Kind::Line, QRectF(0, m_y + h, m_width, 0), role, QColor(0xB0, 0xB8, 0xC4), {} });
        m_y += h;
    }

    void table(const ReportBlock &t)
    {
        const auto widths = columnWidths(t);
        QStringList headers;
        for (const ReportColumn &c : t.columns)
            headers << c.header;
        const double headerHeight = rowHeight(headers, widths, TableHeaderFont);
        const QColor headerFill(0xDD, 0xE4, 0xEE), zebra(0xF4, 0xF6, 0xF9);
        if (headerHeight + (t.rows.empty() ? 0 : rowHeight(t.rows.front(), widths, TableFont)) > remaining() && m_y > m_bodyTop)
            newPage(m_pages.back().section);
        emitRow(headers, t, widths, TableHeaderFont, headerHeight, headerFill);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const double h = std::min(rowHeight(t.rows[r], widths, TableFont), m_bodyBottom - m_bodyTop - headerHeight);
            if (h > remaining()) {
                newPage(m_pages.back().section);
                emitRow(headers, t, widths, TableHeaderFont, headerHeight, headerFill);
            }
            emitRow(t.rows[r], t, widths, TableFont, h, r % 2 ? zebra : QColor());
        }
        m_y += mm(2);
    }

    const ReportDocument &m_doc;
    QPaintDevice *m_device;
    QFont m_fonts[FontCount];
    std::vector<QFontMetricsF> m_metrics;
    double m_lineSpacing[FontCount] = {};
    double m_width = 0, m_bodyTop = 0, m_bodyBottom = 0, m_pad = 0, m_y = 0;
    std::vector<LaidOutPage> m_pages;
    std::unique_ptr<GlyphCache> m_glyphs;
};

} // namespace

Expected<int> ReportPainter::paint(QPagedPaintDevice *device) const
{
    Layout layout(m_doc, device);
    const std::vector<LaidOutPage> pages = layout.run();
    QPainter painter;
    if (!painter.begin(device))
        return Error { QCoreApplication::translate("Export", "cannot start painting the document"), {}, 0, 0 };
    const double w = layout.width();
    const double h = device->height();
    const QString date = m_doc.date.toString(QStringLiteral("dd.MM.yyyy"));
    RunMerger merger;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (p > 0 && !device->newPage()) {
            painter.end();
            return Error { QCoreApplication::translate("Export", "cannot start a new page"), {}, 0, 0 };
        }
        // Header band: title · section · date, and a rule under it.
        painter.setFont(layout.font(TitleFont));
        const double band = QFontMetricsF(layout.font(TitleFont), device).lineSpacing();
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, 0, w * 0.45, band), Qt::AlignLeft | Qt::AlignVCenter, m_doc.title);
        painter.setFont(layout.font(BandFont));
        painter.drawText(QRectF(w * 0.3, 0, w * 0.55, band), Qt::AlignHCenter | Qt::AlignVCenter, pages[p].section);
        painter.drawText(QRectF(w * 0.85, 0, w * 0.15, band), Qt::AlignRight | Qt::AlignVCenter, date);
        painter.setPen(QPen(QColor(0x40, 0x50, 0x60), layout.mm(0.3)));
        painter.drawLine(QPointF(0, band + layout.mm(1)), QPointF(w, band + layout.mm(1)));
        // Footer band: note and page x/y.
        const double footer = QFontMetricsF(layout.font(BandFont), device).lineSpacing();
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, h - footer, w * 0.8, footer), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(layout.font(BandFont), device).elidedText(m_doc.footerNote, Qt::ElideRight, w * 0.8));
        painter.drawText(QRectF(w * 0.8, h - footer, w * 0.2, footer), Qt::AlignRight | Qt::AlignVCenter,
            QCoreApplication::translate("Export", "Page %1/%2").arg(p + 1).arg(pages.size()));
        int currentFont = -1;
        for (const Op &op : pages[p].ops) {
            switch (op.kind) {
            case Op::Kind::Fill:
                painter.fillRect(op.rect, op.color);
                break;
            case Op::Kind::Line:
                currentFont = -1;
                painter.setPen(QPen(op.color, layout.mm(0.15)));
                painter.drawLine(op.rect.topLeft(), op.rect.topRight());
                break;
            case Op::Kind::Text:
                if (op.font != currentFont) {
                    painter.setPen(Qt::black);
                    painter.setFont(layout.font(op.font));
                    currentFont = op.font;
                }
                if (op.clip) {
                    painter.save();
                    painter.setClipRect(op.rect);
                }
                for (const Op::Piece &piece : op.pieces)
                    merger.add(piece.glyphs->runs, piece.origin);
                merger.paint(painter);
                if (op.clip)
                    painter.restore();
                break;
            }
        }
    }
    painter.end();
    return int(pages.size());
}

} // namespace kopru::exporting
