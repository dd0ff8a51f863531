// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applytable.h"

namespace kopru::AliasEffects {

// At a centre, after the package's aliases were applied (docs/exchange.md,
// "Aliases"): a record of this centre that the national office merged into
// another is merged into that one when the centre has it (what referred to
// it refers to the other; an active placement that would make a second one
// for the same teacher is cancelled), else re-keyed to the other's id and
// owner at version 0, so that the other's copy replaces it when it comes.
Status apply(const ApplyContext &ctx);

// Every package reference (teacher, partner, school) that names an alias is
// rewritten to the record the alias stands for.
Status rewriteReferences(const ApplyContext &ctx);

} // namespace kopru::AliasEffects
