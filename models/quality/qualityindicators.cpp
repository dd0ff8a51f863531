// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/qualityindicators.h"

#include "models/core/languagepreference.h"
#include "models/quality/programmefacts.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

namespace kopru::quality {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(QualityIndicators)
};

double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : NeedChange::kNaN;
}

// A placement the programme counts as taking part: agreed, done or stopped
// (the optimiser's proposals are not yet a placement of the programme).
bool agreed(const QString &status)
{
    return status != QLatin1String("proposed");
}

bool ended(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("cancelled");
}

// The figures of the teachers `members` (indexes into facts.teachers) and
// their placements; with a period, of their placements in sessions that start
// in it, and the needs of the teachers placed in it (docs/quality.md).
GroupFigures figuresOf(const ProgrammeFacts &facts, const std::vector<int> &members,
    const std::vector<std::vector<int>> &placementsOf, const std::optional<Period> &period)
{
    const auto counted = [&](const ProgrammeFacts::Placement &p) { return !period || period->contains(p.sessionStart); };
    GroupFigures g;
    for (const QString &key : dropoutReasonKeys())
        g.dropoutReasons[key] = 0;
    std::map<int, QSet<int>> partnerSessions; // completed placements' sessions per partner
    // competency -> the members' needs, in the members' order
    std::unordered_map<int, std::vector<NeedPair>> byCompetency;
    std::vector<NeedPair> overall;
    for (int t : members) {
        const ProgrammeFacts::Teacher &teacher = facts.teachers[t];
        bool placed = false;
        for (int pi : placementsOf[t]) {
            const ProgrammeFacts::Placement &p = facts.placements[pi];
            if (!counted(p))
                continue;
            placed = placed || agreed(p.status);
            if (ended(p.status)) {
                g.hoursPlanned += p.hoursPlanned;
                g.hoursDelivered += p.hoursAttended;
            }
            if (p.status == QLatin1String("completed")) {
                ++g.completed;
                if (p.partnerId > 0 && !teacher.erased)
                    partnerSessions[p.partnerId].insert(p.sessionId);
            } else if (p.status == QLatin1String("cancelled")) {
                ++g.cancelled;
                ++g.dropoutReasons[p.cancelReason.isEmpty() ? QStringLiteral("not_recorded") : p.cancelReason];
            }
            g.training.respondents += p.trainingRespondent;
            g.training.answers += p.trainingAnswers;
            g.training.sum += p.trainingSum;
            g.teacher.respondents += p.teacherRespondent;
            g.teacher.answers += p.teacherAnswers;
            g.teacher.sum += p.teacherSum;
        }
        if (teacher.surveyed) {
            ++g.surveyed;
            if (placed)
                ++g.placed;
        }
        // Needs: the change between the rounds, and the high needs the plan
        // covers; for a period, of the teachers placed in it.
        if (period && !placed)
            continue;
        NeedPair mean;
        double sums[2] = { 0, 0 };
        int counts[2] = { 0, 0 };
        for (const auto &[competency, need] : teacher.needs) {
            byCompetency[competency].push_back(need);
            if (!std::isnan(need.before)) {
                sums[0] += need.before;
                ++counts[0];
            }
            if (!std::isnan(need.after)) {
                sums[1] += need.after;
                ++counts[1];
            }
            if (need.before >= 4) {
                ++g.highNeeds;
                for (int pi : placementsOf[t]) {
                    const ProgrammeFacts::Placement &p = facts.placements[pi];
                    if (counted(p) && p.status != QLatin1String("cancelled") && facts.sessionCovers(p.sessionId, competency)) {
                        ++g.highNeedsCovered;
                        break;
                    }
                }
            }
        }
        if (counts[0] > 0)
            mean.before = sums[0] / counts[0];
        if (counts[1] > 0)
            mean.after = sums[1] / counts[1];
        if (counts[0] > 0 || counts[1] > 0)
            overall.push_back(mean);
    }
    g.needChange = computeNeedChange(overall);
    for (const auto &[competency, pairs] : byCompetency) {
        const bool secondRound
            = std::any_of(pairs.begin(), pairs.end(), [](const NeedPair &need) { return !std::isnan(need.after); });
        if (!secondRound)
            continue;
        const ProgrammeFacts::Competency c = facts.competencies.value(competency);
        g.competencyChanges.push_back(CompetencyChange { competency, c.code, c.titleTr, c.titleEn, computeNeedChange(pairs) });
    }
    std::sort(g.competencyChanges.begin(), g.competencyChanges.end(),
        [](const CompetencyChange &a, const CompetencyChange &b) { return a.code < b.code; });
    g.partnersActive = int(partnerSessions.size());
    for (const auto &[partner, sessions] : partnerSessions)
        if (sessions.size() >= 2)
            ++g.partnersRepeat;
    return g;
}

} // namespace

