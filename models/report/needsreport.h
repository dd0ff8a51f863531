// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"
#include "models/stats/likertscale.h"
#include "models/stats/needstatistics.h"

#include <QDate>
#include <QSqlDatabase>

namespace kopru::report {

// Everything the needs report of one field shows.
struct NeedsReportInput
{
    stats::FieldStats field;
    stats::Breakdown provinces;
    stats::Breakdown centres;
    stats::LikertScale scale;
    stats::UnmetNeedRule rule;
    QDate date;
};

// Reads the statistics of field `code` (within `scope`) and its breakdowns.
Expected<NeedsReportInput> collectNeedsReport(QSqlDatabase db, const QString &code, stats::Scope scope = {});

// The multi-page A4 report: title page, summary, charts, the full table,
// unmet needs and the province/centre comparison, in the UI language.
document::Document needsReportDocument(const NeedsReportInput &input);

// Writes needsReportDocument(input) as a PDF (document::writePdf: complete
// or not at all; an existing file is replaced).
Status writeNeedsReport(const NeedsReportInput &input, const QString &path);

} // namespace kopru::report
