// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/documentlayout.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <algorithm>

namespace kopru::document {

DocumentLayout::DocumentLayout(const Document &doc, const QPaintDevice *device)
    : m_doc(doc)
    , m_device(device)
    , m_fonts(doc.typography)
    , m_texts(std::make_unique<TextCache>(m_fonts, device, mm(1)))
    , m_charts(m_fonts, device)
{
    for (std::size_t i = 0; i < std::size_t(FontRole::Count); ++i)
        m_lineSpacing[i] = QFontMetricsF(m_fonts[FontRole(i)], device).lineSpacing();
    m_width = device->width();
    m_pageHeight = device->height();
    m_bodyTop = doc.pageHeader ? headerHeight() + mm(4) : 0;
    m_bodyBottom = m_pageHeight - footerHeight() - mm(3);
    m_pad = mm(1);
}

double DocumentLayout::mm(double v) const
{
    return v * m_device->logicalDpiY() / 25.4;
}

double DocumentLayout::headerHeight() const
{
    return m_lineSpacing[std::size_t(FontRole::BandTitle)];
}

double DocumentLayout::footerHeight() const
{
    return m_lineSpacing[std::size_t(FontRole::Band)];
}

std::vector<LaidOutPage> DocumentLayout::run()
{
    for (const Section &section : m_doc.sections) {
        m_footerNote = section.footerNote.isEmpty() ? m_doc.footerNote : section.footerNote;
        newPage(section.name);
        for (std::size_t b = 0; b < section.blocks.size(); ++b) {
            const Block &block = section.blocks[b];
            const Block *next = b + 1 < section.blocks.size() ? &section.blocks[b + 1] : nullptr;
            switch (block.type) {
            case Block::Type::Heading:
                heading(block, next);
                break;
            case Block::Type::Paragraph:
                text(block.text, roleOf(block.style), Qt::black, block.style != TextStyle::Body,
                    block.style == TextStyle::Body ? mm(2) : mm(1.5));
                break;
            case Block::Type::KeyValues:
                keyValues(block);
                break;
            case Block::Type::Table:
                table(block.table);
                break;
            case Block::Type::Chart:
                chart(block.chart);
                break;
            case Block::Type::Image:
                image(block);
                break;
            case Block::Type::Spacer:
                if (!atTop())
                    m_y = std::min(m_bodyBottom, m_y + mm(block.heightMm));
                else
                    m_y += std::min(mm(block.heightMm), remaining());
                break;
            case Block::Type::PageBreak:
                if (!atTop())
                    newPage(section.name);
                break;
            }
        }
    }
    if (m_pages.empty())
        newPage(QString());
    return std::move(m_pages);
}

void DocumentLayout::newPage(const QString &section)
{
    m_pages.push_back(LaidOutPage { section, {}, m_footerNote });
    m_y = m_bodyTop;
}

FontRole DocumentLayout::roleOf(TextStyle style) const
{
    switch (style) {
    case TextStyle::Title:
        return FontRole::Title;
    case TextStyle::Subtitle:
        return FontRole::Subtitle;
    case TextStyle::Lead:
        return FontRole::Lead;
    case TextStyle::Small:
        return FontRole::Small;
    case TextStyle::Body:
        break;
    }
    return FontRole::Body;
}

const ShapedText &DocumentLayout::fit(FontRole role, const QString &text, double width, Qt::Alignment align)
{
    const ShapedText &one = m_texts->get(role, text);
    if (one.lines <= 1 && one.width <= width + m_texts->slack())
        return one;
    return m_texts->get(role, text, width, align);
}

double DocumentLayout::textHeight(FontRole role, const QString &text, double width)
{
    return std::max(fit(role, text, width).height, m_lineSpacing[std::size_t(role)]);
}

void DocumentLayout::text(const QString &text, FontRole role, const QColor &colour, bool centred, double spaceAfter)
{
    if (text.isEmpty()) {
        m_y += m_lineSpacing[std::size_t(role)] + spaceAfter;
        return;
    }
    const ShapedText &shaped = centred ? m_texts->get(role, text, m_width, Qt::AlignHCenter) : fit(role, text, m_width);
    const double h = std::max(shaped.height, m_lineSpacing[std::size_t(role)]);
    if (h > remaining() && !atTop())
        newPage(m_pages.back().section);
    PageOp op;
    op.kind = PageOp::Kind::Text;
    op.font = role;
    op.colour = colour;
    op.text = &shaped;
    op.origin = QPointF(0, m_y);
    op.rect = QRectF(0, m_y, m_width, h);
    m_pages.back().ops.push_back(op);
    m_y += h + spaceAfter;
}

double DocumentLayout::keepHeight(const Block *next)
{
    if (!next)
        return 0;
    switch (next->type) {
    case Block::Type::Table: {
        const auto widths = columnWidths(next->table);
        QStringList headers;
        for (const TableColumn &c : next->table.columns)
            headers << c.header;
        double h = rowHeight(headers, widths, FontRole::TableBold);
        if (!next->table.rows.empty())
            h += rowHeight(next->table.rows.front(), widths, FontRole::Table);
        return h;
    }
    case Block::Type::Paragraph:
        return textHeight(roleOf(next->style), next->text, m_width);
    case Block::Type::KeyValues:
        return next->pairs.empty() ? 0 : m_lineSpacing[std::size_t(FontRole::Body)];
    case Block::Type::Chart:
        return std::min(m_charts.minimumHeight(next->chart, m_width), mm(40));
    case Block::Type::Image:
        return mm(20);
    case Block::Type::Heading:
    case Block::Type::Spacer:
    case Block::Type::PageBreak:
        break;
    }
    return 0;
}

void DocumentLayout::heading(const Block &block, const Block *next)
{
    const bool major = block.level <= 1;
    const FontRole role = major ? FontRole::Heading1 : FontRole::Heading2;
    const double before = major ? mm(4) : mm(2.5);
    double needed = textHeight(role, block.text, m_width) + (major ? mm(4) : mm(1.2));
    if (!block.subtitle.isEmpty())
        needed += textHeight(FontRole::Body, block.subtitle, m_width);
    needed += keepHeight(next);
    if (major)
        needed = std::max(needed, mm(25));
    if (needed + before > remaining() && !atTop())
        newPage(m_pages.back().section);
    if (!atTop())
        m_y += before;
    if (!major) {
        text(block.text, role, Qt::black, false, block.subtitle.isEmpty() ? mm(1.2) : mm(0.3));
        if (!block.subtitle.isEmpty())
            text(block.subtitle, FontRole::Body, Qt::black, false, mm(1.2));
        return;
    }
    text(block.text, role, colours::heading, false, mm(1));
    PageOp rule;
    rule.kind = PageOp::Kind::Line;
    rule.rect = QRectF(0, m_y, m_width, 0);
    rule.colour = colours::heading;
    rule.lineWidth = mm(0.3);
    m_pages.back().ops.push_back(rule);
    m_y += mm(3);
    if (!block.subtitle.isEmpty())
        text(block.subtitle, FontRole::Body, Qt::black, false, mm(1.2));
}

void DocumentLayout::keyValues(const Block &block)
{
    double keyWidth = 0;
    for (const auto &[key, value] : block.pairs)
        keyWidth = std::max(keyWidth, m_texts->get(FontRole::BodyBold, key).width);
    keyWidth = std::min(keyWidth + mm(4), m_width * 0.35);
    const double valueWidth = m_width - keyWidth;
    for (const auto &[key, value] : block.pairs) {
        const ShapedText &k = fit(FontRole::BodyBold, key, keyWidth - mm(4));
        const ShapedText &v = fit(FontRole::Body, value, valueWidth);
        const double h = std::max({ k.height, v.height, m_lineSpacing[std::size_t(FontRole::Body)] });
        if (h > remaining() && !atTop())
            newPage(m_pages.back().section);
        PageOp op;
        op.kind = PageOp::Kind::Text;
        op.colour = Qt::black;
        op.font = FontRole::BodyBold;
        op.text = &k;
        op.origin = QPointF(0, m_y);
        m_pages.back().ops.push_back(op);
        op.font = FontRole::Body;
        op.text = &v;
        op.origin = QPointF(keyWidth, m_y);
        m_pages.back().ops.push_back(op);
        m_y += h + mm(1);
    }
    m_y += mm(1);
}

std::vector<double> DocumentLayout::columnWidths(const Table &t) const
{
    double total = 0;
    for (const TableColumn &c : t.columns)
        total += c.weight;
    std::vector<double> w;
    for (const TableColumn &c : t.columns)
        w.push_back(m_width * c.weight / (total > 0 ? total : 1));
    // A header word is never broken inside ("Yerleştiril / en", issue #18): a
    // column narrower than the longest word of its header takes the room it
    // lacks from the columns that have more than theirs need.
    std::vector<double> need;
    double lacking = 0, spare = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        double longest = 0;
        for (const QString &word : t.columns[i].header.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            longest = std::max(longest, m_texts->get(FontRole::TableBold, word).width);
        need.push_back(longest + 2 * m_pad);
        lacking += std::max(0.0, need[i] - w[i]);
        spare += std::max(0.0, w[i] - need[i]);
    }
    if (lacking <= 0 || spare <= 0)
        return w;
    const double give = std::min(1.0, lacking / spare);
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = w[i] < need[i] ? w[i] + (need[i] - w[i]) * std::min(1.0, spare / lacking) : w[i] - (w[i] - need[i]) * give;
    return w;
}

double DocumentLayout::rowHeight(const QStringList &cells, const std::vector<double> &widths, FontRole role)
{
    double h = m_lineSpacing[std::size_t(role)];
    for (qsizetype i = 0; i < cells.size() && std::size_t(i) < widths.size(); ++i)
        if (!cells.at(i).isEmpty())
            h = std::max(h, textHeight(role, cells.at(i), widths[std::size_t(i)] - 2 * m_pad));
    return h + 2 * m_pad;
}

void DocumentLayout::row(
    const QStringList &cells, const Table &t, const std::vector<double> &widths, FontRole role, double h, const QColor &fill)
{
    auto &ops = m_pages.back().ops;
    if (fill.isValid()) {
        PageOp op;
        op.kind = PageOp::Kind::Fill;
        op.rect = QRectF(0, m_y, m_width, h);
        op.colour = fill;
        ops.push_back(op);
    }
    double x = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const QRectF cell(x + m_pad, m_y + m_pad, widths[i] - 2 * m_pad, h - 2 * m_pad);
        x += widths[i];
        const QString text = qsizetype(i) < cells.size() ? cells.at(qsizetype(i)) : QString();
        if (text.isEmpty())
            continue;
        const bool right = t.columns[i].numeric;
        const ShapedText &shaped = fit(role, text, cell.width(), right ? Qt::AlignRight : Qt::AlignLeft);
        PageOp op;
        op.kind = PageOp::Kind::Text;
        op.font = role;
        op.colour = Qt::black;
        op.text = &shaped;
        // A text not wrapped is placed at the cell's side; wrapped lines are aligned within the cell.
        op.origin = QPointF(right && shaped.wrapWidth <= 0 ? cell.right() - shaped.width : cell.left(), cell.top());
        op.rect = cell;
        op.clip = shaped.height > cell.height() + 1; // a row cut at the page height
        ops.push_back(op);
    }
    PageOp rule;
    rule.kind = PageOp::Kind::Line;
    rule.rect = QRectF(0, m_y + h, m_width, 0);
    rule.colour = colours::rowRule;
    rule.lineWidth = mm(0.15);
    ops.push_back(rule);
    m_y += h;
}

