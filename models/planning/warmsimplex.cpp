// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/warmsimplex.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kopru {

namespace {

constexpr std::int64_t kInfinite = std::numeric_limits<std::int64_t>::max();
constexpr signed char kLower = 1, kTree = 0, kUpper = -1;

} // namespace

WarmSimplex::WarmSimplex(const std::vector<std::int64_t> &supply, std::int64_t maxAbsCost)
    : m_nodes(int(supply.size()))
    , m_artificialCost((maxAbsCost + 1) * (std::int64_t(supply.size()) + 1))
{
    const std::size_t n = supply.size();
    const int root = m_nodes;
    m_parent.assign(n + 1, -1);
    m_pred.assign(n + 1, -1);
    m_depth.assign(n + 1, 0);
    m_firstChild.assign(n + 1, -1);
    m_nextSibling.assign(n + 1, -1);
    m_prevSibling.assign(n + 1, -1);
    m_predUp.assign(n + 1, 0);
    m_pi.assign(n + 1, 0);
    // The first basis: every node hangs from the root by an artificial arc
    // that carries its supply — towards the root (cost 0) from a node that
    // supplies, from the root (the artificial cost) to one that demands. Each
    // arc of zero flow points towards the root: the tree is strongly feasible.
    for (int u = 0; u < m_nodes; ++u) {
        const std::int64_t s = supply[std::size_t(u)];
        const bool up = s >= 0;
        m_from.push_back(up ? u : root);
        m_to.push_back(up ? root : u);
        m_cap.push_back(kInfinite);
        m_cost.push_back(up ? 0 : m_artificialCost);
        m_flow.push_back(up ? s : -s);
        m_state.push_back(kTree);
        m_pred[std::size_t(u)] = u;
        m_predUp[std::size_t(u)] = up;
        m_pi[std::size_t(u)] = up ? 0 : m_artificialCost; // reduced cost 0 on the tree arc
        m_depth[std::size_t(u)] = 1;
        attach(u, root);
    }
}

int WarmSimplex::addArc(int from, int to, std::int64_t capacity, std::int64_t cost)
{
    m_from.push_back(from);
    m_to.push_back(to);
    m_cap.push_back(capacity);
    m_cost.push_back(cost);
    m_flow.push_back(0);
    m_state.push_back(kLower);
    m_slotOfArc.push_back(int(m_from.size()) - 1);
    return int(m_slotOfArc.size()) - 1;
}

void WarmSimplex::attach(int child, int parent)
{
    const std::size_t c = std::size_t(child);
    const int first = m_firstChild[std::size_t(parent)];
    m_parent[c] = parent;
    m_prevSibling[c] = -1;
    m_nextSibling[c] = first;
    if (first >= 0)
        m_prevSibling[std::size_t(first)] = child;
    m_firstChild[std::size_t(parent)] = child;
}

void WarmSimplex::detach(int child)
{
    const std::size_t c = std::size_t(child);
    const int prev = m_prevSibling[c], next = m_nextSibling[c];
    if (prev >= 0)
        m_nextSibling[std::size_t(prev)] = next;
    else
        m_firstChild[std::size_t(m_parent[c])] = next;
    if (next >= 0)
        m_prevSibling[std::size_t(next)] = prev;
    m_parent[c] = -1;
}

bool WarmSimplex::findEnteringArc()
{
    // Block search: the most negative state × reduced cost among a block of
    // arcs, blocks scanned cyclically (in the mixed order) from where the
    // last search stopped.
    const int end = int(m_from.size());
    if (end == m_nodes)
        return false;
    std::int64_t best = 0;
    int in = -1, count = m_blockSize;
    const auto scan = [&](int p) {
        const std::size_t i = std::size_t(p);
        const std::int64_t c = m_state[i] * (m_cost[i] + m_pi[std::size_t(m_from[i])] - m_pi[std::size_t(m_to[i])]);
        if (c < best) {
            best = c;
            in = p;
        }
        return --count == 0;
    };
    for (int p = m_nextArc; p < end; ++p)
        if (scan(p)) {
            if (best < 0) {
                m_nextArc = p + 1 < end ? p + 1 : m_nodes;
                pivot(in);
                return true;
            }
            count = m_blockSize;
        }
    for (int p = m_nodes; p < m_nextArc; ++p)
        if (scan(p)) {
            if (best < 0) {
                m_nextArc = p + 1;
                pivot(in);
                return true;
            }
            count = m_blockSize;
        }
    if (best >= 0)
        return false;
    pivot(in);
    return true;
}

