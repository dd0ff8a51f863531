// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace kopru::ReferenceData {

// Inserts the shipped provinces, pilot fields, centres and centre fields.
// Idempotent: rows already present are left alone.
Status load(QSqlDatabase db);

// Great-circle distance in km between two provinces' centres (plate codes),
// from the shipped coordinates; -1 for an unknown plate.
double distanceKm(int plateA, int plateB);

} // namespace kopru::ReferenceData