void DocumentLayout::table(const Table &t)
{
    if (t.columns.empty())
        return;
    const auto widths = columnWidths(t);
    QStringList headers;
    for (const TableColumn &c : t.columns)
        headers << c.header;
    const double headerHeight = rowHeight(headers, widths, FontRole::TableBold);
    auto roleOfRow
        = [&](std::size_t r) { return r < t.emphasised.size() && t.emphasised[r] ? FontRole::TableBold : FontRole::Table; };
    const double first = t.rows.empty() ? 0 : rowHeight(t.rows.front(), widths, roleOfRow(0));
    if (headerHeight + first > remaining() && !atTop())
        newPage(m_pages.back().section);
    row(headers, t, widths, FontRole::TableBold, headerHeight, colours::tableHeader);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const FontRole role = roleOfRow(r);
        const double h = std::min(rowHeight(t.rows[r], widths, role), m_bodyBottom - m_bodyTop - headerHeight);
        if (h > remaining()) {
            newPage(m_pages.back().section);
            row(headers, t, widths, FontRole::TableBold, headerHeight, colours::tableHeader);
        }
        row(t.rows[r], t, widths, role, h, r % 2 ? colours::zebra : QColor());
    }
    m_y += mm(2);
}

void DocumentLayout::chart(const Chart &c)
{
    const double full = m_bodyBottom - m_bodyTop;
    double h = std::min(m_charts.naturalHeight(c, m_width), full);
    if (h > remaining() && !atTop()) {
        // Shrink into the rest of the page while every bar keeps a readable row; else a new page.
        if (m_charts.minimumHeight(c, m_width) <= remaining())
            h = remaining();
        else
            newPage(m_pages.back().section);
    }
    PageOp op;
    op.kind = PageOp::Kind::Chart;
    op.rect = QRectF(0, m_y, m_width, h);
    op.chart = &c;
    m_pages.back().ops.push_back(op);
    m_y += h + mm(3);
}

void DocumentLayout::image(const Block &block)
{
    if (block.image.isNull())
        return;
    const double full = m_bodyBottom - m_bodyTop;
    double w = std::min(mm(block.widthMm > 0 ? block.widthMm : 1e6), m_width);
    double h = w * block.image.height() / std::max(1, block.image.width());
    if (h > full) {
        w *= full / h;
        h = full;
    }
    if (h > remaining() && !atTop())
        newPage(m_pages.back().section);
    PageOp op;
    op.kind = PageOp::Kind::Image;
    op.rect = QRectF((m_width - w) / 2, m_y, w, h);
    op.image = &block.image;
    m_pages.back().ops.push_back(op);
    m_y += h + mm(3);
}

} // namespace kopru::document
