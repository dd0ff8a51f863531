// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applysummary.h"
#include "models/exchange/reviewstore.h"

#include <QSqlDatabase>
#include <utility>
#include <vector>

namespace kopru::HeldRows {

// Applies rows the review list held back (a registration the national office
// keeps, or what depended on one it merged) the way a package's rows are
// applied: copied to temporary tables in package form, references rewritten
// through the aliases, classified and written by ApplyTable, as sent by the
// centre that owns them. Inside the caller's transaction. Returns the rows
// it added (local table, uid), so that an undo can take them out again.
Expected<std::vector<std::pair<QString, QString>>> apply(
    QSqlDatabase db, const std::vector<HeldRow> &rows, ApplySummary &summary);

} // namespace kopru::HeldRows
