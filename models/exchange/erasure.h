// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru::Erasure {

// KVKK erasure of one teacher (docs/exchange.md, "Deletions and KVKK
// erasure"), inside the caller's write transaction, with secure_delete on
// (the caller's PragmaScope): records an erasure tombstone (erased = 1: it
// travels to the other end, always wins and is never undone), deletes the
// teacher with everything that belongs to the person (ratings, placements
// with their attendance, evaluations and certificate, the centre's record,
// proposals; anonymous counts stay, ErasedCounts) and, at the national office, every copy of
// the person held in the review list — also another centre's registration of
// the same national ID. The caller writes the audit log (nothing personal).
Status eraseTeacher(QSqlDatabase db, int teacherId);

// Applies a received erasure of the teacher `uid`: the same as above when
// the teacher is here; copies held in the review list go in any case. The
// audit log records the fact with the (random) uid only.
Status applyErasure(QSqlDatabase db, const QString &uid);

} // namespace kopru::Erasure
