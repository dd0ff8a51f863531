// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"
#include "models/export/exporttable.h"
#include "models/quality/period.h"
#include "models/quality/qualityindicators.h"

#include <QDate>
#include <QSqlDatabase>

namespace kopru::report {

// Everything the Quality Advisory Board report of one period shows
// (docs/quality.md, "The Board report").
struct QualityReportInput
{
    quality::Period period;
    quality::QualityIndicators byCentre; // the period, per centre (total included)
    quality::QualityIndicators byField; // the period, per pilot field
    quality::QualityIndicators previous; // the period before, per centre
    QString scope; // whose data: "all centres (national office)" or a centre's name
    QDate date;
};

// Computes the indicators of `period` and of the period before it.
Expected<QualityReportInput> collectQualityReport(QSqlDatabase db, const quality::Period &period);

// Whether the period before has anything to compare with (a placement in it).
bool hasPreviousData(const QualityReportInput &input);

// The A4 report in the UI language: title page, the summary of every
// indicator against the previous period with definitions and EQAVET
// indicators, charts, the tables per centre and per field and the need
// change per competency.
document::Document qualityReportDocument(const QualityReportInput &input);

// The same figures as spreadsheet sheets: the summary (numbers as numbers),
// then one sheet per centre grouping and per field grouping.
exporting::TableDocument qualityReportTables(const QualityReportInput &input);

// Writes the report as a PDF, or the tables as an XLSX workbook: complete or
// not at all (an existing file is replaced only on success).
Status writeQualityReportPdf(const QualityReportInput &input, const QString &path);
Status writeQualityReportXlsx(const QualityReportInput &input, const QString &path);

} // namespace kopru::report
