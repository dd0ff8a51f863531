// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/quality/qualityindicators.h"
#include "models/stats/needstatistics.h"

#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace kopru::stats {

// Survey round 1 (the needs survey) against round 2 (after the training) of
// one pilot field, per competency: the need change as the Quality page
// computes it (quality::computeNeedChange: paired on the teachers who answered
// both rounds when there are at least two, else Welch on all answers), for
// the competencies with answers in round 2, by code. A "not applicable" answer
// counts as no answer. In a province or centre scope, fewer than
// kMinGroupRespondents respondents in either round suppress the whole scope,
// and fewer answers than that in either round suppress a competency's figures.
struct RoundComparison
{
    int fieldId = 0;
    QString code, nameTr, nameEn;
    Scope scope;
    QString scopeName; // province or centre name, empty for All
    int teachers = 0; // of the field, in scope
    int respondentsBefore = 0, respondentsAfter = 0; // teachers with a rating in round 1, round 2
    int bothRounds = 0; // teachers with ratings in both rounds
    bool suppressed = false;
    std::vector<quality::CompetencyChange> competencies;

    QString displayName() const;
};

// `round1` and `round2` are the same field's data of rounds 1 and 2.
RoundComparison compareRounds(const FieldData &round1, const FieldData &round2, Scope scope = {});

// Reads both rounds of field `code` (case-insensitive) and compares them.
Expected<RoundComparison> computeRoundComparison(QSqlDatabase db, const QString &code, Scope scope = {});

} // namespace kopru::stats
