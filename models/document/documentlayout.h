// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/chartpainter.h"
#include "models/document/document.h"
#include "models/document/fonts.h"
#include "models/document/textcache.h"

#include <QColor>
#include <QRectF>
#include <memory>
#include <vector>

class QPaintDevice;

namespace kopru::document {

// One drawing operation of a laid-out page, in device pixels from the top
// left of the printable area.
struct PageOp
{
    enum class Kind { Text, Fill, Line, Chart, Image };
    Kind kind = Kind::Text;
    QRectF rect; // Fill, Chart, Image; Line: from its top left to its top right; Text: the clip when `clip`
    QColor colour; // Text, Fill, Line
    double lineWidth = 0; // Line
    FontRole font = FontRole::Body; // Text
    const ShapedText *text = nullptr; // Text (owned by the layout's TextCache)
    QPointF origin; // Text: where the text's top left goes
    bool clip = false; // Text: cut to `rect` (a row taller than a page)
    const struct Chart *chart = nullptr; // Chart (owned by the document)
    const QImage *image = nullptr; // Image (owned by the document)
};

struct LaidOutPage
{
    QString section;
    std::vector<PageOp> ops;
    QString footerNote; // the section's, else the document's
};

// Flows a document's blocks onto pages of `device` (whose page layout is set):
// a heading stays with the start of what follows it, a table's header row is
// repeated on each page it continues on, a chart or an image moves to the
// next page when it does not fit (a chart shrinks into the rest of the page
// when it can keep readable rows). Every section starts a page.
class DocumentLayout
{
public:
    DocumentLayout(const Document &doc, const QPaintDevice *device);

    std::vector<LaidOutPage> run();

    const Fonts &fonts() const { return m_fonts; }
    double mm(double v) const;
    double width() const { return m_width; }
    double pageHeight() const { return m_pageHeight; }
    double headerHeight() const; // the page header band (its text line)
    double footerHeight() const; // the page footer's text line

private:
    void newPage(const QString &section);
    double remaining() const { return m_bodyBottom - m_y; }
    bool atTop() const { return m_y <= m_bodyTop; }
    FontRole roleOf(TextStyle style) const;
    // `text` fitted to `width`: on one line when it fits (the slack
    // included), else wrapped and aligned.
    const ShapedText &fit(FontRole role, const QString &text, double width, Qt::Alignment align = Qt::AlignLeft);
    double textHeight(FontRole role, const QString &text, double width);
    // The height that must fit below a heading together with it.
    double keepHeight(const Block *next);

    void text(const QString &text, FontRole role, const QColor &colour, bool centred, double spaceAfter);
    void heading(const Block &block, const Block *next);
    void keyValues(const Block &block);
    std::vector<double> columnWidths(const Table &table) const;
    double rowHeight(const QStringList &cells, const std::vector<double> &widths, FontRole role);
    void row(const QStringList &cells, const Table &table, const std::vector<double> &widths, FontRole role, double h,
        const QColor &fill);
    void table(const Table &table);
    void chart(const Chart &chart);
    void image(const Block &block);

    const Document &m_doc;
    const QPaintDevice *m_device;
    Fonts m_fonts;
    std::unique_ptr<TextCache> m_texts;
    ChartPainter m_charts;
    double m_lineSpacing[std::size_t(FontRole::Count)] = {};
    QString m_footerNote; // of the section being laid out
    double m_width = 0, m_pageHeight = 0, m_bodyTop = 0, m_bodyBottom = 0, m_pad = 0, m_y = 0;
    std::vector<LaidOutPage> m_pages;
};

} // namespace kopru::document
