// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applytable.h"

namespace kopru::ApplyTombstones {

// Applies the package's tombstones (docs/exchange.md, "Applying a package",
// step 5), inside the caller's transaction: the ones the sender may send are
// kept (forwarded later to whoever else needs them); KVKK erasures erase
// (Erasure::applyErasure); then every local copy whose tombstone is newer is
// deleted, children before parents. A copy that cannot go yet (a session
// another centre's placement still uses) stays, with its tombstone, and goes
// with a later package once nothing uses it.
Status apply(const ApplyContext &ctx);

} // namespace kopru::ApplyTombstones
