// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/exporttable.h"
#include "models/export/plandata.h"
#include "models/planning/unplaced.h"
#include "models/stats/needstatistics.h"

namespace kopru::exporting {

class Pseudonymiser;

// How plan and schedule rows are split into sheets.
enum class SheetGrouping { ByCentre, ByField };

// Translated status word of a placement ("proposed", …).
QString statusText(const QString &status);

// The anonymisation notice written into every anonymised file's header.
QString anonymisedNotice();

// The placement plan as a table: one row per placement. With a pseudonymiser
// the teacher's name and national ID are replaced by pseudonyms and the
// phone and e-mail columns (teacher's and contact's) are left out.
TableDocument planTable(const std::vector<PlanRow> &rows, SheetGrouping grouping, const Pseudonymiser *pseudonyms);

// The schedule: one row per session with its attendees.
TableDocument scheduleTable(
    const std::vector<ScheduleSession> &sessions, SheetGrouping grouping, const Pseudonymiser *pseudonyms);

// The teachers left without a placement, with the reason: one sheet per field.
TableDocument unplacedTable(const std::vector<UnplacedTeacher> &teachers, const Pseudonymiser *pseudonyms);
// Needs analysis: one sheet per field, one row per competency.
TableDocument needsTable(const std::vector<stats::FieldStats> &fields);

} // namespace kopru::exporting
