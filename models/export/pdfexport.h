// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/reportdocument.h"

#include <QPageLayout>

namespace kopru::exporting {

// Writes `doc` as a PDF (A4, 12 mm margins, the given orientation) with
// QPdfWriter and ReportPainter. Written to a temporary file first: on error
// `path` is left as it was. Needs a QGuiApplication. Returns the page count.
Expected<int> writePdf(
    const ReportDocument &doc, const QString &path, QPageLayout::Orientation orientation = QPageLayout::Landscape);

} // namespace kopru::exporting
