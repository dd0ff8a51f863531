// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QJsonObject>
#include <cstdint>

namespace kopru {

// Integer weights of the optimiser's objectives. The cost of placing a teacher
// into a session is  -need * coveredNeed + distance * km  (and -place more when
// maximizePlaced is off); an unplaced teacher costs 0; the flow minimises the
// sum. With maximizePlaced (the default) the number placed is maximised first
// exactly, by fixing the flow value to the maximum flow; without it `place`
// trades placements against the other goals (docs/optimiser.md).
struct PlanWeights
{
    // Bounds of the product's scale for which the defaults are exactly
    // lexicographic: per pilot field at most kMaxPlaced placements, every
    // distance at most kMaxKm, every pair's covered need at most kMaxNeed
    // (4 points × 50 competencies of one session).
    static constexpr std::int64_t kMaxPlaced = 1000;
    static constexpr std::int64_t kMaxKm = 2000;
    static constexpr std::int64_t kMaxNeed = 200;

    static constexpr std::int64_t kDefaultDistance = 1;
    static constexpr std::int64_t kDefaultNeed = kMaxPlaced * kMaxKm * kDefaultDistance + 1;
    static constexpr std::int64_t kDefaultPlace
        = kDefaultNeed * kMaxPlaced * kMaxNeed + kMaxPlaced * kMaxKm * kDefaultDistance + 1;

    std::int64_t place = kDefaultPlace;
    std::int64_t need = kDefaultNeed;
    std::int64_t distance = kDefaultDistance;
    bool maximizePlaced = true;

    // Cost of one teacher–session pair in the flow.
    std::int64_t pairCost(int coveredNeed, int km) const
    {
        return (maximizePlaced ? 0 : -place) - need * coveredNeed + distance * km;
    }

    // Whether these weights keep the order place > need > distance exactly on
    // an instance with at most `placed` placements per field, distances up to
    // `maxKm` and covered need per pair up to `maxNeed`.
    bool lexicographicFor(std::int64_t placed, std::int64_t maxKm, std::int64_t maxNeed) const;
    // Refuses negative or absurd weights (the flow's costs must stay far from overflow).
    Status validate() const;

    QJsonObject toJson() const;
    // Missing keys keep the defaults.
    static Expected<PlanWeights> fromJson(const QJsonObject &o);

    bool operator==(const PlanWeights &o) const
    {
        return place == o.place && need == o.need && distance == o.distance && maximizePlaced == o.maximizePlaced;
    }
    bool operator!=(const PlanWeights &o) const { return !(*this == o); }
};

} // namespace kopru
