// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applytable.h"

namespace kopru::PackageApplier {

// Applies the package rows at ctx.source to the database in the caller's
// write transaction (docs/exchange.md, "Applying a package"): aliases and
// their effects, references rewritten through aliases, the same schools
// mapped, conflicts held in the review list (national office), every table
// in dependency order with its lists, tombstones and erasures, then the
// consequences — plan decisions at a centre, corrections and over-used
// sessions at the national office — and a foreign-key check. Fills
// ctx.summary; a failure leaves the rollback to the caller.
Status apply(const ApplyContext &ctx);

} // namespace kopru::PackageApplier
