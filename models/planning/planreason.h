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

// The facts behind a reason. The database stores these (placement.reason, as
// compact JSON) and each reader renders them in their own language, so a plan
// made by kopru-cli in an English shell reads in Turkish in the Turkish window.
struct Facts
{
    enum class Kind { Planned, MovedByHand };
    Kind kind = Kind::Planned;
    QStringList coveredHighNeeds; // titles of the high needs the session covers
    int highNeeds = 0; // the teacher's high needs
    int points = 0; // covered need points
    bool sameProvince = false;
    int km = 0;
};

// "covers 6 of your 8 high needs: PLC programlama, …; same province" from its
// parts: the titles of the high needs the session covers, how many high needs
// the teacher has, the covered need points, the travel.
QString describe(const QStringList &coveredHighNeeds, int highNeeds, int points, bool sameProvince, int km);
// The facts of a pair of the instance.
Facts explain(const PlanInstance &in, const PlanTeacher &t, const PlanSession &s, int km);

// What placement.reason stores: {"kind":"planned","high":[…],"highNeeds":8,"points":12,"sameProvince":false,"km":120}.
QString encode(const Facts &facts);
// The stored reason in the current language: facts are rendered (describe, and
// "moved by hand: …"); a text stored by an older version is shown as it is.
QString render(const QString &stored);

// Covered need plus a closeness fraction below 1: (2000 − km) / 2001 for
// km ≤ 2000. Ordering pairs by score is the optimiser's order of need, then distance.
double score(int coveredNeed, int km);

} // namespace PlanReason
} // namespace kopru
