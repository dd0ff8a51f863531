// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QTextStream>
#include <cstdint>
#include <vector>

namespace kopru {

struct PlanInstance;
struct PlanWeights;

// How a field's network is solved; every way gives the same optimum.
enum class PlanFormulation {
    Automatic, // every pair when the field has at most PlanField::kFullPairs of them, else Pricing
    Pricing, // candidate pairs, the others priced against the dual potentials
    Full, // every eligible pair an arc, the maximum flow fixes the number placed (the reference)
};

// The dates of an instance as ranks among all its dates: comparing two ranks
// is comparing the two ISO strings (PlanInstance::eligible), in O(1).
struct PlanDates
{
    std::vector<int> teacherFrom, teacherTo; // open end: -1 and INT_MAX
    std::vector<int> sessionStart, sessionEnd;
    static PlanDates of(const PlanInstance &instance);
};

// One placement of a field's solution (indices into the instance).
struct FieldPlacement
{
    int teacher = 0;
    int session = 0;
    int coveredNeed = 0;
    int km = 0;
};

struct FieldResult
{
    int field = 0;
    std::int64_t teachers = 0; // with at least one eligible pair: teacher nodes of the full network
    std::int64_t sessions = 0; // with at least one eligible pair: session nodes of the full network
    std::int64_t places = 0; // free places of those sessions
    std::int64_t pairs = 0; // eligible pairs: teacher→session arcs of the full network
    std::int64_t maxKm = 0, maxNeed = 0; // over the eligible pairs
    std::int64_t cost = 0; // Σ pair cost of the placements = the full formulation's optimum
    int rounds = 0; // network simplex solves
    std::int64_t arcs = 0; // teacher→session arcs of the last network solved
    bool full = false; // solved on the full formulation
    std::vector<FieldPlacement> placements; // in teacher order
};

// One pilot field of an instance: its teachers and its sessions with free
// places in compact arrays. The eligible pairs are enumerated on demand and
// never all stored (docs/optimiser.md, "Pricing").
class PlanField
{
public:
    // Up to this many eligible pairs a field is solved on all of them
    // (faster there than pricing's several smaller solves).
    static constexpr std::int64_t kFullPairs = 100000;

    // `teachers` and `sessions`: instance indices of the field's teachers and
    // of its sessions with free places, both ascending.
    PlanField(const PlanInstance &in, const PlanDates &dates, int field, std::vector<int> teachers, std::vector<int> sessions);

    int field() const { return m_field; }

    // The exact optimum of the field: by column generation on candidate pairs
    // priced against the dual potentials, or on every pair (the formulation
    // of FlowNetwork::forPlan, maximum flow included).
    Expected<FieldResult> solve(const PlanWeights &weights, PlanFormulation how = PlanFormulation::Automatic) const;

    // This field's part of the full network in DIMACS "a" lines, numbered as
    // FlowNetwork::forPlan + united number it: node 1 source, node 2 sink, this
    // field's nodes from `firstNode` (1-based) on. Returns the next free node.
    std::int64_t writeDimacsArcs(QTextStream &out, std::int64_t firstNode, const PlanWeights &weights) const;

private:
    // Whether local teacher lt and session ls are an eligible pair; if so their covered need and km.
    bool pair(int lt, int ls, int &need, int &km) const
    {
        if (m_start[std::size_t(ls)] < m_from[std::size_t(lt)] || m_end[std::size_t(ls)] > m_to[std::size_t(lt)])
            return false;
        const std::int8_t *w = m_need.data() + std::size_t(lt) * m_comps;
        int n = 0;
        for (int k = m_compBegin[std::size_t(ls)]; k < m_compBegin[std::size_t(ls) + 1]; ++k)
            n += w[m_comp[std::size_t(k)]];
        need = n;
        km = m_km[std::size_t(m_tProvince[std::size_t(lt)]) * 82 + std::size_t(m_sProvince[std::size_t(ls)])];
        return true;
    }
    Expected<FieldResult> solveFull(const PlanWeights &weights) const;
    // The covered need of local teacher lt in every local session, eligible
    // or not, into row[0 … sessions): what pair() sums per pair, summed
    // competency by competency instead (planfield.cpp says why).
    void needsOf(int lt, int *row) const;

    const PlanInstance &m_in;
    int m_field = 0;
    std::vector<int> m_teachers, m_sessions; // instance indices
    std::vector<int> m_from, m_to, m_tProvince; // by local teacher
    std::size_t m_comps = 0;
    std::vector<std::int8_t> m_need; // local teacher × competency: max(need − 1, 0)
    std::vector<int> m_start, m_end, m_sProvince, m_free; // by local session
    std::vector<int> m_compBegin, m_comp; // the sessions' competencies, flattened
    std::vector<int> m_byCompBegin, m_byComp; // the same incidence by competency: the sessions of each
    std::vector<int> m_km; // 82 × 82 rounded km by plate (0 for unknown plates)
};

} // namespace kopru
