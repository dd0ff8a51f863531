// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QIODevice>
#include <cstdint>
#include <vector>

namespace kopru {

struct PlanCandidate;
struct PlanInstance;
struct PlanWeights;

// An explicit min-cost-flow network: the one instance the solver sees and the
// DIMACS writer prints, so that an external solver checks exactly what we solved.
struct FlowNetwork
{
    struct Arc
    {
        int from = 0, to = 0; // 0-based node indices
        int lower = 0, capacity = 0;
        std::int64_t cost = 0;
    };
    int nodes = 0;
    std::vector<std::int64_t> supply; // by node; positive = source
    std::vector<Arc> arcs;

    // The placement network of `instance`: node 0 source (supply = teachers
    // with a candidate), node 1 sink, one node per such teacher and per such
    // session; arcs source→teacher (cap 1), teacher→session (cap 1, cost of the
    // pair), session→sink (cap = free places) and one bypass source→sink for
    // the teachers left unplaced.
    // Only the pairs of `pool` listed in `candidates` (indices) take part;
    // `candidateArc[i]` is the arc of candidates[i].
    // With weights.maximizePlaced there is no bypass arc and the supply is
    // the maximum flow (the most teachers that can be placed).
    static FlowNetwork forPlan(const PlanInstance &instance, const std::vector<PlanCandidate> &pool,
        const std::vector<int> &candidates, const PlanWeights &weights, std::vector<int> *candidateArc);
    // Several networks as one: their sources merged into node 0, sinks into node 1.
    static FlowNetwork united(const std::vector<FlowNetwork> &parts);

    // DIMACS min-cost-flow format ("p min", "n", "a" lines; nodes 1-based).
    bool writeDimacs(QIODevice &out, const QString &comment = {}) const;
};

struct FlowSolution
{
    std::vector<int> flow; // by arc
    std::vector<std::int64_t> potential; // by node: reduced cost of arc uv = cost + potential[u] − potential[v]
    std::int64_t cost = 0;
};

// Value of a maximum flow from node 0 to node 1 (LEMON's preflow), supplies ignored.
int maxFlowValue(const FlowNetwork &network);

// Exact min-cost flow with LEMON's network simplex.
Expected<FlowSolution> solveMinCostFlow(const FlowNetwork &network);

} // namespace kopru
