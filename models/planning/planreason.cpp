// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planreason.h"

#include "models/io/jsontext.h"
#include "models/planning/planinstance.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace kopru::PlanReason {

namespace {
constexpr int kTitlesShown = 3;
}

QString describe(const QStringList &covered, int highNeeds, int points, bool sameProvince, int km)
{
    QString needPart;
    if (!covered.isEmpty()) {
        QStringList shown = covered.mid(0, kTitlesShown);
        if (covered.size() > kTitlesShown)
            shown << QStringLiteral("…");
        needPart = QCoreApplication::translate("PlanReason", "covers %1 of your %2 high needs: %3")
                       .arg(covered.size())
                       .arg(std::max<int>(highNeeds, int(covered.size())))
                       .arg(shown.join(QStringLiteral(", ")));
    } else if (points > 0) {
        needPart = QCoreApplication::translate("PlanReason", "covers %1 need points, none of your high needs").arg(points);
    } else {
        needPart = QCoreApplication::translate("PlanReason", "covers none of your rated needs");
    }
    const QString travel = sameProvince ? QCoreApplication::translate("PlanReason", "same province")
                                        : QCoreApplication::translate("PlanReason", "%1 km away").arg(km);
    return needPart + QStringLiteral("; ") + travel;
}

Facts explain(const PlanInstance &in, const PlanTeacher &t, const PlanSession &s, int km)
{
    int highNeeds = 0;
    for (std::int8_t need : t.needs)
        if (need >= kHighNeed)
            ++highNeeds;
    static const FieldCompetencies kNone;
    const FieldCompetencies &fc = std::size_t(s.field) < in.competencies.size() ? in.competencies[std::size_t(s.field)] : kNone;
    QStringList covered;
    for (int c : s.competencies)
        if (std::size_t(c) < t.needs.size() && t.needs[std::size_t(c)] >= kHighNeed && std::size_t(c) < fc.titles.size())
            covered << fc.titles[std::size_t(c)];
    Facts facts;
    facts.coveredHighNeeds = covered;
    facts.highNeeds = highNeeds;
    facts.points = PlanInstance::coveredNeed(t, s);
    facts.sameProvince = t.province == s.province;
    facts.km = km;
    return facts;
}

QString encode(const Facts &facts)
{
    // The compact JSON of QJsonDocument, keys in its (sorted) order, written
    // straight: a plan stores one per proposal (31,367 at 100,000 teachers),
    // and a QJsonObject each cost more than the rest of storing it. The text
    // is compared with the stored one to keep an unchanged proposal, so it
    // must stay what QJsonDocument writes (tst_planner encodedReasonIsQtsJson).
    QString out;
    out.reserve(96 + 48 * facts.coveredHighNeeds.size());
    out += QLatin1String("{\"high\":[");
    for (qsizetype i = 0; i < facts.coveredHighNeeds.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        JsonText::appendQuoted(out, facts.coveredHighNeeds[i]);
    }
    out += QLatin1String("],\"highNeeds\":") + QString::number(facts.highNeeds) + QLatin1String(",\"kind\":")
        + (facts.kind == Facts::Kind::MovedByHand ? QLatin1String("\"moved\"") : QLatin1String("\"planned\""))
        + QLatin1String(",\"km\":") + QString::number(facts.km) + QLatin1String(",\"points\":") + QString::number(facts.points)
        + QLatin1String(",\"sameProvince\":") + (facts.sameProvince ? QLatin1String("true") : QLatin1String("false"))
        + QLatin1Char('}');
    return out;
}

QString render(const QString &stored)
{
    if (!stored.startsWith(QLatin1Char('{')))
        return stored; // empty, or the text of an older version
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return stored;
    const QJsonObject o = doc.object();
    QStringList covered;
    for (const QJsonValue &v : o.value(QStringLiteral("high")).toArray())
        covered << v.toString();
    const QString text
        = describe(covered, o.value(QStringLiteral("highNeeds")).toInt(), o.value(QStringLiteral("points")).toInt(),
            o.value(QStringLiteral("sameProvince")).toBool(), o.value(QStringLiteral("km")).toInt());
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("moved"))
        return QCoreApplication::translate("PlacementEdits", "moved by hand: %1").arg(text);
    return text;
}

double score(int coveredNeed, int km)
{
    const int clamped = std::clamp(km, 0, 2000);
    return coveredNeed + std::round(1000.0 * (2000 - clamped) / 2001.0) / 1000.0;
}

} // namespace kopru::PlanReason
