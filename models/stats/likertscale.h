// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stats/needstatistics.h"

#include <QString>
#include <QStringList>
#include <array>

namespace kopru::stats {

// The labels of the 1–5 need scale. The survey's exact wording is not fixed
// (domain.md), so the labels are configurable and stored in QSettings.
struct LikertScale
{
    std::array<QString, kScaleSize> labels;

    // "1 no need" … "5 very high need", translated.
    static LikertScale defaults();
    // The stored labels (defaults for missing or empty entries).
    static LikertScale stored();
    void store() const;

    // Label of need level 1–5.
    QString label(int level) const;
    QString notApplicableLabel() const;
};

// When a competency counts as an unmet need: high mean need and session
// places for fewer than `maxCoverage` of the teachers with high need.
struct UnmetNeedRule
{
    double minMeanNeed = 3.5;
    double maxCoverage = 0.10;

    // supply / teachers with need >= 4; NaN when no teacher has high need.
    static double coverage(const CompetencyStats &c);
    bool isUnmet(const CompetencyStats &c) const;
    // One translated sentence describing the rule (for the page and the report).
    QString description() const;
};

} // namespace kopru::stats
