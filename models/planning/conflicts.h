// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

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

namespace Conflicts {
// Every conflict among the placements that are not cancelled, ordered by kind.
Expected<std::vector<PlanConflict>> detect(QSqlDatabase db);
QString kindName(PlanConflict::Kind kind);
} // namespace Conflicts

} // namespace kopru
