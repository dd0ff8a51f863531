// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/roundcomparison.h"

#include "models/core/languagepreference.h"

#include <QHash>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <map>

namespace kopru::stats {

using quality::CompetencyChange;
using quality::NeedChange;
using quality::NeedPair;

QString RoundComparison::displayName() const
{
    return LanguagePreference::uiName(nameTr, nameEn);
}

RoundComparison compareRounds(const FieldData &round1, const FieldData &round2, Scope scope)
{
    const FieldStats &field = round2.m_base;
    RoundComparison result;
    result.fieldId = field.fieldId;
    result.code = field.code;
    result.nameTr = field.nameTr;
    result.nameEn = field.nameEn;
    result.scope = scope;
    if (scope.kind != Scope::Kind::All)
        result.scopeName = (scope.kind == Scope::Kind::Province ? round2.m_provinceNames : round2.m_centreNames).value(scope.id);

    // competency index (of round2's list) -> teacher id -> need in each round.
    std::map<int, std::map<int, NeedPair>> answers;
    QHash<int, int> competencyOf; // round1's competency index -> round2's
    for (std::size_t i = 0; i < round1.m_base.competencies.size(); ++i)
        for (std::size_t j = 0; j < field.competencies.size(); ++j)
            if (field.competencies[j].id == round1.m_base.competencies[i].id)
                competencyOf.insert(int(i), int(j));
    QHash<int, int> responded; // teacher id -> 1 round 1, 2 round 2, 3 both
    for (const FieldData *data : { &round1, &round2 }) {
        const bool after = data == &round2;
        const std::vector<char> in = data->inScope(scope);
        for (std::size_t i = 0; i < data->m_teachers.size(); ++i)
            if (in[i] && data->m_teachers[i].responded)
                responded[data->m_teachers[i].id] |= after ? 2 : 1;
        for (const FieldData::Rating &r : data->m_ratings) {
            if (r.competency < 0 || r.need == 0 || !in[std::size_t(r.teacher)])
                continue;
            const int competency = after ? r.competency : competencyOf.value(r.competency, -1);
            if (competency < 0)
                continue;
            NeedPair &pair = answers[competency][data->m_teachers[std::size_t(r.teacher)].id];
            (after ? pair.after : pair.before) = r.need;
        }
    }
    for (const int rounds : std::as_const(responded)) {
        result.respondentsBefore += (rounds & 1) != 0;
        result.respondentsAfter += (rounds & 2) != 0;
        result.bothRounds += rounds == 3;
    }
    const std::vector<char> in = round2.inScope(scope);
    result.teachers = int(std::count(in.cbegin(), in.cend(), 1));
    const bool filtered = scope.kind != Scope::Kind::All;
    result.suppressed
        = filtered && (result.respondentsBefore < kMinGroupRespondents || result.respondentsAfter < kMinGroupRespondents);
    if (result.suppressed)
        return result;

    for (const auto &[competency, byTeacher] : answers) {
        std::vector<NeedPair> pairs;
        bool secondRound = false;
        for (const auto &[teacher, pair] : byTeacher) {
            pairs.push_back(pair);
            secondRound = secondRound || !std::isnan(pair.after);
        }
        if (!secondRound)
            continue;
        const CompetencyStats &c = field.competencies[std::size_t(competency)];
        NeedChange change = quality::computeNeedChange(pairs);
        if (filtered && (change.nBefore < kMinGroupRespondents || change.nAfter < kMinGroupRespondents))
            change = NeedChange {};
        result.competencies.push_back(CompetencyChange { c.id, c.code, c.titleTr, c.titleEn, change });
    }
    std::sort(result.competencies.begin(), result.competencies.end(),
        [](const CompetencyChange &a, const CompetencyChange &b) { return a.code < b.code; });
    return result;
}

Expected<RoundComparison> computeRoundComparison(QSqlDatabase db, const QString &code, Scope scope)
{
    auto before = FieldData::load(db, code, 1);
    if (!before)
        return before.error();
    auto after = FieldData::load(db, code, 2);
    if (!after)
        return after.error();
    return compareRounds(before.value(), after.value(), scope);
}

} // namespace kopru::stats