std::vector<IndicatorInfo> indicatorInfo()
{
    return {
        { QStringLiteral("participation"), Text::tr("Participation"),
            Text::tr("Teachers who answered the needs survey (round 1) and were placed in a training (a placement "
                     "confirmed, completed or cancelled; the optimiser's proposals do not count), as a share of the "
                     "teachers who answered the survey."),
            QStringLiteral("2a") },
        { QStringLiteral("completion_rate"), Text::tr("Completion rate"),
            Text::tr("Completed placements as a share of the placements that ended (completed or cancelled)."),
            QStringLiteral("4a") },
        { QStringLiteral("hours_delivered"), Text::tr("Hours delivered"),
            Text::tr("Hours attended (attendance records) as a share of the hours planned (the sessions' hours) of the "
                     "placements that ended."),
            QString() },
        { QStringLiteral("dropout_reasons"), Text::tr("Drop-out reasons"),
            Text::tr("Cancelled placements by reason: illness, withdrew, partner cancelled, other, not recorded."),
            QStringLiteral("4a") },
        { QStringLiteral("satisfaction_training"), Text::tr("Teachers' satisfaction"),
            Text::tr("Mean of the teachers' answers (1-5) to the evaluation of their training; answers \"not "
                     "applicable\" are not counted."),
            QStringLiteral("6b") },
        { QStringLiteral("satisfaction_teacher"), Text::tr("Partners' evaluation of the teachers"),
            Text::tr("Mean of the partners' answers (1-5) to the evaluation of the teachers they trained; answers "
                     "\"not applicable\" are not counted."),
            QStringLiteral("6b") },
        { QStringLiteral("need_reduction"), Text::tr("Need reduction"),
            Text::tr("Change of the mean need (1-5) between survey rounds 1 and 2, overall (each teacher's mean) and per "
                     "competency, with a 95% confidence interval; paired where the same teachers answered both rounds. "
                     "Negative: the need fell."),
            QStringLiteral("6a") },
        { QStringLiteral("partners_active"), Text::tr("Partners active"),
            Text::tr("Industry partners that trained at least one teacher of the group to completion."), QString() },
        { QStringLiteral("partner_repeat_rate"), Text::tr("Partner repeat rate"),
            Text::tr("Share of the active partners that trained teachers of the group to completion in two or more "
                     "sessions."),
            QString() },
        { QStringLiteral("high_need_coverage"), Text::tr("High needs covered"),
            Text::tr("Needs rated 4 or 5 in survey round 1 for which the teacher has a placement (not cancelled) in a "
                     "session that teaches the competency, as a share of all such needs."),
            QStringLiteral("9b") },
    };
}

std::optional<Grouping> groupingFromName(const QString &name)
{
    if (name == QLatin1String("centre"))
        return Grouping::Centre;
    if (name == QLatin1String("field"))
        return Grouping::Field;
    if (name == QLatin1String("province"))
        return Grouping::Province;
    return std::nullopt;
}

QString groupingName(Grouping grouping)
{
    switch (grouping) {
    case Grouping::Centre:
        return QStringLiteral("centre");
    case Grouping::Field:
        return QStringLiteral("field");
    case Grouping::Province:
        return QStringLiteral("province");
    case Grouping::Total:
        break;
    }
    return QStringLiteral("total");
}

QStringList dropoutReasonKeys()
{
    return { QStringLiteral("illness"), QStringLiteral("withdrew"), QStringLiteral("partner_cancelled"), QStringLiteral("other"),
        QStringLiteral("not_recorded") };
}

QString CompetencyChange::displayTitle() const
{
    return LanguagePreference::uiName(titleTr, titleEn);
}

QString GroupFigures::displayName() const
{
    return LanguagePreference::uiName(nameTr, nameEn);
}

double GroupFigures::participationRate() const
{
    return ratio(placed, surveyed);
}

double GroupFigures::completionRate() const
{
    return ratio(completed, completed + cancelled);
}

double GroupFigures::hoursRate() const
{
    return ratio(hoursDelivered, hoursPlanned);
}

double GroupFigures::repeatRate() const
{
    return ratio(partnersRepeat, partnersActive);
}

double GroupFigures::coverageRate() const
{
    return ratio(highNeedsCovered, highNeeds);
}

Expected<QualityIndicators> computeQualityIndicators(QSqlDatabase db, Grouping grouping, const std::optional<Period> &period)
{
    auto loaded = ProgrammeFacts::load(db);
    if (!loaded)
        return loaded.error();
    const ProgrammeFacts &facts = loaded.value();
    std::vector<std::vector<int>> placementsOf(facts.teachers.size());
    for (int i = 0; i < int(facts.placements.size()); ++i)
        placementsOf[facts.placements[i].teacher].push_back(i);

    QualityIndicators result;
    result.grouping = grouping;
    result.period = period;
    std::vector<int> everyone(facts.teachers.size());
    for (int i = 0; i < int(everyone.size()); ++i)
        everyone[i] = i;
    result.total = figuresOf(facts, everyone, placementsOf, period);
    result.total.key = QStringLiteral("total");
    result.total.nameTr = result.total.nameEn = Text::tr("Total");
    if (grouping == Grouping::Total)
        return result;

    const std::function<int(const ProgrammeFacts::Teacher &)> groupOf = [grouping](const ProgrammeFacts::Teacher &t) {
        return grouping == Grouping::Centre ? t.centreId : grouping == Grouping::Field ? t.fieldId : t.provinceId;
    };
    const QHash<int, ProgrammeFacts::Name> &names = grouping == Grouping::Centre ? facts.centres
        : grouping == Grouping::Field                                            ? facts.fields
                                                                                 : facts.provinces;
    std::map<int, std::vector<int>> members;
    for (int i = 0; i < int(facts.teachers.size()); ++i)
        members[groupOf(facts.teachers[i])].push_back(i);
    for (const auto &[id, teachers] : members) {
        GroupFigures g = figuresOf(facts, teachers, placementsOf, period);
        if (id == 0) {
            g.key = QStringLiteral("none");
            g.nameTr = g.nameEn = Text::tr("(no centre)");
        } else {
            const ProgrammeFacts::Name name = names.value(id);
            g.key = name.key;
            g.nameTr = name.nameTr;
            g.nameEn = name.nameEn;
        }
        result.groups.push_back(std::move(g));
    }
    return result;
}

} // namespace kopru::quality
