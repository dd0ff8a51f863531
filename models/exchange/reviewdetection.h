// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applytable.h"

namespace kopru::ReviewDetection {

// At the national office, before the package's tables are applied
// (docs/exchange.md, "Conflicts: the review list"): a teacher whose national
// ID, or a partner whose tax number, another record already has is not
// applied. It goes into the review list (review_item, one per national ID /
// tax number) with every row of the package that depends on it; a centre's
// registration already here that clashes goes there too, so that which of
// two registrations arrived first makes no difference. The survey's record
// (the national office's own) stays. Rows of a registration the national
// office rejected are left for the applier to refuse.
Status holdDuplicates(const ApplyContext &ctx);

// At the national office, after the tables were applied: a proposal becomes
// a `correction` item (marked when the teacher changed since the proposal's
// version), and a session with more active placements than places, from two
// or more centres, a `capacity` item.
Status flagAfterApply(const ApplyContext &ctx);

} // namespace kopru::ReviewDetection
