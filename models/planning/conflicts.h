// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace kopru {

// A placement that breaks a hard rule (docs/specification.md, "Optimiser rules"). Conflicts come from
// manual edits or from data changed after planning; they are shown, never hidden.
struct PlanConflict
{
    enum Kind { OverCapacity, DateOverlap, FieldMismatch, TeacherUnavailable };
    Kind kind = OverCapacity;
    int sessionId = 0;
    int teacherId = 0; // 0 for a session-wide conflict
    int placementId = 0; // one placement concerned (0 for a session-wide conflict)
    QString description; // translated
};

// The conflicts an edit of some placements can change: the over-capacity of
// their sessions (the ones before the edit and after), the overlaps of their
// teachers, and their own field and date conflicts.
struct ConflictScope
{
    QList<int> sessions, teachers, placements;
    bool holds(const PlanConflict &c) const;
};

namespace Conflicts {
// Every conflict among the placements that are not cancelled, ordered by
// kind, then by session (over capacity) or placement (the others).
Expected<std::vector<PlanConflict>> detect(QSqlDatabase db);
// Only the conflicts `scope` holds, in detect()'s order.
Expected<std::vector<PlanConflict>> detectWithin(QSqlDatabase db, const ConflictScope &scope);
// detect()'s order.
bool comesBefore(const PlanConflict &a, const PlanConflict &b);
QString kindName(PlanConflict::Kind kind);
} // namespace Conflicts

} // namespace kopru
