// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"
#include "models/export/plandata.h"
#include "models/stats/needstatistics.h"

namespace kopru::exporting {

class Pseudonymiser;

// Printable documents of the exports (landscape, compact type), painted by
// the document engine (models/document/).

// Printable plan: a section per centre, within it a heading per partner
// (address and contact) and a table of the teachers placed there.
document::Document planReport(const std::vector<PlanRow> &rows, const Pseudonymiser *pseudonyms);

// Printable schedule: a section per centre, a heading per partner and a
// table of its sessions (dates, hours, field, places, teachers).
document::Document scheduleReport(const std::vector<ScheduleSession> &sessions, const Pseudonymiser *pseudonyms);

// Printable needs table: a section per field.
document::Document needsReport(const std::vector<stats::FieldStats> &fields);

// "dd.MM.yyyy – dd.MM.yyyy".
QString dateRange(const QDate &start, const QDate &end);

} // namespace kopru::exporting
