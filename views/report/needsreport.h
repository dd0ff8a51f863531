// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
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

// Writes the multi-page A4 PDF report: title page, summary, charts (vector),
// the full table, unmet needs and the province/centre comparison, in the UI
// language. Refuses to overwrite nothing special: the file is replaced.
Status writeNeedsReport(const NeedsReportInput &input, const QString &path);

} // namespace kopru::report
