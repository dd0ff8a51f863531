// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace kopru {

// KVKK erasure: removes one teacher completely (ratings, placements, the
// teacher row, proposals, copies held in the review list — Erasure) in one
// transaction, leaves an erasure tombstone that erases the teacher at the
// other end of the national exchange too, and records the erasure in the audit log
// without any personal data (only the internal id and the counts). Deleted
// content is overwritten (PRAGMA secure_delete) so that after the next
// checkpoint the file holds nothing of the teacher. Older automatic backups
// still do: they expire as new ones are made (BackupManager keeps the last N).
Status purgeTeacher(QSqlDatabase db, int teacherId);

} // namespace kopru
