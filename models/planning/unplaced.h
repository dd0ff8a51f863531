// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/planning/planinstance.h"

#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace kopru {

// A teacher of the plan's scope who has no placement, and why (issue #18).
struct UnplacedTeacher
{
    // In the order they are tested: the first that holds is the reason.
    enum class Reason {
        NoSession, // no session of an active partner in the teacher's field
        DatesUnavailable, // sessions in the field, none inside the teacher's availability
        LockedElsewhere, // every session that fits is full of kept (locked, confirmed, other owner's) placements
        SessionsFull, // sessions that fit had places, the optimiser gave them to teachers with more need
    };
    int teacherId = 0;
    int fieldId = 0;
    QString nationalId;
    QString name;
    QString fieldCode;
    QString province;
    Reason reason = Reason::NoSession;
    int sessionsInField = 0;
    int sessionsThatFit = 0; // in the field and inside the availability
};

namespace Unplaced {

// The unplaced teachers of `scope` (the teachers a plan run of that scope
// would try to place and that have no placement that is not cancelled),
// ordered by field code and name (Turkish collation).
Expected<std::vector<UnplacedTeacher>> load(QSqlDatabase db, const PlanScope &scope = {});

// The same teachers without personal data (no national ID, name or
// province), ordered by field code and teacher id: what load() completes, and
// what a plan run's own list (PlanOptions::listUnplaced) equals after it.
Expected<std::vector<UnplacedTeacher>> reasons(QSqlDatabase db, const PlanScope &scope = {});

// The instance's teachers that are not in `placed` (by instance index) with
// their reason and counts (teacherId, fieldId, reason, sessionsInField,
// sessionsThatFit; nothing else filled), in the instance's teacher order. O((teachers + sessions) · log):
// per field, a sweep over the sessions by start date counts those that fit
// each teacher's dates in a Fenwick tree over their end dates.
std::vector<UnplacedTeacher> classify(const PlanInstance &instance, const std::vector<char> &placed);

// Fills each one's fieldCode from its fieldId and orders them by field code
// and teacher id (the order of reasons()).
Status nameFields(QSqlDatabase db, std::vector<UnplacedTeacher> &teachers);

// Why, in the current language ("no session in the field", …).
QString reasonText(UnplacedTeacher::Reason reason);
// A stable key for files and JSON: no-session, dates-unavailable, locked-elsewhere, sessions-full.
QString reasonKey(UnplacedTeacher::Reason reason);

} // namespace Unplaced
} // namespace kopru
