// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/reportdocument.h"

class QPagedPaintDevice;
class QPainter;

namespace kopru::exporting {

// Lays a ReportDocument out on pages and paints it: a header band on every
// page (document title, the section's name, the date), a footer band (the
// note and "Page x/y"), headings kept with the start of their table, table
// header rows repeated on every page, cells word-wrapped. Works on any paged
// device (QPdfWriter, QPrinter) whose page layout is already set.
class ReportPainter
{
public:
    explicit ReportPainter(const ReportDocument &doc)
        : m_doc(doc)
    { }

    // Paints every page; returns the page count.
    Expected<int> paint(QPagedPaintDevice *device) const;

private:
    const ReportDocument &m_doc;
};

} // namespace kopru::exporting
