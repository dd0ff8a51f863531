// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"
#include "models/export/exporttable.h"
#include "models/export/plandata.h"

namespace kopru::exporting {

// Per teacher: their session, the partner's address and contact.
// One sheet per centre; rows in plan order.
TableDocument teacherScheduleTable(const std::vector<PlanRow> &rows);

// Per centre: a calendar over the programme weeks. One sheet per centre, one
// row per week (Monday to Sunday; the centre in the first column) from the first session's week to the last
// session's week: sessions running, teachers in training, partners visited.
TableDocument centreCalendarTable(const std::vector<ScheduleSession> &sessions);

// The Monday of `date`'s week.
QDate weekStart(const QDate &date);

// Any table as a printable document: a section per sheet with its title, the
// notes, and the table (dates as dd.MM.yyyy, numbers right-aligned).
document::Document tableReport(const TableDocument &table);

} // namespace kopru::exporting
