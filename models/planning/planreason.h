// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace kopru {

struct PlanInstance;
struct PlanTeacher;
struct PlanSession;

// Why a teacher was placed in a session, as the coordinator reads it, and the
// pair's score (docs/optimiser.md).
namespace PlanReason {

// A need of 4 or 5 ("high" or "very high") counts as a high need.
constexpr int kHighNeed = 4;

// "covers 6 of your 8 high needs: PLC programlama, …; same province" from its
// parts: the titles of the high needs the session covers, how many high needs
// the teacher has, the covered need points, the travel.
QString describe(const QStringList &coveredHighNeeds, int highNeeds, int points, bool sameProvince, int km);
// The same for a pair of the instance.
QString explain(const PlanInstance &in, const PlanTeacher &t, const PlanSession &s, int km);

// Covered need plus a closeness fraction below 1: (2000 − km) / 2001 for
// km ≤ 2000. Ordering pairs by score is the optimiser's order of need, then distance.
double score(int coveredNeed, int km);

} // namespace PlanReason
} // namespace kopru
