// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/plandata.h"
#include "models/export/reportdocument.h"
#include "models/stats/needstatistics.h"

namespace kopru::exporting {

class Pseudonymiser;

// Printable plan: a section per centre, within it a heading per partner
// (address and contact) and a table of the teachers placed there.
ReportDocument planReport(const std::vector<PlanRow> &rows, const Pseudonymiser *pseudonyms);

// Printable schedule: a section per centre, a heading per partner and a
// table of its sessions (dates, hours, field, places, teachers).
ReportDocument scheduleReport(const std::vector<ScheduleSession> &sessions, const Pseudonymiser *pseudonyms);

// Printable needs table: a section per field.
ReportDocument needsReport(const std::vector<stats::FieldStats> &fields);

// "dd.MM.yyyy – dd.MM.yyyy".
QString dateRange(const QDate &start, const QDate &end);

} // namespace kopru::exporting
