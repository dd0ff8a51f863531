// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace kopru::ErasedCounts {

// What a KVKK erasure of a teacher leaves behind so that the programme's
// indicators keep counting them (docs/quality.md, "Erasure"): one
// erased_teacher row (centre, field, province; answered the survey rounds 1
// and 2) and one erased_placement row per placement (partner, status,
// cancellation reason, hours planned and attended, the evaluation answers
// summed per kind, whether a certificate was issued). No name, national ID,
// date or id of the person. Runs inside the caller's write transaction,
// before the teacher's rows are deleted; nothing is recorded when the
// teacher is not in this database.
Status keep(QSqlDatabase db, int teacherId);

} // namespace kopru::ErasedCounts
