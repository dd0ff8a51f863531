// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace kopru {

// A primal network simplex for min-cost flow that keeps its basis between
// solves, so that arcs can be added and the problem solved again from the
// last optimum ("warm start"; docs/optimiser.md, "Pricing without starting
// afresh"). LEMON's NetworkSimplex always starts from scratch; for column
// generation (PlanField's pricing rounds) that repeats the whole solve for a
// few added arcs.
//
// Why a warm start is exact: an added arc starts non-basic at its lower
// bound 0 with flow 0, so the last optimal flow stays feasible and the last
// spanning-tree basis stays a (strongly) feasible basis; the simplex goes on
// pivoting from it until no arc has a negative reduced cost, which is the
// optimality condition of the whole network as it now stands.
//
// The method is the textbook one (as in LEMON): an artificial root joined to
// every node by an arc of large cost makes the first basis; the entering arc
// is the most negative in a block of ~√arcs arcs scanned cyclically; the
// leaving arc is chosen so that the tree stays strongly feasible (Cunningham),
// which rules out cycling. The tree is kept as parent pointers with child
// lists and depths; a pivot re-hangs one subtree and shifts its potentials.
//
// All lower bounds are 0; capacities and costs are integers.
class WarmSimplex
{
public:
    // Nodes 0 … supply.size() − 1 with these supplies (positive: source; they
    // sum to 0). `maxAbsCost` bounds |cost| of every arc ever added: the
    // artificial arcs cost (maxAbsCost + 1) × (nodes + 1), more than any path.
    WarmSimplex(const std::vector<std::int64_t> &supply, std::int64_t maxAbsCost);

    // Adds the arc from → to (capacity ≥ 0, |cost| ≤ maxAbsCost), flow 0; returns its index.
    int addArc(int from, int to, std::int64_t capacity, std::int64_t cost);

    // Pivots from the current basis to an optimum. False when the supplies
    // cannot be met with the arcs given (an artificial arc keeps flow).
    bool solve();

    int arcCount() const { return int(m_slotOfArc.size()); }
    std::int64_t flow(int arc) const { return m_flow[std::size_t(m_slotOfArc[std::size_t(arc)])]; }
    // Reduced cost of arc uv = cost + potential(u) − potential(v); ≥ 0 at an optimum for arcs at flow 0.
    std::int64_t potential(int node) const { return m_pi[std::size_t(node)]; }
    std::int64_t totalCost() const;
    std::int64_t pivots() const { return m_pivots; }

private:
    bool findEnteringArc();
    void pivot(int in);
    void mixArcs();
    void detach(int child);
    void attach(int child, int parent);

    int m_nodes = 0; // real nodes; node m_nodes is the artificial root
    std::int64_t m_artificialCost = 0;
    // Arcs by slot: 0 … m_nodes − 1 the artificial ones (never entering again), the real ones after, mixed.
    std::vector<int> m_from, m_to;
    std::vector<std::int64_t> m_cap, m_cost, m_flow;
    std::vector<signed char> m_state; // 1 at lower bound, 0 in the tree, −1 at upper bound
    // The spanning tree, by node (root included).
    std::vector<int> m_parent, m_pred, m_depth, m_firstChild, m_nextSibling, m_prevSibling;
    std::vector<signed char> m_predUp; // m_pred points from the node to its parent
    std::vector<std::int64_t> m_pi;
    std::vector<int> m_path; // scratch of pivot()
    std::vector<int> m_slotOfArc; // where each real arc (by its index) is stored
    int m_mixed = -1; // real arcs when they were last mixed
    int m_nextArc = 0, m_blockSize = 10;
    std::int64_t m_pivots = 0;
};

} // namespace kopru
