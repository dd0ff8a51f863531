// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"

namespace kopru::exporting {

class MonthCalendarModel;

// The month `calendar` shows as one landscape A4 page: a table with a column
// per weekday and a row per week; a day of the month lists its sessions
// ("partner — field"), at most as many as fit on the page, then "+N more".
document::Document monthReport(const MonthCalendarModel &calendar);

} // namespace kopru::exporting
