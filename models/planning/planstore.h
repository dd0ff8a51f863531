// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <memory>
#include <vector>

namespace kopru {

struct PlanInstance;
struct PlanResult;
struct PlanAssignment;
struct PlanOptions;

// Writes a plan inside the caller's write transaction (Planner::run, after
// checking its PlanSnapshot: no placement changed since the instance was
// read): drops the scope's previous proposed,
// unlocked placements, inserts the new ones (status proposed, score, reason,
// plan_run_id) and records the run in plan_run. Locked, confirmed and
// completed placements are never touched. Sets result.planRunId.
namespace PlanStore {

// The same in steps, so that a run can store each field's placements while
// the next fields are still being solved (Planner::run on a file, which holds
// the write lock from the start): begin() once, add() with each new stretch
// of the assignments in their final order, finish() once with the whole
// result. The end state is the one store() writes.
class Writer final
{
public:
    Writer(QSqlDatabase db, const PlanInstance &instance, const PlanOptions &options);
    ~Writer();
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    // Where add() explains the placements (PlanReason): on this thread while
    // the thread pool solves the next fields (a QtConcurrent map then waits
    // behind their tasks: 1.9 s instead of 0.2 s at 100,000 teachers), on
    // every core once the solving is done.
    enum class Cores { This, All };

    Status begin();
    // assignments[from …] are new since the last call.
    Status add(const std::vector<PlanAssignment> &assignments, std::size_t from, Cores cores = Cores::This);
    // `sinceStart` times the whole run: plan_run.duration_ms includes the storing.
    Status finish(PlanResult &result, const QElapsedTimer &sinceStart);

private:
    struct State;
    std::unique_ptr<State> d;
};

// begin(), add() of every assignment, finish().
Status store(QSqlDatabase db, const PlanInstance &instance, PlanResult &result, const PlanOptions &options,
    const QElapsedTimer &sinceStart);
} // namespace PlanStore

} // namespace kopru