void WarmSimplex::pivot(int in)
{
    ++m_pivots;
    const std::size_t ie = std::size_t(in);
    // The cycle: `first` → (in) → `second` → … → join → … → `first`, in the
    // direction the flow is pushed (against the arc when it is at its upper bound).
    const int first = m_state[ie] == kLower ? m_from[ie] : m_to[ie];
    const int second = m_state[ie] == kLower ? m_to[ie] : m_from[ie];
    int a = first, b = second;
    while (m_depth[std::size_t(a)] > m_depth[std::size_t(b)])
        a = m_parent[std::size_t(a)];
    while (m_depth[std::size_t(b)] > m_depth[std::size_t(a)])
        b = m_parent[std::size_t(b)];
    while (a != b) {
        a = m_parent[std::size_t(a)];
        b = m_parent[std::size_t(b)];
    }
    const int join = a;

    // The leaving arc: the smallest residual on the cycle; among equals the
    // last one met going round from the join, which keeps the tree strongly
    // feasible (`<` on the way down to `first`, `<=` on the way up from `second`).
    std::int64_t delta = m_cap[ie];
    int out = -1, side = 0;
    for (int u = first; u != join; u = m_parent[std::size_t(u)]) {
        const std::size_t e = std::size_t(m_pred[std::size_t(u)]);
        // Going down: an arc to the parent loses flow, one from the parent gains.
        const std::int64_t d = m_predUp[std::size_t(u)] ? m_flow[e] : (m_cap[e] == kInfinite ? kInfinite : m_cap[e] - m_flow[e]);
        if (d < delta) {
            delta = d;
            out = u;
            side = 1;
        }
    }
    for (int u = second; u != join; u = m_parent[std::size_t(u)]) {
        const std::size_t e = std::size_t(m_pred[std::size_t(u)]);
        const std::int64_t d = m_predUp[std::size_t(u)] ? (m_cap[e] == kInfinite ? kInfinite : m_cap[e] - m_flow[e]) : m_flow[e];
        if (d <= delta) {
            delta = d;
            out = u;
            side = 2;
        }
    }

    if (delta > 0) {
        const std::int64_t val = m_state[ie] * delta;
        m_flow[ie] += val;
        for (int u = m_from[ie]; u != join; u = m_parent[std::size_t(u)])
            m_flow[std::size_t(m_pred[std::size_t(u)])] += m_predUp[std::size_t(u)] ? -val : val;
        for (int u = m_to[ie]; u != join; u = m_parent[std::size_t(u)])
            m_flow[std::size_t(m_pred[std::size_t(u)])] += m_predUp[std::size_t(u)] ? val : -val;
    }
    if (side == 0) { // the entering arc itself blocks: it goes to its other bound
        m_state[ie] = static_cast<signed char>(-m_state[ie]);
        return;
    }
    const std::size_t leaving = std::size_t(m_pred[std::size_t(out)]);
    m_state[ie] = kTree;
    m_state[leaving] = m_flow[leaving] == 0 ? kLower : kUpper;

    // The subtree below the leaving arc is re-hung by the entering arc at
    // uIn, its endpoint on the leaving arc's side: the path uIn … out turns round.
    const int uIn = side == 1 ? first : second;
    const int vIn = side == 1 ? second : first;
    m_path.clear();
    for (int u = uIn;; u = m_parent[std::size_t(u)]) {
        m_path.push_back(u);
        if (u == out)
            break;
    }
    for (std::size_t i = m_path.size(); i-- > 0;)
        detach(m_path[i]);
    for (std::size_t i = m_path.size() - 1; i > 0; --i) {
        const std::size_t child = std::size_t(m_path[i]), parent = std::size_t(m_path[i - 1]);
        m_pred[child] = m_pred[parent];
        m_predUp[child] = !m_predUp[parent];
        attach(int(child), int(parent));
    }
    const std::size_t u = std::size_t(uIn);
    m_pred[u] = in;
    m_predUp[u] = m_from[ie] == uIn;
    attach(uIn, vIn);

    // Potentials: the entering arc gets reduced cost 0; the whole subtree moves with uIn.
    const std::int64_t newPi = m_predUp[u] ? m_pi[std::size_t(vIn)] - m_cost[ie] : m_pi[std::size_t(vIn)] + m_cost[ie];
    const std::int64_t sigma = newPi - m_pi[u];
    m_pi[u] = newPi;
    m_depth[u] = m_depth[std::size_t(vIn)] + 1;
    int x = uIn;
    for (;;) {
        if (m_firstChild[std::size_t(x)] >= 0) {
            x = m_firstChild[std::size_t(x)];
        } else {
            while (x != uIn && m_nextSibling[std::size_t(x)] < 0)
                x = m_parent[std::size_t(x)];
            if (x == uIn)
                break;
            x = m_nextSibling[std::size_t(x)];
        }
        m_pi[std::size_t(x)] += sigma;
        m_depth[std::size_t(x)] = m_depth[std::size_t(m_parent[std::size_t(x)])] + 1;
    }
}

