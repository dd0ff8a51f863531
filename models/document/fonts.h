// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"

#include <QColor>
#include <QFont>
#include <array>

namespace kopru::document {

// What a text is in a document; each role has one font.
enum class FontRole {
    Body,
    BodyBold, // keys of a key-value list
    Title,
    Subtitle,
    Lead,
    Small,
    Heading1,
    Heading2,
    Table,
    TableBold, // header rows and emphasised rows
    BandTitle, // the document title in the page header
    Band, // the rest of the page header and the footer
    Chart, // axis labels, legends, values in charts
    ChartBold, // chart titles
    Count
};

// The fonts of a document's roles, from its typography. One family list for
// every document: DejaVu Sans (Linux), Segoe UI (Windows), Arial. Text is not
// shaped with ligatures ("fi" stays two letters), so that the text extracted
// from a PDF (pdftotext, search) is the text written.
class Fonts
{
public:
    explicit Fonts(const Typography &typography);
    const QFont &operator[](FontRole role) const { return m_fonts[std::size_t(role)]; }

private:
    std::array<QFont, std::size_t(FontRole::Count)> m_fonts;
};

// The colours every document shares.
namespace colours {
inline const QColor heading { 0x1f, 0x3f, 0x6f }; // level-1 headings and their rule
inline const QColor tableHeader { 0xdd, 0xe4, 0xee }; // fill of a table's header row
inline const QColor zebra { 0xf4, 0xf6, 0xf9 }; // fill of every other table row
inline const QColor rowRule { 0xb0, 0xb8, 0xc4 }; // line under each table row
inline const QColor bandRule { 0x40, 0x50, 0x60 }; // line under the page header
inline const QColor grid { 0xd8, 0xdc, 0xe2 }; // chart grid lines
inline const QColor axis { 0x60, 0x68, 0x70 }; // chart axes
} // namespace colours

} // namespace kopru::document
