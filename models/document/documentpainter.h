// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"

#include <QPageLayout>

class QPagedPaintDevice;

namespace kopru::document {

// The one printing engine: lays a Document out (DocumentLayout) and paints
// its pages with QPainter on any paged device — QPdfWriter for files
// (writePdf), QPrinter for the GUI's print preview. Every page gets the
// document's frame: a header band (title · section name · date, when the
// document has one) and a footer (the note, "Page x/y").
class DocumentPainter
{
public:
    explicit DocumentPainter(const Document &doc)
        : m_doc(doc)
    { }

    // A4 in the document's orientation with its margins: set it on the device before paint().
    static QPageLayout pageLayout(const Document &doc);

    // Paints every page; returns the page count.
    Expected<int> paint(QPagedPaintDevice *device) const;

private:
    const Document &m_doc;
};

} // namespace kopru::document
