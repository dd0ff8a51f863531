// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/statsformat.h"

#include "models/quality/qualityformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <cmath>

namespace kopru::stats {

namespace {

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QString fixed(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("-") : QLocale().toString(v, 'f', decimals);
}

} // namespace

QJsonObject toJson(const FieldStats &stats)
{
    QJsonArray competencies;
    for (const CompetencyStats &c : stats.competencies) {
        QJsonArray distribution;
        for (int n : c.ratings.distribution)
            distribution.append(n);
        competencies.append(QJsonObject {
            { QStringLiteral("code"), c.code },
            { QStringLiteral("title"), c.titleTr },
            { QStringLiteral("respondents"), c.ratings.respondents() },
            { QStringLiteral("not_applicable"), c.ratings.notApplicable },
            { QStringLiteral("mean_need"), number(c.ratings.meanNeed()) },
            { QStringLiteral("high_need_share"), number(c.ratings.highNeedShare()) },
            { QStringLiteral("distribution"), distribution },
            { QStringLiteral("supply"), c.supply },
        });
    }
    return QJsonObject {
        { QStringLiteral("field"), stats.code },
        { QStringLiteral("field_name"), stats.nameTr },
        { QStringLiteral("round"), stats.round },
        { QStringLiteral("teachers"), stats.teachers },
        { QStringLiteral("respondents"), stats.respondents },
        { QStringLiteral("competencies"), competencies },
    };
}

QString toTextTable(const FieldStats &stats)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("kopru::stats", s); };
    QString out;
    out += QStringLiteral("%1 %2\n").arg(stats.code, stats.displayName());
    out += tr("teachers: %1, respondents: %2, survey round: %3\n").arg(stats.teachers).arg(stats.respondents).arg(stats.round);

    // Column widths follow the longest code and title (titles are cut at 60).
    constexpr int kTitleMax = 60;
    int codeWidth = tr("Code").size(), titleWidth = tr("Competency").size();
    for (const CompetencyStats &c : stats.competencies) {
        codeWidth = std::max(codeWidth, int(c.code.size()));
        titleWidth = std::max(titleWidth, std::min(kTitleMax, int(c.displayTitle().size())));
    }
    const QStringList numericHeads { tr("Resp."), tr("N/A"), tr("Mean"), tr("High%"), QStringLiteral("1"), QStringLiteral("2"),
        QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"), tr("Supply") };
    const int numWidth = 7;
    QString head = QStringLiteral("%1  %2").arg(tr("Code"), -codeWidth).arg(tr("Competency"), -titleWidth);
    for (const QString &h : numericHeads)
        head += QStringLiteral(" %1").arg(h, numWidth);
    out += head + QLatin1Char('\n') + QString(head.size(), QLatin1Char('-')) + QLatin1Char('\n');
    for (const CompetencyStats &c : stats.competencies) {
        QString title = c.displayTitle();
        if (title.size() > kTitleMax)
            title = title.left(kTitleMax - 1) + QChar(0x2026);
        QString line = QStringLiteral("%1  %2").arg(c.code, -codeWidth).arg(title, -titleWidth);
        QStringList cells { QString::number(c.ratings.respondents()), QString::number(c.ratings.notApplicable),
            fixed(c.ratings.meanNeed(), 2), fixed(c.ratings.highNeedShare() * 100.0, 1) };
        for (int n : c.ratings.distribution)
            cells << QString::number(n);
        cells << QString::number(c.supply);
        for (const QString &cell : cells)
            line += QStringLiteral(" %1").arg(cell, numWidth);
        out += line + QLatin1Char('\n');
    }
    return out;
}

QJsonObject toJson(const RoundComparison &comparison)
{
    QJsonArray competencies;
    for (const quality::CompetencyChange &c : comparison.competencies) {
        QJsonObject o = quality::toJson(c.change);
        o.insert(QStringLiteral("pairs"), c.change.pairs);
        o.insert(QStringLiteral("code"), c.code);
        o.insert(QStringLiteral("title"), c.titleTr);
        competencies.append(o);
    }
    QJsonValue scope(QJsonValue::Null);
    if (comparison.scope.kind != Scope::Kind::All)
        scope = QJsonObject {
            { QStringLiteral("kind"),
                comparison.scope.kind == Scope::Kind::Province ? QStringLiteral("province") : QStringLiteral("centre") },
            { QStringLiteral("id"), comparison.scope.id },
            { QStringLiteral("name"), comparison.scopeName },
        };
    return QJsonObject {
        { QStringLiteral("field"), comparison.code },
        { QStringLiteral("field_name"), comparison.nameTr },
        { QStringLiteral("scope"), scope },
        { QStringLiteral("teachers"), comparison.teachers },
        { QStringLiteral("respondents_round1"), comparison.respondentsBefore },
        { QStringLiteral("respondents_round2"), comparison.respondentsAfter },
        { QStringLiteral("both_rounds"), comparison.bothRounds },
        { QStringLiteral("suppressed"), comparison.suppressed },
        { QStringLiteral("competencies"), competencies },
    };
}

QString toTextTable(const RoundComparison &comparison)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("kopru::stats", s); };
    QString out = QStringLiteral("%1 %2\n").arg(comparison.code, comparison.displayName());
    out += tr("survey round 1 against round 2: teachers: %1, respondents of round 1: %2, of round 2: %3, of both: %4\n")
               .arg(comparison.teachers)
               .arg(comparison.respondentsBefore)
               .arg(comparison.respondentsAfter)
               .arg(comparison.bothRounds);
    if (comparison.suppressed)
        return out
            + tr("Fewer than %1 respondents in a round of this selection: the values are suppressed to protect anonymity.\n")
                  .arg(kMinGroupRespondents);
    if (comparison.competencies.empty())
        return out + tr("No competency of the field has answers in survey round 2.\n");
    return out + quality::competencyChangeTable(comparison.competencies);
}

} // namespace kopru::stats
