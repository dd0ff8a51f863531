// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/textcache.h"

#include <QPaintDevice>
#include <QTextLayout>
#include <algorithm>

namespace kopru::document {

namespace {

ShapedText layOut(const QString &text, const QFont &font, const QPaintDevice *device, double wrapWidth, Qt::Alignment align,
    QTextOption::WrapMode wrap)
{
    QTextLayout layout(text, font, const_cast<QPaintDevice *>(device));
    // Keeps the shaped glyphs after endLayout(): glyphRuns() would otherwise
    // shape the whole text a second time.
    layout.setCacheEnabled(true);
    QTextOption option;
    option.setWrapMode(wrapWidth > 0 ? wrap : QTextOption::NoWrap);
    if (wrapWidth > 0)
        option.setAlignment(align);
    layout.setTextOption(option);
    layout.beginLayout();
    ShapedText shaped;
    shaped.wrapWidth = std::max(0.0, wrapWidth);
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

} // namespace

const ShapedText &TextCache::get(FontRole role, const QString &text, double wrapWidth, Qt::Alignment align)
{
    Key key { int(role) | int(align) << 16, wrapWidth > 0 ? std::max(1, qRound(wrapWidth)) : 0, text };
    auto it = m_cache.find(key);
    if (it != m_cache.end())
        return it->second;
    QString lines = text;
    lines.replace(QLatin1Char('\n'), QChar::LineSeparator);
    ShapedText shaped = layOut(lines, m_fonts[role], m_device, wrapWidth, align, QTextOption::WordWrap);
    if (wrapWidth > 0 && shaped.width > wrapWidth + m_slack) // a word wider than the line: broken inside
        shaped = layOut(lines, m_fonts[role], m_device, wrapWidth, align, QTextOption::WrapAtWordBoundaryOrAnywhere);
    return m_cache.emplace(std::move(key), std::move(shaped)).first->second;
}

} // namespace kopru::document