void WarmSimplex::mixArcs()
{
    // The real arcs are stored interleaved with a stride (LEMON's "arc
    // mixing"): arcs added together are usually alike (one teacher's pairs),
    // and so every block of the search samples the whole network while it
    // still reads the arrays in order.
    const int real = int(m_from.size()) - m_nodes;
    const int skip = std::max(real / std::max(m_nodes, 1), 3);
    std::vector<int> slotOf(m_from.size()); // new slot by old slot
    for (int e = 0; e < m_nodes; ++e)
        slotOf[std::size_t(e)] = e;
    for (int k = 0, i = 0, j = 0; k < real; ++k) {
        int &slot = m_slotOfArc[std::size_t(k)];
        slotOf[std::size_t(slot)] = m_nodes + i;
        slot = m_nodes + i;
        if ((i += skip) >= real)
            i = ++j;
    }
    const auto permute = [&slotOf](auto &v) {
        auto moved = v;
        for (std::size_t e = 0; e < v.size(); ++e)
            moved[std::size_t(slotOf[e])] = v[e];
        v.swap(moved);
    };
    permute(m_from);
    permute(m_to);
    permute(m_cap);
    permute(m_cost);
    permute(m_flow);
    permute(m_state);
    for (int u = 0; u < m_nodes; ++u)
        m_pred[std::size_t(u)] = slotOf[std::size_t(m_pred[std::size_t(u)])];
}

bool WarmSimplex::solve()
{
    const int real = int(m_from.size()) - m_nodes;
    if (real != m_mixed) {
        mixArcs();
        m_mixed = real;
    }
    m_blockSize = std::max(int(std::sqrt(double(std::max(real, 1)))), 10);
    m_nextArc = m_nodes;
    while (findEnteringArc()) { }
    for (int e = 0; e < m_nodes; ++e)
        if (m_flow[std::size_t(e)] != 0)
            return false;
    return true;
}

std::int64_t WarmSimplex::totalCost() const
{
    std::int64_t c = 0;
    for (std::size_t e = std::size_t(m_nodes); e < m_from.size(); ++e) // real arcs, in any order
        c += m_flow[e] * m_cost[e];
    return c;
}

} // namespace kopru
