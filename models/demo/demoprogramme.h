// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/demo/demosurvey.h"

#include <QSqlDatabase>
#include <cstdint>

namespace kopru::DemoProgramme {

struct Summary
{
    int placements = 0, completed = 0, cancelled = 0, attendanceDays = 0, answers = 0, secondRoundRatings = 0;
};

// The demo's completed first programme (docs/quality.md, "Demo"): the
// sessions that start before July 2027 are filled from the seed with
// teachers of their field who are free then (a quick draw, not the
// optimiser: `kopru-cli plan` plans the rest around it); each placement is
// completed or cancelled with a reason, with attendance per day, the
// teacher's evaluation of the training and the partner's of the teacher for
// most, and a second survey round for part of the completed teachers, whose
// need fell on the competencies their session taught. Deterministic from
// `seed`, with its own random sequence (the rest of the demo is unchanged).
// Runs inside the demo's write transaction, after the sessions exist; the
// first survey round is read from `survey` and the second added to it.
Expected<Summary> record(QSqlDatabase db, std::uint64_t seed, DemoSurvey &survey);

} // namespace kopru::DemoProgramme
