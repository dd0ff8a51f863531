// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/fonts.h"

#include <QGlyphRun>
#include <QList>
#include <QString>
#include <unordered_map>

class QPaintDevice;

namespace kopru::document {

// A text shaped and laid out once: its glyph runs (positioned relative to the
// text's top left), the widest line, the height and the number of lines.
struct ShapedText
{
    QList<QGlyphRun> runs;
    double width = 0;
    double height = 0;
    int lines = 0;
    double wrapWidth = 0; // the width its lines were wrapped and aligned in; 0: one line, from x = 0
};

// Shapes each distinct (font, text, wrap width) once for a document: its
// layout measures texts and its painter paints the same glyphs. Long tables
// repeat most cells (dates, provinces, schools, statuses), so most texts are
// shaped once for hundreds of uses. Entries stay at their address for the
// cache's lifetime (laid-out pages point to them).
class TextCache
{
public:
    // `slack`: how far (device pixels) a wrapped line may run past its width
    // before a word is broken inside (a cell's padding, for a long word).
    TextCache(const Fonts &fonts, const QPaintDevice *device, double slack)
        : m_fonts(fonts)
        , m_device(device)
        , m_slack(slack)
    { }
    TextCache(const TextCache &) = delete;
    TextCache &operator=(const TextCache &) = delete;

    // `text` in the font of `role`, wrapped at word boundaries to `wrapWidth`
    // device pixels (a word wider than that and the slack is broken where it
    // must); `wrapWidth` <= 0: one line. `align`: Qt::AlignLeft, AlignHCenter
    // or AlignRight, each line within `wrapWidth`. Line breaks ('\n') are kept.
    const ShapedText &get(FontRole role, const QString &text, double wrapWidth = 0, Qt::Alignment align = Qt::AlignLeft);
    double slack() const { return m_slack; }

private:
    struct Key
    {
        int font; // the role, and the alignment flags shifted by 16
        int width; // rounded wrap width; 0: not wrapped
        QString text;
        bool operator==(const Key &o) const { return font == o.font && width == o.width && text == o.text; }
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &k) const noexcept { return qHash(k.text, std::size_t(k.width) * 131 + k.font); }
    };
    const Fonts &m_fonts;
    const QPaintDevice *m_device;
    double m_slack;
    // Node-based: references to entries stay valid as the cache grows.
    std::unordered_map<Key, ShapedText, KeyHash> m_cache;
};

} // namespace kopru::document
