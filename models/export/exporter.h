// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/exportoptions.h"

#include <QSqlDatabase>
#include <functional>

namespace kopru::exporting {

// What an export wrote.
struct ExportSummary
{
    int rows = 0; // placements (plan), sessions (schedule, ics) or competencies (needs)
    int sheets = 0; // worksheets / sections
    int pages = 0; // PDF pages
    bool pseudonymsStable = true; // false: a read-only database without a stored key
};

// Progress 0…100 with a short translated step name; return false to cancel.
using ExportProgress = std::function<bool(int percent, const QString &step)>;

// Runs one export: gathers the data in `request.scope`, writes
// `request.outPath` in `request.format`. An unsupported kind/format pair, an
// unknown field/centre/partner or a write error is an Error, and then no file
// is written (an existing one is left as it was). `readOnly`: the database
// must not be written (the pseudonym key is then not stored).
// Sheets: one per centre; one per field when a centre is given (plan,
// schedule); one per field for needs. PDF needs a QGuiApplication.
Expected<ExportSummary> runExport(
    QSqlDatabase db, const ExportRequest &request, bool readOnly, const ExportProgress &progress = {});

} // namespace kopru::exporting
