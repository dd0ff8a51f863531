// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/flownetwork.h"

#include "models/planning/planinstance.h"
#include "models/planning/planweights.h"

#include <QCoreApplication>
#include <QTextStream>

// LEMON's graph nodes hold members GCC sees as maybe uninitialized when
// inlined into push_back (a false positive inside the library's headers).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

namespace kopru {

FlowNetwork FlowNetwork::forPlan(const PlanInstance &in, const std::vector<PlanCandidate> &pool,
    const std::vector<int> &candidates, const PlanWeights &weights, std::vector<int> *candidateArc)
{
    FlowNetwork n;
    n.nodes = 2;
    std::vector<int> teacherNode(in.teachers.size(), -1), sessionNode(in.sessions.size(), -1);
    std::int64_t teachers = 0;
    for (int k : candidates) {
        const PlanCandidate &c = pool[std::size_t(k)];
        if (teacherNode[std::size_t(c.teacher)] < 0) {
            teacherNode[std::size_t(c.teacher)] = n.nodes++;
            ++teachers;
        }
        if (sessionNode[std::size_t(c.session)] < 0)
            sessionNode[std::size_t(c.session)] = n.nodes++;
    }
    n.supply.assign(std::size_t(n.nodes), 0);
    n.supply[0] = teachers;
    n.supply[1] = -teachers;
    n.arcs.reserve(candidates.size() + std::size_t(n.nodes) + 1);
    for (std::size_t t = 0; t < teacherNode.size(); ++t)
        if (teacherNode[t] >= 0)
            n.arcs.push_back({ 0, teacherNode[t], 0, 1, 0 });
    if (candidateArc)
        candidateArc->assign(candidates.size(), -1);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const PlanCandidate &c = pool[std::size_t(candidates[i])];
        if (candidateArc)
            (*candidateArc)[i] = int(n.arcs.size());
        n.arcs.push_back({ teacherNode[std::size_t(c.teacher)], sessionNode[std::size_t(c.session)], 0, 1,
            weights.pairCost(c.coveredNeed, c.km) });
    }
    for (std::size_t s = 0; s < sessionNode.size(); ++s)
        if (sessionNode[s] >= 0)
            n.arcs.push_back({ sessionNode[s], 1, 0, in.sessions[s].free, 0 });
    if (weights.maximizePlaced) {
        const int most = maxFlowValue(n);
        n.supply[0] = most;
        n.supply[1] = -most;
    } else {
        n.arcs.push_back({ 0, 1, 0, int(teachers), 0 }); // teachers left unplaced
    }
    return n;
}

FlowNetwork FlowNetwork::united(const std::vector<FlowNetwork> &parts)
{
    FlowNetwork n;
    n.nodes = 2;
    n.supply = { 0, 0 };
    for (const FlowNetwork &p : parts) {
        // Node v of the part: 0 and 1 stay, the others are shifted.
        const int shift = n.nodes - 2;
        const auto map = [shift](int v) { return v < 2 ? v : v + shift; };
        n.supply[0] += p.supply[0];
        n.supply[1] += p.supply[1];
        for (int v = 2; v < p.nodes; ++v)
            n.supply.push_back(p.supply[std::size_t(v)]);
        n.nodes += p.nodes - 2;
        for (const Arc &a : p.arcs)
            n.arcs.push_back({ map(a.from), map(a.to), a.lower, a.capacity, a.cost });
    }
    return n;
}

bool FlowNetwork::writeDimacs(QIODevice &out, const QString &comment) const
{
    QTextStream ts(&out);
    if (!comment.isEmpty())
        for (const QString &line : comment.split(QLatin1Char('\n')))
            ts << "c " << line << '\n';
    ts << "p min " << nodes << ' ' << arcs.size() << '\n';
    for (int v = 0; v < nodes; ++v)
        if (supply[std::size_t(v)] != 0)
            ts << "n " << v + 1 << ' ' << qint64(supply[std::size_t(v)]) << '\n';
    for (const Arc &a : arcs)
        ts << "a " << a.from + 1 << ' ' << a.to + 1 << ' ' << a.lower << ' ' << a.capacity << ' ' << qint64(a.cost) << '\n';
    ts.flush();
    return ts.status() == QTextStream::Ok;
}

int maxFlowValue(const FlowNetwork &network)
{
    using Graph = lemon::SmartDigraph;
    if (network.nodes < 2)
        return 0;
    Graph g;
    g.reserveNode(network.nodes);
    g.reserveArc(int(network.arcs.size()));
    std::vector<Graph::Node> nodes;
    nodes.reserve(std::size_t(network.nodes));
    for (int v = 0; v < network.nodes; ++v)
        nodes.push_back(g.addNode());
    Graph::ArcMap<int> capacity(g);
    for (const FlowNetwork::Arc &a : network.arcs)
        capacity[g.addArc(nodes[std::size_t(a.from)], nodes[std::size_t(a.to)])] = a.capacity;
    lemon::Preflow<Graph, Graph::ArcMap<int>> preflow(g, capacity, nodes[0], nodes[1]);
    preflow.runMinCut();
    return preflow.flowValue();
}

Expected<FlowSolution> solveMinCostFlow(const FlowNetwork &network)
{
    using Graph = lemon::SmartDigraph;
    Graph g;
    g.reserveNode(network.nodes);
    g.reserveArc(int(network.arcs.size()));
    std::vector<Graph::Node> nodes;
    nodes.reserve(std::size_t(network.nodes));
    for (int v = 0; v < network.nodes; ++v)
        nodes.push_back(g.addNode());
    std::vector<Graph::Arc> arcs;
    arcs.reserve(network.arcs.size());
    for (const FlowNetwork::Arc &a : network.arcs)
        arcs.push_back(g.addArc(nodes[std::size_t(a.from)], nodes[std::size_t(a.to)]));

    Graph::ArcMap<int> lower(g), upper(g);
    Graph::ArcMap<long long> cost(g);
    Graph::NodeMap<int> supply(g);
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        lower[arcs[i]] = network.arcs[i].lower;
        upper[arcs[i]] = network.arcs[i].capacity;
        cost[arcs[i]] = network.arcs[i].cost;
    }
    for (int v = 0; v < network.nodes; ++v)
        supply[nodes[std::size_t(v)]] = int(network.supply[std::size_t(v)]);

    lemon::NetworkSimplex<Graph, int, long long> solver(g);
    solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
    const auto result = solver.run();
    if (result != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL)
        return Error { QCoreApplication::translate("Planner", "the placement network has no optimal flow (%1)")
                           .arg(result == lemon::NetworkSimplex<Graph, int, long long>::INFEASIBLE ? QStringLiteral("infeasible")
                                                                                                   : QStringLiteral("unbounded")),
            {}, 0, 0 };
    FlowSolution sol;
    sol.flow.resize(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i)
        sol.flow[i] = solver.flow(arcs[i]);
    sol.potential.resize(nodes.size());
    for (std::size_t v = 0; v < nodes.size(); ++v)
        sol.potential[v] = solver.potential(nodes[v]);
    sol.cost = solver.totalCost<long long>();
    return sol;
}

} // namespace kopru

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
