// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/planning/planfield.h"
#include "models/planning/planinstance.h"
#include "models/planning/planweights.h"
#include "models/planning/unplaced.h"

#include <QSqlDatabase>
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace kopru {

struct PlanAssignment
{
    int teacherId = 0;
    int sessionId = 0;
    int teacher = 0; // index into the instance's teachers
    int session = 0; // index into the instance's sessions
    int coveredNeed = 0;
    int km = 0;
};

struct PlanResult
{
    int placed = 0;
    int unplaced = 0; // teachers of the instance left without a session
    int kept = 0; // teachers of the scope whose placement was kept
    std::int64_t objective = 0; // minimum cost of the flow
    std::int64_t coveredNeed = 0; // Σ covered need of the new placements
    std::int64_t km = 0; // Σ distance of the new placements
    bool lexicographic = true; // weights provably keep the order on this instance
    std::int64_t pairs = 0; // eligible pairs: teacher→session arcs of the full network
    std::int64_t arcsSolved = 0; // teacher→session arcs of the networks solved (pricing keeps it small)
    int rounds = 0; // network simplex solves, all fields
    double durationMs = 0;
    int planRunId = 0;
    std::vector<PlanAssignment> assignments;
    // With PlanOptions::listUnplaced: the instance's teachers this run left
    // without a session, with their reason (Unplaced::classify), ordered by
    // field code and teacher id; what Unplaced::reasons() reads after the run.
    std::vector<UnplacedTeacher> unplacedTeachers;
};

struct PlanOptions
{
    PlanScope scope;
    PlanWeights weights;
    QString dimacsPath; // write the network solved here when not empty
    bool store = true; // false: solve only
    // Read from one snapshot and let others write while solving (a change of
    // a placement meanwhile makes the run refuse to store, PlanSnapshot),
    // instead of holding the file's write lock from reading to storing.
    // Always so on a server.
    bool readSnapshot = false;
    // Full: every eligible pair of the instance (quadratic, the old way), kept
    // as the reference of the tests; the others by field (docs/optimiser.md).
    PlanFormulation formulation = PlanFormulation::Automatic;
    // Called once when the plan is stored in the run's write transaction,
    // right before it commits; when it fails the transaction is rolled back
    // (nothing changed) and its error is the run's. kopru-cli waits here for
    // the automatic backup it makes on another thread meanwhile: that backup
    // reads the last committed state, so it holds the state before the run
    // whenever it finishes (docs/data-safety.md).
    std::function<Status()> beforeCommit;
    // Fill PlanResult::unplacedTeachers from the instance in memory (the
    // database is not read again for them).
    bool listUnplaced = false;
};

// Load → network → LEMON → store, the whole optimiser run.
class Planner
{
public:
    using Progress = std::function<void(int percent)>;
    // Called on the solving thread as the fields' results come in, in their
    // order, each as soon as it and those before it are solved: the new
    // assignments are assignments[from …] (maybe none), `share` the part of
    // the fields solved so far (1 at the last call). An error stops the solve
    // and is its result.
    using Found = std::function<Status(const std::vector<PlanAssignment> &assignments, std::size_t from, double share)>;

    // Solves an instance (no database): the assignment of maximum weight.
    // Fields are solved separately, in parallel (PlanFormulation). `dimacsPath`:
    // the full network written in DIMACS whichever way it was solved.
    static Expected<PlanResult> solve(const PlanInstance &instance, const PlanWeights &weights, const QString &dimacsPath = {},
        PlanFormulation how = PlanFormulation::Automatic, const Found &found = {});

    // Plans `options.scope` and (unless options.store is false) stores the
    // result in one transaction. `cancel` is polled between the stages; a
    // cancelled run changes nothing. The plan is stored only if no placement
    // changed since the instance was read (PlanSnapshot; see readSnapshot);
    // else the error names them, nothing is written and `*changedMeanwhile`
    // (when given) is set: planning again will do.
    static Expected<PlanResult> run(QSqlDatabase db, const PlanOptions &options, const Progress &progress = {},
        const std::atomic_bool *cancel = nullptr, bool *changedMeanwhile = nullptr);
};

} // namespace kopru
