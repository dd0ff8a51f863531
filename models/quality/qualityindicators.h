// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/quality/needchange.h"
#include "models/quality/period.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace kopru::quality {

// The programme's quality indicators (docs/quality.md): what each means and
// which EQAVET indicator it feeds, and their figures for the whole database
// and per centre, field or province. The read API of the Quality page and the
// Board report; `kopru-cli quality` prints it.

struct IndicatorInfo
{
    QString id; // stable: the JSON key of kopru-cli quality
    QString name; // translated
    QString definition; // translated
    QString eqavet; // the EQAVET indicator it feeds ("2a", "6b"), empty when none
};
// In the order they are shown, translated into the UI language.
std::vector<IndicatorInfo> indicatorInfo();

enum class Grouping { Total, Centre, Field, Province };
// "centre", "field", "province"; nullopt for anything else.
std::optional<Grouping> groupingFromName(const QString &name);
QString groupingName(Grouping grouping); // "total", "centre", "field", "province"

// The cancellation reasons of the schema, then "not_recorded".
QStringList dropoutReasonKeys();

struct Satisfaction
{
    int respondents = 0; // placements with an answer (N/A included)
    int answers = 0; // answers 1-5 (N/A not counted)
    double sum = 0;
    double mean() const { return answers > 0 ? sum / answers : NeedChange::kNaN; }
};

struct CompetencyChange
{
    int competencyId = 0;
    QString code, titleTr, titleEn;
    NeedChange change;
    QString displayTitle() const;
};

struct GroupFigures
{
    QString key; // "total"; a centre's id, a field's code, a province's plate; "none" = no centre
    QString nameTr, nameEn;
    int surveyed = 0, placed = 0;
    int completed = 0, cancelled = 0;
    double hoursPlanned = 0, hoursDelivered = 0;
    std::map<QString, int> dropoutReasons; // every key of dropoutReasonKeys()
    Satisfaction training, teacher; // the teachers' evaluation of the training; the partners' of the teachers
    NeedChange needChange; // overall
    std::vector<CompetencyChange> competencyChanges; // competencies with answers in round 2, by code
    int partnersActive = 0, partnersRepeat = 0;
    int highNeeds = 0, highNeedsCovered = 0;

    QString displayName() const;
    double participationRate() const;
    double completionRate() const;
    double hoursRate() const;
    double repeatRate() const;
    double coverageRate() const;
};

struct QualityIndicators
{
    Grouping grouping = Grouping::Total;
    std::optional<Period> period; // nullopt: every placement
    GroupFigures total;
    std::vector<GroupFigures> groups; // by key; empty for Grouping::Total
};

// Without a period: every placement and rating of the database. With a period:
// the placements whose session starts in it (an erased teacher's placements
// have no session date and are left out); "surveyed" stays every teacher who
// answered survey round 1, "placed" those of them with a placement in the
// period, and the need change and high-need coverage count the teachers
// placed in the period (docs/quality.md, "Indicators of a period").
Expected<QualityIndicators> computeQualityIndicators(
    QSqlDatabase db, Grouping grouping, const std::optional<Period> &period = std::nullopt);

} // namespace kopru::quality
