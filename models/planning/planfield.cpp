// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planfield.h"

#include "models/planning/flownetwork.h"
#include "models/planning/planinstance.h"
#include "models/planning/planweights.h"
#include "models/planning/warmsimplex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <algorithm>
#include <array>
#include <climits>
#include <limits>
#include <numeric>
#include <utility>

namespace kopru {

Q_LOGGING_CATEGORY(lcPlanField, "kopru.planner.field", QtInfoMsg)

namespace {

// Candidate pairs per teacher in the first network, and the most that one
// pricing round adds per teacher (the most negative reduced costs first).
// Few per round: a smaller network costs less to solve (100,000 teachers,
// when every round started afresh: 2 per round took ~1 s less CPU than 8,
// with 192 instead of 162 rounds; docs/benchmarks.md). With the rounds going
// on from the last basis (WarmSimplex) it still holds: 4 per round makes 134
// solves instead of 153, but the plan took 1.24× the CPU (more arcs to hold
// and scan; five paired re-plans at 100,000 teachers, docs/benchmarks.md).
constexpr int kFirstPairs = 8;
constexpr int kAddedPairs = 2;

__extension__ typedef __int128 Wide; // exact bounds of 64-bit costs

// The k smallest of a stream of (key, value), kept sorted; ties by arrival.
template <int K> struct Smallest
{
    struct Item
    {
        std::int64_t key;
        int session, need, km;
    };
    std::array<Item, K> items {};
    int size = 0;
    void offer(std::int64_t key, int session, int need, int km)
    {
        if (size == K && key >= items[K - 1].key)
            return;
        int i = size < K ? size++ : K - 1;
        while (i > 0 && items[std::size_t(i - 1)].key > key) {
            items[std::size_t(i)] = items[std::size_t(i - 1)];
            --i;
        }
        items[std::size_t(i)] = { key, session, need, km };
    }
};

// A session's cheapest teachers: a bounded max-heap of (cost, teacher);
// ties keep the teacher seen first (the lower index), so the result does not
// depend on anything but the data.
struct TopTeachers
{
    std::size_t limit = 0;
    std::vector<std::pair<std::int64_t, int>> heap;
    void offer(std::int64_t cost, int teacher)
    {
        if (heap.size() < limit) {
            heap.emplace_back(cost, teacher);
            std::push_heap(heap.begin(), heap.end());
        } else if (limit > 0 && cost < heap.front().first) {
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = { cost, teacher };
            std::push_heap(heap.begin(), heap.end());
        }
    }
};

// Pairs priced from a table of costs when the field has at most this many
// teacher × session cells (8 bytes each: 128 MB), else computed again.
constexpr std::size_t kTableCells = std::size_t(16) << 20;
constexpr std::int64_t kIneligible = std::numeric_limits<std::int64_t>::max();

} // namespace

PlanDates PlanDates::of(const PlanInstance &in)
{
    // The distinct dates first (a few hundred among 250,000 at 100,000
    // teachers), then only those sorted: sorting all of them took ~0.15 s of
    // the one thread that runs before the fields are solved (issue #16).
    QHash<QString, int> ranks;
    ranks.reserve(1024);
    for (const PlanTeacher &t : in.teachers) {
        ranks.insert(t.availableFrom, 0);
        ranks.insert(t.availableTo, 0);
    }
    for (const PlanSession &s : in.sessions) {
        ranks.insert(s.start, 0);
        ranks.insert(s.end, 0);
    }
    std::vector<QString> all;
    all.reserve(std::size_t(ranks.size()));
    for (auto it = ranks.cbegin(); it != ranks.cend(); ++it)
        all.push_back(it.key());
    std::sort(all.begin(), all.end());
    for (std::size_t i = 0; i < all.size(); ++i)
        ranks[all[i]] = int(i);
    const auto rank = [&ranks](const QString &d) { return ranks.value(d); };
    PlanDates d;
    for (const PlanTeacher &t : in.teachers) {
        d.teacherFrom.push_back(t.availableFrom.isEmpty() ? -1 : rank(t.availableFrom));
        d.teacherTo.push_back(t.availableTo.isEmpty() ? INT_MAX : rank(t.availableTo));
    }
    for (const PlanSession &s : in.sessions) {
        d.sessionStart.push_back(rank(s.start));
        d.sessionEnd.push_back(rank(s.end));
    }
    return d;
}

PlanField::PlanField(
    const PlanInstance &in, const PlanDates &dates, int field, std::vector<int> teachers, std::vector<int> sessions)
    : m_in(in)
    , m_field(field)
    , m_teachers(std::move(teachers))
    , m_sessions(std::move(sessions))
{
    for (int t : m_teachers)
        m_comps = std::max(m_comps, in.teachers[std::size_t(t)].needs.size());
    m_need.assign(m_teachers.size() * m_comps, 0);
    const auto plate = [](int p) { return p >= 1 && p <= 81 ? p : 0; };
    for (std::size_t lt = 0; lt < m_teachers.size(); ++lt) {
        const PlanTeacher &t = in.teachers[std::size_t(m_teachers[lt])];
        m_from.push_back(dates.teacherFrom[std::size_t(m_teachers[lt])]);
        m_to.push_back(dates.teacherTo[std::size_t(m_teachers[lt])]);
        m_tProvince.push_back(plate(t.province));
        for (std::size_t c = 0; c < t.needs.size(); ++c)
            m_need[lt * m_comps + c] = std::int8_t(t.needs[c] > 1 ? t.needs[c] - 1 : 0);
    }
    m_compBegin.push_back(0);
    for (int s : m_sessions) {
        const PlanSession &session = in.sessions[std::size_t(s)];
        m_start.push_back(dates.sessionStart[std::size_t(s)]);
        m_end.push_back(dates.sessionEnd[std::size_t(s)]);
        m_sProvince.push_back(plate(session.province));
        m_free.push_back(session.free);
        // Competencies beyond a teacher's ratings count 0 (PlanInstance::coveredNeed).
        for (int c : session.competencies)
            if (c >= 0 && std::size_t(c) < m_comps)
                m_comp.push_back(c);
        m_compBegin.push_back(int(m_comp.size()));
    }
    // The incidence by competency (a counting sort of m_comp), for needsOf().
    m_byCompBegin.assign(m_comps + 1, 0);
    for (int c : m_comp)
        ++m_byCompBegin[std::size_t(c) + 1];
    std::partial_sum(m_byCompBegin.begin(), m_byCompBegin.end(), m_byCompBegin.begin());
    m_byComp.resize(m_comp.size());
    std::vector<int> fill(m_byCompBegin.begin(), m_byCompBegin.end() - 1);
    for (std::size_t ls = 0; ls + 1 < m_compBegin.size(); ++ls)
        for (int k = m_compBegin[ls]; k < m_compBegin[ls + 1]; ++k)
            m_byComp[std::size_t(fill[std::size_t(m_comp[std::size_t(k)])]++)] = int(ls);
    m_km.assign(82 * 82, 0);
    for (int a = 1; a <= 81; ++a)
        for (int b = 1; b <= 81; ++b)
            m_km[std::size_t(a * 82 + b)] = PlanInstance::roundedKm(a, b);
}

// The first pass prices every pair of the field (40 million at 100,000
// teachers). Summing a pair's need over its session's competencies (pair())
// is a short loop of dependent loads per pair; adding each of the teacher's
// rated competencies to the sessions that teach it is the same sum as a few
// straight runs over small arrays. Issue #16, 100,000 teachers: the first
// passes of all fields took 1.07 s of thread CPU instead of 1.19 s (medians
// of five runs each on a busy machine; docs/benchmarks.md).
void PlanField::needsOf(int lt, int *row) const
{
    std::fill(row, row + m_sessions.size(), 0);
    const std::int8_t *w = m_need.data() + std::size_t(lt) * m_comps;
    for (std::size_t c = 0; c < m_comps; ++c) {
        const int v = w[c];
        if (v == 0)
            continue;
        const int *s = m_byComp.data() + m_byCompBegin[c], *end = m_byComp.data() + m_byCompBegin[c + 1];
        for (; s != end; ++s)
            row[*s] += v;
    }
}

Expected<FieldResult> PlanField::solveFull(const PlanWeights &weights) const
{
    // Every eligible pair as an arc, the network of FlowNetwork::forPlan.
    std::vector<PlanCandidate> pool;
    for (int lt = 0; lt < int(m_teachers.size()); ++lt)
        for (int ls = 0; ls < int(m_sessions.size()); ++ls) {
            int need = 0, km = 0;
            if (pair(lt, ls, need, km))
                pool.push_back({ m_teachers[std::size_t(lt)], m_sessions[std::size_t(ls)], need, km });
        }
    std::vector<int> all(pool.size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<int> candidateArc;
    const FlowNetwork network = FlowNetwork::forPlan(m_in, pool, all, weights, &candidateArc);
    auto solution = solveMinCostFlow(network);
    if (!solution)
        return solution.error();
    FieldResult r;
    r.field = m_field;
    r.full = true;
    r.rounds = 1;
    r.arcs = r.pairs = std::int64_t(pool.size());
    r.cost = solution->cost;
    std::vector<char> teacherSeen(m_in.teachers.size(), 0), sessionSeen(m_in.sessions.size(), 0);
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const PlanCandidate &c = pool[i];
        if (!teacherSeen[std::size_t(c.teacher)]++)
            ++r.teachers;
        if (!sessionSeen[std::size_t(c.session)]++) {
            ++r.sessions;
            r.places += m_in.sessions[std::size_t(c.session)].free;
        }
        r.maxKm = std::max<std::int64_t>(r.maxKm, c.km);
        r.maxNeed = std::max<std::int64_t>(r.maxNeed, c.coveredNeed);
        if (solution->flow[std::size_t(candidateArc[i])] > 0)
            r.placements.push_back({ c.teacher, c.session, c.coveredNeed, c.km });
    }
    return r;
}

Expected<FieldResult> PlanField::solve(const PlanWeights &weights, PlanFormulation how) const
{
    if (how == PlanFormulation::Full)
        return solveFull(weights);
    const int teachers = int(m_teachers.size()), sessions = int(m_sessions.size());
    FieldResult r;
    r.field = m_field;
    QElapsedTimer timer;
    timer.start();
    qint64 scanNs = 0, simplexNs = 0, pricingNs = 0;

    // 1. One pass over the pairs: the statistics of the full network, each
    //    teacher's cheapest pairs, each session's cheapest teachers, a lower
    //    bound of each teacher's pair cost, and (when it fits) every pair's
    //    cost in a teachers × sessions table that pricing then reads.
    struct Chosen
    {
        int session, need, km;
    };
    std::vector<std::vector<Chosen>> chosen(static_cast<std::size_t>(teachers));
    std::vector<std::int64_t> lowest(std::size_t(teachers), 0); // lower bound of the teacher's pair costs
    std::vector<int> teacherNode(std::size_t(teachers), -1), sessionNode(std::size_t(sessions), -1);
    std::int64_t cmin = std::numeric_limits<std::int64_t>::max(), cmax = std::numeric_limits<std::int64_t>::min();
    const std::size_t cells = std::size_t(teachers) * std::size_t(sessions);
    std::vector<std::int64_t> table(cells <= kTableCells ? cells : 0, kIneligible);
    // Each session keeps its sessionPicks(free) cheapest teachers: with more
    // teachers than places, those are the ones competing for its places.
    std::int64_t freePlaces = 0;
    for (int f : m_free)
        freePlaces += std::max(f, 0);
    const std::int64_t perPlace
        = std::clamp<std::int64_t>(freePlaces > 0 ? (2 * std::int64_t(teachers) + freePlaces - 1) / freePlaces : 1, 2, 8);
    std::vector<TopTeachers> picks(static_cast<std::size_t>(sessions));
    for (int ls = 0; ls < sessions; ++ls)
        picks[std::size_t(ls)].limit = std::size_t(std::max<std::int64_t>(m_free[std::size_t(ls)], 1) * perPlace);
    std::vector<int> needs(std::size_t(sessions), 0);
    for (int lt = 0; lt < teachers; ++lt) {
        Smallest<kFirstPairs> best;
        int maxNeed = 0, minKm = INT_MAX;
        bool any = false;
        std::int64_t *row = table.empty() ? nullptr : table.data() + std::size_t(lt) * std::size_t(sessions);
        needsOf(lt, needs.data());
        const int from = m_from[std::size_t(lt)], to = m_to[std::size_t(lt)];
        const int *kmRow = m_km.data() + std::size_t(m_tProvince[std::size_t(lt)]) * 82;
        for (int ls = 0; ls < sessions; ++ls) {
            // pair(lt, ls, need, km), its need from needsOf().
            if (m_start[std::size_t(ls)] < from || m_end[std::size_t(ls)] > to)
                continue;
            const int need = needs[std::size_t(ls)];
            const int km = kmRow[m_sProvince[std::size_t(ls)]];
            any = true;
            ++r.pairs;
            const std::int64_t cost = weights.pairCost(need, km);
            if (row)
                row[ls] = cost;
            cmin = std::min(cmin, cost);
            cmax = std::max(cmax, cost);
            maxNeed = std::max(maxNeed, need);
            minKm = std::min(minKm, km);
            r.maxKm = std::max<std::int64_t>(r.maxKm, km);
            sessionNode[std::size_t(ls)] = 0;
            best.offer(cost, ls, need, km);
            picks[std::size_t(ls)].offer(cost, lt);
        }
        if (!any)
            continue;
        teacherNode[std::size_t(lt)] = 0;
        r.maxNeed = std::max<std::int64_t>(r.maxNeed, maxNeed);
        lowest[std::size_t(lt)] = weights.pairCost(maxNeed, minKm); // distance and need weights are ≥ 0
        for (int i = 0; i < best.size; ++i)
            chosen[std::size_t(lt)].push_back(
                { best.items[std::size_t(i)].session, best.items[std::size_t(i)].need, best.items[std::size_t(i)].km });
    }
    if (r.pairs == 0)
        return r;
    if (how == PlanFormulation::Automatic && r.pairs <= kFullPairs)
        return solveFull(weights);
    for (int ls = 0; ls < sessions; ++ls)
        for (const auto &[cost, lt] : picks[std::size_t(ls)].heap) {
            auto &mine = chosen[std::size_t(lt)];
            if (std::none_of(mine.begin(), mine.end(), [ls](const Chosen &c) { return c.session == ls; })) {
                int need = 0, km = 0;
                pair(lt, ls, need, km);
                mine.push_back({ ls, need, km });
            }
        }
    picks = {};
    // Nodes as in the full network: 0 source, 1 sink, then teachers, then sessions.
    int nodes = 2;
    for (int &v : teacherNode)
        if (v == 0) {
            v = nodes++;
            ++r.teachers;
        }
    for (int ls = 0; ls < sessions; ++ls)
        if (sessionNode[std::size_t(ls)] == 0) {
            sessionNode[std::size_t(ls)] = nodes++;
            ++r.sessions;
            r.places += m_free[std::size_t(ls)];
        }

    scanNs = timer.nsecsElapsed();
    // 2. The cost of leaving a teacher unplaced (bypass arc source → sink).
    //    Weighted mode: 0, the pairs carry −W_place. Default mode: B larger
    //    than any augmenting path's cost, so that the optimum places the most
    //    teachers (docs/optimiser.md, "Objective 1 by pricing"):
    //    B = cmax + (F − 1)(cmax − cmin) + 1, F = min(teachers, sessions).
    std::int64_t bypass = 0;
    // The warm simplex's artificial cost is (largest |cost| + 1) × (nodes + 1);
    // potentials and the total stay far inside 64 bits below this limit.
    const Wide limit = Wide(std::numeric_limits<std::int64_t>::max() / 4) / (nodes + r.teachers + 1);
    if (weights.maximizePlaced) {
        const Wide f = std::min(r.teachers, r.sessions);
        const Wide b = Wide(cmax) + (f - 1) * (Wide(cmax) - Wide(cmin)) + 1;
        if (b > limit)
            return solveFull(weights);
        bypass = std::max<std::int64_t>(std::int64_t(b), 1);
    }
    const Wide largest
        = std::max({ Wide(bypass), Wide(cmax) < 0 ? -Wide(cmax) : Wide(cmax), Wide(cmin) < 0 ? -Wide(cmin) : Wide(cmin) });
    if (largest > limit)
        return solveFull(weights);

    // 3. Solve on the chosen pairs, price every other pair against the
    //    potentials, add those of negative reduced cost, until there is none.
    //    One WarmSimplex for all rounds: each round goes on from the last
    //    round's optimal basis with the added arcs (docs/optimiser.md).
    std::vector<int> order; // sessions with a node, by potential, highest first
    for (int ls = 0; ls < sessions; ++ls)
        if (sessionNode[std::size_t(ls)] >= 0)
            order.push_back(ls);
    std::vector<std::int64_t> supply(std::size_t(nodes), 0);
    supply[0] = r.teachers;
    supply[1] = -r.teachers;
    WarmSimplex simplex(supply, std::int64_t(largest));
    for (int lt = 0; lt < teachers; ++lt)
        if (teacherNode[std::size_t(lt)] >= 0)
            simplex.addArc(0, teacherNode[std::size_t(lt)], 1, 0);
    for (int ls : order)
        simplex.addArc(sessionNode[std::size_t(ls)], 1, m_free[std::size_t(ls)], 0);
    simplex.addArc(0, 1, r.teachers, bypass);
    const int firstPair = simplex.arcCount();
    struct PairArc
    {
        int teacher, chosen; // local teacher, index into chosen[teacher]
    };
    std::vector<PairArc> pairArcs; // by arc − firstPair
    std::vector<std::size_t> inNetwork(std::size_t(teachers), 0); // chosen[lt][0 … n) are arcs
    std::vector<int> placedIn(std::size_t(teachers), -1); // the chosen pair a teacher is placed by
    for (;;) {
        for (int lt = 0; lt < teachers; ++lt) {
            const auto &mine = chosen[std::size_t(lt)];
            for (std::size_t k = inNetwork[std::size_t(lt)]; k < mine.size(); ++k) {
                simplex.addArc(teacherNode[std::size_t(lt)], sessionNode[std::size_t(mine[k].session)], 1,
                    weights.pairCost(mine[k].need, mine[k].km));
                pairArcs.push_back({ lt, int(k) });
            }
            inNetwork[std::size_t(lt)] = mine.size();
        }
        r.arcs = std::int64_t(pairArcs.size());
        const qint64 t0 = timer.nsecsElapsed();
        if (!simplex.solve())
            return Error { QCoreApplication::translate("Planner", "the placement network has no optimal flow (%1)")
                               .arg(QStringLiteral("infeasible")),
                {}, 0, 0 };
        ++r.rounds;
        const qint64 t1 = timer.nsecsElapsed();
        simplexNs += t1 - t0;
        std::fill(placedIn.begin(), placedIn.end(), -1);
        for (std::size_t i = 0; i < pairArcs.size(); ++i)
            if (simplex.flow(firstPair + int(i)) > 0)
                placedIn[std::size_t(pairArcs[i].teacher)] = pairArcs[i].chosen;

        // Pricing. From the table: every pair of the teacher in one pass over
        // its row, a pair (t, s) negative when c(t, s) < π_s − π_t (an
        // ineligible cell holds kIneligible and never is). Without the table:
        // reduced cost of (t, s) = cost + π_t − π_s ≥ lowest_t + π_t − π_s; with the
        // sessions by π_s falling, a teacher's scan stops where that bound reaches 0.
        std::vector<std::int64_t> sessionPi(std::size_t(sessions), 0);
        for (int ls : order)
            sessionPi[std::size_t(ls)] = simplex.potential(sessionNode[std::size_t(ls)]);
        if (table.empty())
            std::sort(order.begin(), order.end(),
                [&sessionPi](int a, int b) { return sessionPi[std::size_t(a)] > sessionPi[std::size_t(b)]; });
        // Each teacher's potential raised to the largest value its own arcs
        // of the restricted network allow (docs/optimiser.md, "Tight teacher
        // potentials"): π_source when it is unplaced (arc source → t at flow 0),
        // π_s − c(t, s) when it is placed in s. The network simplex returns
        // one dual solution among many; the tight one prices out the most pairs.
        std::vector<std::int64_t> tight(std::size_t(teachers), simplex.potential(0));
        for (int lt = 0; lt < teachers; ++lt)
            if (const int k = placedIn[std::size_t(lt)]; k >= 0) {
                const Chosen &c = chosen[std::size_t(lt)][std::size_t(k)];
                tight[std::size_t(lt)] = sessionPi[std::size_t(c.session)] - weights.pairCost(c.need, c.km);
            }
        std::int64_t added = 0;
        for (int lt = 0; lt < teachers; ++lt) {
            if (teacherNode[std::size_t(lt)] < 0)
                continue;
            const std::int64_t base = tight[std::size_t(lt)];
            const std::int64_t bound = lowest[std::size_t(lt)] + base;
            Smallest<kAddedPairs> negative;
            auto &mine = chosen[std::size_t(lt)];
            const auto offer = [&](int ls, std::int64_t reduced, int need, int km) {
                if (std::none_of(mine.begin(), mine.end(), [ls](const Chosen &c) { return c.session == ls; }))
                    negative.offer(reduced, ls, need, km);
            };
            if (!table.empty()) {
                const std::int64_t *row = table.data() + std::size_t(lt) * std::size_t(sessions);
                for (int ls = 0; ls < sessions; ++ls)
                    if (row[ls] < sessionPi[std::size_t(ls)] - base) {
                        int need = 0, km = 0;
                        pair(lt, ls, need, km);
                        offer(ls, row[ls] + base - sessionPi[std::size_t(ls)], need, km);
                    }
            } else {
                for (int ls : order) {
                    const std::int64_t ps = sessionPi[std::size_t(ls)];
                    if (bound - ps >= 0)
                        break;
                    int need = 0, km = 0;
                    if (!pair(lt, ls, need, km))
                        continue;
                    const std::int64_t reduced = weights.pairCost(need, km) + base - ps;
                    if (reduced < 0)
                        offer(ls, reduced, need, km);
                }
            }
            for (int i = 0; i < negative.size; ++i)
                mine.push_back({ negative.items[std::size_t(i)].session, negative.items[std::size_t(i)].need,
                    negative.items[std::size_t(i)].km });
            added += negative.size;
        }
        pricingNs += timer.nsecsElapsed() - t1;
        if (added > 0)
            continue;
        qCDebug(lcPlanField) << "field" << m_field << "teachers" << r.teachers << "sessions" << r.sessions << "pairs" << r.pairs
                             << "arcs" << r.arcs << "rounds" << r.rounds << "pivots" << simplex.pivots() << "scan ms"
                             << scanNs / 1000000 << "simplex ms" << simplexNs / 1000000 << "pricing ms" << pricingNs / 1000000;

        // Optimal for the full network: every pair left out has a reduced cost ≥ 0.
        for (int lt = 0; lt < teachers; ++lt)
            if (const int k = placedIn[std::size_t(lt)]; k >= 0) {
                const Chosen &c = chosen[std::size_t(lt)][std::size_t(k)];
                r.placements.push_back({ m_teachers[std::size_t(lt)], m_sessions[std::size_t(c.session)], c.need, c.km });
                r.cost += weights.pairCost(c.need, c.km);
            }
        return r;
    }
}

std::int64_t PlanField::writeDimacsArcs(QTextStream &out, std::int64_t firstNode, const PlanWeights &weights) const
{
    // Node numbers in the order FlowNetwork::forPlan gives them: a teacher on
    // its first pair, a session on its first appearance.
    const int teachers = int(m_teachers.size()), sessions = int(m_sessions.size());
    std::vector<std::int64_t> teacherNode(std::size_t(teachers), -1), sessionNode(std::size_t(sessions), -1);
    std::int64_t next = firstNode, supply = 0;
    for (int lt = 0; lt < teachers; ++lt)
        for (int ls = 0; ls < sessions; ++ls) {
            int need = 0, km = 0;
            if (!pair(lt, ls, need, km))
                continue;
            if (teacherNode[std::size_t(lt)] < 0) {
                teacherNode[std::size_t(lt)] = next++;
                ++supply;
            }
            if (sessionNode[std::size_t(ls)] < 0)
                sessionNode[std::size_t(ls)] = next++;
        }
    for (std::int64_t v : teacherNode)
        if (v >= 0)
            out << "a 1 " << qint64(v) << " 0 1 0\n";
    for (int lt = 0; lt < teachers; ++lt) {
        if (teacherNode[std::size_t(lt)] < 0)
            continue;
        for (int ls = 0; ls < sessions; ++ls) {
            int need = 0, km = 0;
            if (pair(lt, ls, need, km))
                out << "a " << qint64(teacherNode[std::size_t(lt)]) << ' ' << qint64(sessionNode[std::size_t(ls)]) << " 0 1 "
                    << qint64(weights.pairCost(need, km)) << '\n';
        }
    }
    for (int ls = 0; ls < sessions; ++ls)
        if (sessionNode[std::size_t(ls)] >= 0)
            out << "a " << qint64(sessionNode[std::size_t(ls)]) << " 2 0 " << m_free[std::size_t(ls)] << " 0\n";
    if (!weights.maximizePlaced && supply > 0)
        out << "a 1 2 0 " << qint64(supply) << " 0\n";
    return next;
}

} // namespace kopru
