// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planweights.h"

#include <QCoreApplication>

namespace kopru {

namespace {
constexpr std::int64_t kMaxWeight = std::int64_t(1) << 50; // × 10⁴ pairs of a field stays below 2⁶³
}

bool PlanWeights::lexicographicFor(std::int64_t placed, std::int64_t maxKm, std::int64_t maxNeed) const
{
    placed = std::max<std::int64_t>(placed, 0);
    // The distance sums of two plans differ by at most placed × maxKm × distance:
    // one point of need must be worth more. The need and distance terms together
    // change by at most placed × (maxNeed × need + maxKm × distance): one more
    // placed teacher must be worth more.
    const std::int64_t distanceSpan = placed * maxKm * distance;
    if (need <= distanceSpan)
        return false;
    if (maximizePlaced)
        return true;
    return place > placed * maxNeed * need + distanceSpan;
}

Status PlanWeights::validate() const
{
    if (place < 0 || need < 0 || distance < 0)
        return Status::failure(QCoreApplication::translate("PlanWeights", "optimiser weights must not be negative"));
    if (place > kMaxWeight || need > kMaxWeight || distance > kMaxWeight)
        return Status::failure(
            QCoreApplication::translate("PlanWeights", "optimiser weights must not exceed %1").arg(kMaxWeight));
    return {};
}

QJsonObject PlanWeights::toJson() const
{
    // JSON numbers are doubles: these integers stay below 2⁵³ and are exact.
    return QJsonObject { { QStringLiteral("place"), double(place) }, { QStringLiteral("need"), double(need) },
        { QStringLiteral("distance"), double(distance) }, { QStringLiteral("maximizePlaced"), maximizePlaced } };
}

Expected<PlanWeights> PlanWeights::fromJson(const QJsonObject &o)
{
    PlanWeights w;
    const std::pair<const char *, std::int64_t *> keys[]
        = { { "place", &w.place }, { "need", &w.need }, { "distance", &w.distance } };
    for (const auto &[key, target] : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d != double(std::int64_t(d)))
            return Error { QCoreApplication::translate("PlanWeights", "weight \"%1\" must be a non-negative integer")
                               .arg(QLatin1String(key)),
                {}, 0, 0 };
        *target = std::int64_t(d);
    }
    const QJsonValue maximize = o.value(QStringLiteral("maximizePlaced"));
    if (!maximize.isUndefined() && !maximize.isBool())
        return Error { QCoreApplication::translate("PlanWeights", "\"maximizePlaced\" must be true or false"), {}, 0, 0 };
    w.maximizePlaced = maximize.toBool(true);
    if (Status s = w.validate(); !s)
        return s.error();
    return w;
}

} // namespace kopru
