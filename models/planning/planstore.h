// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>

namespace kopru {

struct PlanInstance;
struct PlanResult;
struct PlanOptions;

// Writes a plan inside the caller's write transaction (Planner::run, after
// checking its PlanSnapshot: no placement changed since the instance was
// read): drops the scope's previous proposed,
// unlocked placements, inserts the new ones (status proposed, score, reason,
// plan_run_id) and records the run in plan_run. Locked, confirmed and
// completed placements are never touched. Sets result.planRunId.
namespace PlanStore {
// `sinceStart` times the whole run: plan_run.duration_ms includes the storing.
Status store(QSqlDatabase db, const PlanInstance &instance, PlanResult &result, const PlanOptions &options,
    const QElapsedTimer &sinceStart);
} // namespace PlanStore

} // namespace kopru
